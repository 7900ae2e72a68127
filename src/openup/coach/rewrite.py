"""Template rewrites for a flagged draft, filled from the draft's own words.

The templates are data (`method/rewrites.toml`). A harmful sentence is replaced by a template for the
most severe kind in it; clean sentences are kept as written. Every candidate is re-checked with the
detectors and dropped if any harmful signal remains.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from openup.coach.typed import as_meant
from openup.method import kinds, rewrite_table
from openup.text.detect import detect
from openup.text.lexical import macros
from openup.text.normalize import normalize
from openup.text.signal import Signal

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
# A full stop after one of these is no sentence end: "ok Mr. Financial Genius" is one sentence.
_ABBREVIATION = re.compile(r"(?:^|\W)(?:mr|mrs|ms|mx|dr|prof|st|jr|sr|vs|etc|e\.g|i\.e|approx|no)\.$", re.IGNORECASE)
# What follows a replaced sentence and would say the same dig on its own ("... congrats", "Talk. Now.",
# "yeah it shows"): a kept fragment this short, with no kind that helps and no question, goes with it.
TAIL_MAX_WORDS = 3
_HELPS = frozenset({"validation", "reflection", "appreciation", "self_disclosure", "apology", "i_statement"})
# Kinds whose short tails repeat the dig ("congrats", "NOW", "every time"); advice and minimizing are lapses
# in listening, and a short word beside them is often kindness ("Shame man.").
_DIGS = frozenset({"criticism", "contempt", "dismissal", "defensiveness", "pressure", "leverage"})
_MARKS_ONLY = re.compile(r"[\s\"'.,;:!?()\-]+")  # a stray closing quote or dots left beside a replaced sentence
# News or thanks a question sits in (an "I feel" inside a question is no reason to keep it).
_CONTENT = frozenset({"appreciation", "self_disclosure", "apology", "validation"})
# Question kinds are rewritten only in a sentence of at most this many words that carries nothing that helps:
# a long message with one "how do you feel" in it is not worth losing its news or its thanks for.
QUESTION_MAX_WORDS = 25
_QUESTION_KINDS = frozenset({"feeling_question", "generic_question"})
# What a question was about: the words after one of these, never a bare pronoun ("are you mad at me").
_TOPIC = re.compile(r"\b(?:about|after|over|regarding)\s+(.+?)\s*[?!.]*\s*$", re.IGNORECASE)
_TOPIC_LOOSE = re.compile(r"\b(?:at|with|of|for)\s+(.+?)\s*[?!.]*\s*$", re.IGNORECASE)  # when no "about"
_CHAT_TAIL = re.compile(r"(?:\s+(?:lol|lmao|haha+|tbh|ngl|fr|pls|please|x+|babe|hun|love))+$", re.IGNORECASE)
_OBJECTS = frozenset({"me", "you", "u", "him", "her", "them"})  # "angry with me ...": the person, not a topic
_PRONOUN = frozenset({"me", "you", "u", "us", "him", "her", "them", "it", "that", "this", "everything",
                      "anything", "something", "nothing", "everyone", "anyone", "someone"})
# "how did it make you feel when ..." / "how did you feel when ...": the moment asked about.
_WHEN = re.compile(r"\b(?:feel|felt|feeling|make|makes|made)\b[^.?!]*?\b(when\s+.+?)\s*[?!.]*\s*$", re.IGNORECASE)
_PAST = re.compile(r"\b(?:did|was|were|felt|made|had|said|went|came)\b", re.IGNORECASE)
# "how did <the thing> make you feel": the thing itself.
_MADE_FEEL = re.compile(r"\bhow\s+(?:did|does|do|has|is)\s+(.+?)\s+(?:make|making|made)\s+(?:you|u|ya)\s+feel\b",
                        re.IGNORECASE)
_SLOT = re.compile(r"\{(\w+)\}")
_CLAUSE_STOP = re.compile(r"[,;:.!?\n]| and\b| but\b| because\b| so\b| which\b| or\b| when\b| while\b")
_PERIODS = ("day", "week", "weekend", "trip", "evening", "morning", "night", "shift", "afternoon", "holiday")
_PLACES = ("work", "school", "the office", "class", "practice", "uni", "college", "the gym")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split into sentences with offsets (a sentence ends at . ! ? or a newline, not at "Mr." or "etc.")."""
    out: list[Sentence] = []
    start: int | None = None
    for m in _SENTENCE.finditer(text):
        if start is None:
            start = m.start()
        if _ABBREVIATION.search(m.group().rstrip()) and m.end() < len(text):
            continue  # the sentence goes on after the abbreviation
        if text[start : m.end()].strip():
            out.append(Sentence(start, m.end(), text[start : m.end()]))
        start = None
    if start is not None and text[start:].strip():
        out.append(Sentence(start, len(text), text[start:]))
    return out


@cache
def _rewrites() -> dict[str, object]:
    """rewrites.toml, parsed once and checked against signals.toml."""
    return rewrite_table()


@cache
def _table() -> dict[str, dict[str, object]]:
    table = _rewrites()["kind"]
    assert isinstance(table, dict)
    return table


@cache
def _soft_side() -> tuple[frozenset[str], tuple[str, ...]]:
    row = _rewrites()["soft_side"]
    assert isinstance(row, dict)
    return frozenset(row["kinds"]), tuple(row["openers"])


@cache
def _merged_principles() -> frozenset[str]:
    names = _rewrites().get("merge_by_principle", [])
    assert isinstance(names, list)
    return frozenset(str(n) for n in names)


def rewritable_kinds() -> frozenset[str]:
    return frozenset(_table())


def _clause(rest: str, max_words: int = 9) -> str:
    cut = _CLAUSE_STOP.search(rest)
    words = (rest[: cut.start()] if cut else rest).split()
    words = words[:max_words]
    while words and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words).strip()


@cache
def _feeling_re() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:i(?:'m| am| feel| felt| get| was|'ve been| have been)?|makes? me(?: feel)?|made me(?: feel)?|"
        r"leaves? me(?: feeling)?|left me(?: feeling)?) (?:so |really |just |very |a bit |kind of )*("
        + macros()["FEELING"]
        + r")\b"
    )


# Past-tense verbs whose object can take the front of a calmer sentence: "you left the dishes" ->
# "when the dishes are left". Only for objects that start with a determiner.
_PASSIVE = {
    "left": "left",
    "forgot": "forgotten",
    "ignored": "ignored",
    "missed": "missed",
    "broke": "broken",
    "dropped": "dropped",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "skipped": "skipped",
}
_TRAILING = frozenset(["again", "even", "just", "too", "either", "anymore", "any", "more"])
_DETERMINER = re.compile(r"^(?:the|my|our|your|his|her|their|this|that|these|those|all the|a|an)\b", re.I)
_PAST_YOU = re.compile(
    r"\byou (?:just |even |totally |completely |then |also )?"
    r"(left|forgot|ignored|missed|broke|dropped|cancell?ed|canceled|skipped|took|used|ate|spent|said|made|"
    r"gave|threw|lost|walked|yelled|shouted|laughed|rolled|hung|came|got|went|[a-z]{3,}ed)\b\s*"
)
_DIDNT_YOU = re.compile(
    r"\byou (?:didn'?t|did not|couldn'?t|wouldn'?t|won'?t|don'?t|do not)(?: even| ever)?\s+"
)


def _plural(noun_phrase: str) -> bool:
    head = noun_phrase.split()[-1].lower() if noun_phrase.split() else ""
    return head.endswith("s") and not head.endswith("ss")


def _draft_slots(draft: str) -> tuple[dict[str, str], set[int]]:
    """Slots found anywhere in the draft, and the sentences whose whole content a slot carries."""
    slots: dict[str, str] = {}
    consumed: set[int] = set()
    for i, sent in enumerate(sentences(draft)):
        norm = normalize(sent.text)
        m = _PAST_YOU.search(norm)
        if (
            m
            and "past_behaviour" not in slots
            and not re.search(r"\b(?:if|when|whether)\s+you\b", norm[: m.end()])
        ):
            verb = sent.text[m.start(1) : m.end(1)]
            rest = _clause(sent.text[m.end() :], 10)
            if rest or verb.endswith("ed"):
                slots["past_behaviour"] = f"{verb} {rest}".strip()
                obj = _clause(rest, 6)
                if verb.lower() in _PASSIVE and obj and _DETERMINER.match(obj):
                    tail = ""
                    pm = re.match(r"(.+?)\s+((?:in|on|at|out|behind|around|all over)\b.*)$", obj)
                    if pm:
                        obj, tail = pm.group(1), " " + pm.group(2)
                    be = "are" if _plural(obj) else "is"
                    obj = re.sub(r"^your\b", "your", obj, flags=re.I)
                    slots["passive"] = f"{obj} {be} {_PASSIVE[verb.lower()]}{tail}"
                if len(norm.split()) <= len(f"you {verb} {rest}".split()) + 2:
                    consumed.add(i)
        d = _DIDNT_YOU.search(norm)
        if d and "wish" not in slots:
            wish = _clause(sent.text[d.end() :])
            if wish and not wish.lower().startswith(("care", "love")):
                slots["wish"] = wish
                if len(norm.split()) <= len(wish.split()) + 4:
                    consumed.add(i)
    fm = _feeling_re().search(normalize(draft))
    if fm:
        slots["feeling"] = draft[fm.start(1) : fm.end(1)]
    else:
        from openup.coach.heard import likely_feelings

        likely = likely_feelings(draft)
        if likely:
            slots["likely_feeling"] = likely[0]
    return slots, consumed


def _slots(sentence: str, draft: str) -> dict[str, str]:
    """Fill what we can from the user's own words."""
    norm = normalize(sentence)
    slots, _ = _draft_slots(draft)
    m = re.search(r"\byou (?:always|constantly|keep(?= \w+ing)|are always|'re always)\s+", norm)
    if m:
        behaviour = _clause(sentence[m.end() :])
        if norm[m.start() : m.end()].strip().startswith("you keep"):
            behaviour = "keep " + behaviour
        if len(behaviour.split()) >= 1:
            slots["behaviour"] = behaviour
    m = re.search(r"\byou (?:never|don'?t ever|do not ever|never even|can'?t even)\s+", norm)
    if m:
        wish = _clause(sentence[m.end() :])
        if wish:
            slots["wish"] = wish
    read = as_meant(sentence.strip())
    moment = _WHEN.search(read)
    if moment and 2 <= len(moment.group(1).split()) <= 12:
        slots["moment_then" if _PAST.search(read) else "moment_now"] = _trimmed(moment.group(1))
    else:
        moment = None
    # What it was about: "about/after/over X" or "how did X make you feel"; "at/with/of/for X" only when no
    # moment was asked about ("when i'm away for work" is the moment, not "work").
    m = _MADE_FEEL.search(read) or _TOPIC.search(read)
    loose = m is None
    m = m or (None if moment else _TOPIC_LOOSE.search(read))
    if m:
        topic = _trimmed(m.group(1))
        words = topic.lower().split()
        if 1 <= len(words) <= 10 and topic.lower() not in _PRONOUN and not (loose and words[0] in _OBJECTS):
            slots["topic"] = topic
    for period in _PERIODS:
        if re.search(rf"\b{period}\b", norm):
            slots["period"] = period
            break
    for place in _PLACES:
        if re.search(rf"\b{place}\b", norm):
            slots["place"] = place
            break
    return slots


def _trimmed(phrase: str) -> str:
    """A phrase for a template's slot, without the chat words, emoji and marks that end the message."""
    for _ in range(3):
        phrase = _CHAT_TAIL.sub("", re.sub(r"[^\w)]+$", "", phrase))
    return phrase.strip()


def _fill(template: str, slots: dict[str, str]) -> str | None:
    needed = _SLOT.findall(template)
    if any(not slots.get(n) for n in needed):
        return None
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def _harmful(signals: Sequence[Signal]) -> list[Signal]:
    table = kinds()
    return [s for s in signals if table[s.kind].harmful]


def is_clean(text: str, detector: Callable[[str], list[Signal]] | None = None) -> bool:
    """True when `text` carries no harmful or safety signal."""
    found = detector(text) if detector else detect(text, model=False)
    return not _harmful(found)


def _sentence_candidates(sent: Sentence, kind: str, draft: str) -> list[str]:
    row = _table().get(kind)
    if row is None:
        return []
    slots = _slots(sent.text, draft)
    default = str(row.get("default_feeling", ""))
    if "feeling" not in slots and (slots.get("likely_feeling") or default):
        slots["feeling"] = slots.get("likely_feeling") or default
    norm = normalize(sent.text)
    templates = list(row["templates"])  # type: ignore[call-overload]
    if kind == "feeling_question" and not re.search(r"\b(?:did|was|were|had)\b", norm):
        templates.sort(key=lambda t: "did you" in t)  # present tense: "what do you think" first
    out = []
    for tpl in templates:
        filled = _fill(str(tpl), slots)
        if filled and filled not in out and is_clean(filled):
            out.append(filled)
    return out


def rewrite_candidates(
    text: str, signals: Sequence[Signal] | None = None, limit: int = 3, notes: list[str] | None = None
) -> list[str]:
    """Ranked rewrites of a draft; each one passes the detectors with no harmful signal.

    When an LLM is configured its rewrite comes first if it passes; otherwise the reason it was not
    used is appended to `notes`.

    >>> rewrite_candidates("You never listen to me!")[0]
    "I'd love it if you could listen to me. When that doesn't happen, I end up feeling unheard."
    """
    signals = detect(text, model=False) if signals is None else signals
    harmful = [s for s in _harmful(signals) if s.kind in rewritable_kinds()]
    if not harmful:
        return []
    table = kinds()
    draft_slots, consumed = _draft_slots(text)
    carried = [v for k, v in draft_slots.items() if k in ("past_behaviour", "wish", "passive")]
    rows: list[tuple[int, bool, list[str]]] = []  # (sentence index, replaced?, options)
    found_kinds: set[str] = set()
    replaced: set[str] = set()
    helps = [s for s in signals if s.kind in _HELPS]
    spans = sentences(text)
    for idx, sent in enumerate(spans):
        inside = [s for s in harmful if sent.start <= s.start < sent.end]
        if inside and all(s.kind in _QUESTION_KINDS for s in inside) and (
            len(sent.text.split()) > QUESTION_MAX_WORDS
            or any(sent.start <= s.start < sent.end and s.kind in _CONTENT for s in helps)
        ):
            inside = []  # a question inside news or thanks: keep the sentence whole (see QUESTION_MAX_WORDS)
        if not inside:
            keep = sent.text.strip()
            rows.append((idx, False, [keep] if is_clean(keep) else []))
            continue
        worst = max(inside, key=lambda s: (table[s.kind].severity, -s.start))
        found_kinds.update(s.kind for s in inside)
        # One replacement per principle says it (a second "That sounds hard..." would only repeat it),
        # except where each sentence carries its own content (questions): one per kind there.
        said_key = table[worst.kind].principle if table[worst.kind].principle in _merged_principles() else worst.kind
        if said_key in replaced:
            continue
        replaced.add(said_key)
        rows.append((idx, True, _sentence_candidates(sent, worst.kind, text)))
    # A kept sentence whose content a replacement already carries ("You forgot my birthday." after
    # "When my birthday is forgotten, I feel hurt.") would say it twice: drop it.
    chosen = " ".join(opts[0] for _, rep, opts in rows if rep and opts).lower()
    said = any(c.lower() in chosen for c in carried)
    if not any(rep and opts for _, rep, opts in rows):
        return []  # nothing could be rewritten: the draft as typed is no rewrite
    tails = _tails(spans, rows, found_kinds, helps) | {idx for idx, rep, opts in rows if not rep and opts
                                                      and _MARKS_ONLY.fullmatch(opts[0])}
    pieces = [opts for idx, rep, opts in rows if rep or not ((said and idx in consumed) or idx in tails)]
    # Build whole-text candidates: vary the first multi-choice sentence, take the first option elsewhere.
    base = [p[0] for p in pieces if p]
    variants = [base]
    for i, options in enumerate(p for p in pieces if p):
        for alt in options[1:]:
            variants.append([*base[:i], alt, *base[i + 1 :]])
        if len(options) > 1:
            break
    soft_kinds, openers = _soft_side()
    if found_kinds & soft_kinds:
        variants.append([openers[0], *base])
    scored: list[tuple[int, str]] = []
    seen: set[str] = set()
    for order, parts in enumerate(variants):
        deduped: list[str] = []
        for part in parts:
            if part not in deduped:
                deduped.append(part)
        candidate = " ".join(deduped).strip()
        if not candidate or candidate in seen or not is_clean(candidate):
            continue
        seen.add(candidate)
        # Variants come in rank order: templates filled from the draft's own words first, the
        # soft-side opener (which adds words the user did not write) last.
        scored.append((order, candidate))
    out = [c for _, c in scored[:limit]]
    generated = _llm_rewrite(text, notes if notes is not None else [])
    if generated and generated not in out:
        out = [generated, *out][:limit]
    return out


def _tails(
    spans: Sequence[Sentence], rows: Sequence[tuple[int, bool, list[str]]], found: set[str], helps: Sequence[Signal]
) -> set[int]:
    """Kept sentences that only echo a replaced dig: when a sentence was replaced for a dig (`_DIGS`),
    the short fragments around it ("congrats", "every time", "Talk. Now.", "Useless.")
    with no kind that helps in them and no question mark."""
    if not found & _DIGS:
        return set()
    out: set[int] = set()
    for idx, replaced, options in rows:
        if replaced or not options:
            continue
        sent = spans[idx]
        words = sent.text.split()
        if (
            len(words) <= TAIL_MAX_WORDS
            and "?" not in sent.text
            and not any(sent.start <= s.start < sent.end for s in helps)
            and not lexical_helps(sent.text)
        ):
            out.add(idx)
    return out


def lexical_helps(sentence: str) -> bool:
    """Whether the patterns find a kind that helps in `sentence` ("love u tho", "sorry")."""
    return any(s.kind in _HELPS for s in detect(sentence, model=False))


def _llm_rewrite(text: str, notes: list[str]) -> str | None:
    """A rewrite from the configured LLM, kept only if our detectors find nothing harmful in it."""
    from openup.coach.llm import client_from_config, generate_checked, rewrite_prompt

    try:
        client = client_from_config()
    except Exception:  # a broken [llm] setting must not break `check`; `openup reply` reports it
        return None
    if client is None:
        return None
    result = generate_checked(client, rewrite_prompt(text))
    if result.text is None:
        notes.append(result.note or "used the template rewrite")
        return None
    return result.text

