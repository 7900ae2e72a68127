"""The middle line and the question fit the sort of small hard thing told (coach/sorts.py): a mishap told as a
joke is played along with, a petty injustice gets indignation and a treat, a mishap with a practical cost gets a
question about the cost or an offer of help, and "I don't want to talk about it" is taken at its word. The stock
lines of a grievance are never used for these, and nothing serious is ever met with a joke."""

from __future__ import annotations

import pytest

from openup.coach.listen import reply

# Stock lines that fit a grievance or a worry, not a joke, a petty injustice or a practical mishap.
STOCK = (
    "You shouldn't have to deal with that.",
    "I can see why that got to you.",
    "That's so frustrating. I can see why it got to you.",
    "What's been getting to you most about it?",
    "What's the part that gets to you most?",
    "What would help you unwind tonight?",
    "What would help you switch off for a bit?",
    "What would make the rest of today better?",
    "What's going through your head about it now?",
    "How does it all sit with you?",
    "How's it all sitting with you?",
    "That makes sense. That's a horrible feeling to carry.",
    "It makes sense that it's eating at you.",
    "How are you doing with it now?",
    "How are you holding up after all that?",
    "How are you doing with it all?",
)
# A question about how they feel or what goes round in their head: a probe, not play or practical help.
FEELING_QUESTION = (
    "getting to you", "gets to you", "going through your head", "sit with you", "sitting with you", "unwind",
    "holding up", "doing with it", "switch off", "on your mind", "feel about",
)
HEAVY = ("horrible feeling", "really hard", "so hard", "weighing on you", "worrying", "eating at you", "hurt.")
# What belongs to the joking sort only: never said to grief, illness, fear or a sign of abuse.
JOKING = (
    "Ha, what a saga", "the drama of it all", "My deepest sympathies", "could not make this up",
    "I won't laugh", "brave thing", "what are you like", "fetching and carrying", "lips are sealed",
    "Not one question", "treat to make up for it", "big hug and some sympathy", "kettle on for when",
)


def _lines(text: str) -> tuple[str, str]:
    r = reply(text, llm=False)
    assert len(r.suggestions) >= 2, [s.text for s in r.suggestions]  # the say-back may be left out (it retold it)
    return r.suggestions[-2].text, r.suggestions[-1].text


def _no_stock(middle: str, last: str) -> None:
    assert middle not in STOCK, middle
    assert last not in STOCK, last


JOKES = [
    "the seagull stole my chips right out of my hand. i have a new nemesis",
    "Bus driver shut the doors in my face. Living the dream, honestly.",
    "burnt the toast, the eggs AND my thumb lol. chef of the year",
    "printer jammed 4 times before my presentation lmao the universe hates me",
    "dropped my phone down the loo 😂",
]


@pytest.mark.parametrize("text", JOKES)
def test_a_mishap_told_as_a_joke_is_played_along_with(text: str) -> None:
    middle, last = _lines(text)
    _no_stock(middle, last)
    assert not any(h in middle.lower() for h in HEAVY), middle
    assert not any(q in last.lower() for q in FEELING_QUESTION), last
    assert any(j in middle or j in last for j in JOKING), (middle, last)


SMALL_INJURIES = [
    "sprained my ankle doing the macarena at a wedding 😂",
    "stubbed my little toe on the couch leg lmao i screamed",
]


@pytest.mark.parametrize("text", SMALL_INJURIES)
def test_a_small_injury_told_with_a_laugh_gets_ouch_and_a_kindness(text: str) -> None:
    middle, last = _lines(text)
    _no_stock(middle, last)
    assert "ouch" in middle.lower(), middle
    assert not any(q in last.lower() for q in FEELING_QUESTION), last
    assert any(w in last.lower() for w in ("ice pack", "fetching", "fussing", "hands")), last


PETTY = [
    "Got a $90 parking fine because I was 3 minutes over. THREE.",
    "they charged me a £5 admin fee to cancel a thing i never signed up for",
    "someone ate my yoghurt from the work fridge. i labelled it and everything",
    "Another pointless meeting this morning, an hour of my life I won't get back.",
    "the gym charged me a late fee cos i forgot my card. ive been going there 6 years",
]


@pytest.mark.parametrize("text", PETTY)
def test_a_petty_injustice_gets_indignation_and_a_treat(text: str) -> None:
    middle, last = _lines(text)
    _no_stock(middle, last)
    assert any(w in middle.lower() for w in ("petty", "ridiculous", "not fair", "nerve")), middle
    assert not any(q in last.lower() for q in FEELING_QUESTION), last
    assert any(w in last.lower() for w in ("treat", "dinner", "something nice")), last


PRACTICAL = [
    # (message, words one of which the question or offer must carry: the cost, or the help)
    ("word crashed and i lost the last two hours of my report", ("how much", "recovery", "autosave", "get it back")),
    ("Accidentally deleted the whole folder of uni notes. didn't back it up", ("how much", "recovery", "autosave",
                                                                               "get it back")),
    ("The boiler's packed in again, no hot water.", ("fixable", "sort it", "ring someone")),
    ("cracked my phone screen getting off the train. the whole corner is gone", ("fixable", "sort it",
                                                                                 "ring someone")),
    ("Gig's been cancelled, the singer's lost her voice. Had tickets for months.", ("date", "instead",
                                                                                   "that weekend")),
    ("our camping weekend got rained off. bags were packed and everything", ("date", "instead", "that weekend")),
    ("pulled my hamstring at footy training, can barely walk", ("looked at", "checked", "ice", "look after")),
]


@pytest.mark.parametrize(("text", "help_words"), PRACTICAL)
def test_a_mishap_with_a_practical_cost_gets_a_question_or_help(text: str, help_words: tuple[str, ...]) -> None:
    middle, last = _lines(text)
    _no_stock(middle, last)
    assert not any(h in middle.lower() for h in ("horrible feeling", "weighing on you", "eating at you")), middle
    assert not any(q in last.lower() for q in FEELING_QUESTION), last
    assert any(w in last.lower() for w in help_words), last


NO_TALK = [
    "dropped my phone down the loo. dont ask 😂",
    "Failed my driving test again. I don't want to talk about it.",
    "bit my tongue so hard at dinner. can we not 😂",
]
_ROOM_INVITES = (
    "I'll just listen. Take all the time you need.",
    "You don't have to say any more. I'm here whenever you want.",
    "No need to talk it through. I'm right here if you want company.",
)


@pytest.mark.parametrize("text", NO_TALK)
def test_not_wanting_to_talk_is_taken_at_its_word(text: str) -> None:
    _, last = _lines(text)
    assert last not in _ROOM_INVITES, last
    assert "?" not in last and "take all the time" not in last.lower() and "tell me" not in last.lower(), last


SERIOUS = [
    "my dad's been taken to hospital with chest pains lol i'm freaking out",
    "lmao my therapist says im depressed",
    "grandma passed away this morning 😂 sorry i laugh when im nervous",
    "the biopsy results come back friday lol trying not to think about it",
    "got made redundant today lmao living the dream",
    "he shoved me into the wall last night lol its fine he was drunk",
    "the vet says the dog's kidneys are failing lol i cant",
    "my mum's memory is going, she left the stove on again. dad says everything is fine",
    "i've been crying every night this week haha idk why",
    "someone stole my card details and emptied my account lmao",
]


@pytest.mark.parametrize("text", SERIOUS)
def test_nothing_serious_is_met_with_a_joke_or_a_treat(text: str) -> None:
    r = reply(text, llm=False)
    said = " ".join(s.text for s in r.suggestions)
    assert not any(j in said for j in JOKING), said
    assert "treat" not in said and "something nice waiting" not in said, said
