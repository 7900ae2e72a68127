"""Dates in WhatsApp headers: day/month order, two-digit years, validity and the time of day."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Final

from openup.chats.model import ImportReport
from openup.chats.whatsapp.layout import Layout

ORDER_LOOKAHEAD_LINES: Final = 200_000

_DIGITS: Final = re.compile(r"\d+")


def raw_date(date_s: str) -> tuple[int, int, int]:
    """The three numbers of a header date, in the order written."""
    a, b, c = (int(x) for x in _DIGITS.findall(date_s))
    return a, b, c


def _full_year(y: int, digits: int) -> int:
    if digits == 2:
        return 2000 + y if y < 70 else 1900 + y
    return y


def _valid(y: int, m: int, d: int) -> bool:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return False
    try:
        datetime(y, m, d)
    except ValueError:
        return False
    return True


def _ordinal(y: int, m: int, d: int) -> int | None:
    return datetime(y, m, d).toordinal() if _valid(y, m, d) else None


@dataclass
class DateOrder:
    """What the date strings of a file say about day/month order."""

    day_first_votes: int = 0  # dates whose first number is above 12
    month_first_votes: int = 0  # dates whose second number is above 12
    seen: int = 0

    def add(self, a: int, b: int) -> None:
        self.seen += 1
        if a > 12 >= b:
            self.day_first_votes += 1
        elif b > 12 >= a:
            self.month_first_votes += 1

    @property
    def settled(self) -> bool:
        return bool(self.day_first_votes or self.month_first_votes)


def _gap_score(dates: list[tuple[int, int, int]], dayfirst: bool, digits: int) -> float:
    """Sum of day gaps between consecutive distinct dates under one reading (invalid dates cost a lot)."""
    total = 0.0
    prev: int | None = None
    for a, b, c in dates:
        y = _full_year(c, digits)
        o = _ordinal(y, b, a) if dayfirst else _ordinal(y, a, b)
        if o is None:
            total += 10_000
            continue
        if prev is not None:
            total += abs(o - prev)
        prev = o
    return total


def settle_order(
    sample: list[str],
    lines: Iterator[str],
    rx: re.Pattern[str],
    layout: Layout,
    display: str,
    report: ImportReport,
) -> tuple[bool, list[str]]:
    """Decide day/month order from the file's dates, reading ahead as far as needed (bounded)."""
    order = DateOrder()
    distinct: dict[str, tuple[int, int, int]] = {}

    def scan(chunk: Iterable[str]) -> None:
        for line in chunk:
            m = rx.match(line)
            if m is None:
                continue
            ds = m.group(1)
            if ds not in distinct:
                raw = raw_date(ds)
                distinct[ds] = raw
                order.add(raw[0], raw[1])

    scan(sample)
    lookahead: list[str] = []
    exhausted = False
    while not order.settled and not exhausted:
        chunk = list(islice(lines, 10_000))
        if not chunk:
            exhausted = True
            break
        lookahead.extend(chunk)
        scan(chunk)
        if len(lookahead) >= ORDER_LOOKAHEAD_LINES:
            break
    if order.settled:
        if order.day_first_votes and order.month_first_votes:
            dayfirst = order.day_first_votes >= order.month_first_votes
            report.warn(
                f"{display} mixes day/month and month/day dates; read them as "
                f"{'day/month' if dayfirst else 'month/day'} (the majority). Pass --dayfirst or --monthfirst "
                "to choose."
            )
            return dayfirst, lookahead
        return bool(order.day_first_votes), lookahead
    dates = list(distinct.values())
    df_score = _gap_score(dates, True, layout.year_digits)
    mf_score = _gap_score(dates, False, layout.year_digits)
    scope = "the whole file" if exhausted else f"the first {len(sample) + len(lookahead)} lines"
    if len({(a, b) for a, b, _ in dates if a != b}) == 0:
        return True, lookahead  # every date reads the same either way
    if mf_score < df_score:
        report.warn(
            f"No date in {scope} of {display} has a day above 12; read dates as month/day because that keeps "
            "consecutive messages closest in time. Pass --dayfirst if that is wrong."
        )
        return False, lookahead
    reason = (
        "because that keeps consecutive messages closest in time" if df_score < mf_score else "by default"
    )
    report.warn(
        f"No date in {scope} of {display} has a day above 12; read dates as day/month {reason}. "
        "Pass --monthfirst if that is wrong."
    )
    return True, lookahead


def resolve_date(date_s: str, ymd: bool, digits: int, dayfirst: bool | None) -> tuple[int, int, int] | None:
    """(year, month, day) of a header date, or None when no such day exists."""
    a, b, c = raw_date(date_s)
    if ymd:
        y, mo, d = a, b, c
    else:
        y = _full_year(c, digits)
        mo, d = (b, a) if dayfirst is not False else (a, b)
    return (y, mo, d) if _valid(y, mo, d) else None


def hms(time_s: str) -> tuple[int, int, int]:
    """(hour, minute, second) of a header time as written (seconds 0 when absent)."""
    parts = [int(x) for x in time_s.split(":")]
    return parts[0], parts[1], parts[2] if len(parts) > 2 else 0
