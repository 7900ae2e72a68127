"""Per-text features: the signal kinds of each distinct text as one bitmask, found once.

Chats repeat themselves ("ok", "lol", "love you"), so every distinct text goes through `detect_many`
exactly once and the result is shared by every message with that text. Large inputs are split over a
fork pool (the lexical tier is pure Python, so processes, not threads, use both cores); with the learned
tier too, when the bulk reader (the encoder's static student) is installed.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from openup.method import KIND_NAMES, MethodError, group

Progress = Callable[[str, int, int], None]

#: One bit per signal kind, in the method's order.
BIT: Final[dict[str, int]] = {name: 1 << i for i, name in enumerate(KIND_NAMES)}
if len(BIT) > 40:
    raise MethodError(f"signals.toml has {len(BIT)} kinds; a text's features hold at most 40")
# Features the analysis adds beside the signal kinds.
QUESTION: Final = 1 << 40
LINK: Final = 1 << 41
NEWS: Final = 1 << 42
EMOTION: Final = 1 << 43
EXTRA_NAMES: Final[dict[int, str]] = {
    QUESTION: "question_mark",
    LINK: "link",
    NEWS: "news",
    EMOTION: "emotion",
}


def bits(*names: str) -> int:
    """The mask of these signal kinds: `bits("criticism", "contempt")`."""
    out = 0
    for n in names:
        out |= BIT[n]
    return out


HURT: Final = bits(*group("harsh"))
APPRECIATION: Final = BIT["appreciation"]
DISCLOSURE: Final = BIT["self_disclosure"]
ISTATEMENT: Final = BIT["i_statement"]
PRESSURE: Final = BIT["pressure"]
LEVERAGE: Final = BIT["leverage"]
QUESTION_KINDS: Final = bits(*group("question"))
ANY_QUESTION: Final = QUESTION | QUESTION_KINDS
LISTEN_GOOD: Final = bits(*group("listen_good"))
LISTEN_BAD: Final = bits(*group("listen_bad"))
SAFETY: Final = bits(*group("safety"))

# Below this many distinct texts a pool costs more than it saves.
POOL_MIN: Final = 20_000
CHUNK: Final = 4_000


def names(mask: int) -> list[str]:
    """The signal kinds (and extra features) set in a mask, in the method's order."""
    out = [n for n, b in BIT.items() if mask & b]
    out.extend(n for b, n in EXTRA_NAMES.items() if mask & b)
    return out


def depth(mask: int) -> int:
    """How much a message opens up, 0-3: sharing about oneself, an I-statement, a named emotion."""
    return (1 if mask & DISCLOSURE else 0) + (1 if mask & ISTATEMENT else 0) + (1 if mask & EMOTION else 0)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    news: re.Pattern[str]
    emotion: re.Pattern[str]
    link: re.Pattern[str]


def _alternation(words: Iterable[str]) -> str:
    alts = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace("'", "'?") for w in alts)


@cache
def lexicon_data() -> dict[str, dict[str, list[str]]]:
    """The analysis word lists (`lexicon.toml`)."""
    import tomllib
    from importlib import resources

    with resources.files("openup.analysis").joinpath("lexicon.toml").open("rb") as fh:
        data: dict[str, dict[str, list[str]]] = tomllib.load(fh)
    return data


@cache
def _lexicon() -> _Lexicon:
    from openup.text.lexical import macros

    data = lexicon_data()
    news = re.compile(r"(?<!\w)(?:" + _alternation(data["bids"]["news"]) + r")(?!\w)")
    leads = _alternation(data["emotion"]["leads"])
    feeling = macros()["FEELING"]
    emotion = re.compile(r"(?<!\w)(?:" + leads + r")\s+(?:[\w']+\s+){0,2}?" + feeling + r"(?!\w)")
    link = re.compile(r"https?://|www\.\w")
    return _Lexicon(news, emotion, link)


def mask_of(text: str, kinds: Iterable[str]) -> int:
    """The bitmask for one text given the kinds its signals carry."""
    lex = _lexicon()
    mask = 0
    for k in kinds:
        mask |= BIT.get(k, 0)
    low = text.lower()
    if "?" in low:
        mask |= QUESTION
    if lex.link.search(low):
        mask |= LINK
    if lex.news.search(low):
        mask |= NEWS
    if lex.emotion.search(low.replace("\u2019", "'")):
        mask |= EMOTION
    return mask


def _chunk_features(texts: Sequence[str], model: bool | None = False, reader: str = "full") -> list[int]:
    """Worker body: detection for a chunk of distinct texts (top level so the pool can pickle it)."""
    from openup.text import detect_many

    found = detect_many(texts, model=model, reader=reader)
    return [mask_of(t, (s.kind for s in sigs)) for t, sigs in zip(texts, found, strict=True)]


def _workers(n_texts: int, model: bool | None, reader: str, workers: int | None) -> int:
    if workers is not None:
        return max(1, workers)
    if n_texts < POOL_MIN:
        return 1
    from openup.text.detect import model_wanted

    if model_wanted(model) and not (reader == "bulk" and _bulk_installed()):
        return 1  # the full encoder batches on its own threads
    return max(1, min(os.cpu_count() or 1, 8))


def _bulk_installed() -> bool:
    from openup.text.model.student import STUDENT_FILE

    return STUDENT_FILE.is_file()


def text_masks(
    texts: Sequence[str],
    *,
    model: bool | None = False,
    workers: int | None = None,
    progress: Progress | None = None,
    known: Mapping[str, int] | None = None,
    reader: str = "bulk",
) -> dict[str, int]:
    """Map every distinct text to its feature mask, detecting each distinct text once.

    `known` holds masks already found (by the same tier) for some texts, e.g. by other workers: those texts
    are not read again. A text's mask depends on that text alone, so the result is the same either way.

    With the learned tier, `reader="bulk"` (the default: analysis reads whole chats) embeds with the
    encoder's static student and the encoder only where the student is unsure, on a fork pool over the
    cores like the lexical tier; "full" runs the encoder on every text (see `openup.text.model.student`).

    >>> m = text_masks(["You're so lazy", "ok", "ok"])
    >>> sorted(names(m["You're so lazy"]))
    ['criticism']
    """
    unique = list(dict.fromkeys(texts))
    out: dict[str, int] = {}
    if known:
        out = {t: known[t] for t in unique if t in known}
        unique = [t for t in unique if t not in out]
    total = len(unique)
    if progress:
        progress("detect", 0, total)
    n = _workers(total, model, reader, workers)
    chunks = [unique[i : i + CHUNK] for i in range(0, total, CHUNK)]
    done = 0
    if n > 1 and len(chunks) > 2:
        import multiprocessing as mp

        # The first chunk runs here, so the detector's compiled patterns and caches are warm before the
        # fork and every worker inherits them instead of building its own.
        first = chunks.pop(0)
        out.update(zip(first, _chunk_features(first, model, reader), strict=True))
        done = len(first)
        if progress:
            progress("detect", done, total)
        ctx = mp.get_context("fork")
        with ctx.Pool(n) as pool:
            work = functools.partial(_chunk_features, model=model, reader=reader)
            for chunk, masks in zip(chunks, pool.imap(work, chunks), strict=True):
                out.update(zip(chunk, masks, strict=True))
                done += len(chunk)
                if progress:
                    progress("detect", done, total)
        return out
    from openup.text import detect_many

    for chunk in chunks:
        found = detect_many(chunk, model=model, reader=reader)
        for t, sigs in zip(chunk, found, strict=True):
            out[t] = mask_of(t, (s.kind for s in sigs))
        done += len(chunk)
        if progress:
            progress("detect", done, total)
    return out
