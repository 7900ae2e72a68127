"""A request or a question put to the listener is answered first, in a few words, then listened to: a plain ask
("put the kettle on") gets a yes, an invitation ("let's get chips") a glad yes, "am I mad?" a "you're not mad at
all", and "should I ...?" the listener's backing. The messages are written for these tests.
"""

from __future__ import annotations

import pytest

from openup.coach.listen import reply


def _reply(text: str) -> tuple[str, dict[str, str]]:
    r = reply(text, llm=False)
    return r.situation, {s.move: s.text for s in r.suggestions} | ({"reflect": r.said_back.text} if r.said_back else {})


@pytest.mark.parametrize("message", ["Stick the kettle on, love, I'm frozen", "make us a brew when you're up"])
def test_a_plain_ask_gets_a_yes(message: str) -> None:
    situation, said = _reply(message)
    assert situation == "request", said
    assert said["yes"]


@pytest.mark.parametrize("message", ["let's get chips on the way home!", "fancy a curry tonight?",
                                     "make we go eat jollof for that new spot"])
def test_an_invitation_gets_a_glad_yes(message: str) -> None:
    situation, said = _reply(message)
    assert situation == "invite", said


def test_lets_get_it_over_with_is_not_an_invitation() -> None:
    assert _reply("lets get it over with, the dentist i mean")[0] != "invite"


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("thinking of leaving the choir after ten years. Am I mad?", "You're not mad at all"),
        ("is it silly that i still sleep with the landing light on?", "It's not silly at all"),
        ("my brother made a joke about my weight at lunch. am i being sensitive", "You're not being too sensitive"),
        ("am i overreacting? my friend forgot my birthday again", "You're not overreacting"),
    ],
)
def test_am_i_mad_is_answered_first(message: str, answer: str) -> None:
    _, said = _reply(message)
    assert said["reflect"].startswith((answer, "Honestly? " + answer)), said
    assert "overreacting and" not in said["reflect"], said


def test_should_i_gets_backing_and_no_or_nah() -> None:
    _, said = _reply("should i go for the team lead role or nah")
    assert "either way" in said["reflect"] or "whichever way" in said["reflect"], said
    assert "nah" not in said["reflect"] and "go for the team lead role" in said["reflect"], said


def test_is_this_normal_is_never_answered_not_normal() -> None:
    _, said = _reply("we've stopped going on dates since the baby came. is this normal?")
    assert "not normal" not in said["reflect"], said


def test_a_small_should_i_is_not_given_backing() -> None:
    _, said = _reply("should i ring her?")
    assert "either way" not in said["reflect"] and "whichever way" not in said["reflect"], said
