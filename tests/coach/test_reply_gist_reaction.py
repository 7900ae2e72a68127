"""Issue #18: a say-back that would repeat the message nearly word for word is answered by a short reaction to its
gist (`coach/gistreact.py`), of the kind the message is; a message the copy does not swamp keeps its say-back."""

from __future__ import annotations

import re

import pytest
from reply_helpers import composed

from openup.coach.gistreact import REACTIONS, parrots
from openup.coach.listen import reply


def _said(message: str) -> dict[str, str]:
    return composed(message)


@pytest.mark.parametrize(
    ("message", "reaction"),
    [
        ("new manager keeps micromanaging every single email i send", "again?"),
        ("they hired someone ABOVE me whos been there 3 months", "not on"),
        ("finally paid off the last of my student loans 🎉🎉🎉", "look at you"),
        ("doc said the lump is benign", "best news"),
        ("I've been having headaches every afternoon this week.", "one of those weeks"),
    ],
)
def test_a_parroting_say_back_becomes_a_gist_reaction(message: str, reaction: str) -> None:
    said = _said(message)
    assert reaction in said["reflect"].lower(), said
    assert not parrots(said["reflect"], message), said


@pytest.mark.parametrize(
    "message",
    [
        "the washing machine flooded the kitchen 🙃",  # no one's doing: not "that's not on"
        "Found an old voicemail from my dad today. I listened to it six times.",  # tender, not a rotten day
        "rent's going up by 150 from march. love that for us",  # ours, and wry
    ],
)
def test_no_reaction_of_the_wrong_kind(message: str) -> None:
    text = _said(message)["reflect"].lower()
    assert "not on" not in text and "look at you" not in text and "one of those" not in text, text


def test_not_knowing_why_is_no_decision() -> None:
    said = _said("Not sure what's up, I've just been super unmotivated all week")
    assert "leaning" not in said["ask"] and "tricky one" not in said.get("validate", ""), said


def test_not_knowing_why_is_never_said_back() -> None:
    """The not-knowing that opens the message is no event: never "Your not sure what's up?"."""
    said = _said("Not sure what's up, I've just been super unmotivated all week. Like running on empty.")
    assert "not sure" not in said["reflect"].lower(), said


def test_relief_is_not_thanked_twice() -> None:
    texts = [s.text.lower() for s in reply("dad got the all clear!!!!!!!! 🙏🙏🙏", llm=False).suggestions]
    assert sum("thank" in t for t in texts) <= 1, texts


def test_despite_is_not_again() -> None:
    """'they still sent me home' is despite all that, not something that keeps happening."""
    said = _said("Clinic queue was out the door, sat there from six and they still sent me home to come back tomorrow.")
    assert "still?" not in said["reflect"].lower() and "again?" not in said["reflect"].lower(), said


@pytest.mark.parametrize(
    ("message", "reaction"),
    [
        ("saw on insta that jess and the girls went to brunch without me lol cool", "without you?"),
        ("everyone at work got invited to lunch except me. probably nothing but it stung", "everyone but you?"),
        ("nobody at work even noticed it was my bday", "not one person?"),
        ("My oldest friend didn't come to my birthday. She didn't even text.", "really"),
        ("got told in front of everyone that my report was sloppy. wanted the floor to swallow me whole",
         "in front of everyone?"),
        ("lol my boss scheduled a 'quick sync' for 4:55 on a friday. love that for me", "classic"),
        ("mum said shes finally retiring at christmas!! she sounded so happy on the phone", "for her!"),
        ("someone paid for my coffee in the drive thru today 🥹", "sweet"),
        ("My dad finally said he was proud of me.", "oh, love."),
        ("got an A on the stats final i studied sooo hard for that", "look at you"),
        ("My paper got rejected from the conference in Singapore. Reviewer 2 said 'lacks novelty'. Six months of "
         "work, yaar", "sorry"),
    ],
)
def test_more_kinds_get_a_gist_reaction(message: str, reaction: str) -> None:
    said = _said(message)
    assert reaction in said["reflect"].lower(), said
    assert not parrots(said["reflect"], message), said


@pytest.mark.parametrize(
    "message",
    ["not to brag but i fixed the sink myself and it only took 4 youtube videos",
     "i think i actually aced the interview?? they were laughing at my jokes and everything",
     "The young fella got picked for the county minors! Over the moon so I am"],
)
def test_a_gist_reaction_that_only_cheers_is_left_out_after_a_cheer(message: str) -> None:
    """("Of course you did!", "Oh, I love that for him!" after "I love this for you!": stop-40 dev raters failed the
    second cheer as repeating the first, `listen._cheered_twice`.) The retelling is still not shown."""
    said = _said(message)
    assert "celebrate" in said, said
    assert "reflect" not in said, said


@pytest.mark.parametrize(
    ("message", "wrong"),
    [
        ("Work was rough. The deadline got moved up by a week and nobody asked us.", "stings"),  # no one left out
        ("my sister told me I was being dramatic about the wedding seating, she said nobody cares where Auntie Rukmini "
         "sits except me", "everyone but you"),  # no outing she was left out of
        ("My dad finally said he was proud of me.", "for him"),  # his words to them, not his good news
        ("Mum said she's finally booked the flights to come and see us for Christmas!", "for her"),  # ours too
        ("ran into priya at the station after like 6 years and we talked for an hour lol", "of course you did"),
        ("i think im finally getting better. like actually. first day in weeks i felt normal", "not one bit surprised"),
        ("Grand day at work. Only got shouted at twice. Living the dream.", "classic"),  # shouted at: no joke
        ("the washing machine flooded the kitchen 🙃", "classic"),
        ("mum's contractions were 3 min apart when she had me haha", "classic"),
        ("been 2 weeks and this cough still wont go awayyy", "up the wall"),  # a body, not a grind
        ("My ouma keeps asking when I'm coming home to visit.", "up the wall"),
        ("the neighbours dog has been barking since 6am i am losing it", "not on"),  # a dog's doing
        ("My younger brother just gained admission into university. Everybody is rejoicing but I am the one paying "
         "his fees", "for him"),  # half of it
        ("Our neighbour said she's been complaining to the council about our dog barking. She's never once mentioned "
         "it to us.", "again?"),  # never is not again
    ],
)
def test_no_new_reaction_where_it_fits_only_part(message: str, wrong: str) -> None:
    said = _said(message)
    assert wrong not in said["reflect"].lower(), said


@pytest.mark.parametrize("message", ["Feckin' car failed the NCT again", "Sho, the power's been out since this morning",
                                     "Eish the taxi driver overcharged me again"])
def test_an_exclamation_is_never_said_back_as_a_name(message: str) -> None:
    text = " ".join(_said(message).values())
    assert not any(w in text for w in ("Feckin", "Sho", "Eish")), text


def test_no_still_wording() -> None:
    assert not any("still?" in w.lower() for ws in REACTIONS.values() for w in ws)
    assert not any(w.startswith("Phew") for w in _said("the lady at the pharmacy remembered my name 🥺").values())


@pytest.mark.parametrize(
    ("message", "reaction"),
    [
        ("kai said my painting was the best thing hed seen all year and i havent stopped smiling", "look at you"),
        ("MY POEM GOT PICKED for the bus stop poetry thing. its gonna be on a bus shelter on cowley road 😭", "huge"),
        ("The new medication seems to be working. I slept seven hours last night.", "best news"),
        ("back is killing me cant even sit at my desk", "painful"),
        ("soooo tired of being the only one who ever plans anything w the group. like does anyone else have hands",
         "land on you"),
        ("car broke down again and the mechanic quoted me 1800. i literally dont have that", "love"),
        ("Trains are cancelled again. Stood on a freezing platform for forty minutes for nothing.", "the worst"),
        ("maya cancelled on me for the 4th time. im starting to think she just doesnt want to hang out", "stings"),
    ],
)
def test_more_kinds_of_parroting_say_back_become_a_reaction(message: str, reaction: str) -> None:
    said = _said(message)
    assert reaction in said["reflect"].lower(), said
    assert not parrots(said["reflect"], message), said


@pytest.mark.parametrize(
    "message",
    [
        "The careers adviser told me that at 52 I should 'be realistic' about retraining as a nurse. I asked what "
        "realistic meant and she just handed me a leaflet.",
        "The landlord said we've got till the end of June and then he's selling. He said it like he was doing us a "
        "favour.",
    ],
)
def test_talked_down_to_is_never_glad_news(message: str) -> None:
    coaching = reply(message, llm=False)
    texts = " ".join(s.text for s in coaching.suggestions).lower()
    assert coaching.heard.valence == "negative" and not coaching.heard.good_news, coaching.heard
    assert "patronising" in texts and "lovely" not in texts and "love that for you" not in texts, texts


@pytest.mark.parametrize(
    "message",
    [
        "the plumber flooded the kitchen floor",  # someone's doing, said back as it is
        "none of the meds are working",  # no relief
        "bank charged me 35 for going 2 quid overdrawn. 2 QUID",  # no great sum to find: an injustice
        "ok i booked us a weekend away for our anniversary. no questions. just pack",  # theirs to us, not a win
    ],
)
def test_no_new_reaction_where_it_does_not_fit(message: str) -> None:
    text = _said(message)["reflect"].lower()
    for kind in ("mishap", "relief", "money_blow", "opened"):
        assert all(w.lower() not in text for w in REACTIONS[kind]), text


def test_a_word_dropped_before_a_vowel_leaves_no_stray_a() -> None:
    text = _said("lol the barber said i have a very interesting head shape. thanks mate")["reflect"]
    assert " a interesting" not in text, text


def test_a_kin_possessive_opening_the_message_is_said_back_as_yours() -> None:
    text = _said("Cousin's engagement is next week and everyone keeps asking when is my turn. Cannot handle yaar")
    assert "your cousin's engagement" in text["reflect"].lower(), text


def test_a_reaction_does_not_echo_the_line_beside_it() -> None:
    """Not "Yes! I'm so happy for you." then "Yes!! That's brilliant!", nor "That's huge!" twice."""
    from openup.coach.gistreact import REACTIONS, reaction

    for kind, options in REACTIONS.items():
        for seed in range(len(options)):
            for taken in (["Yes! I'm so happy for you."], ["No wonder you're excited. That's huge!"]):
                got = reaction(kind, seed, taken)
                if any(not ({"yes", "that's huge"} & {p.strip() for p in o.lower().replace("!", ".").split(".")})
                       for o in options):
                    low = got.lower()
                    assert not (taken[0].startswith("Yes") and low.startswith("yes")), (kind, got)
                    assert not ("huge" in taken[0] and "that's huge" in low), (kind, got)


def test_a_moan_told_as_mock_drama_is_met_lightly() -> None:
    # "i am going to lose my mind" over the neighbours' drilling: the act reader (with word pieces, stop 41) takes it
    # for mock drama; dev raters passed 12 of 21 such answers met lightly against 7 of 21 met as a grievance
    r = reply("neighbors have been drilling since 7am i am going to lose my mind", llm=False)
    said = " ".join(s.text for s in r.suggestions)
    assert r.suggestions and not re.search(r"\b(?:sorry|that's (?:really )?hard|heavy)\b", said, re.IGNORECASE), said
