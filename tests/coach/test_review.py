"""`check()`: feedback by principle, rewrites that pass clean, safety wins, bad input."""

from __future__ import annotations

import pytest

from openup.coach.review import check
from openup.errors import UserError
from openup.method import kinds, principles

HARMFUL_DRAFTS = [
    ("You never listen to me.", "no-criticism"),
    ("You're so selfish, you always leave the lights on.", "no-criticism"),
    ("Calm down, it's not a big deal.", "no-criticism"),
    ("We need to talk. Answer me!", "give-room"),
    ("How did you feel about the meeting?", "thoughts-first"),
    ("How was your day?", "thoughts-first"),
    ("At least you still have a job.", "listen"),
    ("wow, thanks for nothing 🙄", "no-criticism"),
]


@pytest.mark.parametrize(("draft", "principle"), HARMFUL_DRAFTS)
def test_harmful_draft_is_flagged_under_its_principle(draft: str, principle: str) -> None:
    review = check(draft, model=False)
    flagged = [f for f in review.feedback if f.severity not in ("good",)]
    assert principle in {f.principle for f in flagged}
    assert not review.clean


@pytest.mark.parametrize(("draft", "principle"), HARMFUL_DRAFTS)
def test_rewrite_exists_and_passes_check_clean(draft: str, principle: str) -> None:
    review = check(draft, model=False)
    assert review.rewrite, f"no rewrite for {draft!r}"
    again = check(review.rewrite, model=False)
    assert again.clean, (review.rewrite, [(s.kind, s.match) for s in again.signals])
    for alt in review.alternatives:
        assert check(alt, model=False).clean, alt


def test_rewrite_keeps_the_users_words() -> None:
    review = check("You always leave the lights on", model=False)
    assert review.rewrite is not None
    assert "leave the lights on" in review.rewrite
    rome = check("How did you feel about the trip to Rome?", model=False).rewrite
    assert rome is not None and rome.endswith("the trip to Rome?")
    assert "work" in (check("how was work?", model=False).rewrite or "")


def test_feeling_question_becomes_thought_question() -> None:
    review = check("How do you feel about moving to Leeds?", model=False)
    assert review.rewrite is not None
    kinds_found = {s.kind for s in check(review.rewrite, model=False).signals}
    assert "thought_question" in kinds_found
    assert "feeling_question" not in kinds_found


def test_generic_question_becomes_concrete() -> None:
    review = check("How was your day?", model=False)
    assert review.rewrite is not None
    assert "concrete_question" in {s.kind for s in check(review.rewrite, model=False).signals}


def test_kind_draft_gets_praise_and_no_rewrite() -> None:
    review = check("Thank you for cooking tonight, it meant a lot to me.", model=False)
    assert review.clean
    assert review.rewrite is None
    assert any(f.severity == "good" and f.principle == "appreciate" for f in review.feedback)


def test_behaviour_complaint_is_not_criticism() -> None:
    review = check("You left the dishes in the sink again.", model=False)
    assert "criticism" not in {s.kind for s in review.signals}


def test_json_shape() -> None:
    data = check("You never listen to me", model=False).to_dict()
    assert set(data) >= {"text", "signals", "feedback", "rewrite", "safety"}
    sig = data["signals"][0]
    assert set(sig) == {"kind", "start", "end", "match", "score", "source"}
    assert data["text"][sig["start"] : sig["end"]] == sig["match"]
    fb = data["feedback"][0]
    assert set(fb) >= {"principle", "severity", "message", "suggestion"}
    assert fb["principle"] in principles()
    assert set(data["safety"]) >= {"level", "reasons", "resources"}
    assert data["safety"]["level"] == "none"


def test_every_feedback_names_a_known_principle_and_kinds() -> None:
    for draft, _ in HARMFUL_DRAFTS:
        for fb in check(draft, model=False).feedback:
            assert fb.principle in principles()
            assert all(k in kinds() for k in fb.kinds)


@pytest.mark.parametrize(
    "draft",
    [
        "If you leave me I'll hurt you.",
        "You're so lazy and if you tell anyone I will kill you",
        "I want to kill myself",
    ],
)
def test_safety_wins_over_style_advice(draft: str) -> None:
    review = check(draft, model=False)
    assert review.safety.level != "none"
    assert review.rewrite is None
    assert [f.principle for f in review.feedback] == ["safety"]
    assert review.safety.resources, "help lines must be shown"


@pytest.mark.parametrize(
    "bad",
    ["", "   \n\t ", "\x00\x01\x02\x03\x04binary\x05\x06\x07\x08", "x" * 1_000_000, "это сообщение не на английском"],
)
def test_bad_input_is_a_user_error(bad: str) -> None:
    with pytest.raises(UserError):
        check(bad, model=False)


def test_mixed_scripts_and_emoji_are_checked() -> None:
    review = check("You're so lazy 🙄 — ну правда", model=False)
    assert {"criticism", "contempt"} <= {s.kind for s in review.signals}


def test_each_kind_quotes_its_own_words() -> None:
    """Criticism and dismissal share a principle; "Calm down" is quoted beside dismissal, never as criticism."""
    review = check("You never listen to me. Calm down, it's not a big deal.", model=False)
    (fb,) = [f for f in review.feedback if f.principle == "no-criticism"]
    criticism, _, dismissal = fb.message.partition(" Also ")
    assert "\u201cYou never listen to me\u201d" in criticism and "Calm down" not in criticism
    assert dismissal.startswith(kinds()["dismissal"].label) and "\u201cCalm down" in dismissal
