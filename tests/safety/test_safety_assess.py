"""`assess`, `assess_texts` and the Safety record."""

from __future__ import annotations

import dataclasses
import re

import pytest

from openup.coach.safety import (
    LEVELS,
    WITHHELD_PRINCIPLES,
    Resource,
    Safety,
    SafetyReason,
    assess,
    assess_texts,
    message_for,
)
from openup.text.signal import Signal


def test_to_dict_shape_when_flagged() -> None:
    data = assess("He hit me and I'm scared of him", country="US").to_dict()
    assert {"level", "reasons", "resources"} <= set(data)
    assert data["level"] == "danger"
    assert data["reasons"], data
    for r in data["reasons"]:
        assert set(r) == {"kind", "start", "end", "match", "message"}
        assert isinstance(r["start"], int) and isinstance(r["end"], int)
    assert data["resources"]
    for res in data["resources"]:
        assert set(res) == {"name", "phone", "text", "url", "kind", "country"}
        assert res["kind"] in ("abuse", "crisis")
        assert res["country"] == "US"


def test_nothing_found_means_no_resources() -> None:
    verdict = assess("Can't wait to see you tonight, love you")
    assert verdict.level == "none"
    assert verdict.reasons == () and verdict.resources == ()
    assert verdict.to_dict()["reasons"] == [] and verdict.to_dict()["resources"] == []
    assert verdict.withheld == frozenset()
    assert verdict.message


def test_levels() -> None:
    assert assess("he checks my phone every night").level == "concern"
    assert assess("I'm scared of him").level == "concern"
    assert assess("you'll regret this").level == "concern"
    assert assess("he choked me").level == "danger"
    assert assess("I'll kill you").level == "danger"
    assert assess("i want to die").level == "danger"
    # The highest level wins.
    mixed = assess("he checks my phone and last week he slapped me")
    assert mixed.level == "danger"
    assert {r.kind for r in mixed.reasons} == {"control", "violence"}


def test_reason_spans_and_messages() -> None:
    text = "Honestly he checks my phone every night."
    (reason,) = assess(text).reasons
    assert text[reason.start:reason.end] == reason.match == "he checks my phone"
    assert reason.kind == "control"
    assert reason.message.endswith(".") and reason.message[0].isupper()


def test_given_signals_are_used_and_other_kinds_ignored() -> None:
    text = "whatever the text says"
    sigs = [Signal("criticism", 0, 8, "whatever", 0.9, "lexical:criticism.x"),
            Signal("fear", 9, 12, "the", 0.7, "model:fear")]
    verdict = assess(text, sigs)
    assert verdict.level == "concern"
    assert [r.kind for r in verdict.reasons] == ["fear"]
    assert assess(text, []).level == "none"
    # A learned threat with no pattern metadata is treated as danger.
    assert assess(text, [Signal("threat", 0, 4, "what", 0.6, "model:threat")]).level == "danger"


def test_duplicate_signals_count_once() -> None:
    sig = Signal("violence", 0, 9, "he hit me", 0.9, "lexical:violence.hit")
    assert len(assess("he hit me", [sig, sig]).reasons) == 1


def test_assess_texts_gives_message_indexes() -> None:
    verdict = assess_texts(["see you at 6", "you'll regret this", "ok", "she slapped me"], country="GB")
    assert verdict.level == "danger"
    assert [(r.index, r.kind) for r in verdict.reasons] == [(1, "threat"), (3, "violence")]
    assert all("index" in r for r in verdict.to_dict()["reasons"])
    assert verdict.resources[0].country == "GB"
    assert assess_texts(["hi", "love you"]).level == "none"
    assert assess_texts([]).level == "none"


def test_withheld_principles() -> None:
    assert frozenset({"soft-side", "give-room", "appreciate"}) == WITHHELD_PRINCIPLES
    assert assess("I'm walking on eggshells").withheld == WITHHELD_PRINCIPLES
    assert assess("he hit me").withheld == WITHHELD_PRINCIPLES


def test_crisis_line_first_on_self_harm_abuse_line_first_otherwise() -> None:
    crisis = assess("I want to kill myself", country="US")
    assert crisis.crisis
    assert crisis.resources[0].kind == "crisis"
    assert crisis.resources[0].phone == "988"
    abuse = assess("he hit me", country="US")
    assert not abuse.crisis
    assert abuse.resources[0].kind == "abuse"
    # Both together: the crisis line still comes first.
    both = assess("he hit me and now I want to die", country="GB")
    assert both.resources[0].kind == "crisis"


def test_messages_are_calm_gender_neutral_and_name_the_emergency_number() -> None:
    for level in LEVELS:
        for crisis in (False, True):
            text = message_for(level, crisis=crisis, country="AU")
            assert text
            assert not re.search(r"\b(?:he|she|him|her|his|husband|wife|boyfriend|girlfriend)\b", text, re.I)
            assert "!" not in text
    assert "000" in message_for("danger", country="AU")
    assert "911" in message_for("danger", crisis=True, country="US")
    assert "suicide" in assess("i want to die", country="US").message.lower()
    with pytest.raises(ValueError):
        message_for("high")


def test_records_are_frozen() -> None:
    verdict = assess("he hit me", country="US")
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.level = "none"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.reasons[0].kind = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.resources[0].phone = "0"  # type: ignore[misc]
    assert isinstance(verdict, Safety)
    assert isinstance(verdict.reasons[0], SafetyReason)
    assert isinstance(verdict.resources[0], Resource)


def test_no_network_code_in_the_safety_modules() -> None:
    from pathlib import Path

    import openup.coach.safety
    import openup.coach.screening

    for mod in (openup.coach.safety, openup.coach.screening):
        source = Path(str(mod.__file__)).read_text(encoding="utf-8")
        for name in ("socket", "urllib", "http", "requests", "httpx", "subprocess"):
            assert f"import {name}" not in source and f"from {name}" not in source


def test_a_threat_to_the_writer_is_not_read_as_their_own_crisis() -> None:
    """A learned self-harm reading of a sentence the patterns read as a threat to the writer ("he said he'll
    kill me") is left out: the level stays danger, with the abuse lines first, not the crisis line."""
    from openup.text.detect import _merge
    from openup.text.signal import Signal

    text = "he said he will kill me if i leave him"
    threat = Signal("threat", 0, 23, text[:23], 0.9, "lexical:threat.kill")
    learned = [Signal("self_harm", 0, len(text), text, 0.99, "model:self_harm"),
               Signal("fear", 0, len(text), text, 0.99, "model:fear")]
    assert sorted(s.kind for s in _merge([threat], learned)) == ["fear", "threat"]
    own = "i want to kill myself"
    assert [s.kind for s in _merge([], [Signal("self_harm", 0, len(own), own, 0.99, "model:self_harm")])] == [
        "self_harm"]
