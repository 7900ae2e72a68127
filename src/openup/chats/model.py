"""The conversation model every chat parser produces: `Message` rows inside a `Conversation`.

One record per thing that happened in the chat (text, media, call, system notice, ...), never dropped:
rows that are not plain text keep their kind, so analysis can count them or leave them out on purpose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Final, Literal, overload

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


_EPOCH_NAIVE: Final = datetime(1970, 1, 1)
LocalPair = Callable[[datetime], tuple[datetime, datetime | None]]


class Utf8Column(Sequence[str]):
    """Strings stored as byte ranges of one UTF-8 buffer, decoded when read; `override` holds the few rows
    whose text differs from their range (e.g. an edited marker cut off)."""

    __slots__ = ("data", "override", "size", "start")

    def __init__(
        self, data: bytes, start: Sequence[int], size: Sequence[int], override: dict[int, str] | None = None
    ) -> None:
        if len(start) != len(size):
            raise ValueError("Utf8Column: start and size differ in length")
        self.data = data
        self.start = start
        self.size = size
        self.override = override if override is not None else {}

    def __len__(self) -> int:
        return len(self.start)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            lo, hi, step = index.indices(len(self))
            if step != 1:
                return [self[i] for i in range(lo, hi, step)]
            data = self.data
            out = [
                data[a : a + n].decode("utf-8")
                for a, n in zip(self.start[lo:hi], self.size[lo:hi], strict=True)
            ]
            for i, replaced in self.override.items():
                if lo <= i < hi:
                    out[i - lo] = replaced
            return out
        i = index.__index__()
        if i < 0:
            i += len(self)
        if self.override:
            text = self.override.get(i)
            if text is not None:
                return text
        a = self.start[i]
        return self.data[a : a + self.size[i]].decode("utf-8")


class MessageColumns(Sequence[Message]):
    """A read-only sequence of `Message` stored as columns; each `Message` is built when it is accessed.

    Why: building a million frozen rows up front costs more time and memory than parsing the file. The
    columns are `ts` (wall-clock seconds since 1970-01-01 as int64), `line` (source line, int64; the
    msg_id is `L<line>`), `sender` (int32 index into `names`, -1 for none), `kind` (index into KINDS)
    and `text` (a sequence of str, e.g. a `Utf8Column`). `name_me[i]` says whether `names[i]` is "me"; `me_rows` and
    `edited_rows` are the few rows whose flag differs from that rule. `local_pair` turns a naive
    wall-clock time into (ts_local, ts_utc) when a time zone was given.
    """

    __slots__ = (
        "_dt_cache",
        "chat_id",
        "edited_rows",
        "kind",
        "line",
        "local_pair",
        "me_rows",
        "name_me",
        "names",
        "platform",
        "sender",
        "text",
        "ts",
    )

    def __init__(
        self,
        *,
        platform: str,
        chat_id: str,
        ts: Sequence[int],
        line: Sequence[int],
        sender: Sequence[int],
        kind: Sequence[int],
        text: Sequence[str],
        names: list[str],
        name_me: list[bool],
        me_rows: frozenset[int] = frozenset(),
        edited_rows: frozenset[int] = frozenset(),
        local_pair: LocalPair | None = None,
    ) -> None:
        n = len(text)
        if not (len(ts) == len(line) == len(sender) == len(kind) == n) or len(names) != len(name_me):
            raise ValueError("MessageColumns: columns differ in length")
        self.platform = platform
        self.chat_id = chat_id
        self.ts = ts
        self.line = line
        self.sender = sender
        self.kind = kind
        self.text = text
        self.names = names
        self.name_me = name_me
        self.me_rows = me_rows
        self.edited_rows = edited_rows
        self.local_pair = local_pair
        self._dt_cache: tuple[int, datetime, datetime | None] = (-(2**63), _EPOCH_NAIVE, None)

    def __len__(self) -> int:
        return len(self.text)

    def _times(self, seconds: int) -> tuple[datetime, datetime | None]:
        cached = self._dt_cache
        if cached[0] == seconds:
            return cached[1], cached[2]
        local: datetime = _EPOCH_NAIVE + timedelta(seconds=seconds)
        utc: datetime | None = None
        if self.local_pair is not None:
            local, utc = self.local_pair(local)
        self._dt_cache = (seconds, local, utc)
        return local, utc

    def _row(self, i: int) -> Message:
        s = self.sender[i]
        name = self.names[s] if s >= 0 else None
        me = (s >= 0 and self.name_me[s]) or i in self.me_rows
        line = self.line[i]
        local, utc = self._times(self.ts[i])
        return Message(
            self.platform,
            self.chat_id,
            f"L{line}",
            local,
            utc,
            name,
            name,
            me,
            KINDS[self.kind[i]],  # type: ignore[arg-type]
            self.text[i],
            None,
            i in self.edited_rows,
            line,
        )

    @overload
    def __getitem__(self, index: int) -> Message: ...

    @overload
    def __getitem__(self, index: slice) -> list[Message]: ...

    def __getitem__(self, index: int | slice) -> Message | list[Message]:
        if isinstance(index, slice):
            return [self._row(i) for i in range(*index.indices(len(self)))]
        n = len(self)
        i = index.__index__()
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("message index out of range")
        return self._row(i)

    def __iter__(self) -> Iterator[Message]:
        # Written out flat (this runs once per row): columns are read in blocks, times reused while equal.
        names, name_me, me_rows, edited_rows = self.names, self.name_me, self.me_rows, self.edited_rows
        platform, chat_id, local_pair, kinds, new = self.platform, self.chat_id, self.local_pair, KINDS, Message
        epoch, seconds = _EPOCH_NAIVE, timedelta
        last = None
        local: datetime = epoch
        utc: datetime | None = None
        n = len(self)
        for lo in range(0, n, 8192):
            hi = min(n, lo + 8192)
            block = zip(
                range(lo, hi),
                self.ts[lo:hi],
                self.line[lo:hi],
                self.sender[lo:hi],
                self.kind[lo:hi],
                self.text[lo:hi],
                strict=True,
            )
            for i, t, line, s, k, text in block:
                if t != last:
                    last, local, utc = t, epoch + seconds(seconds=t), None
                    if local_pair is not None:
                        local, utc = local_pair(local)
                name = names[s] if s >= 0 else None
                me = (s >= 0 and name_me[s]) or (i in me_rows)
                kind: Kind = kinds[k]  # type: ignore[assignment, unused-ignore]
                edited = i in edited_rows
                yield new(platform, chat_id, f"L{line}", local, utc, name, name, me, kind, text, None, edited, line)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<MessageColumns: {len(self)} {self.platform} messages>"

    def sender_stats(self) -> tuple[list[int], list[int]]:
        """Per name: first row and number of rows, counting only rows that have it as sender and are not
        system notices (first row -1 when there is none)."""
        system = KINDS.index("system")
        try:
            from openup.chats._wascan import sender_stats  # type: ignore[import-not-found, unused-ignore]

            if isinstance(self.sender, memoryview) and isinstance(self.kind, (bytes, bytearray)):
                stats: tuple[list[int], list[int]] = sender_stats(self.sender, self.kind, len(self.names))
                return stats
        except ImportError:
            pass
        first = [-1] * len(self.names)
        counts = [0] * len(self.names)
        for i, (s, k) in enumerate(zip(self.sender, self.kind, strict=True)):
            if s >= 0 and k != system:
                if first[s] < 0:
                    first[s] = i
                counts[s] += 1
        return first, counts

    def participants(self) -> list[str]:
        """Sender names (not of system notices) in order of their first row."""
        first, _ = self.sender_stats()
        return [self.names[i] for i in sorted((i for i in range(len(first)) if first[i] >= 0), key=first.__getitem__)]

    def people(self) -> Counter[str]:
        """Rows per sender name, system notices left out (same order as counting row by row)."""
        first, counts = self.sender_stats()
        order = sorted((i for i in range(len(first)) if first[i] >= 0), key=first.__getitem__)
        out: Counter[str] = Counter()
        for i in order:
            out[self.names[i]] += counts[i]
        return out

    def kinds(self) -> Counter[str]:
        """Rows per kind, in order of first appearance."""
        codes = bytes(self.kind) if not isinstance(self.kind, (bytes, bytearray)) else self.kind
        present = [(codes.find(bytes((k,))), k) for k in range(len(KINDS))]
        out: Counter[str] = Counter()
        for first, k in sorted(present):
            if first >= 0:
                out[KINDS[k]] = codes.count(bytes((k,)))
        return out

    def any_me(self) -> bool:
        """Whether any row is from "me"."""
        return bool(self.me_rows) or any(self.name_me)


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


MAX_WARNINGS: Final = 50


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
    _warned: set[str] = field(default_factory=set, repr=False, compare=False)

    def warn(self, message: str) -> None:
        """Add a warning once (the same sentence is not repeated), up to MAX_WARNINGS in all: a hostile
        file can make a new sentence per record, and neither time nor the summary may grow with that."""
        if message in self._warned or len(self.warnings) >= MAX_WARNINGS:
            return
        self._warned.add(message)
        self.warnings.append(message)


@dataclass
class Conversation:
    """A whole chat: its messages in stable order (timestamp, then file order) plus what was skipped."""

    platform: str
    participants: list[str]
    messages: Sequence[Message]  # a list, or MessageColumns (lazy rows) for large text exports
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
        if isinstance(self.messages, MessageColumns):
            return self.messages.people()
        return Counter(
            m.sender_name for m in self.messages if m.sender_name is not None and m.kind != "system"
        )

    def kinds(self) -> Counter[str]:
        """Messages per kind (text, media, sticker, call, system, deleted, reaction)."""
        if isinstance(self.messages, MessageColumns):
            return self.messages.kinds()
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
