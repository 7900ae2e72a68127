"""Cheer said of a setback: irony and self-mockery ("congrats to me i guess, got passed over for promotion
AGAIN", "well done me, locked myself out again lol", "great. the boiler's broken"). The cheer or praise is
an interjection (it opens or closes the message or a sentence, or is said to "me"), and what it is said of,
the rest of the message read without it, is a setback: a mishap, a loss, a failure, something to do over.
Such a message is neither good news nor praise of the listener; it is met as the setback it is (lightly when
the cheer is said to oneself: `self_mocked`).

Only the words are read here: `cheered_at(text)` gives the rest of the message without its cheer (None when
there is no cheer, or the cheer is for the listener: "well done you, that dinner was amazing"), and
`setback_in(rest)` how plainly the rest tells a setback. The feelings reader decides the doubtful cases
(`reading.cheered_setback`). The word lists are `[irony]` in `coach/heard_words.toml`.

>>> cheered_at("well done me, locked myself out again lol")
'locked myself out again lol'
>>> cheered_at("well done you, that dinner was amazing") is None, cheered_at("had a lovely day") is None
(True, True)
>>> setback_in("locked myself out again lol"), setback_in("yay back to lisbon again"), setback_in("got the job")
('plain', 'maybe', '')
"""

from __future__ import annotations

import re

from openup.coach.heard_words import alternation, word_tuple
from openup.coach.news import says_good

_CHEERS = alternation(word_tuple("irony", "cheers"))
_SELF = alternation(word_tuple("irony", "self_cheers"))
# Before an interjection: the start, a break in the sentence, or a little word that leads it in ("oh great").
_BEFORE = r"(?:^|[.!?,;:…\n(\-–—]|(?<!\w)(?:oh|just|so|well|and|lol|lmao|haha|wow|ah|ahh|ok|okay|omg))\s*"
# After it: who it is for ("to me"), a shrug or a laugh, and then a break or the end.
_FOR_ME = r"(?:\s+(?:(?:to|for|on)\s+)?(?:me|myself|us)(?!\w))?"
_SHRUG = r"(?:[\s,]+(?:i guess|i suppose|ig|honestly|really|tbh|lol|lmao|haha|ha|hahaha|innit|sha|o|mate)(?!\w))*"
_BREAK = r"(?=\s*(?:$|[.!?,;:…\n)\-–—]|[\U0001F300-\U0001FAFF\u2600-\u27BF]))"
_CHEER = re.compile(
    rf"{_BEFORE}((?<!\w)(?:{_SELF})(?!\w){_SHRUG}|oh\s+(?:{_CHEERS})(?!\w){_FOR_ME}{_SHRUG}"
    rf"|(?<!\w)(?:{_CHEERS})(?!\w){_FOR_ME}{_SHRUG}{_BREAK})",
    re.IGNORECASE,
)
# Said to the listener: the praise is for them ("well done you", "congrats babe"), or a sentence says what
# they did or were ("you were amazing tonight").
_TO_YOU = re.compile(
    r"^[\s,!.]*(?:to |for )?(?:you|u|ya|yourself|babe|baby|love|hun|honey|darling|sweetheart)\b", re.IGNORECASE
)
_YOU_DID = re.compile(r"\b(?:you|u|you're|youre) (?:were|are|was|did|made|cooked|sorted|fixed)\b", re.IGNORECASE)
_SETBACK = re.compile(r"(?<!\w)(?:" + alternation(word_tuple("irony", "setbacks")) + r")(?!\w)", re.IGNORECASE)
_MAYBE = re.compile(r"(?<!\w)(?:" + alternation(word_tuple("irony", "setbacks_weak")) + r")(?!\w)", re.IGNORECASE)
_WORTH_IT = re.compile(r"(?<!\w)(?:" + alternation(word_tuple("irony", "not_setbacks")) + r")(?!\w)", re.IGNORECASE)
# A loss that is a gain: weight lost ("go me, lost 3 stone since january").
_GOOD_LOSS = re.compile(
    r"\blost (?:about |almost |nearly |over |like )?(?:\d+(?:\.\d+)?|a|half a|one|two|three|four|five|six|ten) ?"
    r"(?:kg|kgs|kilos?|stone|st|lbs?|pounds|dress sizes?|sizes?)\b",
    re.IGNORECASE,
)
# Cheer said to oneself: a phrase of `self_cheers`, or any cheer said to "me" ("bravo me", "nice one me").
_SELF_CHEER = re.compile(rf"(?<!\w)(?:{_SELF})(?!\w)|(?<!\w)(?:{_CHEERS})\s+(?:(?:to|for|on)\s+)?(?:me|myself)(?!\w)",
                         re.IGNORECASE)


def cheered_at(text: str) -> str | None:
    """The rest of `text` without its cheer or praise, when it has one said as an interjection and not to the
    listener; None otherwise."""
    found = list(_CHEER.finditer(text))
    if not found:
        return None
    if any(_TO_YOU.match(text[m.end(1):]) for m in found) or _YOU_DID.search(text):
        return None
    rest = text
    for m in reversed(found):
        rest = rest[: m.start(1)] + " " + rest[m.end(1):]
    rest = re.sub(r"\s+", " ", rest).lstrip(" ,.;:-–—!").rstrip(" ,;:-–—")  # "!!" at the end is theirs
    return rest if re.search(r"\w", rest) else None


# Irony told at length: a sentence of its own that gives the day a glowing verdict ("Oh it was wonderful.", "Well,
# today was a triumph.", "Truly a day for the scrapbook.") or hails the news ("Great news everyone, ..."), in a
# message of several sentences whose rest tells how it went. Only the feelings reader says whether the rest is
# hard (`reading.cheered_setback`): the verdict alone proves nothing ("Honestly, it was wonderful. We walked ...").
_VERDICT_WORDS = rf"(?:{_CHEERS}|triumph|delight|joy|success|dream|treat|highlight|riot|hoot|blast|picnic)"
_VERDICT = re.compile(
    r"^(?:(?:oh|well|so|and|honestly|truly|really|yeah|ah)\W+)*(?:it|today|that|this|the (?:whole )?(?:day|thing|"
    r"evening|morning|afternoon|week))\s+(?:was|has been|'s been)\s+(?:just |absolutely |truly |simply |such |"
    rf"(?:a|an) |really |totally |all )*{_VERDICT_WORDS}(?:\s+(?:of a|day|time|morning|afternoon|evening))?\W*$"
    r"|^(?:(?:truly|honestly|really|just|oh|so)\W+)*(?:what|a|one|such)(?: a)? (?:day|week|morning|evening|night|"
    r"afternoon)(?: for| to)(?: the)? (?:scrapbook|books|history books|memory books?|diary|ages|remember)\W*$",
    re.IGNORECASE,
)
_HAILED = re.compile(
    r"^(?:great|good|brilliant|fantastic|wonderful|excellent|exciting) news(?:,? (?:everyone|everybody|all|folks|"
    r"people|team))?\s*[,:!.]+\s*(?=\S)",
    re.IGNORECASE,
)
VERDICT_MIN_SENTENCES = 3


def verdict_at(text: str) -> str | None:
    """The rest of `text` without a sentence that gives it a glowing verdict ("Oh it was wonderful.", "Truly a
    day for the scrapbook.") or hails its news ("Great news everyone, ..."), in a message of three sentences or
    more; None when it has none.

    >>> verdict_at("Oh it was wonderful. The school rang. Then the client emailed. Truly a day for the scrapbook.")
    'The school rang. Then the client emailed.'
    >>> verdict_at("It was wonderful. We walked for hours.") is None
    True
    """
    from openup.coach.heard_clauses import split_sentences

    sentences = [s.strip() for s in split_sentences(text) if s.strip()]
    if len(sentences) < VERDICT_MIN_SENTENCES:
        return None
    kept = [s for s in sentences if not _VERDICT.match(s)]
    if kept and (m := _HAILED.match(kept[0])) is not None:
        kept[0] = kept[0][m.end():]
    if len(kept) == len(sentences) and kept[0] == sentences[0]:
        return None
    rest = " ".join(kept).strip()
    return rest if re.search(r"\w", rest) else None


def setback_in(rest: str) -> str:
    """How plainly `rest` (a message without its cheer) tells a setback: "plain" ("passed over", "locked
    myself out", "redo", "broke"), "maybe" (a thing gone wrong once more, a word that may tell a mishap: "again",
    "late", "sick"), or "" (nothing, or good news said plainly: "finally passed my test after failing twice")."""
    if says_good(rest) or _WORTH_IT.search(rest):
        return ""
    rest = _GOOD_LOSS.sub(" ", rest)
    if _SETBACK.search(rest):
        return "plain"
    return "maybe" if _MAYBE.search(rest) else ""


def cheers_self(text: str) -> bool:
    """Whether `text` cheers its teller ("well done me", "go me"), for a setback or a win: praise of no one else.

    >>> cheers_self("well done me, ran my first 10k"), cheers_self("well done you, that dinner was amazing")
    (True, False)
    """
    return _SELF_CHEER.search(text) is not None


def self_mocked(text: str) -> bool:
    """Whether `text` cheers its teller ("well done me", "go me", "love that for me", "10/10") for a setback
    said plainly: self-mockery, told lightly ("go me, dropped my phone down the loo"; not "so proud of myself, i
    went to the gym 3 times this week").

    >>> self_mocked("go me, dropped my phone down the loo"), self_mocked("go me, went to the gym 3 times")
    (True, False)
    """
    if not cheers_self(text):
        return False
    rest = cheered_at(text)
    return rest is not None and setback_in(rest) == "plain"


__all__ = ["cheered_at", "cheers_self", "self_mocked", "setback_in", "verdict_at"]
