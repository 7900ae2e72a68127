"""A partner's self-criticism is never said back as if true ("you look old", "you're an idiot", "what's wrong with
you"): it is met with warmth and a gentle disagreement, and what happened is still answered. The messages are
written for these tests.
"""

from __future__ import annotations

import re

import pytest
from reply_helpers import texts as _texts

from openup.coach.heard import hear

# What agreeing with them would sound like, in any suggestion.
_AGREES = re.compile(
    r"\bwhat(?:'s| is) wrong with you\b|\byou(?:'re| are| look)(?: \w+)? (?:old|ugly|fat|awful|hideous|stupid|useless|"
    r"an? (?:\w+ )?(?:idiot|eejit|muppet|failure))\b|\blike an? (?:idiot|eejit|muppet|turnip)\b",
    re.IGNORECASE,
)
_WARM = re.compile(r"not what I see|not how I see you|nothing wrong with you|hard on yourself|easy on yourself|"
                   r"could (?:have )?happen(?:ed)? to anyone|better than you think", re.IGNORECASE)


@pytest.mark.parametrize(
    "message",
    [
        "i look so ancient in the video from the party. my chin has doubled",
        "honestly i look hideous in my work id photo",
        "i look like a turnip with this new fringe lol",
        "I hate how I look in all the holiday pictures",
        "dunno whats wrong with me, everything feels like wading through mud this week",
        "cried at a dog food advert, what is wrong with me",
        "I'm a total muppet, I sent the invoice to the wrong client and they've already opened it",
        "feel like a right eejit, turned up to the dentist on the wrong day",
        "im so bad at cooking. the risotto is glue",
    ],
)
def test_self_criticism_is_not_said_back_and_is_met_warmly(message: str) -> None:
    texts = _texts(message)
    assert texts, message
    assert not any(_AGREES.search(t) for t in texts), texts
    assert any(_WARM.search(t) for t in texts), texts


def test_how_they_look_is_reassured_and_where_they_saw_it_is_said_back() -> None:
    texts = _texts("i look so ancient in the video from the party. my chin has doubled")
    assert "not what I see" in texts[0]
    assert "the video from the party" in texts[0]
    assert not any("you look" in t.lower() for t in texts)


def test_what_happened_is_still_answered() -> None:
    reflect = _texts("I'm a total muppet, I sent the invoice to the wrong client and they've already opened it")[0]
    assert "invoice" in reflect and "muppet" not in reflect.lower()


def test_asking_whats_wrong_with_them_gets_care() -> None:
    texts = _texts("dunno whats wrong with me, everything feels like wading through mud this week")
    assert "nothing wrong with you" in texts[0].lower()


@pytest.mark.parametrize(
    ("message", "judged"),
    [
        ("I'm a total muppet, I forgot the bins", True),
        ("feel like a right eejit", True),
        ("i look so old in that photo", True),
        ("whats wrong w me today", True),
        ("why am i like this", True),
        ("im so bad at maths", True),
        ("i look great in this jacket", False),
        ("my boss is such an idiot", False),
    ],
)
def test_self_judgement_is_heard(message: str, judged: bool) -> None:
    assert (hear(message).self_judgement is not None) == judged
