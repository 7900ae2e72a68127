"""Rewrites keep the draft's own words (the behaviour, the feeling) and always pass check clean."""

from __future__ import annotations

import pytest

from openup.coach.review import check
from openup.coach.rewrite import rewrite_candidates

# (draft, words the first rewrite must keep, words it must not contain)
WORST = [
    ("You're so lazy, you left the dishes again", ["the dishes", "frustrated"], ["lazy", "again"]),
    ("You're so lazy, you left the dishes in the sink again", ["the dishes are left in the sink"], ["lazy"]),
    ("You're an idiot. You forgot my birthday.", ["my birthday"], ["idiot", "You forgot my birthday."]),
    ("You never text me back and it makes me feel lonely", ["text me back", "lonely"], ["and it makes"]),
    ("Why are you so useless? You didn't even call.", ["call"], ["useless", "even"]),
    ("You always leave the lights on", ["leave the lights on"], ["always"]),
    ("wow, thanks for nothing 🙄 you ignored me all night", ["ignored me all night"], ["thanks for nothing"]),
    ("You never listen to me!", ["listen to me"], ["never"]),
]


@pytest.mark.parametrize(("draft", "keep", "drop"), WORST)
def test_worst_cases_keep_meaning(draft: str, keep: list[str], drop: list[str]) -> None:
    out = rewrite_candidates(draft)
    assert out, draft
    for word in keep:
        assert word in out[0], (out[0], word)
    for word in drop:
        assert word not in out[0], (out[0], word)


@pytest.mark.parametrize("draft", [d for d, _, _ in WORST])
def test_every_candidate_passes_check(draft: str) -> None:
    for candidate in rewrite_candidates(draft):
        review = check(candidate, model=False)
        assert review.clean, (candidate, [(s.kind, s.match) for s in review.signals])


@pytest.mark.parametrize("draft", [d for d, _, _ in WORST])
def test_no_word_is_repeated_awkwardly(draft: str) -> None:
    import re

    for candidate in rewrite_candidates(draft):
        assert not re.search(r"\b(\w+) \1\b", candidate, re.IGNORECASE), candidate
        assert "  " not in candidate


def test_several_candidates_ranked() -> None:
    out = rewrite_candidates("You're so lazy, you left the dishes again")
    assert len(out) >= 2
    assert out[0].startswith("When the dishes are left")
