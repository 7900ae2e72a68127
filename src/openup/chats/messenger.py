"""Facebook Messenger and Instagram "Download your information" JSON (the same layout).

A chat is a folder of `message_1.json`, `message_2.json`, ... (pass the folder, any one file, or a zip);
each lists messages newest first, so they are sorted. Facebook writes UTF-8 bytes as if they were
latin-1 ("Ã©" for "é"): every string is repaired when (and only when) that round trip succeeds.
`timestamp_ms` is a UTC instant. Kinds: photos/videos/audio/files/gifs/shares "media", stickers
"sticker", `type: Call` "call", Subscribe/Unsubscribe "system", unsent messages "deleted";
each reaction becomes a "reaction" row replying to its message.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from openup.chats.model import ImportReport, Kind, Message
from openup.chats.options import ParseOptions
from openup.chats.records import RECORD_ERRORS, IdMaker, from_epoch, skip_unreadable
from openup.chats.safe_io import Source, read_json
from openup.chats.textfix import fix_mojibake
from openup.errors import UserError

_MEDIA_KEYS: Final = ("photos", "videos", "audio_files", "files", "gifs", "share", "attachments")
_UNSENT: Final = (
    "unsent a message",
    "a retiré un message",
    "hat eine Nachricht entfernt",
    "anuló el envío de un mensaje",
)


def _s(value: object) -> str:
    return fix_mojibake(value) if isinstance(value, str) else ""


def parse_instagram(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Instagram direct messages (same layout as Messenger)."""
    return _parse(source, opts, report, "instagram")


def parse_messenger(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Facebook Messenger messages."""
    return _parse(source, opts, report, "messenger")


parse = parse_messenger


def _parse(source: Source, opts: ParseOptions, report: ImportReport, platform: str) -> Iterator[Message]:
    report.platform = platform
    report.tz_source = opts.utc_tz_source
    parts = source.parts or [source]
    ids = IdMaker()
    out: list[Message] = []
    participants: dict[str, None] = {}
    for part_no, part in enumerate(parts, 1):
        data = read_json(part, report.warnings, platform.capitalize())
        if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
            raise UserError(
                f"{part.display} is JSON but not a {platform.capitalize()} export (no 'messages' list)."
            )
        if report.title is None and isinstance(data.get("title"), str):
            report.title = _s(data["title"])
        if not report.chat_id:
            thread = data.get("thread_path") or data.get("thread_type") or source.path.parent.name
            report.chat_id = _s(thread) or platform
        for p in data.get("participants") or []:
            if isinstance(p, dict) and isinstance(p.get("name"), str):
                participants.setdefault(_s(p["name"]), None)
        prefix = f"{part_no}:" if len(parts) > 1 else ""
        for record, raw in enumerate(data["messages"], 1):
            if not isinstance(raw, dict):
                report.skipped.add("message is not a JSON object", record, repr(raw)[:80])
                continue
            try:
                out.extend(_messages(raw, record, prefix, platform, report.chat_id, ids, opts, report))
            except RECORD_ERRORS as exc:
                skip_unreadable(report, record, exc, raw)
    report.participants = list(participants)
    from openup.chats.load import sort_messages

    sort_messages(out)
    yield from out


def _messages(
    raw: dict[str, Any],
    record: int,
    prefix: str,
    platform: str,
    chat_id: str,
    ids: IdMaker,
    opts: ParseOptions,
    report: ImportReport,
) -> list[Message]:
    ts = raw.get("timestamp_ms")
    utc = from_epoch(ts, 1000) if isinstance(ts, (int, float)) else None
    if utc is None:
        report.skipped.add("message has no readable timestamp_ms", record, repr(ts))
        return []
    ts_local, ts_utc = opts.utc_pair(utc)
    name = _s(raw.get("sender_name")) or None
    text = _s(raw.get("content"))
    mtype = raw.get("type")
    kind: Kind
    if raw.get("is_unsent") or (
        text.endswith(_UNSENT) and len(text) < 80 and not any(k in raw for k in _MEDIA_KEYS)
    ):
        kind = "deleted"
    elif mtype == "Call" or "call_duration" in raw:
        kind = "call"
    elif mtype in ("Subscribe", "Unsubscribe"):
        kind = "system"
    elif "sticker" in raw:
        kind = "sticker"
    elif any(k in raw for k in _MEDIA_KEYS):
        kind = "media"
    else:
        kind = "text"
    is_me = opts.is_me(name)
    msg_id = ids.make(None, record, prefix)
    out = [
        Message(
            platform, chat_id, msg_id, ts_local, ts_utc, name, name, is_me, kind, text, None, False, record
        )
    ]
    for r in raw.get("reactions") or []:
        if not isinstance(r, dict):
            continue
        actor = _s(r.get("actor")) or None
        out.append(
            Message(
                platform,
                chat_id,
                ids.make(None, record, f"{msg_id}~"),
                ts_local,
                ts_utc,
                actor,
                actor,
                opts.is_me(actor),
                "reaction",
                _s(r.get("reaction")),
                msg_id,
                False,
                record,
            )
        )
    return out
