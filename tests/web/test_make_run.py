"""#15: `make run` starts the web app, as the README says, in CI too.

Runs `make run` in the repository root with a free port and no browser, waits until the page answers with
its CSRF token, then stops the whole process group. It never installs anything: it skips where `make` or
the virtual environment made by `make test` (the stamp `.venv/.installed`) is missing, or where `make`
would rebuild that environment first.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from tests.web.conftest import free_port

from openup.commands.web import browser_off

ROOT = Path(__file__).resolve().parents[2]
STAMP = ROOT / ".venv" / ".installed"
CSRF = re.compile(r'<meta name="csrf-token" content="[^"]+">')


def _needs_install(env: dict[str, str]) -> bool:
    """Whether `make` would (re)build the environment before running: `make -q` answers without doing it."""
    return subprocess.run(["make", "-q", ".venv/.installed"], cwd=ROOT, env=env, capture_output=True,
                          timeout=30).returncode != 0


def _stop(proc: subprocess.Popen[bytes]) -> int:
    """Terminate the process group (make and the server it started), then wait for it."""
    with contextlib.suppress(ProcessLookupError):  # already gone
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        return proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        raise


def _answers(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
def test_make_run_serves_the_app(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    if not STAMP.exists():
        pytest.skip(f"no {STAMP.relative_to(ROOT)}: `make test` (or `make run`) has not set up .venv here")
    env = {**os.environ, "OPENUP_NO_BROWSER": "1", "BROWSER": "true", "OPENUP_DATA_DIR": str(tmp_path)}
    if _needs_install(env):
        pytest.skip("pyproject.toml is newer than .venv/.installed, so `make run` would reinstall first")
    port = free_port()
    log = (tmp_path / "make-run.log").open("wb")
    proc = subprocess.Popen(["make", "run", f"ARGS=--port {port} --no-browser"], cwd=ROOT, env=env,
                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        page = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                res = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
            except httpx.TransportError:
                time.sleep(0.2)
                continue
            page = res
            break
        output = (tmp_path / "make-run.log").read_text(errors="replace")
        assert page is not None, f"`make run` did not answer on port {port}:\n{output}"
        assert page.status_code == 200 and CSRF.search(page.text), output
        assert f"running at http://127.0.0.1:{port}/" in output
    finally:
        _stop(proc)
        log.close()
    assert not _answers(port), "the server outlived `make run`"


def test_make_run_with_no_arguments_is_what_the_readme_says() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^ARGS \?=\s*$", makefile, re.M), "ARGS must default to nothing"
    assert "\t$(BIN)/openup web $(ARGS)\n" in makefile
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "starts the web app at http://127.0.0.1:8765/ and opens it" in readme


@pytest.mark.parametrize(("value", "off"), [("", False), ("0", False), ("no", False), ("1", True), ("yes", True)])
def test_openup_no_browser(value: str, off: bool) -> None:
    assert browser_off({"OPENUP_NO_BROWSER": value}) is off
    assert browser_off({}) is False


def test_openup_web_opens_the_browser_unless_told_not_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import threading

    import uvicorn
    from tests.cli_run import run

    served: list[int] = []
    opened: list[float] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: served.append(port))

    class Timer:
        def __init__(self, delay: float, fn: object) -> None:
            opened.append(delay)

        def start(self) -> None:
            pass

    monkeypatch.setattr(threading, "Timer", Timer)
    monkeypatch.delenv("OPENUP_NO_BROWSER", raising=False)
    monkeypatch.setenv("OPENUP_DATA_DIR", str(tmp_path))
    assert run(["web"]) == 0 and served == [8765] and len(opened) == 1  # what `make run` does by default
    monkeypatch.setenv("OPENUP_NO_BROWSER", "1")
    assert run(["web", "--port", "8766"]) == 0 and served == [8765, 8766] and len(opened) == 1
    monkeypatch.delenv("OPENUP_NO_BROWSER")
    assert run(["web", "--no-browser"]) == 0 and len(opened) == 1
