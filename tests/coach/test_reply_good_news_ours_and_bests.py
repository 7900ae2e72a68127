"""Good news of the two of you is celebrated as ours ("we got the house!!! love that for us"), and a personal
best or a first at the gym or in a race is good news, not a setback. Cheer that is wry of a setback ("40 quid
left til the 28th, love that for us") stays wry, and a best missed or only hoped for is not celebrated. The
messages are written for these tests, in several registers.
"""

from __future__ import annotations

import re

import pytest

from openup.coach.listen import reply
from openup.coach.news import good_news_said

_FLAT = re.compile(r"how are you doing with it all|oh no|sorry|that's rough|weighing on you|i'm listening", re.I)


def _got(message: str) -> tuple[str, str]:
    got = reply(message, llm=False)
    return got.situation, " ".join(s.text for s in got.suggestions)


@pytest.mark.parametrize("message", [
    "we got the house!!! love that for us",
    "WE GOT THE HOUSE",
    "we got the mortgage approved!!",
    "our offer on the flat got accepted!!",
    "we're pregnant!!! cant believe it",
    "WE'RE PREGNANT",
    "We only went and won the raffle!",
    "we won the pub quiz lol, love that for us",
])
def test_good_news_of_ours_is_celebrated_as_ours(message: str) -> None:
    situation, said = _got(message)
    assert situation == "good_news", (message, situation, said)
    assert re.search(r"\b(?:us|we|our|ours)\b", said, re.I), said
    assert not _FLAT.search(said), said


@pytest.mark.parametrize("message", [
    "PB on deadlift today",
    "new pb on my 5k this morning!!",
    "Got a new personal best in the pool today, well chuffed",
    "ran my first 10k",
    "finally did a pull up",
    "smashed my PB at parkrun this morning, 24:10",
    "just did my first unassisted pull-up at the gym",
    "Squatted 100kg today for the first time, I'm buzzing",
    "Ran my first half marathon in Lagos this morning o!",
    "hit a new PR on bench, 225 lbs baby",
    "ran a sub 25 5k today whaaat",
])
def test_a_personal_best_or_a_first_is_good_news(message: str) -> None:
    assert good_news_said(message), message
    situation, said = _got(message)
    assert situation == "good_news", (message, situation, said)
    assert not _FLAT.search(said) and "A pull!" not in said, said


@pytest.mark.parametrize("message", [
    "missed my PB by 2 seconds, gutted",
    "going for a PB on sunday, nervous",
    "nowhere near a pb today, legs were dead",
    "couldnt even do one pull up, so embarrassing",
    "the gym was shut so no deadlifts today",
    "didn't get a PB, knee went at 3k",
    "if we won the lottery i'd buy a boat",
])
def test_a_best_missed_hoped_for_or_wished_is_not_good_news(message: str) -> None:
    assert not good_news_said(message), message
    assert reply(message, llm=False).situation != "good_news", message


@pytest.mark.parametrize("message", [
    "40 quid left til the 28th, love that for us",
    "the boiler's broken again and the landlord wont answer, love that for us",
    "got the promotion but its in leeds, love that for me",
    "car failed its MOT, living the dream",
    "locked out again, love that for me",
    "train cancelled AGAIN, living my best life",
])
def test_cheer_said_of_a_setback_stays_wry(message: str) -> None:
    situation, said = _got(message)
    assert situation != "good_news", (message, situation)
    assert not re.search(r"so happy for|huge for us|love this for you|amazing news", said, re.I), said
