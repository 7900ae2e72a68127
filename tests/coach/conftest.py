"""Fixtures shared by the reply tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def reader_spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the feelings reader and its good-news head are given, with both faked: a glad reading
    ("excited") and good news, so a test can check what the learned reader reads."""
    import openup.coach.feelings as feelings
    import openup.coach.reading as reading

    seen: list[str] = []

    def fake_scores(text: str) -> tuple[tuple[str, float], ...]:
        seen.append(text)
        return (("excited", 0.9),)

    def fake_good_news(text: str) -> bool:
        seen.append(text)
        return True

    monkeypatch.setattr(feelings, "scores", fake_scores)
    monkeypatch.setattr(reading, "reader_good_news", fake_good_news)
    return seen
