"""Which alternatives to try where: an index from the first word (or two) a match can start with
to the alternatives that can start so, found in one C-level pass over the text.

Scanning every pattern at every position is what made matching slow. Here one pass finds the words
that can start a match (the small C scanner `_wordscan` when it is built, else a single prefix-tree
regex with the same result); at each, only the alternatives keyed by that word (and the next) are
tried, anchored, with `match`. The few alternatives whose first word cannot be listed (emoji,
punctuation) run when a literal every match of theirs contains is in the text. Results are those of
scanning every alternative everywhere (tests compare both)."""

from __future__ import annotations

import re
from functools import cache

from openup.text.guards import passes
from openup.text.pattern_files import COMPILED, alternative_regex, alternatives, matchers
from openup.text.regex_shape import anchor, sentence_chars, trie, word_keys

try:  # the optional C scanner (src/openup/text/_wordscan.c); the regex path gives the same hits
    from openup.text import _wordscan
except ImportError:  # pragma: no cover - depends on the build
    _wordscan = None  # type: ignore[assignment]


class _Scan:
    """The few alternatives the word index cannot place; each runs when a literal that every match of
    it must contain (its anchor, derived from the parsed regex) occurs in the text."""

    def __init__(self, indices: list[int]) -> None:
        from re import _parser  # type: ignore[attr-defined]

        table = alternatives()
        anchored: list[tuple[int, tuple[str, ...]]] = []
        for index in indices:
            try:
                found = anchor(_parser.parse(table[index].body))
            except re.error:
                found = None
            anchored.append((index, tuple(sorted(lit for lit, _ in found)) if found else ()))
        self.always = tuple(index for index, lits in anchored if not lits)
        self.by_literal: dict[str, list[int]] = {}
        for index, lits in anchored:
            for lit in lits:
                self.by_literal.setdefault(lit, []).append(index)
        self.literals = tuple(self.by_literal)

    def hits(self, norm: str) -> list[int]:
        found = set(self.always)
        for lit in self.literals:
            if lit in norm:
                found.update(self.by_literal[lit])
        return sorted(found)


class _Chain:
    """The alternatives that can start with one word (or word pair), ordered by kind and then by their
    order in the kind, so the first that matches at a position is the one the kind's own alternation
    would pick there."""

    __slots__ = ("items", "lead_space", "sentence_chars")

    def __init__(self, alts: list[int], lead_space: bool, sentence_chars: frozenset[str] | None) -> None:
        table = alternatives()
        ordered = sorted(alts, key=lambda a: (table[a].kind, table[a].order))
        self.items = tuple((a, table[a].kind) for a in ordered)
        self.lead_space = lead_space
        self.sentence_chars = sentence_chars


class _Index:
    """Where each alternative can start: by first word, or (for the few it cannot tell) a scan."""

    def __init__(self) -> None:
        from re import _parser  # type: ignore[attr-defined]

        grouped: dict[tuple[str, ...], dict[tuple[bool, frozenset[str] | None], list[int]]] = {}
        scan: list[int] = []
        for index, alt in enumerate(alternatives()):
            try:
                tree = _parser.parse(alt.body)
                first = word_keys(tree)
            except re.error:
                first = None
            if first is None:
                scan.append(index)
                continue
            keys, space = first
            sentence = sentence_chars(tree)
            for key in keys:
                grouped.setdefault(key, {}).setdefault((space, sentence), []).append(index)
        chains = {
            key: tuple(_Chain(ids, space, sentence) for (space, sentence), ids in found.items())
            for key, found in grouped.items()
        }
        self.scan = _Scan(scan)
        # Per first word: its own chains, and by the word after it the pair's chains (which also carry
        # the first word's, as a pair's entry replaces the word's).
        by_word = {key[0]: ch for key, ch in chains.items() if len(key) == 1}
        pairs: dict[str, dict[str, tuple[_Chain, ...]]] = {}
        for key, ch in chains.items():
            if len(key) == 2:
                pairs.setdefault(key[0], {})[key[1]] = by_word.get(key[0], ()) + ch
        self.table: dict[str, tuple[tuple[_Chain, ...] | None, dict[str, tuple[_Chain, ...]] | None]] = {
            word: (by_word.get(word), pairs.get(word)) for word in set(by_word) | set(pairs)
        }
        # One C-level pass finds the words that can start a match, with the word after each.
        self.trigger = re.compile(r"(?<![a-z0-9])(" + trie(set(self.table)) + r")(?=[^a-z0-9]*([a-z0-9]*))")

    def hits(self, norm: str) -> list[tuple[int, tuple[_Chain, ...]]]:
        """Where a listed word starts, with the chains to try there (pure Python; `_wordscan.hits`
        gives the same in C)."""
        table = self.table
        out = []
        for tok in self.trigger.finditer(norm):
            single, pairs = table[tok.group(1)]
            chains = pairs.get(tok.group(2)) if pairs is not None else None
            if chains is None:
                if single is None:
                    continue
                chains = single
            out.append((tok.start(), chains))
        return out


@cache
def _index() -> _Index:
    return _Index()


def _space_run_start(norm: str, pos: int) -> int:
    start = pos
    while start > 0 and norm[start - 1].isspace():
        start -= 1
    return start


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    """Spans never begin or end with white space, whichever path found them."""
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end


_Guarded = tuple[int, int, int]  # (alternative, start, end)


def _guarded(
    alt: int, m: re.Match[str] | None, norm: str, quotes: list[tuple[int, int]],
    rejected: list[_Guarded] | None = None,
) -> _Guarded | None:
    """The match as (alternative, start, end) if it passes its pattern's guards; a match that fails them
    goes to `rejected` when one is given."""
    if m is None:
        return None
    start, end = _trim(norm, *m.span())
    if start == end:
        return None
    a = alternatives()[alt]
    pat = matchers()[a.kind].patterns[a.pattern]
    if passes(pat, norm, start, end, quotes):
        return (alt, start, end)
    if rejected is not None:
        rejected.append((alt, start, end))
    return None


def _match_at(regex: re.Pattern[str], norm: str, pos: int, lead_space: bool) -> re.Match[str] | None:
    """Match at `pos`; for an alternative that may begin with white space, from the earliest start
    in the white space before `pos` that works (as a scan from the left would find)."""
    if lead_space:
        for start in range(_space_run_start(norm, pos), pos):
            m = regex.match(norm, start)
            if m is not None:
                return m
    return regex.match(norm, pos)


def candidate_matches(
    norm: str, quotes: list[tuple[int, int]], rejected: list[_Guarded] | None = None
) -> list[_Guarded]:
    """Every guarded match the index lets through (and, into `rejected`, those a guard turned down)."""
    index = _index()
    compiled = COMPILED
    out: list[_Guarded] = []
    for pos, chains in _wordscan.hits(norm, index.table) if _wordscan is not None else index.hits(norm):
        for chain in chains:
            sentence = chain.sentence_chars
            if sentence is not None:
                q = _space_run_start(norm, pos)
                # The sentence must end just before this word or within the white space before it
                # (a newline is both).
                if q and not any(ch in sentence for ch in norm[q - 1 : pos]):
                    continue  # must start a sentence, and this word does not
            lead = chain.lead_space
            settled = -1  # the kind already matched here
            for alt, kind in chain.items:
                if kind == settled:
                    continue
                regex = compiled.get(alt) or alternative_regex(alt)  # compiled on first use
                m = _match_at(regex, norm, pos, True) if lead else regex.match(norm, pos)
                if m is None:
                    continue
                hit = _guarded(alt, m, norm, quotes, rejected)
                if hit is not None:
                    out.append(hit)
                    settled = kind
    for a in index.scan.hits(norm):
        for m in alternative_regex(a).finditer(norm):
            hit = _guarded(a, m, norm, quotes, rejected)
            if hit is not None:
                out.append(hit)
    return out


def all_matches(norm: str, quotes: list[tuple[int, int]]) -> list[_Guarded]:
    """The reference: every alternative scanned over the whole text."""
    out = []
    for a in range(len(alternatives())):
        for m in alternative_regex(a).finditer(norm):
            hit = _guarded(a, m, norm, quotes)
            if hit is not None:
                out.append(hit)
    return out
