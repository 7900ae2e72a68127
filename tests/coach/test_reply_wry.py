"""A wry moan that makes a joke of itself ("... i am going to become a villain", "pray for me") is met lightly and
warmly, even when someone else caused it, not with heavy care ("That's a lot"). The messages are written for these
tests.
"""

from __future__ import annotations

import pytest
from reply_helpers import composed


def _said(text: str) -> dict[str, str]:
    return composed(text)


@pytest.mark.parametrize(
    "message",
    [
        "the upstairs lot are hoovering at midnight again. i am going to become a villain",
        "my in-laws are coming for the whole bank holiday weekend. pray for me",
        "the toddler has learned the word no and uses it on everything. send wine",
    ],
)
def test_a_wry_moan_is_met_lightly(message: str) -> None:
    said = _said(message)
    text = " ".join(said.values())
    assert "That's a lot" not in text and "getting to you most" not in text, said
    assert any(w in text for w in ("Ha", "poor thing", "couldn't make it up", "What a day", "survive")), said


def test_a_laugh_without_a_moan_is_not_pitied() -> None:
    said = _said("lol i still know every word of the macarena")
    assert "poor thing" not in " ".join(said.values()) and "survive" not in " ".join(said.values()), said
