"""What was told outright is taken in, not hedged; said back short; met as ours when it is ours; no two
suggestions of one reply open alike or name the same feeling; a question about us is answered."""

from __future__ import annotations

import re

import pytest
from reply_helpers import move as _move
from reply_helpers import shown
from reply_helpers import texts as _texts

from openup.coach.listen import gist, repeats, reply


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("my train got cancelled again", "your train got cancelled"),
        ("handed in the dissertation today!!", "the dissertation"),
        ("the plumber flooded the kitchen floor", "the plumber flooded the kitchen floor"),
    ],
)
def test_a_stated_event_is_taken_in_not_hedged(message: str, said: str) -> None:
    text = " ".join(_texts(message))
    assert said in text.lower(), text
    assert "sounds like" not in text.lower(), text


def test_a_death_told_outright_is_met_with_sorry_not_a_hedge() -> None:
    text = _move("granddad died last night", "reflect")
    assert "sorry" in text.lower() and "your granddad" in text.lower() and "last night" not in text, text
    assert "sounds like" not in text.lower(), text


def test_sorry_for_a_death_is_not_said_of_something_else() -> None:
    text = _move("i didnt cry at the funeral and now i feel like a monster", "reflect")
    assert not re.search(r"sorry you didn't cry", text, re.IGNORECASE), text


def test_a_feeling_read_into_the_message_keeps_its_hedge() -> None:
    text = _move("the landlord shouted at me on the stairs. I'm so embarrassed.", "reflect")
    assert "the landlord shouted at you" in text.lower() and "sounds like" not in text, text  # not hedged
    assert "embarrassed" in text  # the feeling is theirs, said back as heard


def test_a_long_event_is_said_back_as_its_news() -> None:
    event = "your sister rang this morning and she said the wedding is off and everyone is blaming her for it now"
    assert gist(event) == "your sister rang this morning"
    assert gist("you got the flat") == "you got the flat"


@pytest.mark.parametrize(
    "message", ["we finally got the keys to our new flat!!", "WE WON THE PUB QUIZ", "we paid off the car loan today"]
)
def test_shared_news_is_met_as_ours(message: str) -> None:
    text = " ".join(_texts(message)).lower()
    assert re.search(r"\b(?:us|we|we've|ours)\b", text.replace("we won", "").replace("we finally", "")), text
    assert "huge for you" not in text and "happy for you" not in text, text


def test_news_that_is_only_theirs_is_not_called_ours() -> None:
    text = " ".join(_texts("I passed my theory test!")).lower()
    assert "for us" not in text and "we did it" not in text, text


@pytest.mark.parametrize(
    "message",
    [
        "My boss yelled at me in front of everyone today. I'm so embarrassed.",
        "my nan passed away this morning",
        "God did it! My visa came out this morning. I'm still shaking.",
        "the dog chewed my new trainers and i'm so annoyed",
    ],
)
def test_no_two_suggestions_open_alike_or_name_the_same_feeling(message: str) -> None:
    texts = shown(message)
    for i, text in enumerate(texts[1:], 1):
        assert not repeats(text, texts[:i]) or text.startswith(("What", "How")), texts
    sorry = [t for t in texts if "i'm so sorry" in t.lower()]
    assert len(sorry) <= 1, texts


def test_repeats_reads_openers_and_feelings() -> None:
    assert repeats("I'm so sorry. It makes sense.", ["Oh no. I'm so sorry."])
    assert repeats("No wonder you feel proud.", ["You sound really proud."])
    assert not repeats("That's a lot to deal with.", ["Oh no, your car broke down."])


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("are we ok?", "Yes"),
        ("babe do you still find me attractive", "Yes"),
        ("r we good u seem so far away lately", "Yes"),
        ("are you mad at me", "not"),
        ("did i do something wrong", "not"),
    ],
)
def test_a_question_about_us_is_answered_warmly(message: str, answer: str) -> None:
    result = reply(message, llm=False)
    first = result.suggestions[0].text
    assert answer in first, first
    said = " ".join(s.text for s in result.suggestions).lower()
    assert "not sure whether" not in said and "sounds like" not in said, said
    assert any("sorry" in s.text.lower() or "on me" in s.text.lower() for s in result.suggestions), said


@pytest.mark.parametrize("message", ["are we ok for money this month?", "my dad asked if we're ok with sunday"])
def test_a_practical_question_is_not_answered_as_reassurance(message: str) -> None:
    assert reply(message, llm=False).situation not in ("us", "cross")


def test_news_told_without_a_subject_is_ours_when_the_message_says_so() -> None:
    text = " ".join(_texts("Got the mortgage offer!!! we're actually doing this")).lower()
    assert re.search(r"\b(?:us|we|ours)\b", text.replace("we're actually", "")), text


def test_a_we_in_a_comment_after_the_news_does_not_make_it_ours() -> None:
    text = " ".join(_texts("I won the raffle at work! Mum has already told every neighbour we have.")).lower()
    assert "for us" not in text and "we did it" not in text, text


@pytest.mark.parametrize(
    ("message", "owned"),
    [
        ("you forgot to book the table AGAIN", "I'm sorry I forgot to book the table again"),
        ("you were on your laptop the whole film", "I was on my laptop the whole film"),
        ("ur alarm went off 6 times this morning and woke me up", "my alarm went off 6 times"),
    ],
)
def test_what_the_listener_did_is_owned_not_hedged(message: str, owned: str) -> None:
    texts = _texts(message)
    assert owned in texts[0] and "sorry" in texts[0].lower(), texts
    assert "sounds like" not in " ".join(texts).lower(), texts
    assert sum("sorry" in t.lower() for t in texts) == 1, texts  # said once, not in every line


def test_a_thing_of_the_listeners_family_is_not_owned_as_theirs() -> None:
    text = _texts("your mum told me I look tired three times at lunch")[0]
    assert "that's on me" not in text.lower(), text


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("my brother is moving to perth in the spring 😞", "your brother is moving to perth"),
        ("the dentist says i need a filling and a crown", "the dentist says you need a filling and a crown"),
    ],
)
def test_news_about_someone_else_is_not_hedged(message: str, said: str) -> None:
    text = _move(message, "reflect")
    assert said in text.lower() and "sounds like" not in text.lower(), text


def test_how_they_see_themselves_keeps_its_hedge() -> None:
    text = _move("sometimes i feel like im the only one who remembers birthdays", "reflect")
    assert "sounds like" in text.lower() or "you sound" in text.lower(), text
