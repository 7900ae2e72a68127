"""The validate and ask moves fit what was said: a feeling is named only as the words show it, a small sting is
not met as a heartbreak, and a request or a question asked is answered first. The messages are written for these
tests (none is from the blind sets).
"""

from __future__ import annotations

import re

import pytest
from reply_helpers import texts

from openup.coach.listen import reply
from openup.coach.reading import mood_of

SCARY = re.compile(r"\bscar(?:y|ed)\b|\bworr(?:ied|ying)\b", re.IGNORECASE)


def test_a_clear_top_word_decides_the_mood() -> None:
    # embarrassed well ahead, though nervous and anxious add up to more: shame, not fear
    scores = (("embarrassed", 0.45), ("nervous", 0.29), ("surprised", 0.28), ("anxious", 0.23), ("moved", 0.2))
    assert mood_of(scores, "") == "shame"
    # no word well ahead: the summed mood, as before
    assert mood_of((("nervous", 0.4), ("embarrassed", 0.35), ("anxious", 0.3)), "") == "fear"
    # a hurt among angry words stays anger: either fits, and the anger lines are the lighter
    assert mood_of((("hurt", 0.7), ("frustrated", 0.4), ("annoyed", 0.35), ("angry", 0.3)), "") == "anger"


@pytest.mark.parametrize(
    "message",
    [
        "waved back at a stranger who was waving at someone behind me. wanted the ground to swallow me",
        "found out I've been paying for a gym I haven't been to since march",
        "my depression has been rough this month, i can barely get up",
    ],
)
def test_no_fear_named_that_the_words_do_not_show(message: str) -> None:
    said = texts(message)
    assert not SCARY.search(" ".join(said[1:])), said


@pytest.mark.parametrize(
    ("message", "word"),
    [
        ("the hospital rang, they want to see me again about the mole. I'm terrified", "scared"),
        ("my sister's flight landed two hours ago and she still isn't answering. really worried", "worried"),
    ],
)
def test_a_fear_shown_is_named_in_its_own_kind(message: str, word: str) -> None:
    said = " ".join(texts(message)).lower()
    assert word in said or word[:5] in said, said
    assert not (word != "scared" and "scary" in said), said


@pytest.mark.parametrize(
    "message",
    [
        "my depression has been rough this month, i can barely get up",
        "feel really lonely tonight and i dont know why",
        "my anxiety is through the roof this week",
    ],
)
def test_no_wonder_needs_a_reason(message: str) -> None:
    said = texts(message)
    assert not any(re.search(r"\b(?:no wonder|of course you)\b", s, re.IGNORECASE) for s in said), said


@pytest.mark.parametrize(
    "message",
    [
        "bumped into an old school friend and she walked straight past me",
        "my old boss didn't recognise me at the train station",
        "the whole team went for drinks after work and nobody told me lol",  # a sting told with a laugh
    ],
)
def test_a_small_sting_is_not_met_as_heartbreak(message: str) -> None:
    said = " ".join(texts(message))
    assert "Come here" not in said and "must have hurt" not in said, said


def test_a_heavy_hurt_is_still_met_with_care() -> None:
    said = " ".join(texts("my best friend cut me off after ten years and i cried the whole way home"))
    assert re.search(r"\b(?:sorry|hurts?|hard|come here)\b", said, re.IGNORECASE), said


def test_annoyance_and_fear_are_named_only_as_shown() -> None:
    from openup.coach.heard import Heard
    from openup.coach.listen import _fear_of, _riled

    def heard(told: str, mood: str, word: str, chance: float) -> Heard:
        return Heard("it", (), (), valence="negative", mood=mood,
                     extra={"told": told, "mood_word": word, "mood_chance": chance})

    # the reader unsure and nothing worded: no "so annoying", no fear named
    assert not _riled(heard("the lift at work has been broken all week", "anger", "frustrated", 0.3))
    assert _fear_of(heard("the coach dropped me for saturday", "fear", "nervous", 0.26)) is None
    # worded, or the reader sure: named, in its own kind
    assert _riled(heard("the lift is broken AGAIN", "anger", "frustrated", 0.3))
    assert _riled(heard("the lift at work has been broken all week", "anger", "frustrated", 0.7))
    assert _fear_of(heard("interview tomorrow and my nerves are shot", "fear", "anxious", 0.2)) == (
        "nervous", "nerve-racking")
    assert _fear_of(heard("the biopsy is thursday", "fear", "scared", 0.5)) == ("scared", "scary")


@pytest.mark.parametrize(
    "message",
    [
        "I just need you to listen tonight, no fixing please.",
        "Please just listen. Don't try to solve it.",
    ],
)
def test_a_listen_asked_for_alone_is_answered_with_an_ear(message: str) -> None:
    r = reply(message, llm=False)
    assert r.brief is None and r.situation == "listen", (r.situation, r.brief)
    said = " ".join(s.text for s in r.suggestions)
    assert re.search(r"\b(?:listening|all ears|tell me)\b", said, re.IGNORECASE), said
    assert not re.search(r"\b(?:rough|hard|sorry|you need me to)\b", said, re.IGNORECASE), said


def test_a_listen_asked_for_with_the_story_is_said_yes_to() -> None:
    r = reply("no advice pls, i just need to vent. the client moved the deadline up a week and blamed me", llm=False)
    room = r.suggestion("room")
    assert room is not None and re.search(r"\b(?:no advice|no fixing|listening|all ears)\b", room.text), room


@pytest.mark.parametrize(
    "message",
    [
        "think i'll skip the pub quiz tonight and have a bath instead. is that ok?",
        "I want to go to my sister's on my own this weekend, hope that's alright",
    ],
)
def test_a_permission_asked_is_answered_yes_first(message: str) -> None:
    r = reply(message, llm=False)
    assert r.situation == "permission", r.situation
    assert r.suggestions[0].text.startswith("Of course") or r.suggestions[0].text.startswith("Course"), r.suggestions


@pytest.mark.parametrize(
    "message",
    [
        "the baby's had a temperature since lunch, is that ok?",  # a worry, not a permission
        "he says I can't see my friends anymore. is that ok?",  # never a yes beside a sign of control
    ],
)
def test_a_worry_or_a_sign_is_never_waved_through_as_a_permission(message: str) -> None:
    r = reply(message, llm=False)
    assert r.situation != "permission", r.situation
    assert not any(s.text.startswith("Of course it's okay") for s in r.suggestions), r.suggestions


def test_a_what_if_worry_is_answered_in_its_own_terms() -> None:
    said = texts("applied for the flat on Elm Road. what if the landlord says no again?")
    assert any(re.search(r"\b(?:whatever happens|even if)\b", s, re.IGNORECASE) for s in said), said


def test_a_what_if_near_a_sign_is_not_reassured_away() -> None:
    said = texts("what if he finds out where I've gone?")
    assert not any(re.search(r"\b(?:whatever happens|even if it goes)\b", s, re.IGNORECASE) for s in said), said


def test_do_you_ever_feel_is_answered() -> None:
    said = texts("do you ever feel like everyone else has life figured out")
    assert any(re.search(r"\b(?:all the time|not the only one)\b", s, re.IGNORECASE) for s in said), said


def test_a_joke_mishap_gets_no_kettle_for_when_you_get_in() -> None:
    for message in ("ha my cake collapsed in the middle, looks like a crater lol",
                    "lmao tried to dye my hair at home and now its kind of green"):
        assert not any("when you get in" in s for s in texts(message)), message
