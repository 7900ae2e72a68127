"""Sentences and clauses of a partner's message, cleaned to be said back.

>>> split_clauses("My boss yelled at me, and I cried. Now what?")
['My boss yelled at me', 'I cried.', 'Now what?']
>>> clean_clause("honestly, my exam went badly lol")
'my exam went badly'
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from openup.coach.heard_words import alternation, word_set

FOCUS_SENTENCES = 3
# A title ("Mr. Chen", "Dr. Rao", typed "mr. chen") does not end a sentence.
_SENTENCE_SPLIT = re.compile(
    r"(?<!\b[Mm]r\.)(?<!\b[Mm]rs\.)(?<!\b[Mm]s\.)(?<!\b[Dd]r\.)(?<!\b[Ss]t\.)(?<=[.!?])\s+|\n+|(?<=[.!?])(?=[A-Z])"
    # an emoji between two clauses ends the first: "the dj cancelled 2 weeks before 🙃 everythings fine"
    r"|(?<=\w)\s+[\U0001F300-\U0001FAFF\u2600-\u27BF][\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]*\s+"
    r"(?=(?:it|its|it's|that|thats|that's|he|she|they|we|everything|everythings|everything's|no|nothing)\b)"
)
CLAUSE_SPLIT = re.compile(
    r"\s*(?:[;:]|\s+-+\s+|(?<=\w)-+\s+|,?\s+but(?:,\s*|\s+)|,\s*and\s+|\s+and then\s+"
    r"|\s+and\s+(?=(?:i|im|it|he|she|they|we|my|now|then)\b)|,\s*so\s+|\s+so\s+(?=i\b|im\b|my\b|now\b)"
    r"|,?\s+(?:because|cause|cuz)\s+(?=i\b|im\b|my\b|he\b|she\b|they\b|we\b|it\b|the\b)"
    r"|,\s*(?=(?:i|im|my|he|she|they|we|it|now|then|and|but)\b)|\s+which\s+|,?\s+however,?\s+)\s*",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:(?:oh my (?:god|gosh)|my god|and|but|so|well|also|then|like|honestly|basically|anyway|anyways|ok|okay|yeah|"
    r"yes|yh|yea|no(?=[,!.])|um+|"
    r"uh+|oh|hey|hi|hello|just|actually|plus|because|cause|as|though|although|lol|haha|sigh|right now|now|"
    r"welp|guess|i mean|tbh|tbf|ngl|btw|by the way|lowkey|low key|highkey|fr|pretty much|if anything|anyhow|"
    r"lately|recently|so far|at the moment|currently|ya|yah|a bit|a little|kind of|kinda|sort of)\b[,!.]?\s*)+",
    re.IGNORECASE,
)
_TRAIL = re.compile(
    r"[\s,.;:!?…\-–—()\"']*(?:\b(?:lol|haha+|lmao|tbh|idk|though|too|either|and|but|or)\b[\s.!?]*)*$",
    re.IGNORECASE,
)
_NOISE = re.compile(r"[^\w\s'’,\-.!?;:/&%$€£]+")
# Each run of spaces is tried once (the lookbehind), so a hostile run of spaces stays linear.
_YOU_KNOW = re.compile(r"(?<![\s,]),?\s*\byou know\b,?", re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` (paragraph breaks end a sentence too), without empty ones."""
    out = []
    for part in _SENTENCE_SPLIT.split(text.strip()):
        part = part.strip()
        if part and re.search(r"[A-Za-z]", part):
            out.append(part)
    return out


def focus_of(text: str, n: int = FOCUS_SENTENCES) -> tuple[str, bool]:
    """The last `n` sentences of `text`, and whether anything was left out."""
    sents = split_sentences(text)
    if len(sents) <= n:
        return " ".join(sents), False
    return " ".join(sents[-n:]), True


def normed(text: str) -> str:
    """`text` in lower case, with curly apostrophes made straight."""
    return text.replace("’", "'").replace("‘", "'").lower()


_FILLER_ADVERBS = re.compile(
    r"\b(?:sadly|unfortunately|basically|literally|honestly|apparently|obviously|seriously|totally|kinda|also|"
    r"sort of|kind of)\s+(?=\w)",
    re.IGNORECASE,
)
_MONTHS = re.compile(
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b(?<!\bmay\b)"
)


def tidy(text: str) -> str:
    """Spacing around commas as it is written: "racing , im" -> "racing, im", "a,b" -> "a, b"."""
    return re.sub(r",(?=[A-Za-z])", ", ", re.sub(r"\s+,", ",", text))


def strip_end(pattern: re.Pattern[str], text: str, window: int = 80) -> str:
    """`text` without what `pattern` (anchored with `$`) matches at its end, looking at no more than the last
    `window` characters at a time: an end-anchored pattern tried from every position is quadratic on a
    hostile run of spaces or commas; this stays linear and removes the same thing.

    >>> strip_end(re.compile(r"[ ,]*(?:lol)?$"), "ok" + " ," * 5000 + " lol")
    'ok'
    """
    while True:
        m = pattern.search(text, max(0, len(text) - window))
        if m is None or m.start() == m.end():
            return text
        text = text[: m.start()]


_INTERJECTION = re.compile(
    r"^(?:" + alternation(word_set("clauses", "interjections")) + r")(?:[,!.]+\s*|\s+(?=(?:i|i'm|im|i've)\b))",
    re.IGNORECASE,
)
# Exclamations that are never a name or a subject, dropped from the start of a clause whatever follows ("Sho my
# cousin got married", "Eish the power's out again"): never "Oh, Sho, ...".
_EXCLAMATION = re.compile(
    r"^(?:sho+|eish|yoh+|yho|haibo|hayibo|jislaaik|jislaik|aikona|jaysus|jaysis|omo|ayy+|ugh+)\b[,!.?]*\s+(?=\S)",
    re.IGNORECASE,
)
# A curse opening a clause as a word for its subject ("Feckin' car failed the NCT"): the subject as "the car", never
# "Feckin' car" said back.
_CURSED_LEAD = re.compile(
    r"^(?:feckin'?|fecking|bloody|effing|friggin'?|frigging|freakin'?|freaking|frickin'?|flippin'?|flipping|"
    r"fuckin'?|fucking|stupid|blasted|damn|damned)\s+(?!(?:the|my|me|our|his|her|their|this|that|a|an|your|it|i|you)\b)"
    r"(?=[a-z]+\b)",
    re.IGNORECASE,
)
# A laugh inside a clause ends what it tells; what follows is an aside ("... lol treat yoself").
_MID_LAUGH = re.compile(r"\s+(?:lol|lmao|lmfao|rofl|haha+|hehe+)\b", re.IGNORECASE)
LAUGH_CUT_MIN_WORDS = 3


@lru_cache(maxsize=1024)
def clean_clause(clause: str) -> str:
    """A clause without asides, noise, fillers and leading or trailing small talk ("so", "lol"). Cached: the
    same clause is cleaned by the event, the echo and the complaint readers of one message."""
    clause = re.sub(r"\([^)]*\)?|\[[^\]]*\]?", " ", clause)
    laugh = _MID_LAUGH.search(clause)
    if laugh and len(clause[: laugh.start()].split()) >= LAUGH_CUT_MIN_WORDS:
        clause = clause[: laugh.start()]  # "... way more than expected lol treat yoself": the aside goes
    clause = _NOISE.sub(" ", clause)
    clause = _FILLER_ADVERBS.sub("", clause)
    clause = re.sub(r"(?<!\s)\s+though,\s*", " ", clause)  # "it's difficult though, to open up"
    clause = _MONTHS.sub(lambda m: m.group(0).capitalize(), clause)
    clause = _YOU_KNOW.sub("", clause)
    clause = re.sub(r"\s+", " ", clause).strip()
    prev = None
    while prev != clause:
        prev = clause
        clause = _LEAD.sub("", clause).strip()
        clause = _INTERJECTION.sub("", clause).strip()
        clause = _EXCLAMATION.sub("", clause).strip()
        clause = _CURSED_LEAD.sub("the ", clause).strip()
        clause = strip_end(_TRAIL, clause).strip()
    return clause


_KEEP_CAPS = re.compile(r"^(?:I|I'[a-z]+)$")
_LOWER_FIRST = word_set("clauses", "lower_first")


@cache
def common_words() -> frozenset[str]:
    """Words common in lower case (`common_words.txt`, built by scripts/common_words.py): "malaria",
    "transport", "interview", but not "priya", "lagos" or "tuesday"."""
    text = resources.files("openup.coach").joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


# Capitalised at the start of a clause, these are what the partner calls someone ("Dad's selling the car",
# "Mum rang"), or a name ("God"), and keep their capital though they are common words.
_NAMED_BY_ROLE = word_set("clauses", "named_by_role")
_POSSESSIVE = re.compile(r"['’]s$")
# A bare word before one of these is someone's name ("Dev told the group", "Rose asked me"), not a thing.
_TOLD = frozenset({"said", "says", "told", "tells", "asked", "asks", "texted", "called", "rang", "emailed",
                   "messaged", "replied", "wants", "thinks", "reckons", "invited", "hugged", "kissed"})


def lower_first(clause: str) -> str:
    """`clause` starting in lower case, ready to follow other words, unless it starts with "I", an acronym or
    a name: a capital word is lowered when it is a common word in lower case ("Malaria has finished you",
    "Appraisal meeting happened") and no capital word follows it ("Dr Venn", "Line Manager")."""
    first, _, rest = clause.partition(" ")
    if _KEEP_CAPS.match(first) or (len(first) > 1 and first.isupper()):  # "I", a name, or SHOUTED
        return clause
    low = first.lower().replace("’", "'")
    if low in _LOWER_FIRST or low.endswith(("ed", "ing")):
        return clause[:1].lower() + clause[1:]
    word = _POSSESSIVE.sub("", low).strip(",.!?;:")
    if (
        first[:1].isupper() and first[1:2].islower() and word.isalpha() and word in common_words()
        and word not in _NAMED_BY_ROLE and not _MONTHS.fullmatch(word) and not rest[:1].isupper()
        and rest.split(" ", 1)[0].lower() not in _TOLD
    ):
        return clause[:1].lower() + clause[1:]
    return clause


def split_clauses(focus: str) -> list[str]:
    """The clauses of `focus`, sentence by sentence (a texted run-on is two); a clause of a question keeps
    its "?"."""
    out = []
    for sent in split_sentences(focus):
        question = sent.rstrip().endswith("?")
        for part in [sent] if question else run_ons(sent):
            for c in CLAUSE_SPLIT.split(part):
                c = c.strip()
                if c:
                    out.append(c + ("?" if question and not c.endswith("?") else ""))
    return out


# Texting runs two sentences together with no stop: "jess didnt invite me to her bday thing saw it all on
# insta", "the dog has been barking since 6am i am losing it". A new clause starts at one of these, unless
# the word before joins it to the first ("i think i'm ...", "the exam i was sure i failed"). Each run of spaces is
# tried once (the lookbehind), so a hostile run of other white space (no-break spaces) stays linear.
_RUN_ON = re.compile(
    r"(?<!\s)\s+(?=(?:i'm|i am|i can't|i cannot|i don't|i didn't|i have to|i had to|i just|i keep|i need|i literally|"
    r"can't even|don't even|didn't even|saw it|now i|now i'm|now my|and now|my \w+ (?:is|are|was|were|has|have|"
    r"keeps|just|won't|can't|hurts?)|everything is|it'?s (?:so|too|been|not|like|\d+)|"
    # "dad fell again this morning hes ok", "another negative test thats month 14"
    r"(?:he's|she's|they're) (?:ok|okay|fine|alright|safe|home|still)|that'?s (?:month|week|day|year|night) \w+)\b)",
    re.IGNORECASE,
)
_JOINS_NEXT = word_set("echo", "joins_next")


_REPORTING = word_set("echo", "reporting")


def run_ons(sentence: str) -> list[str]:
    """A typed sentence split where a new clause starts with no stop before it.

    >>> run_ons("the dog has been barking since 6am i am losing it")
    ['the dog has been barking since 6am', 'i am losing it']
    >>> run_ons("i think i'm the friend everyone vents to")
    ["i think i'm the friend everyone vents to"]
    """
    if re.search(r"[,;:]", sentence):
        return [sentence]
    out: list[str] = []
    start = 0
    for m in _RUN_ON.finditer(sentence):
        before = sentence[start : m.start()].split()
        reported = any(w.lower() in _REPORTING for w in before[-4:])  # "tell my parents i'm dropping out"
        if len(before) >= 3 and before[-1].lower() not in _JOINS_NEXT and not reported:
            out.append(sentence[start : m.start()])
            start = m.end()
    out.append(sentence[start:])
    return [p for p in out if p.strip()]



__all__ = [
    "CLAUSE_SPLIT",
    "FOCUS_SENTENCES",
    "clean_clause",
    "focus_of",
    "lower_first",
    "normed",
    "run_ons",
    "split_clauses",
    "split_sentences",
    "tidy",
]
