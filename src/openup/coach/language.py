"""Is this message English? A cheap guess from common function words, and from the script.

`looks_english` judges a whole message. `english_part` judges sentence by sentence, so that a draft partly
in another language is read on its English sentences: the others become `Unread` spans, and only a text
with no English sentence at all is turned away (`NotEnglish`). Spanish, French, German, Italian,
Portuguese and Dutch are told by their function words; other scripts by their letters. A short sentence
("ok", "lol", a name, an emoji, "Merci!") is never called another language unless it holds two function
words of one and no English word ("Je suis fatigué.").

>>> looks_english("I had such a long day at work")
True
>>> looks_english("Hoy tuve un día muy difícil en el trabajo y estoy cansada")
False
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

from openup.errors import NotEnglish

if TYPE_CHECKING:
    from openup.text.signal import Signal

_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

_ENGLISH = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "if",
        "so",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "about",
        "from",
        "by",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "me",
        "my",
        "your",
        "his",
        "her",
        "our",
        "their",
        "this",
        "that",
        "these",
        "those",
        "not",
        "no",
        "yes",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "just",
        "what",
        "when",
        "where",
        "why",
        "how",
        "who",
        "which",
        "there",
        "here",
        "then",
        "than",
        "very",
        "really",
        "too",
        "also",
        "all",
        "some",
        "any",
        "more",
        "most",
        "much",
        "many",
        "one",
        "up",
        "down",
        "out",
        "get",
        "got",
        "go",
        "went",
        "know",
        "think",
        "feel",
        "like",
        "want",
        "need",
        "im",
        "i'm",
        "it's",
        "that's",
        "don't",
        "didn't",
        "can't",
        "won't",
        "today",
        "day",
        "work",
        "time",
        "because",
        "been",
        "being",
        "as",
        "lol",
        "ok",
        "okay",
    ]
)
# Frequent function words of other languages written in Latin script; none is also a common English word.
_OTHER = (
    frozenset(
        [
            "el",
            "los",
            "las",
            "del",
            "por",
            "para",
            "con",
            "una",
            "uno",
            "unos",
            "pero",
            "como",
            "muy",
            "estoy",
            "estaba",
            "tengo",
            "tiene",
            "hoy",
            "más",
            "porque",
            "está",
            "qué",
            "cuando",
            "también",
            "mi",
            "mis",
            "tu",
            "sus",
            "le",
            "les",
            "lo",
            "se",
            "nos",
            "yo",
            "ella",
            "ellos",
            "eso",
            "esta",
            "este",
            "sí",
            "le",
            "la",
            "les",
            "des",
            "du",
            "un",
            "une",
            "est",
            "et",
            "je",
            "tu",
            "il",
            "elle",
            "nous",
            "vous",
            "ils",
            "avec",
            "pour",
            "dans",
            "sur",
            "pas",
            "très",
            "mais",
            "qui",
            "que",
            "suis",
            "c'est",
            "j'ai",
            "ai",
            "aujourd'hui",
            "travail",
            "moi",
            "toi",
            "mon",
            "ma",
            "mes",
            "ton",
            "ta",
            "der",
            "das",
            "und",
            "ist",
            "ich",
            "du",
            "er",
            "sie",
            "wir",
            "ihr",
            "nicht",
            "mit",
            "auf",
            "für",
            "ein",
            "eine",
            "einen",
            "dem",
            "sehr",
            "aber",
            "heute",
            "bin",
            "hatte",
            "habe",
            "mich",
            "dich",
            "mein",
            "meine",
            "dein",
            "arbeit",
            "il",
            "gli",
            "della",
            "che",
            "non",
            "sono",
            "per",
            "una",
            "ho",
            "oggi",
            "molto",
            "anche",
            "più",
            "mio",
            "mia",
            "sei",
            "não",
            "uma",
            "com",
            "para",
            "eu",
            "você",
            "muito",
            "hoje",
            "mas",
            "meu",
            "minha",
            "estou",
            "foi",
            "é",
            "het",
            "een",
            "en",
            "ik",
            "je",
            "jij",
            "niet",
            "met",
            "voor",
            "maar",
            "zijn",
            "heb",
            "vandaag",
            "erg",
            "mijn",
        ]
    )
    - _ENGLISH
)


def looks_english(text: str, *, min_words: int = 4) -> bool:
    """False only when a message of `min_words` or more reads clearly as another language."""
    words = [w.lower() for w in _WORDS.findall(text.replace("’", "'"))[:400]]
    if len(words) < min_words:
        return True
    english = sum(w in _ENGLISH for w in words)
    other = sum(w in _OTHER for w in words)
    return not (other >= 2 and other > english)


# A sentence ends at . ! ? or … (with any closing quotes) before a space or the end (a run of marks is one
# end, and only its first mark may start a match, so a hostile run stays linear), at 。！？, and at a line break.
_ENDS: Final = re.compile(
    r"(?<![.!?\u2026])[.!?\u2026]++[\"')\]\u201d\u2019]*+(?=\s|$)|[\u3002\uff01\uff1f]++|\n"
)
# Ideographs and kana are written without spaces: each counts as a word.
_CJK: Final = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKENS: Final = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}]+")
SHORT_WORDS: Final = 3  # a sentence of this many words or fewer is not called another language lightly
NOT_ENGLISH: Final = "not English"

Language = Literal["english", "other", "neutral"]


@dataclass(frozen=True, slots=True)
class Unread:
    """A part of the text that was not read: `text[start:end]`, and why (`reason`, e.g. "not English")."""

    start: int
    end: int
    text: str
    reason: str = NOT_ENGLISH

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, without the spaces around it; empty ones left out."""
    out: list[tuple[int, int]] = []
    at = 0
    for m in _ENDS.finditer(text):
        out.append((at, m.end()))
        at = m.end()
    out.append((at, len(text)))
    trimmed = []
    for start, end in out:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trimmed.append((start + lead, start + len(piece.rstrip())))
    return trimmed


def _mostly_other_script(text: str) -> bool:
    total = latin = 0
    for ch in text[:5000]:
        if ch.isalpha():
            total += 1
            if ch.isascii() or "LATIN" in unicodedata.name(ch, ""):
                latin += 1
    return bool(total) and latin / total < 0.5


def sentence_language(sentence: str) -> Language:
    """"english" when it holds English words and no clear sign of another language, "other" when it is
    clearly another language, "neutral" when it cannot be told (a name, "ok", an emoji, "Merci!")."""
    words = _TOKENS.findall(sentence.replace("’", "'"))
    if _mostly_other_script(sentence):
        return "other" if len(words) > SHORT_WORDS else "neutral"
    lowered = [w.lower() for w in _WORDS.findall(sentence.replace("’", "'"))]
    english = sum(w in _ENGLISH for w in lowered)
    foreign = [w for w in lowered if w in _OTHER]
    if len(set(foreign)) >= 2 and len(foreign) > english and (len(lowered) > SHORT_WORDS or not english):
        return "other"
    return "english" if english else "neutral"


def outside_unread(signals: Sequence[Signal], unread: Sequence[Unread]) -> list[Signal]:
    """The signals that touch no unread part (a span that ends at a blanked sentence still counts)."""
    return [s for s in signals if not any(s.start < u.end and u.start < s.end for u in unread)]


def english_part(text: str, *, what: str = "text") -> tuple[str, tuple[Unread, ...]]:
    """The text to read, and what was left unread.

    The text comes back the same length, with each sentence in another language blanked out by spaces
    (line breaks kept), so that every span found in it is a span of `text`. Raises `NotEnglish` (a
    `UserError`) when no sentence is English.

    >>> read, unread = english_part("I'm so tired of this. Je ne sais pas quoi faire.")
    >>> read.rstrip(), [u.text for u in unread]
    ("I'm so tired of this.", ['Je ne sais pas quoi faire.'])
    """
    spans = sentence_spans(text)
    kinds = [sentence_language(text[a:b]) for a, b in spans]
    if "english" not in kinds:
        if "other" in kinds or _mostly_other_script(text):
            raise NotEnglish(what)
        return text, ()
    merged: list[list[int]] = []
    for (start, end), kind in zip(spans, kinds, strict=True):
        if kind != "other":
            continue
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1][1] = end
        else:
            merged.append([start, end])
    if not merged:
        return text, ()
    chars = list(text)
    for start, end in merged:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    unread = tuple(Unread(start, end, text[start:end]) for start, end in merged)
    return "".join(chars), unread


__all__ = [
    "NOT_ENGLISH", "Unread", "english_part", "looks_english", "outside_unread", "sentence_language", "sentence_spans",
]
