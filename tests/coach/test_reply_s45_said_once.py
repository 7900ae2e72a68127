"""Stop 45: an answer calls the partner "love" once and opens two lines with the same sound at most once; stock lines
the dev raters failed are reworded (a choice is not said back as a counsellor would, no "if you could?", no "I know
that's not always easy")."""

from __future__ import annotations

import re

import pytest

from openup.coach.listen import moves, reply
from openup.coach.polish import said_once

_CALLED = re.compile(r"(?:^|, )love[.,!?]", re.IGNORECASE)


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (["Of course you're worried, love.", "What can I do to help, love?"],
         ["Of course you're worried, love.", "What can I do to help?"]),
        (["Oh, love. That sounds heavy.", "That's so rough, love.", "What can I do to help, love?"],
         ["Oh, love. That sounds heavy.", "That's so rough.", "What can I do to help?"]),
        (["I'm so sorry.", "Oh, love. Come here."], ["I'm so sorry.", "Oh, love. Come here."]),  # first call kept
        (["Come here, love.", "Aw, love. I'm right here."], ["Come here, love.", "I'm right here."]),
        (["Sad, love.", "Oh, love, your mam's in A&E? I'm so sorry."],
         ["Sad, love.", "Oh, your mam's in A&E? I'm so sorry."]),
        (["Ha, you poor thing.", "Ha, how can I help you survive it?"],
         ["Ha, you poor thing.", "How can I help you survive it?"]),
        (["Ugh, that's awful.", "Oh, love. That's hard."], ["Ugh, that's awful.", "Oh, love. That's hard."]),
        # "love" the verb is not a call, and a line that would be left empty stays as it is
        (["I love that, love.", "Aw, I love this."], ["I love that, love.", "Aw, I love this."]),
        (["Oh, love.", "Oh, love."], ["Oh, love.", "Oh, love."]),
    ],
)
def test_said_once(lines: list[str], want: list[str]) -> None:
    assert said_once(lines) == want


@pytest.mark.parametrize(
    "message",
    [
        "The doctor said my blood pressure is too high and I need to start medication.",
        "my back is killing me and i still have 6 hrs left of this shift",
        "Landlord says he's selling the flat and we've got two months to find somewhere else.",
        "Honestly gutted, they've shut the leisure centre for 'refurb' and nobody knows when it's reopening.",
        "My nani passed away this morning. I could not go home in time. I am feeling very bad.",
    ],
)
def test_a_reply_calls_them_love_once(message: str) -> None:
    says = [s.text for s in reply(message, llm=False).suggestions]
    assert len(says) >= 2
    assert sum(bool(_CALLED.search(s)) for s in says) <= 1, says


def test_two_lines_do_not_open_with_the_same_laugh() -> None:
    message = "Just checked my 401k. Yeah, I'm gonna be working till I'm ninety."
    says = [s.text for s in reply(message, llm=False).suggestions]
    openers = [s.split(",")[0] for s in says if s.startswith("Ha,")]
    assert len(openers) <= 1, says


@pytest.mark.parametrize("stock", ["if you could?", "not always easy", "how it landed for you",
                                   "with a deadline hanging over you"])
def test_stock_lines_the_raters_failed_are_gone(stock: str) -> None:
    wordings = [w for move in moves().values() for t in move.templates for w in t.texts]
    assert wordings and not any(stock in w for w in wordings)

