"""The pattern files (`patterns/*.toml`) as compiled data: kinds, their patterns and guards, and each
pattern split into its top-level alternatives, compiled once. See `patterns/README.md` for the format."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")

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
    not_in_sentence: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class KindMatcher:
    kind: str
    patterns: tuple[Pattern, ...]
    bodies: tuple[str, ...] = ()  # each pattern's expanded regex, in order
    sources: tuple[str, ...] = ()  # "patterns/<file>: pattern <id>", for error messages


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
    """Every kind's patterns and guards, read once per process (regexes compile on first use)."""
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
        bodies: list[str] = []
        sources: list[str] = []
        for i, row in enumerate(data.get("pattern", [])):
            bodies.append(expand(row["re"]))
            sources.append(f"patterns/{entry.name}: pattern {row.get('id', i)!r}")
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
                    not_in_sentence=_compile_optional(row.get("not_in_sentence")),
                )
            )
        if bodies:
            out.append(KindMatcher(kind, tuple(pats), tuple(bodies), tuple(sources)))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Alternative:
    kind: int  # index into matchers()
    pattern: int  # index into that kind's patterns
    order: int  # position within the kind: earlier alternatives win ties, as in one alternation
    body: str  # the exact Python regex


def split_alternatives(body: str) -> list[str]:
    """The top-level alternatives of a regex ("a|b(c|d)" -> ["a", "b(c|d)"])."""
    parts: list[str] = []
    depth = start = i = 0
    in_class = False
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if body.startswith("]", i + 1):
                i += 1
            elif body.startswith("^]", i + 1):
                i += 2
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return parts


@cache
def alternatives() -> tuple[Alternative, ...]:
    out = []
    for k, km in enumerate(matchers()):
        order = 0
        for p, body in enumerate(km.bodies):
            for part in split_alternatives(body):
                out.append(Alternative(k, p, order, part))
                order += 1
    return tuple(out)


COMPILED: dict[int, re.Pattern[str]] = {}  # alternative index -> regex, filled on first use


def alternative_regex(index: int) -> re.Pattern[str]:
    """The exact regex of one alternative, compiled on first use."""
    compiled = COMPILED.get(index)
    if compiled is None:
        alt = alternatives()[index]
        try:
            compiled = COMPILED[index] = re.compile(alt.body)
        except re.error as exc:
            source = matchers()[alt.kind].sources[alt.pattern]
            raise ValueError(f"{source} is invalid: {exc}") from None
    return compiled
