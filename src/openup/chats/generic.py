"""Generic CSV and JSON-lines chats, for any app without its own parser.

Columns (CSV header row, or keys of each JSON object; names are case-insensitive):

- timestamp (required; aliases time, date, datetime, ts): ISO 8601 (naive = local time, Z or an
  offset = UTC) or Unix seconds/milliseconds.
- sender (required; aliases author, from, name, sender_name): who wrote it.
- text (required; aliases message, body, content): the message; newlines allowed (quote them in CSV).
- kind (optional; alias type): text, media, sticker, call, system, deleted or reaction (default text).
- msg_id (optional; aliases id, message_id): a unique id; default `L<line>`.
- sender_id (optional): a stable id of the sender (default: sender).
- reply_to (optional): the msg_id this replies to.
- edited (optional): true/false/1/0.

CSV may use comma, semicolon or tab. Both are streamed: memory does not grow with the file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Final

from openup.chats.model import KINDS, ImportReport, Kind, Message
from openup.chats.options import ParseOptions
from openup.chats.records import RECORD_ERRORS, IdMaker, from_epoch, parse_iso, skip_unreadable, times
from openup.chats.safe_io import Source, loads_json
from openup.errors import UserError

# The longest CSV field read (16 MiB: far beyond any chat message); a longer one skips its row.
MAX_FIELD: Final = 16 * 1024 * 1024
TIME_COLUMNS: Final = frozenset({"timestamp", "time", "date", "datetime", "ts"})
SENDER_COLUMNS: Final = frozenset({"sender", "author", "from", "name", "sender_name"})
TEXT_COLUMNS: Final = frozenset({"text", "message", "body", "content"})
_ALIASES: Final = {
    **{c: "timestamp" for c in TIME_COLUMNS},
    **{c: "sender" for c in SENDER_COLUMNS},
    **{c: "text" for c in TEXT_COLUMNS},
    "kind": "kind",
    "type": "kind",
    "msg_id": "msg_id",
    "id": "msg_id",
    "message_id": "msg_id",
    "sender_id": "sender_id",
    "reply_to": "reply_to",
    "edited": "edited",
}


def parse_time(value: object) -> datetime | None:
    """A datetime from ISO 8601 text or Unix seconds/milliseconds."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return from_epoch(value, 1000 if abs(value) > 1e11 else 1)
    if isinstance(value, str):
        s = value.strip()
        if len(s) > 40:
            return None
        return parse_time(float(s)) if s and s.replace(".", "", 1).lstrip("-").isdigit() else parse_iso(s)
    return None


def _normalise(row: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for k, v in row.items():
        if isinstance(k, str):
            key = _ALIASES.get(k.strip().lower())
            if key is not None and key not in out:
                out[key] = v
    return out


def _row(
    row: dict[str, object], lineno: int, ids: IdMaker, platform: str, opts: ParseOptions, report: ImportReport
) -> Message | None:
    r = _normalise(row)
    dt = parse_time(r.get("timestamp"))
    if dt is None:
        report.skipped.add("row has no readable timestamp", lineno, str(r.get("timestamp", ""))[:40])
        return None
    ts_local, ts_utc = times(dt, opts)
    sender = str(r["sender"]) if r.get("sender") not in (None, "") else None
    sender_id = str(r["sender_id"]) if r.get("sender_id") not in (None, "") else sender
    text = r.get("text")
    text_s = "" if text is None else text if isinstance(text, str) else json.dumps(text, ensure_ascii=False)
    kind_raw = str(r.get("kind") or "text").strip().lower()
    if kind_raw not in KINDS:
        report.warn(
            f"Unknown kind values (such as {kind_raw!r}) were read as text; use one of {', '.join(KINDS)}."
        )
        kind_raw = "text"
    kind: Kind = kind_raw  # type: ignore[assignment]
    edited = str(r.get("edited", "")).strip().lower() in ("1", "true", "yes")
    reply = r.get("reply_to")
    # Only ids the file supplies are remembered (to keep them unique); line ids are unique already.
    msg_id = ids.make(r["msg_id"], lineno) if r.get("msg_id") not in (None, "") else f"L{lineno}"
    return Message(
        platform,
        report.chat_id,
        msg_id,
        ts_local,
        ts_utc,
        sender_id,
        sender,
        opts.is_me(sender, sender_id),
        kind,
        text_s,
        str(reply) if reply not in (None, "") else None,
        edited,
        lineno,
    )


def parse_csv(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Rows of a CSV chat (see the module docstring for columns), in file order."""
    report.platform = "csv"
    report.tz_source = opts.naive_tz_source
    report.chat_id = source.path.stem
    csv.field_size_limit(MAX_FIELD)
    lines = source.lines(report.warnings)
    first = next(lines, "")
    if len(first) > MAX_FIELD:
        raise UserError(f"{source.display} has a header row of {len(first):,} characters; it is not a chat CSV.")
    dialect = (
        ";" if first.count(";") > first.count(",") else "\t" if first.count("\t") > first.count(",") else ","
    )
    header = next(csv.reader([first], delimiter=dialect), [])
    cols = {_ALIASES.get(h.strip().lower()) for h in header}
    missing = [c for c in ("timestamp", "sender", "text") if c not in cols]
    if missing:
        raise UserError(
            f"{source.display} has no {', '.join(missing)} column; the header row must name "
            "timestamp, sender and text columns."
        )
    reader = csv.DictReader(lines, fieldnames=header, delimiter=dialect)
    ids = IdMaker()
    any_utc = False
    csv.field_size_limit(MAX_FIELD)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a field over MAX_FIELD, a NUL byte: that row is skipped
            report.skipped.add(f"row could not be read ({exc})"[:80], reader.line_num + 1)
            continue
        lineno = reader.line_num + 1
        try:
            msg = _row(dict(row), lineno, ids, "csv", opts, report)
        except RECORD_ERRORS as exc:
            skip_unreadable(report, lineno, exc, row)
            continue
        if msg is not None:
            any_utc = any_utc or msg.ts_utc is not None
            yield msg
    if any_utc:
        report.tz_source = opts.utc_tz_source


def parse_jsonl(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Objects of a JSON-lines chat (one per line; see the module docstring for keys), in file order."""
    report.platform = "jsonl"
    report.tz_source = opts.naive_tz_source
    report.chat_id = source.path.stem
    ids = IdMaker()
    for lineno, line in enumerate(source.lines(report.warnings), 1):
        if not line.strip():
            continue
        try:
            raw = loads_json(line)
        except (ValueError, RecursionError):
            report.skipped.add("line is not valid JSON", lineno, line[:80])
            continue
        if not isinstance(raw, dict):
            report.skipped.add("line is not a JSON object", lineno, line)
            continue
        try:
            msg = _row(raw, lineno, ids, "jsonl", opts, report)
        except RECORD_ERRORS as exc:
            skip_unreadable(report, lineno, exc, raw)
            continue
        if msg is not None:
            if msg.ts_utc is not None:
                report.tz_source = opts.utc_tz_source
            yield msg


parse = parse_csv
