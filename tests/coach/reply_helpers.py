"""Helpers the reply tests share: the texts of a reply's suggestions, and one move's text."""

from __future__ import annotations

from openup.coach.listen import reply


def texts(message: str) -> list[str]:
    """The suggestions' texts for `message` (template path)."""
    return [s.text for s in reply(message, llm=False).suggestions]


def move(message: str, name: str) -> str:
    """The text of the suggestion for move `name`; the test fails when there is none."""
    s = reply(message, llm=False).suggestion(name)
    assert s is not None, (message, name)
    return s.text
