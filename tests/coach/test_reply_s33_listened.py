"""Replies that sound like someone who listened (issue #18): worry is asked about in its own terms, not with a stock
question; sarcastic thanks for what you did, told with plain marks of sarcasm, is owned, and sincere thanks never is;
a time a "since" points at is kept; a relative of a relative who died is not taken for the relative; "again" that
asks to be reminded is no letdown. (A hard telling that ends on a win met gladly, and "you're the best" received as
praise, were taken out after a review: see test_reply_review_s33.py.) All messages here are our own."""

from __future__ import annotations

import pytest
from reply_helpers import composed

from openup.coach.listen import reads_well, reply
from openup.coach.reading import listener_complaint, sarcastic_thanks
from openup.coach.refer import trimmed
from openup.coach.salient import salient
from openup.coach.situations import lost_one


def _said(text: str) -> dict[str, str]:
    return composed(text)


def test_a_setback_without_a_turn_is_still_met_with_care() -> None:
    said = " ".join(_said("the landlord is putting the rent up again and we can't afford it").values()).lower()
    assert "love that" not in said and "so glad" not in said


# --- worry asked about in its own terms --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "the garage said the gearbox is going and it'll cost more than the car is worth",
        "the school rang to say they're worried about how quiet Noor has been in class",
        "the hospital moved my mum's operation back another month",
        "my results are in on friday and i can't stop thinking about it",
    ],
)
def test_worry_is_not_met_with_the_stock_question(text: str) -> None:
    said = _said(text)
    assert "going through your head" not in said.get("ask", "")


def test_no_ask_wording_is_the_stock_question() -> None:
    from openup.coach.listen import moves

    for template in moves()["ask"].templates:
        for wording in template.texts:
            assert "going through your head about it now" not in wording


# --- sarcastic thanks for what you did is owned --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "owned"),
    [
        ("thanks SO much for telling your sister about my exam results 🙄",
         "told my sister about your exam results"),  # your sister, to you: "my sister"
        ("oh great, thanks SO much for leaving the car on empty. just love that", "left the car on empty"),
        ("cheers for eating the last of the birthday cake, appreciated that 🙄", "ate the last of the birthday cake"),
    ],
)
def test_sarcastic_thanks_is_owned(text: str, owned: str) -> None:
    said = _said(text)
    assert owned in said["reflect"], said
    assert "sorry" in " ".join(said.values()).lower()
    assert "receive" not in said


def test_sarcastic_thanks_reads_as_a_complaint() -> None:
    assert sarcastic_thanks("oh great, thanks for cancelling on me again") == "you cancelled on me again"
    assert listener_complaint("oh great, thanks for cancelling on me again") == "I cancelled on you again"


@pytest.mark.parametrize(
    "text",
    [
        "thanks for making dinner, it was lovely",
        "thank you for picking me up from the station",
        "thanks for fixing the shelf, looks great",
        "thanks for juggling the kids btw",  # a verb whose past is not known: left as it is
        "thanks for taking the knife off me last night. really appreciated that",  # no mark of sarcasm
    ],
)
def test_plain_thanks_is_not_made_a_complaint(text: str) -> None:
    assert sarcastic_thanks(text) is None


# --- praise said in sarcasm ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["you made my day worse honestly", "ur the best at ruining everything"])
def test_sarcastic_or_hard_praise_is_not_received(text: str) -> None:
    assert reply(text, llm=False).situation != "praise"


# --- said back whole --------------------------------------------------------------------------------------------

def test_since_keeps_what_it_points_at() -> None:
    assert trimmed("your brother hasn't replied since yesterday") == "your brother hasn't replied since yesterday"
    assert trimmed("your brother rang yesterday") == "your brother rang"


def test_a_full_say_back_reads_well() -> None:
    assert reads_well("Oh no, your brother hasn't replied since yesterday.")


# --- whose loss ----------------------------------------------------------------------------------------------------

def test_a_relatives_relative_is_not_the_relative() -> None:
    assert lost_one("my dads cousin died on tuesday") is None
    assert lost_one("my dads passed away last spring") == "your dad"
    said = _said("my dads cousin died on tuesday. we weren't close but dads gutted")
    assert "miss most about your dad" not in said.get("ask", "")


# --- "again" asked to be reminded ------------------------------------------------------------------------------------

def test_again_as_remind_me_is_no_letdown() -> None:
    assert salient("the boiler is making that noise, where is the reset switch again") is None
    assert salient("the boiler is making that noise again and it's freezing in here") == "Again?"
