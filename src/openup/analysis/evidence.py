"""Evidence behind every number: the messages a count was made of, capped, with the true count.

Each example is a small group of timeline rows shown together (a bid and its reply, a disclosure and
how you answered). Only the most recent examples are kept, so memory and report size stay bounded
however long the chat is; `count` always says how many there were in all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

DEFAULT_CAP = 50
WEEKLY_CAP = 10


@dataclass
class Evidence:
    """The examples behind one number."""

    key: str
    title: str
    principle: str | None
    cap: int
    count: int = 0
    examples: deque[tuple[int, ...]] = field(default_factory=deque)

    def __post_init__(self) -> None:
        self.examples = deque(self.examples, maxlen=self.cap)

    def add(self, *rows: int) -> None:
        """Count one more example; keep it if it is among the `cap` most recent."""
        self.count += 1
        self.examples.append(rows)

    def rows(self) -> Iterator[int]:
        """Every timeline row referenced by the kept examples."""
        for ex in self.examples:
            yield from ex


class EvidenceBook:
    """All evidence lists of one analysis, by key (e.g. "ratio.criticism.0", "w.bids.1.2024-W07")."""

    def __init__(self, cap: int = DEFAULT_CAP, weekly_cap: int = WEEKLY_CAP) -> None:
        self.cap = cap
        self.weekly_cap = weekly_cap
        self.lists: dict[str, Evidence] = {}

    def open(self, key: str, title: str, principle: str | None = None, *, weekly: bool = False) -> Evidence:
        """The list under `key`, created with this title if new."""
        ev = self.lists.get(key)
        if ev is None:
            ev = Evidence(key, title, principle, self.weekly_cap if weekly else self.cap)
            self.lists[key] = ev
        return ev

    def add(
        self, key: str, title: str, principle: str | None, rows: Iterable[int], *, weekly: bool = False
    ) -> None:
        """Open `key` if needed and add one example made of `rows`."""
        self.open(key, title, principle, weekly=weekly).add(*rows)

    def get(self, key: str) -> Evidence | None:
        return self.lists.get(key)

    def count(self, key: str) -> int:
        ev = self.lists.get(key)
        return ev.count if ev else 0

    def __contains__(self, key: str) -> bool:
        return key in self.lists

    def __iter__(self) -> Iterator[Evidence]:
        return iter(self.lists.values())
