"""Nothing leaves the machine: check, reply, analyze, the practice and the web app all run with every
outgoing connection to anything but loopback made to fail."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

LOOPBACK = ("127.", "::1", "localhost")


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    tried: list[Any] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def _allowed(address: Any) -> bool:
        return not isinstance(address, tuple) or str(address[0]).startswith(LOOPBACK)

    def connect(self: socket.socket, address: Any) -> None:
        if not _allowed(address):
            tried.append(address)
            raise OSError("openup test: no network beyond this machine")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not _allowed(address):
            tried.append(address)
            return 111
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.delenv("OPENUP_LLM_URL", raising=False)
    yield tried
    assert not tried, f"openup tried to reach {tried}"


def test_everything_runs_offline(no_network: list[Any], server: str, tmp_path: Path) -> None:
    from tests.analysis.helpers import alternate, conv

    import openup
    from openup.analysis import write_report
    from openup.practice import Journal, ics

    assert openup.check("You never listen to me").rewrite
    assert openup.reply("My boss yelled at me in front of everyone").suggestions
    a = openup.analyze(conv(alternate(["how was work?", "thank you"], ["long day", "I feel tired"])))
    write_report(a, tmp_path / "report")
    with Journal(tmp_path / "journal") as j:
        j.add("asked about the meeting")
    from datetime import date, time

    assert ics(date(2026, 1, 1), time(20, 0))
    html = httpx.get(server + "/").text
    token = re.search(r'csrf-token" content="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    for path, body in (("/api/check", {"text": "calm down"}), ("/api/reply", {"text": "I lost my job"}),
                       ("/api/journal", {"text": "we talked"})):
        assert httpx.post(server + path, json=body, headers={"X-CSRF-Token": token}).status_code in (200, 201)
    for path in ("/", "/reply", "/chats", "/practice", "/safety", "/practice.ics", "/api/practice/today"):
        assert httpx.get(server + path).status_code == 200
