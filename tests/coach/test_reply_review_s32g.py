"""A review of today's act-now changes: real fires with someone or something outside, a smoke alarm going off or a
crowd filming are act-now, while a bin alight in the street, a fire already out or a figure of a good night are not;
"can't get it out" is a fire only beside fire or smoke; labour of work or a house move told with a laugh is no
birth; needing to push with no one there, green waters for someone else, an early baby and labour with no way in
are never "grab the bag"; someone known is known with an apostrophe. The messages are written for these tests.
"""

from __future__ import annotations

import pytest

from openup.coach.listen import reply
from openup.coach.typed import as_meant
from openup.coach.urgent import act_now


def _act(message: str) -> str | None:
    return act_now(as_meant(message))


def _said(message: str) -> str:
    return " ".join(s.text for s in reply(message, llm=False).suggestions).lower()


# 1: a fire at home is a fire whoever else is outside, whatever alarm is going off or crowd is filming.
@pytest.mark.parametrize("text", [
    "the sofa is on fire and the dog is outside in the garden",
    "the tumble dryer's on fire, I'm trying to get the baby outside",
    "smoke everywhere, the kids are outside but I'm still upstairs",
    "the smoke alarm is going off and the kitchen is full of smoke",
    "the smoke alarm's going off and there's smoke everywhere, kids are out, I'm still inside",
    "the charger caught fire, the flames are on the curtains, the crowd outside is filming",
    "fire in the hallway, we're trapped in the bedroom",
    # near misses
    "the kids are outside but the sofa is on fire and I'm still inside",
    "the fire brigade are here but my son is still upstairs, the kitchen is on fire",
    "the fire brigade are on their way and the kitchen is full of smoke",
    "there's a car on fire across the road and it's spreading to our house",
])
def test_a_fire_at_home_is_act_now_whoever_is_outside(text: str) -> None:
    assert _act(text) == "fire", text
    assert reply(text, llm=False).situation == "act_fire", text


@pytest.mark.parametrize("text", [
    "the bin's on fire outside in the street, some kids did it",
    "a bin is alight out in the street",
    "there's a car on fire across the road",
    "across the road a car is on fire",
    "the fire brigade are here and it's out",
    "the kitchen caught fire but the fire brigade are here and it's out now",
    "the party was on fire",
    "on fire today, three deals closed",
    "the gig was fire",
    "the flat is on fire tonight, party of the year!!",
    "the party's going off, the dance floor's on fire",
    "smoke alarm going off again lol burnt the toast",
    "the fire in the lounge is so cosy tonight",
])
def test_a_fire_away_over_or_figurative_is_not_act_now(text: str) -> None:
    assert _act(text) is None, text


# 2: "can't get it out" is a fire only with fire or smoke in the message.
@pytest.mark.parametrize("text", [
    'the song goes "goodbye forever" and I can\'t get it out of my head',
    "got a splinter and I can't get it out",
    "the cork broke and I can't get it out",
    "my ring is stuck and I can't get it out",
    "i can't put it out of my mind",
])
def test_cant_get_it_out_with_no_fire_is_no_fire(text: str) -> None:
    assert _act(text) is None, text
    assert "get everyone out" not in _said(text) and "fire service" not in _said(text), text


@pytest.mark.parametrize("text", [
    "the pan is smoking and I can't get it out",
    "there's smoke everywhere and I can't put it out",
])
def test_cant_put_it_out_beside_fire_or_smoke_is_a_fire(text: str) -> None:
    assert _act(text) == "fire", text


# 3: labour of work or a house move told with a laugh is no birth; labour with a pregnancy word still is.
@pytest.mark.parametrize("text", [
    "im in labour lol, moving house all day with no help",
    "i'm in labour lol, my 9 to 5 is killing me",
    "im in labour 😂 jk just moving house",
    "im in labour lol just moving furniture",
])
def test_labour_of_a_busy_day_told_with_a_laugh_is_no_birth(text: str) -> None:
    assert _act(text) is None, text
    assert "bag" not in _said(text) and "maternity" not in _said(text), text


@pytest.mark.parametrize("text", [
    "waters broke lol come home",
    "contractions 5 mins apart lol omg",
    "im in labour lol, contractions every 5 mins",
    "im in labour lol baby's coming",
    "i think ive gone into labour lol",
    "i'm in labour haha omg the midwife says come in",
])
def test_real_labour_told_with_a_laugh_is_still_labour(text: str) -> None:
    assert _act(text) == "labour", text


# 4: a birth warning sign with no "labour" before it, and someone else's baby in trouble.
@pytest.mark.parametrize("text", [
    "i need to push and nobody is here",
    "i need to push and the midwife isn't here",
    "i need to push now, no one is here",
    "i have to push and i'm alone",
])
def test_needing_to_push_with_no_one_there_is_a_birth_now(text: str) -> None:
    assert _act(text) == "birth", text
    got = reply(text, llm=False)
    said = _said(text)
    assert got.situation == "act_birth", text
    assert "bag" not in said and "ambulance" in said, said


def test_someone_elses_waters_green_is_their_baby_in_trouble() -> None:
    text = "my sister's waters just broke and it's green, we're in the car"
    assert _act(text) == "baby_other"
    assert reply(text, llm=False).situation == "act_baby_other"
    assert _act("my sister is in labour and needs to push and nobody is here") == "baby_other"


@pytest.mark.parametrize("text", [
    "i need to push the car, it won't start",
    "i need to push back on my boss",
    "i need to push myself harder at the gym",
    "i need to push through, deadline tomorrow",
    "need to push, then we can deploy tonight",
])
def test_pushing_something_else_is_no_birth(text: str) -> None:
    assert _act(text) is None, text


# 5: an early baby is the maternity unit now; labour with no way in is never "grab the bag".
def test_a_baby_coming_early_is_the_maternity_unit_now() -> None:
    text = "love you. the baby's coming early, i'm scared"
    assert _act(text) == "baby"
    said = _said(text)
    assert "maternity unit" in said and "bag" not in said and "here we go" not in said, said
    assert _act("the baby's coming early morning i think, contractions regular") == "labour"


@pytest.mark.parametrize("text", [
    "i'm in labour and he's drunk and won't drive me",
    "i'm in labour and he won't drive me",
    "i'm in labour and my mum won't drive me, she's had a drink",
    "I'm in labour and he won't let me call anyone",
])
def test_labour_with_no_way_in_is_help_on_the_phone_now(text: str) -> None:
    assert _act(text) == "birth", text
    got = reply(text, llm=False)
    said = _said(text)
    assert got.situation == "act_birth", text
    assert "bag" not in said and "here we go" not in said and "this is it" not in said, said
    assert "ambulance" in said, said


def test_labour_kept_at_a_shift_is_still_labour() -> None:
    assert _act("i'm in labour, boss won't let me leave the shift") == "labour"


# 6: someone known, told with a possessive, is no intruder.
@pytest.mark.parametrize("text", [
    "someone is trying our front door, I think it's the neighbour's kid again",
    "someone is trying our front door, it's the neighbours' kids again",
    "someone's in the house, it's my mum's boyfriend lol",
])
def test_someone_known_with_a_possessive_is_no_intruder(text: str) -> None:
    assert _act(text) is None, text
    assert not reply(text, llm=False).situation.startswith("act_"), text


@pytest.mark.parametrize("text", [
    "someone is trying our front door",
    "someone is trying our front door, I think it's my sister's ex",
    "someone's trying the back door and I'm home alone",
])
def test_someone_unknown_at_the_door_is_still_an_intruder(text: str) -> None:
    assert _act(text) == "intruder", text
