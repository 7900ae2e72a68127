"""Signal, as written by signal-export (`sigexport`): `chat.md` and the JSON-lines `data.json`.

`chat.md` headers: older `[2019-12-24, 12:23] Name: text`, newer `[2019-12-24 12:23:45] Name: text`;
a message runs until the next header. signal-export appends `(- Name: 👍 -)` reaction lines, `(( 🙂 ))`
for stickers and `[file](./path)` links for attachments: reactions become "reaction" rows (and are cut
from the text), a body of only attachment links is "media", `(This message was deleted)` is "deleted".
`data.json` holds one object per line: date, sender, body, quote, sticker, reactions, attachments,
deleted, call, missed. Times are the exporter's local wall clock. The exporter's own name is "Me".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from openup.chats.model import ImportReport, Kind, Message
from openup.chats.options import ParseOptions
from openup.chats.records import RECORD_ERRORS, IdMaker, parse_iso, skip_unreadable, times
from openup.chats.safe_io import Source, loads_json
from openup.errors import UserError

PLATFORM: Final = "signal"
_HEADER: Final = re.compile(r"^\[(\d{4})-(\d{2})-(\d{2})(?:, | )(\d{2}):(\d{2})(?::(\d{2}))?\] (.*)")
_REACTIONS: Final = re.compile(r"\n\(- (.*) -\)$")
_STICKER: Final = re.compile(r"^\n?\(\( (.*) \)\)$")
# Atomic and possessive: each link is matched once and never re-split, so a long run of links followed by
# anything else fails in linear time (the plain `(?:\s*...\s*)+` form backtracks exponentially).
_LINKS_ONLY: Final = re.compile(r"^(?>\s*+!?\[[^\]]*+\]\([^)]*+\))++\s*+$")
_DELETED: Final = "(This message was deleted)"


def _is_me(name: str | None, opts: ParseOptions) -> bool:
    return name == "Me" or opts.is_me(name)  # signal-export always calls the exporter "Me"


def parse_signal(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Messages of a signal-export chat.md, in file order."""
    report.platform = PLATFORM
    report.tz_source = opts.naive_tz_source
    report.chat_id = (
        source.path.parent.name if source.member is None else Path(source.member).parent.name or "signal"
    )
    report.title = report.chat_id
    cur: tuple[int, datetime, str] | None = None
    extra: list[str] = []
    for lineno, line in enumerate(source.lines(report.warnings), 1):
        m = _HEADER.match(line)
        dt = None
        if m is not None:
            y, mo, d, h, mi, s = (int(g) if g else 0 for g in m.groups()[:6])
            try:
                dt = datetime(y, mo, d, h, mi, s)
            except ValueError:
                dt = None
        if m is not None and dt is not None:
            if cur is not None:
                yield from _md_message(cur, extra, opts, report)
            cur, extra = (lineno, dt, m.group(7)), []
        elif cur is not None:
            extra.append(line)
        elif line.strip():
            report.skipped.add("text before the first message header", lineno, line.rstrip("\n"))
    if cur is not None:
        yield from _md_message(cur, extra, opts, report)
    elif not report.skipped:
        raise UserError(
            f"{source.display} has no Signal message lines (like '[2019-12-24 12:23:00] Name: text')."
        )


def _md_message(
    cur: tuple[int, datetime, str], extra: list[str], opts: ParseOptions, report: ImportReport
) -> Iterator[Message]:
    lineno, dt, rest = cur
    body = rest + ("\n" + "".join(extra) if extra else "")
    if body.endswith("\n"):
        body = body[:-1]
    name, sep, text = body.partition(": ")
    if not sep:
        name, text = "", body
    sender = name or None
    reactions: list[tuple[str, str]] = []
    rm = _REACTIONS.search(text)
    if rm is not None:
        text = text[: rm.start()]
        for part in rm.group(1).split(", "):
            who, _, emoji = part.rpartition(": ")
            reactions.append((who, emoji))
    kind: Kind = "text"
    if sender is None:
        kind = "system"
    elif text.strip() == _DELETED:
        kind = "deleted"
    elif _STICKER.match(text):
        kind = "sticker"
    elif _LINKS_ONLY.match(text) and "](./" in text:
        kind = "media"
    ts_local, ts_utc = opts.local_pair(dt)
    msg_id = f"L{lineno}"
    yield Message(
        PLATFORM,
        report.chat_id,
        msg_id,
        ts_local,
        ts_utc,
        sender,
        sender,
        _is_me(sender, opts),
        kind,
        text,
        None,
        False,
        lineno,
    )
    for i, (who, emoji) in enumerate(reactions, 1):
        w = who or None
        yield Message(
            PLATFORM,
            report.chat_id,
            f"{msg_id}~{i}",
            ts_local,
            ts_utc,
            w,
            w,
            _is_me(w, opts),
            "reaction",
            emoji,
            msg_id,
            False,
            lineno,
        )


def parse_signal_json(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Messages of a signal-export data.json (one JSON object per line), in file order."""
    report.platform = PLATFORM
    report.tz_source = opts.naive_tz_source
    report.chat_id = (
        source.path.parent.name if source.member is None else Path(source.member).parent.name or "signal"
    )
    report.title = report.chat_id
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
            msgs = list(_json_message(raw, lineno, ids, opts, report))
        except RECORD_ERRORS as exc:
            skip_unreadable(report, lineno, exc, raw)
            continue
        yield from msgs


def _json_message(
    raw: dict[str, Any], lineno: int, ids: IdMaker, opts: ParseOptions, report: ImportReport
) -> Iterator[Message]:
    dt = parse_iso(raw.get("date"))
    if dt is None:
        report.skipped.add("message has no readable date", lineno, str(raw.get("date"))[:40])
        return
    ts_local, ts_utc = times(dt, opts)
    sender = raw.get("sender") if isinstance(raw.get("sender"), str) else None
    body = raw.get("body")
    text = body if isinstance(body, str) else ""
    kind: Kind = "text"
    if raw.get("deleted"):
        kind = "deleted"
    elif raw.get("call") or raw.get("missed"):
        kind = "call"
    elif raw.get("sticker"):
        kind = "sticker"
    elif raw.get("attachments") and not text.strip():
        kind = "media"
    msg_id = ids.make(raw.get("id"), lineno)
    yield Message(
        PLATFORM,
        report.chat_id,
        msg_id,
        ts_local,
        ts_utc,
        sender,
        sender,
        _is_me(sender, opts),
        kind,
        text,
        None,
        False,
        lineno,
    )
    for i, r in enumerate(raw.get("reactions") or [], 1):
        if isinstance(r, (list, tuple)) and len(r) == 2:
            who, emoji = str(r[0]), str(r[1])
        elif isinstance(r, dict):
            who, emoji = str(r.get("name", "")), str(r.get("emoji", ""))
        else:
            continue
        yield Message(
            PLATFORM,
            report.chat_id,
            f"{msg_id}~{i}",
            ts_local,
            ts_utc,
            who or None,
            who or None,
            _is_me(who, opts),
            "reaction",
            emoji,
            msg_id,
            False,
            lineno,
        )
