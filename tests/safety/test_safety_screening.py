"""The HITS-style questionnaire."""

from __future__ import annotations

import pytest

from openup.coach.screening import CUTOFF, QUESTIONS, SOURCE, parse_answers, score
from openup.errors import UserError


def test_questions() -> None:
    assert [q.id for q in QUESTIONS] == ["hurt", "insult", "threaten", "scream", "fear"]
    assert [q.answer for q in QUESTIONS] == ["frequency"] * 4 + ["yesno"]
    for q in QUESTIONS:
        assert "your partner" in q.text and q.text.endswith("?")
    assert "Sherin" in SOURCE and "1998" in SOURCE and "Family Medicine" in SOURCE
    assert CUTOFF == 10


def test_boundary_ten_is_negative_eleven_is_positive() -> None:
    ten = score([1, 4, 1, 4, "no"])
    assert (ten.total, ten.flagged, ten.level) == (10, False, "none")
    assert ten.resources == ()
    eleven = score([1, 5, 1, 4, "no"], country="US")
    assert (eleven.total, eleven.flagged, eleven.level) == (11, True, "concern")
    assert eleven.resources and eleven.resources[0].kind == "abuse"


def test_range() -> None:
    assert score([1, 1, 1, 1, "no"]).total == 4
    top = score([5, 5, 5, 5, "yes"])
    assert (top.total, top.flagged, top.level) == (20, True, "danger")


def test_fear_alone_flags() -> None:
    result = score([1, 1, 1, 1, "yes"], country="GB")
    assert result.flagged and result.fear and result.level == "concern"
    assert result.resources


def test_any_hurt_or_threat_is_danger_even_below_cutoff() -> None:
    hurt = score([2, 1, 1, 1, "no"])
    assert (hurt.flagged, hurt.level) == (False, "danger")
    assert hurt.resources
    assert score([1, 1, 3, 1, "no"]).level == "danger"


def test_words_and_case() -> None:
    result = score(["Never", "fairly often", "never", "FREQUENTLY", "Y"])
    assert result.answers == (1, 4, 1, 5)
    assert result.total == 11 and result.fear


@pytest.mark.parametrize(
    "answers",
    [[0, 1, 1, 1, "no"], [1, 6, 1, 1, "no"], [1, "x", 1, 1, "no"], [1, 1, 1, 1, "maybe"], [1, 1, 1, 1],
     [1, 1, 1, 1, "no", "no"], [True, 1, 1, 1, "no"]],
)
def test_bad_answers(answers: list[object]) -> None:
    with pytest.raises(UserError):
        score(answers)  # type: ignore[arg-type]


def test_to_dict() -> None:
    data = score([2, 3, 1, 5, "no"], country="AU").to_dict()
    assert data["answers"] == {"hurt": 2, "insult": 3, "threaten": 1, "scream": 5, "fear": "no"}
    assert (data["total"], data["cutoff"], data["flagged"], data["level"]) == (11, 10, True, "danger")
    assert "000" in data["message"]
    assert data["resources"][0]["country"] == "AU"
    assert "Sherin" in data["source"]


def test_parse_answers() -> None:
    assert parse_answers("1,2,3,4,no") == ["1", "2", "3", "4", "no"]
    assert parse_answers("1 2 3 4 yes") == ["1", "2", "3", "4", "yes"]
    assert parse_answers("never, fairly often, never, rarely, no")[1] == "fairly often"
    with pytest.raises(UserError):
        parse_answers(" , ")
