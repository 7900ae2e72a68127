"""Replies that fit the kind of message: something urgent happening now is answered first (get help, are you safe,
I'm coming), a pregnancy lost is met as a loss, "me test" is said back as "your test", and a small everyday choice
or an okay day is met lightly. The messages are written for these tests.
"""

from __future__ import annotations

import re

import pytest

from openup.coach.listen import reply
from openup.coach.perspective import to_second_person
from openup.coach.urgent import act_now, baby_lost

# What a reply to something urgent must not do: reflect feelings, sympathise instead of acting, or ask what goes
# through their head.
_REFLECTING = re.compile(
    r"what's going through your head|on your mind|weighing on you|a lot to take in|so worrying|must be|"
    r"that sounds|you sound|how are you holding up|makes sense",
    re.IGNORECASE,
)


def _said(message: str) -> str:
    got = reply(message, llm=False)
    return " ".join(s.text for s in got.suggestions)


@pytest.mark.parametrize("message", [
    "32 weeks and baby hasnt moved much since this morning",
    "the baby's not moving as much today",
    "havent felt the baby kick all day and im 35 weeks",
    "bubs has been really quiet today, usually wriggling like mad by now",
    "reduced movements since last night, 38 wks",
])
def test_fewer_baby_movements_are_met_with_call_the_maternity_unit_now(message: str) -> None:
    said = _said(message)
    assert re.search(r"\b(?:maternity unit|midwife)\b", said) and re.search(r"\b(?:now|right now)\b", said), said
    assert re.search(r"\bcome with you\b|\bcoming with you\b", said), said
    assert not _REFLECTING.search(said) and "sorry" not in said.lower(), said
    assert " since?" not in said and "since." not in said, said  # never a dangling "since"


def test_bleeding_in_pregnancy_now_is_a_call_to_the_maternity_unit() -> None:
    for message in ("I'm bleeding and 10 weeks", "pregnant and spotting, is that normal"):
        said = _said(message)
        assert "maternity unit" in said and not _REFLECTING.search(said), (message, said)


@pytest.mark.parametrize("message", [
    "I've got chest pains and my left arm feels weird",
    "chest feels really tight and I can't catch my breath",
    "think im having an allergic reaction, my lips are swelling",
    "mums face has gone droopy and she cant lift her arm",
    "I think I'm having a stroke",
    "dads face is drooping and hes slurring his words",
])
def test_a_medical_emergency_now_is_met_with_get_help_now_and_im_coming(message: str) -> None:
    said = _said(message)
    assert "ambulance" in said and re.search(r"\b(?:now|right now|straight away)\b", said), said
    assert re.search(r"\bI'm (?:on my way|coming)\b", said), said
    assert not _REFLECTING.search(said), said


def test_a_knock_to_the_head_with_a_warning_sign_is_act_now_but_a_bump_alone_is_not() -> None:
    assert act_now("banged my head on the cupboard and now im dizzy and feel sick") == "medical"
    assert act_now("hit my head getting out of the car and my vision's gone blurry") == "medical"
    assert act_now("banged my head on the cupboard door, ouch") is None


@pytest.mark.parametrize("message", [
    "broken down on the M6 and it's dark",
    "car's broken down on the motorway and it's pitch black",
    "ive broken down on the hard shoulder of the m4",
    "locked out and it's 1am",
    "lost my phone and missed the last train, on a strangers phone",
    "im stranded at the station and its midnight",
    "van just cut out on the dual carriageway, hazards on",
    "waiting for the recovery truck on the A road, its freezing",
])
def test_stranded_now_is_met_with_are_you_safe_and_ill_come_and_get_you(message: str) -> None:
    got = reply(message, llm=False)
    said = " ".join(s.text for s in got.suggestions)
    assert re.search(r"\bsafe\b", said) and re.search(r"\bwhere you are\b|\bwhere are you\b", said, re.I), said
    assert re.search(r"\b(?:come and get you|coming to get you)\b", said), said
    assert not _REFLECTING.search(said), said
    assert got.situation == "act_stranded"


@pytest.mark.parametrize("message", [
    "my car broke down last week, cost 600 to fix",
    "my car broke down on the way to work this morning so i was late",
    "got locked out last night but my neighbour had a key",
    "chest pains from laughing so hard lol",
    "i literally can't breathe this is so funny",
    "had chest pains yesterday but doc says its just a pulled muscle",
    "i cant breathe through my nose with this cold",
    "what if the baby stops moving",
    "baby hasnt stopped kicking all day lol",
    "had reduced movements last week but they monitored me and all was fine",
    "got locked out of my instagram again",
    "i always get locked out lol",
    "collapsed on the sofa after work, so done",
    "i nearly had a heart attack when i saw the bill",
    "this meeting is giving me chest pains",
    "my nephew's allergic reaction to the cat was awful at christmas",
    "mum had a stroke in 2019 and still struggles with her words",
    "i'm stranded in meetings all afternoon",
    "the baby isn't kicking as much but the midwife said that's normal at this stage",
    "baby's quiet today, he's napping loads",
])
def test_what_is_past_a_worry_or_a_joke_is_not_act_now(message: str) -> None:
    assert act_now(message) is None, message
    got = reply(message, llm=False)
    assert not got.situation.startswith("act_"), (message, got.situation)


def test_cant_breathe_is_get_help_now_but_a_panic_attack_keeps_its_own_calm_answer() -> None:
    assert "ambulance" in _said("i can't breathe properly and my throat feels like it's closing")
    said = _said("im having a panic attack and cant breathe")
    assert "Breathe with me" in said and "ambulance" not in said, said


@pytest.mark.parametrize("message", [
    "they couldn't find a heartbeat at the scan",
    "scan today. no heartbeat",
    "we lost the baby",
    "the sonographer said there's no heartbeat",
    "i'm miscarrying",
])
def test_a_pregnancy_lost_is_met_with_sorrow_and_presence(message: str) -> None:
    said = _said(message)
    assert "sorry" in said.lower(), said
    assert re.search(r"\bI'm (?:coming to you|on my way to you|here)\b", said), said
    assert "?" not in said and not _REFLECTING.search(said), said


def test_a_heartbeat_found_or_a_loss_long_past_is_not_met_as_news_of_a_loss_now() -> None:
    assert not baby_lost("couldnt find the heartbeat at first but then found it phew")
    assert not baby_lost("heard the heartbeat today!!")
    assert not baby_lost("it would have been our due date today, we lost the baby last year")


def test_me_before_a_thing_of_their_own_is_your_and_me_as_an_object_stays_you() -> None:
    owned = [("passed me test!!", "passed your test!!"), ("lost me keys again", "lost your keys again"),
             ("broke me phone on the bus", "broke your phone on the bus"),
             ("banged me head on the shelf", "banged your head on the shelf"),
             ("failed me driving test", "failed your driving test"),
             ("took me car in for its service", "took your car in for its service")]
    for said, back in owned:
        assert to_second_person(said) == back, said
    objects = [("he gave me money", "he gave you money"), ("she told me the news", "she told you the news"),
               ("pass me the salt", "pass you the salt"), ("he told me dad was there", "he told you dad was there"),
               ("let me phone you later", "let you phone")]
    for said, back in objects:
        assert to_second_person(said).startswith(back), said


def test_passed_me_test_is_celebrated_as_your_test() -> None:
    said = _said("passed me test!!")
    assert "you test" not in said.lower() and "your test" in said.lower(), said


@pytest.mark.parametrize("message", [
    "struggling to choose a paint colour for the hall",
    "cant decide what to cook tonight",
    "idk which shoes to wear saturday, the green or the black",
    "stuck on a gift idea for my mums birthday, no idea what to get",
    "should i get the grey sofa or the blue one",
])
def test_a_small_everyday_choice_is_met_lightly_with_an_offer_to_help_pick(message: str) -> None:
    got = reply(message, llm=False)
    said = " ".join(s.text for s in got.suggestions)
    assert got.situation == "small_choice", (message, got.situation)
    assert not re.search(r"oh no|sorry|weighing on you|going through your head|hard|tough", said, re.I), said
    assert re.search(r"\b(?:help you pick|my vote|second opinion|tie-breaker)\b", said), said


def test_a_big_choice_or_one_told_in_distress_is_not_a_small_choice() -> None:
    assert reply("torn between two paint colours and its driving me mad", llm=False).situation == "small_choice"
    for message in ("can't decide whether to take the job offer", "so overwhelmed i cant even decide what to eat",
                    "what should i cook for your parents on sunday, im so nervous"):
        assert reply(message, llm=False).situation != "small_choice", message


@pytest.mark.parametrize("message", ["hi there my day was ok", "my day was ok", "work was alright thanks",
                                     "day was not bad actually"])
def test_an_okay_day_is_met_lightly_in_its_own_measure(message: str) -> None:
    got = reply(message, llm=False)
    said = " ".join(s.text for s in got.suggestions)
    assert got.brief is not None and got.brief.kind == "ok_day", (message, got.brief)
    assert not re.search(r"love hearing|means a lot|no pressure|so lovely|amazing", said, re.I), said


def test_an_okay_day_played_down_stays_guarded() -> None:
    assert reply("my day was ok", llm=False).brief.kind == "ok_day"  # type: ignore[union-attr]
    got = reply("school was fine i guess", llm=False)
    assert got.brief is not None and got.brief.kind == "guarded"


# Review of the act-now reading: what it missed and where it misfired. Messages of our own first, then the
# review's own cases as regressions.
_STROKE_PASSED = [
    "weird one, my right arm went all heavy and my speech came out funny for a few minutes but i'm ok now",
    "half my face felt numb earlier and my words were coming out wrong, seems fine now tho, going to lie down",
    "I just had the weirdest thing, my whole left side went numb for like 10 mins and my words came out wrong but "
    "I'm fine now, gonna have a nap",
]


@pytest.mark.parametrize("message", _STROKE_PASSED)
def test_signs_of_a_stroke_that_have_passed_still_mean_get_checked_now(message: str) -> None:
    assert act_now(message) == "passed", message
    got = reply(message, llm=False)
    said = " ".join(s.text for s in got.suggestions)
    assert got.situation == "act_passed", (message, got.situation)
    assert re.search(r"ambulance|emergency services|urgent medical line", said) and re.search(r"\bnow\b", said), said
    assert "come back" in said and not re.search(r"wonderful|glad for you|good news|love that", said, re.I), said


@pytest.mark.parametrize("message", [
    "mum's mouth is drooping on one side lol she says she's just tired",
    "my face went all droopy in the mirror, probably just tired lol",
])
def test_a_stroke_sign_told_with_a_laugh_is_still_get_help_now(message: str) -> None:
    assert act_now(message) == "medical", message
    said = _said(message)
    assert "ambulance" in said and not re.search(r"\bha\b|could not make this up", said, re.I), said


@pytest.mark.parametrize("message", [
    "i'm literally having a stroke reading this email",
    "can't breathe lol this video",
    "I can't feel my face when I'm with you, and I love it",
    "my throat is swollen from tonsillitis, can barely swallow, GP tomorrow",
    "got a chesty cough and my throat's swollen, doctor's appointment booked for friday",
    "remember when we broke down on the M6 at 3am and you came and got me? love you for that",
    "remember that night the car died on the A1 and we sang in the dark till the AA came",
    "I'm 20 weeks and haven't felt any movement yet, is that normal? first baby",
    "18 weeks and not felt the baby kick yet, my friend felt hers already",
    "car won't start, stuck in the Tesco car park, it's only 6 and it's bright, can you pick me up after work?",
])
def test_a_figure_of_speech_a_fond_memory_a_mild_illness_or_early_movements_are_not_act_now(message: str) -> None:
    assert act_now(message) is None, message
    assert not reply(message, llm=False).situation.startswith("act_"), message


@pytest.mark.parametrize("message", [
    "locked out at 1am, phone's dead, sitting on the doorstep",
    "got locked out at 2am after the club, phone's dead, sitting on the step outside",
    "lost me keys and me phone's dead, it's half 1 and I'm outside the flat freezing",
    "van's just conked out on the M62 and it's pitch black",
    "car's just died on the N4 near Mullingar, it's lashing and dark, hazards on",
    "my tyre blew on the N1 outside Joburg and it's 11pm, scared to get out the car",
    "engine cut out on the I-95, it's dark and I'm on my own",
    "ran out of petrol on the N7, in the middle of nowhere, freezing",
    "ran out of diesel somewhere in the middle of nowhere and it's dark",
    "sat on the hard shoulder with the hazards on, the car just stopped",
    "my phone battery died and me car won't start, in a car park in Finglas at midnight, no one around",
    "car won't start and I'm in a multi storey car park at 11pm on my own",
    "lost my phone in town, using a strangers phone, no idea how to get home, it's dark",
    "so today was mad, the car started making this noise and then just stopped on the Third Mainland Bridge and it's "
    "dark now and area boys are looking at the car, I'm scared to come out",
    "the car just stopped dead on the Severn Bridge, lorries flying past",
])
def test_stranded_on_any_road_or_with_a_dead_phone_is_act_now(message: str) -> None:
    assert act_now(message) == "stranded", message
    said = _said(message)
    assert re.search(r"\bsafe\b", said) and re.search(r"\b(?:come and get you|coming to get you)\b", said), said


@pytest.mark.parametrize("message", [
    "my waters have broken and I'm only 30 weeks",
    "33 weeks and i think my waters just went",
    "36 weeks and having contractions every 5 mins, is this it??",
    "34 wks and contractions are coming regular now",
    "baby's been super still today, 38 weeks. midwife said to ring if that happens but I don't want to bother them",
    "34 weeks, little one has been so quiet today, the midwife said to call if that happens but it's late",
    "couldn't find a heartbeat on the doppler at home, 14 weeks, scan isn't till Tuesday",
])
def test_a_pregnancy_worry_now_is_a_call_now_and_a_midwifes_advice_to_ring_is_no_check(message: str) -> None:
    assert act_now(message) == "baby", message
    assert not baby_lost(message), message
    said = _said(message)
    assert re.search(r"\b(?:maternity unit|midwife)\b", said) and re.search(r"\bnow\b", said), said
    assert "sorry" not in said.lower() and not _REFLECTING.search(said), said


@pytest.mark.parametrize("message", [
    "I think I'm having a miscarriage, lots of blood and pain, at home alone",
    "think im miscarrying, the cramps are awful and it's heavy",
])
def test_a_miscarriage_with_heavy_bleeding_or_pain_is_get_help_now_and_be_there(message: str) -> None:
    assert act_now(message) == "losing" and not baby_lost(message), message
    got = reply(message, llm=False)
    said = " ".join(s.text for s in got.suggestions)
    assert got.situation == "act_losing", got.situation
    assert re.search(r"ambulance|urgent medical line|early pregnancy unit", said) and re.search(r"\bnow\b", said), said
    assert re.search(r"\bI'm (?:coming to you|on my way)", said), said


@pytest.mark.parametrize("message", [
    "I'm bleeding after the birth still, it's soaked through everything and I feel faint",
    "since giving birth the bleeding is so heavy, passing big clots",
])
def test_heavy_bleeding_after_the_birth_is_get_help_now(message: str) -> None:
    assert act_now(message) == "medical", message
    assert "ambulance" in _said(message)


@pytest.mark.parametrize("message", [
    "I've locked the keys in the car at the school gates, the baby's inside and it's boiling",
    "toddler's locked in the car and the keys are inside, it's so hot out",
])
def test_a_child_in_a_hot_car_is_ring_emergency_services_now(message: str) -> None:
    assert act_now(message) == "trapped", message
    got = reply(message, llm=False)
    said = " ".join(s.text for s in got.suggestions)
    assert got.situation == "act_trapped" and re.search(r"emergency services", said), said
    assert not _REFLECTING.search(said), said


@pytest.mark.parametrize("message", [
    "my sister's 32 weeks and says baby hasn't moved much today, she doesn't want to make a fuss",
    "my best friend is 30 weeks and the baby's been really quiet all day, she's panicking",
])
def test_someone_elses_pregnancy_worry_is_they_should_call_and_i_help_you_help_them(message: str) -> None:
    assert act_now(message) == "baby_other", message
    said = _said(message)
    assert "maternity unit" in said and not re.search(r"\bcome with you\b|\bcoming with you\b", said), said
    assert re.search(r"\bhelp them\b|\bbe with them\b", said), said


def test_me_before_a_person_or_day_of_theirs_after_telling_or_ringing_is_your() -> None:
    owned = [("told me da about us", "told your da about us"),
             ("you told me da about us", "I told your da about us"),
             ("the boss rang me on me day off", "the boss rang you on your day off"),
             ("me boss rang me on me day off", "your boss rang you on your day off"),
             ("texted me mam instead of me", "texted your mam instead of you"),
             ("asked me boss for the day off", "asked your boss for the day off"),
             ("rang me nan for her birthday", "rang your nan for her birthday"),
             ("showed me brother the photos", "showed your brother the photos")]
    for said, back in owned:
        assert to_second_person(said) == back, said
    for said, back in [("she told me the news", "she told you the news"), ("he gave me money", "he gave you money"),
                       ("he told me dad was there", "he told you dad was there"),
                       ("she asked me mum's number", "she asked you mum's number")]:
        assert to_second_person(said) == back, said


def test_a_child_in_a_car_on_a_hot_day_but_not_locked_in_is_not_act_now() -> None:
    assert act_now("kids are in the car, it's so hot and the AC broke, road trip hell") is None
    assert act_now("baby's asleep in the car, it's so hot today") is None


def test_no_country_number_is_named_in_any_reply_wording() -> None:
    # the user may be anywhere: help numbers come from resources.toml by country, never from reply wording
    from openup.method import read_data

    text = repr(read_data("replies.toml"))
    assert not re.search(r"\b(?:999|111|911|112|000|119)\b", text)


@pytest.mark.parametrize("text", [
    "omg the little one swallowed a button battery",
    "my son just drank some bleach from under the sink",
    "toddler ate one of the dishwasher pods",
    "my daughter swallowed some of my tablets",
    "baby is really hot and has gone floppy, won't feed",
])
def test_a_child_in_danger_now_gets_call_an_ambulance(text: str) -> None:
    got = reply(text, llm=False)
    said = " ".join(s.text for s in got.suggestions)
    assert got.situation.startswith("act_") and "ambulance" in said, (got.situation, said)


@pytest.mark.parametrize("text", [
    "the baby ate a bit of banana and loved it",
    "the kid is so floppy when he's tired lol",
])
def test_a_child_eating_or_tired_is_not_an_emergency(text: str) -> None:
    assert not reply(text, llm=False).situation.startswith("act_")


@pytest.mark.parametrize("message", [
    "dad collapsed at work and they're taking him in",
    "the man next to me on the train just collapsed",
    "i was carrying the shopping when i collapsed",
    "the heat got to mum and she collapsed in the garden",
    "collapsed at the gym, feel awful",
    "my sister's friend collapsed at the party",
    "the old lady in front of me collapsed",
    "jake collapsed at training",
    "she passed out in the queue",
    "my 3yo collapsed and wont wake up properly",
    "my mother-in-law collapsed in the kitchen",
    "my lung collapsed again",
    "the bus driver collapsed at the wheel",
    "the ceiling collapsed on my dad",
    "one of the players collapsed on the pitch",
])
def test_a_person_collapsing_is_get_help_now(message: str) -> None:
    assert act_now(message) == "medical", message


@pytest.mark.parametrize("message", [
    "the cake i made for amaras party collapsed in the car",
    "the cake my mum made collapsed in the oven",
    "my son's lego tower collapsed",
    "the tent collapsed in the storm last night",
    "our ceiling collapsed in the bathroom",
    "the deal collapsed so no bonus this year",
    "my souffle collapsed the second it came out of the oven",
])
def test_a_thing_collapsing_is_not_an_emergency(message: str) -> None:
    """A cake, a tent or a deal that collapsed needs no ambulance. Anything else that collapsed is taken for someone
    (safety first), and so is a thing that fell on someone ("the ceiling collapsed on my dad")."""
    assert act_now(message) is None, message
    assert "ambulance" not in _said(message), message
