"""The conversation model every chat parser produces: `Message` rows inside a `Conversation`.

One record per thing that happened in the chat (text, media, call, system notice, ...), never dropped:
rows that are not plain text keep their kind, so analysis can count them or leave them out on purpose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Final, Literal

Kind = Literal["text", "media", "sticker", "call", "system", "deleted", "reaction"]
KINDS: Final[tuple[str, ...]] = ("text", "media", "sticker", "call", "system", "deleted", "reaction")


@dataclass(frozen=True, slots=True)
class Message:
    """One row of a chat.

    `ts_local` is the wall-clock time as exported: naive when the export gives local times and no
    zone was passed, aware otherwise. `ts_utc` is aware UTC when the instant is known, else None.
    `msg_id` is stable and unique within its conversation (the platform's own id where there is one,
    else derived from the position in the file); `source_line` is the 1-based line of a text export
    or the 1-based record number of a structured one.
    """

    platform: str
    chat_id: str
    msg_id: str
    ts_local: datetime
    ts_utc: datetime | None
    sender_id: str | None
    sender_name: str | None
    is_me: bool
    kind: Kind
    text: str
    reply_to: str | None
    edited: bool
    source_line: int | None

    @property
    def sort_key(self) -> float:
        """Seconds used to order messages: the UTC instant if known, else the naive local time."""
        if self.ts_utc is not None:
            return self.ts_utc.timestamp()
        ts = self.ts_local
        if ts.tzinfo is None:
            ts = ts.replace(tzinfo=UTC)
        return ts.timestamp()

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (datetimes as ISO 8601 strings)."""
        return {
            "platform": self.platform,
            "chat_id": self.chat_id,
            "msg_id": self.msg_id,
            "ts_local": self.ts_local.isoformat(),
            "ts_utc": self.ts_utc.isoformat() if self.ts_utc is not None else None,
            "sender_id": self.sender_id,
            "sender_name": self.sender_name,
            "is_me": self.is_me,
            "kind": self.kind,
            "text": self.text,
            "reply_to": self.reply_to,
            "edited": self.edited,
            "source_line": self.source_line,
        }


MESSAGE_FIELDS: Final[tuple[str, ...]] = tuple(Message.__dataclass_fields__)

# Why: a frozen dataclass's generated __init__ routes every field through object.__setattr__ by name,
# which costs ~2.4 µs per 13-field row; parsers build a million rows, so we set the slots through their
# descriptors instead (~0.7 µs). The object stays frozen: attribute assignment still raises.
_SETTERS = tuple(getattr(Message, name).__set__ for name in MESSAGE_FIELDS)
(
    _s_platform,
    _s_chat_id,
    _s_msg_id,
    _s_ts_local,
    _s_ts_utc,
    _s_sender_id,
    _s_sender_name,
    _s_is_me,
    _s_kind,
    _s_text,
    _s_reply_to,
    _s_edited,
    _s_source_line,
) = _SETTERS


def _fast_init(
    self: Message,
    platform: str,
    chat_id: str,
    msg_id: str,
    ts_local: datetime,
    ts_utc: datetime | None,
    sender_id: str | None,
    sender_name: str | None,
    is_me: bool,
    kind: Kind,
    text: str,
    reply_to: str | None,
    edited: bool,
    source_line: int | None,
) -> None:
    _s_platform(self, platform)
    _s_chat_id(self, chat_id)
    _s_msg_id(self, msg_id)
    _s_ts_local(self, ts_local)
    _s_ts_utc(self, ts_utc)
    _s_sender_id(self, sender_id)
    _s_sender_name(self, sender_name)
    _s_is_me(self, is_me)
    _s_kind(self, kind)
    _s_text(self, text)
    _s_reply_to(self, reply_to)
    _s_edited(self, edited)
    _s_source_line(self, source_line)


setattr(Message, "__init__", _fast_init)  # noqa: B010 - mypy forbids assigning to a method directly


@dataclass(frozen=True, slots=True)
class Skipped:
    """One input line or record that did not become a message, and why."""

    line: int | None
    reason: str
    excerpt: str


class SkipLog:
    """Counts skipped lines per reason and keeps the first few of each as examples.

    Memory stays bounded however many lines a broken file has.
    """

    __slots__ = ("counts", "examples", "max_examples")

    def __init__(self, max_examples: int = 5) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: list[Skipped] = []
        self.max_examples = max_examples

    def add(self, reason: str, line: int | None = None, excerpt: str = "") -> None:
        """Record one skipped line (or record) with a short reason."""
        self.counts[reason] += 1
        if self.counts[reason] <= self.max_examples:
            self.examples.append(Skipped(line, reason, excerpt[:80]))

    @property
    def total(self) -> int:
        """How many lines or records were skipped in all."""
        return sum(self.counts.values())

    def __len__(self) -> int:
        return self.total

    def __bool__(self) -> bool:
        return bool(self.counts)

    def __iter__(self) -> Iterator[Skipped]:
        return iter(self.examples)

    def __repr__(self) -> str:
        return f"SkipLog({dict(self.counts)!r})"


@dataclass
class ImportReport:
    """What a parser learned besides the messages: filled while `iter_messages` runs."""

    platform: str = ""
    chat_id: str = ""
    title: str | None = None
    tz_source: str = "local"
    me: str | None = None
    skipped: SkipLog = field(default_factory=SkipLog)
    warnings: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        """Add a warning once (the same sentence is not repeated)."""
        if message not in self.warnings:
            self.warnings.append(message)


@dataclass
class Conversation:
    """A whole chat: its messages in stable order (timestamp, then file order) plus what was skipped."""

    platform: str
    participants: list[str]
    messages: list[Message]
    tz_source: str = "local"
    skipped: SkipLog = field(default_factory=SkipLog)
    warnings: list[str] = field(default_factory=list)
    me: str | None = None
    chat_id: str = ""
    title: str | None = None

    def __len__(self) -> int:
        return len(self.messages)

    def __iter__(self) -> Iterator[Message]:
        return iter(self.messages)

    def people(self) -> Counter[str]:
        """Rows per sender name; system notices are not counted (on iOS they carry the group's name).

        >>> conv.people().most_common(2)  # doctest: +SKIP
        [('Sam', 120), ('Alex', 98)]
        """
        return Counter(
            m.sender_name for m in self.messages if m.sender_name is not None and m.kind != "system"
        )

    def kinds(self) -> Counter[str]:
        """Messages per kind (text, media, sticker, call, system, deleted, reaction)."""
        return Counter(m.kind for m in self.messages)

    def date_range(self) -> tuple[datetime, datetime] | None:
        """First and last local timestamp, or None for an empty conversation."""
        if not self.messages:
            return None
        return self.messages[0].ts_local, self.messages[-1].ts_local

    def by_id(self, msg_id: str) -> Message:
        """The message with this id (raises KeyError if there is none)."""
        for m in self.messages:
            if m.msg_id == msg_id:
                return m
        raise KeyError(msg_id)

    def texts(self) -> Iterable[Message]:
        """Only the rows of kind "text"."""
        return (m for m in self.messages if m.kind == "text")
