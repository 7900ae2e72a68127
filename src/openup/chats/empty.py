"""What an export that holds no messages seems to be, for the one sentence that says so (`NoMessages`).

Everything named here comes from the file, which someone else may have written: keys and column names are
clipped, a few at most, and shown as text.
"""

from __future__ import annotations

import csv
import re
from typing import Final

from openup.chats.model import ImportReport
from openup.chats.safe_io import HEAD_BYTES, Source, loads_json
from openup.errors import NoMessages

_KIND: Final[dict[str, str]] = {
    "whatsapp": "a WhatsApp export",
    "telegram": "a Telegram export",
    "signal": "a Signal export",
    "signal-json": "a Signal export",
    "messenger": "a Messenger export",
    "instagram": "an Instagram export",
    "imessage": "an iMessage database",
    "sms": "an SMS Backup & Restore file",
    "discord": "a Discord export",
    "googlechat": "a Google Chat export",
    "line": "a LINE export",
    "csv": "a CSV file",
    "jsonl": "a JSON-lines file",
}
_PLAIN: Final = re.compile(r"[\w .@#+-]{1,30}")
_SHOWN: Final = 6  # keys or columns named at most
_NEEDED: Final = "a timestamp, a sender and a text"


def no_messages(source: Source, fmt: str, report: ImportReport) -> NoMessages:
    """The error for `source`, read as `fmt` to the end without one message."""
    kind = _KIND.get(fmt, "a chat export")
    looks = ""
    try:
        if fmt == "jsonl":
            kind, looks = _jsonl(source, report)
        elif fmt == "csv":
            looks = _csv(source, report)
    except Exception:  # a description is a courtesy; the error stands without it
        looks = ""
    return NoMessages(source.display, kind, looks or _skipped(report) or "nothing in it reads as a message")


def _name(key: object) -> str:
    text = str(key)
    return text if _PLAIN.fullmatch(text) else repr(text[:30])


def _names(keys: list[object]) -> str:
    shown = ", ".join(_name(k) for k in keys[:_SHOWN])
    more = len(keys) - _SHOWN
    return shown + (f" and {more} more" if more > 0 else "") if keys else ""


def _skipped(report: ImportReport) -> str:
    total = report.skipped.total
    if not total:
        return ""
    reason, n = report.skipped.counts.most_common(1)[0]
    records = {1: "its one record was", 2: "both records were"}.get(total, f"all {total:,} records were")
    return f"{records} skipped" + (f": {reason}" if n == total else f", most as: {reason}")


def _head_text(source: Source) -> str:
    return source.head(HEAD_BYTES).decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")


def _jsonl(source: Source, report: ImportReport) -> tuple[str, str]:
    text = _head_text(source)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    whole = source.size <= HEAD_BYTES
    if not lines or (whole and len(lines) == 1):
        value = loads_json(text) if text.strip() else None
        if isinstance(value, dict):
            keys = list(value)
            what = f"a single object with keys {_names(keys)}" if keys else "a single empty object"
            return "JSON", f"it looks like {what}" + _why(keys, report)
        return "JSON", ""
    first = loads_json(lines[0])
    if not isinstance(first, dict):
        return "a JSON-lines file", _skipped(report)
    keys = list(first)
    count = f"{len(lines):,} objects" if whole else "objects"
    what = f"{count} with keys {_names(keys)}" if keys else f"{count} with no keys"
    return "a JSON-lines file", f"it looks like {what}" + (_why(keys, report) or f"; a message needs {_NEEDED}")


def _why(keys: list[object], report: ImportReport) -> str:
    """Why objects with these keys gave no message: the skip reason if they name the needed fields."""
    from openup.chats.generic import SENDER_COLUMNS, TEXT_COLUMNS, TIME_COLUMNS

    names = {str(k).strip().lower() for k in keys}
    if names & TIME_COLUMNS and names & SENDER_COLUMNS and names & TEXT_COLUMNS and report.skipped:
        return "; " + _skipped(report)
    return ""


def _csv(source: Source, report: ImportReport) -> str:
    if report.skipped:
        return _skipped(report)
    first = _head_text(source).splitlines()[:1]
    if not first:
        return ""
    line = first[0]
    delimiter = ";" if line.count(";") > line.count(",") else "\t" if line.count("\t") > line.count(",") else ","
    header = next(csv.reader([line], delimiter=delimiter), [])
    return f"it has only a header row: {_names(list(header))}" if header else ""
