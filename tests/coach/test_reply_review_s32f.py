"""A review of the act-now answers at home, the tired-of-living and bruise patterns and personal bests: a warning sign
in labour is answered before any gladness; labour, a fire or someone in the house beside a sign of harm is answered
as the harm is; figures of speech and someone known are no emergency; harm told as a best is never cheered; a loss
beside a win is not good news. The messages are written for these tests, in several registers.
"""

from __future__ import annotations

import pytest

from openup.coach.listen import reply
from openup.coach.safety import assess
from openup.coach.typed import as_meant
from openup.coach.urgent import act_now
from openup.text import detect


def _level(text: str) -> str:
    return assess(text, detect(text)).level


def _act(message: str) -> str | None:
    return act_now(as_meant(message))


def _said(message: str) -> str:
    return " ".join(s.text for s in reply(message, llm=False).suggestions)


# S1: a place or a compound after "living" is passed over, never what they are living with or in.
@pytest.mark.parametrize("text", [
    "I'm so tired of living with this pain",
    "I'm tired of living in fear",
    "I'm tired of living in this body",
    "I'm tired of living with myself",
    "I'm so tired of living with depression",
    "I'm tired of living on this earth",
    "I'm so tired of living from one day to the next waiting for it to end",
    "I'm so tired of life in this world",
    "i'm tired of living under his thumb",
    "tired of living with the guilt",
    "tired of living in a world without her",
    "tired of living for other people",
])
def test_tired_of_living_with_or_in_something_flags(text: str) -> None:
    assert _level(text) != "none", text


@pytest.mark.parametrize("text", [
    "tired of living out of a suitcase for this job",
    "tired of living with my parents honestly",
    "so tired of living with flatmates who never clean",
    "tired of living in this flat, the damp is awful",
    "sick of living on noodles till payday",
    "tired of living paycheck to paycheck",
    "i'll never get tired of this life with you",
    "tired of this life admin",
])
def test_tired_of_a_place_or_a_compound_is_no_sign(text: str) -> None:
    assert _level(text) == "none", text


# S2: a figurative bruise is skipped, not a real one beside it.
@pytest.mark.parametrize("text", [
    "pride's bruised, so's my cheek, when he gets angry he doesn't hold back",
    "bruised ego and bruised ribs after he lost his temper",
    "my ego's bruised, and my arm, every time he gets drunk",
])
def test_a_real_bruise_beside_a_figurative_one_flags(text: str) -> None:
    assert _level(text) == "danger", text


@pytest.mark.parametrize("text", [
    "bruised ego after we lost the quiz",
    "my pride's a bit bruised after we lost the match tbh",
])
def test_a_figurative_bruise_alone_passes(text: str) -> None:
    assert _level(text) == "none", text


# S3: a warning sign in labour comes first.
_BIRTH_WARNINGS = [
    "waters broke but it's green and baby's not moving much",
    "contractions every 5 mins and baby hasn't moved since this morning",
    "39 weeks, waters gone, bleeding heavily",
    "waters broke and there's loads of blood",
    "waters went 2 hours ago and I feel faint and I'm bleeding a lot",
    "waters broke, the cord came out first, ambulance on the way",
    "waters broke 20 mins ago, the baby's head is out, I'm alone",
    "contractions every 2 mins and I need to push, no one's here",
    "the baby's coming out feet first and the midwife's panicking",
]


@pytest.mark.parametrize("text", _BIRTH_WARNINGS)
def test_a_warning_sign_in_labour_gets_help_now_not_the_bag(text: str) -> None:
    assert _act(text) == "birth", text
    got = reply(text, llm=False)
    said = " ".join(s.text for s in got.suggestions).lower()
    assert got.situation == "act_birth", text
    assert "bag" not in said and "here we go" not in said and "this is it" not in said, said
    assert "ambulance" in said and "maternity unit" in said and ("on my way" in said or "coming" in said), said


@pytest.mark.parametrize("text", [
    "waters broke lol come home",
    "contractions 5 min apart",
    "baby's coming!",
    "my waters broke at work, on my shift",
])
def test_labour_with_no_warning_sign_is_still_glad(text: str) -> None:
    assert _act(text) == "labour", text


def test_a_birth_told_afterwards_is_not_act_now() -> None:
    assert _act("when my waters broke with our first there was loads of blood") is None


# S4/S5: beside a sign of harm, the glad or outside-only answers step aside.
@pytest.mark.parametrize("text", [
    "I'm in labour and he won't let me call anyone",
    "the baby's coming and I'm scared, he's drunk and took the car keys",
    "the kitchen's full of smoke, he won't let me leave",
])
def test_labour_fire_or_intruder_beside_harm_is_not_answered_as_act_now(text: str) -> None:
    got = reply(text, llm=False)
    assert got.situation not in ("act_labour", "act_fire", "act_intruder"), text
    said = " ".join(s.text for s in got.suggestions).lower()
    assert "grab the bag" not in said and "here we go" not in said, said


def test_labour_fire_and_intruder_alone_keep_their_answers() -> None:
    assert reply("waters broke lol come home", llm=False).situation == "act_labour"
    assert reply("the pan caught fire and the kitchen is full of smoke", llm=False).situation == "act_fire"
    assert reply("someone's broken in downstairs, im hiding upstairs", llm=False).situation == "act_intruder"
    # what they threw on the fire themselves is no sign of harm
    assert reply("the pan caught fire and I threw a wet towel on it but it's still going",
                 llm=False).situation == "act_fire"
    assert reply("someone's broken in downstairs, I'm so scared of them, hiding upstairs",
                 llm=False).situation == "act_intruder"
    assert reply("chip pan's on fire, I threw water on it and now the flames are everywhere",
                 llm=False).situation == "act_fire"


# S8: harm told as a best is never cheered; nor is good news beside what the screen flags.
@pytest.mark.parametrize("text", [
    "new PB: 4 days without eating 💪",
    "lost 10kg in two weeks, new PB lol",
    "deadlifted 180kg, heard something pop in my back and now I can't feel my legs",
    "new PB on the bench, then he said I'm getting too muscly and hid my gym bag",
    "fasted for three days, new PB on the scales",
])
def test_harm_told_as_a_best_is_never_cheered(text: str) -> None:
    got = reply(text, llm=False)
    said = " ".join(s.text for s in got.suggestions).lower()
    assert got.situation != "good_news", text
    for cheer in ("so happy for you", "love this for you", "amazing", "brilliant", "huge", "exciting", "yes!"):
        assert cheer not in said, (text, said)
    assert "ha," not in said and "treat" not in said, said


def test_an_injury_at_the_gym_is_act_now() -> None:
    assert _act("deadlifted 180kg, heard something pop in my back and now I can't feel my legs") == "medical"
    assert _act("leg day was brutal, can't feel my legs after the squats lol") is None


@pytest.mark.parametrize("text", ["PB on deadlift today", "ran my first 10k!", "lost 10kg since january, new PB"])
def test_a_plain_best_is_still_cheered(text: str) -> None:
    assert reply(text, llm=False).situation == "good_news", text


# N5: false emergencies, as families.
@pytest.mark.parametrize("text", [
    "I'm in labour lol (12 hour shift at the warehouse)",
    "labour's kicked off at the plant, whole union's out on strike",
    "the flat is on fire tonight, party of the year!!",
    "the bin's on fire outside, some kids did it, fire brigade is here",
    "the dance floor's on fire, best gig ever",
    "someone's in the house, it's only my mum lol",
    "they're in the house now, the in-laws have arrived 🙄",
    "a guy broke in to the group chat and started spamming",
    "the intruder was a possum lol",
    "the intruder is my teenage son coming home at 3am lol",
    "someone's in the kitchen, turns out it was the cat",
])
def test_a_figure_of_speech_or_someone_known_is_no_emergency(text: str) -> None:
    assert _act(text) is None, text


@pytest.mark.parametrize(("text", "kind"), [
    ("i'm in labour, boss won't let me leave the shift", "labour"),
    ("the bins outside are on fire and it's spreading to the house", "fire"),
    ("the kitchen's on fire at the party, everyone get out", "fire"),
    ("someone's in the house, I think it's my ex", "intruder"),
    ("there's someone in the kitchen, the kids are asleep upstairs", "intruder"),
])
def test_near_misses_stay_act_now(text: str, kind: str) -> None:
    assert _act(text) == kind, text


# N6: a loss beside a win is mixed news, and the loss is said back.
def test_a_loss_beside_a_win_is_not_plain_good_news() -> None:
    got = reply("new pb on the erg. also lost my job lol", llm=False)
    said = " ".join(s.text for s in got.suggestions).lower()
    assert got.situation != "good_news" and not got.heard.good_news
    assert "job" in said, said


# A partner or an ex breaking in, or setting fire to the home or their things: danger.
@pytest.mark.parametrize("text", [
    "my ex is trying to break in, he's kicking the door",
    "he's broken in again, he's in the kitchen, I'm in the bathroom",
    "someone's trying the back door, I'm scared, I think it's him",
    "he poured petrol on the carpet and said he'd light it",
    "he set fire to my clothes in the garden",
    "she tried to set the house alight with the kids inside",
])
def test_a_partner_breaking_in_or_setting_fire_is_danger(text: str) -> None:
    assert _level(text) == "danger", text


@pytest.mark.parametrize("text", [
    "someone broke into my car",
    "the kids set the toaster on fire",
    "he poured petrol on the bonfire",
    "she burnt the toast again",
    "someone's banging on the door, i think it's him, forgot his keys lol",
    "my husband broke in to the conversation to tell a joke",
    "good grief, he's broken in half",
    "he's broken in his new boots at last",
])
def test_a_break_in_or_a_fire_with_no_partner_harm_passes_the_screen(text: str) -> None:
    assert _level(text) == "none", text
