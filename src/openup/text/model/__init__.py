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
    "bulk_signals",
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
        margins = {str(k): float(v) for k, v in student.meta.get("margins", {}).items()}
        reader = BulkReader(student, get_embedder(), margins)
        with _lock:
            if _bulk is None:
                _bulk = reader
    return _bulk


def _check_reader(reader: str) -> bool:
    """Whether `reader` (see READERS) is the bulk reader and it is installed."""
    if reader not in READERS:
        raise ValueError(f"unknown reader {reader!r}; expected one of {READERS}")
    return reader == "bulk" and get_bulk_reader() is not None


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
    if heads is None or not texts:
        return [[] for _ in texts]
    if _check_reader(reader):
        return bulk_signals(texts, None, None, None, signals=False, safety_heads=heads)[1]
    owners, probs = _safety_probabilities(texts, heads)
    return _signals_of(texts, owners, probs, heads, heads.in_group("safety"), overrides=False)[0]


def safety_gaps(texts: Sequence[str], heads: Heads | None = None) -> list[float]:
    """Per text, how near its most worrying unit (the message or a sentence of it) comes to a safety head's
    threshold: the largest calibrated logit less that head's threshold logit (>= 0: the head flags it). For
    answers that should stay away from anything near a sign even when the screen does not flag it."""
    heads = get_safety_heads() if heads is None else heads
    if heads is None or not texts:
        return [float("-inf")] * len(texts)
    owners, probs = _safety_probabilities(texts, heads)
    p = np.clip(probs.astype(np.float64), 1e-9, 1 - 1e-9)
    t = heads.threshold[heads.in_group("safety")].astype(np.float64)
    gaps = (np.log(p / (1 - p)) - np.log(t / (1 - t))).max(axis=1) if len(p) else np.zeros(0)
    best = [float("-inf")] * len(texts)
    for (owner, _), gap in zip(owners, gaps.tolist(), strict=True):
        best[owner] = max(best[owner], gap)
    return best


# The safety heads' reading of recent single messages: `reply()` screens a message (`safety_signals`, through
# `detect`) and then asks how near it comes to a sign (`safety_gaps`); both read the same units with the same
# heads, and the second reading was a third of the learned tier's time in a reply. The arrays are read-only.
_SAFETY_RECENT: dict[str, tuple[Heads, Sequence[Owner], np.ndarray]] = {}
_SAFETY_RECENT_SIZE = 64
_safety_lock = threading.Lock()  # the web app answers requests on several threads


def _safety_probabilities(texts: Sequence[str], heads: Heads) -> tuple[Sequence[Owner], np.ndarray]:
    """The units of `texts` and the safety heads' probabilities per unit (`_unit_probabilities`); a single
    message's reading is kept for the next ask of the same message with the same heads."""
    idx = heads.in_group("safety")
    if len(texts) != 1:
        return _unit_probabilities(texts, None, heads, idx, SAFETY_MIN_WORDS)
    text = texts[0]
    with _safety_lock:
        known = _SAFETY_RECENT.get(text)
    if known is not None and known[0] is heads:
        return known[1], known[2]
    owners, probs = _unit_probabilities(texts, None, heads, idx, SAFETY_MIN_WORDS)
    probs.setflags(write=False)  # shared between callers from now on
    kept = tuple(owners)
    with _safety_lock:
        if len(_SAFETY_RECENT) >= _SAFETY_RECENT_SIZE:
            _SAFETY_RECENT.clear()
        _SAFETY_RECENT[text] = (heads, kept, probs)
    return kept, probs


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
    praise: Sequence[Sequence[tuple[int, int]]] | None = None,
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
    found a kind that hurts): "what is wrong with you?" is a dig, not an invitation to talk. `praise`: per
    text, where the patterns found praise, thanks, validation or an apology; the contempt head reads those
    units too (`SARCASM_READERS`: "thanks SO much for telling your mum first" is contempt; `detect()` then
    weighs the two readings). `heads`: other heads than the shipped ones (the training script measures new
    heads this way before writing them).
    """
    return _read(texts, occupied, heads, min_words, hurt, reader, praise)[0]


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
    praise: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> tuple[list[list[Signal]], np.ndarray, list[str]]:
    """The signals per text, the (texts, signal heads) matrix of best unit probabilities, and the heads'
    names in its column order."""
    heads = get_heads() if heads is None else heads
    signal_idx = heads.in_group("signal")
    names = [heads.names[j] for j in signal_idx]
    if not texts or not signal_idx:
        return [[] for _ in texts], np.zeros((len(texts), len(signal_idx)), dtype=np.float32), names
    if _check_reader(reader):
        owners, probs = bulk_signals(
            texts, None, occupied, hurt, heads=heads, min_words=min_words, safety=False, praise=praise
        )[2]
    else:
        free = [k for k, name in enumerate(names) if name in _free_kinds()]
        owners, probs = _unit_probabilities(texts, occupied, heads, signal_idx, min_words, free, hurt, praise)
    results, best_of = _signals_of(texts, owners, probs, heads, signal_idx, overrides=True)
    return results, best_of, names


def _signals_of(
    texts: Sequence[str],
    owners: Sequence[Owner],
    probs: np.ndarray,
    heads: Heads,
    idx: list[int],
    overrides: bool,
) -> tuple[list[list[Signal]], np.ndarray]:
    """Per text, the signals of heads `idx` whose best unit probability reaches the head's threshold (see
    `learned_signals`; `overrides`: withhold appreciation under confident contempt), and the (texts, heads)
    matrix of best unit probabilities."""
    results: list[list[Signal]] = [[] for _ in texts]
    best_of = np.zeros((len(texts), len(idx)), dtype=np.float32)
    if not owners:
        return results, best_of
    names = [heads.names[j] for j in idx]
    thresholds = heads.threshold[idx]
    position = {name: k for k, name in enumerate(names)}
    owner = np.fromiter((t for t, _ in owners), dtype=np.int64, count=len(owners))
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])  # owners come text by text
    best_of[owner[starts]] = np.maximum.reduceat(probs, starts, axis=0)
    ends = np.r_[starts[1:], len(owners)]
    flagged = np.flatnonzero((best_of[owner[starts]] >= thresholds).any(axis=1))
    if not len(flagged):
        return results, best_of
    is_sentence = np.fromiter((span is not None for _, span in owners), dtype=bool, count=len(owners))
    sentence_probs = np.where(is_sentence[:, None], probs, -np.inf)  # the message's own row never names the span
    for g in flagged.tolist():
        first, last = int(starts[g]), int(ends[g])
        t = int(owner[first])
        text, best = texts[t], best_of[t]
        whole = not is_sentence[first:last].any()  # scored whole only: the span is the trimmed message
        for k in np.flatnonzero(best >= thresholds).tolist():
            name = names[k]
            if overrides and _overridden(name, best, thresholds, position):
                continue
            # the sentence that scored highest (the first of equals)
            span = trimmed_span(text) if whole else owners[first + int(np.argmax(sentence_probs[first:last, k]))][1]
            assert span is not None
            start, end = span
            results[t].append(Signal(name, start, end, text[start:end], round(float(best[k]), 4), f"model:{name}"))
    return results, best_of


@functools.cache
def _free_kinds() -> frozenset[str]:
    """Kinds whose head reads every sentence, whatever the patterns settled there: the kinds of question.
    Whether a sentence asks about an event, a thought or a feeling does not depend on whether it also
    hurts or helps ("sorry, how did the scan go?"), and the patterns name those kinds from a few openings."""
    from openup.method import group

    return frozenset(group("question"))


#: Heads that also read a unit where the patterns found praise, thanks, validation or an apology (`praise`
#: spans): said with contempt ("thanks SO much for telling your mum before I could"), those words are
#: contempt; `openup.text.detect._merge` weighs the two readings.
SARCASM_READERS: frozenset[str] = frozenset({"contempt"})


def _readable(blocked: Sequence[bool], praised: Sequence[bool], names: Sequence[str]) -> np.ndarray | None:
    """(units, heads): which heads read each unit. A blocked unit (it overlaps what the patterns settled) is
    read by the heads that read every unit (`_free_kinds`), and by `SARCASM_READERS` where it overlaps praise."""
    if not any(blocked):
        return None
    free = np.array([n in _free_kinds() for n in names], dtype=bool)
    sarcasm = np.array([n in SARCASM_READERS for n in names], dtype=bool)
    rows = np.array(blocked, dtype=bool)
    out = np.ones((len(blocked), len(names)), dtype=bool)
    out[rows] = free
    out[rows & np.array(praised, dtype=bool)] |= sarcasm
    return out


#: Per text: the word count of the whole text and, when it has several sentences, each sentence's span and
#: word count (words are counted in the first 400 characters only: enough for any minimum).
Layout = list[tuple[int, list[tuple[tuple[int, int], int]]]]
Owner = tuple[int, tuple[int, int] | None]


def _layout(texts: Sequence[str]) -> Layout:
    out: Layout = []
    for text in texts:
        spans = sentence_spans(text)
        sentences = [(span, _words(text[span[0] : span[1]])) for span in spans] if len(spans) > 1 else []
        out.append((_words(text), sentences))
    return out


def _units(
    texts: Sequence[str],
    layout: Layout,
    occupied: Sequence[Sequence[tuple[int, int]]] | None,
    min_words: int,
    free: Sequence[int] = (),
    hurt: Sequence[Sequence[tuple[int, int]]] | None = None,
    praise: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> tuple[list[str], list[Owner], list[bool], list[bool]]:
    """The units a text is scored on (the whole message, and each sentence when it has several) with their
    (text index, sentence span or None) owners, and whether each is blocked: it overlaps an `occupied` span and
    is read by the `free` heads alone. Units shorter than `min_words` are left out; so is a unit overlapping an
    `occupied` span, unless some heads read every unit (`free`) and it overlaps no `hurt` span. Last, whether
    each unit overlaps a `praise` span (see `_readable`)."""
    units: list[str] = []
    owners: list[Owner] = []
    blocked: list[bool] = []
    praised: list[bool] = []
    for t, (text, (words, sentences)) in enumerate(zip(texts, layout, strict=True)):
        if not text.strip():
            continue
        taken = occupied[t] if occupied is not None else ()
        harsh = hurt[t] if hurt is not None else ()
        kind = praise[t] if praise is not None else ()
        if (not taken or (free and not harsh)) and (min_words <= 1 or words >= min_words):
            units.append(text.strip())
            owners.append((t, None))
            blocked.append(bool(taken))
            praised.append(bool(kind) and not sentences)  # a longer message: its sentences carry the reading
        for span, count in sentences:
            if min_words > 1 and count < min_words:
                continue
            overlaps = any(a < span[1] and span[0] < b for a, b in taken)
            if overlaps and (not free or any(a < span[1] and span[0] < b for a, b in harsh)):
                continue
            units.append(text[span[0] : span[1]])
            owners.append((t, span))
            blocked.append(overlaps)
            praised.append(any(a < span[1] and span[0] < b for a, b in kind))
    return units, owners, blocked, praised


def _unit_probabilities(
    texts: Sequence[str],
    occupied: Sequence[Sequence[tuple[int, int]]] | None,
    heads: Heads,
    signal_idx: list[int],
    min_words: int,
    free: Sequence[int] = (),
    hurt: Sequence[Sequence[tuple[int, int]]] | None = None,
    praise: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> tuple[list[Owner], np.ndarray]:
    """The units of `texts` (see `_units`) and heads `signal_idx`'s probabilities per unit, read by the full
    encoder in one call; a blocked unit is scored for the `free` heads (column positions in `signal_idx`)
    alone (the other columns are 0)."""
    units, owners, blocked, praised = _units(texts, _layout(texts), occupied, min_words, free, hurt, praise)
    if not units:
        return owners, np.zeros((0, len(signal_idx)), dtype=np.float32)
    vectors, ids = get_embedder().encode(units)
    probs = heads.probabilities(vectors, ids)[:, signal_idx]
    readable = _readable(blocked, praised, [heads.names[j] for j in signal_idx])
    if readable is not None:
        probs[~readable] = 0.0
    return owners, probs


def bulk_signals(
    texts: Sequence[str],
    lexical: Sequence[Sequence[Signal]] | None,
    occupied: Sequence[Sequence[tuple[int, int]]] | None,
    hurt: Sequence[Sequence[tuple[int, int]]] | None,
    *,
    heads: Heads | None = None,
    min_words: int = MIN_WORDS,
    signals: bool = True,
    safety: bool = True,
    safety_heads: Heads | None = None,
    praise: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> tuple[list[list[Signal]], list[list[Signal]], tuple[list[Owner], np.ndarray]]:
    """`learned_signals` and `safety_signals` of `texts` by the bulk reader, in one pass: every unit (the
    message and its sentences, for the safety heads and for the signal heads) is read once by the student, and
    the encoder reads only the units some decision still depends on (`student.needs_encoder`):
      - a signal head's decision on a message is open while no unit of it is surely above the threshold and some
        unit lies within the head's margin of it; a safety head's while some unit lies above its threshold less
        the (wide) safety margin and no unit read by the encoder is above it;
      - only decisions that can change the kinds `detect_many` reports count: the signal heads that speak in
        `detect()` (`merged_kinds`) and those that override them (contempt and criticism, only while
        appreciation may be read), and none of a kind the patterns already found in that message (`lexical`:
        per text, its lexical signals, or None).
    In two rounds: first, of an open decision the student reads above threshold, the unit most likely above
    (if the encoder agrees, the message's other units need not be read for it); then every unit still needed.
    So the kinds reported are the encoder's wherever the student's errors stay within the margins; the scores
    and spans of a kind the encoder did not settle are the student's. One span decides a kind: a self-harm
    reading whose sentence overlaps a threat or violence the patterns found is left out (`detect._merge`: "he
    said he'll kill me"), so where the patterns found one, every unsure unit is read for the self-harm head
    (`whole`), and its span is the encoder's as in the full reader (a CounselChat question lost its self-harm
    reading when the student's sentence scores put it on the sentence with the violence).
    Returns the learned signals (signal heads, before `detect()` keeps the merged kinds), the safety signals,
    and the signal units' owners and probabilities (for `learned_signals`)."""
    from openup.text.detect import HARM_TO_WRITER
    from openup.text.model.student import needs_encoder

    bulk = get_bulk_reader()
    if bulk is None:
        raise RuntimeError("the bulk reader is not installed (student.npz)")
    heads = get_heads() if heads is None else heads
    safety_heads = (get_safety_heads() if safety_heads is None else safety_heads) if safety else None
    found = [frozenset(s.kind for s in sigs) for sigs in lexical] if lexical is not None else None
    layout = _layout(texts)
    banks: list[_Bank] = []
    if safety_heads is not None and safety_heads.in_group("safety"):
        units, owners, _, _ = _units(texts, layout, None, SAFETY_MIN_WORDS)
        banks.append(_Bank(safety_heads, safety_heads.in_group("safety"), units, owners, None, True))
    g_idx = heads.in_group("signal") if signals else []
    if g_idx:
        names = [heads.names[j] for j in g_idx]
        free = [k for k, name in enumerate(names) if name in _free_kinds()]
        units, owners, blocked, praised = _units(texts, layout, occupied, min_words, free, hurt, praise)
        readable = _readable(blocked, praised, names)  # a unit is blocked only when some heads read every unit
        banks.append(_Bank(heads, g_idx, units, owners, readable, False))
    unique = list(dict.fromkeys(u for bank in banks for u in bank.units))
    vectors, ids, exact = bulk.read(unique)
    position = {u: i for i, u in enumerate(unique)}
    allowed = merged_kinds()
    for bank in banks:
        bank.rows = np.fromiter((position[u] for u in bank.units), dtype=np.int64, count=len(bank.units))
        bank.owner = np.fromiter((t for t, _ in bank.owners), dtype=np.int64, count=len(bank.owners))
        bank.margin = bulk.margin(bank.names)
        bank.z = bank.logits(vectors, ids)
        bank.relevant = np.tile(np.array([bank.one_sided or name in allowed for name in bank.names]), (len(texts), 1))
        if found is not None:  # a kind the patterns found in a message: that decision is made (few messages have any)
            column = {name: k for k, name in enumerate(bank.names)}
            for t, kinds in enumerate(found):
                for kind in kinds:
                    if kind in column:
                        bank.relevant[t, column[kind]] = False
            if bank.one_sided and "self_harm" in column:
                bank.whole = np.zeros_like(bank.relevant)
                bank.whole[:, column["self_harm"]] = [bool(kinds & HARM_TO_WRITER) for kinds in found]
    for first in (True, False):
        need = np.zeros(len(unique), dtype=bool)
        for bank in banks:
            relevant = bank.relevant if bank.one_sided else _with_overrides(bank, exact, allowed)
            asked = needs_encoder(
                bank.z, bank.threshold, bank.margin, one_sided=bank.one_sided, exact=exact[bank.rows],
                owner=bank.owner, relevant=relevant, readable=bank.readable, first=first, whole=bank.whole,
            )
            need[bank.rows[asked]] = True
            if bank.one_sided:
                bulk.stats["encoder_safety"] += len(np.setdiff1d(bank.rows[asked], np.flatnonzero(exact)))
        rows = np.flatnonzero(need & ~exact)
        if not len(rows):
            break
        vectors[rows] = bulk.reread(unique, ids, rows)
        exact[rows] = True
        for bank in banks:
            again = np.flatnonzero(need[bank.rows])
            if len(again):
                bank.z[again] = bank.logits(vectors, ids, bank.rows[again])
    results: list[list[list[Signal]]] = [[[] for _ in texts], [[] for _ in texts]]
    scored: tuple[list[Owner], np.ndarray] = ([], np.zeros((0, len(g_idx)), dtype=np.float32))
    for bank in banks:
        probs = 1.0 / (1.0 + np.exp(-np.clip(bank.z, -40.0, 40.0)))
        if bank.readable is not None:
            probs[~bank.readable] = 0.0
        results[int(bank.one_sided)] = _signals_of(texts, bank.owners, probs, bank.heads, bank.idx,
                                                   overrides=not bank.one_sided)[0]
        if not bank.one_sided:
            scored = (bank.owners, probs)
    return results[0], results[1], scored


class _Bank:
    """One bank of heads the bulk reader decides for: its units (rows into the pass's distinct units), their
    owners, the heads that read each unit, the calibrated logits, and which decisions are relevant."""

    def __init__(
        self, heads: Heads, idx: list[int], units: list[str], owners: list[Owner], readable: np.ndarray | None,
        one_sided: bool,
    ) -> None:
        self.heads, self.idx, self.units, self.owners, self.readable = heads, idx, units, owners, readable
        self.one_sided = one_sided
        self.names = [heads.names[j] for j in idx]
        q = np.clip(heads.threshold[idx].astype(np.float64), 1e-7, 1 - 1e-7)
        self.threshold = np.log(q / (1 - q)).astype(np.float32)
        self.rows = np.zeros(0, dtype=np.int64)
        self.owner = np.zeros(0, dtype=np.int64)
        self.margin = np.zeros(len(idx), dtype=np.float32)
        self.z = np.zeros((0, len(idx)), dtype=np.float32)
        self.relevant = np.zeros((0, len(idx)), dtype=bool)
        self.whole: np.ndarray | None = None  # decisions read whole (`needs_encoder`), or None

    def logits(self, vectors: np.ndarray, ids: list[np.ndarray], rows: np.ndarray | None = None) -> np.ndarray:
        """Calibrated logits (platt_a * logit + platt_b) of this bank's heads on `rows` (default: all its units)."""
        rows = self.rows if rows is None else rows
        h, idx = self.heads, self.idx
        raw = h.logits(vectors[rows], [ids[r] for r in rows.tolist()])[:, idx]
        z: np.ndarray = h.platt_a[idx] * raw + h.platt_b[idx]
        return z


def _with_overrides(bank: _Bank, exact: np.ndarray, allowed: frozenset[str]) -> np.ndarray:
    """The bank's relevant decisions, with the heads that override a kind (OVERRIDES) relevant wherever that
    kind is relevant and some unit may read it above threshold (the student within its margin of it, or above;
    the encoder above)."""
    relevant = bank.relevant
    position = {name: k for k, name in enumerate(bank.names)}
    for kind, others in OVERRIDES.items():
        k = position.get(kind)
        if k is None or kind not in allowed or not len(bank.z):
            continue
        z = bank.z[:, k]
        maybe = np.where(exact[bank.rows], z >= bank.threshold[k], z > bank.threshold[k] - bank.margin[k])
        if bank.readable is not None:
            maybe &= bank.readable[:, k]
        possible = np.zeros(len(relevant), dtype=bool)
        possible[bank.owner[maybe]] = True
        possible &= relevant[:, k]
        if not possible.any():
            continue
        relevant = relevant.copy()
        for other in others:
            if other in position:
                relevant[:, position[other]] |= possible
    return relevant


def _words(text: str) -> int:
    return len(_WORD.findall(text, 0, 400))


def _overridden(name: str, best: np.ndarray, thresholds: np.ndarray, position: dict[str, int]) -> bool:
    for other in OVERRIDES.get(name, ()):
        k = position.get(other)
        if k is not None and best[k] >= thresholds[k]:
            return True
    return False
