"""Figures of speech that are no sign of harm: a bruised ego, pride or feelings; being tired of the chores, the
admin, the commute or the rain. The real signs beside them still flag: bruises from someone's hands, being tired of
living or of being alive. The messages are written for these tests, in several registers.
"""

from __future__ import annotations

import pytest

from openup.coach.fitting import harm_signs
from openup.coach.listen import reply
from openup.coach.safety import assess
from openup.text import detect


def _level(text: str) -> str:
    return assess(text, detect(text)).level


@pytest.mark.parametrize("text", [
    "bruised ego after we lost the quiz",
    "my pride's a bit bruised after we lost the match tbh",
    "feelings a bit bruised after the interview, they picked someone else",
    "honestly my ego is well bruised after the pub quiz last night",
    "Bit of a bruised ego after the footy, we got thrashed 5-0",
    "ego bruised, confidence dented, but we go again next week",
    "tired of this life admin",
    "so tired of this life admin tbh",
    "im sick of life admin and paperwork, can we do the bills together",
    "tired of living out of a suitcase for this job",
    "tired of living with my parents honestly",
    "tired of living paycheck to paycheck",
    "i'll never get tired of this life with you",
    "tired of this commute, two hours every day",
    "so tired of the rain, it hasnt stopped all week",
    "I'm tired of the chores always falling on me",
])
def test_a_figure_of_speech_is_not_screened_as_a_sign(text: str) -> None:
    assert _level(text) == "none", text
    assert reply(text, llm=False).suggestions, text


@pytest.mark.parametrize("text", [
    "bruised from where he grabbed me",
    "i get bruises when he loses his temper",
    "always end up with bruises when we argue",
    "bruises on my arms after he got drunk again",
    "tired of living",
    "tired of being alive",
    "tired of everything, dont want to wake up",
    "im so tired of this life",
    "honestly just tired of life at this point",
    "sick of being alive tbh",
    "done with living",
    "tired of existing",
    "I am so weary of life, nothing helps",
])
def test_the_real_signs_still_flag(text: str) -> None:
    assert _level(text) != "none", text


def test_a_bruised_ego_is_no_worded_sign_of_harm_but_bruises_from_hands_are() -> None:
    assert not harm_signs("bruised ego after we lost the quiz")
    assert not harm_signs("my pride's a bit bruised tbh")
    assert harm_signs("bruises on my arm from where he grabbed me")
    assert harm_signs("he bruised my wrist")


def test_pride_that_took_a_knock_is_not_read_as_proud() -> None:
    said = " ".join(s.text for s in reply("my pride's a bit bruised after the five-a-side tbh", llm=False).suggestions)
    assert "proud" not in said.lower() and "love that" not in said.lower(), said
