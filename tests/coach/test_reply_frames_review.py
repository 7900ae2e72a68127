"""The reaction frames and middle lines of a reply, as a review found them (items 11-15): "Oh no" needs real bad
news, a struggle is about their own wellbeing, the middle line fits the tone, self-criticism is never said back
as fact, and good news is met gladly."""

from __future__ import annotations

import pytest

from openup.coach.heard import Heard
from openup.coach.listen import at_you, disclosed, light, reply


def _lines(message: str) -> list[str]:
    return [s.text for s in reply(message, llm=False).suggestions]


# 11. a swear word is not bad news; a complaint about the listener is owned


@pytest.mark.parametrize("message", ["i fucking love that man", "i'm so fucking proud of myself"])
def test_swearing_in_love_or_pride_is_not_met_as_bad_news(message: str) -> None:
    text = " / ".join(_lines(message))
    assert "Oh no" not in text and "shouldn't have to deal" not in text, text


def test_a_complaint_about_the_listener_is_owned() -> None:
    first, middle, *_ = _lines("i'm not angry, just disappointed in you")
    assert not first.startswith("Oh no") and "disappointed in me" not in first, first
    assert "sorry" in first.lower() or "right to tell me" in middle or "rather hear it" in middle, (first, middle)
    assert at_you("i'm not angry, just disappointed in you") and not at_you("i'm disappointed in the film")


# 12. a struggle is about the person's own wellbeing, not a chore, a laugh or a name


@pytest.mark.parametrize(
    "message",
    [
        "had a rough time finding parking lol",
        "i had a hard time at the shops, they'd run out of oat milk",
        "i cried laughing at that video",
        "i'm lonely planet obsessed",
        "my sister's starting therapy school",
        "i've been struggling to choose a paint colour",
    ],
)
def test_a_chore_a_laugh_or_a_name_is_no_struggle(message: str) -> None:
    assert not disclosed(Heard(None, (), (), focus=message))
    text = " / ".join(_lines(message))
    assert "Thank you for telling me" not in text and "glad you told me" not in text, text


@pytest.mark.parametrize(
    "message",
    ["i've been having a hard time lately", "i've been really depressed", "i keep crying at night", "i'm so lonely"],
)
def test_a_struggle_of_their_own_is_still_one(message: str) -> None:
    assert disclosed(Heard(None, (), (), focus=message))


# 13. the middle line fits the tone: no agreement with self-criticism, no flat line for big news, light news lightly

_FLAT = ("I get that, love.", "I hear you, love.")


@pytest.mark.parametrize("message", ["i'm so ugly", "i'm so fat"])
def test_self_criticism_gets_no_agreement_like_line(message: str) -> None:
    lines = _lines(message)
    assert not any(line in _FLAT for line in lines), lines


def test_big_news_gets_no_flat_neutral_line() -> None:
    lines = _lines("i'm pregnant")
    assert not any(line in _FLAT for line in lines), lines
    assert not lines[0].startswith("Ah,"), lines


@pytest.mark.parametrize(
    "message",
    ["sunday was lovely", "just had a cheeky nando's", "that film made me cry lol", "i cried laughing at that video"],
)
def test_light_or_happy_news_is_met_lightly(message: str) -> None:
    lines = _lines(message)
    assert "I'm right here with you, love." not in lines, lines


def test_a_laugh_is_read_as_light() -> None:
    assert light("that film made me cry lol") and light("i cried laughing") and not light("i cried all night")


# 14. self-criticism is never said back as fact


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("i hate my body", "you hate your body"),
        ("i hate myself", "you hate yourself"),
        ("i hate my face", "you hate your face"),
        ("i'm so ugly", "you're so ugly"),
        ("i'm so fat", "you're so fat"),
        ("i'm so stupid", "you're so stupid"),
        ("i'm a terrible mum", "terrible"),
    ],
)
def test_self_criticism_is_not_said_back_as_fact(message: str, fact: str) -> None:
    text = " / ".join(_lines(message))
    assert fact not in text.lower() and "No wonder you're worn out" not in text, text


# 15. good news with "!" or pride or love is met gladly, not with a flat "Ah, ..."


@pytest.mark.parametrize(
    "message",
    [
        "we're having a baby!",
        "we're going to be grandparents!!",
        "i'm so fucking proud of myself",
        "i love him so much",
    ],
)
def test_good_news_is_met_gladly(message: str) -> None:
    first = _lines(message)[0]
    assert not first.startswith("Ah,") and not first.startswith("Oh no"), first
    assert "!" in first or "lovely" in first or "love" in first, first
