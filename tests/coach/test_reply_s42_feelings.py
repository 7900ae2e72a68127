"""Stop 42: a feeling is said to be theirs once per answer, and a glad one is heard, not explained."""

from __future__ import annotations

import pytest

from openup.coach.listen import repeats, reply
from openup.text import model as learned


def test_two_different_feelings_said_to_be_theirs_are_not_both_said() -> None:
    assert repeats("No wonder you're nervous.", ["Two years? You sound really anxious."])
    assert repeats("Anyone would feel hurt.", ["You must have felt so embarrassed."])
    # the listener's own gladness beside theirs is not a second guess at their feeling
    assert not repeats("So proud of you. We're celebrating tonight, yeah?",
                       ["That's so great, I'm really happy for you."])
    assert not repeats("What can I do to help, love?", ["Two years? You sound really anxious."])
    # a second reader's cases: the frame must hold the feeling ("you're going to be great" beside "happy for you"),
    # and a third person's feeling said back is not theirs
    assert not repeats("No wonder you feel nervous.", ["I'm so happy for you! You're going to be great."])
    assert not repeats("Of course you feel hurt.",
                       ["So your sister was upset you didn't come? You're in a tough spot."])
    assert repeats("No wonder you\u2019re nervous.", ["You sound really anxious."])


@pytest.mark.skipif(not learned.available(), reason="the learned tier is not installed")
@pytest.mark.parametrize("message", [
    "no plans this weekend for the first time in like 2 months and im SO happy about it",
    "my lil brother got into college and im so proud i could cry",
])
def test_a_glad_feeling_is_heard_not_explained(message: str) -> None:
    said = " ".join(s.text for s in reply(message, llm=False).suggestions)
    assert "No wonder you feel" not in said and "Of course you feel" not in said, said
    assert "Of course you're" in said, said
