"""Affection said to you with a little more than a brief's bare words ("miss u sm today its weird when ur gone"):
answered in kind and warmly, never held as a burden ("that sounds heavy", "how are you holding up?"); a complaint,
a question or something hard said with it keeps its own answer."""

from __future__ import annotations

import pytest

from openup.coach.listen import reply

HEAVY = ("heavy", "holding up", "a lot to deal with", "weighing on you", "sorry")


def _texts(text: str) -> tuple[str | None, str]:
    coaching = reply(text, llm=False, model=False)
    return coaching.situation, " ".join(s.text for s in coaching.suggestions)


@pytest.mark.parametrize(
    "text",
    [
        "miss u sm today its weird when ur gone",
        "missing you loads, the flat is so quiet without you",
        "Honestly I miss you. Three more sleeps!",
        "aw i really miss u, come home soon x",
        "I miss ya, the bed's too big",
        "just missing you this arvo, that's all",
    ],
)
def test_missing_you_is_missed_back(text: str) -> None:
    situation, said = _texts(text)
    assert situation == "miss_you", text
    assert "miss you too" in said.lower()
    assert not any(h in said.lower() for h in HEAVY), said


@pytest.mark.parametrize(
    "text",
    [
        "love u so much, today was perfect",
        "I love you, just wanted to say it",
        "love you loads, see you tonight",
        "babe I love you more than anything",
    ],
)
def test_love_said_is_said_back(text: str) -> None:
    situation, said = _texts(text)
    assert situation == "love_you", text
    assert said.lower().startswith("love you too") or said.lower().startswith("i love you too")


@pytest.mark.parametrize(
    "text",
    [
        "im so lucky to have u x",
        "been feeling really grateful lately. for small stuff. the cat. your dad jokes",
        "you make me so happy, no reason, just felt like saying it",
        "honestly so grateful for you, you've been a rock this month",
    ],
)
def test_lucky_to_have_you_is_met_the_same(text: str) -> None:
    situation, said = _texts(text)
    assert situation == "lucky_you", text
    assert not any(h in said.lower() for h in HEAVY), said


@pytest.mark.parametrize(
    "text",
    [
        "miss u but u never call anymore",  # a complaint
        "i miss you even when you're here",  # distance between you
        "missing you, today was really hard",  # something hard
        "do you miss me?",  # a question
        "i miss my mum so much",  # someone else
        "love you but we need to talk about money",
        "love you guys, beers on me",  # a group
        "im so lucky to have u. today was trash and ur the only good part",  # a bad day with it
    ],
)
def test_affection_with_something_else_keeps_its_own_answer(text: str) -> None:
    situation, _ = _texts(text)
    assert situation not in ("miss_you", "love_you", "lucky_you"), text


@pytest.mark.parametrize(
    "text",
    [
        "miss you. sorry for everything x",
        "love you so much. I'm really tired, going to sleep for a long time",
        "love you always. it's not your fault",
        "so lucky to have you. you'll be fine without me",
        "lucky to have you babe, not sure i'll make it through tonight",
        "love you always and forever. the gas is on",
        "miss you so much. he's taken the car keys so i can't come see you",
        "love you. please don't come home tonight, he's drunk and angry",
        "miss you!! the kitchen's on fire lol",
        "so lucky to have you. not.",
        "miss you like a hole in the head lol",
        "you make me feel safe. he's not home yet",
    ],
)
def test_love_beside_a_farewell_a_danger_or_a_dig_is_never_answered_in_kind(text: str) -> None:
    situation, said = _texts(text)
    assert situation not in ("miss_you", "love_you", "lucky_you"), text
    assert "miss you too" not in said.lower() and "love you too" not in said.lower()


@pytest.mark.parametrize(
    "text",
    [
        "love you. he's coming up the stairs",
        "miss you. I can hear him downstairs",
        "love you. call 999 please",
        "miss you. im bleeding a lot",
        "love you. i've left you a note",
    ],
)
def test_a_bid_with_danger_after_it_is_no_bid(text: str) -> None:
    coaching = reply(text, llm=False, model=False)
    said = " ".join(s.text for s in coaching.suggestions).lower()
    assert coaching.brief is None and "love you too" not in said and "miss you too" not in said, text


def test_a_bid_with_light_words_after_it_stays_a_bid() -> None:
    assert reply("i miss u. like a stupid amount. 3 more days", llm=False, model=False).brief is not None


@pytest.mark.parametrize(
    "text",
    [
        "love you. i'm bleeding a lot",
        "love you. i've left you a note",
        "love you. he's home early and he's angry",
        "love you. i'm on the bridge",
    ],
)
def test_kind_words_beside_danger_are_not_taken_as_thanks(text: str) -> None:
    situation, said = _texts(text)
    assert situation not in ("thanks", "praise", "miss_you", "love_you", "lucky_you"), text
    assert "made my day" not in said and "lovely to hear" not in said


def test_thanks_for_being_there_at_the_hospital_stay_thanks() -> None:
    situation, _ = _texts("thank you for sitting with me at the hospital all night")
    assert situation in ("thanks", "praise")
