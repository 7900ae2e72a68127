"""Act now at home: a fire, someone breaking in, labour starting. Each is answered first (get out and call, get
somewhere safe and call the police, "this is it, I'm on my way"), never with a feelings question or a joke; what is
past, someone else's, a figure of speech or a screen is not act-now. The messages are written for these tests, in
several registers.
"""

from __future__ import annotations

import re

import pytest

from openup.coach.listen import reply
from openup.coach.typed import as_meant
from openup.coach.urgent import act_now

_REFLECTING = re.compile(
    r"what's going through your head|on your mind|weighing on you|a lot to take in|must be|that sounds|you sound|"
    r"how are you (?:holding up|doing)|makes sense|how (?:do|does) (?:it|that) feel|tell me everything",
    re.IGNORECASE,
)
_JOKE = re.compile(r"\bha\b|drama of it|could not make this up|couldn't make it up|classic|tragic", re.IGNORECASE)


def _got(message: str) -> tuple[str, str]:
    got = reply(message, llm=False)
    return got.situation, " ".join(s.text for s in got.suggestions)


def _act(message: str) -> str | None:
    return act_now(as_meant(message))


_FIRE = [
    "the pan caught fire and the kitchen is full of smoke",
    "chip pan's on fire help",
    "omg the toaster is on fire",
    "the oven's on fire and i cant put it out",
    "smoke alarm going off and theres flames coming out the oven",
    "flat is filling with smoke, cant see where its coming from",
    "Mate the charger's caught fire on the bed and the room is full of smoke",
    "the tumble dryer is on fire!!",
    "smoke is pouring under the front door from the flat next door",
    "the e-bike battery just went up in flames in the hallway",
    "Oya the gas cooker don catch fire, the kitchen is full of smoke",
    "the living room curtains are on fire",
]


@pytest.mark.parametrize("message", _FIRE)
def test_a_fire_at_home_now_is_get_out_and_call_and_im_coming(message: str) -> None:
    assert _act(message) == "fire", message
    situation, said = _got(message)
    assert situation == "act_fire", (message, situation)
    assert re.search(r"\bget (?:everyone )?out\b", said, re.I) and re.search(r"fire service|emergency services", said)
    assert re.search(r"\bI'm (?:on my way|coming)\b", said), said
    assert not _REFLECTING.search(said) and not _JOKE.search(said), said
    assert not re.search(r"water|blanket|extinguisher|tea towel|lid", said, re.I), said  # no firefighting advice


@pytest.mark.parametrize("message", [
    "burnt the dinner again lol smoke alarm going off, pizza it is",
    "fire drill at work, stood in the car park for 40 mins",
    "watched a film where the whole house was on fire",
    "the gig was fire",
    "this track is fire ngl",
    "my mouth is on fire from that curry",
    "im on fire at work today",
    "the pan caught fire last night but i put it out, all fine",
    "burnt the toast and the kitchen is full of smoke lol",
    "legs are on fire after leg day",
    "what if the chip pan catches fire, it's ancient",
    "we got on like a house on fire at dinner",
    "the room was on fire when they played the encore",
])
def test_a_burnt_dinner_a_drill_a_film_or_a_fire_put_out_is_not_act_now(message: str) -> None:
    assert _act(message) is None, message
    assert not reply(message, llm=False).situation.startswith("act_"), message


_INTRUDER = [
    "someone just broke in downstairs, im upstairs",
    "someones broken in, im hiding in the bathroom",
    "theres someone in the house right now",
    "back door smashed and im home",
    "i can hear someone downstairs and nobody else is home",
    "There's a man in the garden trying the back door and I'm on my own",
    "got home and the front door's been kicked in, they might still be inside",
    "someone is trying to break in!!",
    "think there's an intruder downstairs, what do i do",
    "some bloke is trying the door handle, proper scared",
]


@pytest.mark.parametrize("message", _INTRUDER)
def test_someone_breaking_in_now_is_get_safe_and_call_the_police(message: str) -> None:
    assert _act(message) == "intruder", message
    situation, said = _got(message)
    assert situation == "act_intruder", (message, situation)
    assert "police" in said and re.search(r"\bsafe\b|lock yourself in", said), said
    assert re.search(r"\bI'm (?:on my way|coming)\b", said), said
    assert not _REFLECTING.search(said) and not re.search(r"go and (?:check|see)\b(?! )", said), said


@pytest.mark.parametrize("message", [
    "the break-in last year was awful but the police sorted it",
    "someone broke into my car last night, window smashed, 300 to fix",
    "someone broke into the car overnight and took my gym bag",
    "someone broke into the shed last week and nicked the mower",
    "we got broken into while we were on holiday, police came round",
    "the cat broke in through the flap lol",
    "he broke into song at the wedding",
    "trying to get in touch with the landlord",
    "someone broke into my instagram",
    "she broke into a run when she saw the bus",
    "what if someone breaks in while we're away",
])
def test_a_break_in_past_a_car_an_account_or_a_figure_of_speech_is_not_act_now(message: str) -> None:
    assert _act(message) is None, message
    assert not reply(message, llm=False).situation.startswith("act_"), message


_LABOUR = [
    "waters broke lol come home",
    "contractions 5 min apart",
    "baby's coming",
    "my waters just went!!! come home now",
    "omg i think im in labour",
    "39 weeks and contractions are every 4 minutes",
    "babys coming!! get home",
    "waters have gone, its clear, ringing the midwife, please come home",
    "i think ive gone into labour lol",
    "Contractions are getting closer, 6 mins apart. Where are you?",
    "Abeg come home, my waters don break",
]


@pytest.mark.parametrize("message", _LABOUR)
def test_labour_at_term_is_glad_and_quick_im_on_my_way(message: str) -> None:
    assert _act(message) == "labour", message
    situation, said = _got(message)
    assert situation == "act_labour", (message, situation)
    assert re.search(r"\bI'm (?:on my way|leaving right now|coming|nearly out the door)|I'll be with you", said), said
    assert "maternity unit" in said, said
    assert not _REFLECTING.search(said) and not _JOKE.search(said), said


@pytest.mark.parametrize("message", [
    "when my waters broke with our first we were in tesco",
    "my sister's waters broke!!",
    "my best friend just went into labour!!",
    "her contractions are 5 min apart, shes on the way to hospital",
    "she was born at 3am, waters broke at midnight",
    "braxton hicks again, just practice contractions",
    "flood waters broke the river banks near mums",
    "the labour party won",
    "what if my waters break at work",
    "baby's coming in june!",
    "jess's waters broke at work lol",
])
def test_a_birth_story_someone_elses_labour_or_a_worry_is_not_act_now(message: str) -> None:
    assert _act(message) is None, message
    assert not reply(message, llm=False).situation.startswith("act_"), message


def test_waters_before_37_weeks_stay_a_call_to_the_maternity_unit_now() -> None:
    assert _act("33 weeks and i think my waters just went") == "baby"
    assert _act("waters gone at 38 weeks, here we go") == "labour"


@pytest.mark.parametrize("message", [
    "someone broke into my car last night, window smashed, 300 to fix",
    "someone broke into the car overnight and took my gym bag",
    "car got broken into at the station, glass everywhere",
    "the van was broken into again, third time this year",
])
def test_a_car_broken_into_is_met_as_a_cost_and_a_hassle_to_sort(message: str) -> None:
    situation, said = _got(message)
    assert not situation.startswith("act_"), (message, situation)
    assert re.search(r"pain|hassle|help sort|ring someone", said), said
    assert "police now" not in said and not _JOKE.search(said), said


@pytest.mark.parametrize("message", [
    "jess's waters broke at work lol",
    "when my waters broke with our first we were in tesco lol",
    "my sister's in labour haha finally",
    "the pan caught fire lol, put it out with the lid, dinner ruined",
    "we got burgled while we were away lmao, police came round",
    "mum's contractions were 3 min apart when she had me haha",
])
def test_labour_a_fire_or_a_break_in_told_with_a_laugh_is_never_met_with_a_joke(message: str) -> None:
    _situation, said = _got(message)
    assert not _JOKE.search(said) and "could not make this up" not in said.lower(), (message, said)
