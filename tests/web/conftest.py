"""A live openup web server on a free port of 127.0.0.1, for the API and browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def csrf_token(server: str, path: str = "/") -> str:
    """The CSRF token a page of the running server carries, as its own script reads it."""
    import re

    import httpx

    m = re.search(r'<meta name="csrf-token" content="([^"]+)">', httpx.get(server + path).text)
    assert m, "the page carries no CSRF token"
    return m.group(1)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from openup.web import create_app

    port = free_port()
    app = create_app(port=port, data=tmp_path_factory.mktemp("webdata"))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def shots() -> Path:
    """Screenshots of every page (read them: they are how a user sees the app)."""
    out = Path(__file__).resolve().parents[2] / "build" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    return out
