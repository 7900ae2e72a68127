"""The tone of a reply fits the news: a result that fell short is never cheered, a worry lifted is never met with
"oh no", and a tired joke is not pitied as pain. The messages are written for these tests.
"""

from __future__ import annotations

import re

import pytest
from reply_helpers import texts

from openup.coach.news import fell_short

GLAD = re.compile(
    r"\b(?:so lovely|love (?:this|that)|amazing|huge|wonderful|brilliant|so glad|good news|treat yourself)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "message",
    [
        "got a 41 on the chem test. i actually studied",
        "scored 44 in the maths mock, revised all weekend for it",
        "got 9/25 on the coding assignment 🙃",
        "my little sister didn't pass her theory test",
        "lent my flatmate 300 in june and she just booked a trip to ibiza",
    ],
)
def test_a_result_that_fell_short_is_not_cheered(message: str) -> None:
    said = texts(message)
    assert not GLAD.search(" ".join(said[:2])), said


@pytest.mark.parametrize(
    "message",
    [
        "got 88 on the chem test!!",
        "failed it twice but i passed my driving test today!",
        "got 19/20 on the quiz",
    ],
)
def test_a_good_mark_or_a_pass_is_not_a_setback(message: str) -> None:
    assert not fell_short(message), message


def test_a_pass_in_another_sense_is_no_failed_test() -> None:
    assert not fell_short("we didn't pass the turning so had to go round again")
    assert not fell_short("i nearly didnt pass out at the gym lol")


@pytest.mark.parametrize(
    "message",
    [
        "the vet rang and the dog doesn't need an operation after all!!",
        "the doctor said it's just a cyst, nothing to worry about",
        "the nurse says grandad might be able to come home on friday!",
    ],
)
def test_a_worry_lifted_is_met_with_relief(message: str) -> None:
    said = texts(message)
    text = " ".join(said[:2])
    assert "Oh no" not in text and "sorry" not in text, said
    assert re.search(r"relie(?:ved|f)|thank (?:God|goodness)|best news", text), said


def test_playing_it_down_is_no_relief() -> None:
    said = texts("just a bit off today. nothing to worry about")
    assert not re.search(r"relieved|thank (?:God|goodness)|best news", " ".join(said)), said


def test_someone_coming_home_in_the_evening_is_no_news() -> None:
    said = texts("my stomach knots up every evening because he will come home soon")
    assert not re.search(r"relieved|thank (?:God|goodness)|best news|love that", " ".join(said)), said


@pytest.mark.parametrize(
    "message",
    [
        "10 hour shift on the till and my feet r actually crying",
        "the dishwasher is flooding the kitchen again. i'm going to live in a cave",
    ],
)
def test_a_tired_joke_is_not_pitied_as_pain(message: str) -> None:
    said = texts(message)
    text = " ".join(said)
    assert "That sounds really tough" not in text and "Come here" not in text and "must have hurt" not in text, said


def test_a_flat_day_told_as_mild_is_kept_company_not_mourned() -> None:
    said = texts("Today was one of those grey days where nothing really got going. I wasn't upset, just slow and a bit "
                 "foggy all afternoon. I kept meaning to tidy and never did. Hopefully tomorrow is better.")
    assert "Come here" not in " ".join(said) and not said[0].startswith("Oh no"), said


def test_a_point_buried_in_a_draft_is_no_death() -> None:
    from openup.coach.situations import whose_loss

    assert whose_loss("my tutor said the main idea is in there but buried under too much detail") == "none"
    assert whose_loss("im buried in marking this week") == "none"
    assert whose_loss("we buried my aunt on friday") == "own"


def test_an_insight_from_therapy_is_not_met_as_bad_news() -> None:
    said = texts("my counsellor said i always put everyone else first. never even noticed i did that")
    text = " ".join(said)
    assert "Oh no" not in text and "Come here" not in text and "must have hurt" not in text, said


def test_a_glad_idiom_is_not_met_as_a_grievance() -> None:
    said = texts("the plumber came same day and sorted the shower, i feel like a new man")
    text = " ".join(said[:2])
    assert "Ugh" not in text and "frustrating" not in text and "shouldn't have to" not in text, said
