"""What was heard in a partner's message: the event, the feelings (named or likely) and the thoughts.

Everything comes back in second person, ready to be said back ("your boss yelled at you"). The rules are
small and explainable: sentence and clause splitting (`heard_clauses`), finding a clause's subject and verb
(`heard_verbs`), scoring clauses for the event (`heard_event`), feelings (`heard_feelings`), a few regexes
over the lower-cased text, and the word lists in `coach/heard_words.toml`, `method/replies.toml` and
`text/patterns/_macros.toml`. This module holds `hear` and its record, `Heard`.

>>> h = hear("My boss yelled at me in front of everyone today. I'm so embarrassed.")
>>> h.event, [f.word for f in h.feelings]
('your boss yelled at you in front of everyone today', ['embarrassed', 'hurt', 'upset'])
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from openup.coach.heard_clauses import (
    CLAUSE_SPLIT,
    clean_clause,
    focus_of,
    lower_first,
    normed,
    split_clauses,
    split_sentences,
    tidy,
)
from openup.coach.heard_event import ABOUT_YOU, THOUGHT, find_event
from openup.coach.heard_feelings import HARD_HINT, Feeling, feeling_lists, feelings_in, likely_feelings
from openup.coach.heard_verbs import NOT_VERB, WORDS, find_verb, has_subject
from openup.coach.heard_verbs import is_whole_clause as is_whole_clause
from openup.coach.heard_words import word_set, word_tuple
from openup.coach.sayback import said_back

_DILEMMA = re.compile(
    r"\b(?:i (?:don'?t|do not|dont) know|i'?m not sure|not sure|no idea|i can'?t decide|i'?m torn(?: about)?|"
    r"i'?m unsure(?: about)?|unsure)\s+"
    # not knowing why, or what is up, is a state, not a choice to make ("not sure what's up, I've just been
    # unmotivated", "don't know how else to put it"): no dilemma is read from it
    r"(?!why\b|what'?s (?:up|wrong|going on|happening|the matter|with me)\b|what it is\b|what is (?:up|wrong)\b|"
    r"how else\b|how to (?:put|explain|describe|say) it\b|what to (?:think|feel|make of)\b|how (?:i|to) feel\b|"
    # nor is not knowing if they can go on with something: strain told, not a choice ("idk if i can keep doing this
    # job", "not sure how much longer i can do this"); "if i'll take it" stays a choice
    r"(?:if|whether|how|how much longer|how long) (?:i|im|i'?m|i am) ?(?:can|could|will be able to) "
    r"(?:keep (?:doing|going|this up|at it|up with)|cope|handle|put up with|do this (?:any ?more|much longer)|"
    r"do (?:this|it)$|go on|carry on|take (?:this|much more|any ?more))\b"
    r"|(?:how much longer|how long) (?:i|im|i'?m|i am) ?(?:can|could) do\b"
    r"|(?:if|whether) (?:i|im|i'?m|i am) ?(?:can|could) do (?:this|that|my|the) [^.!?]{0,40}?"
    r"(?:any ?more|much longer)\b)"
    r"((?:what|how|whether|if|where|who|why|when)\b[^.!?]*)",
    re.IGNORECASE,
)
# Not knowing why, opening what they tell: "not sure what's up, I've just been unmotivated all week".
NOT_SURE_LEAD = re.compile(
    r"^(?:(?:i'?m|you're) )?(?:not sure|no idea|dunno) (?:why|what'?s (?:up|wrong|going on)(?: with (?:me|you))?)"
    r"[,;] (?=\S+ \S+ \S+)",
    re.IGNORECASE,
)
_SHOULD_I = re.compile(
    r"\b(?:what|how) (?:should|do|can|could) i (?:do|handle|deal with|cope)\b(?: (?:about|with) ([^.!?]+))?",
    re.I,
)
# How they look, run down: "i look so old in the zoom grid", "i hate how i look", "i look like a mushroom".
LOOKS_DOWN = (
    r"\bi (?:look|looked)(?: so| really| just| absolutely| actually| properly| about)* "
    r"((?:old|ancient|awful|terrible|fat|ugly|hideous|horrible|disgusting|gross|huge|dreadful|a state|a mess|"
    r"like (?:an? |such an? |a total |a right )\w+))\b"
    r"|\bi (hate (?:how|the way) i look)\b"
    # themselves run down outright ("i hate my body", "i'm so ugly")
    r"|\bi (?:really |just |honestly )?(hate (?:my ?self|my (?:body|face|looks|life)))\b"
    r"|\bi(?:'?m| am)(?: just| so| really| such| totally| completely)* (ugly|fat|hideous|disgusting|gross)\b"
)
SELF_JUDGEMENT = re.compile(
    r"\bi(?:'?m| am| feel like| felt like| feel| felt)(?: just| such| so| really| totally| completely| always| a)* "
    r"(a failure|an idiot|stupid|useless|worthless|a mess|pathetic|a loser|a burden|not good enough|a bad "
    r"(?:mom|mum|dad|mother|father|parent|partner|friend|person)|"
    r"a terrible (?:mom|mum|dad|parent|partner|person)|"
    r"the problem|a fraud|so dumb|dumb)\b"
    # a verdict typed without "I'm", after what happened ("burnt the dinner, worst parent ever")
    r"|(?:^|[,.;:!?]\s*|\s[-\u2013]\s*|\band\s+|\blol\s+)"
    r"((?:the |such (?:a|an) )?(?:worst|useless|terrible|awful|crap|rubbish) "
    r"(?:mom|mum|dad|mother|father|parent|partner|wife|husband|girlfriend|boyfriend|gf|bf|friend|person|"
    r"daughter|son|sister|brother|cook|driver)(?: ever| alive| in the world)?)\b"
    # a name they call themselves ("I'm an awful eejit", "feel a right idiot", "im so bad at adulting")
    r"|\b(?:i(?:'?m| am)|i feel(?: like)?|feel(?:ing)?(?: like)?|felt(?: like)?)"
    r"((?: such| so| a right| an absolute| a total| a complete| a proper| an awful| a| an| right| really)+ "
    r"(?:idiot|eejit|fool|muppet|numpty|moron|plonker|dope|dummy|clown|disaster|failure|mess|joke)|"
    r" (?:so |really |just |such )?(?:bad|terrible|hopeless|rubbish|crap|useless) at \w+)\b"
    # asking what is wrong with them ("idk whats wrong w me", "why am i like this")
    r"|\b(what'?s wrong (?:with|w) me|what is wrong with me|why am i like this)\b"
    # how they look, run down ("i look so old in the photos", "i hate how i look", "i look like a mushroom")
    r"|" + LOOKS_DOWN,
    re.IGNORECASE,
)
_REASON_WORDS = word_set("hear", "reason_words")
# "should i take the contract in dundee or stay put": a choice they are weighing.
_SHOULD_I_OR = re.compile(r"^(?:so |ok |okay |like |honestly )?should i (?!do\b)(.+?)[?.!]*$", re.IGNORECASE)


# Said back in second person, these words mean you, the listener: "you hope I have a good day".
ABOUT_LISTENER = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|mine|myself)\b")


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
    loss: str = "none"  # own | other | none: they told of a death or a loss (`situations.whose_loss`)
    lost: str | None = None  # who they lost, when it is their own ("your dad")
    focus: str = ""  # the part of the message the suggestions are built from
    good_news: bool = False  # good news they are sharing (`reading.read_message`)
    mood: str = ""  # anger | hurt | fear | shame | tired | unsure | glad | "": what to validate (`reading.mood_of`)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def told(self) -> str:
        """The whole message as `reply()` read it ("told" in `extra`), else the focus: what a reading of the
        message as a whole looks at ("booked it." may lie outside the focus)."""
        return str(self.extra.get("told", self.focus))

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event or self.complaint,
            "feelings": [f.to_dict() for f in self.feelings],
            "thoughts": list(self.thoughts),
        }


# A topic ("about X") must name something: not a pronoun, "no reason", "nothing", "it all" or a cut phrase.
_EMPTY_TOPIC_WORDS = word_set("topics", "empty_topic_words")
_EMPTY_START = word_tuple("topics", "empty_start")
_TOPIC_AFTER_FEELING = re.compile(r"^(?: (?:so much|a lot|a bit|sick|too))? (?:about|over|with|for|of) (.+)$")


def good_topic(raw: str) -> bool:
    """Whether `raw` can follow "about" in a reply: it names a thing, not "no reason", "it" or "her".

    >>> good_topic("my exam tomorrow"), good_topic("no reason"), good_topic("it all")
    (True, False, False)
    """
    words = WORDS.findall(normed(raw))
    if not 1 <= len(words) <= 8 or words[0] in _EMPTY_START:
        return False
    named = any(w not in _EMPTY_TOPIC_WORDS and sum(c.isalpha() for c in w) >= 3 for w in words)
    return named and words[-1] not in NOT_VERB - {"me", "time"}


def _topic(clause_norm: str, clause: str, feeling_end: int) -> str | None:
    """What the feeling that ends at `feeling_end` is about: "nervous *about my exam*", not "kind *of*
    anxious" or "low ... a hell *of* a ride"."""
    m = _TOPIC_AFTER_FEELING.match(clause_norm[feeling_end:])
    if not m:
        return None
    start = feeling_end + m.start(1)
    raw = clean_clause(clause[start : start + len(m.group(1))])
    if not good_topic(raw):
        return None
    return lower_first(said_back(raw))


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
        m = _PLAN.search(normed(clause))
        if not m:
            continue
        raw = clean_clause(clause[m.start(1) : m.end(1)])
        words = raw.split()
        if 1 <= len(words) <= 10 and words[0].lower() not in NOT_VERB and not words[0].lower().endswith("ing"):
            return said_back(raw)
    return None


_THINK_LEAD = re.compile(
    r"^i (?:think|thought|guess|believe|suppose|reckon|doubt|hope|wish|feel like|felt like)(?: that)? (.+)$"
)


def _whole_thought(clause: str) -> bool:
    """A thought said back must be whole: "i suppose *the second i start to feel better*" is not."""
    norm = normed(clause)
    m = _THINK_LEAD.match(norm) or re.match(r"^(?:maybe|what if|perhaps) (.+)$", norm)
    if m:
        rest = m.group(1)
        if re.match(r"(?:if|whether|how|what|why|when|where|who|to)\b", rest):
            return True
        return find_verb(rest) is not None
    if re.fullmatch(r"i (?:think|thought|guess|believe|suppose|reckon|doubt|hope|wish)(?: so| not)?|"
                    r"i (?:don't|do not) know|i dunno|not sure", norm):
        return False  # "im ok. i think": a hedge, with nothing to say back
    return not has_subject(clause) or find_verb(clause) is not None


def hear(text: str) -> Heard:
    """Read one partner message (or the focus part of it) and return what was heard."""
    lists = feeling_lists()
    focus = tidy(text.strip())
    norm = normed(focus)
    clauses = split_clauses(focus)
    ev = find_event(clauses, lists.feeling_re)
    event = ev.text if ev else None
    if event and (lead := NOT_SURE_LEAD.match(event)) is not None:
        event = event[lead.end():]  # "not sure what's up, | you've just been unmotivated": what they told
    feelings, weak = feelings_in(norm, lists)
    topic = None
    for clause in clauses:
        cn = normed(clause)
        ends = [m.end(1) for m in lists.feeling_re.finditer(cn)] + [m.end() for m in _TOPIC_FEELING.finditer(cn)]
        for end in sorted(set(ends)):
            topic = _topic(cn, clause, end)
            if topic:
                break
        if topic:
            break
    feeling_clause = None
    for raw in reversed(split_sentences(focus)):
        for clause in CLAUSE_SPLIT.split(raw):
            cleaned = clean_clause(clause)
            cn = normed(cleaned)
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
                feeling_clause = lower_first(said_back(cleaned))
                break
        if feeling_clause:
            break
    thoughts: list[str] = []
    for clause in clauses:
        if THOUGHT.search(normed(clause)):
            cleaned = clean_clause(clause)
            if 2 <= len(cleaned.split()) <= 25 and _whole_thought(cleaned):
                thoughts.append(lower_first(said_back(cleaned)))
    dilemma = None
    unsure = False
    m = _DILEMMA.search(focus.replace("’", "'"))
    if m:
        phrase = clean_clause(m.group(1))
        if 2 <= len(phrase.split()) <= 14:
            dilemma, unsure = lower_first(said_back(phrase)), True
    sm = _SHOULD_I.search(focus.replace("’", "'"))
    if sm:
        unsure = True
        if sm.group(1) and not topic:
            t = clean_clause(sm.group(1))
            if good_topic(t):
                topic = lower_first(said_back(t))
        if dilemma is None:
            dilemma = "what to do" + (f" about {topic}" if topic else "")
    if dilemma is None:
        for sent in split_sentences(focus.replace("’", "'")):
            wm = _SHOULD_I_OR.match(sent.strip())
            phrase = clean_clause(wm.group(1)) if wm else ""
            if phrase and 2 <= len(phrase.split()) <= 16:
                dilemma, unsure = "whether to " + lower_first(said_back(phrase)), True  # "should i take it or ..."
                break
    pm = lists.party_re.search(norm)
    party = "your " + pm.group(1) if pm else None
    lm = lists.place_re.search(norm)
    place = lm.group(1) if lm else None
    jm = SELF_JUDGEMENT.search(focus.replace("’", "'"))
    if not feelings and weak and ev is None and not thoughts and not unsure and not HARD_HINT.search(norm):
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
        self_judgement=next(g for g in jm.groups() if g).strip().lower() if jm else None,
        tense=ev.tense if ev else "present",
        happened=bool(ev and ev.happened and complaint is None),
        plan=plan,
        weighing=bool(plan or unsure or (ev and ev.modal) or any(not ABOUT_LISTENER.search(t) for t in thoughts)),
        valence=valence,
        unsure=unsure,
        about_you=bool(ABOUT_YOU.search(focus.replace("’", "'"))),
        focus=focus,
    )


_T = TypeVar("_T")
_MEMO_SIZE = 64


def per_heard(read: Callable[[Heard], _T]) -> Callable[[Heard], _T]:
    """`read` run once per `Heard` object: a reply asks the same readings of one message many times (each template's
    conditions, the situation, the sorts), and a `Heard` holds a dict, so it cannot be a cache key. The memo keeps the
    object it was computed for (an id is only compared while that object lives) and is emptied when it fills."""
    memo: dict[int, tuple[Heard, _T]] = {}

    def once(heard: Heard) -> _T:
        hit = memo.get(id(heard))
        if hit is not None and hit[0] is heard:
            return hit[1]
        value = read(heard)
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[id(heard)] = (heard, value)
        return value

    return functools.update_wrapper(once, read)


__all__ = ["Feeling", "Heard", "focus_of", "hear", "likely_feelings", "per_heard", "split_sentences"]
