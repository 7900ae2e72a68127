"""The validation and the question fit the kind of hard thing told (coach/fitting.py): someone unwell gets care,
something still missing an offer to help look, a problem that is ours is met as ours, a low mood with no reason
is allowed, boredom is met in proportion, a request to stop gets a yes, and a question about a future together
gets an answer. The messages are written for these tests.
"""

from __future__ import annotations

import pytest
from reply_helpers import composed

from openup.coach.fitting import fit_of
from openup.coach.heard import Heard
from openup.coach.listen import reply


def _said(text: str) -> dict[str, str]:
    return composed(text)


def _fit(text: str, valence: str = "negative") -> str:
    return fit_of(Heard(None, (), (), valence=valence, focus=text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("came down with the flu and i feel like death", "unwell"),
        ("my throat is killing me, urgent care says it's a virus", "unwell"),
        ("grandad's been admitted, they're keeping him in overnight", "unwell_other"),
        ("we had a fight about money again", "our_fight"),  # a fight between us, not a bill to sort out together
        ("can't find my passport anywhere and we fly friday", "missing"),
        ("the dog ran off at the park and won't come back", "missing"),
        ("the boiler's packed in and we can't afford a new one", "ours"),
        ("so bored today, there's nothing to do", "bored"),
        ("feeling kind of flat today, no idea why", "low"),
    ],
)
def test_the_kind_of_hard_thing_is_read(text: str, kind: str) -> None:
    assert _fit(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "i'm sick of the commute",  # a grievance, not an illness
        "the scan came back clear, such a relief",  # good health news
        "lost my job today",  # not something to look for
        "my sister lost her phone at the party",  # theirs to look for, not ours
        "the cat didn't come home and then we found her by the road",  # found: no longer missing
        "ive been feeling off for weeks and nobody listens",  # ongoing, not a passing low day
    ],
)
def test_what_is_not_that_kind_is_left_alone(text: str) -> None:
    assert _fit(text) == ""


def test_an_illness_gets_care_not_a_detached_question() -> None:
    said = _said("came down with the flu and i feel like death")
    assert "That makes sense to me" not in said["validate"]
    assert "unwind" not in said["ask"] and "make of it" not in said["ask"]
    # care is said once in the answer: by the reflection ("I'm sorry") or, when it has not, the validation
    assert any(w in " ".join(said.values()) for w in ("sorry", "here"))
    assert any(w in said["ask"] for w in ("get you", "comfortable"))


def test_someone_of_theirs_in_hospital_gets_care_for_them() -> None:
    said = _said("grandad's been admitted, they're keeping him in overnight")
    # asked after by name, with help offered (not "What do you make of it?")
    assert "worrying" in said["validate"] and "your grandad" in said["ask"] and "What can I do" in said["ask"]


def test_something_missing_gets_an_offer_to_help_look() -> None:
    said = _said("can't find my passport anywhere, i've turned the flat upside down")
    assert "help" in said["validate"] or "help" in said["ask"]
    assert "staying with you" not in said["ask"]


def test_a_shared_money_problem_is_ours() -> None:
    said = _said("the boiler's packed in and we can't afford a new one")
    assert "together" in said["validate"] and "weighing on you" not in said["validate"]
    assert "together" in said["ask"] or "us" in said["ask"]


def test_boredom_is_not_met_as_a_hardship() -> None:
    said = _said("so bored today, there's nothing to do")
    assert "really hard" not in said["validate"] and "bored" in said["validate"]


def test_a_low_day_with_no_reason_is_allowed() -> None:
    said = _said("feeling kind of flat today, no idea why, nothing happened")
    assert "makes sense to me" not in said["validate"] and "make of it" not in said["ask"]
    assert "reason" in said["validate"] or "here" in said["validate"]


def test_a_bad_day_is_not_asked_how_it_went_from_there() -> None:
    for text in ("the printer jammed and my train was late, what a day", "everything went wrong at work today"):
        assert "How did it go from there" not in _said(text).get("ask", "")


def test_news_that_has_not_sunk_in_is_not_told_back_as_excitement() -> None:
    said = _said("they picked my design for the poster!! still in shock honestly")
    assert not any("excited" in t for t in said.values())
    assert "shock" in said["celebrate"] or "sink in" in said["celebrate"]


def test_a_request_to_stop_gets_a_yes() -> None:
    c = reply("i know you're trying to help but please stop forwarding me diet articles", llm=False)
    assert c.situation == "stop"
    assert "stop" in c.suggestions[0].text.lower() and "I'll stop" in c.suggestions[0].text


def test_a_question_about_a_future_together_is_answered() -> None:
    c = reply("do you ever think about getting a place together or is it just me", llm=False)
    assert c.situation == "future"
    first = c.suggestions[0].text
    assert "not sure" not in first and ("not just you" in first or "yes" in first.lower())


def test_saying_they_saw_your_messages_is_faced_not_dodged() -> None:
    c = reply("hey. i saw the messages on your laptop", llm=False)
    assert c.situation == "saw"
    said = " ".join(s.text for s in c.suggestions)
    assert "go from there" not in said and "on your mind" not in said
    assert "answer" in said or "talk about it" in said
    assert reply("i saw the photos you posted from the beach, so jealous", llm=False).situation != "saw"
