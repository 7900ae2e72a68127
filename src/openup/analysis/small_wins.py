"""Small wins: your partner's messages that open up more than they usually do (principle `small-wins`).

A message is a small win when its depth (see openness) is at least one point above the mean depth of
your partner's previous `baseline_n` text messages, once at least `baseline_min` earlier messages exist.
How you answered each one is classified as in listening.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from openup.analysis.evidence import EvidenceBook
from openup.analysis.features import depth
from openup.analysis.params import Params
from openup.analysis.responses import response_to
from openup.analysis.timeline import ME, PARTNER, Timeline
from openup.analysis.weekly import Weekly

PRINCIPLE = "small-wins"
MAX_LISTED = 500


@dataclass
class SmallWins:
    count: int
    outcomes: dict[str, int]
    wins: list[tuple[int, str]] = field(repr=False)  # (row, how you answered), most recent MAX_LISTED

    def to_dict(self) -> dict[str, Any]:
        return {
            "principle": PRINCIPLE,
            "count": self.count,
            "outcomes": self.outcomes,
            "listed": len(self.wins),
        }


def measure_small_wins(tl: Timeline, params: Params, weekly: Weekly, book: EvidenceBook) -> SmallWins:
    """Find the partner's messages above their own rolling baseline and how you answered them."""
    outcomes = {"listened": 0, "neutral": 0, "fixed": 0, "missed": 0}
    wins: deque[tuple[int, str]] = deque(maxlen=MAX_LISTED)
    recent: deque[int] = deque(maxlen=params.baseline_n)
    total = 0
    count = 0
    col = weekly.col("small_wins")
    names = tl.names
    if names[PARTNER] is None:
        return SmallWins(0, outcomes, [])
    for i in range(len(tl)):
        if tl.who[i] != PARTNER or not tl.is_text[i]:
            continue
        d = depth(tl.mask[i])
        if len(recent) >= params.baseline_min and d >= 1 and d >= total / len(recent) + 1:
            count += 1
            resp = response_to(tl, i, ME, params.reply_window_s)
            out = resp.listening
            outcomes[out] += 1
            wins.append((i, out))
            col[PARTNER][tl.week[i]] += 1  # type: ignore[operator]
            book.add(
                "small_wins", f"Times {names[PARTNER]} opened up more than usual", PRINCIPLE, (i, *resp.rows)
            )
            book.add(
                f"small_wins.{out}", _TITLES[out].format(partner=names[PARTNER]), PRINCIPLE, (i, *resp.rows)
            )
        if len(recent) == recent.maxlen:
            total -= recent[0]
        recent.append(d)
        total += d
    return SmallWins(count, outcomes, list(wins))


_TITLES = {
    "listened": "{partner} opened up more than usual, and you encouraged it",
    "neutral": "{partner} opened up more than usual, and your answer passed over it",
    "fixed": "{partner} opened up more than usual, and you answered with advice or criticism",
    "missed": "{partner} opened up more than usual, and no answer came in time",
}
