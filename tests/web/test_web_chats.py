"""Our chats: an export is uploaded, read with progress, analysed, and its report served under its own
strict policy; names and messages from the other person stay text."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.web.conftest import csrf_token

CHAT = """\
04/03/2024, 09:00 - Alex: guess what, I got the job
04/03/2024, 09:02 - Sam <img src=x onerror=alert(1)>: that's amazing, what did your boss say?
04/03/2024, 09:05 - Alex: I feel so relieved
04/03/2024, 09:06 - Sam <img src=x onerror=alert(1)>: <script>alert(2)</script> it sounds like you were worried
05/03/2024, 18:30 - Alex: thank you for dinner
12/03/2024, 08:00 - Alex: You're so lazy
"""



def _wait(server: str, job: dict[str, Any]) -> dict[str, Any]:
    for _ in range(300):
        if job["state"] not in ("reading", "measuring"):
            return job
        time.sleep(0.1)
        job = httpx.get(f"{server}/api/chats/{job['id']}").json()
    pytest.fail("the analysis did not finish")


def test_upload_read_and_report(server: str) -> None:
    token = csrf_token(server, "/chats")
    res = httpx.post(server + "/api/chats", params={"name": "WhatsApp Chat with Sam.txt"},
                     content=CHAT.encode(), headers={"X-CSRF-Token": token})
    assert res.status_code == 202
    job = _wait(server, res.json())
    assert job["state"] == "need_me" and len(job["people"]) == 2
    res = httpx.post(server + "/api/chats", params={"name": "chat.txt", "me": "Alex"}, content=CHAT.encode(),
                     headers={"X-CSRF-Token": token})
    job = _wait(server, res.json())
    assert job["state"] == "done" and job["summary"]["messages"] == 6
    report = httpx.get(server + job["report"])
    csp = report.headers["content-security-policy"]
    assert "script-src 'sha256-" in csp and "default-src 'none'" in csp and "'self'" not in csp
    assert "<img src=x" not in report.text and "&lt;img src=x" in report.text
    saved = httpx.get(server + job["report"], params={"download": 1})
    assert "attachment" in saved.headers["content-disposition"]


def test_refusals(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from openup.web import chats

    token = csrf_token(server, "/chats")
    assert httpx.post(server + "/api/chats", content=CHAT.encode()).status_code == 403
    empty = httpx.post(server + "/api/chats", content=b"", headers={"X-CSRF-Token": token})
    assert empty.status_code == 400 and empty.json()["error"].endswith(".")
    monkeypatch.setattr(chats, "MAX_UPLOAD", 100)
    big = httpx.post(server + "/api/chats", content=CHAT.encode(), headers={"X-CSRF-Token": token})
    assert big.status_code == 413
    monkeypatch.undo()
    junk = httpx.post(server + "/api/chats", params={"name": "x.bin"}, content=b"\x00\x01" * 500,
                      headers={"X-CSRF-Token": token})
    job = _wait(server, junk.json())
    assert job["state"] == "error" and job["error"].endswith(".") and "Traceback" not in job["error"]
    assert httpx.get(server + "/api/chats/nope").status_code == 400


def test_temporary_copies_are_removed(server: str, tmp_path: Path) -> None:
    from openup.web.chats import Jobs

    jobs = Jobs()
    job = jobs.new("../../etc/passwd")
    assert job.name == "passwd" and job.folder.is_dir()
    jobs.close()
    assert not job.folder.exists()


def test_an_analysis_puts_its_priorities_first_in_the_practice(tmp_path: Path) -> None:
    from datetime import date

    from openup.practice import ordered, today

    n, first = today(date.today(), personal=("give-room",))
    assert n == 1 and first.principle == "give-room"
    days = ordered(("listen", "give-room"))
    assert [d.day for d in days].index(7) == 6 and days[-1].day == 14  # the reviews keep their days
    assert [d.principle for d in days[:3]] == ["listen", "listen", "give-room"]  # then the method's order


def test_an_export_with_no_messages_says_what_it_is(server: str) -> None:
    token = csrf_token(server, "/chats")
    res = httpx.post(server + "/api/chats", params={"name": "x.json"}, content=b'{"hello": "world"}\n',
                     headers={"X-CSRF-Token": token})
    job = _wait(server, res.json())
    assert job["state"] == "error"
    assert job["error"] == "x.json is JSON but holds no chat messages (it looks like a single object with keys hello)."
