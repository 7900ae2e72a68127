"""How what was heard is said back, and what is asked after it: no "sounds like" before a clause that is only
their message copied, no clause glued or cut the way no one would text it, names kept as names, and a
question that fits relief after a scare or fear of a result still to come. The messages are written for
these tests.
"""

from __future__ import annotations

import pytest
from reply_helpers import texts as _texts

from openup.coach.listen import reply
from openup.coach.wellformed import copied, repaired, well_formed


@pytest.mark.parametrize(
    "said",
    [
        "you can't sleep and 2am and your head won't stop",  # a verbless piece glued between two clauses
        "for posting the photo of you in the group chat",  # a fragment opening on a preposition
        "the wifi down since lunch and router not working",  # "not ...ing" with nothing to hang on
        "you dropped ketchup on your new jeans 10 minutes",  # a time cut off from "before the date"
        "you're not sure what you're after saying to him",  # Hiberno-English "after doing" in our mouth
    ],
)
def test_glued_or_cut_clauses_are_not_said_back(said: str) -> None:
    assert not well_formed(repaired(said))


@pytest.mark.parametrize(
    "said",
    ["your boss kept you back for 40 minutes", "the meeting went 2 hours", "the boiler's not working again",
     "you bought bread and milk", "your sister didn't call and your mum didn't either"],
)
def test_whole_clauses_still_pass(said: str) -> None:
    assert well_formed(repaired(said))


def test_asides_names_and_stiff_you_are_are_mended() -> None:
    assert repaired("going to be honest the new flat is kind of small") == "the new flat is kind of small"
    assert repaired("you don't laugh but you won the raffle") == "you won the raffle"
    assert repaired("your cousin is moving to galway in may") == "your cousin is moving to Galway in may"
    assert repaired("you and priyanka finally made up") == "you and Priyanka finally made up"
    assert repaired("the dogs were feral and you are exhausted") == "the dogs were feral and you're exhausted"
    assert repaired("he's taller than you are") == "he's taller than you are"  # stressed "are" stays whole


def test_a_copied_message_is_told_apart_from_a_short_reflection() -> None:
    assert copied("you've had a sore throat every morning this week", "I've had a sore throat every morning this week")
    assert not copied("you think the merger is happening", "think the merger is happening. hr keeps closing doors and "
                      "my manager cancelled our 1:1")


def test_a_copied_tired_message_is_met_in_tone_not_parroted() -> None:
    first = _texts("I've been getting headaches every evening this week.")[0]
    assert "sounds like you've been getting headaches" not in first.lower()


def test_relief_after_a_health_scare_is_not_asked_how_it_all_happened() -> None:
    texts = _texts("consultant rang, the mole is benign")
    assert not any("How did it all happen" in t for t in texts)
    assert any("relieved" in t.lower() for t in texts)
    assert texts[-1].endswith("?")


def test_a_frightening_result_still_to_come_asks_when_they_find_out() -> None:
    texts = _texts("the sonographer went quiet and went to get someone. they said come back friday. what's that mean")
    assert not any("figure out" in t for t in texts)
    assert any("I'll be there" in t or "I'm coming with you" in t for t in texts)


def test_a_frightening_result_still_to_come_is_not_said_back_as_a_doubt() -> None:
    first = _texts("the nurse went quiet during the scan. they said come back monday. no idea what that means")[0]
    assert "not sure" not in first


@pytest.mark.parametrize(
    "message",
    [
        "the biopsy confirmed it's cancer",
        "the doctor called me back today, it's stage 3",
        "the biopsy results are in and it's malignant. i can't stop shaking",
        "mum had a biopsy last week and they told us today it has spread",
    ],
)
def test_a_result_already_told_is_not_met_as_a_wait(message: str) -> None:
    said = " ".join(_texts(message))
    assert "Not knowing" not in said and "find out more" not in said and "next appointment" not in said, said


@pytest.mark.parametrize(
    "message",
    [
        "my in-laws were right, im a terrible cook and I'm hurt",
        "my boss says im lazy and honestly hes right",
        "my in-laws think im a bad mum and they're right",
    ],
)
def test_someone_elses_judgement_of_them_is_never_said_back_as_right(message: str) -> None:
    said = " ".join(_texts(message))
    assert " right" not in said.replace("make it right", ""), said
    assert "think." not in said, said  # "my parents think." with what they think cut off


@pytest.mark.parametrize(
    "message",
    ["ur right, i overreacted", "you were right, i shouldnt have said that", "ok youre right i was out of line"],
)
def test_owning_their_part_to_you_is_accepted_not_owned_back(message: str) -> None:
    suggestions = reply(message, llm=False).suggestions
    assert suggestions[0].move == "accept", [s.text for s in suggestions]
    assert not any("I'm sorry I" in s.text or "I was right" in s.text for s in suggestions), suggestions


def test_owning_a_slip_elsewhere_is_not_an_apology_to_you() -> None:
    moves = [s.move for s in reply("i overreacted at work today and snapped at sam", llm=False).suggestions]
    assert "accept" not in moves
