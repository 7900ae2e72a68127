"""The lexical tier: patterns kept in `patterns/*.toml`, matched as spans.

Pattern files are data a coach can edit (`patterns/README.md`). `pattern_files` loads and compiles
them, `word_index` decides which alternatives to try at which word, `guards` applies each pattern's
conditions; this module settles overlaps and cross-kind rules and returns the signals.
"""

from __future__ import annotations

from openup.text.guards import negated, quote_spans
from openup.text.normalize import normalize
from openup.text.pattern_files import Pattern, alternatives, expand, macros, matchers
from openup.text.register import expand as expand_register
from openup.text.signal import Signal
from openup.text.word_index import all_matches, candidate_matches

__all__ = ["expand", "lexical_signals", "macros", "matchers", "negated"]


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


def lexical_signals(
    text: str,
    norm: str | None = None,
    *,
    _full_scan: bool = False,
    refused: list[tuple[str, int, int]] | None = None,
) -> list[Signal]:
    """All lexical signals in `text`, sorted by position.

    >>> [s.kind for s in lexical_signals("You're so lazy")]
    ['criticism']

    Within a kind, matches do not overlap: the leftmost wins, and at the same start the earlier
    pattern in the file. A match that fails its guards (negation, quotes, before/after) leaves room
    for another. `_full_scan=True` skips the prefilter (tests use it to show it changes nothing).
    `refused`: when given, receives (kind, start, end) of the matches a guard turned down.
    Chat register ("ur", "dont", "idk", "sooo") is read through `register.expand`; spans still point
    into `text`.
    """
    norm = normalize(text) if norm is None else norm
    chat = expand_register(norm)
    if chat is not None:  # chat register ("ur so lazy"): match the expansion, map spans back to the text
        norm = chat.text
    quotes = quote_spans(norm) if '"' in norm else []
    rejected: list[tuple[int, int, int]] | None = [] if refused is not None else None
    raw = all_matches(norm, quotes) if _full_scan else candidate_matches(norm, quotes, rejected)
    if chat is not None:
        raw = [(index, *chat.span(start, end)) for index, start, end in raw]
        if rejected:
            rejected = [(index, *chat.span(start, end)) for index, start, end in rejected]
    if refused is not None and rejected:
        alts, kms = alternatives(), matchers()
        refused.extend(sorted({(kms[alts[index].kind].kind, start, end) for index, start, end in rejected}))
    if not raw:
        return []
    alts = alternatives()
    kms = matchers()
    per_kind: dict[int, list[tuple[int, int, int, Pattern]]] = {}
    for index, start, end in raw:
        alt = alts[index]
        per_kind.setdefault(alt.kind, []).append((start, alt.order, end, kms[alt.kind].patterns[alt.pattern]))
    found: list[Signal] = []
    deferred: list[tuple[Pattern, Signal]] = []
    for k, matches in per_kind.items():
        kind = kms[k].kind
        matches.sort(key=lambda row: (row[0], row[1]))
        last_end = -1
        for start, _, end, pat in matches:
            if start < last_end:
                continue
            last_end = end
            sig = Signal(kind, start, end, text[start:end], pat.score, f"lexical:{pat.id}")
            if pat.requires or pat.unless:
                deferred.append((pat, sig))
            else:
                found.append(sig)
    if deferred:
        found = _resolve(found, deferred)
    found.sort(key=lambda s: (s.start, s.end, s.kind))
    return found

