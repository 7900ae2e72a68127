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
