"""The private journal: SQLite in the user's data folder, optionally encrypted with SQLCipher.

- WAL mode with `synchronous=FULL`: `add()` returns only after the entry is committed to disk, so an entry
  that was acknowledged survives the process being killed right after.
- Versioned schema: `MIGRATIONS[n]` takes the database from version n to n + 1 (`PRAGMA user_version`).
- With a passphrase the whole file is encrypted at rest (SQLCipher 4); the passphrase is never stored,
  and the wrong one is refused with a sentence, not a traceback.
- Every entry is screened for signs of abuse or crisis (`coach.safety.assess`); the level is stored
  with it, so the practice can pause exercises that ask for vulnerability.
- `export()` gives everything as plain data; `delete_all()` removes the file and its WAL.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from openup.errors import UserError

FILE = "journal.db"
MAX_TEXT = 20_000
MIGRATIONS: Sequence[str] = (
    # 0 -> 1: entries and the practice's start date
    """
    CREATE TABLE entry (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        day TEXT NOT NULL,            -- the date the entry is about (ISO)
        written TEXT NOT NULL,        -- when it was saved (UTC, ISO)
        text TEXT NOT NULL,
        mood INTEGER CHECK (mood BETWEEN 1 AND 5),
        safety TEXT NOT NULL DEFAULT 'none'
    );
    CREATE INDEX entry_day ON entry(day);
    CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
)


def default_folder(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Where the journal lives: the folder given (`--data-dir`), else $OPENUP_DATA_DIR, else the user's data
    folder (platformdirs)."""
    if explicit:
        return Path(explicit)
    if os.environ.get("OPENUP_DATA_DIR"):
        return Path(os.environ["OPENUP_DATA_DIR"])
    import platformdirs

    return Path(platformdirs.user_data_dir("openup", appauthor=False))


class JournalError(UserError):
    """The journal cannot be opened or written (wrong passphrase, unreadable file, bad entry)."""


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    day: str
    written: str
    text: str
    mood: int | None
    safety: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.day, "written": self.written, "text": self.text, "mood": self.mood,
                "safety": self.safety}


class Journal:
    """One user's journal in `folder` (created if needed). Use as a context manager, or call close()."""

    def __init__(self, folder: str | Path, passphrase: str | None = None) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILE
        self.encrypted = bool(passphrase)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise JournalError(f"Cannot create the journal folder {self.folder}: {exc.strerror or exc}.") from None
        self.db = self._connect(passphrase)
        self._migrate()

    # -- opening -----------------------------------------------------------------------------------------
    def _connect(self, passphrase: str | None) -> Any:
        if passphrase:
            try:
                import sqlcipher3
            except ImportError:
                raise JournalError("An encrypted journal needs the sqlcipher3-binary package; install it with "
                                   "`pip install sqlcipher3-binary`.") from None
            db = sqlcipher3.connect(str(self.path), timeout=10, isolation_level=None)
            db.execute("PRAGMA cipher_log_level = NONE")  # a wrong passphrase is our sentence, not C log lines
            db.execute("PRAGMA key = " + _quote(passphrase))
        else:
            db = sqlite3.connect(str(self.path), timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception as exc:  # sqlite3 and sqlcipher3 raise their own DatabaseError types
            db.close()
            if passphrase or "not a database" in str(exc) or "encrypted" in str(exc):
                raise JournalError("The journal could not be opened: the passphrase is wrong, or the journal is "
                                   "encrypted and needs one.") from None
            raise JournalError(f"The journal at {self.path} could not be read: {exc}.") from None
        return db

    def _migrate(self) -> None:
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        if version > len(MIGRATIONS):
            raise JournalError(f"This journal was written by a newer openup (schema {version}); update openup.")
        for n in range(version, len(MIGRATIONS)):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(MIGRATIONS[n]):  # executescript would commit half-way
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {n + 1}")
                self.db.execute("COMMIT")
            except Exception:
                self.db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- entries -----------------------------------------------------------------------------------------
    def add(self, text: str, day: date | str | None = None, mood: int | None = None,
            country: str | None = None, model: bool | None = None) -> Entry:
        """Save one entry; returns it once it is committed. The entry is screened for safety first, by both
        tiers as `check` screens a draft (`model=False`: the patterns alone)."""
        from openup.coach.safety import assess
        from openup.text.detect import detect

        if not isinstance(text, str) or not text.strip():
            raise JournalError("The journal entry is empty; write a line or two about today.")
        if len(text) > MAX_TEXT:
            raise JournalError("That journal entry is too long; keep it under 20,000 characters.")
        if mood is not None and (isinstance(mood, bool) or not isinstance(mood, int) or not 1 <= mood <= 5):
            raise JournalError("Mood is a number from 1 (low) to 5 (good).")
        on = _day(day)
        level = assess(text, detect(text, model=model), country=country).level
        written = datetime.now(UTC).isoformat(timespec="seconds")
        cur = self.db.execute("INSERT INTO entry (day, written, text, mood, safety) VALUES (?, ?, ?, ?, ?)",
                              (on, written, text, mood, level))
        return Entry(int(cur.lastrowid), on, written, text, mood, level)

    def entries(self) -> list[Entry]:
        """Every entry, newest first."""
        rows = self.db.execute("SELECT id, day, written, text, mood, safety FROM entry "
                               "ORDER BY day DESC, id DESC").fetchall()
        return [Entry(*row) for row in rows]

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO setting (key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def started(self) -> date:
        """The practice's first day: recorded the first time it is asked for (today, then)."""
        value = self.setting("start")
        if value is None:
            value = date.today().isoformat()
            self.set("start", value)
        return date.fromisoformat(value)

    def export(self) -> dict[str, Any]:
        """Everything in the journal, as plain data (for JSON)."""
        settings = dict(self.db.execute("SELECT key, value FROM setting").fetchall())
        return {"format": "openup-journal", "version": len(MIGRATIONS), "settings": settings,
                "entries": [e.to_dict() for e in self.entries()]}

    def export_markdown(self) -> str:
        lines = ["# My openup journal", ""]
        for e in reversed(self.entries()):
            mood = f" · mood {e.mood}/5" if e.mood else ""
            lines += [f"## {e.day}{mood}", "", e.text, ""]
        return "\n".join(lines)

    def delete_all(self) -> None:
        """Delete the journal: the database file and its WAL and shared-memory files."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)


def _statements(script: str) -> list[str]:
    out = []
    for part in script.split(";"):
        body = "\n".join(line.split("--")[0] for line in part.splitlines()).strip()
        if body:
            out.append(body)
    return out


def _quote(passphrase: str) -> str:
    """A passphrase as an SQL string literal (PRAGMA key takes no bound parameters)."""
    return "'" + passphrase.replace("'", "''") + "'"


def _day(value: date | str | None) -> str:
    if value is None:
        return date.today().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise JournalError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-01.") from None


def dumps(journal: Journal) -> str:
    return json.dumps(journal.export(), ensure_ascii=False, indent=1)
