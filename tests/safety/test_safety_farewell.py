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
        "i love you more than anything. the kids are better off without me",
        "miss you already. by the time you read this I'll be gone",
        "love you, bye forever",
        "love you. goodnight forever",
        "i love you. see you on the other side",
        "miss u. im on the roof of the car park",
        "love you heaps. I've got the rope in the car",
        # a third reviewer's lines: real danger the mends must not lose
        "bye forever, sorry i'm such a let down, the train's coming",
        "i took them all. sorry",
        "i've swallowed them all with vodka",
        "took them all. bye",
        "ive swallowed the lot. dont be mad",
        "downed the whole bottle of paracetamol with vodka",
        "he's got a knife. help",
        "she's got a gun. please call 911",
        "he's got a knife and the police are on their way",
        "the bruises will fade, don't tell the doctor",
        "he's got an axe and he's angry",
        "eish he's got a panga and he's at the gate",
        "my ex is outside with petrol",
        "he poured petrol through the letterbox",
        "he's threatening to set fire to the flat",
        "goodnight forever my love",
        "you won't hear from me again. love you",
        "ive taken them all with wine",
        "miss you. i've had them all. the whole lot",
        # a fourth reviewer's lines
        "I've taken them all, I'm sorry, I couldn't face work again",
        "the pills are kicking in, tell mum I'm sorry about the film night",
        "took the whole packet of tablets after work, sorry",
        "I'm on the roof of the office. I can't do this anymore",
        "engine's running in the garage and the door is shut",
        "this is the last time you'll hear from me",
        "been giving my stuff away",
        "love you lots. please don't try to find me",
        "miss you. he's got a knife",
        "she's got a knife and she's screaming",
        "my ex has a gun in the car",
        "he has a cricket bat and he's coming up the stairs",
        "howzit, i'm not safe at home, he's got a panga",
        "my oga get knife for hand now now, e dey shout",
        "he's poured petrol everywhere and he's got a lighter",
        "he's going to set the house on fire, he's got the petrol can",
        "my ex is outside with a jerry can of petrol",
        "he's after breaking in again, he's below in the kitchen",
        "ja, someone's trying the back gate, i think it's my ex",
        "that man don break in again, e dey parlour",
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
        # a second reviewer's everyday lines
        "right, going into surgery now, see you on the other side!",
        "goodbye forever, old sofa 😂 tip run done",
        "goodbye forever dry january 🍷",
        "bye for good, old job! last day done 🎉",
        "this is the last time you'll hear me complain about the boiler",
        "this is the last you'll ever hear from me about the in-laws",
        "the tablets are kicking in, headache's easing finally",
        "i took them all, the kids' shoes, back to the shop",
        "don't look for me tonight, i'm out with the girls xx",
        "i'm giving all my things away on freecycle before we emigrate",
        "by the time you read this I'll be gone, the ferry leaves at 6",
        "my husband has a hammer, he's putting up the shelves",
        "he's got the axe out for the firewood",
        "my husband has a rifle, he hunts deer",
        "she's got a knife in her hand, she's making the salad",
        "the marks should fade, the dermatologist said it's just eczema",
        "my black eye should heal before the wedding, cricket ball to the face",
        "staying at a shelter hut on the hike",
        "staying in the refuge on the mountain",
        "he filled the jerry can for the mower",
        "ive taken them all swimming, back at 4",
        "he's got the gun at the range again, so boring",
        "dey play, my oga get knife for kitchen dey cut yam",
        "staying in the refuge on the mountain",
        "living in a shelter since the flood",
        "I had it all planned out",
        "I took them all to nanas",
        "had them all eating out of my hand",
        "the tablets are kicking in, my cold's easing",
        "I'm on the roof of the shed fixing the felt",
        "the bruise will fade, it was the cricket",
        "he broke in his new boots",
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
        "the kids and me are in the refuge now. he doesn't know where",
        "i'm not safe here",
        "i'm not safe in this house",
        "we're at a refuge now. 3 weeks",
        "staying in a refuge till the court date",
        "we dey for refuge now, that man no know",
        "i don't feel safe here tonight",
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
