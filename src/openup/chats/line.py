"""LINE "Send chat history" text files (English and Japanese apps).

    [LINE] Chat history with Sam          (or "Chat history with Sam" / "[LINE] Sam とのトーク履歴")
    Saved on: 2020/01/21 10:00

    2020/01/20(Mon)                       (date lines; also "2020.01.20 Monday")
    10:00	Sam	Hello                       (time TAB sender TAB text; 12 h "10:00 AM" too)
    10:01	Alex	"two                      (a multi-line message is wrapped in double quotes)
    lines"
    10:02		Sam joined the chat        (no sender: a system line)

Bracketed placeholders like [Photo], [Sticker], [Video], [File], [Voice message] are "media"/"sticker";
call lines (☎) "call"; "unsent a message" "deleted". Times are local wall-clock times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Final

from openup.chats.model import ImportReport, Kind, Message
from openup.chats.options import ParseOptions
from openup.chats.safe_io import Source
from openup.errors import UserError

PLATFORM: Final = "line"
_DATE_LINE: Final = re.compile(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})(?:\s*\(\w+\)|\s+\w+)?\s*$")
_MSG: Final = re.compile(r"^(?:(AM|PM|午前|午後) ?)?(\d{1,2}):(\d{2})(?: ?(AM|PM))?\t(?:([^\t]*)\t)?(.*)$")
_TITLE: Final = re.compile(r"^\ufeff?(?:\[LINE\] )?(?:Chat history with (.+)|(.+)とのトーク履歴)\s*$")
_STICKERS: Final = frozenset({"[Sticker]", "[スタンプ]"})
_MEDIA: Final = frozenset(
    {
        "[Photo]",
        "[Video]",
        "[File]",
        "[Voice message]",
        "[Album]",
        "[写真]",
        "[動画]",
        "[ファイル]",
        "[ボイスメッセージ]",
        "[Location]",
        "[位置情報]",
        "[Contact]",
    }
)


def _kind(sender: str | None, text: str) -> Kind:
    if sender is None:
        return "deleted" if "unsent a message" in text or "送信を取り消しました" in text else "system"
    if text in _STICKERS:
        return "sticker"
    if text in _MEDIA:
        return "media"
    if text.startswith("☎"):
        return "call"
    return "text"


def parse(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Messages of a LINE chat history .txt, in file order."""
    report.platform = PLATFORM
    report.tz_source = opts.naive_tz_source
    report.chat_id = "line"
    day: date | None = None
    cur: tuple[int, datetime, str | None, str] | None = None
    extra: list[str] = []
    for lineno, line in enumerate(source.lines(report.warnings), 1):
        body = line.rstrip("\n")
        dm = _DATE_LINE.match(body)
        if dm is not None:
            try:
                day = date(int(dm[1]), int(dm[2]), int(dm[3]))
            except ValueError:
                day = None
            if cur is not None:
                yield _build(cur, extra, opts, report)
                cur, extra = None, []
            continue
        mm = _MSG.match(body) if day is not None else None
        if mm is not None and day is not None:
            h = int(mm[2])
            ampm = mm[1] or mm[4]
            if ampm in ("PM", "午後") and h < 12:
                h += 12
            elif ampm in ("AM", "午前") and h == 12:
                h = 0
            if cur is not None:
                yield _build(cur, extra, opts, report)
            sender = mm[5] or None
            try:
                dt = datetime(day.year, day.month, day.day, h, int(mm[3]))
            except ValueError:
                report.skipped.add("impossible time", lineno, body)
                cur, extra = None, []
                continue
            cur, extra = (lineno, dt, sender, mm[6]), []
            continue
        if cur is not None:
            extra.append(body)
            continue
        tm = _TITLE.match(body)
        if tm is not None:
            report.title = tm[1] or tm[2]
            report.chat_id = report.title or "line"
        elif body.strip() and not body.startswith(("Saved on:", "保存日時：")):
            report.skipped.add("text before the first message", lineno, body)
    if cur is not None:
        yield _build(cur, extra, opts, report)
    elif report.title is None:
        raise UserError(f"{source.display} has no LINE message lines (like '10:00<TAB>Name<TAB>text').")


def _build(
    cur: tuple[int, datetime, str | None, str], extra: list[str], opts: ParseOptions, report: ImportReport
) -> Message:
    lineno, dt, sender, first = cur
    lines = [first, *extra]
    while len(lines) > 1 and lines[-1] == "":  # blank separator lines before a date line
        lines.pop()
    text = "\n".join(lines)
    if len(lines) > 1 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('""', '"')
    ts_local, ts_utc = opts.local_pair(dt)
    return Message(
        PLATFORM,
        report.chat_id,
        f"L{lineno}",
        ts_local,
        ts_utc,
        sender,
        sender,
        opts.is_me(sender),
        _kind(sender, text),
        text,
        None,
        False,
        lineno,
    )
