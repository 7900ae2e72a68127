"""The lexical tier: patterns kept in `patterns/*.toml`, compiled once, matched as spans.

Pattern files are data a coach can edit; see `patterns/README.md` for the format. Each kind's patterns
are joined into one alternation with a named group per pattern, so one `finditer` per kind finds every
match and `lastgroup` says which pattern spoke.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from openup.text.normalize import normalize
from openup.text.signal import Signal

_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_CLAUSE_END = re.compile(r"[.!?;:,\n]|\bbut\b|\band\b")


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    score: float
    negatable: bool
    in_quotes: str  # "drop" or "keep"
    not_before: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    only_before: re.Pattern[str] | None
    requires: frozenset[str]
    unless: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class KindMatcher:
    kind: str
    regex: re.Pattern[str]
    patterns: tuple[Pattern, ...]
    bodies: tuple[str, ...] = ()  # each pattern's expanded regex, in order (group p<i> is bodies[i])


def _read(name: str) -> dict[str, Any]:
    with resources.files("openup.text.patterns").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def macros() -> dict[str, str]:
    """Named regex fragments from `_macros.toml`: `[lists]` become alternations, `[macros]` are expanded."""
    data = _read("_macros.toml")
    out: dict[str, str] = {}
    for name, words in data.get("lists", {}).items():
        # Longest first so "self-centred" wins over "self".
        alts = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
        out[name] = "(?:" + "|".join(re.escape(w).replace(r"\ ", " ").replace("'", "'?") for w in alts) + ")"
    pending = dict(data.get("macros", {}))
    for _ in range(10):  # macros may use lists and earlier macros
        for name, body in list(pending.items()):
            if not any(ref not in out for ref in _MACRO.findall(body)):
                out[name] = "(?:" + expand(body, out) + ")"
                del pending[name]
    if pending:
        raise ValueError(f"_macros.toml: unresolved macros {sorted(pending)}")
    return out


def expand(body: str, table: dict[str, str] | None = None) -> str:
    """Replace `{NAME}` with the macro's regex."""
    table = macros() if table is None else table

    def sub(m: re.Match[str]) -> str:
        try:
            return table[m.group(1)]
        except KeyError:
            raise ValueError(f"unknown macro {{{m.group(1)}}} in pattern {body!r}") from None

    return _MACRO.sub(sub, body)


def _compile_optional(body: str | None) -> re.Pattern[str] | None:
    return re.compile(expand(body)) if body else None


@cache
def matchers() -> tuple[KindMatcher, ...]:
    """Every kind's compiled matcher, built once per process."""
    out = []
    folder = resources.files("openup.text.patterns")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml") or entry.name.startswith("_"):
            continue
        data = _read(entry.name)
        kind = data["kind"]
        defaults = {
            "score": float(data.get("score", 0.8)),
            "negatable": bool(data.get("negatable", False)),
            "in_quotes": str(data.get("in_quotes", "drop")),
        }
        pats: list[Pattern] = []
        alts: list[str] = []
        for i, row in enumerate(data.get("pattern", [])):
            body = expand(row["re"])
            try:
                re.compile(body)
            except re.error as exc:
                raise ValueError(f"patterns/{entry.name}: pattern {row.get('id', i)!r} is invalid: {exc}") from None
            alts.append(f"(?P<p{i}>{body})")
            pats.append(
                Pattern(
                    id=f"{kind}.{row.get('id', i)}",
                    score=float(row.get("score", defaults["score"])),
                    negatable=bool(row.get("negatable", defaults["negatable"])),
                    in_quotes=str(row.get("in_quotes", defaults["in_quotes"])),
                    not_before=_compile_optional(row.get("not_before")),
                    not_after=_compile_optional(row.get("not_after")),
                    only_before=_compile_optional(row.get("only_before")),
                    requires=frozenset(row.get("requires", ())),
                    unless=frozenset(row.get("unless", data.get("unless", ()))),
                )
            )
        if alts:
            bodies = tuple(a[a.index(">") + 1 : -1] for a in alts)
            out.append(KindMatcher(kind, re.compile("|".join(alts)), tuple(pats), bodies))
    return tuple(out)


def _quote_spans(norm: str) -> list[tuple[int, int]]:
    spans = []
    opened = -1
    for i, ch in enumerate(norm):
        if ch == '"':
            if opened < 0:
                opened = i
            else:
                spans.append((opened, i + 1))
                opened = -1
    return spans


def _clause_before(norm: str, start: int) -> str:
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
    clause = _clause_before(norm, start)
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


def _resolve(found: list[Signal], deferred: list[tuple[Pattern, Signal]]) -> list[Signal]:
    """Settle matches that depend on other kinds: `requires` (the text must also have one of these
    kinds) and `unless` (no overlapping signal of these kinds, e.g. a rhetorical "what is wrong with
    you?" is criticism, not an open question). A match is settled once every kind it refers to is."""
    pending = list(deferred)
    while pending:
        waiting = {sig.kind for _, sig in pending}
        ready = [(p, s) for p, s in pending if not ((p.requires | p.unless) & waiting - {s.kind})]
        if not ready:  # a cycle between kinds: settle the rest against what is known now
            ready = pending
        kept = []
        present = {s.kind for s in found}
        for pat, sig in ready:
            if pat.requires and not pat.requires & present:
                continue
            if pat.unless and any(
                o.kind in pat.unless and o.start < sig.end and sig.start < o.end for o in found
            ):
                continue
            kept.append(sig)
        found.extend(kept)
        done = {id(s) for _, s in ready}
        pending = [(p, s) for p, s in pending if id(s) not in done]
    return found


def lexical_signals(text: str, norm: str | None = None) -> list[Signal]:
    """All lexical signals in `text`, sorted by position.

    >>> [s.kind for s in lexical_signals("You're so lazy")]
    ['criticism']
    """
    norm = normalize(text) if norm is None else norm
    quotes = _quote_spans(norm) if '"' in norm else []
    found: list[Signal] = []
    deferred: list[tuple[Pattern, Signal]] = []
    for km in matchers():
        for m in km.regex.finditer(norm):
            group = m.lastgroup
            assert group is not None
            pat = km.patterns[int(group[1:])]
            start, end = m.span(group)
            if start == end:
                continue
            if quotes and pat.in_quotes == "drop" and any(a <= start and end <= b for a, b in quotes):
                continue
            if pat.negatable and negated(norm, start):
                continue
            if pat.not_before is not None and pat.not_before.search(_clause_before(norm, start)):
                continue
            if pat.only_before is not None and not pat.only_before.search(_clause_before(norm, start)):
                continue
            if pat.not_after is not None and pat.not_after.match(norm, end):
                continue
            sig = Signal(km.kind, start, end, text[start:end], pat.score, f"lexical:{pat.id}")
            if pat.requires or pat.unless:
                deferred.append((pat, sig))
            else:
                found.append(sig)
    if deferred:
        found = _resolve(found, deferred)
    found.sort(key=lambda s: (s.start, s.end, s.kind))
    return found
