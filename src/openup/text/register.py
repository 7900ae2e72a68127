"""Chat register: read "ur so lazy", "dont u dare", "idk if i can do this rn" and "pleeease" as the words
people mean, for the patterns, while every span still points into the user's own text.

`expand(norm)` takes the already normalised text (lower case, straight quotes) and returns the expanded
text with, for each of its characters, where it came from: an `Expansion`. A span over the expanded text
maps back with `Expansion.span()`. Text with nothing to expand costs one regex search.
The word table is data: `chat_register.toml` beside this module.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

# Words are runs of letters and digits, accented ones too ("né", "café" are whole words, never "n" + "é");
# apostrophes stop them so "don't" is never touched. An emoji or other symbol is no part of a word.
_WORD = re.compile(r"[^\W_]+")
_ELONGATED = re.compile(r"([a-z])\1{2,}")
_ING = re.compile(r"[a-z]{2,}ing$")


@dataclass(frozen=True, slots=True)
class Expansion:
    """The expanded text and, per character, the original [start, end) it stands for."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the expanded span [start, end)."""
        if end <= start:
            o = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return o, o
        return self.starts[start], self.ends[end - 1]


@cache
def _data() -> dict[str, Any]:
    """chat_register.toml, read once."""
    return tomllib.loads(resources.files("openup.text").joinpath("chat_register.toml").read_text("utf-8"))


@cache
def _table() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    data = _data()
    return (
        dict(data["words"]),
        frozenset(data["ur"]["youre_before"]),
        frozenset(data["ill"]["ill_after"]),
        frozenset(data["fold"]["single"]),
    )


@cache
def _units() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words that are also units ("kms"), the words of quantity after which, and the words of distance before
    which, they are units."""
    units = _data()["units"]
    return frozenset(units["words"]), frozenset(units["quantity_before"]), frozenset(units["distance_after"])


@cache
def _trigger() -> re.Pattern[str]:
    words = _table()[0]
    keys = sorted({*words, "ur", "ill"}, key=len, reverse=True)
    return re.compile(r"(?<!')(?<![^\W_])(?:" + "|".join(map(re.escape, keys)) + r")(?!')(?![^\W_])|([a-z])\1{2,}")


@cache
def _vocabulary() -> frozenset[str]:
    """Whole words of the shipped WordPiece vocabulary (about 20,000 English words), to tell "sooo"
    (so) from "coool" (cool); empty when the model files are not installed."""
    import json

    path = resources.files("openup.text").joinpath("model", "tokenizer.json")
    try:
        vocab = json.loads(path.read_text("utf-8"))["model"]["vocab"]
    except (OSError, KeyError, ValueError):
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha() and w.isascii())


def english_words() -> frozenset[str]:
    """The whole English words of the shipped vocabulary (empty without the model files)."""
    return _vocabulary()


def _fold(word: str) -> str | None:
    """An elongated word ("sooo", "pleeease", "coool") folded to the word it stretches."""
    single = _ELONGATED.sub(r"\1", word)
    double = _ELONGATED.sub(r"\1\1", word)
    known = _vocabulary()
    best = single if single in _table()[3] or double not in known else double
    return None if best == word else best


def _ur(next_word: str) -> str:
    before = _table()[1]
    return "you're" if next_word in before or _ING.match(next_word) else "your"


def expand(norm: str) -> Expansion | None:
    """The chat-register reading of normalised text, or None when nothing in it needs expanding.
    Runs of spaces and tabs read as one space ("you  always", a double space after a full stop), so a
    pattern reads the words whatever the spacing."""
    spaced = "  " in norm or "\t" in norm
    worded = _trigger().search(norm) is not None  # emoji and accents too: "dont u dare 😡" is read
    if not (spaced or worded):
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    changed = _expand_words(norm, out, starts, ends) if worded else False
    if not changed:
        out, starts, ends = list(norm), list(range(len(norm))), list(range(1, len(norm) + 1))
    if spaced:
        changed = _collapse_spaces(out, starts, ends) or changed
    if not changed:
        return None
    return Expansion("".join(out), tuple(starts), tuple(ends))


def _a_distance(norm: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the unit-like word tokens[i] ("kms") is a distance: a number or a word of quantity right
    before it, or a word of distance right after it, with nothing but spaces between."""
    _, quantity, distance = _units()
    a, b, _ = tokens[i]
    if i and not norm[tokens[i - 1][1] : a].strip():
        prev = tokens[i - 1][2]
        if prev.isdigit() or prev in quantity:
            return True
    if i + 1 < len(tokens) and not norm[b : tokens[i + 1][0]].strip():
        return tokens[i + 1][2] in distance
    return False


def _expand_words(norm: str, out: list[str], starts: list[int], ends: list[int]) -> bool:
    """Fill out/starts/ends with the text, its texting spellings expanded; False when none was."""
    words, _, ill_after, _ = _table()
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(norm)]
    pos = 0
    changed = False
    for i, (a, b, word) in enumerate(tokens):
        if (a > 0 and norm[a - 1] == "'") or (b < len(norm) and norm[b] == "'"):
            continue  # part of a contraction or a quoted word: leave as typed
        new = words.get(word)
        if word == "ur":
            new = _ur(tokens[i + 1][2] if i + 1 < len(tokens) else "")
        elif word == "ill":
            prev = tokens[i - 1][2] if i else ""
            new = None if prev in ill_after or i + 1 == len(tokens) else "i'll"
        elif new is None and _ELONGATED.search(word):
            new = _fold(word)
        if new is not None and word in _units()[0] and _a_distance(norm, tokens, i):
            new = None  # "300 kms", "how many kms", "kms on a used car": a distance
        if new is None or new == word:
            continue
        changed = True
        for k in range(pos, a):  # untouched text before this word
            out.append(norm[k])
            starts.append(k)
            ends.append(k + 1)
        out.extend(new)  # one item per character, as starts and ends
        starts.extend([a] * len(new))
        ends.extend([b] * len(new))
        pos = b
    if not changed:
        out.clear()
        starts.clear()
        ends.clear()
        return False
    for k in range(pos, len(norm)):
        out.append(norm[k])
        starts.append(k)
        ends.append(k + 1)
    return True


def _collapse_spaces(out: list[str], starts: list[int], ends: list[int]) -> bool:
    """Runs of spaces and tabs in `out` (one character per item) become one space
    standing for the whole run, in place; False when there was none."""
    keep = 0
    changed = False
    for i, piece in enumerate(out):
        if piece in (" ", "\t"):
            if keep and out[keep - 1] == " " and ends[keep - 1] == starts[i]:
                ends[keep - 1] = ends[i]  # the one space now stands for the run
                changed = True
                continue
            if piece == "\t":
                changed = True
            piece = " "
        out[keep], starts[keep], ends[keep] = piece, starts[i], ends[i]
        keep += 1
    del out[keep:], starts[keep:], ends[keep:]
    return changed
