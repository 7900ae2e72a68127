"""The two-week practice (`program`) and its private journal (`journal`)."""

from openup.practice.journal import Entry, Journal, JournalError
from openup.practice.program import Day, day_number, ics, ordered, program, today

__all__ = ["Day", "Entry", "Journal", "JournalError", "day_number", "ics", "ordered", "program", "today"]
