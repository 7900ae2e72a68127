"""Split a message into sentence spans, so a learned signal can point at the sentence behind it."""

from __future__ import annotations

import re

# A sentence runs up to terminal punctuation (with trailing quotes/emoji-free closers) or a line break.
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|$|(?=\n))|[.!?]+", re.MULTILINE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the non-empty, whitespace-trimmed sentences of `text`.

    >>> sentence_spans("Thanks. You never call!")
    [(0, 7), (8, 23)]
    """
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        if spans and not any(ch.isalnum() for ch in text[start:end]):
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
