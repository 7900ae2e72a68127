"""What happened, said back: the part of a partner's message a reflection should echo.

A listener repeats the thing that was told ("so the deadline got moved up a week"), not a feeling-free
summary ("you've had a lot on your mind"). `what_happened` chooses the sentence with the most content
words (two short neighbouring ones are joined), cuts a long one to its richest clause, drops small talk
around it ("ngl", "lol", "its fine") and turns it to second person. Questions to the listener and pure
filler are never chosen. Word lists: `[echo]` in `coach/heard_words.toml`.
"""

from __future__ import annotations

import re

from openup.coach.heard_clauses import CLAUSE_SPLIT, clean_clause, lower_first, split_sentences, strip_end
from openup.coach.heard_verbs import find_verb
from openup.coach.heard_words import word_set
from openup.coach.perspective import to_second_person

MAX_WORDS = 18
JOIN_BEST_MAX_WORDS = 6  # a sentence this short may take its neighbour along ("interview went bad and ...")
_FUNCTION = word_set("echo", "function_words")
_PAST = word_set("verbs", "irregular_past")
_SUBJECTLESS = re.compile(
    r"^(?:had|has|have|can'?t|couldn'?t|need|needs|gotta|got|just|finally|still|keep|kept|miss|wish)\b|^[a-z]+ed\b"
)
_LEADS = re.compile(
    r"^(?:(?:not gonna lie|to be honest|oh my god|reckon|eish|ugh+|omg|welp|sigh|guess what|so yeah|ok so|okay so|"
    r"ah+|oh+|thanks?|thank you|good point|true|fair enough)"
    r"\b[,!.]?\s*)+",
    re.IGNORECASE,
)
# Tags at the end that are said to the listener, not part of what happened ("feeling lonely lately ngl").
_TAILS = re.compile(
    r"(?:[,\s]+(?:not gonna lie|to be honest|lol|lmao|haha+|fr|for real|smh|i don't know|idk|tbh|ngl|tho|though|"
    r"honestly|lowkey|highkey))+\s*$",
    re.IGNORECASE,
)
# A texting sentence that starts with a state drops "I'm": "feeling lonely lately", "bored outta my mind".
_STATE_START = re.compile(
    r"^(?:feeling|thinking|going|trying|getting|having|being|working|struggling|starting|looking|hoping|"
    r"bored|tired|exhausted|knackered|shattered|stuck|stressed|done|sick|excited|worried|scared|nervous|annoyed|"
    r"gutted|chuffed|stoked|buzzing|proud|sad|happy|confused|overwhelmed|embarrassed|frustrated|devastated|a bit|"
    r"bit (?=down|tired|low|sad|rough|off|stressed|flat|meh|overwhelmed|anxious|nervous|worried|lonely|fed up))\b",
    re.IGNORECASE,
)
# Greetings and wishes that start like a state: "happy birthday to my mum", "thinking of you".
_NOT_A_STATE = re.compile(r"^(?:happy (?:birthday|anniversary|new year|holidays|friday|easter|diwali|eid)|"
                          r"thinking of (?:you|u)\b)", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z']*")


def content_words(text: str) -> list[str]:
    """The words of `text` that carry content: not function words, at least three letters.

    >>> content_words("my lead won't look at me")
    ['lead']
    """
    return [w for w in _WORD.findall(text.lower().replace("\u2019", "'")) if w not in _FUNCTION and len(w) >= 3]


def _score(unit: str) -> float:
    """Content words, and a clause that tells something (it has a verb) over a list of things."""
    words = content_words(unit)
    return len(words) + 0.1 * sum(len(w) > 5 for w in words) + (1.5 if find_verb(unit) is not None else 0.0)


def _with_subject(unit: str) -> str:
    """Texting drops the "I": "broke my wrist skateboarding" is "I broke my wrist skateboarding"."""
    typed = unit.split(" ", 1)[0]
    first = typed.lower()
    shouted = len(typed) > 1 and typed.isupper()  # "FINISHED THE HALF MARATHON" stays as typed
    if _STATE_START.match(unit) and not _NOT_A_STATE.match(unit):
        return "I'm " + ("a " if first == "bit" else "") + (unit if shouted else unit[:1].lower() + unit[1:])
    if (first in _PAST or _SUBJECTLESS.match(first)) and typed != "Miss":  # "Miss Smith gave me detention"
        return "I " + (unit if shouted else unit[:1].lower() + unit[1:])
    return unit


_ORDINARY_STARTS = frozenset({"only", "in", "after", "before", "since", "apparently", "probably", "now"})


def _lower_start(unit: str) -> str:
    """The first word in lower case when it is an ordinary word ("Only", "Had"), not a name ("Mam")."""
    first = unit.split(" ", 1)[0]
    low = first.lower()
    ordinary = low in _FUNCTION or low in _PAST or low in _ORDINARY_STARTS or low.endswith(("ed", "ing", "ly"))
    if first != "I" and ordinary:
        return low + unit[len(first):]
    return unit


def _best_clause(sentence: str) -> str:
    clauses = [clean_clause(c) for c in CLAUSE_SPLIT.split(sentence) if c.strip()]
    clauses = [c for c in clauses if c and len(c.split()) <= MAX_WORDS]
    if not clauses:
        return ""  # a sentence cut at a word count reads cut ("... outside your door with a")
    return max(clauses, key=_score)


_ASKING = re.compile(
    r"^(?:what|why|how|when|where|who|which|do|does|did|are|is|can|could|would|will|should|have|has|u|you)\b",
    re.IGNORECASE,
)


def candidates(text: str) -> list[str]:
    """The parts of `text` worth saying back, best first, each in second person.

    The first sentence gets a little extra weight: people lead with the news. A question to the listener
    ("why didn't you call?") is never chosen; an excited one ("they want my cookies???") may be.
    """
    units: list[tuple[int, str]] = []
    for i, sent in enumerate(split_sentences(text)):
        if sent.rstrip().endswith("?") and _ASKING.match(sent.strip()):
            continue
        cleaned = clean_clause(strip_end(_TAILS, _LEADS.sub("", clean_clause(sent))))
        if not cleaned or not content_words(cleaned):
            continue
        if len(cleaned.split()) > MAX_WORDS:
            cleaned = _best_clause(cleaned)
            if not cleaned:
                continue
        units.append((i, _with_subject(cleaned)))
    if not units:
        return []
    ranked = sorted(units, key=lambda u: -(_score(u[1]) + (1.0 if u[0] == 0 else 0.0)))
    out: list[str] = []
    best_i, best = ranked[0]
    if len(ranked) > 1:
        other_i, other = ranked[1]
        if abs(other_i - best_i) == 1 and len(best.split()) <= JOIN_BEST_MAX_WORDS and len(content_words(other)) >= 2:
            first, second = (best, other) if best_i < other_i else (other, best)
            out.append(f"{first.rstrip(',;:')} and {_lower_start(second)}")
    out += [u for _, u in ranked]
    return [lower_first(_lower_start(to_second_person(u.rstrip(".!?,;: \t\n\r\f\v")))) for u in out]


def what_happened(text: str) -> str | None:
    """The part of `text` to say back, in second person, or None when nothing in it has content.

    >>> what_happened("ngl i think layoffs are coming. everyone in my dept is whispering")
    'you think layoffs are coming and everyone in your dept is whispering'
    >>> what_happened("i cried in the bathroom at work today. its fine. im fine")
    'you cried in the bathroom at work today'
    >>> what_happened("lol ok") is None
    True
    """
    found = candidates(text)
    return found[0] if found else None


__all__ = ["candidates", "content_words", "what_happened"]
