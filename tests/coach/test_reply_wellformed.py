"""What is said back is a whole, short clause in our mouth or nothing (issue 18): no clause cut before its end,
no sentences run together, no typo, filler or vocative copied; news-reaction lines only for news; no form letter
when nothing is said back; a feeling named only when the message shows it. The messages are written for these
tests, in the registers people text in.
"""

from __future__ import annotations

import re

import pytest
from reply_helpers import move as _move
from reply_helpers import texts as _texts

from openup.coach.listen import reply
from openup.coach.wellformed import repaired, well_formed


@pytest.mark.parametrize(
    "clause",
    [
        "dinner at his mum's was",  # cut at "..." before what it was
        "they moved your shift to nights starting",  # "starting next week" cut
        "your landlord has ignored you for weeks and this flat",  # the next sentence run on
        "you resigned today just stormed out",  # two verbs, no joiner
        "you've lost the client's file, the boss has sent a memo",  # a comma splice
        "the letter says they'll 'review your position",  # a quote left open
        "you keep wondering about what you think you should have done",  # the hedge said twice
        "you go miss the last bus",  # Pidgin "go" before a verb
    ],
)
def test_a_clause_that_does_not_read_whole_is_not_said_back(clause: str) -> None:
    assert not well_formed(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "your boss moved the deadline up a week",
        "you asked me not to",  # an ellipsis that reads whole
        "you don't know where it is",
        "your grandad would have been 90",
        "the physio said your knee might never be 100%",
        "sale agreed, you're still shaking",  # short enough to read as one
        "your sister told everyone about the thing you asked her to keep quiet about",
    ],
)
def test_a_whole_clause_is_kept(clause: str) -> None:
    assert well_formed(clause)


def test_what_can_be_mended_is_mended_in_place() -> None:
    assert repaired("your phone screen cracked and its 200 quid to fix") == (
        "your phone screen cracked and it's 200 quid to fix"
    )
    assert repaired("you reminded me about the bins like 3 times") == "you reminded me about the bins 3 times"
    assert repaired("mate the match is off") == "the match is off"
    assert repaired("you're going to Dad's tonight") == "you're going to your dad's tonight"
    assert repaired("you know you said id stop") == "you know you said you'd stop"
    assert repaired("you lost your id at the airport") == "you lost your id at the airport"  # the card, not "I'd"
    assert repaired("everyones left already") == "everyone's left already"
    assert repaired("the letter says they'll 'review your position") == "the letter says they'll 'review your position'"
    # the Irish "your one" (that woman) is not the listener's
    told = "Your one from the flat upstairs is after flooding our bathroom."
    assert repaired("my one from the flat upstairs is after flooding our bathroom", told).startswith("your one")


@pytest.mark.parametrize(
    "message",
    [
        "dinner at his mums was... interesting",
        "They moved my shift to nights starting next week.",
        "kinda meh today, no idea why",
    ],
)
def test_no_reply_says_back_a_cut_or_run_on_clause(message: str) -> None:
    for text in _texts(message):
        assert not re.search(r"\b(?:was|starting)\.|meh, no idea", text), (message, text)


def test_typos_and_fillers_are_not_copied_back() -> None:
    assert "it's 200 quid" in _move("my phone screen cracked and its 200 quid to fix", "reflect")
    assert "like 3 times" not in _move("I reminded you about the bins like 3 times", "reflect")
    assert "your dad's" in _move("Going to Dad's tonight. A bit worried about him, he sounded off on the phone.",
                                 "reflect")


@pytest.mark.parametrize(
    "message",
    [
        "my flatmate forgot my birthday. no card no nothing",
        "my uncle forgot my graduation dinner",
    ],
)
def test_a_letdown_is_not_news_to_take_in(message: str) -> None:
    assert "a lot to take in" not in " ".join(_texts(message)), message


@pytest.mark.parametrize(
    "message",
    [
        "my brother said i was overreacting about the wedding and everyone laughed",
        "Your one from next door is after parking across our drive again. Raging.",
        "still no answer from the bank about the refund its been a month",
    ],
)
def test_no_form_letter_when_nothing_is_said_back(message: str) -> None:
    said = " ".join(_texts(message))
    assert "If I'm hearing you right" not in said and "this has been on your mind" not in said, (message, said)
    assert "Thank you for telling me" not in said, (message, said)


@pytest.mark.parametrize(
    "message",
    ["grandma passed last night. im fine. honestly", "nan died this afternoon. i feel numb"],
)
def test_a_loss_is_met_as_they_say_they_are(message: str) -> None:
    validate = _move(message, "validate")
    assert "hurt" not in validate, (message, validate)
    # okay until it turned is still met as hurting
    turned = ("Dad's been gone a year and most days I'm fine now. Then today I heard his song on the radio "
              "and I had to pull over.")
    assert "no right way" not in _move(turned, "validate") and "However you're feeling" not in _move(turned, "validate")


def test_no_one_feeling_said_back_when_they_named_both() -> None:
    message = "the specialist finally confirmed it. I'm relieved to know, but I'm also so angry it took two years."
    reflect = _move(message, "reflect")
    assert "relieved and angry" in reflect and "so angry" not in reflect and "really angry" not in reflect, reflect
    visa = "Finally got my visa. I'm relieved, but I'm also furious it took nine months."
    assert "lovely" not in " ".join(_texts(visa))


def test_not_fair_on_you_only_when_someone_did_it() -> None:
    # nobody did this to them: nothing about fairness (a slight by no one)
    message = "had to sort through grandads shed today everything still smelled of his pipe"
    assert "fair on you" not in " ".join(_texts(message))
    # someone of theirs let them down, by any name: it fits
    # (or the say-back has said the hurt already, and no validation says it again: `listen._felt_again`)
    r = reply("my cousin didn't come to my graduation. not even a text", llm=False)
    v, said = r.suggestion("validate"), r.suggestion("reflect")
    assert (v is not None and v.text in (
        "Ouch, love. That stings.", "That's really hard. I'm sorry.", "That wasn't fair on you at all.")) or (
        v is None and said is not None and ("sting" in said.text or "hurt" in said.text)), r.suggestions
