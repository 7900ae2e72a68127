"""The journal database: schema versions, encryption at rest, export and delete."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from openup.practice import Journal, JournalError
from openup.practice.journal import MIGRATIONS


def test_plain_journal_round_trip(tmp_path: Path) -> None:
    with Journal(tmp_path) as j:
        j.add("asked about the interview", "2026-03-01", 4, model=False)
        j.add("said sorry for snapping", "2026-03-02", model=False)
        assert [e.text for e in j.entries()] == ["said sorry for snapping", "asked about the interview"]
        data = j.export()
        assert data["version"] == len(MIGRATIONS) and len(data["entries"]) == 2
        assert "## 2026-03-01 · mood 4/5" in j.export_markdown()
    db = sqlite3.connect(tmp_path / "journal.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_encrypted_journal_is_not_readable_without_its_passphrase(tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    with Journal(tmp_path, passphrase="blue kettle 42") as j:
        j.add("a private line about my partner", model=False)
    raw = (tmp_path / "journal.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"private line" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "journal.db").execute("SELECT * FROM entry").fetchall()
    for wrong in ("blue kettle 43", None):
        with pytest.raises(JournalError, match="passphrase"):
            Journal(tmp_path, passphrase=wrong)
    with Journal(tmp_path, passphrase="blue kettle 42") as j:
        assert j.entries()[0].text == "a private line about my partner"


def test_bad_entries_get_one_sentence(tmp_path: Path) -> None:
    with Journal(tmp_path) as j:
        for text, day, mood in (("", None, None), ("ok", "yesterday", None), ("ok", None, 0), ("ok", None, True)):
            with pytest.raises(JournalError):
                j.add(text, day, mood, model=False)
        assert j.entries() == []


def test_delete_all_removes_the_files(tmp_path: Path) -> None:
    j = Journal(tmp_path)
    j.add("something", model=False)
    j.delete_all()
    assert not any(tmp_path.iterdir())


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    Journal(tmp_path).close()
    db = sqlite3.connect(tmp_path / "journal.db")
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.commit()
    db.close()
    with pytest.raises(JournalError, match="newer openup"):
        Journal(tmp_path)


def test_the_web_journal_locks_after_idle_and_unlocks_with_its_passphrase(tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    from fastapi.testclient import TestClient

    from openup.web import create_app

    app = create_app(data=tmp_path, passphrase="blue kettle 42", hosts=frozenset({"testserver"}), lock_after_s=60,
                     discreet=True)
    now = [0.0]  # the lock's clock, moved by hand: a busy machine must not lock the journal mid-test
    app.app.state.lock._clock = lambda: now[0]  # create_app returns the app inside its guard
    client = TestClient(app)
    html = client.get("/practice").text
    assert "<title>Notes</title>" in html and "openup" not in html.split("<body>")[0].replace("/static/", "")
    token = html.split('csrf-token" content="')[1].split('"')[0]
    assert client.post("/api/journal", json={"text": "we laughed"}, headers={"X-CSRF-Token": token}).status_code == 201
    now[0] += 61  # a minute without use
    locked = client.get("/api/journal")
    assert locked.status_code == 400 and "locked" in locked.json()["error"]
    assert "Open the journal" in client.get("/practice").text
    wrong = client.post("/api/unlock", json={"passphrase": "nope"}, headers={"X-CSRF-Token": token})
    assert wrong.status_code == 400 and "passphrase" in wrong.json()["error"]
    ok = client.post("/api/unlock", json={"passphrase": "blue kettle 42"}, headers={"X-CSRF-Token": token})
    assert ok.status_code == 200
    assert [e["text"] for e in client.get("/api/journal").json()] == ["we laughed"]
