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
    r"\s*(?:[;:]|\s+-+\s+|(?<=\w)-+\s+|,?\s+but(?:,\s*|\s+)|,\s*and\s+|\s+and then\s+"
    r"|\s+and\s+(?=(?:i|im|it|he|she|they|we|my|now|then)\b)|,\s*so\s+|\s+so\s+(?=i\b|im\b|my\b|now\b)"
    r"|,?\s+(?:because|cause|cuz)\s+(?=i\b|im\b|my\b|he\b|she\b|they\b|we\b|it\b|the\b)"
    r"|,\s*(?=(?:i|im|my|he|she|they|we|it|now|then|and|but)\b)|\s+which\s+|,?\s+however,?\s+)\s*",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:(?:and|but|so|well|also|then|like|honestly|basically|anyway|anyways|ok|okay|yeah|yes|yh|yea|no|um+|"
    r"uh+|oh|hey|hi|hello|just|actually|plus|because|cause|as|though|although|lol|haha|sigh|right now|now|"
    r"welp|guess|i mean|tbh|ngl|pretty much|if anything|anyhow|"
    r"lately|recently|so far|at the moment|currently|ya|yah|a bit|a little|kind of|kinda|sort of)\b[,!.]?\s*)+",
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


# Said back in second person, these words mean you, the listener: "you hope I have a good day".
ABOUT_LISTENER = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|mine|myself)\b")


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
    happened: bool = False  # the event is something that happened ("he left"), not a state or a plan
    plan: str | None = None  # what they decided or plan to do ("start a new business")
    weighing: bool = False  # they are thinking something over: a thought, a plan, a "maybe", a "should"
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
    likely: tuple[tuple[re.Pattern[str], tuple[str, ...], bool], ...]  # cue, feelings, weak
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


def _tidy(text: str) -> str:
    """Spacing around commas as it is written: "racing , im" -> "racing, im", "a,b" -> "a, b"."""
    return re.sub(r",(?=[A-Za-z])", ", ", re.sub(r"\s+,", ",", text))


def _clean_clause(clause: str) -> str:
    clause = re.sub(r"\([^)]*\)?|\[[^\]]*\]?", " ", clause)
    clause = _NOISE.sub(" ", clause)
    clause = _FILLER_ADVERBS.sub("", clause)
    clause = re.sub(r"\s+though,\s*", " ", clause)  # "it's difficult though, to open up"
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
        "he's",
        "she's",
        "they're",
        "we're",
        "we've",
        "they've",
        "there's",
        "that's",
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
    salient = any(cue.search(norm) for cue, _, weak in _lists().likely if not weak)
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


# Finding the verb of a clause, without a parser: the subject comes first ("i", "my boss", "the pandemic",
# "Sarah"), then perhaps an adverb, then the verb. Enough to tell a whole clause from a fragment, and a
# past happening ("my boss yelled at me") from a state, a plan or a thought ("i have planned to ...").
_WORDS = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|,")
_PRONOUNS = frozenset(["i", "you", "u", "he", "she", "it", "we", "they", "this", "that", "there", "one"])
_INDEFINITE = frozenset(
    ["someone", "somebody", "everyone", "everybody", "nobody", "everything", "nothing", "something", "people"]
)
_DETERMINERS = frozenset(
    [
        "my", "our", "his", "her", "their", "your", "the", "a", "an", "this", "that", "these", "those", "some",
        "all", "both", "every", "each", "no", "two", "three", "many", "most", "its", "of", "mine",
    ]
)  # fmt: skip
_CONTRACTED = {"'m": "am", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would", "'s": "is"}
_NO_APOSTROPHE = {"im": "am", "ive": "have", "its": "is", "thats": "is", "theres": "is", "hes": "is"}
_SKIP = frozenset(
    [
        "just", "really", "never", "always", "still", "also", "even", "recently", "finally", "actually",
        "already", "only", "usually", "sometimes", "often", "ever", "truly", "probably", "definitely",
        "suddenly", "totally", "completely", "mostly", "now", "then", "somehow", "basically", "clearly",
        "barely", "hardly", "kinda", "kind", "sort", "of", "so", "too", "all", "both", "simply", "eventually",
        "once", "again", "first", "last", "literally", "honestly", "seriously",
    ]
)  # fmt: skip
_AUX = frozenset(
    [
        "am", "is", "are", "was", "were", "be", "been", "have", "has", "had", "do", "does", "did", "can",
        "could", "will", "would", "shall", "should", "may", "might", "must", "ain't", "gonna", "wanna",
        "gotta", "cant", "dont", "didnt", "doesnt", "wont", "isnt", "wasnt", "arent", "werent", "havent",
        "hasnt", "hadnt", "wouldnt", "couldnt", "shouldnt",
    ]
)  # fmt: skip
_MODALS = frozenset(
    ["will", "would", "shall", "should", "may", "might", "must", "could", "can", "gonna", "wanna", "gotta"]
)
_IRREGULAR_PAST = frozenset(
    [
        "went", "got", "said", "told", "left", "lost", "took", "made", "came", "saw", "found", "gave", "broke",
        "fell", "kept", "began", "ran", "sent", "bought", "became", "forgot", "met", "heard", "paid", "won",
        "wrote", "quit", "hit", "hurt", "cut", "let", "put", "spent", "caught", "brought", "taught", "sold",
        "stole", "drove", "flew", "threw", "woke", "wore", "fought", "chose", "held", "led", "slept", "sat",
        "stood", "shot", "spoke", "swore", "bit", "blew", "did", "ate", "drank", "rode", "dumped", "cheated",
    ]
)  # fmt: skip
_PARTICIPLES = frozenset(
    [
        "let", "told", "left", "given", "taken", "born", "hit", "hurt", "beaten", "bitten", "caught", "sent",
        "made", "put", "cut", "shot", "stolen", "thrown", "seen", "heard", "kept", "paid", "forgotten", "gone",
        "done", "broken", "chosen", "held", "led", "sold", "spent", "brought", "taught", "fired", "laid",
        "dumped", "ghosted", "written", "bullied", "rejected", "diagnosed", "got", "gotten",
    ]
)  # fmt: skip
# Past forms that say how things were, or what someone thought, rather than what happened.
_STATIVE = frozenset(
    [
        "seemed", "looked", "sounded", "felt", "loved", "liked", "hated", "wanted", "needed", "wished", "hoped",
        "thought", "knew", "believed", "guessed", "supposed", "meant", "used", "cared", "mattered", "owned",
        "preferred", "planned", "decided", "expected", "enjoyed", "appreciated", "worried", "feared",
        "wondered", "realized", "realised", "imagined", "assumed", "considered",
    ]
)  # fmt: skip
_NOT_VERB = frozenset(
    [
        "to", "for", "with", "at", "in", "on", "of", "from", "by", "about", "into", "like", "and", "or", "but",
        "the", "a", "an", "my", "your", "his", "her", "their", "our", "this", "that", "these", "those", "i",
        "you", "he", "she", "we", "they", "it", "me", "him", "them", "us", "when", "if", "because", "since",
        "as", "than", "then", "who", "which", "what", "where", "why", "how", "not", "no", "very", "more",
        "most", "less", "own", "other", "same", "such", "whole", "second", "first", "next", "time", "day",
    ]
)  # fmt: skip


_STATIVE_BASE = frozenset(
    [
        "think", "know", "want", "like", "love", "hate", "need", "mean", "care", "notice", "realize", "realise",
        "expect", "understand", "believe", "feel", "seem", "mind", "remember", "see", "agree", "matter",
    ]
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Verb:
    word: str  # the finite verb, contractions spelled out ("'m" -> "am")
    after: tuple[str, ...]  # the words after it


def _verbish(word: str, strict: bool) -> bool:
    """Whether a word can be the verb after a noun subject ("my boss *yelled*", "my son *lives*")."""
    if word in _NOT_VERB:
        return False
    if word in _AUX or word in _IRREGULAR_PAST or word.endswith(("n't", "'s", "'d", "'ll", "'ve", "'re")):
        return True
    if len(word) > 3 and word.endswith("ed") and word not in ("need", "feed", "speed", "seed"):
        return True
    return not strict and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


def _verb(clause: str) -> _Verb | None:
    """The finite verb of a clause that starts with its subject, or None for a fragment.

    >>> _verb("my boss yelled at me").word, _verb("the second i start to feel better")
    ('yelled', None)
    """
    words = _WORDS.findall(_norm(clause))
    if not words:
        return None
    first = words[0]
    i: int | None = None
    for ending, full in _CONTRACTED.items():
        if first.endswith(ending) and first[: -len(ending)] in _PRONOUNS | {"what", "who"}:
            return _Verb(full, tuple(words[1:]))
    if first in _NO_APOSTROPHE:
        return _Verb(_NO_APOSTROPHE[first], tuple(words[1:]))
    if first in ("this", "that", "one") and len(words) > 1 and not _verbish(words[1], strict=False):
        pass  # "that way they ...", "this job": a determiner, handled below
    elif first in _PRONOUNS or first in _INDEFINITE:
        i = 1
    elif first == "no" and words[1:2] == ["one"]:
        i = 2
    elif first not in _DETERMINERS and _NAME_START.match(clause.strip()):
        i = 1
    if i is None and first in _DETERMINERS:
        j = 1
        while j < len(words) and words[j] in _DETERMINERS:
            j += 1
        # After the head word ("my *boss*", "the *said* girl"), the first word that can be a verb; an
        # auxiliary or a past form wins over an -s word ("my older brothers yelled").
        head_end = j + 1
        window = words[head_end : head_end + 5]
        for strict in (True, False):
            for k, w in enumerate(window):
                if w == "," or w in _PRONOUNS - {"that", "this", "one"}:
                    break  # "my job, my rent, ...": a list; "the second i start ...": a relative clause
                if _verbish(w, strict):
                    i = head_end + k
                    break
            if i is not None:
                break
        if i is None:
            return None
        return _Verb(words[i], tuple(words[i + 1 :]))
    if i is None:
        return None
    while i < len(words) and words[i] in _SKIP:
        i += 1
    if i >= len(words) or words[i] in _NOT_VERB or words[i] == ",":
        return None
    return _Verb(words[i], tuple(words[i + 1 :]))


def is_whole_clause(clause: str) -> bool:
    """Whether `clause` has a subject and a verb ("he'll call"), not only a fragment ("a bit tired")."""
    return _verb(clause) is not None


def _next_word(after: tuple[str, ...]) -> str:
    return next((w for w in after if w not in _SKIP), "")


def _happened(verb: _Verb) -> bool:
    """Whether the clause tells of something that happened ("my boss yelled at me", "i was let go"), not
    of a state, a plan or a thought ("that was my mistake", "i have planned to ...", "i wish she had")."""
    w = verb.word
    nxt = _next_word(verb.after)
    if w in ("was", "were", "wasn't", "weren't", "wasnt", "werent"):
        # passive or ongoing: "i was let go", "we were fighting"; not "that was my mistake"
        return nxt in _PARTICIPLES or (len(nxt) > 4 and nxt.endswith(("ed", "ing")))
    if w in ("had", "hadn't", "hadnt"):
        return nxt in ("a", "an", "to") or nxt in _PARTICIPLES or (len(nxt) > 3 and nxt.endswith("ed"))
    if w in ("did", "didn't", "didnt", "couldn't", "couldnt"):
        return nxt not in _STATIVE_BASE  # "my parents didn't come", not "i didn't think about it"
    if w == "got":
        return True
    if w in _STATIVE:
        return False
    return w in _IRREGULAR_PAST or (len(w) > 3 and w.endswith("ed") and w not in ("need", "feed", "speed"))


def _past(verb: _Verb) -> bool:
    w = verb.word
    return (
        w in ("was", "were", "wasn't", "weren't", "wasnt", "werent", "had", "hadn't", "hadnt")
        or _happened(verb)
        or (w in _STATIVE and w.endswith(("ed", "ought", "elt", "new")))
    )


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
class _Event:
    text: str  # in second person
    tense: str
    about_listener: bool
    happened: bool  # something that happened, not a state, a plan or a thought
    modal: bool  # "i should ...", "i will ...", "i want to ...": something still open


def _event(clauses: list[str], feeling_re: re.Pattern[str]) -> _Event | None:
    """The event: the best-scoring whole clause (subject and verb), said back in second person."""
    best: tuple[float, int, str, _Verb] | None = None
    for i, raw in enumerate(clauses):
        clause = _clean_clause(raw)
        if not clause:
            continue
        if not has_subject(clause):
            continue
        verb = _verb(clause)
        if verb is None or re.search(r"\[[^\]]*\]", raw):
            # a fragment ("concerned as ...", "my condolences for ..."), or a name left out ("[NAME] gets
            # hurt"): not said back
            continue
        if re.match(r"(?:you|u)\b", _norm(clause)) and not _ABOUT_YOU.search(_norm(clause)):
            continue  # the listener as subject but no complaint ("you are gone right now"): not their story
        s = _score_event(raw, clause, feeling_re) + i * 0.1  # later is fresher
        if s >= 2 and (best is None or s > best[0]):
            best = (s, i, clause, verb)
    if best is None:
        return None
    trimmed = _trim(best[2])
    if trimmed is None:
        return None
    norm = _norm(trimmed)
    verb = best[3]
    tense = "past" if _past(verb) else "present"
    modal = verb.word in _MODALS or verb.word in ("want", "wants", "hope", "wish", "plan")
    return _Event(
        _lower_first(to_second_person(trimmed)),
        tense,
        bool(_ABOUT_YOU.search(norm)),
        _happened(verb),
        modal,
    )


def _feelings(norm: str, lists: _Lists) -> tuple[list[Feeling], list[Feeling]]:
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


_NEGATED = re.compile(r"(?:\b(?:not|never|no|isnt|wasnt|dont|didnt|doesnt|aint)\b|n't\b)\W*(?:\w+\W+){0,2}$")
# Words that say a message is not light: a laugh or a thank-you in it is not the feeling to reflect.
_HARD_HINT = re.compile(
    r"\b(?:not|no|never|nothing|nobody|can'?t|cannot|won'?t|don'?t|doesn'?t|didn'?t|isn'?t|wasn'?t|dont|didnt|"
    r"doesnt|cant|wont|isnt|wasnt|better|worse|worst|bad|badly|sad|sadly|cry|cried|crying|tears|hurt|hurts|"
    r"pain|alone|lonely|miss|missed|lost|lose|hard|tough|difficult|awful|terrible|horrible|sick|tired|"
    r"exhausted|worried|worry|scared|afraid|upset|depressed|anxious|anxiety|stress\w*|ugh|sigh|"
    r"unfortunately|problems?|struggl\w*|fail\w*|died|dead|broke|help|wrong|sorry|loss|condolences|passed)\b"
)


def likely_feelings(text: str) -> list[str]:
    """Feelings that what happened usually brings, from the cues in `method/replies.toml`.

    >>> likely_feelings("you forgot my birthday")
    ['left out', 'hurt']
    """
    norm = _norm(text)
    out: list[str] = []
    for cue, feelings, _weak in _lists().likely:
        if cue.search(norm):
            out.extend(f for f in feelings if f not in out)
    return out


# A topic ("about X") must name something: not a pronoun, "no reason", "nothing", "it all" or a cut phrase.
_EMPTY_TOPIC_WORDS = frozenset(
    [
        "it", "that", "this", "these", "those", "them", "him", "her", "me", "myself", "you", "yourself", "us",
        "everything", "anything", "something", "nothing", "everyone", "anyone", "someone", "nobody", "stuff",
        "things", "thing", "reason", "reasons", "all", "of", "a", "an", "the", "some", "any", "my", "your",
        "lot", "bit", "while", "now", "rn", "what", "which", "whatever", "so", "much", "too", "way", "sake",
        "one", "ones", "there", "here", "again", "today", "anymore", "lately", "right", "just", "really",
        "very", "other", "else", "and", "or", "but", "to", "in", "on", "at", "for", "with", "by", "from",
    ]
)  # fmt: skip
_TOPIC_AFTER_FEELING = re.compile(r"^(?: (?:so much|a lot|a bit|sick|too))? (?:about|over|with|for|of) (.+)$")


def good_topic(raw: str) -> bool:
    """Whether `raw` can follow "about" in a reply: it names a thing, not "no reason", "it" or "her".

    >>> good_topic("my exam tomorrow"), good_topic("no reason"), good_topic("it all")
    (True, False, False)
    """
    words = _WORDS.findall(_norm(raw))
    if not 1 <= len(words) <= 8 or words[0] in ("no", "nothing", "none", "anything", "nobody"):
        return False
    named = any(w not in _EMPTY_TOPIC_WORDS and sum(c.isalpha() for c in w) >= 3 for w in words)
    return named and words[-1] not in _NOT_VERB - {"me", "time"}


def _topic(clause_norm: str, clause: str, feeling_end: int) -> str | None:
    """What the feeling that ends at `feeling_end` is about: "nervous *about my exam*", not "kind *of*
    anxious" or "low ... a hell *of* a ride"."""
    m = _TOPIC_AFTER_FEELING.match(clause_norm[feeling_end:])
    if not m:
        return None
    start = feeling_end + m.start(1)
    raw = _clean_clause(clause[start : start + len(m.group(1))])
    if not good_topic(raw):
        return None
    return _lower_first(to_second_person(raw))


_TOPIC_FEELING = re.compile(
    r"\b(?:worried|nervous|scared|anxious|stressed|excited|afraid|upset|angry|mad|frustrated|sad|happy|"
    r"concerned|terrified|frightened)\b"
)
# "i have planned to start a business", "i've decided to quit": a plan, asked about as a decision.
_PLAN = re.compile(
    r"\bi(?:'?m| am|'?ve| have|'?ve been| have been| had)? (?:\w+ly |just |finally |already |now |also )?"
    r"(?:planned|plan|planning|decided|decide|deciding|chose|intend|intended|intending|made up my mind) to "
    r"([a-z][^,.;!?]*)"
)


def _plan(clauses: list[str]) -> str | None:
    for clause in reversed(clauses):
        m = _PLAN.search(_norm(clause))
        if not m:
            continue
        raw = _clean_clause(clause[m.start(1) : m.end(1)])
        words = raw.split()
        if 1 <= len(words) <= 10 and words[0].lower() not in _NOT_VERB and not words[0].lower().endswith("ing"):
            return to_second_person(raw)
    return None


_THINK_LEAD = re.compile(
    r"^i (?:think|thought|guess|believe|suppose|reckon|doubt|hope|wish|feel like|felt like)(?: that)? (.+)$"
)


def _whole_thought(clause: str) -> bool:
    """A thought said back must be whole: "i suppose *the second i start to feel better*" is not."""
    norm = _norm(clause)
    m = _THINK_LEAD.match(norm) or re.match(r"^(?:maybe|what if|perhaps) (.+)$", norm)
    if m:
        rest = m.group(1)
        if re.match(r"(?:if|whether|how|what|why|when|where|who|to)\b", rest):
            return True
        return _verb(rest) is not None
    return not has_subject(clause) or _verb(clause) is not None


def hear(text: str) -> Heard:
    """Read one partner message (or the focus part of it) and return what was heard."""
    lists = _lists()
    focus = _tidy(text.strip())
    norm = _norm(focus)
    clauses = _clauses(focus)
    ev = _event(clauses, lists.feeling_re)
    event = ev.text if ev else None
    feelings, weak = _feelings(norm, lists)
    topic = None
    for clause in clauses:
        cn = _norm(clause)
        ends = [m.end(1) for m in lists.feeling_re.finditer(cn)] + [m.end() for m in _TOPIC_FEELING.finditer(cn)]
        for end in sorted(set(ends)):
            topic = _topic(cn, clause, end)
            if topic:
                break
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
            if 2 <= len(cleaned.split()) <= 25 and _whole_thought(cleaned):
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
            if good_topic(t):
                topic = _lower_first(to_second_person(t))
        if dilemma is None:
            dilemma = "what to do" + (f" about {topic}" if topic else "")
    pm = lists.party_re.search(norm)
    party = "your " + pm.group(1) if pm else None
    lm = lists.place_re.search(norm)
    place = lm.group(1) if lm else None
    jm = _SELF_JUDGEMENT.search(focus.replace("’", "'"))
    if not feelings and weak and ev is None and not thoughts and not unsure and not _HARD_HINT.search(norm):
        feelings = weak  # a laugh or a thank-you, and nothing else: that is the feeling
    valence = "neutral"
    if feelings:
        valence = "positive" if feelings[0].word in lists.positive else "negative"
    plan = _plan(clauses)
    complaint = None
    if event and ev and ev.about_listener:
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
        tense=ev.tense if ev else "present",
        happened=bool(ev and ev.happened and complaint is None),
        plan=plan,
        weighing=bool(plan or unsure or (ev and ev.modal) or any(not ABOUT_LISTENER.search(t) for t in thoughts)),
        valence=valence,
        unsure=unsure,
        about_you=bool(_ABOUT_YOU.search(focus.replace("’", "'"))),
        focus=focus,
    )


__all__ = ["Feeling", "Heard", "focus_of", "hear", "likely_feelings", "split_sentences"]
