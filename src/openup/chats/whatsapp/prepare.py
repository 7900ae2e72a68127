"""What both readers settle before reading messages (the chat's name, the header layout, sender names that
contain ": ", day/month order), which header prefixes are sender names, and the notes both add at the end."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Final, NamedTuple

from openup.chats import whatsapp as knobs  # SAMPLE_LINES lives on the package, where tests change it
from openup.chats.model import ImportReport
from openup.chats.options import ParseOptions
from openup.chats.safe_io import Source
from openup.chats.whatsapp.dates import settle_order
from openup.chats.whatsapp.layout import BIDI, Layout, detect_layout
from openup.errors import UserError

PLATFORM: Final = "whatsapp"
MAX_SAMPLE_LINES: Final = 20_000


def _title_from_name(display: str) -> str | None:
    stem = Path(display.rsplit(":", 1)[-1]).stem
    for prefix in (
        "WhatsApp Chat with ",
        "WhatsApp Chat - ",
        "WhatsApp-Chat mit ",
        "Chat de WhatsApp con ",
        "Discussion WhatsApp avec ",
        "Chat WhatsApp con ",
        "Conversa do WhatsApp com ",
    ):
        if stem.startswith(prefix):
            return stem[len(prefix) :]
    return None


def _colon_names(rests: list[str]) -> frozenset[str]:
    """Sender names containing ": " (e.g. "Mum: home"): a first segment always followed by the same second.

    Why: the author ends at the first ": " for everyone else, so such a name would be cut in two.
    """
    groups: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for rest in rests:
        parts = rest.split(": ", 2)
        if len(parts) < 2:
            continue
        counts[parts[0]] += 1
        second = parts[1] if len(parts) == 3 else "\x00"
        groups.setdefault(parts[0], set()).add(second)
    names = set()
    for first, seconds in groups.items():
        if counts[first] >= 3 and len(seconds) == 1:
            (second,) = seconds
            if second != "\x00" and len(second) <= 40:
                names.add(f"{first}: {second}")
    return frozenset(names)


def start(source: Source, opts: ParseOptions, report: ImportReport) -> None:
    """Fill the report's platform, chat id, title and time-zone source."""
    report.platform = PLATFORM
    report.chat_id = Path(source.display.rsplit(":", 1)[-1]).stem
    report.title = _title_from_name(source.display)
    report.tz_source = opts.naive_tz_source


class Plan(NamedTuple):
    """How to read one export, decided from its first lines."""

    layout: Layout
    rx: re.Pattern[str]  # layout.regex()
    colon_names: frozenset[str]  # sender names that contain ": "
    dayfirst: bool | None  # None: the dates cannot tell (year first)
    head: str  # the lines read to decide, for the reader to read again


def prepare(stream: Iterator[str], display: str, opts: ParseOptions, report: ImportReport) -> Plan:
    """Decide layout, names with ": " and day/month order from the first lines; also returns those lines."""
    sample_lines = knobs.SAMPLE_LINES
    sample = list(islice(stream, sample_lines))
    layout, _ = detect_layout(sample)
    while layout is None and len(sample) < MAX_SAMPLE_LINES:
        more = list(islice(stream, sample_lines))
        if not more:
            break
        sample.extend(more)
        layout, _ = detect_layout(sample)
    if layout is None:
        raise UserError(
            f"{display} has no WhatsApp message lines (like '20/01/19, 11:23 - Name: text'); "
            "is it a chat export? Pass --format if it is another app's export."
        )
    rx = layout.regex()
    rests = [m.group(4) for m in map(rx.match, sample) if m is not None]
    colon_names = _colon_names(rests)
    dayfirst = opts.dayfirst
    lookahead: list[str] = []
    if not layout.ymd and dayfirst is None:
        dayfirst, lookahead = settle_order(sample, stream, rx, layout, display, report)
    head = "".join(sample) + "".join(lookahead)
    return Plan(layout, rx, colon_names, dayfirst, head)


def author_info(prefix: str, opts: ParseOptions) -> tuple[str, bool] | None:
    """(name, is_me) when a header's text before ": " is a sender name; None for a system notice."""
    # System notices can contain ": " too (a quoted group subject); names do not contain quotes that way.
    if len(prefix) > 100 or '"' in prefix or "\u201c" in prefix or "\n" in prefix:
        return None
    name = prefix.lstrip(BIDI) or prefix
    return name, opts.is_me(name)


def note_preamble(text: str, report: ImportReport) -> None:
    """Record the non-blank lines before the first message header as skipped."""
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip(" \t\r" + BIDI):
            report.skipped.add("text before the first message header", n, line)


def warn_bad_dates(bad_dates: int, report: ImportReport) -> None:
    """Warn about header-like lines with impossible dates or times (kept as message text), if any."""
    if bad_dates:
        report.warn(
            f"{bad_dates} line(s) looked like message headers but had impossible dates or times; "
            "they were kept as text of the message before them."
        )
