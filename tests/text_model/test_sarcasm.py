"""Praise, thanks or an apology said with contempt: the contempt head also reads the words the patterns took for
praise, and a sure contempt reading overrules them (`openup.text.detect._merge`)."""

from __future__ import annotations

import pytest

from openup.text import detect, detect_many
from openup.text.detect import SARCASM_BAR, _merge
from openup.text.model import _readable
from openup.text.signal import Signal


def test_a_sure_contempt_reading_overrules_the_praise_in_the_same_words() -> None:
    thanks = Signal("appreciation", 0, 30, "x" * 30, 0.8, "lexical:appreciation.thanks")
    sure = Signal("contempt", 0, 40, "x" * 40, SARCASM_BAR + 0.05, "model:contempt")
    assert [s.kind for s in _merge([thanks], [sure])] == ["contempt"]


def test_an_unsure_contempt_reading_leaves_the_praise_standing() -> None:
    thanks = Signal("appreciation", 0, 30, "x" * 30, 0.8, "lexical:appreciation.thanks")
    unsure = Signal("contempt", 0, 40, "x" * 40, SARCASM_BAR - 0.05, "model:contempt")
    assert [s.kind for s in _merge([thanks], [unsure])] == ["appreciation"]


def test_contempt_elsewhere_in_the_message_does_not_touch_the_praise() -> None:
    thanks = Signal("appreciation", 0, 10, "x" * 10, 0.8, "lexical:appreciation.thanks")
    elsewhere = Signal("contempt", 20, 40, "x" * 20, 0.9, "model:contempt")
    assert sorted(s.kind for s in _merge([thanks], [elsewhere])) == ["appreciation", "contempt"]


def test_only_the_contempt_head_reads_praise_the_patterns_settled() -> None:
    names = ["contempt", "criticism", "open_question", "appreciation"]
    readable = _readable([False, True, True], [False, True, False], names)
    assert readable is not None
    assert readable[0].all()  # a unit the patterns left alone: every head
    assert readable[1].tolist() == [True, False, True, False]  # settled praise: contempt and the questions
    assert readable[2].tolist() == [False, False, True, False]  # settled otherwise: the questions only
    assert _readable([False, False], [True, True], names) is None


SINCERE = [
    "Thank you for cooking tonight, it was delicious.",
    "thanks for picking up the kids, you are a star",
    "Thank you for being so patient with me this week.",
    "Cheers for the lift, legend.",
    "You are such a good listener, I felt really heard last night.",
]


@pytest.mark.parametrize("text", SINCERE)
def test_sincere_thanks_stay_thanks(learned: None, text: str) -> None:
    kinds = {s.kind for s in detect(text)}
    assert "appreciation" in kinds and "contempt" not in kinds


@pytest.mark.parametrize("reader", ["full", "bulk"])
def test_thanks_for_a_slight_is_contempt(learned: None, reader: str) -> None:
    text = "Oh great, thanks for inviting your ex to my birthday. Lovely touch."
    kinds = {s.kind for s in detect_many([text], model=True, reader=reader)[0]}
    assert "contempt" in kinds and "appreciation" not in kinds
    sincere = {s.kind for s in detect_many(SINCERE, model=True, reader=reader)[0]}
    assert "contempt" not in sincere


@pytest.mark.parametrize(
    "text", ["oh you're too kind, thanks love", "oh brilliant, thanks so much for picking up the parcel"]
)
def test_thanks_with_an_oh_are_still_thanks(learned: None, text: str) -> None:
    kinds = {s.kind for s in detect(text)}
    assert "appreciation" in kinds and "contempt" not in kinds
