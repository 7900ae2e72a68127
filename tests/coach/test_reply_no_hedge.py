"""A fact they told outright is reacted to, not hedged with "it sounds like"; the middle line follows from
what was heard, and "glad you told me" is kept for what took courage to say."""

from __future__ import annotations

import re

import pytest
from reply_helpers import said_back

from openup.coach.listen import moves, reply

HEDGE = re.compile(r"\b[Ss]ounds like\b")


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("still can't smell a thing and it's been three weeks", "can't smell a thing"),
        ("why am i always the one stuck doing the school run", "stuck doing the school run"),
        ("Feeling a bit all over the place today. Can't say why.", "all over the place"),
    ],
)
def test_a_stated_fact_is_reacted_to_not_hedged(message: str, said: str) -> None:
    text = said_back(message, llm=False)  # the say-back as composed
    assert said in text and not HEDGE.search(text), text


def test_no_reflection_template_hedges_what_they_told() -> None:
    # "sounds like" may stand before a feeling, a thought or what a complaint meant, never before what happened
    fact = re.compile(r"[Ss]ounds like \{(?:event|short_event|gist|core|news|ref|death)\}")
    hedged = [w for t in moves()["reflect"].templates for w in t.texts if fact.search(w)]
    assert not hedged, hedged


@pytest.mark.parametrize(
    "message",
    [
        "Feeling a bit all over the place today. Can't say why.",
        "Had lunch with my old flatmate today. Felt like no time had passed.",
    ],
)
def test_glad_you_told_me_is_not_said_to_ordinary_news(message: str) -> None:
    texts = [s.text for s in reply(message, llm=False).suggestions]
    assert not any("glad you told me" in t for t in texts), texts


def test_a_struggle_told_outright_is_thanked_for() -> None:
    message = "I've been struggling a lot lately and I didn't know how to say it."
    texts = [s.text for s in reply(message, llm=False).suggestions]
    assert any(re.search(r"glad you told me|[Tt]hank you for telling me", t) for t in texts), texts
    assert not any(HEDGE.search(t) for t in texts), texts
