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


@dataclass
class Pursuit:
    people: list[dict[str, Any]]
    cycle: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"principle": PRINCIPLE, "people": self.people, "cycle": self.cycle}


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

    # Withdrawal: later and shorter than the person's own usual.
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

    msgs = weekly.col("messages")
    rate = [
        [(pursuit[p][w] or 0) / m if (m := msgs[p][w]) else 0.0 for w in range(len(tl.weeks))]
        for p in range(2)
    ]
    people = []
    for p in range(2):
        total = volume.people[p].messages
        events = sum(float(x or 0) for x in pursuit[p])
        people.append(
            {
                **stats[p],
                "events": int(events),
                "rate_per_100": round(100 * events / total, 2) if total else None,
            }
        )
    cycle = _cycle(tl, rate, [[float(x or 0) for x in pursuit[p]] for p in range(2)], withdrawal, msgs, book)
    return Pursuit(people, cycle)


def _direction(
    tl: Timeline,
    a: int,
    rate: list[list[float]],
    events: list[list[float]],
    withdrawal: list[list[float | None]],
    msgs: list[list[float | None]],
) -> dict[str, Any]:
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
    return {
        "pursuer": tl.names[a],
        "withdrawer": tl.names[b],
        "active_weeks": len(active),
        "cycle_weeks": [tl.weeks[w] for w in weeks],
        "_weeks": weeks,
        "score": round(len(weeks) / len(active), 3) if active else None,
        "correlation": round(r, 3) if r is not None else None,
    }


def _cycle(
    tl: Timeline,
    rate: list[list[float]],
    events: list[list[float]],
    withdrawal: list[list[float | None]],
    msgs: list[list[float | None]],
    book: EvidenceBook,
) -> dict[str, Any]:
    if tl.names[1] is None:
        return {
            "pursuer": None,
            "withdrawer": None,
            "score": None,
            "correlation": None,
            "cycle_weeks": [],
            "active_weeks": 0,
            "note": "Needs two people.",
        }
    options = [_direction(tl, a, rate, events, withdrawal, msgs) for a in (0, 1)]
    chosen = max(options, key=lambda d: (d["score"] or 0, d["correlation"] or 0))
    weeks: list[int] = chosen["_weeks"]
    for d in options:
        d.pop("_weeks", None)
    best = dict(chosen)
    if not best["cycle_weeks"]:
        best = {**best, "pursuer": None, "withdrawer": None}
        best["note"] = "No week shows one of you pursuing while the other pulls back."
    else:
        a = tl.names.index(best["pursuer"])
        title = f"Pursuit by {best['pursuer']} in weeks when {best['withdrawer']} pulled back"
        ev = book.open("pursuit.cycle", title, PRINCIPLE)
        for w in weeks:
            cell = book.get(f"w.pursuit.{a}.{tl.weeks[w]}")
            if cell is not None:
                for ex in cell.examples:
                    ev.add(*ex)
        ev.count = sum(book.count(f"w.pursuit.{a}.{tl.weeks[w]}") for w in weeks)
        best["note"] = ""
    best["directions"] = [dict(d) for d in options]
    return best
