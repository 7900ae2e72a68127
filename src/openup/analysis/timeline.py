"""The two people, their turns in order, and the columns every measure reads.

A `Timeline` holds one row per turn of "you" (index 0) and your partner (index 1): text, media,
stickers, calls and deleted messages. System notices, reactions and other people's messages are counted
but are not turns. Columns are plain lists so a million rows stay cheap to walk.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from datetime import date, datetime, timedelta

from openup.analysis.features import Progress, text_masks
from openup.chats.model import Conversation, Message
from openup.errors import UserError

ME, PARTNER = 0, 1
TURN_KINDS = frozenset({"text", "media", "sticker", "call", "deleted"})


@dataclass(frozen=True, slots=True)
class Roles:
    """Who is "you", who is the partner, and what the choice rested on."""

    me: str
    partner: str | None
    notes: tuple[str, ...] = ()


def _match_name(name: str, people: Sequence[str], what: str) -> str:
    if name in people:
        return name
    folded = {p.casefold(): p for p in people}
    if name.casefold() in folded:
        return folded[name.casefold()]
    raise UserError(f"{what} {name!r} is not a participant of this chat; the participants are: "
                    f"{', '.join(people) or 'nobody'}.")


def resolve_roles(conv: Conversation, me: str | None = None, partner: str | None = None) -> Roles:
    """Decide who "you" and the partner are; a clear UserError when it cannot be known.

    `me` falls back to the chat's own idea of you (`load_chat(me=...)`, or rows marked `is_me`).
    `partner` falls back to the most active other person; in a group chat that choice is noted.
    """
    counts = conv.people()
    people = [p for p, _ in counts.most_common()]
    if not people:
        raise UserError("This chat has no messages from any person, so there is nothing to analyse.")
    notes: list[str] = []
    if me is not None:
        me = _match_name(me, people, "--me")
    else:
        mine = Counter(m.sender_name for m in conv.messages if m.is_me and m.sender_name)
        if conv.me and conv.me in counts:
            me = conv.me
        elif mine:
            me = mine.most_common(1)[0][0]
        elif len(people) == 1:
            me = people[0]
            notes.append(f"Only {me} wrote in this chat, so the analysis takes {me} to be you.")
        else:
            raise UserError("Which participant are you? Pass --me with one of: " + ", ".join(people) + ".")
    others = [p for p in people if p != me]
    if partner is not None:
        partner = _match_name(partner, people, "--partner")
        if partner == me:
            raise UserError(f"--partner {partner!r} is the same person as --me; choose the other person.")
    elif others:
        partner = others[0]
        if len(others) > 1:
            notes.append(
                f"This is a group chat with {len(people)} people. The analysis looks at you ({me}) and "
                f"{partner}, the most active other person; pass --partner to choose someone else "
                f"(others: {', '.join(others[1:6])})."
            )
    else:
        notes.append("Your partner wrote nothing in this chat, so nothing that needs two people can be measured.")
    if partner is not None and len(others) > 1 and not notes:
        notes.append(f"This is a group chat; only the messages of {me} and {partner} are analysed.")
    return Roles(me, partner, tuple(notes))


def iso_week(d: date) -> str:
    """The ISO week label of a day: "2024-W07"."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


@dataclass
class Timeline:
    """Turns of the two people in time order, as parallel columns."""

    names: tuple[str, str | None]
    messages: list[Message]
    who: list[int]
    ts: list[float]
    week: list[int]
    is_text: list[bool]
    words: list[int]
    mask: list[int]
    weeks: list[str]
    resolution_s: int
    counts: dict[str, int] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.messages)

    @property
    def n_weeks(self) -> int:
        return len(self.weeks)

    def text_count(self, person: int) -> int:
        return sum(1 for w, t in zip(self.who, self.is_text, strict=True) if w == person and t)


def _week_index(days: Sequence[int]) -> tuple[list[int], list[str]]:
    """Week index per day ordinal and the contiguous list of week labels from first to last."""
    if not days:
        return [], []
    first = date.fromordinal(min(days))
    last = date.fromordinal(max(days))
    monday = first - timedelta(days=first.weekday())
    labels: list[str] = []
    d = monday
    while d <= last:
        labels.append(iso_week(d))
        d += timedelta(days=7)
    base = monday.toordinal()
    return [(o - base) // 7 for o in days], labels


def build_timeline(
    conv: Conversation,
    roles: Roles,
    *,
    since: date | datetime | None = None,
    model: bool | None = False,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Timeline:
    """Select the two people's turns, detect each distinct text once, and lay out the columns."""
    people = {roles.me: ME}
    if roles.partner is not None:
        people[roles.partner] = PARTNER
    since_day = since.date() if isinstance(since, datetime) else since
    counts: Counter[str] = Counter()
    rows: list[Message] = []
    for m in conv.messages:
        if since_day is not None and m.ts_local.date() < since_day:
            counts["before --since"] += 1
            continue
        counts[f"kind:{m.kind}"] += 1
        if m.sender_name not in people:
            counts["other people" if m.sender_name else "no sender"] += 1
            continue
        if m.kind not in TURN_KINDS:
            counts[f"not a turn:{m.kind}"] += 1
            continue
        rows.append(m)
    texts = [m.text for m in rows if m.kind == "text" and m.text.strip()]
    masks = text_masks(texts, model=model, workers=workers, progress=progress)
    who = [people[m.sender_name] for m in rows]  # type: ignore[index]
    ts = [m.sort_key for m in rows]
    is_text = [m.kind == "text" and bool(m.text.strip()) for m in rows]
    mask = [masks[m.text] if t else 0 for m, t in zip(rows, is_text, strict=True)]
    word_cache: dict[str, int] = {}
    words: list[int] = []
    for m, t in zip(rows, is_text, strict=True):
        if not t:
            words.append(0)
            continue
        n = word_cache.get(m.text)
        if n is None:
            n = len(m.text.split())
            if len(word_cache) < 2_000_000:
                word_cache[sys.intern(m.text) if len(m.text) < 24 else m.text] = n
        words.append(n)
    days = [m.ts_local.toordinal() for m in rows]
    week, labels = _week_index(days)
    # Exports that only carry minutes make every latency a multiple of 60 s; say so rather than invent seconds.
    sample = rows[:: max(1, len(rows) // 2000)]
    resolution = 60 if sample and all(m.ts_local.second == 0 and m.ts_local.microsecond == 0 for m in sample) else 1
    return Timeline(
        names=(roles.me, roles.partner),
        messages=rows,
        who=who,
        ts=ts,
        week=week,
        is_text=is_text,
        words=words,
        mask=mask,
        weeks=labels,
        resolution_s=resolution,
        counts=dict(counts),
    )
