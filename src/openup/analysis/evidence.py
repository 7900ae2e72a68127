"""Evidence behind every number: the messages a count was made of, capped, with the true count.

Each example is a small group of timeline rows shown together (a bid and its reply, a disclosure and
how you answered). Only the most recent examples are kept, so memory and report size stay bounded
however long the chat is; `count` always says how many there were in all.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from openup.method import KIND_NAMES

DEFAULT_CAP = 50
WEEKLY_CAP = 10

# Every evidence key follows a declared family: `{p}` is a person (0 you, 1 your partner), `{week}` an ISO
# week, `{kind}` a signal kind, `{outcome}` how an answer went, `{column}` a weekly column. Opening a key of
# no family, or asking the report for one, raises: a typo in a key fails loudly instead of showing a number
# without its messages. A measure added to the registry declares its own families with `declare`.
_PARTS = {"{p}": "[01]", "{week}": r"\d{4}-W\d{2}", "{kind}": "|".join(KIND_NAMES),
          "{outcome}": "listened|neutral|fixed|missed", "{column}": "[a-z_]+"}
FAMILIES: list[str] = [
    "volume.threads.{p}", "volume.replies.{p}", "volume.slow.{p}",
    "openness.disclosure.{p}", "openness.emotion.{p}", "reciprocity.asked_without_sharing",
    "ratio.appreciation.{p}", "ratio.critical.{p}", "ratio.{kind}.{p}",
    "bids.made.{p}", "bids.toward.{p}", "bids.away.{p}", "bids.against.{p}", "pursuit.cycle",
    "pursuit.follow_ups.{p}", "pursuit.unanswered.{p}", "pursuit.barrages.{p}", "pursuit.pressure.{p}",
    "listen.{outcome}", "listen.kind.{kind}", "questions.easy", "questions.hard",
    "small_wins", "small_wins.{outcome}", "leverage.{p}", "safety",
    "priority.listen", "priority.bids", "priority.pursuit", "priority.small_wins",
    "w.{column}.{p}.{week}",
]
_known: set[str] = set()
_pattern: list[re.Pattern[str] | None] = [None]


class UnknownEvidenceKey(KeyError):
    """An evidence key that follows no declared family (a programming error, not a user's)."""


def declare(*families: str) -> None:
    """Declare more key families (for a measure added to the registry): "exclaims.{p}"."""
    FAMILIES.extend(f for f in families if f not in FAMILIES)
    _pattern[0] = None


def check_key(key: str) -> str:
    """`key` itself when it follows a declared family, else UnknownEvidenceKey."""
    if key in _known:
        return key
    if _pattern[0] is None:
        alts = []
        for fam in FAMILIES:
            body = re.escape(fam)
            for part, rx in _PARTS.items():
                body = body.replace(re.escape(part), f"(?:{rx})")
            alts.append(body)
        _pattern[0] = re.compile("(?:" + "|".join(alts) + ")")
    pattern = _pattern[0]
    if pattern is None or not pattern.fullmatch(key):
        raise UnknownEvidenceKey(f"evidence key {key!r} follows no declared family (evidence.FAMILIES)")
    _known.add(key)
    return key


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
            check_key(key)
            ev = Evidence(key, title, principle, self.weekly_cap if weekly else self.cap)
            self.lists[key] = ev
        return ev

    def add(
        self, key: str, title: str, principle: str | None, rows: Iterable[int], *, weekly: bool = False
    ) -> None:
        """Open `key` if needed and add one example made of `rows`."""
        self.open(key, title, principle, weekly=weekly).add(*rows)

    def get(self, key: str) -> Evidence | None:
        """The list under `key`, or None when nothing was added to it (the key must follow a family)."""
        ev = self.lists.get(key)
        if ev is None:
            check_key(key)
        return ev

    def count(self, key: str) -> int:
        ev = self.lists.get(key)
        return ev.count if ev else 0

    def __contains__(self, key: str) -> bool:
        return key in self.lists

    def __iter__(self) -> Iterator[Evidence]:
        return iter(self.lists.values())
