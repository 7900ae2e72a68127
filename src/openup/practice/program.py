"""The program: fourteen days, one small exercise each, read from `method/practice.toml`.

>>> program()[0].principle
'appreciate'
>>> day_number(date(2026, 3, 1), date(2026, 3, 3))
3
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING

from openup.method import MethodError, principles, read_data

if TYPE_CHECKING:
    from openup.practice.journal import Journal

LENGTH = 14


@dataclass(frozen=True, slots=True)
class Day:
    day: int
    principle: str
    title: str
    exercise: str
    example: str
    vulnerable: bool = False  # paused when a screen shows signs of abuse or crisis

    def to_dict(self) -> dict[str, object]:
        return {"day": self.day, "principle": self.principle, "title": self.title, "exercise": self.exercise,
                "example": self.example}


@cache
def program() -> tuple[Day, ...]:
    """The fourteen days, checked: numbered 1-14 in order, each naming a known principle."""
    rows = read_data("practice.toml").get("day", [])
    known = principles()
    days = []
    for i, row in enumerate(rows, 1):
        extra = set(row) - {"day", "principle", "title", "exercise", "example", "vulnerable"}
        if extra or row.get("day") != i or row.get("principle") not in known:
            raise MethodError(f"practice.toml: day {i} is malformed (day number, principle or keys {sorted(extra)})")
        days.append(Day(i, row["principle"], row["title"], row["exercise"], row["example"],
                        bool(row.get("vulnerable", False))))
    if len(days) != LENGTH:
        raise MethodError(f"practice.toml: the program has {len(days)} days, not {LENGTH}")
    return tuple(days)


def day_number(start: date, on: date) -> int:
    """Which day of the program `on` is (1 on the start date), clamped to 1..14."""
    return min(LENGTH, max(1, (on - start).days + 1))


def ordered(personal: tuple[str, ...] = ()) -> list[Day]:
    """The days in the order they are done. `personal`: the principles a chat analysis ranked first; their
    exercises come first (the two reviews stay on days 7 and 14, the rest keep the method's order)."""
    days = program()
    plain = [d for d in days if d.day not in (7, 14)]
    if personal:
        plain = [d for d in plain if d.principle in personal] + [d for d in plain if d.principle not in personal]
    return [*plain[:6], days[6], *plain[6:], days[13]]


def today(start: date, on: date | None = None, personal: tuple[str, ...] = ()) -> tuple[int, Day]:
    """(which day of the program it is, that day's exercise)."""
    n = day_number(start, on or date.today())
    return n, ordered(personal)[n - 1]


@dataclass(frozen=True, slots=True)
class Today:
    """Where a person is in the program: the day number, its exercise, and whether the exercise is paused
    (it asks for vulnerability, and a recent journal entry showed signs of abuse or crisis)."""

    number: int
    day: Day
    paused: bool


def current(journal: Journal, on: date | None = None) -> Today:
    """Today for this journal: its start date, the priorities a chat analysis left in it, its recent entries."""
    personal = tuple(p for p in (journal.setting("priorities") or "").split(",") if p)
    n, day = today(journal.started(), on, personal)
    paused = day.vulnerable and any(e.safety != "none" for e in journal.entries()[:5])
    return Today(n, day, paused)


def ics(start: date, at: time, name: str = "openup practice") -> bytes:
    """An iCalendar file with one event a day for the program, at `at` local time (floating time, so it
    follows the calendar's own zone); any calendar app reminds with no server involved."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//openup//practice//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for d in program():
        when = datetime.combine(start + timedelta(days=d.day - 1), at)
        event = icalendar.Event()
        event.add("uid", f"openup-practice-{start.isoformat()}-day{d.day}@localhost")
        event.add("dtstamp", datetime(2026, 1, 1, 0, 0, 0))
        event.add("dtstart", when)
        event.add("duration", timedelta(minutes=10))
        event.add("summary", f"openup day {d.day}: {d.title}")
        event.add("description", f"{d.exercise}\n\nFor example: {d.example}")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"openup day {d.day}")
        alarm.add("trigger", timedelta(minutes=0))
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
