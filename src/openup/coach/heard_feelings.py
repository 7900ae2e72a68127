"""Feelings heard in a partner's message: named ("I'm so stressed") or likely from what happened.

The feeling words and cues are in `method/replies.toml` and `text/patterns/_macros.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from openup.coach.heard_clauses import CLAUSE_SPLIT, clean_clause, normed, split_sentences
from openup.coach.perspective import to_second_person
from openup.method import read_data
from openup.text.lexical import macros

ADV = (
    r"(?:so|really|very|just|a bit|a little|kind of|kinda|pretty|quite|super|totally|completely|extremely|"
    r"incredibly|still|also|always|constantly|honestly|actually|feeling|more|too|getting|"
    r"starting to (?:feel|get))"
)


@dataclass(frozen=True, slots=True)
class Feeling:
    """A feeling heard in the message: `named` by your partner, or `likely` from what happened."""

    word: str
    source: str  # named | likely

    def to_dict(self) -> dict[str, str]:
        return {"feeling": self.word, "source": self.source}


@dataclass(frozen=True, slots=True)
class FeelingLists:
    feeling_re: re.Pattern[str]
    noun_re: re.Pattern[str]
    nouns: dict[str, str]
    positive: frozenset[str]
    likely: tuple[tuple[re.Pattern[str], tuple[str, ...], bool], ...]  # cue, feelings, weak
    hard_re: re.Pattern[str]
    hard: dict[str, str]
    party_re: re.Pattern[str]
    place_re: re.Pattern[str]


@cache
def feeling_lists() -> FeelingLists:
    """The feeling, cue, party and place patterns, built once from the method's word lists."""
    data: dict[str, Any] = read_data("replies.toml")
    feeling = macros()["FEELING"]
    feeling_re = re.compile(
        r"\b(?:i'?m|im|i am|i feel|i felt|i was|i get|i got|i'?ve been|i have been|i'?ve felt|i keep feeling|"
        r"i'?ve been feeling|makes me(?: feel)?|made me(?: feel)?|making me(?: feel)?|leaves me(?: feeling)?|"
        r"left me(?: feeling)?|feeling|feel so|i'?m getting|i become|i became|i always feel|i still feel|"
        r"(?:^|(?<=[.!?] ))(?:a )?(?:little|bit|so|very|really|kinda|pretty|super)?)"
        rf"(?: {ADV})* ({feeling})\b(?! (?:of|about the fact))"
    )
    nouns: dict[str, str] = dict(data["feeling_nouns"])
    noun_alt = "|".join(sorted(nouns, key=len, reverse=True))
    noun_re = re.compile(
        r"\b(?:feel|feeling|felt|having|have|had|with|dealing with|struggling with|full of|lot of|so much|my|"
        rf"the|and|of|that|this|processing|in)(?: {ADV})* ({noun_alt})\b"
        r"(?! (?:relief|killers?|meds|medication|management|attacks? on))"
    )
    valence = data["valence"]
    assert isinstance(valence, dict)
    likely = tuple(
        (re.compile(str(row["cue"])), tuple(str(f) for f in row["feelings"]), bool(row.get("weak", False)))
        for row in data["likely"]
    )
    parties = data["parties"]
    places = data["places"]
    assert isinstance(parties, dict) and isinstance(places, dict)
    party_alt = "|".join(re.escape(w) for w in sorted(parties["words"], key=len, reverse=True))
    place_alt = "|".join(re.escape(w) for w in sorted(places["words"], key=len, reverse=True))
    hard: dict[str, str] = dict(data["hard_words"])
    hard_alt = "|".join(re.escape(w) for w in sorted(hard, key=len, reverse=True))
    hard_re = re.compile(
        r"^(?:it|this|that|everything|life|work|things|all of this|it all)(?:'s| is| was|'s been| has been| "
        rf"feels| felt| gets| got)(?: {ADV})* ({hard_alt})\b"
    )
    return FeelingLists(
        feeling_re,
        noun_re,
        nouns,
        frozenset(valence["positive"]),
        likely,
        hard_re,
        hard,
        re.compile(rf"\bmy ((?:(?:best|older|younger|little|big|new|old|step) )?(?:{party_alt}))\b"),
        re.compile(rf"\b(?:at|in|from) ({place_alt})\b"),
    )


def feelings_in(norm: str, lists: FeelingLists) -> tuple[list[Feeling], list[Feeling]]:
    """(feelings heard, feelings from weak cues only: a laugh, a thank-you)."""
    out: list[Feeling] = []
    seen: set[str] = set()

    def add(word: str, source: str) -> None:
        if word not in seen:
            seen.add(word)
            out.append(Feeling(word, source))

    named: list[tuple[int, str]] = []
    for m in lists.feeling_re.finditer(norm):
        before = norm[max(0, m.start() - 12) : m.start()]
        if re.search(r"\b(?:not|n't|never|no longer)\s*$", before) or re.search(r"\bnot\b", m.group(0)):
            continue
        if _NOT_NOW.search(norm[max(0, m.start() - 16) : m.start()]) or _NOT_A_FEELING.match(norm, m.start(1)):
            continue  # "when i get excited about stuff", "stuck in traffic": not how they feel now
        named.append((m.start(1), m.group(1)))
    for m in lists.noun_re.finditer(norm):
        if _AFTER_IT.search(norm[max(0, m.start(1) - 20) : m.start(1)]):
            continue  # "after all that stress at the embassy": the stress is over
        if m.group(1) == "pride" and (
            _PRIDE_KNOCKED_BEFORE.search(norm[max(0, m.start(1) - 30) : m.start(1)])
            or _PRIDE_KNOCKED_AFTER.match(norm[m.end(1) : m.end(1) + 50])
        ):
            continue  # "my pride's a bit bruised after the match": a knock, not pride felt
        named.append((m.start(1), lists.nouns[m.group(1)]))
    for sent in split_sentences(norm):
        for clause in CLAUSE_SPLIT.split(sent):
            hm = lists.hard_re.search(clean_clause(clause))
            if hm and lists.hard[hm.group(1)]:
                named.append((norm.find(clause), lists.hard[hm.group(1)]))
    for _, word in sorted(named):
        if word not in ("sorry",):  # "I'm sorry" is an apology or condolence, not a feeling to reflect
            add(to_second_person(word), "named")
    weak: list[Feeling] = []
    for cue, feelings, is_weak in lists.likely:
        pleasant = all(f in lists.positive for f in feelings)
        hits = [m for m in cue.finditer(norm) if not (pleasant and _NEGATED.search(norm[: m.start()][-16:]))]
        if not hits:
            continue  # no cue, or only a negated pleasant one ("not doing so good")
        if is_weak:
            weak.extend(Feeling(f, "likely") for f in feelings if f not in seen)
            continue
        for f in feelings:
            add(f, "likely")
        if len(out) >= 3:
            break
    return out[:3], weak[:3]


# A feeling in a "when" or "if" clause is a habit or a condition, not how they feel now.
_NOT_NOW = re.compile(r"\b(?:when|whenever|if|every time)\s+(?:i\s+|i'm\s+)?\S*\s*$")
_NOT_A_FEELING = re.compile(
    r"stuck (?:in traffic|behind|at (?:the|home|work)|on the)\b"
    r"|(?:scared|afraid) to (?:say|admit|jinx|hope|believe|get my hopes)\b"  # "scared to say it out loud": glad
)
_AFTER_IT = re.compile(r"\bafter (?:all )?(?:that|the|this|so much)\s+$")
# Pride that took a knock is no pride felt: "my pride's a bit bruised", "hurt my pride", "swallowed my pride".
_PRIDE_KNOCKED_BEFORE = re.compile(
    r"\b(?:bruised|dented|hurt|wounded|swallowed|swallow|swallowing|grazed|battered|knocked|stung|injured|damaged)"
    r"(?: (?:my|his|her|their|your|our|the))?(?: \w+){0,3}?\s+$"
)
_PRIDE_KNOCKED_AFTER = re.compile(
    r"^(?:'s|s| is| was| got| has been| took| feels| felt)?(?: (?:a|bit|little|tad|slightly|badly|very|so|well|"
    r"properly|totally|somewhat|still|just|more than))* (?:bruised|dented|hurt|wounded|battered|knocked|stung|"
    r"in (?:tatters|bits|pieces)|took a (?:hit|knock|battering|beating|bruising)|damaged)\b"
)
_NEGATED = re.compile(r"(?:\b(?:not|never|no|isnt|wasnt|dont|didnt|doesnt|aint)\b|n't\b)\W*(?:\w+\W+){0,2}$")
# Words that say a message is not light: a laugh or a thank-you in it is not the feeling to reflect.
HARD_HINT = re.compile(
    r"\b(?:not|no|never|nothing|nobody|can'?t|cannot|won'?t|don'?t|doesn'?t|didn'?t|isn'?t|wasn'?t|dont|didnt|"
    r"doesnt|cant|wont|isnt|wasnt|better|worse|worst|bad|badly|sad|sadly|cry|cried|crying|tears|hurt|hurts|"
    r"pain|alone|lonely|miss|missed|lost|lose|hard|tough|difficult|awful|terrible|horrible|sick|tired|"
    r"exhausted|worried|worry|scared|afraid|upset|depressed|anxious|anxiety|stress\w*|ugh|sigh|"
    r"unfortunately|problems?|struggl\w*|fail\w*|died|dead|broke|help|wrong|sorry|loss|condolences|passed)\b"
)


def likely_feelings(text: str, *, strong: bool = False) -> list[str]:
    """Feelings that what happened usually brings, from the cues in `method/replies.toml` (`strong`: not
    from the weak cues, a laugh or a thank-you).

    >>> likely_feelings("you forgot my birthday")
    ['left out', 'hurt']
    """
    norm = normed(text)
    out: list[str] = []
    positive = feeling_lists().positive
    for cue, feelings, weak in feeling_lists().likely:
        found = None if weak and strong else cue.search(norm)
        if found is None:
            continue
        if all(f in positive for f in feelings) and _NEGATED.search(norm[: found.start()][-16:]):
            continue  # "didn't get the job" is no cue of pride
        out.extend(f for f in feelings if f not in out)
    return out


__all__ = ["ADV", "HARD_HINT", "Feeling", "FeelingLists", "feeling_lists", "feelings_in", "likely_feelings"]
