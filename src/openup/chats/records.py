"""Shared helpers for structured (JSON, XML, database) exports: unique ids and time parsing."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Final

from openup.chats.model import ImportReport, Message
from openup.chats.options import ParseOptions

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
# Instants a chat can hold: from 0002-01-01 to 9998-12-31, so that no time zone pushes one out of the
# range `datetime` can represent. Anything else is an unreadable date, and its record is skipped.
MIN_EPOCH: Final = -62104060800.0
MAX_EPOCH: Final = 253370764800.0
MIN_YEAR: Final = 2
MAX_YEAR: Final = 9998
# What one malformed record can raise while it is turned into messages; the record is skipped and counted.
RECORD_ERRORS: Final = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError, RecursionError)


class IdMaker:
    """Hands out msg_ids: the platform's own id when present and not used yet, else `r<record number>`.

    Each id costs O(1): a fallback remembers the last suffix it gave, so twenty thousand reactions on one
    message do not each walk the ones before them."""

    __slots__ = ("next_n", "seen")

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.next_n: defaultdict[str, int] = defaultdict(lambda: 1)

    def make(self, native: object, record: int, prefix: str = "") -> str:
        if native is not None and native != "" and not isinstance(native, (dict, list)):
            cand = f"{prefix}{native}"[:200]
            if cand not in self.seen:
                self.seen.add(cand)
                return cand
        base = f"{prefix}r{record}"
        cand = base
        while cand in self.seen:
            self.next_n[base] += 1
            cand = f"{base}.{self.next_n[base]}"
        self.seen.add(cand)
        return cand


def skip_unreadable(report: ImportReport, number: int, exc: BaseException, raw: object) -> None:
    """Count a record that raised one of `RECORD_ERRORS` as skipped, by the error's kind; callers catch
    around each record so one bad field never fails the whole file."""
    report.skipped.add(f"record could not be read ({type(exc).__name__})", number, _excerpt(raw))


def _excerpt(raw: object) -> str:
    try:
        return repr(raw)[:80]
    except (ValueError, RecursionError):  # a huge int or a deep structure
        return "?"


def epoch_seconds(value: object, scale: float = 1.0) -> float | None:
    """Unix seconds from a number or numeric string (divided by `scale`, e.g. 1000 for milliseconds);
    None for anything non-finite, non-numeric or outside the years a chat can hold."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, str):
            text = value.strip()
            if len(text) > 40:
                return None
            v = float(text)
        elif isinstance(value, (int, float)):
            v = float(value)
        else:
            return None
    except (ValueError, OverflowError):
        return None
    v /= scale
    if not math.isfinite(v) or not MIN_EPOCH <= v <= MAX_EPOCH:
        return None
    return v


def from_epoch(seconds: object, scale: float = 1.0) -> datetime | None:
    """Aware UTC datetime from Unix seconds (see `epoch_seconds`), or None when unreadable or out of range."""
    v = epoch_seconds(seconds, scale)
    return None if v is None else _EPOCH + timedelta(seconds=v)


def parse_iso(value: object) -> datetime | None:
    """A datetime from an ISO 8601 string (naive or aware; a trailing Z is UTC), else None."""
    if not isinstance(value, str) or not value or len(value) > 64:
        return None
    s = value.strip()
    if s.endswith("Z"):
        s = s[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        return None
    return dt if MIN_YEAR <= dt.year <= MAX_YEAR else None


def times(dt: datetime, opts: ParseOptions) -> tuple[datetime, datetime | None]:
    """(ts_local, ts_utc) for a parsed datetime: aware ones are instants, naive ones wall-clock times."""
    if dt.tzinfo is None:
        return opts.local_pair(dt)
    return opts.utc_pair(dt.astimezone(UTC))


def text_of(value: object) -> str:
    """A string field that may be missing or null."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def canonical_names(messages: list[Message]) -> list[Message]:
    """Key people on their platform id: one display name per sender_id (the most used one), and a
    name shared by two ids gets the id appended so they stay two people."""
    from collections import Counter, defaultdict
    from dataclasses import replace

    names: dict[str, Counter[str]] = defaultdict(Counter)
    for m in messages:
        if m.sender_id is not None and m.sender_name is not None:
            names[m.sender_id][m.sender_name] += 1
    best = {sid: c.most_common(1)[0][0] for sid, c in names.items()}
    owners: dict[str, set[str]] = defaultdict(set)
    for sid, name in best.items():
        owners[name].add(sid)
    final = {sid: (name if len(owners[name]) == 1 else f"{name} ({sid})") for sid, name in best.items()}
    out = []
    for m in messages:
        want = final.get(m.sender_id) if m.sender_id is not None else None
        out.append(m if want is None or want == m.sender_name else replace(m, sender_name=want))
    return out
