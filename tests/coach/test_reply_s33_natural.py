"""Replies in a partner's own words (s33): no stock counsellor lines, no glad words beside a sign, no phrase twice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from openup.coach.listen import _phrases, reply
from openup.errors import UserError

DEV = Path(__file__).resolve().parents[1] / "data" / "blind" / "replies.dev.jsonl"

# Lines a strict rater called stiff or stock, never offered now.
STOCK = (
    "That's a lot.", "That's a lot to deal with.", "What's been the hardest part of it?",
    "It makes sense that you'd feel", "What was that like for you?", "How does it all sit with you?",
    "How's it all sitting with you?", "now it's sunk in", "I can see why that's worrying you.",
    "How did you pull it off?", "How are you going to celebrate?", "What feels like the hardest part",
    "What's the part that gets to you most?", "It makes sense that it's weighing on you.",
    "It makes sense to feel both at once.", "It makes sense that it hurts this much.",
)


def _texts(message: str) -> list[str]:
    return [s.text for s in reply(message, llm=False).suggestions]


@pytest.mark.parametrize("message", [
    "worked a double and my back is killing me",  # tired
    "four reports due by friday and the printer just died",  # stress
    "the landlord kept our deposit over a scuff on the skirting board",  # anger
    "my brother didn't even show up to my birthday drinks",  # hurt, someone did it
    "they moved my review forward to tomorrow and i'm not ready",  # fear
    "not sure whether to tell my friend what i saw",  # unsure
    "the car insurance went up by 300 this year",  # money, ours
    "my best mate is moving to Perth. so happy for her but gutted",  # mixed
    "the doctor rang, the biopsy was clear",  # all clear
    "finally got my bike working again after three weekends",  # own win
    "bumped into my old maths teacher at the garden centre",  # a chance meeting
    "our cat had kittens this morning!",  # good news
])
def test_no_stock_counsellor_line(message: str) -> None:
    said = " ".join(_texts(message))
    for line in STOCK:
        assert line not in said, (line, said)


@pytest.mark.parametrize("message", [
    "tiny victory, he didnt look through my phone today lol",
    "small win: she only tracked my location twice today",
])
def test_a_win_told_beside_a_sign_is_heard_plainly(message: str) -> None:
    # a reviewer's finding: "That's so lovely" and "I love that for you" beside control (the screen's concern)
    coaching = reply(message, llm=False)
    said = " ".join(s.text for s in coaching.suggestions)
    assert coaching.safety.level != "none"
    assert not re.search(r"lovely|love (?:that|this)|wonderful|good news|so glad|brilliant|amazing|tell me more", said,
                         re.IGNORECASE), said


@pytest.mark.parametrize("message", [
    "got the job lol",  # big news told with a laugh is still big news
    "passed my driving test lol finally",
])
def test_big_news_told_with_a_laugh_is_still_celebrated(message: str) -> None:
    said = " ".join(_texts(message))
    assert re.search(r"amazing|huge|brilliant|proud|love|so happy|wonderful|yes", said, re.IGNORECASE), said
    assert "What's next on the list" not in said


@pytest.mark.parametrize("message", [
    "not to brag but i fixed the shelf lol. he smashed it last night when he was drunk",  # harm beside it
    "not to brag but i sorted the funeral flowers myself lol",  # grief
    "small win lol, the chemo nurse said my bloods are better",  # illness news
])
def test_no_light_small_win_beside_harm_grief_or_illness(message: str) -> None:
    said = " ".join(_texts(message))
    assert not re.search(r"What's next on the list|what are you taking on next|Ha, love it|Yes! Love that",
                         said, re.IGNORECASE), said


def test_a_shared_money_worry_does_not_say_work_it_out_together_twice() -> None:
    said = _texts("the boiler quote came back at 4 grand, no idea how we'll cover it")
    together = [s for s in said if re.search(r"together|work it out|figure it out", s, re.IGNORECASE)]
    assert len(together) <= 1, said


def test_a_funny_gaffe_is_not_met_as_a_worry() -> None:
    said = " ".join(_texts("lol i waved back at someone who was waving at the person behind me"))
    assert "worrying you" not in said and "hardest part" not in said, said


def _frames(message: str) -> list[str]:
    return [re.sub(r"\{[a-z_]+\}", "…", s.wording or s.text) for s in reply(message, llm=False).suggestions]


def test_no_phrase_said_twice_in_one_reply_over_the_dev_messages() -> None:
    """Over all 1,146 dev messages: no run of three of the coach's own words appears in two suggestions of one
    reply (their words said back do not count)."""
    twice = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        message = json.loads(line)["text"]
        try:
            frames = _frames(message)
        except UserError:  # an emoji-only message has no reply; nothing to compare
            continue
        for i, one in enumerate(frames):
            for other in frames[i + 1:]:
                if _phrases(one) & _phrases(other):
                    twice.append((message, one, other))
    assert not twice, twice[:5]


@pytest.mark.parametrize(("message", "label"), [
    ("small win: i finally cleared my inbox", "small win"),
    ("update: the boiler is fixed", "update"),
    ("quick one - the car failed its mot", "quick one"),
])
def test_a_label_the_message_opens_with_is_not_said_back(message: str, label: str) -> None:
    said = " ".join(_texts(message))
    assert label not in said.lower() and ": " not in said and not said.startswith(":"), said
