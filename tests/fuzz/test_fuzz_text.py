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



@pytest.mark.parametrize(
    "text",
    [
        "I lost" + " " * 100_000 + "it",
        "my day was bad" + " " * 100_000 + "x lol",
        "dad" + " ," * 50_000 + "x",
        "she said thank you and smiled " * 3_000,
        "it was, you know" + " " * 100_000 + "you know",
        "dey don" + "\u00a0" * 100_000 + "x",
        "the man" + "\u3000" * 100_000 + "x",
    ],
    ids=["spaces-after-lost", "spaces-before-a-tag", "commas-after-kin", "many-thank-yous", "spaces-you-know",
         "no-break-spaces-in-pidgin", "wide-spaces-after-a-noun"],
)
def test_reply_reads_hostile_runs_in_one_pass(text: str) -> None:
    """Runs that made overlapping or end-anchored patterns quadratic or worse (hours at 200,000 characters)
    are read like any other text; with every pattern linear each of these takes well under a second."""
    result = reply(text, llm=False, model=False)
    assert result.text == text
