"""The question fits the weight of what was told: a small nuisance moaned about lightly gets a light ask (a moan
shared, a treat), not "What do you want to do about it?"; good news after a scare does not assume a hard week;
a serious grievance keeps its question (`sorts.gripe`, `method/replies.toml`)."""

from __future__ import annotations

import pytest

from openup.coach.listen import reply

_HEAVY_ASKS = ("What do you want to do about it?", "if you could?")


def _ask(text: str) -> str:
    r = reply(text, llm=False, model=False)
    found = [s.text for s in r.suggestions if s.move == "ask"]
    assert found, r.suggestions
    return found[0]


@pytest.mark.parametrize("text", [
    "new guy at work keeps microwaving fish at lunch. whole floor smells like a harbour 😭",
    "neighbors have been drilling since 7am i am going to lose my mind",
    "why do i always get stuck w the closing shift smh",
    "Rego, insurance and the car service all due the same week. Of course they are.",
    "Oh brilliant, the council have dug up the road outside again. Third time this year. Can't even get the bins out.",
])
def test_a_light_gripe_gets_a_light_ask(text: str) -> None:
    ask = _ask(text)
    assert not any(h in ask for h in _HEAVY_ASKS), ask


@pytest.mark.parametrize("text", [
    "my boss took credit for my slides AGAIN in the meeting today",
    "they want me to train my replacement. like thats not insulting at all",
    "got passed over for the promo again. they gave it to the guy who started 6 months ago",
    "Oga has not paid salary for two months now and he's still expecting us to resume by 7am. This country sha.",
    "tax bill came in and its way more than i thought 😭",
    "Reckon I'm done with this job mate. Can't keep doing the early starts.",
])
def test_a_serious_grievance_keeps_its_ask(text: str) -> None:
    ask = _ask(text)
    assert "moan" not in ask and "snacks" not in ask and "treat" not in ask, ask


@pytest.mark.parametrize("text", [
    "scan was clear 🙏🙏 no evidence of disease",
    "dad got the all clear!!!!!!!! 🙏🙏🙏",
    "blood results came back normal!!! all that worrying for nothing lmao",
])
def test_relief_does_not_assume_a_hard_week(text: str) -> None:
    assert "What a week" not in _ask(text)


def _lines(text: str) -> list[str]:
    return [s.text for s in reply(text, llm=False).suggestions]


def test_the_middle_line_does_not_react_twice_to_a_moan_that_goes_on() -> None:
    lines = _lines("Line manager's only gone and put me on the rota for Boxing Day again. Third year running.")
    # the say-back is its detail now ("Again?"): the middle line reacts once; after a say-back that reacts, it says
    # why the feeling fits instead ("Anyone would be fed up with that, love.")
    reacts = any(w in lines[0].lower() for w in ("ugh", "rough", "rubbish", "sorry", "not on"))
    assert ("fed up" in lines[1]) if reacts else len(lines) == 3 and "?" in lines[0], lines


@pytest.mark.parametrize("text", [
    "i binged and purged again",
    "aunt deb made a comment abt my weight in front of everyone at lunch",
])
def test_the_middle_line_is_kept_where_a_reason_would_not_fit(text: str) -> None:
    middle = _lines(text)[1]
    assert "fed up" not in middle and "kind to yourself" not in middle, middle
