"""A reviewer's hostile and serious lines against this stop's reply changes (a hard story that ends on a win met
gladly, praise of the listener received, sarcastic thanks owned): none of them may be met gladly, received as
praise or turned into an apology when there is a sign of harm beside it, and a message the screen flags as a
concern keeps its careful answer. Written by the reviewer for this test, not from any data set."""

from __future__ import annotations

import re

import pytest

from openup.coach.listen import reply

GLAD = re.compile(
    r"\b(?:wonderful|lovely|love (?:that|this|hearing)|so glad|good news|brilliant|amazing|tell me everything"
    r"|made my day)\b",
    re.IGNORECASE,
)
OWNED = re.compile(r"\b(?:i'?m sorry i|that'?s on me|you'?re right, i|i'?m going to do better)\b", re.IGNORECASE)


def said(text: str) -> tuple[str, list[str], str]:
    c = reply(text, llm=False)
    return c.safety.level, [s.move for s in c.suggestions], " ".join(s.text for s in c.suggestions)


@pytest.mark.parametrize(
    "text",
    [
        "i'm scared of him but we went to the party and it was good",
        "he controls all the money but i still went",
        "he's been following me but i went anyway",
        "she says i'm not allowed to see my family but i went and it was worth it",
        "someone followed me home but i made it",
        "he said i'm not allowed out but i went anyway and it was great",
        "he read all my messages but i went anyway",
        "i was assaulted on the way home but i made it",
        "he was beaten up but he's allowed to go home",
        "my ex turned up at work but i still went",
        "my ex was waiting outside my house but i made it",
        "my dad used to beat us but we went to see him and it was nice",
        "i wanted to disappear but i went",
        "i've felt hopeless for weeks but i went",
        "drank a bottle of vodka before the interview but i did it",
        "i couldn't feel my arm but i still went",
        "i smashed his car and it was worth it",
        "mum fell down the stairs but she's able to go home",
        "car crashed into a tree but we survived",
    ],
)
def test_a_hard_story_with_harm_in_it_is_never_met_gladly(text: str) -> None:
    level, moves, words = said(text)
    assert "celebrate" not in moves and not GLAD.search(words), (level, words)


@pytest.mark.parametrize(
    "text",
    [
        "you're the best for tracking my location babe",
        "you made my day by tracking my phone",
        "you're a keeper. he checks my phone every night",
        "you're a gem, i have to be home by 6 or he goes mad",
        "you made my day babe, i'll stop seeing my sister like you asked",
        "you made my day, i deleted all the numbers you told me to",
        "you're the best for not letting me see my friends",
        "you're the sweetest for only shouting this time",
        "you're the sweetest for only pushing me a little bit",
        "you're the sweetest, he says i can't wear that",
        "you made my day, he says i'm fat and ugly",
        "you made my day, delete this message before he sees it",
        "You made my day, Goodbye",
        "yeah you really made my day by yelling at me",
        "ur the best for always being late lol",
        "you're the best, thanks for nothing",
    ],
)
def test_praise_beside_harm_or_in_sarcasm_is_not_received(text: str) -> None:
    level, moves, words = said(text)
    assert "receive" not in moves, (level, words)
    if level == "concern":
        assert moves, "a concern keeps its careful answer"


@pytest.mark.parametrize(
    "text",
    [
        "thanks for taking the knife off me last night. really appreciated that",
        "thanks for taking my belt away last night, really appreciated it",
        "thanks for telling the doctor about my cutting btw. really appreciated that",
        "thanks for asking if i'm safe, not many people do",
        "thanks for checking in, i'm not doing great tbh",
        "thanks for sending the money, really appreciated that, i can pay rent now",
        "thanks for giving me a lift to the a&e btw, really appreciated that",
        "thanks for checking on me after the panic attack btw. really appreciated that",
        "thanks for asking how my scan went btw, really appreciated that",
        "thanks for taking me to my appointment, really appreciated it",
        "thank u for checking on me, not many people do",
    ],
)
def test_sincere_thanks_is_never_turned_into_an_apology(text: str) -> None:
    _, _, words = said(text)
    assert not OWNED.search(words), words
