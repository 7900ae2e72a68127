"""A complaint about the listener that never says "you always ..." is still owned: more than their share at home
falling to them ("why is it always me who ..."), or that you are not listening. The reply owns it, does not probe
it, and asks what would help. The messages are written for these tests.
"""

from __future__ import annotations

import pytest
from reply_helpers import composed

from openup.coach.fitting import fit_of
from openup.coach.heard import Heard


def _said(text: str) -> dict[str, str]:
    return composed(text)


@pytest.mark.parametrize(
    ("message", "what"),
    [
        ("why is it always me who has to sort the recycling", "has to sort the recycling"),
        ("honestly so over being the one who always has to call the boiler man. just saying", "call the boiler man"),
        ("why am i always the one who has to empty the dishwasher", "empty the dishwasher"),
    ],
)
def test_more_than_their_share_is_owned(message: str, what: str) -> None:
    said = _said(message)
    assert said["reflect"].startswith("You're right"), said
    assert what in said["reflect"], said
    assert "sorry" in said["reflect"].lower()
    assert "What's been getting to you" not in said["ask"] and ("I" in said["ask"] or "me" in said["ask"]), said


@pytest.mark.parametrize(
    "message",
    [
        "twice now i've told you about the parents evening and you are not listening",
        "said it three times already, ur not listening",
    ],
)
def test_not_listening_is_owned_and_listened_to(message: str) -> None:
    said = _said(message)
    assert "haven't been listening" in said["reflect"] or "brushing you off" in said["reflect"], said
    assert "listening now" in said["ask"] or "all ears" in said["ask"], said


@pytest.mark.parametrize(
    "message",
    [
        "im the only one who ever books anything for the group chat lot",  # a friend group's share, not ours
        "at work i'm always the one who has to stay late",
        "i feel like i'm the one who always has to remember the bin day",  # how they see it: said back, hedged
    ],
)
def test_a_share_elsewhere_or_a_feeling_is_not_owned(message: str) -> None:
    assert fit_of(Heard(None, (), (), valence="negative", focus=message)) != "share"
