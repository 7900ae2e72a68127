"""Reciprocity: does each person's sharing match the other's over time (principle `reciprocity`).

Per week with enough text from both, each person's disclosure rate (share of their text messages
that share about themselves). The balance is your rate over your partner's; the lagged correlations
ask whether one person's sharing in a week is followed by the other's sharing the next week.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from openup.analysis.evidence import EvidenceBook
from openup.analysis.features import DISCLOSURE, bits
from openup.analysis.params import Params
from openup.analysis.stats import pearson, ratio
from openup.analysis.timeline import ME, PARTNER, Timeline
from openup.analysis.weekly import Weekly
from openup.method import group

PRINCIPLE = "reciprocity"
DEEP_QUESTIONS = bits(*group("deep_question"))


@dataclass(frozen=True, slots=True)
class WeekBalance:
    """One week with enough text from both: each person's disclosure rate, and yours over your partner's."""

    week: str
    you: float | None
    partner: float | None
    ratio: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"week": self.week, "you": self.you, "partner": self.partner, "ratio": self.ratio}


@dataclass(frozen=True, slots=True)
class Reciprocity:
    """Each person's disclosure rate over the whole chat and their balance; how the weekly rates move together
    (same week, and one person's week against the other's next week); deep questions you asked in all and in
    weeks when you shared nothing; the weeks compared."""

    your_rate: float | None
    partner_rate: float | None
    balance: float | None
    weeks_compared: int
    same_week_correlation: float | None
    you_then_partner_correlation: float | None
    partner_then_you_correlation: float | None
    deep_questions: int
    deep_questions_without_sharing: int
    weekly: tuple[WeekBalance, ...]
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "principle": PRINCIPLE,
            "your_rate": self.your_rate,
            "partner_rate": self.partner_rate,
            "balance": self.balance,
            "weeks_compared": self.weeks_compared,
            "same_week_correlation": self.same_week_correlation,
            "you_then_partner_correlation": self.you_then_partner_correlation,
            "partner_then_you_correlation": self.partner_then_you_correlation,
            "deep_questions": self.deep_questions,
            "deep_questions_without_sharing": self.deep_questions_without_sharing,
            "weekly": [w.to_dict() for w in self.weekly],
            "note": self.note,
        }


def _round(x: float | None, digits: int) -> float | None:
    return round(x, digits) if x is not None else None


def measure_reciprocity(tl: Timeline, params: Params, weekly: Weekly, book: EvidenceBook) -> Reciprocity:
    """Weekly balance of sharing, lagged correlations, and deep questions asked while sharing nothing."""
    rate = weekly.col("disclosure_rate", None)
    texts = weekly.col("text_messages")
    sd = weekly.col("self_disclosure")
    ok = [
        w
        for w in range(len(tl.weeks))
        if (texts[ME][w] or 0) >= params.min_texts and (texts[PARTNER][w] or 0) >= params.min_texts
    ]
    mine = [float(rate[ME][w] or 0) for w in ok]
    theirs = [float(rate[PARTNER][w] or 0) for w in ok]
    weekly_ratio = tuple(
        WeekBalance(
            tl.weeks[w], rate[ME][w], rate[PARTNER][w], ratio(float(rate[ME][w] or 0), float(rate[PARTNER][w] or 0))
        )
        for w in ok
    )
    consecutive = [(a, b) for a, b in itertools.pairwise(ok) if b == a + 1]
    lag_me_then_partner = pearson(
        [float(rate[ME][a] or 0) for a, _ in consecutive],
        [float(rate[PARTNER][b] or 0) for _, b in consecutive],
    )
    lag_partner_then_me = pearson(
        [float(rate[PARTNER][a] or 0) for a, _ in consecutive],
        [float(rate[ME][b] or 0) for _, b in consecutive],
    )
    same = pearson(mine, theirs)
    # Deep questions in weeks where you shared nothing about yourself.
    quiet_weeks = {w for w in range(len(tl.weeks)) if (sd[ME][w] or 0) == 0}
    deep_total = 0
    asked_without_sharing = 0
    for i in range(len(tl)):
        if tl.who[i] != ME or not tl.is_text[i] or not tl.mask[i] & DEEP_QUESTIONS:
            continue
        deep_total += 1
        if tl.week[i] in quiet_weeks:
            asked_without_sharing += 1
            book.add(
                "reciprocity.asked_without_sharing",
                "Deep questions you asked in weeks when you shared nothing about yourself",
                PRINCIPLE,
                (i,),
            )
    my_sd = sum(1 for i in range(len(tl)) if tl.who[i] == ME and tl.is_text[i] and tl.mask[i] & DISCLOSURE)
    their_sd = sum(
        1 for i in range(len(tl)) if tl.who[i] == PARTNER and tl.is_text[i] and tl.mask[i] & DISCLOSURE
    )
    my_texts = sum(float(texts[ME][w] or 0) for w in range(len(tl.weeks)))
    their_texts = sum(float(texts[PARTNER][w] or 0) for w in range(len(tl.weeks)))
    my_rate = my_sd / my_texts if my_texts else None
    their_rate = their_sd / their_texts if their_texts else None
    note = ""
    if len(ok) < 4:
        note = (
            f"Only {len(ok)} week(s) have at least {params.min_texts} text messages from both of you, "
            "so week-to-week matching cannot be judged yet."
        )
    return Reciprocity(
        your_rate=_round(my_rate, 4),
        partner_rate=_round(their_rate, 4),
        balance=ratio(my_rate, their_rate) if my_rate is not None and their_rate else None,
        weeks_compared=len(ok),
        same_week_correlation=_round(same, 3),
        you_then_partner_correlation=_round(lag_me_then_partner, 3),
        partner_then_you_correlation=_round(lag_partner_then_me, 3),
        deep_questions=deep_total,
        deep_questions_without_sharing=asked_without_sharing,
        weekly=weekly_ratio,
        note=note,
    )
