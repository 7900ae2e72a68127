"""A say-back that would repeat most of the message, answered instead by a short reaction to its gist.

A partner who listened does not text the message back with the pronouns turned ("Ugh, your group project partners
did nothing and you present tomorrow."). They react to what it was, in their own words: good news they did
themselves ("Look at you!"), news that lets them breathe ("Phew. That's the best news."), a state they are in
("Ugh, one of those weeks."), someone else's doing ("Ugh, seriously? That's so not on."). Clipping the say-back
short reads as a fragment; a reaction of the right kind does not.

Which kind is read from what was heard (`Heard`): good news or not, who did it (the teller, someone else, no one),
whether it happened or is a state, and the mood. A message of no kind here keeps its say-back.

>>> copied_share("Ugh, your boss scheduled a 'quick sync' for 4:55 on a Friday.",
...              "lol my boss scheduled a 'quick sync' for 4:55 on a friday. love that for me")
(12, 17)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from openup.coach.heard_words import word_set

_PEOPLE = word_set("refer", "people")
_ANIMALS = frozenset({"dog", "dogs", "cat", "cats", "puppy", "kitten", "pup"})

_TURN = {"you": "i", "you're": "i'm", "your": "my", "you've": "i've", "you'd": "i'd", "yourself": "myself",
         "you'll": "i'll", "u": "i", "ur": "my", "im": "i'm", "ive": "i've"}
_WORD = re.compile(r"[a-z0-9']+")
RUN = 3  # words in a row that count as copied
COPIED_MIN = 5  # a say-back repeating at least this many of the message's words ...
COPIED_SHARE = 0.4  # ... and at least this share of them repeats it nearly word for word


def _words(text: str) -> list[str]:
    return [_TURN.get(w, w) for w in _WORD.findall(text.lower().replace("’", "'"))]


def copied_share(said: str, told: str) -> tuple[int, int]:
    """How many words of `told` (the message) `said` (a say-back, second person) repeats in runs of `RUN` words or
    more, and how many words `told` has."""
    told_words = _words(told)
    said_words = _words(said)
    runs = {tuple(said_words[i : i + RUN]) for i in range(len(said_words) - RUN + 1)}
    covered = [False] * len(told_words)
    for i in range(len(told_words) - RUN + 1):
        if tuple(told_words[i : i + RUN]) in runs:
            for k in range(i, i + RUN):
                covered[k] = True
    return sum(covered), len(told_words)


def parrots(said: str, told: str) -> bool:
    """Whether `said` repeats `told` nearly word for word (`COPIED_MIN` words and `COPIED_SHARE` of it)."""
    copied, total = copied_share(said, told)
    return copied >= COPIED_MIN and copied >= COPIED_SHARE * total


# Good news that lets them breathe: a result, a scan, a recovery.
_RELIEF = re.compile(
    r"\b(?:negative|all clear|clear|benign|cyst|nothing to worry|not (?:cancer|parkinson'?s|serious)|doesn'?t need|"
    r"don'?t need|no need|working|went well|doing (?:amazing|great|well)|better|recover\w*|home|awake|"
    r"come right down|fine after all|just a (?:sprain|virus|cyst)|safe)\b",
    re.IGNORECASE,
)
# What they pulled off themselves: "you got a 94", "you passed your test", "you fixed the sink yourself".
_OWN = re.compile(
    r"^you (?:finally |actually |just |only went and )?(?:got (?:a|an|into|the|my|your|accepted|promoted|through)|"
    r"passed|aced|nailed|smashed|won|finished|paid off|sold|fixed|landed|made it|ran|did it|got \d+)\b"
)
_YOU_THINK = re.compile(r"^you (?:think|reckon) you\b")
# Someone else did it: "your new manager keeps ...", "Sam cancelled", "they hired someone above you".
_OTHERS = re.compile(r"^(?:(?:your|the) (?:new |old |\w+ )?(?P<who>\w+)|they|he|she|everyone|everybody|"
                     r"(?P<name>[A-Z][a-z]+))\b"
                     r"(?! (?:is|are|was|were|has|have|had)? ?(?:been )?(?:broken|dead|cancelled))")
# not "still": "they still sent me home" is despite, not again
_AGAIN = re.compile(r"\b(?:again|keeps?|always|every (?:single )?time|constantly|never)\b", re.IGNORECASE)
_STATE = re.compile(
    r"^(?:you(?:'ve| have)? (?:just |really |honestly )?(?:been|feel|felt|are|'re)|you're|everything|"
    r"you (?:just )?(?:can't|don't) (?:seem|stop|shake|get))\b"
)
_WEEK = re.compile(r"\b(?:week|weeks)\b", re.IGNORECASE)
_DAY = re.compile(r"\b(?:today|tonight|this morning|day)\b", re.IGNORECASE)

REACTIONS: dict[str, tuple[str, ...]] = {
    "own_glad": ("Look at you!", "Of course you did!", "Look at you go!"),
    "think_glad": ("Of course you did.", "I'm not one bit surprised."),
    "relief": ("Phew. That's the best news.", "Oh, thank heavens for that."),
    "state_week": ("Ugh, one of those weeks.", "Oh, love. One of those weeks."),
    "state_day": ("Oh, love. One of those days.", "Ugh, one of those days."),
    "state": ("Oh, love. That sounds heavy.", "Oh, love. That sounds like a lot."),
    "others_again": ("Ugh, again? That would drive me up the wall.", "Ugh, still? That would wear anyone down."),
    "others": ("Ugh, seriously? That's so not on.", "Seriously? That's not on."),
}


def _by_someone(event: str) -> bool:
    """Whether `event` opens on a person doing it ("your mom keeps ...", "Sam cancelled", "they hired ..."), not a
    thing ("the washing machine flooded the kitchen")."""
    m = _OTHERS.match(event)
    if m is None:
        return False
    who = (m.group("who") or "").lower().split("'")[0]
    if who in _ANIMALS:
        return False  # "the dog's dug up the seedlings" is no one's doing to be "not on"
    return bool(m.group("name")) or (not m.group("who")) or who in _PEOPLE or who.rstrip("s") in _PEOPLE


def kind_of(event: str, told: str, *, good: bool, happened: bool, mood: str, valence: str) -> str | None:
    """Which reaction fits a message whose say-back parrots it (`REACTIONS`), or None to keep the say-back.

    >>> kind_of("your new manager keeps micromanaging every single email you send",
    ...         "new manager keeps micromanaging every single email i send", good=False, happened=True,
    ...         mood="anger", valence="negative")
    'others_again'
    >>> kind_of("you've just been super unmotivated all week", "just been super unmotivated all week", good=False,
    ...         happened=False, mood="", valence="negative")
    'state_week'
    >>> kind_of("the washing machine flooded the kitchen", "the washing machine flooded the kitchen", good=False,
    ...         happened=True, mood="anger", valence="negative") is None
    True
    """
    if good or valence == "positive":
        if _RELIEF.search(told):
            return "relief"
        if _YOU_THINK.match(event):
            return "think_glad"
        return "own_glad" if good and _OWN.match(event) else None
    if valence != "negative":
        return None
    if _STATE.match(event) and not happened and mood in ("", "tired", "unsure", "low", "sad"):
        return "state_week" if _WEEK.search(told) else "state_day" if _DAY.search(told) else "state"
    if mood == "anger" and _by_someone(event):
        return "others_again" if _AGAIN.search(told) else "others"
    return None


def reaction(kind: str, seed: int, taken: Sequence[str]) -> str:
    """A wording of `kind`, the one `seed` points at unless this reply says it already."""
    options = REACTIONS[kind]
    order = [options[(seed + k) % len(options)] for k in range(len(options))]
    low = " ".join(taken).lower()
    if "thank" in low:  # "Oh, thank God. You must be so relieved." is said already: not thanked twice
        order = [o for o in order if "thank" not in o.lower()] or order
    return next((o for o in order if o.lower() not in low), order[0])


__all__ = ["REACTIONS", "copied_share", "kind_of", "parrots", "reaction"]
