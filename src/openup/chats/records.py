"""Shared helpers for structured (JSON, XML, database) exports: unique ids and time parsing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

from openup.chats.model import Message
from openup.chats.options import ParseOptions

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)


class IdMaker:
    """Hands out msg_ids: the platform's own id when present and not used yet, else `r<record number>`."""

    __slots__ = ("seen",)

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def make(self, native: object, record: int, prefix: str = "") -> str:
        if native is not None and native != "" and not isinstance(native, (dict, list)):
            cand = f"{prefix}{native}"
            if cand not in self.seen:
                self.seen.add(cand)
                return cand
        cand = f"{prefix}r{record}"
        n = 1
        while cand in self.seen:
            n += 1
            cand = f"{prefix}r{record}.{n}"
        self.seen.add(cand)
        return cand


def from_epoch(seconds: float) -> datetime | None:
    """Aware UTC datetime from Unix seconds, or None when out of range."""
    try:
        from datetime import timedelta

        return _EPOCH + timedelta(seconds=float(seconds))
    except (OverflowError, ValueError, TypeError):
        return None


def parse_iso(value: object) -> datetime | None:
    """A datetime from an ISO 8601 string (naive or aware; a trailing Z is UTC), else None."""
    if not isinstance(value, str) or not value:
        return None
    s = value.strip()
    if s.endswith("Z"):
        s = s[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(s)
    except ValueError:
        return None


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
