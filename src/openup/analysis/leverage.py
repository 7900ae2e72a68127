"""Leverage: hostile messages that use what the other person confided (principle `no-leverage`).

A message counts when the lexical tier finds the `leverage` kind in it. It is "linked" when the other
person shared something earlier that has a content word in common with it (their disclosure is then
shown beside it); otherwise it is listed as possible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from openup.analysis.evidence import EvidenceBook
from openup.analysis.features import LEVERAGE, lexicon_data
from openup.analysis.listening import is_disclosure
from openup.analysis.params import Params
from openup.analysis.timeline import Timeline
from openup.analysis.weekly import Weekly

PRINCIPLE = "no-leverage"
_WORD = re.compile(r"[a-z][a-z']{2,}")


def content_words(text: str) -> set[str]:
    """Lower-case words of three letters or more that are not in the stop list."""
    stop = _stopwords()
    return {w.strip("'") for w in _WORD.findall(text.lower().replace("\u2019", "'"))} - stop


_STOP: set[str] = set()


def _stopwords() -> set[str]:
    if not _STOP:
        _STOP.update(lexicon_data()["leverage"]["stopwords"])
    return _STOP


@dataclass(frozen=True, slots=True)
class LeveragePerson:
    """One person's leverage messages, and how many of them share a word with the other's earlier disclosure."""

    messages: int
    linked: int

    def to_dict(self) -> dict[str, Any]:
        return {"messages": self.messages, "linked": self.linked}


@dataclass(frozen=True, slots=True)
class Leverage:
    people: tuple[LeveragePerson, ...]  # you, then your partner

    def to_dict(self) -> dict[str, Any]:
        return {"principle": PRINCIPLE, "people": [p.to_dict() for p in self.people]}


def measure_leverage(tl: Timeline, params: Params, weekly: Weekly, book: EvidenceBook) -> Leverage:
    """Leverage messages per person, linked to the other person's earlier disclosure sharing a word."""
    names = tl.names
    messages = [0, 0]
    linked = [0, 0]
    # word -> the row of the latest disclosure by each person containing it
    seen: list[dict[str, int]] = [{}, {}]
    for i in range(len(tl)):
        if not tl.is_text[i]:
            continue
        m = tl.mask[i]
        p = tl.who[i]
        if m & LEVERAGE:
            messages[p] += 1
            words = content_words(tl.text[i])
            earlier = [seen[1 - p][w] for w in words if w in seen[1 - p]]
            if earlier:
                linked[p] += 1
                book.add(
                    f"leverage.{p}",
                    f"Messages from {names[p]} that turn a confidence into a weapon",
                    PRINCIPLE,
                    (max(earlier), i),
                )
            else:
                book.add(
                    f"leverage.{p}",
                    f"Messages from {names[p]} that turn a confidence into a weapon",
                    PRINCIPLE,
                    (i,),
                )
        if is_disclosure(m):
            for w in content_words(tl.text[i]):
                seen[p][w] = i
    return Leverage(tuple(LeveragePerson(messages[p], linked[p]) for p in range(2)))
