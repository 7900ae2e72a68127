"""Practice and journal through the web API, and a journal that survives the server being killed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from tests.web.conftest import csrf_token, free_port


def test_practice_today_and_calendar(server: str) -> None:
    today = httpx.get(server + "/api/practice/today").json()
    assert today["day"] == 1 and today["principle"] == "appreciate" and today["exercise"] and today["example"]
    cal = httpx.get(server + "/practice.ics")
    assert cal.headers["content-type"].startswith("text/calendar")
    assert cal.text.count("BEGIN:VEVENT") == 14 and "openup day 14" in cal.text
    assert httpx.get(server + "/practice.ics?at=25:99").status_code == 400


def test_journal_entries_newest_first(server: str) -> None:
    token = csrf_token(server, "/practice")
    first = httpx.post(server + "/api/journal", json={"text": "asked about her day", "date": "2026-03-01", "mood": 3},
                       headers={"X-CSRF-Token": token})
    second = httpx.post(server + "/api/journal", json={"text": "said thanks for dinner", "date": "2026-03-02"},
                        headers={"X-CSRF-Token": token})
    assert first.status_code == 201 and second.status_code == 201
    listed = httpx.get(server + "/api/journal").json()
    texts = [e["text"] for e in listed]
    assert texts.index("said thanks for dinner") < texts.index("asked about her day")
    assert httpx.post(server + "/api/journal", json={"text": "x"}).status_code == 403
    bad = httpx.post(server + "/api/journal", json={"text": "ok", "mood": 9}, headers={"X-CSRF-Token": token})
    assert bad.status_code == 400 and "Mood" in bad.json()["error"]


def test_a_journal_entry_with_danger_pauses_vulnerable_exercises(tmp_path: Path) -> None:
    from datetime import date

    from openup.practice import Journal, today

    with Journal(tmp_path) as j:
        entry = j.add("he said he will kill me if i leave", model=False)
        assert entry.safety == "danger"
        n, day = today(date.today())
        assert n == 1 and day.vulnerable  # day 1 asks for warmth: the page pauses it (see test below)



def _serve(port: int, data: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-m", "openup", "web", "--port", str(port), "--no-browser",
                             "--data-dir", str(data)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "OPENUP_MODEL": "off"})
    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/practice/today", timeout=0.5)
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    pytest.fail("the server did not start")


def test_an_acknowledged_entry_survives_sigkill(tmp_path: Path) -> None:
    port = free_port()
    server = f"http://127.0.0.1:{port}"
    proc = _serve(port, tmp_path)
    try:
        res = httpx.post(server + "/api/journal", json={"text": "we talked on the walk home"},
                         headers={"X-CSRF-Token": csrf_token(server, "/practice")})
        assert res.status_code == 201
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    proc = _serve(port, tmp_path)
    try:
        assert [e["text"] for e in httpx.get(server + "/api/journal").json()] == ["we talked on the walk home"]
    finally:
        proc.kill()
        proc.wait()


def test_the_day_7_review_sets_the_weeks_since_beside_the_weeks_before(tmp_path: Path) -> None:
    import json
    from datetime import date, timedelta

    from fastapi.testclient import TestClient

    from openup.practice import Journal
    from openup.web import create_app

    start = date.today() - timedelta(days=8)
    before = (start - timedelta(days=14)).isocalendar()
    since = date.today().isocalendar()
    weekly = {"me": "Alex", "rows": [
        {"week": f"{before[0]}-W{before[1]:02d}", "person": "Alex", "appreciation": 1, "criticism": 6},
        {"week": f"{since[0]}-W{since[1]:02d}", "person": "Alex", "appreciation": 5, "criticism": 1},
        {"week": f"{since[0]}-W{since[1]:02d}", "person": "Sam", "appreciation": 9, "criticism": 9},
    ]}
    with Journal(tmp_path) as j:
        j.set("start", start.isoformat())
        j.set("weekly", json.dumps(weekly))
        j.add("thanked her for the coffee", start + timedelta(days=1), 2, model=False)
        j.add("asked about the interview", start + timedelta(days=3), 4, model=False)
    client = TestClient(create_app(data=tmp_path, hosts=frozenset({"testserver"})))
    got = client.get("/api/practice/review").json()
    assert got["days_written"] == 2 and (got["mood_first"], got["mood_last"]) == (2, 4)
    assert got["weeks"]["appreciation"] == {"before": 1.0, "since": 5.0, "weeks_before": 1, "weeks_since": 1}
    assert got["weeks"]["criticism"]["since"] == 1.0
    html = client.get("/practice").text
    assert "Looking back" in html and "appreciative messages" in html and "Day 9 of 14" in html


def test_export_and_delete_everything(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from openup.web import create_app

    client = TestClient(create_app(data=tmp_path, hosts=frozenset({"testserver"})))
    token = re.search(r'csrf-token" content="([^"]+)"', client.get("/practice").text).group(1)  # type: ignore[union-attr]
    client.post("/api/journal", json={"text": "we walked the dog together", "mood": 5}, headers={"X-CSRF-Token": token})
    md = client.get("/api/journal/export", params={"format": "md"})
    assert "attachment" in md.headers["content-disposition"] and "we walked the dog together" in md.text
    data = client.get("/api/journal/export").json()
    assert data["format"] == "openup-journal" and data["entries"][0]["mood"] == 5
    assert client.post("/api/journal/delete").status_code == 403
    assert client.post("/api/journal/delete", headers={"X-CSRF-Token": token}).json() == {"deleted": True}
    assert not (tmp_path / "journal.db").exists()
    assert client.get("/api/journal").json() == []
