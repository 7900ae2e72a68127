"""What the review of the reply guards found: panic attacks over time are not the in-the-moment breathing script
(and panicking now with no "panic attack" said is); nagging is not harassment, but an attempted kiss or comments on
the body are; "grandad passed" is a death; a treatment failing, a cancer come back, a baby not moving, a coma, a
seizure, a&e get care and presence; control and threats are believed; a scan with no heartbeat or a grown tumour is
never good news."""

from __future__ import annotations

import re

import pytest

from openup.coach.fitting import fit_of
from openup.coach.listen import reply

_LIGHT = re.compile(
    r"\bAgain\?|so great|so lovely|love (?:that|this)|amazing|tell me everything|how did it all happen|Oh wow|"
    r"frustrating|fed up|that's my (?:dad|mum|brother|sister|friend)|What can I get you|No pressure|Got it\.|"
    r"I get that|I hear you|does it all sit|it all sitting",
    re.IGNORECASE,
)
_CARE = re.compile(r"sorry|I'm (?:right )?here|with you|worr|holding up|believe you|safe|close", re.IGNORECASE)


def _said(text: str) -> str:
    return " ".join(s.text for s in reply(text, llm=False).suggestions)


def _fit(text: str) -> str:
    return fit_of(reply(text, llm=False).heard)


def _check(text: str) -> None:
    said = _said(text)
    assert not _LIGHT.search(said), said
    assert _CARE.search(said), said


@pytest.mark.parametrize("text", [
    "i've been having panic attacks at work",
    "getting panic attacks again since the accident",
])
def test_panic_attacks_over_time_get_care_not_the_breathing_script(text: str) -> None:
    assert _fit(text) != "panic"
    said = _said(text)
    assert "Breathe with me" not in said and "breathe in with me" not in said, said
    _check(text)


@pytest.mark.parametrize("text", ["cant breathe, heart racing, panicking", "having a panic attack rn"])
def test_panicking_now_is_met_with_calm_presence(text: str) -> None:
    assert _fit(text) == "panic"


@pytest.mark.parametrize("text", [
    "my mum keeps harassing me to visit",
    "my sister keeps harassing me about money",
    "the council keeps harassing me about the bill",
])
def test_nagging_is_not_harassment_to_be_kept_safe_from(text: str) -> None:
    said = _said(text)
    assert _fit(text) != "violated"
    assert "feel safe" not in said and "I believe you" not in said, said


@pytest.mark.parametrize("text", [
    "your dad keeps commenting on my body",
    "my boss keeps trying to kiss me",
    "your brother tried to kiss me at the party",
])
def test_an_attempted_kiss_or_comments_on_the_body_are_a_violation(text: str) -> None:
    assert _fit(text) == "violated"
    _check(text)


@pytest.mark.parametrize("text", [
    "grandad passed, mixed feelings tbh",
    "mum passed but honestly i have mixed feelings",
])
def test_passed_with_no_object_is_a_death(text: str) -> None:
    assert reply(text, llm=False).heard.loss != "none"
    _check(text)


@pytest.mark.parametrize("text", ["my mum passed the test", "dad passed his driving test", "my dad passed me the salt"])
def test_passed_with_an_object_is_no_death(text: str) -> None:
    assert reply(text, llm=False).heard.loss == "none"


@pytest.mark.parametrize("text", [
    "the treatment's not doing anything",
    "the drugs aren't helping any more",
    "chemo's stopped working",
    "they've stopped treatment",
    "they said there's nothing more they can do for mum",
])
def test_a_treatment_failing_is_hard_news(text: str) -> None:
    _check(text)


@pytest.mark.parametrize("text", [
    "the baby's not moving as much",
    "my mate's in a coma",
    "the cancer's back",
    "i found a lump",
    "i had another seizure",
    "im in a&e with chest pains",
    "our lass is poorly",
])
def test_serious_health_news_is_met_with_care(text: str) -> None:
    _check(text)


@pytest.mark.parametrize("text", [
    "he checks my phone every night and gets angry if i talk to my friends",
    "she threatened to take the kids again",
])
def test_control_and_threats_are_believed(text: str) -> None:
    assert _fit(text) == "violated"
    said = _said(text)
    assert not said.startswith("Ah,"), said
    _check(text)


@pytest.mark.parametrize("text", ["the scan showed no heartbeat", "the scan showed the tumour has grown"])
def test_a_bad_scan_is_never_good_news(text: str) -> None:
    assert not reply(text, llm=False).heard.good_news
    _check(text)
