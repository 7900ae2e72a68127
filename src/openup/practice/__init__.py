"""The two-week practice (`program`) and its private journal (`journal`)."""

from openup.practice.journal import Entry, Journal, JournalError, default_folder
from openup.practice.program import Day, Today, current, day_number, ics, ordered, program, today

__all__ = ["Day", "Entry", "Journal", "JournalError", "Today", "current", "day_number", "default_folder", "ics",
           "ordered", "program", "today"]
