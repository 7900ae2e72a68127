"""Appreciation against criticism, contempt and dismissal (principles `appreciate`, `no-criticism`).

Counted per message: a message with any appreciation counts once as appreciative; a message with any
criticism, contempt or dismissal counts once as critical. The ratio sits beside research on stable
couples, who keep roughly five positive moments for each negative one, even in conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from openup.analysis.evidence import EvidenceBook
from openup.analysis.features import APPRECIATION, BIT, HURT
from openup.analysis.params import Params
from openup.analysis.stats import ratio
from openup.analysis.timeline import Timeline
from openup.analysis.weekly import Weekly
from openup.method import group, references

PRINCIPLES = ("appreciate", "no-criticism")
REFERENCE: Final = references().appreciation_to_criticism
HURT_KINDS: Final = group("harsh")


@dataclass(frozen=True, slots=True)
class RatioPerson:
    """One person's messages: appreciative, with each harsh kind (`HURT_KINDS`), critical in all, and the
    ratio of appreciative to critical (None when nothing was critical)."""

    appreciation: int
    harsh: dict[str, int]  # kind -> messages with it, in the order of HURT_KINDS
    critical_messages: int
    ratio: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "appreciation": self.appreciation,
            **self.harsh,
            "critical_messages": self.critical_messages,
            "ratio": self.ratio,
        }


@dataclass(frozen=True, slots=True)
class Ratio:
    people: tuple[RatioPerson, ...]  # you, then your partner

    def to_dict(self) -> dict[str, Any]:
        return {"principles": list(PRINCIPLES), "reference": REFERENCE, "people": [p.to_dict() for p in self.people]}


def measure_ratio(tl: Timeline, params: Params, weekly: Weekly, book: EvidenceBook) -> Ratio:
    """Appreciative and critical messages per person and week, and their ratio."""
    app = weekly.col("appreciation")
    crit = weekly.col("criticism")
    appreciative = [0, 0]
    critical = [0, 0]
    harsh = [dict.fromkeys(HURT_KINDS, 0) for _ in range(2)]
    names = tl.names
    for i in range(len(tl)):
        m = tl.mask[i]
        if not m & (APPRECIATION | HURT):
            continue
        p, w = tl.who[i], tl.week[i]
        wk = tl.weeks[w]
        if m & APPRECIATION:
            appreciative[p] += 1
            app[p][w] += 1  # type: ignore[operator]
            book.add(f"ratio.appreciation.{p}", f"Appreciative messages from {names[p]}", "appreciate", (i,))
            book.add(
                f"w.appreciation.{p}.{wk}",
                f"Appreciation from {names[p]} in {wk}",
                "appreciate",
                (i,),
                weekly=True,
            )
        if m & HURT:
            critical[p] += 1
            crit[p][w] += 1  # type: ignore[operator]
            book.add(
                f"ratio.critical.{p}",
                f"Critical, contemptuous or dismissive messages from {names[p]}",
                "no-criticism",
                (i,),
            )
            book.add(
                f"w.criticism.{p}.{wk}",
                f"Criticism from {names[p]} in {wk}",
                "no-criticism",
                (i,),
                weekly=True,
            )
            for k in HURT_KINDS:
                if m & BIT[k]:
                    harsh[p][k] += 1
                    book.add(f"ratio.{k}.{p}", f"Messages from {names[p]} with {k}", "no-criticism", (i,))
    people = (
        RatioPerson(appreciative[p], harsh[p], critical[p], ratio(appreciative[p], critical[p])) for p in range(2)
    )
    return Ratio(tuple(people))
