"""The word lists of `heard_words.toml`, read once for the `heard*` modules.

>>> "yelled" in word_set("verbs", "not_verb"), word_map("verbs", "contracted")["'m"]
(False, 'am')
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

WORDS_FILE = "heard_words.toml"


@cache
def _data() -> dict[str, Any]:
    with resources.files("openup.coach").joinpath(WORDS_FILE).open("rb") as fh:
        return tomllib.load(fh)


def _entry(section: str, name: str) -> Any:
    try:
        return _data()[section][name]
    except KeyError:
        raise KeyError(f"{WORDS_FILE}: no [{section}] {name}") from None


def word_tuple(section: str, name: str) -> tuple[str, ...]:
    """The list `name` of `[section]`, in the file's order."""
    words = _entry(section, name)
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise TypeError(f"{WORDS_FILE}: [{section}] {name} must be a list of strings")
    return tuple(words)


def word_set(section: str, name: str) -> frozenset[str]:
    """The list `name` of `[section]`, as a set."""
    return frozenset(word_tuple(section, name))


def alternation(words: Iterable[str]) -> str:
    """`words` as a regex alternation, longest first (so "don reach" wins over "don"), a space in a phrase
    matching any run of white space.

    >>> print(alternation(["o", "abeg", "no wahala"]))
    no\\s+wahala|abeg|o
    """
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def word_map(section: str, name: str) -> dict[str, str]:
    """The table `[section.name]`, in the file's order (a new dict on each call)."""
    table = _entry(section, name)
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise TypeError(f"{WORDS_FILE}: [{section}.{name}] must map words to words")
    return dict(table)


__all__ = ["word_map", "word_set", "word_tuple"]
