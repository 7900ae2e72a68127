"""Crisis in the words a clinician asks with, and an overdose told by its count, are read by the patterns
alone (so `check`, `reply` and analysis agree whatever the model says); a partner reported to the police is a
sign worth a calm note. Found by a reviewer who wrote hostile and serious messages against a reply change:
each of these got ordinary coaching, one of them "Aw, thank you. You've made my day." Everyday lines built on
the same words pass."""

from __future__ import annotations

import pytest

from openup.coach.listen import reply
from openup.coach.safety import assess
from openup.text import detect


def verdict(text: str) -> tuple[str, bool]:
    safety = assess(text, detect(text, model=False))
    return safety.level, safety.crisis


@pytest.mark.parametrize(
    "text",
    [
        "you're so thoughtful, i don't deserve to live",
        "honestly i dont deserve to be alive",
        "she keeps saying she doesn't deserve to live",
        "i'm worried i can't keep myself safe",
        "not sure i can keep myself safe tonight",
        "i dont think i can keep myself safe",
        "i'm not safe from myself right now",
        "i took 30 paracetamol and it feels kinda nice",
        "swallowed about twenty of my sleeping tablets",
        "had like 40 pills an hour ago",
    ],
)
def test_a_crisis_sign_gets_the_crisis_line_first(text: str) -> None:
    assert verdict(text) == ("danger", True)
    assert not reply(text, llm=False).suggestions  # the safety answer, never coaching


@pytest.mark.parametrize(
    "text",
    [
        "thanks for calling the police on him last night",
        "the neighbours called the cops on him again",
    ],
)
def test_the_police_called_on_a_partner_is_a_sign(text: str) -> None:
    assert verdict(text)[0] != "none"


@pytest.mark.parametrize(
    "text",
    [
        "took 12 tablets over the week for my back",
        "we can't keep ourselves safe from the rain lol",
        "you don't deserve to be treated like that",
        "i don't deserve a partner this kind",
        "took 2 paracetamol for the headache",
        "she called the police about the noise next door",
    ],
)
def test_everyday_lines_on_the_same_words_pass(text: str) -> None:
    assert verdict(text)[0] == "none"


@pytest.mark.parametrize(
    "text",
    [
        "he says hell kill himself if i leave him",
        "my husband says he'll hang himself if i file for divorce",
        "she threatens to kill herself whenever i go out with friends",
    ],
)
def test_a_partners_suicide_threat_held_over_the_writer_is_danger_not_their_crisis(text: str) -> None:
    safety = assess(text, detect(text))
    assert safety.level == "danger" and not safety.crisis
    assert safety.resources and "crisis" not in safety.resources[0].name.casefold()


@pytest.mark.parametrize(
    "text",
    [
        "my friend told me she wants to kill herself",  # someone at risk, with no hold over the writer
        "i'll kill myself if you leave",  # the writer's own threat: they are at risk too
        "he says hell kill himself if i leave. honestly i want to die too",
    ],
)
def test_someone_at_risk_keeps_the_crisis_line(text: str) -> None:
    assert assess(text, detect(text)).crisis
