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

from openup.method import kinds, rewrite_table
from openup.text.detect import detect
from openup.text.lexical import macros
from openup.text.normalize import normalize
from openup.text.signal import Signal

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
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
    """Split into sentences with offsets (a sentence ends at . ! ? or a newline)."""
    out = []
    for m in _SENTENCE.finditer(text):
        if m.group().strip():
            out.append(Sentence(m.start(), m.end(), m.group()))
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
    m = re.search(r"\b(?:about|of|with|after|at)\s+(.+?)\s*\??\s*$", sentence.strip())
    if m and 1 <= len(m.group(1).split()) <= 8:
        slots["topic"] = m.group(1).rstrip("?!. ")
    for period in _PERIODS:
        if re.search(rf"\b{period}\b", norm):
            slots["period"] = period
            break
    for place in _PLACES:
        if re.search(rf"\b{place}\b", norm):
            slots["place"] = place
            break
    return slots


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
    for idx, sent in enumerate(sentences(text)):
        inside = [s for s in harmful if sent.start <= s.start < sent.end]
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
    pieces = [opts for idx, rep, opts in rows if rep or not (said and idx in consumed)]
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

