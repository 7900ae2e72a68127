"""Telegram Desktop "Export chat history" JSON: one chat (`result.json` with `messages`) or the whole
account (`chats.list`, plus `left_chats.list`), messages from every chat then carry their own chat_id.

`text` is a string or a list of strings and entity objects (`{"type": "bold", "text": ...}`), joined.
`date_unixtime` (newer exports) gives the UTC instant; older exports only have the local `date`.
Service messages become kind "system" (phone calls: "call"); stickers "sticker"; photos, files, voice
and video notes, polls, locations and contacts "media" (their caption, if any, is the text). Reactions
with a known author become kind "reaction" rows replying to their message. People are keyed on `from_id`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, Final

from openup.chats.model import ImportReport, Kind, Message
from openup.chats.options import ParseOptions
from openup.chats.records import (
    RECORD_ERRORS,
    IdMaker,
    canonical_names,
    from_epoch,
    parse_iso,
    skip_unreadable,
    times,
)
from openup.chats.safe_io import Source, read_json
from openup.errors import UserError

PLATFORM: Final = "telegram"
_MEDIA_KEYS: Final = (
    "photo",
    "file",
    "media_type",
    "poll",
    "location_information",
    "contact_information",
    "live_location_period_seconds",
    "game_title",
    "invoice_information",
)


def flatten_text(value: object) -> str:
    """Telegram text: a string, or a list of strings and {"text": ...} entities."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, str):
                parts.append(item)
            elif isinstance(item, dict):
                t = item.get("text")
                parts.append(t if isinstance(t, str) else flatten_text(t) if t is not None else "")
        return "".join(parts)
    return ""


def _chats(data: object, display: str) -> tuple[list[dict[str, Any]], str | None]:
    if not isinstance(data, dict):
        raise UserError(f"{display} is JSON but not a Telegram export (no 'messages' or 'chats').")
    me_id = None
    info = data.get("personal_information")
    if isinstance(info, dict) and info.get("user_id") is not None:
        me_id = f"user{info['user_id']}"
    if isinstance(data.get("messages"), list):
        return [data], me_id
    chats: list[dict[str, Any]] = []
    for key in ("chats", "left_chats"):
        block = data.get(key)
        if isinstance(block, dict) and isinstance(block.get("list"), list):
            chats.extend(
                c for c in block["list"] if isinstance(c, dict) and isinstance(c.get("messages"), list)
            )
    if not chats and not any(isinstance(data.get(k), dict) for k in ("chats", "left_chats")):
        raise UserError(f"{display} is JSON but not a Telegram export (no 'messages' or 'chats').")
    return chats, me_id


def chat_names(chats: list[dict[str, Any]]) -> list[str]:
    """The chats' names (or ids), largest first."""
    ranked = sorted(chats, key=lambda c: -len(c.get("messages") or []))
    return [str(c.get("name") or c.get("id") or "?") for c in ranked]


def _select(chats: list[dict[str, Any]], want: str, display: str) -> list[dict[str, Any]]:
    """The chat named `want` (its name or id, case-insensitive)."""
    key = want.casefold()
    found = [c for c in chats if key in (str(c.get("name", "")).casefold(), str(c.get("id", "")).casefold())]
    if not found:
        names = ", ".join(chat_names(chats)[:10])
        raise UserError(f"{display} has no chat called {want!r}; its largest chats are: {names}.")
    return found


def parse(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Messages of a Telegram JSON export, in time order."""
    report.platform = PLATFORM
    data = read_json(source, report.warnings, "Telegram")
    chats, me_id = _chats(data, source.display)
    if opts.chat is not None:
        chats = _select(chats, opts.chat, source.display)
    multi = len(chats) > 1
    if multi:
        report.warn(
            f"{source.display} holds {len(chats)} chats; messages from all of them are included "
            "(each message's chat_id tells them apart); pass --chat NAME to read one, e.g. "
            + ", ".join(repr(n) for n in chat_names(chats)[:3])
            + "."
        )
    if len(chats) == 1:
        report.chat_id = str(chats[0].get("id", "")) or "telegram"
        name = chats[0].get("name")
        report.title = name if isinstance(name, str) else None
    else:
        report.chat_id = "telegram-account"
    ids = IdMaker()
    out: list[Message] = []
    any_utc = False
    record = 0
    for chat in chats:
        chat_id = str(chat.get("id", "")) or str(chat.get("name", "chat"))
        prefix = f"{chat_id}:" if multi else ""
        for raw in chat["messages"]:
            record += 1
            if not isinstance(raw, dict):
                report.skipped.add("message is not a JSON object", record, repr(raw)[:80])
                continue
            try:
                msgs = _messages(raw, record, chat_id, prefix, ids, opts, me_id, report)
            except RECORD_ERRORS as exc:
                skip_unreadable(report, record, exc, raw)
                continue
            for m in msgs:
                any_utc = any_utc or m.ts_utc is not None
                out.append(m)
    report.tz_source = opts.utc_tz_source if any_utc else opts.naive_tz_source
    from openup.chats.load import sort_messages

    out = canonical_names(out)
    sort_messages(out)
    yield from out


def _when(
    raw: dict[str, Any], opts: ParseOptions, unix_key: str, iso_key: str
) -> tuple[datetime, datetime | None] | None:
    naive = parse_iso(raw.get(iso_key))
    unix = raw.get(unix_key)
    if unix is not None:
        utc = from_epoch(unix)
        if utc is not None:
            if opts.tz is None and naive is not None and naive.tzinfo is None:
                return naive, utc  # the exporter's own wall clock, plus the exact instant
            return opts.utc_pair(utc)
    if naive is None:
        return None
    return times(naive, opts)


def _messages(
    raw: dict[str, Any],
    record: int,
    chat_id: str,
    prefix: str,
    ids: IdMaker,
    opts: ParseOptions,
    me_id: str | None,
    report: ImportReport,
) -> list[Message]:
    when = _when(raw, opts, "date_unixtime", "date")
    if when is None:
        report.skipped.add("message has no readable date", record, str(raw.get("date", ""))[:40])
        return []
    ts_local, ts_utc = when
    mtype = raw.get("type", "message")
    text = flatten_text(raw.get("text", ""))
    kind: Kind
    if mtype == "service":
        name = raw.get("actor")
        sid = raw.get("actor_id")
        action = raw.get("action", "")
        kind = "call" if action in ("phone_call", "group_call") else "system"
        if not text:
            text = str(action or "")
            if action == "phone_call":
                reason = raw.get("discard_reason")
                dur = raw.get("duration_seconds")
                text = "phone call" + (f" ({reason})" if reason else "") + (f", {dur} s" if dur else "")
    else:
        name = raw.get("from")
        sid = raw.get("from_id")
        if raw.get("media_type") == "sticker" or "sticker_emoji" in raw:
            kind = "sticker"
            if not text:
                text = str(raw.get("sticker_emoji", ""))
        elif any(k in raw for k in _MEDIA_KEYS):
            kind = "media"
        else:
            kind = "text"
    name_s = name if isinstance(name, str) else None
    sid_s = str(sid) if sid is not None else name_s
    is_me = (me_id is not None and sid_s == me_id) or opts.is_me(name_s, sid_s)
    msg_id = ids.make(raw.get("id"), record, prefix)
    reply = raw.get("reply_to_message_id")
    reply_to = f"{prefix}{reply}" if reply is not None else None
    edited = bool(raw.get("edited") or raw.get("edited_unixtime"))
    out = [
        Message(
            PLATFORM,
            chat_id,
            msg_id,
            ts_local,
            ts_utc,
            sid_s,
            name_s,
            is_me,
            kind,
            text,
            reply_to,
            edited,
            record,
        )
    ]
    reactions = raw.get("reactions")
    if isinstance(reactions, list):
        for r in reactions:
            if not isinstance(r, dict):
                continue
            emoji = str(r.get("emoji") or r.get("document_id") or "")
            for who in r.get("recent") or []:
                if not isinstance(who, dict):
                    continue
                rwhen = _when(who, opts, "date_unixtime", "date") or (ts_local, ts_utc)
                rname = who.get("from") if isinstance(who.get("from"), str) else None
                rid = str(who["from_id"]) if who.get("from_id") is not None else rname
                r_me = (me_id is not None and rid == me_id) or opts.is_me(rname, rid)
                out.append(
                    Message(
                        PLATFORM,
                        chat_id,
                        ids.make(None, record, f"{msg_id}~"),
                        rwhen[0],
                        rwhen[1],
                        rid,
                        rname,
                        r_me,
                        "reaction",
                        emoji,
                        msg_id,
                        False,
                        record,
                    )
                )
    return out
