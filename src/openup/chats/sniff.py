"""Tell which app wrote an export from its content (never its file name), and pick the chat inside
a zip or a folder.

Formats: whatsapp, telegram, signal (signal-export chat.md), signal-json (signal-export data.json),
messenger, instagram, imessage (chat.db), sms (SMS Backup & Restore XML), discord (DiscordChatExporter
JSON), googlechat (Takeout messages.json), line (LINE .txt), csv, jsonl (generic, see `generic.py`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from openup.chats.safe_io import (
    CHAT_SUFFIXES,
    HEAD_BYTES,
    Source,
    check_not_binary,
    detect_encoding,
    file_source,
    loads_json,
    zip_members,
)
from openup.errors import UserError

FORMATS: Final[tuple[str, ...]] = (
    "whatsapp",
    "telegram",
    "signal",
    "signal-json",
    "messenger",
    "instagram",
    "imessage",
    "sms",
    "discord",
    "googlechat",
    "line",
    "csv",
    "jsonl",
)
SQLITE_MAGIC: Final = b"SQLite format 3\x00"
ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
_MESSAGE_N: Final = re.compile(r"^message_\d+\.json$")
_SIGNAL_OLD: Final = re.compile(r"^\[\d{4}-\d{2}-\d{2}, \d{2}:\d{2}\] ", re.M)
_SIGNAL_NEW: Final = re.compile(r"^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] ", re.M)
_LINE_HEAD: Final = re.compile(
    r"^\ufeff?(\[LINE\] |Chat history with |Saved on: |保存日時：|\d{4}[./]\d{2}[./]\d{2}\(\w+\)\s*$)", re.M
)
_JSON_START: Final = re.compile(r'^(?:\{|\[\s*(?:[\{\["\]]|$))')
_LINE_MSG: Final = re.compile(r"^\d{1,2}:\d{2}(?: ?[AP]M)?\t", re.M)


def _decode_head(head: bytes, display: str) -> str:
    enc = detect_encoding(head, display)
    name = "utf-16" if enc.name.startswith("utf-16") and head[:2] in (b"\xff\xfe", b"\xfe\xff") else enc.name
    return head.decode(name, errors="replace")


def sniff(source: Source) -> str:
    """The format name of one file or group (see FORMATS); a UserError if it is no chat export."""
    if source.parts:
        return _sniff_json_text(source.parts[0], _decode_head(source.parts[0].head(), source.display))
    head = source.head()
    if not head.strip():
        raise UserError(f"{source.display} is empty; export the chat again.")
    if head.startswith(SQLITE_MAGIC):
        return "imessage"
    check_not_binary(head, source.display)
    text = _decode_head(head, source.display)
    return _sniff_json_text(source, text)


def _sniff_json_text(source: Source, text: str) -> str:
    body = text.lstrip("\ufeff \t\r\n")
    low = body[:HEAD_BYTES].lower()
    if body.startswith("<"):
        if "<smses" in low or "<sms " in low or "<mms " in low:
            return "sms"
        raise UserError(f"{source.display} is an XML or HTML file but not an SMS Backup & Restore export.")
    if _JSON_START.match(body):
        return _sniff_json(source, body)
    from openup.chats import whatsapp

    lines = body.splitlines()[:400]
    if _LINE_HEAD.search(body[:4000]) and _LINE_MSG.search(body):
        return "line"
    if _SIGNAL_OLD.search(body) or _SIGNAL_NEW.search(body):
        wa_marks = "\u200e" in body or " omitted" in body or "<Media omitted>" in body
        if not wa_marks:
            return "signal"
    layout, hits = whatsapp.detect_layout(lines)
    if layout is not None and hits >= 1:
        return "whatsapp"
    first = lines[0].lower() if lines else ""
    if "," in first or ";" in first or "\t" in first:
        cols = {c.strip().strip('"').lower() for c in re.split(r"[,;\t]", first)}
        from openup.chats.generic import SENDER_COLUMNS, TEXT_COLUMNS, TIME_COLUMNS

        if cols & TIME_COLUMNS and cols & SENDER_COLUMNS and cols & TEXT_COLUMNS:
            return "csv"
    raise UserError(
        f"{source.display} is not a chat export this tool recognises (WhatsApp, Telegram, Signal, Messenger, "
        "Instagram, iMessage, SMS Backup & Restore, Discord, Google Chat, LINE, CSV, JSONL); "
        "pass --format to choose one."
    )


def _sniff_json(source: Source, body: str) -> str:
    low = body[:HEAD_BYTES]
    first_line = body.split("\n", 1)[0].strip()
    if first_line.startswith("{") and first_line.endswith("}") and "\n" in body.strip():
        try:
            rec = loads_json(first_line)
        except ValueError:
            rec = None
        if isinstance(rec, dict):
            keys = set(rec)
            if {"date", "sender", "body"} <= keys:
                return "signal-json"
            return "jsonl"
    if '"guild"' in low and '"channel"' in low:
        return "discord"
    if '"creator"' in low and ('"created_date"' in low or '"topic_id"' in low):
        return "googlechat"
    if '"sender_name"' in low and '"timestamp_ms"' in low:
        hint = (str(source.path) + low).lower()
        return "instagram" if "instagram" in hint else "messenger"
    if (
        '"date_unixtime"' in low
        or '"from_id"' in low
        or ('"chats"' in low and '"list"' in low)
        or ('"type": "message"' in low or '"type":"message"' in low)
        or '"personal_information"' in low
    ):
        return "telegram"
    if '"messages"' in low and ('"date"' in low or '"type"' in low):
        return "telegram"
    if first_line.startswith("{") and first_line.endswith("}"):
        return "jsonl"
    raise UserError(
        f"{source.display} is a JSON file but not a chat export this tool recognises; "
        "pass --format to choose one."
    )


def _group_message_files(files: list[Source], display: str) -> Source | None:
    """Messenger/Instagram split a chat into message_1.json, message_2.json, ... in one folder."""
    numbered = [f for f in files if _MESSAGE_N.match(Path(f.member or f.path.name).name)]
    if not numbered:
        return None
    folders = {str(Path(f.member or str(f.path)).parent) for f in numbered}
    if len(folders) > 1:
        raise UserError(
            f"{display} holds {len(folders)} Messenger/Instagram chats; "
            "pass the folder of the one chat you want."
        )

    def num(s: Source) -> int:
        return int(re.sub(r"\D", "", Path(s.member or s.path.name).name) or 0)

    numbered.sort(key=num)
    return Source(display, numbered[0].path, size=sum(f.size for f in numbered), parts=numbered)


def _choose(candidates: list[Source], display: str, container: str) -> Source:
    group = _group_message_files(candidates, display)
    if group is not None:
        return group
    if not candidates:
        raise UserError(
            f"{display} is {container} with no chat export inside (no .txt, .json, .csv, .xml or .db)."
        )
    if len(candidates) == 1:
        return candidates[0]
    chats = []
    for cand in candidates:
        try:
            sniff(cand)
        except UserError:
            continue
        chats.append(cand)
    if len(chats) == 1:
        return chats[0]
    if not chats:
        raise UserError(f"{display} is {container} with no chat export inside that this tool recognises.")
    # WhatsApp zips hold one _chat.txt plus media; several chats means the user must choose.
    names = ", ".join(Path(c.member or c.path.name).name for c in chats[:5])
    raise UserError(f"{display} holds several chats ({names}); pass the one you want.")


def resolve(path: Path) -> Source:
    """The Source to read for a user path: a file, a zip member, or a folder's chat."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.name.lower().endswith(CHAT_SUFFIXES))
        return _choose([file_source(p) for p in files], path.name, "a folder")
    if not path.exists():
        raise UserError(f"{path} does not exist; check the path.")
    src = file_source(path)
    if src.size == 0:
        raise UserError(f"{path.name} is empty; export the chat again.")
    head = src.head(8)
    if head.startswith(ZIP_MAGIC):
        return _choose(zip_members(path), path.name, "a zip archive")
    return src
