"""The header layout of a WhatsApp export: the loose header regex, `Layout` and `detect_layout`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

BIDI: Final = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_SPACE: Final = " \u202f\u00a0"

# Loose pattern used only to discover the layout (and by the format sniffer).
GENERAL_HEADER: Final = re.compile(
    rf"^[{BIDI}]*(?P<ob>\[)?"
    r"(?P<a>\d{1,4})(?P<ds>[./-])[ ]?(?P<b>\d{1,2})(?P=ds)[ ]?(?P<c>\d{1,4})\.?"
    rf"(?P<dt>,[{_SPACE}]?|[{_SPACE}])"
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?P<sec>:\d{2})?"
    rf"(?:[{_SPACE}]?(?P<ampm>[AaPp]\.?[{_SPACE}]?[Mm]\.?))?"
    rf"(?:(?P<cb>\])[{_SPACE}]?|[{_SPACE}]?(?P<dash>[-–—])[{_SPACE}]|(?P<colon>:)[{_SPACE}])"
    r"(?P<rest>.*)$"
)


@dataclass(frozen=True)
class Layout:
    """One header layout: what stays fixed within one export."""

    bracket: bool
    date_sep: str
    ymd: bool
    year_digits: int
    seconds: bool
    ampm: bool
    closer: str  # "]", "-" or ":"

    def regex(self, *, split: bool = False) -> re.Pattern[str]:
        """The strict header regex: groups (date, time, ampm-or-empty, rest).

        With `split=True`: a multi-line pattern for re.split whose groups are
        (whole header prefix, date, time, ampm-or-empty, rest).
        """
        ds = re.escape(self.date_sep)
        sp = f"[{_SPACE}]"
        if self.ymd:
            date = rf"\d{{4}}{ds} ?\d{{1,2}}{ds} ?\d{{1,2}}\.?"
        else:
            date = rf"\d{{1,2}}{ds} ?\d{{1,2}}{ds} ?\d{{{self.year_digits}}}\.?"
        time = r"\d{1,2}:\d{2}:\d{2}" if self.seconds else r"\d{1,2}:\d{2}"
        ampm = rf"{sp}?([AaPp]\.?{sp}?[Mm]\.?)" if self.ampm else "()"
        closer = {"]": rf"\]{sp}?", "-": rf"{sp}?[-–—]{sp}", ":": rf":{sp}"}[self.closer]
        ob = r"\[" if self.bracket else ""
        prefix = rf"[{BIDI}]*{ob}({date}),?{sp}?({time}){ampm}{closer}"
        if split:
            return re.compile(rf"^({prefix})(.*)", re.M)
        return re.compile(rf"^{prefix}(.*)")


def layout_of(m: re.Match[str]) -> Layout:
    """The layout a GENERAL_HEADER match belongs to."""
    a, c = m["a"], m["c"]
    ymd = len(a) == 4
    closer = "]" if m["cb"] else ("-" if m["dash"] else ":")
    return Layout(
        bracket=bool(m["ob"]),
        date_sep=m["ds"],
        ymd=ymd,
        year_digits=4 if ymd else len(c),
        seconds=m["sec"] is not None,
        ampm=m["ampm"] is not None,
        closer=closer,
    )


def detect_layout(lines: Iterable[str]) -> tuple[Layout | None, int]:
    """The most common header layout among `lines` and how many lines had it."""
    counts: Counter[Layout] = Counter()
    for line in lines:
        m = GENERAL_HEADER.match(line)
        if m is None:
            continue
        la, lc = len(m["a"]), len(m["c"])
        if (la == 4 and lc <= 2) or (la <= 2 and lc in (2, 4)):
            counts[layout_of(m)] += 1
    if not counts:
        return None, 0
    layout, n = counts.most_common(1)[0]
    return layout, n
