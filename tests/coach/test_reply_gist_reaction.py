"""Issue #18: a say-back that would repeat the message nearly word for word is answered by a short reaction to its
gist (`coach/gistreact.py`), of the kind the message is; a message the copy does not swamp keeps its say-back."""

from __future__ import annotations

import pytest

from openup.coach.gistreact import parrots
from openup.coach.listen import reply


def _said(message: str) -> dict[str, str]:
    return {s.move: s.text for s in reply(message, llm=False).suggestions}


@pytest.mark.parametrize(
    ("message", "reaction"),
    [
        ("new manager keeps micromanaging every single email i send", "again?"),
        ("they hired someone ABOVE me whos been there 3 months", "not on"),
        ("finally paid off the last of my student loans 🎉🎉🎉", "look at you"),
        ("not to brag but i fixed the sink myself and it only took 4 youtube videos", "of course you did"),
        ("i think i actually aced the interview?? they were laughing at my jokes and everything", "of course"),
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
    assert "leaning" not in said["ask"] and "tricky one" not in said["validate"], said


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
