"""The feelings reader: which feeling a listener could name back, read from the partner's whole message.

A keyword does not say how someone feels: "my manager tore my slides apart in front of everyone" holds no
feeling word and means humiliated or angry, not nervous. The reader scores every word of the method's
feeling vocabulary (`[feelings]` in `method/replies.toml`) with a small head over the shipped sentence
encoder (`text/model/feelings.npz`, from `scripts/train_feelings.py`, loaded by
`text.model.get_feeling_heads`): the chance the partner would agree
that word fits. A word is named only when

- it is the most likely word and reaches its own cut-off, chosen on held-out lines: where the word is
  named, the writers listed it as fitting on at least 95% of them (a word that never got there is never
  named from the reader alone), and
- nothing in the message contradicts it: the partner did not deny it ("not even mad"), and its tone
  agrees with a feeling the partner named themselves.

A feeling the partner named ("I'm so embarrassed") is said back as their own word, when it is in the
vocabulary and not denied. Without the learned tier (`OPENUP_MODEL=off` or not installed) only named
feelings are used, and the reply reflects what happened without naming one.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from openup.method import MethodError, read_data

if TYPE_CHECKING:
    from openup.text.model.heads import Heads

TONES = ("negative", "positive", "mixed")


@dataclass(frozen=True, slots=True)
class FeelingRead:
    """The feeling to name (or None) and the reader's scores, most likely first."""

    word: str | None
    source: str  # named (their own word) | read (the feelings reader) | none
    scores: tuple[tuple[str, float], ...] = ()


@cache
def vocabulary() -> dict[str, str]:
    """Feeling word -> tone (negative, positive, mixed), from `method/replies.toml`."""
    table = read_data("replies.toml").get("feelings", {})
    out: dict[str, str] = {}
    for word, tone in table.items():
        if tone not in TONES:
            raise MethodError(f"replies.toml: feeling {word!r} has tone {tone!r}; expected one of {TONES}")
        out[str(word)] = str(tone)
    if not out:
        raise MethodError("replies.toml: [feelings] is empty")
    return out


def _heads() -> Heads | None:
    from openup.text import model as learned

    return learned.get_feeling_heads() if learned.available() else None


_RECENT: dict[str, tuple[Heads, tuple[float, ...]]] = {}  # text -> (the heads that read it, probabilities)
_RECENT_LOCK = threading.Lock()  # the web app answers requests on several threads


def _probabilities(text: str) -> tuple[float, ...] | None:
    """Every head's probability for `text`: one encoding serves the feelings and the good-news head."""
    heads = _heads()
    if heads is None:
        return None
    with _RECENT_LOCK:
        known = _RECENT.get(text)
    if known is not None and known[0] is heads:
        return known[1]
    from openup.text.model import get_embedder

    vectors, ids = get_embedder().encode([text])
    probs = tuple(float(p) for p in heads.probabilities(vectors, ids)[0])
    with _RECENT_LOCK:
        if len(_RECENT) >= 64:
            _RECENT.clear()
        _RECENT[text] = (heads, probs)
    return probs


def scores(text: str) -> tuple[tuple[str, float], ...] | None:
    """Each vocabulary word with the chance it fits `text`, most likely first; None without the model."""
    heads, probs = _heads(), _probabilities(text)
    if heads is None or probs is None:
        return None
    return tuple(sorted(((heads.names[j], probs[j]) for j in heads.in_group("feeling")), key=lambda kv: -kv[1]))


def _attribute(text: str, name: str) -> bool | None:
    heads, probs = _heads(), _probabilities(text)
    if heads is None or probs is None or name not in heads.names:
        return None
    j = heads.index(name)
    return probs[j] >= float(heads.threshold[j])


def good_news(text: str) -> bool | None:
    """Whether the reader takes `text` for good news the partner is sharing (its "good_news" head reaches
    its cut-off); None without the model, or with a reader trained without that head."""
    return _attribute(text, "good_news")


def good_news_chance(text: str) -> float | None:
    """The reader's chance that `text` is good news the partner is sharing (its "good_news" head, below or
    above its cut-off); None without the model, or with a reader trained without that head."""
    heads, probs = _heads(), _probabilities(text)
    if heads is None or probs is None or "good_news" not in heads.names:
        return None
    return probs[heads.index("good_news")]


def guarded(text: str) -> bool | None:
    """Whether the reader takes `text` for a guarded or minimal answer ("nothing's wrong", "ah it's grand,
    just leave it"): its "guarded" head, trained on what writers called guarded, reaches its cut-off. None
    without the model, or with a reader trained without that head."""
    return _attribute(text, "guarded")


def act_of(text: str) -> tuple[str, float] | None:
    """What the message does first, as the act reader takes it ("joking", "request", "update", ...; heads
    of group "act", `scripts/train_acts.py`): the most likely act with its probability, when that reaches its
    cut-off; None when none does, without the model, or with a reader trained without act heads."""
    heads, probs = _heads(), _probabilities(text)
    if heads is None or probs is None:
        return None
    idx = heads.in_group("act")
    if not idx:
        return None
    j = max(idx, key=lambda i: probs[i])
    if probs[j] < float(heads.threshold[j]):
        return None
    return heads.names[j].removeprefix("act_"), probs[j]


def cut_off(word: str) -> float:
    """The probability `word` needs before it is named from the reader alone (above 1: never)."""
    heads = _heads()
    return 2.0 if heads is None else float(heads.threshold[heads.index(word)])


_NEGATORS = r"(?:not|never|isn'?t|wasn'?t|ain'?t|aren'?t|no|nt|dont|don'?t|didn'?t|not even|not really|hardly)"


def denied(word: str, text: str) -> bool:
    """Whether `text` denies `word` ("not even mad", "i'm not upset", "don't feel left out").

    >>> denied("angry", "honestly not even angry anymore"), denied("angry", "so angry rn")
    (True, False)
    """
    norm = text.lower().replace("\u2019", "'")
    stem = re.escape(word.split()[0][: max(4, len(word.split()[0]) - 2)])
    return bool(re.search(rf"\b{_NEGATORS}(?: \w+){{0,3}} {stem}", norm))


def taken_back(word: str, text: str) -> bool:
    """Whether a pleasant word they named is taken back in the same sentence ("im happy for him but also
    like when is it my turn"): the feeling is mixed, and not one word.

    >>> taken_back("happy", "im happy for him but also like when is it my turn")
    True
    """
    if vocabulary().get(word) != "positive":
        return False
    norm = text.lower()
    at = norm.find(word)
    end = min((i for i in (norm.find(c, at) for c in ".!?\n") if i >= 0), default=len(norm))
    return at >= 0 and re.search(r"\bbut\b", norm[at:end]) is not None


def _tone_agrees(word: str, named_tone: str | None) -> bool:
    if named_tone is None or named_tone == "mixed":
        return True
    tone = vocabulary()[word]
    return tone == "mixed" or tone == named_tone


def read_feeling(
    text: str, named: tuple[str, ...] = (), *, model: bool = True, typed: str | None = None
) -> FeelingRead:
    """The feeling to say back for `text`, given the feelings the partner named in it (`named`, their own
    words, in order). The partner's own word wins when it is in the vocabulary and not denied.
    `typed`: the message as the partner typed it, for the learned reader, which was trained on messages as
    typed ("omg ... im screaming"), not as `text` spells them out ("oh my god ... i'm screaming")."""
    vocab = vocabulary()
    own = [w for w in named if w in vocab and not denied(w, text) and not taken_back(w, text)]
    if own:
        return FeelingRead(own[0], "named")
    named_tone = next((vocab[w] for w in named if w in vocab), None)
    found = scores(typed if typed is not None else text) if model else None
    if not found:
        return FeelingRead(None, "none", found or ())
    word, p = found[0]
    if p < cut_off(word) or denied(word, text) or not _tone_agrees(word, named_tone):
        return FeelingRead(None, "none", found)
    return FeelingRead(word, "read", found)


__all__ = [
    "FeelingRead", "act_of", "cut_off", "denied", "good_news", "good_news_chance", "guarded", "read_feeling", "scores",
    "taken_back", "vocabulary",
]
