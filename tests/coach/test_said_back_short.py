"""What happened is said back short: one clause that carries the news, never the message repeated back
(`refer.said_back`). A listener refers back briefly; a comma splice or run-on said back reads as a parrot."""

from __future__ import annotations

import pytest
from reply_helpers import composed

from openup.coach.listen import reply
from openup.coach.refer import said_back


def _reflected(text: str) -> str:
    s = reply(text, llm=False).said_back  # the say-back as composed
    assert s is not None, text
    return s.text.lower()


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # a long second clause is left off: the first tells the news
        ("the boiler packed in on sunday and the engineer can't come out until the end of next week",
         "the boiler packed in on sunday"),
        # a clause that only says the news came is a frame, not the news
        ("your sister just rang, your grandpa had a fall and he's in hospital", "your grandpa had a fall"),
        ("you found out and you need new brakes and two tyres", "you need new brakes and two tyres"),
        # what follows a "but" is what the message turns on
        ("the vet says it's probably nothing serious but the dog still won't eat anything at all",
         "the dog still won't eat anything at all"),
        # a clause run on without a comma is cut where the next one starts
        ("your scan results came back weird they want you back in on monday for another one",
         "your scan results came back weird"),
        # what someone said is kept whole: its news is often in its second half
        ("they said the flat fell through and they'd like you to look at another one", None),
        # a list is one clause, not three
        ("she's bringing the dog, the cat and the hamster", None),
        # two short clauses read as one
        ("the car broke down and the phone died", None),
    ],
)
def test_what_happened_is_said_back_as_one_short_clause(said: str, expected: str | None) -> None:
    assert said_back(said) == (expected or said)


def test_a_long_bad_news_message_is_not_said_back_whole() -> None:
    text = _reflected("the boiler packed in on sunday and the engineer cant come out til the end of next week")
    assert "boiler" in text and "engineer" not in text, text


def test_a_call_that_brought_the_news_is_not_what_is_said_back() -> None:
    text = _reflected("Gran texted. Grandpa's back in hospital with his chest.")
    assert "hospital" in text and "texted" not in text, text


def test_a_but_is_what_is_said_back() -> None:
    text = _reflected("the vet says its probably nothing serious but biscuit still wont eat anything at all")
    assert "eat" in text and "vet" not in text, text


@pytest.mark.parametrize(
    ("message", "must", "must_not"),
    [
        ("the plumber says the leak is coming from upstairs and the neighbours are away till next month",
         "leak", "neighbours"),
        ("my knee has been clicking for weeks the physio wants me to stop running completely", "knee", "physio"),
        ("You're going to laugh but I signed up for the pottery class and the teacher said my bowl was lovely",
         "pottery", "bowl"),
        ("my brother texted, my nephew got into the school they wanted and he starts in september",
         "nephew", "texted"),
    ],
)
def test_the_news_is_said_back_not_the_whole_message(message: str, must: str, must_not: str) -> None:
    text = _reflected(message)
    assert must in text and must_not not in text, text


def test_a_family_word_typed_as_a_name_is_lower_case_after_your() -> None:
    said = " ".join(composed("Mum and Dad are selling the house and moving to Spain in the spring").values())
    assert "mum and Dad" not in said and "mum and dad" in said, said


@pytest.mark.parametrize(
    "message",
    [
        "my neighbour keeps parking across the driveway every single morning",
        "my manager wants everyone back in the office four days a week from january",
        "my sister is coming to stay for a week in march",
    ],
)
def test_news_is_taken_in_with_a_reaction_not_a_stiff_so(message: str) -> None:
    text = _reflected(message)
    assert not text.startswith(("so ", "ah, so ", "oh no. so ")), text


def test_news_told_without_a_feeling_gets_no_detached_answer() -> None:
    """"That makes sense to me" agrees with whatever was said ("i look so old in these photos"), and "What do you
    make of it all?" asks for an analysis: news told without a feeling gets neither."""
    from openup.coach.listen import moves

    for move in ("validate", "ask"):
        texts = [w for t in moves()[move].templates if t.valence in ("neutral", None) and not t.slots
                 for w in t.texts]
        assert not any("makes sense to me" in w or "make of it all" in w or "your take" in w for w in texts), texts


@pytest.mark.parametrize(
    ("message", "must"),
    [
        ("council tax went up again this year, no idea how we'll pay it on top of everything", "council tax went up"),
        ("landlord is putting the rent up in june. we have to find 150 more a month", "our landlord"),
    ],
)
def test_a_problem_that_is_ours_is_said_back_as_ours(message: str, must: str) -> None:
    text = _reflected(message)
    assert must in text and "your" not in text, text


def test_our_home_stays_ours_when_someone_else_is_in_the_story() -> None:
    from openup.coach.perspective import to_second_person

    said = to_second_person("my brother keeps leaving his bike in our hallway and blocking our driveway")
    assert "our driveway" in said and "your driveway" not in said, said


def test_a_feeling_they_named_is_not_told_back_as_a_feeling_after_the_short_say_back() -> None:
    text = _reflected("I am so confused, both job offers have good points")
    assert "confused" not in text, text


def test_no_reflection_is_a_bare_so_and_their_words() -> None:
    """"So X." / "Ah, so X." / "Oh no. So X." say the message back with nothing of our own: stiff, a parrot."""
    import re

    from openup.coach.listen import moves

    bare = re.compile(r"^(?:So|Ah, so|Oh no\. So) \{(?:news|gist|event)\}\.$")
    wordings = [w for t in moves()["reflect"].templates for w in t.texts]
    assert not [w for w in wordings if bare.match(w)]


def test_a_complaint_told_as_a_feeling_is_said_back_with_one_you_feel() -> None:
    text = _reflected("i feel like i do all the washing up and u dont even notice")
    assert "you feel you feel" not in text and "feel like you do all" not in text, text


def test_what_they_were_never_asked_about_is_asked_without_anymore() -> None:
    texts = [s.text for s in reply("I feel like you never ask about my work anymore", llm=False).suggestions]
    assert not any("anymore. Will you" in t or "work anymore" in t for t in texts[2:]), texts


def test_a_casual_spelling_is_said_back_in_plain_words() -> None:
    text = _reflected("the landlord is gonna put the rent up again in april. we r gonna have to move")
    assert "gonna" not in text, text


@pytest.mark.parametrize(
    ("message", "must_not"),
    [("xray came back weird they want me in again on friday", "they want"),
     ("nans dog died this morning shes not picking up", "picking up")],
)
def test_a_short_run_on_is_not_said_back_whole(message: str, must_not: str) -> None:
    text = _reflected(message)
    assert must_not not in text, text
