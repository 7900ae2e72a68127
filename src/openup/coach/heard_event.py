"""The event of a partner's message: the clause said back as what happened, in second person.

>>> ev = find_event(["My boss yelled at me in front of everyone today"], feeling_lists().feeling_re)
>>> ev.text, ev.tense, ev.happened
('your boss yelled at you in front of everyone today', 'past', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openup.coach.heard_clauses import clean_clause, lower_first, normed
from openup.coach.heard_feelings import feeling_lists
from openup.coach.heard_verbs import MODALS, Verb, find_verb, has_subject, is_happening, is_past
from openup.coach.heard_words import word_tuple
from openup.coach.sayback import said_back

CHITCHAT = re.compile(
    r"^(?:hi|hello|hey|thanks?|thank you|ok(?:ay)?|yes|yeah|yh|no|nope|sure|bye|goodbye|"
    r"good (?:morning|night)|"
    r"i agree|that'?s (?:true|right|a good (?:idea|point|suggestion))|you'?re welcome|great|cool|nice|"
    r"(?:i'?m |i am )?(?:so |really |very |truly )?sorry)\b",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(?:was|were|had|did|didn'?t|got|went|said|told|left|lost|took|made|came|saw|found|gave|broke|fell|kept|"
    r"began|thought|ran|sent|bought|became|forgot|met|heard|paid|won|wrote|quit|yesterday|last (?:night|week|"
    r"month|year)|ago|today|this morning)\b|\b\w{3,}(?<!need)(?<!feed)(?<!speed)ed\b"
)
_SUBJECT = re.compile(r"^(?:i|we|he|she|they|it|you|my \w+|your \w+|the \w+)\s+\w+")
VERBISH = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|get|got|go|went|keep|keeps|kept|make|made|"
    r"take|took|say|said|tell|told|leave|left|lose|lost|come|came|want|wants|need|needs|can'?t|won'?t|"
    r"don'?t|doesn'?t|didn'?t|'m|'re|'s|'ve|'ll|'d)\b|\b\w{3,}(?:ed|ing|es)\b"
)
THOUGHT = re.compile(
    r"\b(?:i (?:think|thought|guess|believe|wonder|wondered|suppose|reckon|doubt|hope|wish|keep thinking|"
    r"feel like|felt like)|i'?m (?:not sure|afraid that|worried that|wondering)|"
    r"i (?:don'?t|do not) (?:know|think)|"
    r"maybe|what if|i worry that|i can'?t help thinking|i was wondering|wondering)\b",
    re.IGNORECASE,
)
ABOUT_YOU = re.compile(
    r"\byou (?:never|always|don'?t|didn'?t|won'?t|wouldn'?t|forgot|ignored|ignore|said|made me|left me|keep|"
    r"just|even|couldn'?t|can'?t|haven'?t|hurt|yelled|blamed|promised|were supposed)\b",
    re.IGNORECASE,
)
_WISHING = word_tuple("event", "wishing")
# Granted on the way to the point, not the point: "I know work's been busy, but ...", "I don't mind going, ..."
_CONCEDES = re.compile(r"^(?:and |so )?(?:i know (?!i\b)|i don'?t mind\b|i'?m not (?:trying|asking)\b)", re.IGNORECASE)


def _score_event(raw: str, clause: str, feeling_re: re.Pattern[str]) -> float:
    norm = normed(clause)
    salient = any(cue.search(norm) for cue, _, weak in feeling_lists().likely if not weak)
    words = norm.split()
    if len(words) < 3 or raw.rstrip().endswith("?") or CHITCHAT.match(norm):
        return -9.0
    score = 0.0
    if salient:
        score += 1.5  # something that usually carries a feeling (a loss, a fight, an exam)
    if PAST.search(norm):
        score += 2
    elif VERBISH.search(norm) or _SUBJECT.search(norm):
        score += 1
    else:
        score -= 2
    if re.search(r"\b(?:my|he|she|they|his|her|their)\b", norm):
        score += 1
    if re.search(r"\b(?:i|me|my|i'?m|we|us)\b", norm):
        score += 1
    fm = feeling_re.search(norm)
    if fm and (fm.start() <= 2 or len(words) - len(fm.group(0).split()) <= 2):
        score -= 5  # a feeling statement: that goes under feelings (and its "about ..." under topic)
    if THOUGHT.search(norm):
        score -= 2
    if _CONCEDES.match(normed(raw.strip())):  # as typed: "but now I know she's awful" concedes nothing
        score -= 2.5
    if len(words) > 26:
        score -= 3
    if re.search(r"[\"“”*]", raw):
        score -= 3  # quoted speech or markup: not the partner's own account
    if re.search(r"\b(?:you|u)\b(?! know\b)", norm) and not ABOUT_YOU.search(norm):
        score -= 2  # about the listener, but not a complaint: take the event from their own story
    if re.search(r"\b(?:thank|thanks|help(?:ful)?|advice|suggestion|chat|talking to you)\b", norm):
        score -= 2
    return score


def _trim(clause: str, max_words: int = 22) -> str | None:
    words = clause.split()
    if len(words) <= max_words:
        return clause
    cut = " ".join(words[:max_words])
    m = list(re.finditer(r",", cut))
    if m and len(cut[: m[-1].start()].split()) >= 5:
        return cut[: m[-1].start()]
    return None


@dataclass(frozen=True, slots=True)
class Event:
    text: str  # in second person
    tense: str
    about_listener: bool
    happened: bool  # something that happened, not a state, a plan or a thought
    modal: bool  # "i should ...", "i will ...", "i want to ...": something still open


def find_event(clauses: list[str], feeling_re: re.Pattern[str]) -> Event | None:
    """The event: the best-scoring whole clause (subject and verb), said back in second person."""
    best: tuple[float, int, str, Verb] | None = None
    for i, raw in enumerate(clauses):
        clause = clean_clause(raw)
        if not clause:
            continue
        if not has_subject(clause):
            continue
        verb = find_verb(clause)
        if verb is None or re.search(r"\[[^\]]*\]", raw):
            # a fragment ("concerned as ...", "my condolences for ..."), or a name left out ("[NAME] gets
            # hurt"): not said back
            continue
        if re.match(r"(?:you|u)\b", normed(clause)) and not ABOUT_YOU.search(normed(clause)):
            continue  # the listener as subject but no complaint ("you are gone right now"): not their story
        s = _score_event(raw, clause, feeling_re) + i * 0.1  # later is fresher
        if s >= 2 and (best is None or s > best[0]):
            best = (s, i, clause, verb)
    if best is None:
        return None
    trimmed = _trim(best[2])
    if trimmed is None:
        return None
    norm = normed(trimmed)
    verb = best[3]
    tense = "past" if is_past(verb) else "present"
    modal = verb.word in MODALS or verb.word in _WISHING
    return Event(
        lower_first(said_back(trimmed)),
        tense,
        bool(ABOUT_YOU.search(norm)),
        is_happening(verb),
        modal,
    )


__all__ = ["ABOUT_YOU", "THOUGHT", "Event", "find_event"]
