"""The learned tier: sentence embeddings (int8 MiniLM via onnxruntime) and small calibrated heads.

Everything heavy is loaded lazily on first use; importing this package imports numpy only.
Set `OPENUP_MODEL=off` (or 0/false) to switch the tier off; `available()` then says False.

>>> from openup.text import model
>>> if model.available():
...     [s.kind for s in model.learned_signals(["thank you so much for cooking tonight"])[0]]
['appreciation']
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from openup.text.model.heads import FEELING_HEADS_FILE, HEADS_FILE, SAFETY_HEADS_FILE, Heads, load_heads
from openup.text.model.sentences import sentence_spans, trimmed_span
from openup.text.signal import Signal

if TYPE_CHECKING:
    from openup.text.model.embedder import Embedder
    from openup.text.model.student import BulkReader

__all__ = [
    "MIN_WORDS",
    "READERS",
    "available",
    "embed",
    "emotion_scores",
    "get_bulk_reader",
    "get_embedder",
    "get_feeling_heads",
    "get_heads",
    "head_scores",
    "learned_signals",
    "merged_kinds",
    "safety_signals",
    "scored_signals",
]

_OFF_VALUES = {"off", "0", "false", "no"}

# A contempt or criticism reading above its own (precision-first) cut-off overrides appreciation on the
# same message: "wow, thanks for nothing" carries every lexical mark of thanks. Missing a sincere thanks
# costs less than praising a sneer.
OVERRIDES: dict[str, tuple[str, ...]] = {"appreciation": ("contempt", "criticism")}
# A head speaks in `detect()` only when it has shown, on held-out couple-style messages it was not fitted
# on, that adding it to the patterns (where they are silent) raises that kind's F1 above the patterns'
# alone. scripts/train_heads.py measures this and stores it in the heads file. Other heads stay
# available through `learned_signals()` and `head_scores()`, and `openup eval` reports them all.
# In `detect()`, fewer words than this is too little for the learned tier to judge ("ok", "fine", "love
# you" read as curt or warm only in context): such a message or sentence is left to the patterns.
MIN_WORDS = 3
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")  # "it's" is one word
_lock = threading.Lock()
_embedder: Embedder | None = None
_bulk: BulkReader | None = None
#: How units are embedded: "full" (the encoder, always) or "bulk" (the student, with the encoder where the
#: student is unsure: text/model/student.py; analysis only, and only when student.npz is installed).
READERS = ("full", "bulk")
_loaded: dict[Path, Heads] = {}  # heads files read so far, by path
# Safety is read with fewer words than the other heads need: "he choked me" is three words, "kms" one.
SAFETY_MIN_WORDS = 2


def available() -> bool:
    """True when the learned tier can run: model and heads files present, onnxruntime and tokenizers
    importable, and `OPENUP_MODEL` is not set to off/0/false. Cheap: loads nothing."""
    if os.environ.get("OPENUP_MODEL", "").strip().lower() in _OFF_VALUES:
        return False
    return _installed()


@functools.cache
def _installed() -> bool:
    """Model files and run-time packages present; asked once per process, as `detect()` asks per call."""
    from openup.text.model.embedder import MODEL_FILE, TOKENIZER_FILE

    if not (MODEL_FILE.is_file() and TOKENIZER_FILE.is_file() and HEADS_FILE.is_file()):
        return False
    return all(importlib.util.find_spec(name) is not None for name in ("onnxruntime", "tokenizers"))


def merged_kinds() -> frozenset[str]:
    """The signal kinds whose learned head improves `detect()` on held-out messages (see above)."""
    heads = get_heads()
    out = set()
    for name, group in zip(heads.names, heads.groups, strict=True):
        merge = heads.meta.get("heads", {}).get(name, {}).get("merge")
        if group == "signal" and merge and merge.get("merged_f1", 0.0) > merge.get("lexical_f1", 1.0):
            out.add(name)
    return frozenset(out)


def get_embedder() -> Embedder:
    """The process-wide embedder, built on first call (about 0.1-0.3 s)."""
    global _embedder
    if _embedder is None:
        with _lock:
            if _embedder is None:
                from openup.text.model.embedder import Embedder

                _embedder = Embedder()
    return _embedder


def get_bulk_reader() -> BulkReader | None:
    """The process-wide bulk reader (student + encoder where unsure), or None without student.npz."""
    global _bulk
    if _bulk is None:
        from openup.text.model.student import STUDENT_FILE, BulkReader, Student

        if not STUDENT_FILE.is_file():
            return None
        student = Student()
        heads = get_heads()
        allowed = merged_kinds()
        deciding = allowed | {o for kind in allowed for o in OVERRIDES.get(kind, ())}
        checks: list[tuple[Heads, list[int], bool]] = [
            (heads, [j for j in heads.in_group("signal") if heads.names[j] in deciding], False)
        ]
        safety = get_safety_heads()
        if safety is not None:
            checks.append((safety, safety.in_group("safety"), True))
        margins = {str(k): float(v) for k, v in student.meta.get("margins", {}).items()}
        reader = BulkReader(student, get_embedder(), checks, margins)
        with _lock:
            if _bulk is None:
                _bulk = reader
    return _bulk


def _encode(
    units: list[str], reader: str, heads: Heads | None = None, settled: Sequence[bool] | None = None
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Vectors and WordPiece ids of `units`, by the chosen reader (see READERS). The bulk reader checks the
    student against `heads`, except the signal heads of `settled` units (whose signal columns are zeroed)."""
    if reader not in READERS:
        raise ValueError(f"unknown reader {reader!r}; expected one of {READERS}")
    if reader == "bulk":
        bulk = get_bulk_reader()
        if bulk is not None:
            return bulk.encode(units, heads, settled)
    return get_embedder().encode(units)


def _heads_at(path: Path) -> Heads:
    """The heads in `path`, read on first call and kept for the process."""
    heads = _loaded.get(path)
    if heads is None:
        with _lock:
            heads = _loaded.get(path)
            if heads is None:
                heads = _loaded[path] = load_heads(path)
    return heads


def get_heads() -> Heads:
    """The shipped heads, read on first call."""
    return _heads_at(HEADS_FILE)


def _installed_heads(path: Path) -> Heads | None:
    """The heads in `path`, or None when that file is not installed (no disk check once read)."""
    heads = _loaded.get(path)
    if heads is not None:
        return heads
    return _heads_at(path) if path.is_file() else None


def get_safety_heads() -> Heads | None:
    """The shipped safety heads, or None when their file is not installed."""
    return _installed_heads(SAFETY_HEADS_FILE)


def get_feeling_heads() -> Heads | None:
    """The shipped feelings reader (`coach/feelings.py`), or None when its file is not installed."""
    return _installed_heads(FEELING_HEADS_FILE)


def safety_signals(
    texts: Sequence[str], heads: Heads | None = None, reader: str = "full"
) -> list[list[Signal]]:
    """Per text, the safety signals (threat, violence, control, fear, self_harm) whose head reaches its
    threshold on the whole message or on any sentence of it, whatever the patterns found there.

    Built for recall: the screen may only raise a level, never lower one, so `detect()` adds these beside
    the patterns' own safety signals. The span is the sentence that scored highest. `source` is
    "model:<kind>"."""
    heads = get_safety_heads() if heads is None else heads
    results: list[list[Signal]] = [[] for _ in texts]
    if heads is None or not texts:
        return results
    idx = heads.in_group("safety")
    owners, probs = _unit_probabilities(texts, None, heads, idx, SAFETY_MIN_WORDS, reader=reader)
    if not owners:
        return results
    thresholds = heads.threshold[idx]
    for t, rows in _rows_per_text(owners).items():
        text = texts[t]
        best = probs[rows].max(axis=0)
        for k, j in enumerate(idx):
            if best[k] < thresholds[k]:
                continue
            start, end = _best_span(text, rows, owners, probs, k)
            name = heads.names[j]
            results[t].append(Signal(name, start, end, text[start:end], round(float(best[k]), 4), f"model:{name}"))
    return results


def embed(texts: Sequence[str]) -> np.ndarray:
    """(n, 384) float32 unit vectors for `texts`. Repeated texts are served from a cache."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return get_embedder().embed(list(texts))


def head_scores(texts: Sequence[str], group: str | None = None) -> list[dict[str, float]]:
    """Calibrated probability per head (optionally one group: "signal", "emotion", "attribute")."""
    heads = get_heads()
    idx = list(range(len(heads.names))) if group is None else heads.in_group(group)
    if not texts:
        return []
    vectors, ids = get_embedder().encode(list(texts))
    probs = heads.probabilities(vectors, ids)
    return [{heads.names[j]: float(row[j]) for j in idx} for row in probs]


def emotion_scores(texts: Sequence[str]) -> list[dict[str, float]]:
    """Per text, the probability of each emotion family (gratitude, joy, sadness, anger, fear, ...),
    from heads trained on GoEmotions. Useful for measuring emotion expression over time."""
    return head_scores(texts, group="emotion")


def learned_signals(
    texts: Sequence[str],
    occupied: Sequence[Sequence[tuple[int, int]]] | None = None,
    heads: Heads | None = None,
    min_words: int = 1,
    hurt: Sequence[Sequence[tuple[int, int]]] | None = None,
    reader: str = "full",
) -> list[list[Signal]]:
    """For each text, the Signals whose head probability reaches its held-out threshold.

    A head scores the whole message and each of its sentences; the signal's score is the highest of
    those probabilities and its span is the sentence that scored highest (the trimmed message when it
    has one sentence), so `text[start:end] == match`. `source` is "model:<head>". Appreciation is
    withheld when contempt or criticism is confident on the same message (sarcastic thanks).

    `occupied`: per text, spans another reader has already settled (`detect()` passes the lexical
    tier's helps/hurts signals). A unit (the whole message or a sentence) that overlaps one is not
    scored, so the learned tier speaks only where the patterns were silent. `min_words`: a unit with
    fewer words is not scored (`detect()` passes MIN_WORDS). The question heads read units inside
    `occupied` too (see `_free_kinds`), except those overlapping a `hurt` span (per text, where the patterns
    found a kind that hurts): "what is wrong with you?" is a dig, not an invitation to talk. `heads`:
    other heads than the shipped ones (the training script measures new heads this way before writing them).
    """
    return _read(texts, occupied, heads, min_words, hurt, reader)[0]


def scored_signals(
    texts: Sequence[str], heads: Heads | None = None
) -> tuple[list[list[Signal]], list[dict[str, float]]]:
    """`learned_signals(texts)` and, per text, every signal head's highest probability over the whole
    message and its sentences (the score compared with the head's threshold, before any override; 0 for
    an empty text), from one embedding pass. Evaluation ranks texts by these scores (ROC-AUC)."""
    results, best, names = _read(texts, None, heads, 1)
    return results, [dict(zip(names, map(float, row), strict=True)) for row in best]


def _read(
    texts: Sequence[str],
    occupied: Sequence[Sequence[tuple[int, int]]] | None,
    heads: Heads | None,
    min_words: int,
    hurt: Sequence[Sequence[tuple[int, int]]] | None = None,
    reader: str = "full",
) -> tuple[list[list[Signal]], np.ndarray, list[str]]:
    """The signals per text, the (texts, signal heads) matrix of best unit probabilities, and the heads'
    names in its column order."""
    heads = get_heads() if heads is None else heads
    signal_idx = heads.in_group("signal")
    names = [heads.names[j] for j in signal_idx]
    results: list[list[Signal]] = [[] for _ in texts]
    best_of = np.zeros((len(texts), len(signal_idx)), dtype=np.float32)
    if not texts or not signal_idx:
        return results, best_of, names
    free = [k for k, name in enumerate(names) if name in _free_kinds()]
    owners, probs = _unit_probabilities(texts, occupied, heads, signal_idx, min_words, free, hurt, reader)
    if not owners:
        return results, best_of, names
    thresholds = heads.threshold[signal_idx]

    position = {name: k for k, name in enumerate(names)}
    for t, rows in _rows_per_text(owners).items():
        text = texts[t]
        best = probs[rows].max(axis=0)
        best_of[t] = best
        for k, name in enumerate(names):
            if best[k] < thresholds[k] or _overridden(name, best, thresholds, position):
                continue
            start, end = _best_span(text, rows, owners, probs, k)
            results[t].append(Signal(name, start, end, text[start:end], round(float(best[k]), 4), f"model:{name}"))
    return results, best_of, names


def _rows_per_text(owners: list[tuple[int, tuple[int, int] | None]]) -> dict[int, list[int]]:
    """Unit rows grouped per text: the row of the whole text and the rows of its sentences."""
    per_text: dict[int, list[int]] = {}
    for row, (t, _) in enumerate(owners):
        per_text.setdefault(t, []).append(row)
    return per_text


def _best_span(
    text: str, rows: list[int], owners: list[tuple[int, tuple[int, int] | None]], probs: np.ndarray, k: int
) -> tuple[int, int]:
    """The span of head k's signal: the sentence that scored highest, or the trimmed message when the
    text was scored whole only."""
    sentence_rows = [r for r in rows if owners[r][1] is not None]
    if not sentence_rows:
        return trimmed_span(text)
    chosen = owners[sentence_rows[int(np.argmax(probs[sentence_rows, k]))]][1]
    assert chosen is not None  # sentence_rows hold sentences only
    return chosen


@functools.cache
def _free_kinds() -> frozenset[str]:
    """Kinds whose head reads every sentence, whatever the patterns settled there: the kinds of question.
    Whether a sentence asks about an event, a thought or a feeling does not depend on whether it also
    hurts or helps ("sorry, how did the scan go?"), and the patterns name those kinds from a few openings."""
    from openup.method import group

    return frozenset(group("question"))


def _unit_probabilities(
    texts: Sequence[str],
    occupied: Sequence[Sequence[tuple[int, int]]] | None,
    heads: Heads,
    signal_idx: list[int],
    min_words: int,
    free: Sequence[int] = (),
    hurt: Sequence[Sequence[tuple[int, int]]] | None = None,
    reader: str = "full",
) -> tuple[list[tuple[int, tuple[int, int] | None]], np.ndarray]:
    """The units a text is scored on (the whole message, and each sentence when it has several), as
    (text index, sentence span or None) owners, and the signal heads' probabilities per unit, in one
    embedding call. Units shorter than `min_words` are left out. A unit overlapping an `occupied` span is
    left out too, unless some heads read every unit (`free`, column positions in `signal_idx`) and it
    overlaps no `hurt` span: it is then scored for those heads alone (the other columns are 0).
    `reader`: see READERS."""
    units: list[str] = []
    owners: list[tuple[int, tuple[int, int] | None]] = []
    blocked: list[bool] = []
    for t, text in enumerate(texts):
        if not text.strip():
            continue
        taken = occupied[t] if occupied is not None else ()
        harsh = hurt[t] if hurt is not None else ()
        if (not taken or (free and not harsh)) and _readable(text, min_words):
            units.append(text.strip())
            owners.append((t, None))
            blocked.append(bool(taken))
        spans = sentence_spans(text)
        if len(spans) > 1:
            for span in spans:
                sentence = text[span[0] : span[1]]
                overlaps = any(a < span[1] and span[0] < b for a, b in taken)
                dig = any(a < span[1] and span[0] < b for a, b in harsh)
                if (overlaps and (not free or dig)) or not _readable(sentence, min_words):
                    continue
                units.append(sentence)
                owners.append((t, span))
                blocked.append(overlaps)
    if not units:
        return owners, np.zeros((0, len(signal_idx)), dtype=np.float32)
    settled = blocked if any(blocked) and not any(heads.names[signal_idx[k]] in merged_kinds() for k in free) else None
    vectors, ids = _encode(units, reader, heads, settled)
    probs = heads.probabilities(vectors, ids)[:, signal_idx]
    if any(blocked):
        keep = np.zeros(len(signal_idx), dtype=bool)
        keep[list(free)] = True
        probs[np.ix_(np.array(blocked), ~keep)] = 0.0
    return owners, probs


def _readable(text: str, min_words: int) -> bool:
    return min_words <= 1 or len(_WORD.findall(text, 0, 400)) >= min_words


def _overridden(name: str, best: np.ndarray, thresholds: np.ndarray, position: dict[str, int]) -> bool:
    for other in OVERRIDES.get(name, ()):
        k = position.get(other)
        if k is not None and best[k] >= thresholds[k]:
            return True
    return False
