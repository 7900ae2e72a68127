"""Phrases a fresh strict dev rater named as a counsellor's, not a partner's (stop 36), are in no template."""

from __future__ import annotations

from openup.coach.listen import moves

STIFF = (
    "a lot to carry",
    "so much to carry",
    "which side of it feels bigger",
    "not a simple one",
    "that's allowed",
    "where's your head at",
    "feel a bit steadier",
)


def test_no_template_says_a_stiff_phrase() -> None:
    said = [w.lower() for m in moves().values() for t in m.templates for w in t.texts]
    assert said  # the templates were read
    found = sorted({p for p in STIFF for w in said if p in w})
    assert not found, found


GLAD_NEWS = (
    "finally beat my 5k time!! 24:10",
    "the bakery down the road gave me a free croissant for being a regular",
    "got a first on my dissertation!!",
    "my brother got the apprenticeship he wanted",
    "our offer on the flat got accepted!!",
    "my tomatoes finally went red 🍅",
    "the dentist said no fillings this time!!",
    "fixed the bike chain myself lol who am i",
)


def test_glad_news_is_not_met_with_one_stock_question() -> None:
    from openup.coach.listen import reply

    asks = [a.text for m in GLAD_NEWS if (a := reply(m, llm=False).suggestion("ask")) is not None]
    assert len(asks) >= 6, asks
    assert len(set(asks)) >= 4, asks  # a week of good news does not read as a form letter
    assert sum("How did it all go" in a for a in asks) <= 2, asks
    assert not any("looking forward" in a for a in asks), asks  # nothing ahead was told in these
