"""Discord channels exported by DiscordChatExporter as JSON (`guild`, `channel`, `messages`).

`timestamp` is ISO 8601 with an offset (a UTC instant). Kinds: Default/Reply messages "text" (or
"media"/"sticker" when they only carry attachments/stickers), Call "call", every other type (joins,
pins, renames, ...) "system". Each reacting user in `reactions[].users` gives a "reaction" row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from openup.chats.model import ImportReport, Kind, Message
from openup.chats.options import ParseOptions
from openup.chats.records import RECORD_ERRORS, IdMaker, canonical_names, parse_iso, skip_unreadable, times
from openup.chats.safe_io import Source, read_json
from openup.errors import UserError

PLATFORM: Final = "discord"


def parse(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Messages of a DiscordChatExporter JSON file, in time order."""
    report.platform = PLATFORM
    report.tz_source = opts.utc_tz_source
    data = read_json(source, report.warnings, "Discord")
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        raise UserError(
            f"{source.display} is JSON but not a DiscordChatExporter export (no 'messages' list)."
        )
    channel = data.get("channel") if isinstance(data.get("channel"), dict) else {}
    assert isinstance(channel, dict)
    report.chat_id = str(channel.get("id") or "discord")
    report.title = channel.get("name") if isinstance(channel.get("name"), str) else None
    ids = IdMaker()
    out: list[Message] = []
    for record, raw in enumerate(data["messages"], 1):
        if not isinstance(raw, dict):
            report.skipped.add("message is not a JSON object", record, repr(raw)[:80])
            continue
        try:
            out.extend(_messages(raw, record, ids, opts, report))
        except RECORD_ERRORS as exc:
            skip_unreadable(report, record, exc, raw)
    from openup.chats.load import sort_messages

    out = canonical_names(out)
    sort_messages(out)
    yield from out


def _person(value: object) -> tuple[str | None, str | None]:
    if not isinstance(value, dict):
        return None, None
    name = value.get("nickname") or value.get("name")
    pid = value.get("id")
    return (str(pid) if pid is not None else None), (str(name) if name is not None else None)


def _messages(
    raw: dict[str, Any], record: int, ids: IdMaker, opts: ParseOptions, report: ImportReport
) -> list[Message]:
    dt = parse_iso(raw.get("timestamp"))
    if dt is None:
        report.skipped.add("message has no readable timestamp", record, str(raw.get("timestamp"))[:40])
        return []
    ts_local, ts_utc = times(dt, opts)
    sid, name = _person(raw.get("author"))
    content = raw.get("content")
    text = content if isinstance(content, str) else ""
    mtype = raw.get("type", "Default")
    kind: Kind = "text"
    if mtype == "Call":
        kind = "call"
    elif mtype not in ("Default", "Reply", None):
        kind = "system"
    elif raw.get("stickers") and not text:
        kind = "sticker"
    elif raw.get("attachments") and not text:
        kind = "media"
    ref = raw.get("reference")
    reply_to = str(ref["messageId"]) if isinstance(ref, dict) and ref.get("messageId") else None
    msg_id = ids.make(raw.get("id"), record)
    out = [
        Message(
            PLATFORM,
            report.chat_id,
            msg_id,
            ts_local,
            ts_utc,
            sid or name,
            name,
            opts.is_me(name, sid),
            kind,
            text,
            reply_to,
            bool(raw.get("timestampEdited")),
            record,
        )
    ]
    for r in raw.get("reactions") or []:
        if not isinstance(r, dict):
            continue
        emoji = r.get("emoji", {})
        symbol = str(emoji.get("name", "")) if isinstance(emoji, dict) else str(emoji)
        users = r.get("users")
        for user in users if isinstance(users, list) else ():  # a string here would be read letter by letter
            uid, uname = _person(user)
            out.append(
                Message(
                    PLATFORM,
                    report.chat_id,
                    ids.make(None, record, f"{msg_id}~"),
                    ts_local,
                    ts_utc,
                    uid or uname,
                    uname,
                    opts.is_me(uname, uid),
                    "reaction",
                    symbol,
                    msg_id,
                    False,
                    record,
                )
            )
    return out
