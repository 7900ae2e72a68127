"""Pursuit and withdrawal (principle `give-room`).

Pursuit, per person and week: follow-ups (another message at least `followup_gap_s` after your own
still-unanswered one), question barrages (`barrage` questions in a row with no answer in between) and
pressure (demands, ultimatums). Withdrawal, per person and week: replies later and shorter than that
person's own usual, as log2 ratios averaged (0 = usual, +1 = twice as late/short).

The pursue-withdraw cycle shows in a week when one person pursues more than their usual and the other
withdraws in the same week. The score is the share of weeks in which both talked where it shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Final

from openup.analysis.evidence import Evidence, EvidenceBook
from openup.analysis.features import ANY_QUESTION, PRESSURE
from openup.analysis.params import Params
from openup.analysis.stats import median, pearson
from openup.analysis.timeline import Timeline
from openup.analysis.volume import Volume
from openup.analysis.weekly import Weekly

PRINCIPLE = "give-room"
WITHDRAW_MIN: Final = 0.3  # about 23% later and shorter than usual
MIN_EVENTS: Final = 2


@dataclass(frozen=True, slots=True)
class PursuitPerson:
    """One person's pursuit: follow-ups (and how many still went unanswered), question barrages, pressure;
    `events` all of them, `rate_per_100` per 100 of their messages (None when they wrote none)."""

    follow_ups: int
    unanswered_follow_ups: int
    barrages: int
    pressure: int
    events: int
    rate_per_100: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "follow_ups": self.follow_ups,
            "unanswered_follow_ups": self.unanswered_follow_ups,
            "barrages": self.barrages,
            "pressure": self.pressure,
            "events": self.events,
            "rate_per_100": self.rate_per_100,
        }


@dataclass(frozen=True, slots=True)
class Direction:
    """The cycle read one way: weeks where `pursuer` pursued more than usual while `withdrawer` pulled back."""

    pursuer: str | None
    withdrawer: str | None
    active_weeks: int  # weeks in which both wrote
    cycle_weeks: tuple[str, ...]
    score: float | None  # share of the active weeks that show the cycle
    correlation: float | None  # pursuit rate against the other's withdrawal, week by week

    def to_dict(self) -> dict[str, Any]:
        return {
            "pursuer": self.pursuer,
            "withdrawer": self.withdrawer,
            "active_weeks": self.active_weeks,
            "cycle_weeks": list(self.cycle_weeks),
            "score": self.score,
            "correlation": self.correlation,
        }


@dataclass(frozen=True, slots=True)
class Cycle:
    """The pursue-withdraw cycle: the direction that shows it more (pursuer and withdrawer None when no week
    does), a note, and both `directions` (none when only one person wrote)."""

    pursuer: str | None
    withdrawer: str | None
    active_weeks: int
    cycle_weeks: tuple[str, ...]
    score: float | None
    correlation: float | None
    note: str
    directions: tuple[Direction, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        if not self.directions:  # one person wrote: the keys in the order metrics.json has always had for it
            return {
                "pursuer": self.pursuer,
                "withdrawer": self.withdrawer,
                "score": self.score,
                "correlation": self.correlation,
                "cycle_weeks": list(self.cycle_weeks),
                "active_weeks": self.active_weeks,
                "note": self.note,
            }
        return {
            "pursuer": self.pursuer,
            "withdrawer": self.withdrawer,
            "active_weeks": self.active_weeks,
            "cycle_weeks": list(self.cycle_weeks),
            "score": self.score,
            "correlation": self.correlation,
            "note": self.note,
            "directions": [d.to_dict() for d in self.directions],
        }


@dataclass(frozen=True, slots=True)
class Pursuit:
    people: tuple[PursuitPerson, ...]  # you, then your partner
    cycle: Cycle

    def to_dict(self) -> dict[str, Any]:
        return {"principle": PRINCIPLE, "people": [p.to_dict() for p in self.people], "cycle": self.cycle.to_dict()}


def _log2_ratio(a: float, b: float) -> float:
    return math.log2(max(a, 1e-9) / max(b, 1e-9))


def measure_pursuit(
    tl: Timeline, params: Params, weekly: Weekly, book: EvidenceBook, volume: Volume
) -> Pursuit:
    """Follow-ups, barrages and pressure per person and week; withdrawal; the pursue-withdraw cycle."""
    pursuit = weekly.col("pursuit")
    names = tl.names
    stats = [{"follow_ups": 0, "unanswered_follow_ups": 0, "barrages": 0, "pressure": 0} for _ in range(2)]
    cells: dict[tuple[int, int], Evidence] = {}

    def event(p: int, w: int, rows: tuple[int, ...], kind: str, title: str) -> None:
        pursuit[p][w] += 1  # type: ignore[operator]
        book.add(f"pursuit.{kind}.{p}", title, PRINCIPLE, rows)
        cell = cells.get((p, w))
        if cell is None:
            wk = tl.weeks[w]
            cell = cells[(p, w)] = book.open(
                f"w.pursuit.{p}.{wk}", f"Pursuit by {names[p]} in {wk}", PRINCIPLE, weekly=True
            )
        cell.add(*rows)

    n = len(tl)
    who, ts, mask = tl.who, tl.ts, tl.mask
    run_start = 0
    while run_start < n:
        p = who[run_start]
        end = run_start
        while end + 1 < n and who[end + 1] == p:
            end += 1
        # rows run_start..end are one person's turns with no answer in between
        answered = end + 1 < n and ts[end + 1] - ts[end] <= params.reply_window_s
        questions: list[int] = []
        follow_rows: list[int] = []
        for i in range(run_start, end + 1):
            if i > run_start and ts[i] - ts[i - 1] >= params.followup_gap_s:
                stats[p]["follow_ups"] += 1
                follow_rows.append(i)
                event(
                    p, tl.week[i], (i - 1, i), "follow_ups", f"Follow-ups {names[p]} sent before any answer"
                )
            if tl.is_text[i] and mask[i] & ANY_QUESTION:
                questions.append(i)
                if len(questions) == params.barrage:
                    stats[p]["barrages"] += 1
                    event(
                        p,
                        tl.week[i],
                        tuple(questions),
                        "barrages",
                        f"Questions {names[p]} asked in a row without an answer",
                    )
            if mask[i] & PRESSURE:
                stats[p]["pressure"] += 1
                event(p, tl.week[i], (i,), "pressure", f"Demands and pressure from {names[p]}")
        if follow_rows and not answered:
            stats[p]["unanswered_follow_ups"] += len(follow_rows)
            book.add(
                f"pursuit.unanswered.{p}",
                f"Follow-ups from {names[p]} that still got no answer",
                PRINCIPLE,
                tuple(range(run_start, end + 1))[-4:],
            )
        run_start = end + 1

    withdrawal = _withdrawal(tl, weekly, volume)
    msgs = weekly.col("messages")
    rate = [
        [(pursuit[p][w] or 0) / m if (m := msgs[p][w]) else 0.0 for w in range(len(tl.weeks))]
        for p in range(2)
    ]
    people = tuple(_person(stats[p], pursuit[p], volume.people[p].messages) for p in range(2))
    cycle = _cycle(tl, rate, [[float(x or 0) for x in pursuit[p]] for p in range(2)], withdrawal, msgs, book)
    return Pursuit(people, cycle)


def _withdrawal(tl: Timeline, weekly: Weekly, volume: Volume) -> list[list[float | None]]:
    """The weekly column "withdrawal": replies later and shorter than the person's own usual."""
    withdrawal = weekly.col("withdrawal", None)
    lat = weekly.col("median_latency_s", None)
    words = weekly.col("median_words", None)
    res = max(1, tl.resolution_s)
    for p in range(2):
        usual_lat = volume.people[p].median_latency_s
        usual_words = volume.people[p].median_words
        for w in range(len(tl.weeks)):
            parts = []
            lw = lat[p][w]
            if lw is not None and usual_lat is not None:
                parts.append(_log2_ratio(max(lw, res), max(usual_lat, res)))
            ww = words[p][w]
            if ww is not None and usual_words:
                parts.append(_log2_ratio(usual_words, max(ww, 1)))
            if parts:
                withdrawal[p][w] = round(sum(parts) / len(parts), 4)
    return withdrawal


def _person(stats: dict[str, int], pursuit: list[float | None], messages: int) -> PursuitPerson:
    """One person's record from their counts, their weekly pursuit column and their number of messages."""
    events = sum(float(x or 0) for x in pursuit)
    return PursuitPerson(
        follow_ups=stats["follow_ups"],
        unanswered_follow_ups=stats["unanswered_follow_ups"],
        barrages=stats["barrages"],
        pressure=stats["pressure"],
        events=int(events),
        rate_per_100=round(100 * events / messages, 2) if messages else None,
    )


def _direction(
    tl: Timeline,
    a: int,
    rate: list[list[float]],
    events: list[list[float]],
    withdrawal: list[list[float | None]],
    msgs: list[list[float | None]],
) -> tuple[Direction, list[int]]:
    """The cycle with `a` pursuing, and the indices of the weeks that show it."""
    b = 1 - a
    active = [w for w in range(len(tl.weeks)) if msgs[a][w] and msgs[b][w]]
    usual = median([rate[a][w] for w in active if rate[a][w] > 0]) or 0.0
    weeks = [
        w
        for w in active
        if events[a][w] >= MIN_EVENTS and rate[a][w] >= usual and (withdrawal[b][w] or 0) >= WITHDRAW_MIN
    ]
    paired = [w for w in active if withdrawal[b][w] is not None]
    r = (
        pearson([rate[a][w] for w in paired], [float(withdrawal[b][w] or 0) for w in paired])
        if len(paired) >= 6
        else None
    )
    direction = Direction(
        pursuer=tl.names[a],
        withdrawer=tl.names[b],
        active_weeks=len(active),
        cycle_weeks=tuple(tl.weeks[w] for w in weeks),
        score=round(len(weeks) / len(active), 3) if active else None,
        correlation=round(r, 3) if r is not None else None,
    )
    return direction, weeks


def _cycle(
    tl: Timeline,
    rate: list[list[float]],
    events: list[list[float]],
    withdrawal: list[list[float | None]],
    msgs: list[list[float | None]],
    book: EvidenceBook,
) -> Cycle:
    if tl.names[1] is None:
        return Cycle(None, None, 0, (), None, None, "Needs two people.")
    options = [_direction(tl, a, rate, events, withdrawal, msgs) for a in (0, 1)]
    chosen, weeks = max(options, key=lambda o: (o[0].score or 0, o[0].correlation or 0))
    directions = tuple(d for d, _ in options)
    if not chosen.cycle_weeks:
        note = "No week shows one of you pursuing while the other pulls back."
        return Cycle(None, None, chosen.active_weeks, chosen.cycle_weeks, chosen.score, chosen.correlation, note,
                     directions)
    a = tl.names.index(chosen.pursuer)
    title = f"Pursuit by {chosen.pursuer} in weeks when {chosen.withdrawer} pulled back"
    ev = book.open("pursuit.cycle", title, PRINCIPLE)
    for w in weeks:
        cell = book.get(f"w.pursuit.{a}.{tl.weeks[w]}")
        if cell is not None:
            for ex in cell.examples:
                ev.add(*ex)
    ev.count = sum(book.count(f"w.pursuit.{a}.{tl.weeks[w]}") for w in weeks)
    return Cycle(chosen.pursuer, chosen.withdrawer, chosen.active_weeks, chosen.cycle_weeks, chosen.score,
                 chosen.correlation, "", directions)
