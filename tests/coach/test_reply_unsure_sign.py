"""A danger only the learned safety heads read, only just past their line, with no pattern and no sign worded in the
message: `reply` shows the help lines (and the crisis line first) as a possibility, at level "concern", and still
offers answers; a sign a pattern reads, a sign worded in the message, or a reading well past the line keeps the
full danger answer with no wording tips."""

from __future__ import annotations

import pytest

from openup.coach import listen
from openup.coach.listen import UNSURE_GAP, reply
from openup.coach.safety import Safety, message_for
from openup.text.model import available
from openup.text.signal import Signal

needs_model = pytest.mark.skipif(not available(), reason="learned tier not installed")


def _model_reads(monkeypatch: pytest.MonkeyPatch, kind: str, gap: float) -> None:
    """Make the learned heads (alone) read `kind` over the whole message, `gap` logits past the line."""

    def fake_detect(text: str, model: bool | None = None) -> list[Signal]:
        return [Signal(kind, 0, len(text), text, 0.6, f"model:{kind}")]

    monkeypatch.setattr(listen, "detect", fake_detect)
    monkeypatch.setattr("openup.text.model.safety_gaps", lambda texts, heads=None: [gap] * len(texts))


def test_a_reading_just_past_the_line_is_told_as_a_possibility(monkeypatch: pytest.MonkeyPatch) -> None:
    _model_reads(monkeypatch, "self_harm", UNSURE_GAP / 2)
    got = reply("my neighbour passed away on sunday and i keep thinking about her", llm=False, model=True)
    assert got.safety.level == "concern" and got.safety.unsure
    assert got.safety.crisis and got.safety.resources  # the crisis line is still listed
    assert "might point to thoughts of suicide" in got.safety.message
    assert got.suggestions  # and the listener still gets something to say
    assert got.safety.to_dict()["unsure"] is True


def test_a_reading_well_past_the_line_keeps_the_danger_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    _model_reads(monkeypatch, "violence", UNSURE_GAP * 3)
    got = reply("my neighbour passed away on sunday and i keep thinking about her", llm=False, model=True)
    assert got.safety.level == "danger" and not got.safety.unsure
    assert not got.suggestions


def test_a_sign_worded_in_the_message_keeps_the_danger_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    _model_reads(monkeypatch, "self_harm", UNSURE_GAP / 2)
    got = reply("i have been saving my pills for a while now", llm=False, model=True)
    assert got.safety.level == "danger" and not got.suggestions


@needs_model
@pytest.mark.parametrize("text", ["tired of living tbh", "he grabbed me by the throat last night",
                                  "i dont want to be here anymore"])
def test_signs_the_patterns_read_are_never_softened(text: str) -> None:
    got = reply(text, llm=False)
    assert got.safety.level == "danger" and not got.safety.unsure and not got.suggestions


def test_the_unsure_wording_exists_for_one_message_only() -> None:
    assert "unclear" in message_for("concern", crisis=False, unsure=True)
    assert "unclear" in message_for("concern", crisis=True, unsure=True)
    assert "unclear" not in message_for("concern", crisis=False, unsure=True, scope="chat")
    assert "unsure" not in Safety("danger").to_dict()
