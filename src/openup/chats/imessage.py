"""Apple Messages `chat.db` (macOS ~/Library/Messages/chat.db), opened read-only.

Dates are nanoseconds (seconds in databases before macOS 10.13) since 2001-01-01 UTC. When `text` is
NULL the words live in `attributedBody`, an NSAttributedString "typedstream" blob: we read the
NSString payload that follows the class name. `is_from_me` marks the exporter's own messages; senders
are their `handle.id` (phone or e-mail). Tapbacks (associated_message_type 2000-3005) are "reaction"
rows; rows with attachments and no text are "media"; group events (item_type > 0) are "system".
A database with several chats gives all of them; each message's chat_id says which.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from openup.chats.model import ImportReport, Kind, Message
from openup.chats.options import ParseOptions
from openup.chats.records import RECORD_ERRORS, epoch_seconds, skip_unreadable
from openup.chats.safe_io import Source
from openup.errors import UserError

PLATFORM: Final = "imessage"
APPLE_EPOCH: Final = datetime(2001, 1, 1, tzinfo=UTC)
APPLE_OFFSET: Final = 978307200.0  # seconds from the Unix epoch to 2001-01-01
_TAPBACKS: Final = {2000: "❤️", 2001: "👍", 2002: "👎", 2003: "😂", 2004: "‼️", 2005: "❓"}


def apple_time(value: object) -> datetime | None:
    """UTC datetime from a chat.db date (nanoseconds or, in old databases, seconds since 2001); None for
    anything that is not a finite number in the years a chat can hold."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    try:
        v = float(value)
    except OverflowError:
        return None
    if abs(v) > 1e11:  # nanoseconds since 2001 (seconds would be > 3000 years)
        v /= 1e9
    unix = epoch_seconds(v + APPLE_OFFSET)
    return None if unix is None else APPLE_EPOCH + timedelta(seconds=unix - APPLE_OFFSET)


def text_from_attributed_body(blob: bytes | None) -> str | None:
    """The plain string inside an NSAttributedString typedstream blob, or None if none is found."""
    if not blob:
        return None
    i = blob.find(b"NSString")
    if i < 0:
        return None
    j = blob.find(b"+", i + 8)  # the string's type tag, followed by its length
    if j < 0 or j + 1 >= len(blob):
        return None
    pos = j + 1
    n = blob[pos]
    pos += 1
    if n == 0x81:  # 16-bit little-endian length
        n = int.from_bytes(blob[pos : pos + 2], "little")
        pos += 2
    elif n == 0x82:  # 32-bit little-endian length
        n = int.from_bytes(blob[pos : pos + 4], "little")
        pos += 4
    raw = blob[pos : pos + n]
    if len(raw) < n:
        return None
    return raw.decode("utf-8", errors="replace")


# The longest text or blob one cell may produce (a chat message is far shorter); a database whose
# generated columns would build larger values fails with "string or blob too big" instead of eating memory.
MAX_CELL: Final = 16 * 1024 * 1024


def _connect(source: Source) -> sqlite3.Connection:
    if source.member is not None:
        conn = sqlite3.connect(":memory:")
        conn.deserialize(source.read_bytes(what="iMessage"))
    else:
        conn = sqlite3.connect(source.path.resolve().as_uri() + "?mode=ro", uri=True)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_CELL)
    # Invalid UTF-8 in one row's text is that row's problem: decode with replacement characters.
    conn.text_factory = lambda raw: raw.decode("utf-8", errors="replace")
    return conn


def parse(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Messages of an iMessage chat.db, in time order."""
    report.platform = PLATFORM
    report.tz_source = opts.utc_tz_source
    report.chat_id = "imessage"
    try:
        conn = _connect(source)
    except sqlite3.Error as exc:
        raise UserError(f"{source.display} cannot be opened as an iMessage database ({exc}).") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "message" not in tables:
            raise UserError(
                f"{source.display} is an SQLite database but not an iMessage chat.db (no 'message' table)."
            )
        cols = {r[1] for r in conn.execute("PRAGMA table_info(message)")}
        opt = {
            c: (f"m.{c}" if c in cols else "NULL")
            for c in (
                "attributedBody",
                "associated_message_type",
                "associated_message_guid",
                "item_type",
                "cache_has_attachments",
                "date_edited",
                "thread_originator_guid",
                "guid",
            )
        }
        has_join = "chat_message_join" in tables and "chat" in tables
        has_handle = "handle" in tables
        sql = (
            f"SELECT m.ROWID, {opt['guid']}, m.text, {opt['attributedBody']}, m.date, m.is_from_me, "
            f"{'h.id' if has_handle else 'NULL'}, {'c.chat_identifier' if has_join else 'NULL'}, "
            f"{opt['associated_message_type']}, {opt['associated_message_guid']}, {opt['item_type']}, "
            f"{opt['cache_has_attachments']}, {opt['date_edited']}, {opt['thread_originator_guid']} "
            "FROM message m "
            + ("LEFT JOIN handle h ON h.ROWID = m.handle_id " if has_handle else "")
            + (
                "LEFT JOIN chat_message_join cmj ON cmj.message_id = m.ROWID "
                "LEFT JOIN chat c ON c.ROWID = cmj.chat_id "
                if has_join
                else ""
            )
            + "ORDER BY m.date, m.ROWID"
        )
        rows = conn.execute(sql).fetchall()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{source.display} is not a readable iMessage database ({exc}).") from None
    finally:
        conn.close()
    chats = {r[7] for r in rows if r[7] is not None}
    if len(chats) == 1:
        report.chat_id = str(next(iter(chats)))
    elif len(chats) > 1:
        report.warn(
            f"{source.display} holds {len(chats)} chats; all are included (chat_id tells them apart)."
        )
    seen: set[object] = set()
    for row in rows:
        if row[0] in seen:  # a message joined to two chats appears once
            continue
        seen.add(row[0])
        try:
            msg = _message(row, opts, report)
        except RECORD_ERRORS as exc:
            skip_unreadable(report, row[0] if isinstance(row[0], int) else 0, exc, row[:3])
            continue
        if msg is not None:
            yield msg


def _message(row: tuple[Any, ...], opts: ParseOptions, report: ImportReport) -> Message | None:
    (
        rowid,
        guid,
        text,
        body,
        date,
        from_me,
        handle,
        chat,
        assoc_type,
        assoc_guid,
        item_type,
        has_att,
        date_edited,
        thread_guid,
    ) = row
    utc = apple_time(date)
    if utc is None:
        report.skipped.add("message has no readable date", rowid, str(date)[:40])
        return None
    ts_local, ts_utc = opts.utc_pair(utc)
    words = text if isinstance(text, str) else text_from_attributed_body(body) or ""
    kind: Kind = "text"
    reply_to = thread_guid if isinstance(thread_guid, str) else None
    tapback = _tapback_type(assoc_type)
    if tapback is not None:
        kind = "reaction"
        base = tapback % 1000
        words = _TAPBACKS.get(2000 + base, words) if tapback < 3000 else f"(removed) {words}"
        reply_to = assoc_guid.split("/", 1)[-1] if isinstance(assoc_guid, str) else None
    elif item_type:
        kind = "system"
    elif has_att and not words.replace("\ufffc", "").strip():
        kind = "media"
    me = bool(from_me)
    sender = None if me else (str(handle) if handle is not None else None)
    name = (opts.me or "me") if me else sender
    return Message(
        PLATFORM,
        str(chat) if chat is not None else report.chat_id,
        str(guid or rowid),
        ts_local,
        ts_utc,
        sender if not me else "me",
        name,
        me or opts.is_me(sender),
        kind,
        words,
        reply_to,
        bool(date_edited),
        rowid if isinstance(rowid, int) else None,
    )


def _tapback_type(value: object) -> int | None:
    """The tapback code (2000-3999) of `associated_message_type`, or None for an ordinary message or a
    value that is not a whole number in that range (a hostile database can hold inf, text or blobs)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value) if 2000 <= value < 4000 else None
