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

    The rest decide when a finding becomes one of the things to work on (`priorities.py`):
    priority_floor / priorities_shown: the least severity a finding needs, and how many are shown.
    min_critical: harsh messages needed before the appreciation ratio is judged; rare_appreciation_texts /
    rare_appreciation_rate: how many messages, with how small a share of appreciation, make it "rare";
    strength_appreciation: appreciative messages needed to call the ratio a strength.
    min_disclosures / min_small_wins / min_bids: how many of the partner's disclosures, small wins or bids
    are needed before your answers to them are judged; poor_share: the share of poor answers that makes
    a finding; listened_pct_strength: the share of listening answers that makes a strength.
    min_cycle_weeks: pursue-withdraw weeks that make a finding; pursuit_per_100 / pursuit_events: how
    often you pursue (per 100 messages) and how many times.
    reciprocity_texts / reciprocity_balance: your messages needed, and the balance of sharing below which
    it is a finding; asked_without_sharing: deep questions asked in weeks you shared nothing.
    hard_questions / hard_question_share: questions about feelings or general ones, and their share.
    """

    thread_gap_s: int = 4 * HOUR
    reply_window_s: int = 4 * HOUR
    followup_gap_s: int = 20 * 60
    barrage: int = 3
    baseline_n: int = 30
    baseline_min: int = 10
    min_texts: int = 5
    min_replies_for_latency: int = 3
    priority_floor: float = 0.15
    priorities_shown: int = 3
    min_critical: int = 2
    rare_appreciation_texts: int = 200
    rare_appreciation_rate: float = 0.01
    strength_appreciation: int = 5
    min_disclosures: int = 3
    min_small_wins: int = 3
    min_bids: int = 10
    poor_share: float = 0.3
    listened_pct_strength: float = 50.0
    min_cycle_weeks: int = 2
    pursuit_per_100: float = 5.0
    pursuit_events: int = 5
    reciprocity_texts: int = 50
    reciprocity_balance: float = 0.5
    asked_without_sharing: int = 3
    hard_questions: int = 5
    hard_question_share: float = 0.6

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
