"""Hand-built conversations for the analysis tests: every message written out, every answer known."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from openup.chats.model import Conversation, Message

START = datetime(2024, 3, 4, 9, 0)  # a Monday: ISO week 2024-W10


def msg(i: int, sender: str, at: datetime, text: str, kind: str = "text", me: str = "Alex") -> Message:
    return Message(
        "test",
        "t",
        f"m{i}",
        at,
        None,
        sender,
        sender,
        sender == me,
        kind,  # type: ignore[arg-type]
        text,
        None,
        False,
        i,
    )


def conv(
    rows: Sequence[tuple[str, float, str] | tuple[str, float, str, str]],
    me: str | None = "Alex",
    start: datetime = START,
) -> Conversation:
    """Rows of (sender, minutes since start, text[, kind]) in order."""
    messages = []
    for i, row in enumerate(rows, 1):
        sender, minutes, text = row[0], row[1], row[2]
        kind = row[3] if len(row) > 3 else "text"
        messages.append(msg(i, sender, start + timedelta(minutes=minutes), text, kind, me or ""))
    people = list(dict.fromkeys(r[0] for r in rows))
    return Conversation("test", people, messages, me=me)


def alternate(
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    gap_min: float = 2,
    a: str = "Alex",
    b: str = "Sam",
    start_min: float = 0,
) -> list[tuple[str, float, str]]:
    """A, B, A, B ... with a fixed gap."""
    rows: list[tuple[str, float, str]] = []
    t = start_min
    for x, y in zip(texts_a, texts_b, strict=True):
        rows.append((a, t, x))
        t += gap_min
        rows.append((b, t, y))
        t += gap_min
    return rows
