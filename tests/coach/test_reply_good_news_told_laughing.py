"""Good news told with a laugh, a brag or a shrug is celebrated: only harm the patterns read sours it.

The learned heads read excited news told with "lmao" or money emoji as contempt or advice, and those
readings had kept such news from being celebrated. Messages written for this test (not from any set).
"""

from __future__ import annotations

import pytest

from openup.coach.listen import reply


def _celebrated(text: str) -> bool:
    return any(s.move == "celebrate" for s in reply(text, llm=False).suggestions)


@pytest.mark.parametrize("text", [
    "finally passed my theory test on the 4th go lmaooo",
    "hahaha guess who just paid off the whole credit card 💸💸",
    "sold my first cake order today. like an actual stranger paid me for it",
    "got the flat!!! moving in march. dont try and talk me out of the green sofa",
    "my poem got into the anthology!! its only a tiny press but still",
])
def test_news_told_laughing_or_shrugging_is_celebrated(text: str) -> None:
    assert _celebrated(text)


@pytest.mark.parametrize("text", [
    "thanks for nothing, great job as always",
    "oh wonderful, you forgot the tickets again. amazing",
])
def test_glad_words_soured_by_what_the_patterns_read_are_not_celebrated(text: str) -> None:
    assert not _celebrated(text)
