"""Hard news is said back short, the way a person would, not parroted: the core of its first clause, or a
reaction alone when nothing short reads cleanly (coach/refer.py `core`, `[move.reflect]` in replies.toml)."""

from __future__ import annotations

import pytest
from reply_helpers import said_back

from openup.coach.listen import reply
from openup.coach.refer import core, rough


def _reflection(message: str) -> str:
    return said_back(message)


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # the second clause and the when are left off
        ("you emptied your dad's shed and his old jacket still smelled of his pipe", "you emptied your dad's shed"),
        # a trailing phrase is left off a long clause
        (
            "your manager shouted at you in front of the whole office over a report that wasn't even yours",
            "your manager shouted at you in front of the whole office",
        ),
        # a lower-case name is capitalised; a thing of theirs gets "your"
        ("marco cancelled on you for the fifth time this month", "Marco cancelled on you for the fifth time"),
        ("phone screen cracked on the bus", "your phone screen cracked on the bus"),
    ],
)
def test_core_is_the_first_clause_short(said: str, expected: str) -> None:
    assert core(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "your cousin said 'why r u always so",  # a quote left open
        "the bus never came lol",  # slang
        "thesis draft back from the examiner",  # no verb
    ],
)
def test_core_refuses_what_does_not_read_alone(said: str) -> None:
    assert core(said) is None


def test_rough_marks_broken_quotes_and_slang() -> None:
    assert rough("your uncle called your cake 'interesting")
    assert rough("the gen don spoil")
    assert not rough("your uncle called your cake 'interesting' at lunch")


def test_long_bad_news_is_not_parroted() -> None:
    text = _reflection("emptied my dad's shed today and his old jacket still smells of his pipe")
    assert "jacket" not in text and "pipe" not in text
    assert "dad's shed" in text


def test_a_trailing_phrase_is_left_off() -> None:
    text = _reflection(
        "My manager shouted at me in front of the whole office over a report that wasn't even mine."
    )
    assert "manager shouted at you" in text
    assert "report" not in text and "wasn't" not in text


def test_a_dropped_time_word_keeps_the_clause_break() -> None:
    """Leaving out "today" or "again" must not run two clauses together ("you lost the match played awful")."""
    from openup.coach.refer import trimmed

    assert trimmed("you lost the match today, played awful") == "you lost the match, played awful"
    said = " ".join(s.text for s in reply("i lost the match today, played awful", llm=False).suggestions)
    assert "match played" not in said
