"""The thresholds the measures use, in one place, so a coach can see and change them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

HOUR = 3600


@dataclass(frozen=True, slots=True)
class Params:
    """Thresholds, in seconds unless named otherwise.

    thread_gap_s: a message after a longer silence starts a new thread instead of replying.
    reply_window_s: a bid or disclosure not answered within this time counts as not answered.
    followup_gap_s: a second message sent this long after your own unanswered one is a follow-up.
    barrage: this many questions in a row without an answer make a question barrage.
    baseline_n: how many of the partner's earlier messages make their rolling baseline (small wins).
    min_texts: a week needs this many text messages from a person before rates are computed for it.
    """

    thread_gap_s: int = 4 * HOUR
    reply_window_s: int = 4 * HOUR
    followup_gap_s: int = 20 * 60
    barrage: int = 3
    baseline_n: int = 30
    baseline_min: int = 10
    min_texts: int = 5
    min_replies_for_latency: int = 3

    def __post_init__(self) -> None:
        for name in (
            "thread_gap_s",
            "reply_window_s",
            "followup_gap_s",
            "barrage",
            "baseline_n",
            "min_texts",
        ):
            if getattr(self, name) <= 0:
                raise ValueError(f"Params.{name} must be positive, got {getattr(self, name)!r}.")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
