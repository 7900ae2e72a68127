"""A pattern's guards, applied to each match: quoted speech, negation, and what comes before and
after it in the clause."""

from __future__ import annotations

import re
from functools import cache

from openup.text.pattern_files import Pattern, macros

_CLAUSE_END = re.compile(r"[.!?;:,\n]|\bbut\b|\band\b")


# Before an opening quote: the writer saying it ("I told him flat out", "I just went", "my answer was"). Words
# in such a quote are the writer's own act, read like any other; other people's words in quotes are not.
_SPEECH_VERBS = (
    r"said|say|told|tell|texted|text|messaged|wrote|replied|answered|snapped(?: at)?|shot back|went|asked|admitted|"
    r"yelled(?: at)?|shouted(?: at)?|screamed(?: at)?|muttered|blurted(?: out)?|typed|sent|called"
)
# "I" or "we", a few adverbs, the speech verb, at most one object ("him", "Marcus", "my mum") and a few words of
# manner ("flat out", "back", "to her"), then the quote: nothing else between, so "I heard him say", "I can't believe
# you said", "I told him you said" and "I went to the shop and he yelled" stay other people's words.
_OWN_SPEECH = re.compile(
    r"(?:\b(?:i|we)(?:'ve|'d| have| had)?"
    r"(?: (?:just|literally|then|even|basically|finally|actually|also|only|simply|calmly|quietly|kind of|kinda|"
    r"sort of|straight up|once|did|then just))*"
    rf" (?:{_SPEECH_VERBS})"
    r"(?: (?:(?:the|my|our|his|her|their|your) )?[a-z][a-z']*)?"
    r"(?: (?:flat out|straight up|right back|back|again|straight|to (?:him|her|them|you|[a-z]+)|over text))?"
    r"|\b(?:my|our) (?:answer|reply|response) was"
    r"|\ball (?:i|we) (?:said|did) was)[\s,:-]*$"
)
_OWN_REACH = 80  # characters before an opening quote that `_OWN_SPEECH` reads (linear on long text)
# ... unless the writer is taking the words back ("I'm sorry I said \"...\""): then they are not said again.
_TAKEN_BACK = re.compile(
    r"\b(?:sorry|apologi[sz]e|regret|shouldn'?t have|should not have|wish (?:i|we) (?:hadn'?t|had not|never)|"
    r"didn'?t mean|did not mean|take (?:it|that|back))\b[^.!?\n\"]*$"
)


def every_quote(text: str) -> list[tuple[int, int]]:
    """Spans of every double-quoted stretch (quotes and all), whoever said it: in a message to you, words
    quoted from another moment are reported, not said to you now (`openup.coach.listen`)."""
    spans = []
    opened = -1
    for i, ch in enumerate(text):
        if ch in '"\u201c\u201d':
            if opened < 0:
                opened = i
            else:
                spans.append((opened, i + 1))
                opened = -1
    return spans


def quote_spans(norm: str) -> list[tuple[int, int]]:
    """Spans of other people's words in double quotes (quotes and all): a pattern's match inside one is
    reported speech, not the writer's own act. A quote the writer says they said ("I told him \"...\"")
    is left out: those are the writer's own words, unless taken back ("I'm sorry I said \"...\"").
    `norm` is normalised text, whose quotes are all straight."""
    spans = []
    for opened, end in every_quote(norm):
        before = norm[max(0, opened - _OWN_REACH) : opened]
        if not _OWN_SPEECH.search(before) or _TAKEN_BACK.search(before):
            spans.append((opened, end))
    return spans


_SENTENCE_END = re.compile(r"[.!?\n]")
SENTENCE_REACH = 200  # characters either side of a match that `sentence_around` looks at


def sentence_around(norm: str, start: int, end: int) -> str:
    """The sentence holding norm[start:end]: from the last . ! ? or line break before it to the next one
    after it, at most SENTENCE_REACH characters either side (so a guard stays linear on long text)."""
    before = norm[max(0, start - SENTENCE_REACH) : start]
    cut = 0
    for m in _SENTENCE_END.finditer(before):
        cut = m.end()
    after = norm[end : end + SENTENCE_REACH]
    stop = _SENTENCE_END.search(after)
    return before[cut:] + norm[start:end] + (after[: stop.start()] if stop else after)


def clause_before(norm: str, start: int) -> str:
    """The text from the last clause boundary up to `start` (at most 80 characters)."""
    window_start = max(0, start - 80)
    window = norm[window_start:start]
    last = 0
    for m in _CLAUSE_END.finditer(window):
        last = m.end()
    return window[last:]


@cache
def _negation() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    table = macros()
    near = re.compile(r"(?:" + table["NEG"] + r")\W+(?:[\w']+\W+){0,2}$")
    frame = re.compile(table["NEG_FRAME"])
    brk = re.compile(table["NEG_BREAK"]) if "NEG_BREAK" in table else None
    return near, frame, brk


def negated(norm: str, start: int) -> bool:
    """True when a negation governs the span starting at `start` ("I don't think you're lazy")."""
    clause = clause_before(norm, start)
    if not clause.strip():
        return False
    near, frame, brk = _negation()
    if brk is not None:
        # A phrase such as "it's not my fault" closes the negation's scope.
        cut = 0
        for m in brk.finditer(clause):
            cut = m.end()
        clause = clause[cut:]
    return bool(near.search(clause) or frame.search(clause))


def passes(pat: Pattern, norm: str, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """The pattern's guards: quoted speech, negation, what comes before and after."""
    if quotes and pat.in_quotes == "drop" and any(a <= start and end <= b for a, b in quotes):
        return False
    if pat.negatable and negated(norm, start):
        return False
    if pat.not_before is not None and pat.not_before.search(clause_before(norm, start)):
        return False
    if pat.only_before is not None and not pat.only_before.search(clause_before(norm, start)):
        return False
    if pat.not_in_sentence is not None and pat.not_in_sentence.search(sentence_around(norm, start, end)):
        return False
    return not (pat.not_after is not None and pat.not_after.match(norm, end))
