"""What was heard in a partner's message: the event, the feelings (named or likely) and the thoughts.

Everything comes back in second person, ready to be said back ("your boss yelled at you"). The rules are
small and explainable: sentence and clause splitting, a few regexes over the lower-cased text, and the
word lists in `method/replies.toml` and `text/patterns/_macros.toml`.

>>> h = hear("My boss yelled at me in front of everyone today. I'm so embarrassed.")
>>> h.event, [f.word for f in h.feelings]
('your boss yelled at you in front of everyone today', ['embarrassed', 'hurt', 'upset'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from openup.coach.perspective import to_second_person
from openup.method import read_data
from openup.text.lexical import macros

FOCUS_SENTENCES = 3
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[.!?])(?=[A-Z])")
_CLAUSE_SPLIT = re.compile(
    r"\s*(?:[;:]|\s+-+\s+|,?\s+but\s+|,\s*and\s+|\s+and then\s+"
    r"|\s+and\s+(?=(?:i|it|he|she|they|we|my|now|then)\b)|,\s*so\s+|\s+so\s+(?=i\b|my\b|now\b)"
    r"|,?\s+(?:because|cause|cuz)\s+(?=i\b|my\b|he\b|she\b|they\b|we\b|it\b|the\b)"
    r"|,\s*(?=(?:i|my|he|she|they|we|it|now|then|and|but)\b)|\s+which\s+)\s*",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:(?:and|but|so|well|also|then|like|honestly|basically|anyway|anyways|ok|okay|yeah|yes|yh|yea|no|um+|"
    r"uh+|oh|hey|hi|hello|just|actually|plus|because|cause|as|though|although|lol|haha|sigh|right now|now|"
    r"welp|guess|i mean|tbh|ngl|pretty much|if anything|anyhow|"
    r"lately|recently|so far|at the moment|currently)\b[,!.]?\s*)+",
    re.IGNORECASE,
)
_TRAIL = re.compile(
    r"[\s,.;:!?…\-–—()\"']*(?:\b(?:lol|haha+|lmao|tbh|idk|though|too|either)\b[\s.!?]*)*$", re.IGNORECASE
)
_NOISE = re.compile(r"[^\w\s'’,\-.!?;:/&%$€£]+")
_YOU_KNOW = re.compile(r",?\s*\byou know\b,?", re.IGNORECASE)
_CHITCHAT = re.compile(
    r"^(?:hi|hello|hey|thanks?|thank you|ok(?:ay)?|yes|yeah|yh|no|nope|sure|bye|goodbye|"
    r"good (?:morning|night)|"
    r"i agree|that'?s (?:true|right|a good (?:idea|point|suggestion))|you'?re welcome|great|cool|nice|"
    r"(?:i'?m |i am )?(?:so |really |very |truly )?sorry)\b",
    re.IGNORECASE,
)
_PRESENT = re.compile(
    r"\b(?:am|is|are|i'?m|you'?re|he'?s|she'?s|it'?s|they'?re|keeps?|always|never|every|can'?t|won'?t|don'?t|doesn'?t|"
    r"have been|has been|'?ve been|still|anymore|any more|lately|these days|now)\b"
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|didn'?t|got|went|said|told|left|lost|took|made|came|saw|found|gave|broke|fell|kept|"
    r"began|thought|ran|sent|bought|became|forgot|met|heard|paid|won|wrote|quit|yesterday|last (?:night|week|"
    r"month|year)|ago|today|this morning)\b|\b\w{3,}(?<!need)(?<!feed)(?<!speed)ed\b"
)
_SUBJECT = re.compile(r"^(?:i|we|he|she|they|it|you|my \w+|your \w+|the \w+)\s+\w+")
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|get|got|go|went|keep|keeps|kept|make|made|"
    r"take|took|say|said|tell|told|leave|left|lose|lost|come|came|want|wants|need|needs|can'?t|won'?t|"
    r"don'?t|doesn'?t|didn'?t|'m|'re|'s|'ve|'ll|'d)\b|\b\w{3,}(?:ed|ing|es)\b"
)
_THOUGHT = re.compile(
    r"\b(?:i (?:think|thought|guess|believe|wonder|wondered|suppose|reckon|doubt|hope|wish|keep thinking|"
    r"feel like|felt like)|i'?m (?:not sure|afraid that|worried that|wondering)|"
    r"i (?:don'?t|do not) (?:know|think)|"
    r"maybe|what if|i worry that|i can'?t help thinking|i was wondering|wondering)\b",
    re.IGNORECASE,
)
_DILEMMA = re.compile(
    r"\b(?:i (?:don'?t|do not|dont) know|i'?m not sure|not sure|no idea|i can'?t decide|i'?m torn(?: about)?|"
    r"i'?m unsure(?: about)?|unsure)\s+((?:what|how|whether|if|where|who|why|when)\b[^.!?]*)",
    re.IGNORECASE,
)
_SHOULD_I = re.compile(
    r"\b(?:what|how) (?:should|do|can|could) i (?:do|handle|deal with|cope)\b(?: (?:about|with) ([^.!?]+))?",
    re.I,
)
_SELF_JUDGEMENT = re.compile(
    r"\bi(?:'?m| am| feel like| felt like)(?: just| such| so| really| totally| completely| always| a)* "
    r"(a failure|an idiot|stupid|useless|worthless|a mess|pathetic|a loser|a burden|not good enough|a bad "
    r"(?:mom|mum|dad|mother|father|parent|partner|friend|person)|"
    r"a terrible (?:mom|mum|dad|parent|partner|person)|"
    r"the problem|a fraud|so dumb|dumb)\b",
    re.IGNORECASE,
)
_ABOUT_YOU = re.compile(
    r"\byou (?:never|always|don'?t|didn'?t|won'?t|wouldn'?t|forgot|ignored|ignore|said|made me|left me|keep|"
    r"just|even|couldn'?t|can'?t|haven'?t|hurt|yelled|blamed|promised|were supposed)\b",
    re.IGNORECASE,
)
_ADV = (
    r"(?:so|really|very|just|a bit|a little|kind of|kinda|pretty|quite|super|totally|completely|extremely|"
    r"incredibly|still|also|always|constantly|honestly|actually|feeling|more|too|getting|"
    r"starting to (?:feel|get))"
)


_REASON_WORDS = frozenset(
    [
        "when",
        "whenever",
        "because",
        "about",
        "that",
        "since",
        "after",
        "with",
        "at",
        "by",
        "if",
        "in",
        "around",
    ]
)


@dataclass(frozen=True, slots=True)
class Feeling:
    """A feeling heard in the message: `named` by your partner, or `likely` from what happened."""

    word: str
    source: str  # named | likely

    def to_dict(self) -> dict[str, str]:
        return {"feeling": self.word, "source": self.source}


@dataclass(frozen=True, slots=True)
class Heard:
    """What was heard, in second person. `event`, `feelings` and `thoughts` are the public part."""

    event: str | None
    feelings: tuple[Feeling, ...]
    thoughts: tuple[str, ...]
    complaint: str | None = None  # an event about you, the listener ("I never listen to you")
    feeling_clause: str | None = None  # a feeling with its reason ("you get nervous when you're at work")
    topic: str | None = None
    party: str | None = None
    place: str | None = None
    dilemma: str | None = None
    self_judgement: str | None = None
    tense: str = "present"  # of the event
    valence: str = "neutral"  # negative | positive | neutral
    unsure: bool = False
    about_you: bool = False
    focus: str = ""  # the part of the message the suggestions are built from
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event or self.complaint,
            "feelings": [f.to_dict() for f in self.feelings],
            "thoughts": list(self.thoughts),
        }


@dataclass(frozen=True, slots=True)
class _Lists:
    feeling_re: re.Pattern[str]
    noun_re: re.Pattern[str]
    nouns: dict[str, str]
    positive: frozenset[str]
    likely: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    hard_re: re.Pattern[str]
    hard: dict[str, str]
    party_re: re.Pattern[str]
    place_re: re.Pattern[str]


@cache
def _lists() -> _Lists:
    data: dict[str, Any] = read_data("replies.toml")
    feeling = macros()["FEELING"]
    feeling_re = re.compile(
        r"\b(?:i'?m|im|i am|i feel|i felt|i was|i get|i got|i'?ve been|i have been|i'?ve felt|i keep feeling|"
        r"i'?ve been feeling|makes me(?: feel)?|made me(?: feel)?|making me(?: feel)?|leaves me(?: feeling)?|"
        r"left me(?: feeling)?|feeling|feel so|i'?m getting|i become|i became|i always feel|i still feel|"
        r"(?:^|(?<=[.!?] ))(?:a )?(?:little|bit|so|very|really|kinda|pretty|super)?)"
        rf"(?: {_ADV})* ({feeling})\b(?! (?:of|about the fact))"
    )
    nouns: dict[str, str] = dict(data["feeling_nouns"])
    noun_alt = "|".join(sorted(nouns, key=len, reverse=True))
    noun_re = re.compile(
        r"\b(?:feel|feeling|felt|having|have|had|with|dealing with|struggling with|full of|lot of|so much|my|"
        rf"the|and|of|that|this|processing|in)(?: {_ADV})* ({noun_alt})\b"
    )
    valence = data["valence"]
    assert isinstance(valence, dict)
    likely = tuple(
        (re.compile(str(row["cue"])), tuple(str(f) for f in row["feelings"])) for row in data["likely"]
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
        rf"feels| felt| gets| got)(?: {_ADV})* ({hard_alt})\b"
    )
    return _Lists(
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


def _norm(text: str) -> str:
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


def _clean_clause(clause: str) -> str:
    clause = re.sub(r"\([^)]*\)?|\[[^\]]*\]?", " ", clause)
    clause = _NOISE.sub(" ", clause)
    clause = _FILLER_ADVERBS.sub("", clause)
    clause = _MONTHS.sub(lambda m: m.group(0).capitalize(), clause)
    clause = _YOU_KNOW.sub("", clause)
    clause = re.sub(r"\s+", " ", clause).strip()
    prev = None
    while prev != clause:
        prev = clause
        clause = _LEAD.sub("", clause).strip()
        clause = _TRAIL.sub("", clause).strip()
    return clause


_KEEP_CAPS = re.compile(r"^(?:I|I'[a-z]+)$")
_LOWER_FIRST = frozenset(
    [
        "my",
        "your",
        "his",
        "her",
        "their",
        "our",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "there",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "im",
        "i'm",
        "you're",
        "you've",
        "you'll",
        "you'd",
        "today",
        "yesterday",
        "tonight",
        "work",
        "school",
        "everything",
        "everyone",
        "nobody",
        "no",
        "one",
        "someone",
        "something",
        "nothing",
        "things",
        "when",
        "after",
        "before",
        "since",
        "now",
        "then",
        "lately",
        "recently",
        "last",
        "this",
        "every",
        "all",
        "some",
        "one",
        "two",
        "three",
        "getting",
        "being",
        "having",
        "trying",
        "going",
        "doing",
        "working",
        "living",
    ]
)


def _lower_first(clause: str) -> str:
    first = clause.split(" ", 1)[0]
    if _KEEP_CAPS.match(first):
        return clause
    if first.lower().replace("’", "'") in _LOWER_FIRST or first.lower().endswith(("ed", "ing")):
        return clause[:1].lower() + clause[1:]
    return clause


def _clauses(focus: str) -> list[str]:
    out = []
    for sent in split_sentences(focus):
        question = sent.rstrip().endswith("?")
        for c in _CLAUSE_SPLIT.split(sent):
            c = c.strip()
            if c:
                out.append(c + ("?" if question and not c.endswith("?") else ""))
    return out


def _score_event(raw: str, clause: str, feeling_re: re.Pattern[str]) -> float:
    norm = _norm(clause)
    salient = any(cue.search(norm) for cue, _ in _lists().likely)
    words = norm.split()
    if len(words) < 3 or raw.rstrip().endswith("?") or _CHITCHAT.match(norm):
        return -9.0
    score = 0.0
    if salient:
        score += 1.5  # something that usually carries a feeling (a loss, a fight, an exam)
    if _PAST.search(norm):
        score += 2
    elif _VERBISH.search(norm) or _SUBJECT.search(norm):
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
    if _THOUGHT.search(norm):
        score -= 2
    if len(words) > 26:
        score -= 3
    if re.search(r"[\"“”*]", raw):
        score -= 3  # quoted speech or markup: not the partner's own account
    if re.search(r"\b(?:you|u)\b(?! know\b)", norm) and not _ABOUT_YOU.search(norm):
        score -= 2  # about the listener, but not a complaint: take the event from their own story
    if re.search(r"\b(?:thank|thanks|help(?:ful)?|advice|suggestion|chat|talking to you)\b", norm):
        score -= 2
    return score


_SUBJECT_START = re.compile(
    r"^(?:i|i'm|im|i've|i'll|i'd|we|we're|we've|he|he's|she|she's|they|they're|they've|it|it's|its|there|"
    r"there's|this|that|my|our|his|her|their|the|a|an|someone|somebody|everyone|everybody|nobody|no one|"
    r"people|all|some|both|your|you)\b"
)
_NAME_START = re.compile(
    r"^(?!(?:Problem|Thing|Issue|Point|Reason|Truth|Fact|Question|Answer|Plus|Also)\b)[A-Z][a-z]+ "
    r"(?:\w+ed|said|told|was|is|has|had|got|left|went|came|keeps|never|always|just|did|does|called|texted)\b"
)


def has_subject(clause: str) -> bool:
    """Whether a clause starts with its subject ("my boss yelled"), not with a verb ("will only make")."""
    return bool(_SUBJECT_START.match(_norm(clause)) or _NAME_START.match(clause))


def _tense(norm: str) -> str:
    past = _PAST.search(norm)
    present = _PRESENT.search(norm)
    if past and (present is None or past.start() < present.start()):
        return "past"
    return "present"


def _trim(clause: str, max_words: int = 22) -> str | None:
    words = clause.split()
    if len(words) <= max_words:
        return clause
    cut = " ".join(words[:max_words])
    m = list(re.finditer(r",", cut))
    if m and len(cut[: m[-1].start()].split()) >= 5:
        return cut[: m[-1].start()]
    return None


def _event(clauses: list[str], feeling_re: re.Pattern[str]) -> tuple[str | None, str, bool]:
    """(the event in second person, its tense, whether it is about the listener)."""
    best: tuple[float, int, str] | None = None
    for i, raw in enumerate(clauses):
        clause = _clean_clause(raw)
        if not clause:
            continue
        if not has_subject(clause):
            continue
        s = _score_event(raw, clause, feeling_re) + i * 0.1  # later is fresher
        if s >= 2 and (best is None or s > best[0]):
            best = (s, i, clause)
    if best is None:
        return None, "present", False
    trimmed = _trim(best[2])
    if trimmed is None:
        return None, "present", False
    norm = _norm(trimmed)
    about_listener = bool(_ABOUT_YOU.search(norm))
    return _lower_first(to_second_person(trimmed)), _tense(norm), about_listener


def _feelings(norm: str, lists: _Lists) -> list[Feeling]:
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
        named.append((m.start(1), m.group(1)))
    for m in lists.noun_re.finditer(norm):
        named.append((m.start(1), lists.nouns[m.group(1)]))
    for sent in split_sentences(norm):
        for clause in _CLAUSE_SPLIT.split(sent):
            hm = lists.hard_re.search(_clean_clause(clause))
            if hm and lists.hard[hm.group(1)]:
                named.append((norm.find(clause), lists.hard[hm.group(1)]))
    for _, word in sorted(named):
        if word not in ("sorry",):  # "I'm sorry" is an apology or condolence, not a feeling to reflect
            add(to_second_person(word), "named")
    for cue, feelings in lists.likely:
        if cue.search(norm):
            for f in feelings:
                add(f, "likely")
        if len(out) >= 3:
            break
    return out[:3]


def likely_feelings(text: str) -> list[str]:
    """Feelings that what happened usually brings, from the cues in `method/replies.toml`.

    >>> likely_feelings("you forgot my birthday")
    ['left out', 'hurt']
    """
    norm = _norm(text)
    out: list[str] = []
    for cue, feelings in _lists().likely:
        if cue.search(norm):
            out.extend(f for f in feelings if f not in out)
    return out


def _topic(clause_norm: str, clause: str) -> str | None:
    m = re.search(r"\b(?:about|over|with|of|for)\s+(.+)$", clause_norm)
    if not m:
        return None
    raw = _clean_clause(clause[m.start(1) : m.end(1)])
    words = raw.split()
    if not 1 <= len(words) <= 8 or raw.lower() in ("it", "that", "this", "everything", "me", "myself"):
        return None
    return _lower_first(to_second_person(raw))


def hear(text: str) -> Heard:
    """Read one partner message (or the focus part of it) and return what was heard."""
    lists = _lists()
    focus = text.strip()
    norm = _norm(focus)
    clauses = _clauses(focus)
    event, tense, about_listener = _event(clauses, lists.feeling_re)
    feelings = _feelings(norm, lists)
    valence = "neutral"
    if feelings:
        valence = "positive" if feelings[0].word in lists.positive else "negative"
    topic = None
    for clause in clauses:
        cn = _norm(clause)
        if lists.feeling_re.search(cn) or re.search(
            r"\b(?:worried|nervous|scared|anxious|stressed|excited)\b", cn
        ):
            topic = _topic(cn, clause)
            if topic:
                break
    feeling_clause = None
    for raw in reversed(split_sentences(focus)):
        for clause in _CLAUSE_SPLIT.split(raw):
            cleaned = _clean_clause(clause)
            cn = _norm(cleaned)
            fm = lists.feeling_re.search(cn)
            if fm and (fm.start() > 0 or not re.match(r"i\b|i'", cn) or fm.group(1) in ("sorry", "down")):
                fm = None
            if fm is None:
                fm = lists.hard_re.search(cn)
            if not fm or "?" in clause:
                continue
            tail = cn[fm.end() :].split()
            if (
                2 <= len(tail) <= 14
                and (tail[0] in _REASON_WORDS or tail[0].endswith("ing"))
                and not re.search(r"\bnot\b", cn[: fm.end()])
            ):
                feeling_clause = _lower_first(to_second_person(cleaned))
                break
        if feeling_clause:
            break
    thoughts: list[str] = []
    for clause in clauses:
        if _THOUGHT.search(_norm(clause)):
            cleaned = _clean_clause(clause)
            if 2 <= len(cleaned.split()) <= 25:
                thoughts.append(_lower_first(to_second_person(cleaned)))
    dilemma = None
    unsure = False
    m = _DILEMMA.search(focus.replace("’", "'"))
    if m:
        phrase = _clean_clause(m.group(1))
        if 2 <= len(phrase.split()) <= 14:
            dilemma, unsure = _lower_first(to_second_person(phrase)), True
    sm = _SHOULD_I.search(focus.replace("’", "'"))
    if sm:
        unsure = True
        if sm.group(1) and not topic:
            t = _clean_clause(sm.group(1))
            if 1 <= len(t.split()) <= 8:
                topic = _lower_first(to_second_person(t))
        if dilemma is None:
            dilemma = "what to do" + (f" about {topic}" if topic else "")
    pm = lists.party_re.search(norm)
    party = "your " + pm.group(1) if pm else None
    lm = lists.place_re.search(norm)
    place = lm.group(1) if lm else None
    jm = _SELF_JUDGEMENT.search(focus.replace("’", "'"))
    complaint = None
    if event and about_listener:
        event, complaint = None, event
    return Heard(
        event=event,
        complaint=complaint,
        feeling_clause=feeling_clause,
        feelings=tuple(feelings),
        thoughts=tuple(dict.fromkeys(thoughts))[:3],
        topic=topic,
        party=party,
        place=place,
        dilemma=dilemma,
        self_judgement=jm.group(1).lower() if jm else None,
        tense=tense,
        valence=valence,
        unsure=unsure,
        about_you=bool(_ABOUT_YOU.search(focus.replace("’", "'"))),
        focus=focus,
    )


__all__ = ["Feeling", "Heard", "focus_of", "hear", "likely_feelings", "split_sentences"]
