"""What the shape of a parsed regex guarantees about its matches: literals every match contains
(`anchor`), the first words a match can start with (`word_keys`), and a prefix-tree regex for a word
list (`trie`). Used to decide cheaply which alternatives can match where."""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as c  # type: ignore[attr-defined]
from typing import Any

# Rough chance that a literal occurs in a short message; used only to pick the most selective anchor.
_COMMON_WORDS = (
    "you i the a to it is that and so of in me my your be do not are was what how for on this at just "
    "have with we he she they can if but or no all get like about one know think go im its dont you're "
    "i'm it's re ve ll s t d m"
)
_COMMON = frozenset(_COMMON_WORDS.split(" "))


def _chance(lit: str) -> float:
    core = lit.strip(" '")
    if len(core) <= 1:
        return 0.9
    if core in _COMMON or len(core) == 2:
        return 0.5
    return min(0.3, 0.004 * (5 / len(core)) ** 2)


def literal_cost(lits: frozenset[str]) -> float:
    """Rough chance that at least one of `lits` occurs in a short message."""
    miss = 1.0
    for lit in lits:
        miss *= 1.0 - _chance(lit)
    return 1.0 - miss


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_TOKEN = re.compile(r"[a-z0-9]+")


def _key(lit: str, bounded: bool) -> str | None:
    """How a literal is looked up: the first (up to) 3 characters of the longest word in it that starts
    at a word start; "" when it must be searched for directly (symbols, emoji); None when every word in
    it may start inside a longer word of the text."""
    best = None
    for m in _TOKEN.finditer(lit):
        starts_word = lit[m.start() - 1] not in _ALNUM if m.start() else bounded
        if starts_word and (best is None or len(m.group()) > len(best)):
            best = m.group()
    if best is not None:
        return best[:3]
    if any(ch in _ALNUM for ch in lit):
        return None
    return ""


def _after(items: Any, prior: bool) -> bool:
    """Whether the position after `items` is certainly a word start (string start or after a
    non-word character), given whether the position before them was."""
    for op, av in items:
        prior = _step(op, av, prior)
    return prior


def _step(op: Any, av: Any, prior: bool) -> bool:
    if op is c.LITERAL:
        return not chr(av).isalnum() and chr(av) != "_"
    if op is c.IN:
        return all(
            (o is c.LITERAL and not chr(a).isalnum() and chr(a) != "_")
            or (o is c.CATEGORY and a is c.CATEGORY_SPACE)
            for o, a in av
        )
    if op is c.AT:
        return av in (c.AT_BEGINNING, c.AT_BEGINNING_STRING, c.AT_BOUNDARY)
    if op is c.ASSERT:
        return prior or (av[0] < 0 and _after(av[1], False))
    if op is c.ASSERT_NOT:
        return prior
    if op is c.SUBPATTERN:
        return _after(av[3], prior)
    if op is c.ATOMIC_GROUP:
        return _after(av, prior)
    if op is c.BRANCH:
        return all(_after(b, prior) for b in av[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, hi, body = av
        reps = _after(body, False) or (hi == 1 and _after(body, prior))
        return (prior or lo >= 1) and reps
    return False


def anchor(items: Any, bounded: bool = False) -> frozenset[tuple[str, str]] | None:
    """(literal, key) pairs of which one must occur in every match of the parsed items; None if none.

    `bounded`: the items start at a word start (after \\b or a non-word character).
    """
    cands: list[frozenset[tuple[str, str]]] = []
    run: list[str] = []
    run_bounded = bounded

    def flush() -> None:
        if run:
            lit = "".join(run)
            key = _key(lit, run_bounded)
            if key is not None:
                cands.append(frozenset({(lit, key)}))
            run.clear()

    for op, av in items:
        if op is c.LITERAL and chr(av) == chr(av).lower():
            if not run:
                run_bounded = bounded
            run.append(chr(av))
            bounded = chr(av) not in _ALNUM
            continue
        if run and op in (c.BRANCH, c.SUBPATTERN):
            # The parser factors shared prefixes out of alternations ("shot|stabbed" becomes "s" then
            # "hot|tabbed"): put them back together, so the anchor is whole words, not one letter.
            leads = _lead_strings([(op, av)])
            if leads and all(leads):
                pairs = {(("".join(run) + lead), _key("".join(run) + lead, run_bounded)) for lead in leads}
                if all(key is not None for _, key in pairs):
                    cands.append(frozenset((lit, key) for lit, key in pairs if key is not None))
        flush()
        found: frozenset[tuple[str, str]] | None = None
        if op is c.SUBPATTERN and not (av[1] & re.IGNORECASE):
            found = anchor(av[3], bounded)
        elif op is c.ATOMIC_GROUP:
            found = anchor(av, bounded)
        elif op is c.BRANCH:
            branches = [anchor(b, bounded) for b in av[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*[b for b in branches if b is not None])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = anchor(av[2], bounded)
        bounded = _step(op, av, bounded)
        if found:
            cands.append(found)
    flush()
    return min(cands, key=lambda pairs: (literal_cost(frozenset(p[0] for p in pairs)), len(pairs))) if cands else None


def _lead_strings(items: Any, limit: int = 64) -> set[str] | None:
    """The literal strings a match of `items` can begin with, as far as they are literal (branches
    expanded); None when there are more than `limit` or a match can begin with a non-literal."""
    out = {""}
    for op, av in items:
        if op is c.LITERAL:
            out = {s + chr(av) for s in out}
            continue
        if op is c.SUBPATTERN and not (av[1] & re.IGNORECASE):
            inner = _lead_strings(av[3], limit)
        elif op is c.BRANCH:
            parts = [_lead_strings(b, limit) for b in av[1]]
            inner = None if any(p is None for p in parts) else set().union(*[p for p in parts if p is not None])
        else:
            break
        if inner is None:
            return None if out == {""} else out
        out = {s + t for s in out for t in inner}
        if len(out) > limit:
            return None
        if any(not _fully_literal(b) for b in ([av[3]] if op is c.SUBPATTERN else av[1])):
            break  # some branch goes on with something else: the strings end here
    return out if out != {""} else None


def _fully_literal(items: Any) -> bool:
    for op, av in items:
        if op is c.LITERAL:
            continue
        if op is c.SUBPATTERN and _fully_literal(av[3]):
            continue
        if op is c.BRANCH and all(_fully_literal(b) for b in av[1]):
            continue
        return False
    return True


class _Unknown(Exception):
    """The first word of an alternative's matches cannot be listed."""


_State = tuple[tuple[str, ...], str]  # (words completed, the word being read)
_MAX_STATES = 2048


def word_keys(items: Any, depth: int = 2) -> tuple[frozenset[tuple[str, ...]], bool] | None:
    """The first `depth` words ([a-z0-9]+) a match of the parsed alternative can start with, as keys:
    ("you", "re") when the second word is known, ("you",) when only the first is. None when even the
    first word cannot be listed, or a match may not start at the start of a word; the alternative is
    then scanned with `finditer`. The bool: a match may begin with white space before its first word.

    "\\byou'?re so" gives ({("you", "re"), ("youre", "so")}, False).
    """
    lead = []
    for op, av in items:
        if not _zero_width(op, av):
            break
        lead.append((op, av))
    if not _after(lead, False) and not _starts_after_boundary(items):
        return None
    flags: dict[str, bool] = {}
    finished: set[tuple[str, ...]] = set()
    try:
        states = _walk(items, {((), "")}, finished, flags, depth)
    except _Unknown:
        return None
    for done, _pending in states:  # the match may end here (a partial word may run on in the text)
        if not done:
            return None  # an empty match, or the first word may run on past the match
        finished.add(done)
    if not finished:
        return None
    return frozenset(finished), flags.get("lead_space", False)


def _give_up(states: set[_State], finished: set[tuple[str, ...]]) -> set[_State]:
    """Nothing more can be said from here: states with a first word become wildcard keys."""
    for done, _ in states:
        if not done:
            raise _Unknown
        finished.add(done)
    return set()


def _end_word(states: set[_State]) -> set[_State]:
    out = set()
    for done, pending in states:
        if pending:
            out.add(((*done, pending), ""))
        elif not done:
            raise _Unknown  # the match would start with a non-word character
        else:
            out.add((done, ""))
    return out


def _walk(
    items: Any, states: set[_State], finished: set[tuple[str, ...]], flags: dict[str, bool], depth: int
) -> set[_State]:
    """Follow `items` from `states`; a state that completes two words moves to `finished`."""
    for op, av in items:
        states = _settle(states, finished, depth)
        if not states:
            break
        if op is c.LITERAL:
            ch = chr(av)
            states = {(d, p + ch) for d, p in states} if ch in _ALNUM else _end_word(states)
        elif op is c.AT:
            if av is c.AT_BOUNDARY:
                states = {((*d, p), "") if p else (d, p) for d, p in states}
            elif av is c.AT_NON_BOUNDARY:
                states = _give_up(states, finished)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            continue
        elif op is c.SUBPATTERN:
            states = _walk(av[3], states, finished, flags, depth)
        elif op is c.BRANCH:
            out: set[_State] = set()
            for branch in av[1]:
                out |= _walk(branch, set(states), finished, flags, depth)
            states = out
        elif op is c.IN:
            chars = _class_chars(av)
            if chars is None:
                states = _give_up(states, finished)
                continue
            word_chars, nonword = chars
            grown = {(d, p + ch) for d, p in states for ch in word_chars}
            states = grown | (_end_word(states) if nonword else set())
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, hi, body = av
            if lo == 0 and hi is c.MAXREPEAT and states == {((), "")} and _only_space(body):
                flags["lead_space"] = True  # "\\s*" before the first word
                continue
            reps = hi if hi is not c.MAXREPEAT and hi <= 4 else 6
            out = set(states) if lo == 0 else set()
            current = set(states)
            for k in range(1, reps + 1):
                current = _settle(_walk(body, current, finished, flags, depth), finished, depth)
                if any(len(p) > 40 for _, p in current):
                    current = _give_up(current, finished)  # a word growing without end
                if k >= min(lo, reps):
                    if current <= out:
                        break  # nothing new: more repetitions add nothing either
                    out |= current
                if not current:
                    break
            if (hi is c.MAXREPEAT or hi > 4) and current and not current <= out:
                out |= _give_up(current, finished)
            states = out
        else:
            states = _give_up(states, finished)
        if len(states) > _MAX_STATES:
            states = _give_up(states, finished)
    return _settle(states, finished, depth)


def _settle(states: set[_State], finished: set[tuple[str, ...]], depth: int) -> set[_State]:
    out = set()
    for done, pending in states:
        if len(done) >= depth:
            finished.add(done[:depth])
        else:
            out.add((done, pending))
    return out


def _class_chars(av: Any) -> tuple[list[str], bool] | None:
    """The word characters a class can match, and whether it can match a non-word one; None if the
    class is too broad to list (\\w, \\d, a negated class)."""
    word: list[str] = []
    nonword = False
    for o, a in av:
        if o is c.LITERAL:
            if chr(a) in _ALNUM:
                word.append(chr(a))
            else:
                nonword = True
        elif (o is c.CATEGORY and a is c.CATEGORY_SPACE) or (
            o is c.RANGE and all(chr(x) not in _ALNUM for x in range(a[0], a[1] + 1))
        ):
            nonword = True
        else:
            return None
    return word, nonword


def _zero_width(op: Any, av: Any) -> bool:
    """True for assertions, and groups or branches made only of assertions."""
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return True
    if op is c.SUBPATTERN:
        return all(_zero_width(o, a) for o, a in av[3])
    if op is c.BRANCH:
        return all(all(_zero_width(o, a) for o, a in branch) for branch in av[1])
    return False


def _first_is(items: Any, leaf: Callable[[Any, Any], bool]) -> bool:
    """True when `leaf(op, av)` holds for the first item every match of `items` begins with (looking
    into groups and into every branch)."""
    if not items:
        return False
    op, av = items[0]
    if op is c.SUBPATTERN:
        return _first_is(av[3], leaf)
    if op is c.BRANCH:
        return all(_first_is(b, leaf) for b in av[1])
    return bool(leaf(op, av))


def _starts_after_boundary(items: Any) -> bool:
    """True when every match begins with \\b (possibly inside a group or every branch)."""
    return _first_is(items, lambda op, av: op is c.AT and av is c.AT_BOUNDARY)


def _starts_nonword(items: Any) -> bool:
    """True when the first character every match of `items` consumes is not a word character."""
    # One character: is the position after it a word start?
    return _first_is(items, lambda op, av: op in (c.LITERAL, c.IN) and _step(op, av, False))


def _only_space(items: Any) -> bool:
    return len(items) == 1 and (
        (items[0][0] is c.IN and all(o is c.CATEGORY and a is c.CATEGORY_SPACE for o, a in items[0][1]))
        or (items[0][0] is c.LITERAL and chr(items[0][1]).isspace())
    )


def sentence_chars(items: Any) -> frozenset[str] | None:
    """For an alternative that must start a sentence (its leading assertions are each "^" or a
    lookbehind for one of a few characters, then optional spaces): those characters. Else None."""
    if not items:
        return None
    op, av = items[0]
    while op is c.SUBPATTERN and len(av[3]) == 1:
        op, av = av[3][0]
    branches = av[1] if op is c.BRANCH else [[(op, av)]]
    chars: set[str] = set()
    for branch in branches:
        if len(branch) != 1:
            return None
        bop, bav = branch[0]
        if bop is c.AT and bav in (c.AT_BEGINNING, c.AT_BEGINNING_STRING):
            continue
        if bop is not c.ASSERT or bav[0] >= 0 or not bav[1]:
            return None
        body = list(bav[1])
        fop, fav = body[0]
        if fop is c.LITERAL:
            chars.add(chr(fav))
        elif fop is c.IN and all(o is c.LITERAL for o, _ in fav):
            chars.update(chr(a) for _, a in fav)
        else:
            return None
        if any(not (o is c.LITERAL and chr(a) == " ") for o, a in body[1:]):
            return None
    return frozenset(chars)


def trie(words: set[str], leaves: dict[str, str] | None = None) -> str:
    """A regex matching exactly `words` as whole words, nested by shared prefix so the engine branches
    on one character at a time instead of trying every word. `leaves` adds a regex after a word."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = word

    def emit(node: dict[str, Any]) -> str:
        parts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            parts.append(r"(?![a-z0-9])" + (leaves or {}).get(node[""], ""))
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(tree)
