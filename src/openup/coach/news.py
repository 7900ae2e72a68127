"""Which part of a long message carries the news: what happened to the partner, not the lead-in around it.

A message of several sentences rarely leads with what happened: it opens with a lead-in ("ok so you know
how I've been too scared to swim"), gives background ("he was fourteen"), says how it feels ("I keep
saying it out loud") and closes with a question or a sign-off. `news_score` scores one clause (first
person, as `echo.candidates` prepares it) on general features of a clause that tells news:

- an event verb in the past ("the shelter rang", "we put Max down", "I swam a full length"),
- a news word ("found out", "turns out", "told me", "came back", "approved", "diagnosed", "fell through"),
- a subject that is someone or something ("the specialist", "Mum", "they", "my paper"), not only "I",
- an anchor in time ("this morning", "today", "last night"),

and marks down what a listener does not say back: lead-ins, feelings and thoughts about it ("I feel",
"I keep thinking", "I don't know"), requests and sign-offs, background told in the past perfect or as a
habit, and a detail that points back ("they emailed saying ..."). Position counts for little: the first
clause, when it is not a lead-in, is a headline; later ones lose a little for each place. The word lists are `[news]` in
`coach/heard_words.toml`.

>>> news_score("the shelter rang and said we've been approved", 1) > news_score("I keep saying it out loud", 2)
True
>>> news_score("so you know how I've been too scared to swim", 0) < news_score("I swam a full length", 1)
True
"""

from __future__ import annotations

import re

from openup.coach.heard_verbs import find_verb, is_happening, is_past
from openup.coach.heard_words import alternation, word_tuple


def _alternation(name: str) -> str:
    return alternation(word_tuple("news", name))


_NEWS = re.compile(r"\b(?:" + _alternation("markers") + r")\b", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:" + _alternation("lead_ins") + r")\b", re.IGNORECASE)
_ABOUT_IT = re.compile(r"^(?:" + _alternation("about_it") + r")\b", re.IGNORECASE)
_SIGN_OFF = re.compile(r"^(?:" + _alternation("sign_offs") + r")\b", re.IGNORECASE)
_GOOD = re.compile(r"\b(?:" + _alternation("good") + r")\b", re.IGNORECASE)
_SETBACK = re.compile(r"\b(?:not|no|never|n't|didn't|wasn't|won't|can't|couldn't|away|down|rejected|failed)\b", re.I)
# Words before the subject: a time, a "then" ("then today I saw a woman wearing her cardigan").
_OPENING = re.compile(
    r"^(?:(?:then|and then|so|and|but|today|tonight|yesterday|this (?:morning|afternoon|evening)|last night|earlier|"
    r"finally|just|apparently|anyway|at lunch|at work|after that)\b,?\s*)+(?=\S)",
    re.IGNORECASE,
)
_WE = re.compile(r"^I and (?:my|your|our) (?:\w+ )?\w+(?= (?!and\b)\w)")
_WHEN = re.compile(r"\b(?:" + _alternation("time_anchors") + r")\b", re.IGNORECASE)
# Background: what had been so before the news, or what is so every day ("he'd been with me through three
# apartments", "most days I'm fine").
_BACKGROUND = re.compile(
    r"\b(?:had been|'d been|used to|most days|every (?:day|evening|night|morning|week|time)|always|for years|"
    r"since I was|all my life)\b",
    re.IGNORECASE,
)
# Someone or something other than the speaker opens the clause: a name, a family word, a role, "we".
_OTHER_SUBJECT = re.compile(
    r"^(?:(?:my|your|our|the|his|her|their|a|an) \w+|we|"
    r"(?!(?:It|This|That|There|Then|So|But|And|When|If|He|She|They)\b)[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
    r"(?! (?:think|feel)\b)"
)
# A clause that points back ("they emailed saying ...", "it just said thank you") tells a detail of news
# told before it.
_POINTS_BACK = re.compile(r"^(?:he|she|they|it|that|this)\b(?!'s (?:official|a (?:boy|girl)))", re.IGNORECASE)

NEWS_WORD = 2.0  # "found out", "came back", "approved": news said as news
EVENT_VERB = 1.5  # something happened, in the past
SOMEONE = 0.75  # ... to or by someone or something, not only "I"
WHEN = 0.75  # ... at a time ("this morning")
POINTS_BACK = 0.5
CONTENT = 0.25  # each content word, up to `CONTENT_MAX`: a clause that names things tells more
CONTENT_MAX = 5
LEAD_IN = 4.0  # "so you know how ...", "something nice happened today"
ABOUT_IT = 2.0  # "I keep thinking about it", "I don't know which feeling to go with"
SIGN_OFF = 4.0  # "please don't tell me I look fine", "I just needed you to know"
BACKGROUND = 1.0
FIRST = 1.0  # a headline: people who do not open with a lead-in lead with the news
LATER = 0.05
LONG_MIN_WORDS = 30
# A clause whose score reaches this tells news well enough to be said back in place of a feeling with its
# reason or a doubt found in the last sentences.
STRONG = 3.0


def is_long(text: str) -> bool:
    """Whether `text` is a long message: several sentences, and words enough for a lead-in and a context.

    >>> is_long("guess who forgot. this guy. called her at 11pm. oops"), is_long("ok. " * 12 + "fine")
    (False, False)
    """
    from openup.coach.heard_clauses import FOCUS_SENTENCES, split_sentences

    return len(text.split()) >= LONG_MIN_WORDS and len(split_sentences(text)) > FOCUS_SENTENCES


def good_news_told(clause: str) -> bool:
    """Whether the news said back is good as told ("the adoption panel said yes", "they accepted your
    paper"), whatever the feelings around it: it is not said back with "oh no".

    >>> good_news_told("the bank approved the loan"), good_news_told("they didn't accept your paper")
    (True, False)
    """
    return _GOOD.search(clause) is not None and _SETBACK.search(clause) is None


def news_score(unit: str, index: int) -> float:
    """How well `unit` (a clause in first person) carries what happened; `index` is its place in the
    message, used only to break ties."""
    from openup.coach.echo import content_words

    plain = _OPENING.sub("", unit.strip())  # "then today the school rang": the clause starts at its subject
    plain = _WE.sub("we", plain)  # "I and my dad actually talked": we talked
    score = 0.0
    verb = find_verb(plain)
    if verb is not None and is_past(verb) and is_happening(verb):
        score += EVENT_VERB
    if _NEWS.search(plain):
        score += NEWS_WORD
    if _OTHER_SUBJECT.match(plain) and not plain.startswith(("I ", "I'")):
        score += SOMEONE
    if _POINTS_BACK.match(plain):
        score -= POINTS_BACK
    if _WHEN.search(plain):
        score += WHEN
    score += CONTENT * min(len(content_words(plain)), CONTENT_MAX)
    if _LEAD_IN.match(plain):
        score -= LEAD_IN
    if _ABOUT_IT.match(plain):
        score -= ABOUT_IT
    if _SIGN_OFF.match(plain):
        score -= SIGN_OFF
    if _BACKGROUND.search(plain):
        score -= BACKGROUND
    return score + (FIRST if index == 0 else 0.0) - LATER * index


__all__ = ["STRONG", "good_news_told", "is_long", "news_score"]
