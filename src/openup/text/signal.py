"""The central record: a labelled span over the original text."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Signal:
    """One thing the method cares about, found in a text.

    `start`/`end` are character offsets into the text exactly as given (Python str indices), so
    `text[start:end] == match`. `score` is a confidence in [0, 1]. `source` says which tier spoke:
    "lexical:<pattern id>" for a pattern, "model:<head>" for the learned tier.

    >>> text = "you're so lazy"
    >>> s = Signal("criticism", 0, 14, text[0:14], 0.9, "lexical:criticism.label")
    >>> text[s.start:s.end] == s.match
    True
    """

    kind: str
    start: int
    end: int
    match: str
    score: float
    source: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
