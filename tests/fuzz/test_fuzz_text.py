"""`check`, `reply` and `detect` are total on any text: a result whose spans point into the text, or one
`UserError`. Hypothesis draws arbitrary Unicode and the hostile drafts of `hostile.py` (markup, control
characters, surrogates, long runs that tempt a regex into backtracking)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.fuzz.hostile import hostile_text

from openup import check, detect, reply
from openup.errors import UserError

TEXTS = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=2000),
    st.randoms(use_true_random=False).map(hostile_text),
)


def _spans_hold(text: str, signals: list) -> None:  # type: ignore[type-arg]
    for s in signals:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.match


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
@given(text=TEXTS)
def test_check_and_reply_are_total(text: str) -> None:
    try:
        review = check(text, model=False)
    except UserError as exc:
        assert str(exc).strip()
    else:
        _spans_hold(text, review.signals)
        assert review.safety.level in ("none", "concern", "danger")
    try:
        coaching = reply(text, model=False)
    except UserError as exc:
        assert str(exc).strip()
    else:
        assert coaching.safety.level in ("none", "concern", "danger")


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
@given(text=TEXTS)
def test_detect_spans_point_into_the_text(text: str) -> None:
    _spans_hold(text, detect(text, model=False))


def test_hostile_text_is_deterministic() -> None:
    assert hostile_text(random.Random(7)) == hostile_text(random.Random(7))
