"""A last goodbye or an attempt under way, told plainly or wrapped in love, is a crisis sign; a weapon in a
partner's hand now is danger. Everyday lines built on the same words pass."""

from __future__ import annotations

import pytest

from openup.coach.safety import assess
from openup.text import detect


def level(text: str) -> str:
    return assess(text, detect(text, model=False)).level


@pytest.mark.parametrize(
    "text",
    [
        "love you babe. I'm sitting in the car in the garage with the engine running",
        "i'm so lucky to have had you. i've taken them all",
        "love you. the pills are kicking in, I feel so calm",
        "love you heaps. I've got the rope in the car",
        "i love you more than anything. the kids are better off without me",
        "miss you already. by the time you read this I'll be gone",
        "love you, bye forever",
        "i love you. see you on the other side",
        "miss u. im on the roof of the car park",
        "this is the last time you'll hear from me",
        "been giving my stuff away",
        "love you lots. please don't try to find me",
        "miss you. he's got a knife",
        "she's got a knife and she's screaming",
        "my ex has a gun in the car",
    ],
)
def test_a_last_goodbye_or_a_weapon_now_is_flagged(text: str) -> None:
    assert level(text) == "danger", text


@pytest.mark.parametrize(
    "text",
    [
        "by the time you read this ill be at work",
        "see you on the other side of the weekend",
        "giving my stuff away to the charity shop before the move",
        "got the rope for the tent",
        "sat in the car with the engine running waiting for you",
        "bye forever 2019, hello 2020",
        "the roof of the car park has the best view",
        "he's got a knife set for christmas",
        "he's got a gun in fortnite lol",
        "you never know if he has a knife or not",
        "don't try to find me in the crowd, just text",
    ],
)
def test_everyday_lines_on_the_same_words_pass(text: str) -> None:
    assert level(text) == "none", text


@pytest.mark.parametrize(
    "text",
    [
        "I'd rather not talk about it. just know I'm not safe at home",
        "im not safe here with him",
        "I'd rather just not go into it, but I've packed a bag and I'm at the refuge",
        "we're staying at the women's refuge for now",
        "the kids are not safe with him",
        "please don't give me advice, I'd rather just not talk about it. the bruises will fade.",
    ],
)
def test_not_safe_a_refuge_and_bruises_waved_away_are_a_concern(text: str) -> None:
    assert level(text) in ("concern", "danger"), text


@pytest.mark.parametrize(
    "text",
    [
        "im at the animal shelter volunteering",
        "i'm not safe to drive yet after the eye drops",
        "the bruises from football will fade",
        "my bruises should heal in a week after the fall",
    ],
)
def test_the_same_words_elsewhere_pass(text: str) -> None:
    assert level(text) == "none", text
