"""Split a message into sentence spans, so a learned signal can point at the sentence behind it."""

from __future__ import annotations

import re

# A sentence runs up to terminal punctuation (with trailing quotes/emoji-free closers) or a line break.
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|$|(?=\n))|[.!?]+", re.MULTILINE)
# A letter or digit: a word character but the underscore (in a str pattern, \w is what str.isalnum() accepts, and _).
_ALNUM = re.compile(r"[^\W_]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the non-empty, whitespace-trimmed sentences of `text`.

    >>> sentence_spans("Thanks. You never call!")
    [(0, 7), (8, 23)]
    """
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        found = m.group()
        body = found.strip()  # str.strip drops what str.isspace() calls space
        if not body:
            continue
        start = m.start() + len(found) - len(found.lstrip())
        end = start + len(body)
        if spans and not _ALNUM.search(body):
            # Punctuation-only or emoji-only tails ("🙄", "!!!") belong to the sentence before them.
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def trimmed_span(text: str) -> tuple[int, int]:
    """The whole text without leading/trailing whitespace, as offsets."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return (start, end) if end > start else (0, len(text))
