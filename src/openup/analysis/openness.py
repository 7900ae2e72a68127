"""Openness: how much each person shares about themselves (principles `reciprocity`, `small-wins`).

Each text message gets a depth from 0 to 3: one point for sharing about oneself (`self_disclosure`),
one for speaking from one's own experience (`i_statement`), one for naming an emotion in the first
person. A week's openness is the mean depth of a person's text messages that week.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openup.analysis.evidence import EvidenceBook
from openup.analysis.features import DISCLOSURE, EMOTION, ISTATEMENT, depth
from openup.analysis.params import Params
from openup.analysis.stats import slope
from openup.analysis.timeline import PARTNER, Timeline
from openup.analysis.weekly import Weekly

PRINCIPLES = ("reciprocity", "small-wins")


@dataclass(frozen=True, slots=True)
class OpennessPerson:
    """One person's text messages, how many share about themselves, speak from their own experience or name a
    feeling, their summed depth, and per text message the mean depth and the share that discloses (None: no
    text messages)."""

    text_messages: int
    self_disclosure: int
    i_statement: int
    emotion: int
    depth_sum: int
    openness: float | None
    disclosure_rate: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text_messages": self.text_messages,
            "self_disclosure": self.self_disclosure,
            "i_statement": self.i_statement,
            "emotion": self.emotion,
            "depth_sum": self.depth_sum,
            "openness": self.openness,
            "disclosure_rate": self.disclosure_rate,
        }


@dataclass(frozen=True, slots=True)
class Trend:
    """The direction of a weekly series ("deeper", "shallower", "steady" or "unknown"), its slope per week, and
    the means of its first and last quarter (None, with a note, for fewer than 4 weeks)."""

    direction: str
    weeks: int
    slope_per_week: float | None
    early: float | None
    late: float | None
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "direction": self.direction,
            "weeks": self.weeks,
            "slope_per_week": self.slope_per_week,
            "early": self.early,
            "late": self.late,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Openness:
    per_person: tuple[OpennessPerson, ...]  # you, then your partner
    partner_trend: Trend

    def to_dict(self) -> dict[str, Any]:
        return {
            "principles": list(PRINCIPLES),
            "people": [p.to_dict() for p in self.per_person],
            "partner_trend": self.partner_trend.to_dict(),
        }


def _trend(values: list[float]) -> Trend:
    """Direction of a weekly series: slope per week and first-quarter vs last-quarter means."""
    if len(values) < 4:
        note = "Fewer than 4 weeks with enough of your partner's messages: no trend yet."
        return Trend("unknown", len(values), None, None, None, note)
    q = max(1, len(values) // 4)
    early = sum(values[:q]) / q
    late = sum(values[-q:]) / q
    s = slope(values) or 0.0
    change = late - early
    steady = abs(change) < 0.05 or (change > 0) != (s > 0)
    direction = "steady" if steady else ("deeper" if change > 0 else "shallower")
    return Trend(direction, len(values), round(s, 4), round(early, 3), round(late, 3), "")


def measure_openness(tl: Timeline, params: Params, weekly: Weekly, book: EvidenceBook) -> Openness:
    """Depth per message, disclosures and emotions per person and week; the partner's depth trend."""
    depth_sum = weekly.col("depth_sum")
    sd = weekly.col("self_disclosure")
    emo = weekly.col("emotion")
    texts = weekly.col("text_messages")
    totals = [
        {"text_messages": 0, "self_disclosure": 0, "i_statement": 0, "emotion": 0, "depth_sum": 0}
        for _ in range(2)
    ]
    names = tl.names
    for i in range(len(tl)):
        if not tl.is_text[i]:
            continue
        m = tl.mask[i]
        p, w = tl.who[i], tl.week[i]
        t = totals[p]
        t["text_messages"] += 1
        if not m & (DISCLOSURE | ISTATEMENT | EMOTION):
            continue
        d = depth(m)
        t["depth_sum"] += d
        depth_sum[p][w] += d  # type: ignore[operator]
        if m & DISCLOSURE:
            t["self_disclosure"] += 1
            sd[p][w] += 1  # type: ignore[operator]
            book.add(
                f"openness.disclosure.{p}",
                f"Messages where {names[p]} shares about themselves",
                "reciprocity",
                (i,),
            )
            book.add(
                f"w.self_disclosure.{p}.{tl.weeks[w]}",
                f"{names[p]} sharing in {tl.weeks[w]}",
                "reciprocity",
                (i,),
                weekly=True,
            )
        if m & ISTATEMENT:
            t["i_statement"] += 1
        if m & EMOTION:
            t["emotion"] += 1
            emo[p][w] += 1  # type: ignore[operator]
            book.add(
                f"openness.emotion.{p}", f"Messages where {names[p]} names a feeling", "reciprocity", (i,)
            )
    openness = weekly.col("openness", None)
    rate = weekly.col("disclosure_rate", None)
    partner_series: list[float] = []
    for p in range(2):
        for w in range(len(tl.weeks)):
            n = texts[p][w] or 0
            if n:
                openness[p][w] = round((depth_sum[p][w] or 0) / n, 4)
                rate[p][w] = round((sd[p][w] or 0) / n, 4)
            if p == PARTNER and n >= params.min_texts:
                partner_series.append(openness[p][w] or 0.0)
    del weekly.cols["depth_sum"]
    return Openness(tuple(_person(t) for t in totals), _trend(partner_series))


def _person(t: dict[str, int]) -> OpennessPerson:
    n = t["text_messages"]
    return OpennessPerson(
        text_messages=n,
        self_disclosure=t["self_disclosure"],
        i_statement=t["i_statement"],
        emotion=t["emotion"],
        depth_sum=t["depth_sum"],
        openness=round(t["depth_sum"] / n, 4) if n else None,
        disclosure_rate=round(t["self_disclosure"] / n, 4) if n else None,
    )
