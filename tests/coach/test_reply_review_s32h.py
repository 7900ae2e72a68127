"""A review of the act-now reading after e7d15e2: real labour told with a laugh and a call to come home is labour
(a laugh makes it a figure only beside work, a move, study or "jk"), and "labour" said back stays lower case; a fire
with someone still inside, a fire on the stairs or outside the door, a smoke alarm with burning smelt and a bush or
grass fire coming at the house are fires; labour with bleeding and needing to push now are births with a warning
sign, while "we need to push" on a plan is not; a baby coming before 37 weeks is the maternity unit now, while
"early march" is a date. The messages are written for these tests.
"""

from __future__ import annotations

import pytest

from openup.coach.listen import reply
from openup.coach.typed import as_meant
from openup.coach.urgent import act_now


def _act(message: str) -> str | None:
    return act_now(as_meant(message))


def _said(message: str) -> str:
    return " ".join(s.text for s in reply(message, llm=False).suggestions)


# 1: labour told with a laugh is real beside a call to come; a figure only beside work, a move, study or "jk".
@pytest.mark.parametrize("text", [
    "im in labour lol come home",
    "omg im in labour lol where are u",
    "im in labour lol he's at the pub",
    "im in labour lmao the timing, ur at the footy",
    "in labour haha 😅 get here",
    "in labour! omg! get home!!",
])
def test_labour_with_a_laugh_and_a_call_to_come_is_labour(text: str) -> None:
    assert _act(text) == "labour"
    assert reply(text, llm=False).situation == "act_labour"


@pytest.mark.parametrize("text", [
    "im in labour lol, moving house all day with no help",
    "i'm in labour lol, my 9 to 5 is killing me",
    "im in labour 😂 jk just moving house",
    "Padhai karte karte I'm in labour lol, 3 assignments due",
])
def test_labour_of_a_move_a_job_or_study_told_with_a_laugh_is_a_figure(text: str) -> None:
    assert _act(text) is None
    said = _said(text)
    assert "Labour" not in said  # the word, not the party
    assert "grab the bag" not in said.lower()


# 2: a fire with someone still inside, no way out, or coming at the house.
@pytest.mark.parametrize("text", [
    "the house is on fire, i'm outside, the baby is inside",
    "house on fire!! we're all out but nan is upstairs",
    "im outside, flat's on fire, my dog is in the bedroom",
    "the electric blanket caught fire, i'm out but the dog isn't",
    "the flat's on fire, i'm safe outside but my daughter is still asleep upstairs",
    "fire brigade's here but they can't get to nan, she's upstairs",
    "fire on the stairs, we can't get down",
    "there's a fire outside our door in the corridor and we can't get out",
    "the smoke alarm's going off and i can smell burning upstairs",
    "the bush fire is coming over the hill towards our house",
    "bushfire's jumped the road, embers landing on our roof",
    "grass fire across the road, it's jumped the fence into our yard",
    "our shack is burning, the whole settlement is alight, we're running",
])
def test_a_fire_with_someone_inside_or_coming_at_the_house_is_a_fire(text: str) -> None:
    assert _act(text) == "fire"
    assert reply(text, llm=False).situation == "act_fire"
    assert "lovely" not in _said(text).lower()


# 3: labour with bleeding, and needing to push now, are births with a warning sign.
@pytest.mark.parametrize("text", [
    "in labour and bleeding a lot",
    "feel like i need to push and the ambulance isn't here",
    "I have to push i can't stop it",
    "i need to push NOW",
    "i need to push, where are you",
])
def test_needing_to_push_now_or_bleeding_in_labour_is_a_birth_warning(text: str) -> None:
    assert _act(text) == "birth"
    assert reply(text, llm=False).situation == "act_birth"
    assert "grab the bag" not in _said(text).lower()


@pytest.mark.parametrize("text", [
    "we need to push, we're behind on the baby shower planning",
    "got to push. help me move the sofa",
])
def test_a_push_on_a_plan_or_the_sofa_is_no_birth(text: str) -> None:
    assert _act(text) is None
    assert reply(text, llm=False).situation != "act_birth"


# 4: a baby coming before 37 weeks is the maternity unit now; "early march" is a date.
@pytest.mark.parametrize("text", [
    "the baby's coming early, only 32 weeks, scared",
    "i think the baby's coming, 30 weeks",
    "contractions and i'm only 33 weeks, scared",
])
def test_a_baby_coming_before_37_weeks_is_urgent(text: str) -> None:
    assert _act(text) == "baby"
    assert reply(text, llm=False).situation == "act_baby"
    said = _said(text).lower()
    assert "lovely" not in said and "grab the bag" not in said


def test_a_baby_coming_early_march_is_good_news() -> None:
    text = "baby's coming early march, we're so excited"
    assert _act(text) is None
    assert not reply(text, llm=False).situation.startswith("act_")


@pytest.mark.parametrize(
    "text",
    [
        "fire brigade came to school today, the kids are still in there buzzing",
        "fire service is coming to fit smoke alarms, mum is upstairs",
        "the fire engine is at the school fete, the kids are in there now",
        "bush fire is heading towards the next valley, we're 200km away so fine",
        "in labour ward all night on shift, knackered",
        "in labour and delivery training today",
    ],
)
def test_a_fourth_reviewers_everyday_lines_are_not_act_now(text: str) -> None:
    assert act_now(text) is None, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("house is burning and the baby is inside", "fire"),
        ("flat's burning, my son is still inside", "fire"),
        ("fire brigade's here but they can't get to nan, she's upstairs", "fire"),
    ],
)
def test_a_fourth_reviewers_fires_are_act_now(text: str, kind: str) -> None:
    assert act_now(text) == kind, text
