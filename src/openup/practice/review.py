"""The day 7 and day 14 reviews: what was done, how it felt, and, when a newer chat export was analysed,
the weeks since the practice began beside the weeks before it.

>>> before_after([{"week": "2026-W01", "person": "A", "appreciation": 1},
...               {"week": "2026-W03", "person": "A", "appreciation": 4}], "A", date(2026, 1, 12))["appreciation"]
{'before': 1.0, 'since': 4.0, 'weeks_before': 1, 'weeks_since': 1}
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

#: The weekly measures a review compares (per person and week, from `Analysis.weekly`), with their words.
MEASURES: dict[str, str] = {
    "appreciation": "appreciative messages",
    "criticism": "critical, contemptuous or dismissive messages",
    "self_disclosure": "messages sharing about oneself",
    "turned_toward": "bids turned toward",
    "pursuit": "follow-ups, barrages and demands",
}


def _monday(iso_week: str) -> date | None:
    try:
        year, week = iso_week.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    except (ValueError, AttributeError):
        return None


def before_after(weekly: Sequence[dict[str, Any]], person: str, start: date) -> dict[str, dict[str, Any]]:
    """Per measure, `person`'s weekly average in the weeks before `start` and in the weeks since (a week
    counts as "since" when it begins on or after the start's own week)."""
    start_monday = date.fromisocalendar(*start.isocalendar()[:2], 1)
    out: dict[str, dict[str, Any]] = {}
    rows = [r for r in weekly if r.get("person") == person and _monday(str(r.get("week"))) is not None]
    for key in MEASURES:
        before = [float(r.get(key) or 0) for r in rows if _monday(str(r["week"])) < start_monday]  # type: ignore[operator]
        since = [float(r.get(key) or 0) for r in rows if _monday(str(r["week"])) >= start_monday]  # type: ignore[operator]
        out[key] = {"before": round(sum(before) / len(before), 2) if before else None,
                    "since": round(sum(since) / len(since), 2) if since else None,
                    "weeks_before": len(before), "weeks_since": len(since)}
    return out


def review(entries: Sequence[Any], start: date, weekly: Sequence[dict[str, Any]] = (), me: str | None = None,
           on: date | None = None) -> dict[str, Any]:
    """What the practice looks like so far: days with a journal entry, the mood line, the entries that
    mention a small step, and (with a newer analysis) the weeks since the start beside the weeks before."""
    days = sorted({e.day for e in entries if e.day >= start.isoformat()})
    moods = sorted((e.day, e.mood) for e in entries if e.mood is not None and e.day >= start.isoformat())
    out: dict[str, Any] = {
        "start": start.isoformat(),
        "days_written": len(days),
        "entries": len([e for e in entries if e.day >= start.isoformat()]),
        "moods": [{"date": d, "mood": m} for d, m in moods],
        "mood_first": moods[0][1] if moods else None,
        "mood_last": moods[-1][1] if moods else None,
        "paused_for_safety": any(e.safety != "none" for e in entries),
    }
    if weekly and me:
        out["weeks"] = before_after(weekly, me, start)
    return out
