"""Which answer a message calls for: a loss, a request for room, thanks or an apology to you, good news."""

from __future__ import annotations

import pytest

from openup.coach.listen import reply
from openup.coach.situations import is_loss, lost_one, situations, whose_loss
from openup.method import kinds
from openup.text import detect


@pytest.mark.parametrize(
    ("text", "whose", "lost"),
    [
        ("its been a year today since dad died", "own", "your dad"),
        ("My grandmother passed away last night.", "own", "your grandmother"),
        ("we lost our baby in march", "own", "your baby"),
        ("Mum's been gone four months and I still reach for the phone", "own", "your mum"),
        ("we had to put biscuit down today", "own", None),
        ("today would have been her 40th", "own", None),
        ("Lost Dad's old dog this arvo", "own", None),
        ("mikes mom passed last night hes not answering anyone", "other", None),
        ("my coworker lost her husband last week", "other", None),
        ("Thabo's mom passed on Sunday. We're going to the funeral.", "other", None),
        ("my phone died lol", "none", None),
        ("he passed the ball and we lost the match", "none", None),
        ("my brother lost his wallet again", "none", None),
        ("i would have been on time but the train", "none", None),
        ("she's gone to bed already", "none", None),
        ("i feel like im losing my mind", "none", None),
    ],
)
def test_whose_loss(text: str, whose: str, lost: str | None) -> None:
    assert whose_loss(text) == whose
    assert is_loss(text) == (whose != "none")
    if whose == "own":
        assert lost_one(text) == lost


def test_no_analytical_question_after_a_death() -> None:
    for text in ("its been a year today since dad died", "funeral is on thursday", "My nani passed away."):
        result = reply(text, llm=False, model=False)
        ask = result.suggestion("ask")
        assert ask is not None
        assert not any(w in ask.text for w in ("behind it", "make of", "your take", "your read")), ask.text


def test_someone_elses_loss_is_not_the_partners_grief() -> None:
    result = reply("my coworker lost her husband last week", llm=False, model=False)
    texts = " ".join(s.text for s in result.suggestions)
    assert "miss" not in texts and "grief" not in texts, texts


@pytest.mark.parametrize(
    ("text", "situation", "moves"),
    [
        ("i love how u always make me tea without me asking. just wanted u to know", "thanks", ("receive",)),
        ("thank u for last night. i really needed that", "thanks", ("receive",)),
        ("Sorry I was so short with you this morning. Didn't sleep.", "sorry", ("accept", "reflect")),
        ("work was awful and i dont want to talk about it", "room", ("reflect", "validate", "room")),
        # only the ask, nothing told yet: yes to it and an ear (`listen.only_asked`), not "That's so rough"
        ("I need you to listen without fixing it this time.", "listen", ("room", "go_on")),
        # "Again? I'm so sorry." reacts already: a bare reaction after it says the same twice (`listen._felt_again`)
        ("sorry to dump this on u but my boss yelled at me again", "default", ("reflect", "ask")),
        # Thanks that leads into a complaint or a question is not a compliment to take in.
        (
            "Thanks for dinner, but you were on your phone the whole time and I felt invisible",
            "default",
            ("reflect", "validate", "ask"),
        ),
        ("Thanks. What should i do next?", "default", ("reflect", "validate", "ask")),
        # A thank-you someone else said, told as news, is about them.
        (
            "Something nice happened. Mr. Chen left oranges at my door. It just said thank you for helping.",
            "good_news|default",
            ("celebrate", "reflect", "ask"),
        ),
    ],
)
def test_situation_and_moves(text: str, situation: str, moves: tuple[str, ...]) -> None:
    result = reply(text, llm=False)
    assert result.situation in situation.split("|")
    if "|" in situation:  # good news or not, as the feelings reader judges; never thanks to take in
        moves = situations()[result.situation].moves
    if result.retold is not None and result.suggestion("reflect") is None:
        moves = tuple(m for m in moves if m != "reflect")  # a say-back that would retell the message is left out
    assert tuple(s.move for s in result.suggestions) == moves
    assert result.to_dict()["situation"] == result.situation
    harmful = {k for k, v in kinds().items() if v.harmful}
    for s in result.suggestions:
        assert s.title, s.move  # every move says what it does, from replies.toml
        assert not {x.kind for x in detect(s.text, model=False)} & harmful, s.text
        assert "?" not in s.text or s.move not in ("room", "receive", "accept"), s.text


def test_every_situation_names_known_moves_in_order() -> None:
    table = situations()
    # something urgent now is answered before anything else (`coach.urgent`), then a small everyday choice
    assert list(table) == ["act_baby_lost", "act_baby", "act_medical", "act_stranded", "act_passed", "act_trapped",
                           "act_losing", "act_baby_other", "act_fire", "act_intruder", "act_labour", "act_birth",
                           "small_choice", "miss_you", "love_you", "lucky_you",
                           "hug", "permission", "company", "listen", "room", "sorry", "thanks", "us", "cross", "future",
                           "saw", "stop",
                           "praise", "talk", "come", "keep", "luck", "request", "invite", "update", "good_news",
                           "default"]
    assert table["default"].moves == ("reflect", "validate", "ask")


@pytest.mark.parametrize(
    ("text", "whose"),
    [
        ("since I lost my job", "none"),  # "lost <Capital>" is case-sensitive
        ("since we lost the match", "none"),
        ("My daughter passed!! First time too", "none"),  # passed an exam, not away
        ("he lost so much weight", "none"),
        ("passed my mum the salt", "none"),
        ("my daddy died", "own"),
    ],
)
def test_loss_misfires_found_on_a_second_read(text: str, whose: str) -> None:
    assert whose_loss(text) == whose


def test_a_kin_word_that_owns_something_is_not_who_died() -> None:
    assert lost_one("my mum's cat died") is None


@pytest.mark.parametrize(
    "text",
    [
        "thank you for being there, my dad died yesterday",
        "Sorry I went quiet, grandpa passed away last night",
    ],
)
def test_a_loss_comes_before_thanks_or_an_apology(text: str) -> None:
    assert reply(text, llm=False).situation == "default"


@pytest.mark.parametrize(
    "text",
    [
        "I'll drop it off at yours later, the cake came out great",
        "I just listen to podcasts on the way home",
        "Sorry for the rant, work was awful",
    ],
)
def test_room_and_sorry_need_a_request_or_an_apology(text: str) -> None:
    assert reply(text, llm=False).situation in ("default", "good_news")
