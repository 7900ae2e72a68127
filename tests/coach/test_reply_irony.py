"""Cheer or praise said of a setback is irony or self-mockery ("congrats to me, passed over AGAIN", "well done
me, locked myself out again lol"): never good news, never praise of the listener, but the setback it is, met
lightly where it is told as a joke at their own expense. A setback the feelings reader hears as glad ("grazed my
knee and my pride") is met as a setback too. Praise that is really for the listener, and good news told with a
laugh or a cheer, are still received and celebrated. The messages are written for these tests.
"""

from __future__ import annotations

import pytest

from openup.coach.listen import reply

# What greets good news or thanks, or the cheer said back as if it were theirs ("congrats to you, ..."): none of it
# is said to a setback.
_CHEER = ("glad for you", "love that for you", "love this for you", "love hearing", "so lovely", "amazing",
          "thank you", "made my day", "proud", "pull it off", "tell me everything", "good news", "happy for you",
          "congrat", "bravo", "done you", "go you")


def _said(text: str) -> tuple[str, str, bool]:
    got = reply(text, llm=False)
    return got.situation, " ".join(s.text for s in got.suggestions), got.heard.good_news


@pytest.mark.parametrize("text", [
    "congrats to me i guess, got passed over for promotion AGAIN",
    "congrats to me i guess, didnt get the flat. again",
    "congrats to me, my visa got refused",
    "well done me, locked myself out again lol",
    "well done me, walked into a glass door at work in front of everyone lol",
    "well done me o, I don miss my stop again",
    "bravo me, left the passport at home",
    "proud of me, burnt the rice AGAIN",
    "proud of me, locked myself out of the ute again",
    "so proud of myself, dropped the whole shopping on the road",
    "so proud of myself, i forgot the kids at school pickup",
    "amazing, lost my wallet on the tube",
    "amazing, dropped my phone in the sink",
    "Oga said I must redo the whole report because of one typo. Congrats to me",
])
def test_cheer_said_of_a_setback_is_not_good_news_nor_praise(text: str) -> None:
    situation, said, good_news = _said(text)
    assert not good_news and situation not in ("good_news", "thanks", "praise"), (situation, said)
    assert not any(c in said.lower() for c in _CHEER), said


@pytest.mark.parametrize("text", [
    "well done me, locked myself out again lol",
    "go me, dropped my phone down the loo",
    "proud of me, locked myself out of the ute again",
    "so proud of myself, dropped the whole shopping on the road",
])
def test_a_setback_cheered_at_their_own_expense_is_met_lightly(text: str) -> None:
    _, said, _ = _said(text)
    assert any(w in said for w in ("Ha", "tragic", "poor thing", "could not make this up", "drama", "Ouch")), said
    assert "That sounds really tough" not in said, said


@pytest.mark.parametrize("text", [
    "grazed my knee and my pride",
    "kids drew on the wall lmao",
    "Oga said I must redo the whole report because of one typo",
])
def test_a_setback_the_reader_hears_as_glad_is_not_met_with_cheer(text: str) -> None:
    got = reply(text, llm=False)
    said = " ".join(s.text for s in got.suggestions)
    assert got.heard.valence != "positive" and got.heard.mood != "glad", (got.heard.valence, got.heard.mood)
    assert not any(c in said.lower() for c in _CHEER), said


@pytest.mark.parametrize("text", [
    "well done you, that dinner was amazing",
    "you were amazing with my nan today, honestly",
])
def test_praise_for_the_listener_is_still_received(text: str) -> None:
    situation, said, _ = _said(text)
    assert situation in ("thanks", "praise"), (situation, said)


@pytest.mark.parametrize("text", [
    "passed my driving test on the 4th go lmaooo",
    "my poem got into the anthology!! its only a tiny press but still",
    "go me!! finally passed my theory test after failing it twice",
    "yay!! got the flat, keys on friday",
    "yay, back to lisbon again in june!!",
    "well done me, ran my first 10k without stopping",
])
def test_good_news_with_a_cheer_or_a_laugh_is_still_celebrated(text: str) -> None:
    got = reply(text, llm=False)
    assert any(s.move == "celebrate" for s in got.suggestions), [s.text for s in got.suggestions]


@pytest.mark.parametrize("text", [
    "im so proud of myself i actually went to the gym 3 times this week 💪",
    "go me, lost 3 stone since january",
])
def test_a_cheer_for_something_glad_is_not_pitied(text: str) -> None:
    situation, said, _ = _said(text)
    assert situation not in ("thanks", "praise"), (situation, said)
    assert not any(w in said for w in ("poor thing", "drama", "sorry", "hard", "tough", "Come here")), said
