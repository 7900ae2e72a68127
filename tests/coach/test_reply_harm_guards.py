"""Harm, control or fear in a message keeps the everyday answers away, whether or not the screen flags it.

The answers added for complaints about the listener ("You're right, I'm sorry"), hopes for the two of you
("Yes, let's"), problems that are ours, jokes and cheer must never meet a message that tells of being hit,
controlled, watched or frightened, of pills taken, or of grave news cheered in irony. Messages written for
this test.
"""

from __future__ import annotations

import pytest

from openup.coach.fitting import grave_news, harm_signs
from openup.coach.listen import reply

_OWNING = ("You're right", "I'm going to do better", "Yes, let's", "I'd love that", "That's on me",
           "lean few weeks", "Ha,", "the drama", "amazing", "wonderful", "so happy for you")


@pytest.mark.parametrize("text", [
    "let's try again, i forgive u for hitting me",
    "you threw the remote at the wall by my head last night but I want us to be ok",
    "can we have one night where you don't check my phone",
    "you told me i'm not allowed to see my sister anymore",
    "i'm scared of you when you've been drinking",
    "you always say it's my fault you lose your temper",
    "you keep controlling the money and i have to ask for bus fare",
    "took a load of tablets lol dont tell mum",
])
def test_harm_told_to_the_listener_is_never_owned_agreed_or_joked(text: str) -> None:
    r = reply(text, llm=False)
    said = " ".join(s.text for s in r.suggestions)
    assert not any(w in said for w in _OWNING), said


@pytest.mark.parametrize("text", [
    "congrats to me, the scan came back and it's a tumour",
    "yay love that for me, just got made redundant",
    "well done me, got a parking fine i cant afford lol",
])
def test_grave_news_cheered_in_irony_is_not_celebrated(text: str) -> None:
    r = reply(text, llm=False)
    assert not any(s.move == "celebrate" for s in r.suggestions)
    said = " ".join(s.text for s in r.suggestions).lower()
    assert not any(w in said for w in ("wonderful", "lovely", "so happy", "good news", "love that")), said


def test_the_readings_behind_the_guards() -> None:
    assert harm_signs("you don't let me go out with my friends")
    assert grave_news("the biopsy came back and it's cancer") and not grave_news("biopsy clear, cancer-free!!")


@pytest.mark.parametrize("text", [
    "let's do a quiet night in, i need one after you raised your fist at me",
    "i want us to stay together forever, even when you lock me out of the house",
    "i told you no and you did it anyway",
    "you keep saying nobody else would ever love me",
    "go me, got screamed at and shoved again for burning the toast lol",
    "can we go for a walk later? need to talk about the tablets ive been saving",
])
def test_a_sign_of_harm_is_never_met_with_yes_a_joke_or_a_promise(text: str) -> None:
    r = reply(text, llm=False)
    said = " ".join(s.text for s in r.suggestions)
    assert not any(w in said for w in (*_OWNING, "yes please", "Yes please", "Count me in", "love hearing")), said


def test_everyday_jokes_and_invites_still_get_their_answers() -> None:
    assert "Ha" in " ".join(s.text for s in reply("lmao the dog ate my sandwich", llm=False).suggestions)
    invite = reply("can we get takeaway tonight to celebrate? i got the job", llm=False)
    assert "yes please" in invite.suggestions[0].text
