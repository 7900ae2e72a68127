"""The two people, their turns in order, and the columns every measure reads.

A `Timeline` holds one row per turn of "you" (index 0) and your partner (index 1): text, media,
stickers, calls and deleted messages. System notices, reactions and other people's messages are counted
but are not turns. Columns are plain lists so a million rows stay cheap to walk.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, overload

from openup.analysis.features import Progress, text_masks
from openup.chats.model import Conversation, Message
from openup.errors import ParticipantNeeded, SamePerson, UnknownParticipant, UserError

ME, PARTNER = 0, 1
TURN_KINDS = frozenset({"text", "media", "sticker", "call", "deleted"})


@dataclass(frozen=True, slots=True)
class Roles:
    """Who is "you", who is the partner, and what the choice rested on."""

    me: str
    partner: str | None
    notes: tuple[str, ...] = ()


def _match_name(name: str, people: Sequence[str], role: str) -> str:
    if name in people:
        return name
    folded = {p.casefold(): p for p in people}
    if name.casefold() in folded:
        return folded[name.casefold()]
    raise UnknownParticipant(role, name, people)


def _marked_me(conv: Conversation) -> Counter[str]:
    """Senders of rows the export itself marks as yours."""
    src = conv.messages
    name_me = getattr(src, "name_me", None)
    names = getattr(src, "names", None)
    if name_me is not None and names is not None:  # columnar: the flag is per name
        return Counter({n: 1 for n, flag in zip(names, name_me, strict=True) if flag})
    return Counter(m.sender_name for m in src if m.is_me and m.sender_name)


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
        me = _match_name(me, people, "me")
    else:
        mine = Counter() if conv.me and conv.me in counts else _marked_me(conv)
        if conv.me and conv.me in counts:
            me = conv.me
        elif mine:
            me = mine.most_common(1)[0][0]
        elif len(people) == 1:
            me = people[0]
            notes.append(f"Only {me} wrote in this chat, so the analysis takes {me} to be you.")
        else:
            raise ParticipantNeeded(people)
    others = [p for p in people if p != me]
    if partner is not None:
        partner = _match_name(partner, people, "partner")
        if partner == me:
            raise SamePerson(partner)
    elif others:
        partner = others[0]
        if len(others) > 1:
            notes.append(
                f"This is a group chat with {len(people)} people. The analysis looks at you ({me}) and "
                f"{partner}, the most active other person; pass --partner to choose someone else "
                f"(others: {', '.join(others[1:6])})."
            )
    else:
        notes.append(
            "Your partner wrote nothing in this chat, so nothing that needs two people can be measured."
        )
    if partner is not None and len(others) > 1 and not notes:
        notes.append(f"This is a group chat; only the messages of {me} and {partner} are analysed.")
    return Roles(me, partner, tuple(notes))


def iso_week(d: date) -> str:
    """The ISO week label of a day: "2024-W07"."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


class RowView(Sequence[Message]):
    """The timeline's rows as `Message`s, looked up in the conversation only when read.

    A columnar conversation builds each `Message` on access, so a million-row chat never holds a
    million of them just to be analysed; the report reads the few rows it quotes.
    """

    __slots__ = ("rows", "source")

    def __init__(self, source: Sequence[Message], index: list[int]) -> None:
        self.source = source
        self.rows = index

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, i: int) -> Message: ...

    @overload
    def __getitem__(self, i: slice) -> list[Message]: ...

    def __getitem__(self, i: int | slice) -> Message | list[Message]:
        if isinstance(i, slice):
            return [self.source[j] for j in self.rows[i]]
        return self.source[self.rows[i]]

    def __iter__(self) -> Iterator[Message]:
        src = self.source
        for j in self.rows:
            yield src[j]


@dataclass
class Timeline:
    """Turns of the two people in time order, as parallel columns (`kind` and `text` per row)."""

    names: tuple[str, str | None]
    messages: Sequence[Message]
    who: list[int]
    ts: list[float]
    week: list[int]
    kind: list[str]
    text: list[str]
    is_text: list[bool]
    words: list[int]
    mask: list[int]
    weeks: list[str]
    resolution_s: int
    counts: dict[str, int] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.who)

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
    known: Mapping[str, int] | None = None,
) -> Timeline:
    """Select the two people's turns, detect each distinct text once, and lay out the columns
    (`known`: masks already found for some texts, see `text_masks`)."""
    people = {roles.me: ME}
    if roles.partner is not None:
        people[roles.partner] = PARTNER
    since_day = since.date() if isinstance(since, datetime) else since
    cols = _columns(conv, people, since_day)
    if cols is None:
        cols = _rows(conv, people, since_day)
    index, who, ts, days, kind, text, counts = cols
    is_text = [k == "text" and bool(t) and not t.isspace() for k, t in zip(kind, text, strict=True)]
    masks = text_masks(
        [t for t, ok in zip(text, is_text, strict=True) if ok],
        model=model,
        workers=workers,
        progress=progress,
        known=known,
    )
    words_of = {t: len(t.split()) for t in masks}  # once per distinct text
    mask = [masks[t] if ok else 0 for t, ok in zip(text, is_text, strict=True)]
    words = [words_of[t] if ok else 0 for t, ok in zip(text, is_text, strict=True)]
    week, labels = _week_index(days)
    # Exports that only carry minutes make every latency a multiple of 60 s: say so, never invent seconds.
    sample = ts[:: max(1, len(ts) // 2000)]
    resolution = 60 if sample and all(x % 60 == 0 for x in sample) else 1
    return Timeline(
        names=(roles.me, roles.partner),
        messages=RowView(conv.messages, index),
        who=who,
        ts=ts,
        week=week,
        kind=kind,
        text=text,
        is_text=is_text,
        words=words,
        mask=mask,
        weeks=labels,
        resolution_s=resolution,
        counts=dict(counts),
    )


_Cols = tuple[list[int], list[int], list[float], list[int], list[str], list[str], Counter[str]]
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


# A chat's messages are dated in these years; an export that says 1970 (a phone without its clock set),
# year 2 or 9999 (a crafted file) has those messages left out of the analysis and counted in a note.
FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2200, 12, 31)
OUT_OF_RANGE = "dated before 1990 or after 2200"
_FIRST_S = (FIRST_DAY.toordinal() - date(1970, 1, 1).toordinal()) * 86400
_LAST_S = (LAST_DAY.toordinal() + 1 - date(1970, 1, 1).toordinal()) * 86400


def _rows(conv: Conversation, people: dict[str, int], since_day: date | None) -> _Cols:
    """The turns of the two people, read message by message."""
    counts: Counter[str] = Counter()
    index: list[int] = []
    who: list[int] = []
    ts: list[float] = []
    days: list[int] = []
    kind: list[str] = []
    text: list[str] = []
    for i, m in enumerate(conv.messages):
        if since_day is not None and m.ts_local.date() < since_day:
            counts["before --since"] += 1
            continue
        if not FIRST_DAY <= m.ts_local.date() <= LAST_DAY:
            counts[OUT_OF_RANGE] += 1
            continue
        counts[f"kind:{m.kind}"] += 1
        p = people.get(m.sender_name) if m.sender_name is not None else None
        if p is None:
            counts["other people" if m.sender_name else "no sender"] += 1
            continue
        if m.kind not in TURN_KINDS:
            counts[f"not a turn:{m.kind}"] += 1
            continue
        index.append(i)
        who.append(p)
        ts.append(m.sort_key)
        days.append(m.ts_local.toordinal())
        kind.append(m.kind)
        text.append(m.text)
    return index, who, ts, days, kind, text, counts


def _columns(conv: Conversation, people: dict[str, int], since_day: date | None) -> _Cols | None:
    """The same, straight from a columnar conversation (no `Message` built); None when not columnar."""
    try:
        from openup.chats.model import KINDS, MessageColumns
    except ImportError:
        return None
    src = conv.messages
    if not isinstance(src, MessageColumns) or src.local_pair is not None:
        return None  # with a time zone the instants differ from the wall clock: take the general path
    kinds = list(KINDS)
    person = [people.get(n, -1) for n in src.names]
    turn = [k in TURN_KINDS for k in kinds]
    since_s = (since_day.toordinal() - _EPOCH_ORDINAL) * 86400 if since_day is not None else None
    per_kind = [0] * len(kinds)
    skipped: Counter[str] = Counter()
    index: list[int] = []
    who: list[int] = []
    ts: list[float] = []
    kind_codes: list[int] = []
    sender, kind_col, ts_col = src.sender, src.kind, src.ts
    for i in range(len(src)):
        t = ts_col[i]
        if since_s is not None and t < since_s:
            skipped["before --since"] += 1
            continue
        if not _FIRST_S <= t < _LAST_S:
            skipped[OUT_OF_RANGE] += 1
            continue
        k = kind_col[i]
        per_kind[k] += 1
        s = sender[i]
        p = person[s] if s >= 0 else -2
        if p < 0:
            skipped["other people" if p == -1 else "no sender"] += 1
            continue
        if not turn[k]:
            skipped[f"not a turn:{kinds[k]}"] += 1
            continue
        index.append(i)
        who.append(p)
        ts.append(t)
        kind_codes.append(k)
    text_col = src.text
    text = [text_col[i] for i in index]
    kind = [kinds[k] for k in kind_codes]
    days = [int(t // 86400) + _EPOCH_ORDINAL for t in ts]
    counts: Counter[str] = Counter({f"kind:{kinds[k]}": n for k, n in enumerate(per_kind) if n})
    counts.update(skipped)
    return index, who, [float(x) for x in ts], days, kind, text, counts
