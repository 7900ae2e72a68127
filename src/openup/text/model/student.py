"""The bulk reader: a static-embedding student of the encoder, with the encoder only where it is unsure.

`student.npz` (scripts/distill_student.py) holds one 384-d vector per WordPiece token and one 64-d vector per
hashed pair of adjacent tokens (projected to 384-d), fitted so that the mean of a text's token vectors plus the
projected mean of its pair vectors, L2-normalised (then a small residual layer), lands where the shipped encoder
puts that text: the heads read it unchanged. It costs a tokenizer pass and a gather-mean (about 15,000 units a
second on one core) where the encoder costs about 2.4 ms a unit (on its own unpadded input, one core).

`openup.text.model.bulk_signals` reads every unit with the student (`BulkReader.read`), scores the heads that
decide what `detect_many` reports (the merged signal heads, the heads that override them, every safety head)
and has the encoder read (`BulkReader.reread`) each unit some open decision depends on (`needs_encoder`):
  - a signal head's decision on a message is open while no unit is surely above its threshold (the student's
    calibrated logit above threshold + margin, or the encoder's above threshold) and some unit lies within
    that head's margin of it;
  - a safety head's decision is open while some unit lies above its threshold less a wide margin and no unit
    read by the encoder is above it (the student may never lower a safety reading, nor settle one);
  - a decision on a kind the patterns already found in that message is not open: it cannot change the kinds.
The margins are quantiles of the student's logit error on held-out units, stored in the file. Only analysis
uses this reader; `check`, `reply` and `openup.detect` keep the full encoder.
Run time: numpy and tokenizers only (never torch).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from openup.text.model.embedder import DIM, MAX_LENGTH, TOKENIZER_FILE, VOCAB_SIZE, Embedder, model_text

STUDENT_FILE = Path(__file__).resolve().parent / "student.npz"
CACHE_SIZE = 16384  # units: a chunk of analysis texts and its sentences, read twice (safety, signals)
_BLOCK = 512  # units summed at once, longest first: their (units, 384) sums and one gathered step stay in cache
_NO_IDS = np.zeros(0, dtype=np.int32)
# The tokenizer's fast path (`Student.token_ids`): printable ASCII (with tab and line breaks) and, after lower-casing,
# its words as the BERT pre-tokenizer splits them: runs of letters and digits, and each punctuation mark alone.
_PLAIN = re.compile(r"[\x20-\x7e\t\n\r]*")
_WORDS = re.compile(r"[a-z0-9]+|[!-/:-@\[-`{-~]")
WORD_CACHE_SIZE = 1 << 18  # words whose WordPiece ids the fast path keeps (a few tens of MB at most)


class Student:
    """Token vectors and the tokenizer: `encode(texts)` gives (n, 384) unit vectors and WordPiece ids."""

    def __init__(self, path: Path = STUDENT_FILE, tokenizer_file: Path = TOKENIZER_FILE) -> None:
        # Analysis forks its workers after reading a first chunk here: the tokenizer's own thread pool would
        # then warn and switch itself off in each worker. Processes are the parallelism on this path.
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from tokenizers import Tokenizer

        with np.load(path, allow_pickle=False) as data:
            self.vectors: np.ndarray = data["vectors"].astype(np.float32)
            self.meta: dict[str, Any] = json.loads(str(data["meta"]))
            # An optional residual layer after pooling: x + relu(x W1^T + b1) W2^T + b2, renormalised.
            self.mlp: tuple[np.ndarray, ...] = tuple(
                data[k].astype(np.float32) for k in ("mlp_w1", "mlp_b1", "mlp_w2", "mlp_b2") if k in data
            )
            # Optional hashed token-pair vectors (word order the token mean cannot see): a (2**bits, d) table and
            # its (384, d) projection, added to the token mean before normalising.
            self.bigrams: tuple[np.ndarray, np.ndarray] | None = (
                (data["bigram_vectors"], data["bigram_proj"].astype(np.float32)) if "bigram_vectors" in data else None
            )
        self.bigram_bits = int(self.meta.get("bigram_bits", 0))
        if self.bigrams is not None and self.bigrams[0].shape[0] != 1 << self.bigram_bits:
            raise ValueError(f"student file {path}: bigram table {self.bigrams[0].shape} for {self.bigram_bits} bits")
        if self.vectors.ndim != 2 or self.vectors.shape[1] != DIM:
            raise ValueError(f"student file {path} holds vectors of shape {self.vectors.shape}")
        tokenizer: Any = Tokenizer.from_file(str(tokenizer_file))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_LENGTH)
        self._tokenizer = tokenizer
        self._cls, self._sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
        try:  # special tokens written in the text ("[SEP]") are matched as they are, before normalising
            self._added = tuple(t.content for t in tokenizer.get_added_tokens_decoder().values())
        except AttributeError:  # an older tokenizers
            self._added = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
        self._pieces: dict[str, list[int]] = {}  # word -> its WordPiece ids (the fast path's cache)
        self._pieces_lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        ids = self.token_ids(texts)
        return self.vectors_of(ids), ids

    def token_ids(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Each text's WordPiece ids, as the tokenizer gives them ([CLS] and [SEP] included, truncated to 128).

        Plain ASCII text takes a fast path (about a third of the tokenizer's time): lower-cased and split into
        words as the tokenizer's normaliser and pre-tokenizer do (no accents, control characters or CJK to
        handle there; a text still naming one of the tokenizer's special tokens after lower-casing is left to the
        tokenizer: with the shipped one, whose special tokens are upper case, none does), each word's
        pieces looked up in a cache the tokenizer fills (word by word, as it would split the whole text), then
        [CLS] + pieces + [SEP] truncated as the tokenizer truncates. Any other text goes to the tokenizer
        itself. tests/text_model/test_student.py checks that both give the same ids. Texts are first read as the
        encoder reads them (`embedder.model_text`: quotes straightened)."""
        texts = [model_text(t) for t in texts]
        out: list[np.ndarray] = [_NO_IDS] * len(texts)
        words_of: list[tuple[int, list[str]]] = []
        slow: list[int] = []
        for i, text in enumerate(texts):
            if text.isascii() and _PLAIN.fullmatch(text) and not ("[" in text and any(t in text for t in self._added)):
                words_of.append((i, _WORDS.findall(text)))  # model_text has lower-cased it
            else:
                slow.append(i)
        body = MAX_LENGTH - 2
        chain = itertools.chain.from_iterable
        with self._pieces_lock:  # one batch at a time may fill (or empty) the cache
            pieces = self._pieces
            every = set(chain(words for _, words in words_of))  # distinct words, gathered in C
            new = [w for w in every if w not in pieces]
            if new and len(pieces) + len(new) > WORD_CACHE_SIZE:
                pieces.clear()
                new = list(every)
            if new:
                for word, enc in zip(new, self._tokenizer.encode_batch(new, add_special_tokens=False), strict=True):
                    pieces[word] = enc.ids
            for i, words in words_of:
                row = [self._cls, *chain(map(pieces.__getitem__, words))]
                if len(row) > body + 1:
                    del row[body + 1 :]
                row.append(self._sep)
                out[i] = np.array(row, dtype=np.int32)
        if slow:
            for i, enc in zip(slow, self._tokenizer.encode_batch([texts[i] for i in slow]), strict=True):
                out[i] = np.array(enc.ids, dtype=np.int32)
        return out

    def vectors_of(self, ids: Sequence[np.ndarray]) -> np.ndarray:
        """Mean of each id list's token vectors (plus, with a bigram table, the projected mean of its hashed
        token-pair vectors), L2-normalised, then the residual layer when there is one.

        Rows go `_BLOCK` at a time, longest first, as a padded (rows, length) id matrix: one gather-add per token
        position over the rows still that long (no (tokens, 384) temporary, no per-row Python)."""
        n = len(ids)
        out = np.zeros((n, DIM), dtype=np.float32)
        if not n:
            return out
        lengths = np.fromiter(map(len, ids), dtype=np.int64, count=n)
        order = np.argsort(-lengths, kind="stable")
        flat = np.concatenate([*ids, np.zeros(0, np.int64)]).astype(np.int64, copy=False)  # every row's ids, in turn
        offsets = np.cumsum(lengths) - lengths
        pairs = None if self.bigrams is None else np.zeros((n, self.bigrams[0].shape[1]), dtype=np.float32)
        for start in range(0, n, _BLOCK):
            rows = order[start : start + _BLOCK]
            size = lengths[rows]  # non-increasing
            if not size[0]:
                break
            padded = _padded(flat, offsets[rows], size)
            sums = _sequential_sums(self.vectors, padded, size)
            nonempty = size > 0
            if pairs is not None and self.bigrams is not None:
                sums[nonempty] /= size[nonempty, None]
                pair_sums = _sequential_sums(
                    self.bigrams[0], bigram_ids(padded[:, :-1], padded[:, 1:], self.bigram_bits), size - 1
                )
                has = size > 1
                pair_sums[has] /= (size[has] - 1)[:, None]
                pairs[rows] = pair_sums
            out[rows] = sums
        if pairs is not None and self.bigrams is not None:
            out += pairs @ self.bigrams[1].T  # one product for all rows: small products pay BLAS's start-up each
        out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
        if len(self.mlp) == 4:
            w1, b1, w2, b2 = self.mlp
            out += np.maximum(out @ w1.T + b1, 0.0) @ w2.T + b2
            out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
        return out


def _padded(flat: np.ndarray, offsets: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """(rows, longest) matrix of the id lists flat[offsets[i] : offsets[i] + lengths[i]], 0 after each: one
    gather for the whole block (a copy per row cost a Python step per unit)."""
    position = np.arange(int(lengths.max(initial=0)))
    inside = position < lengths[:, None]
    padded = np.zeros(inside.shape, dtype=np.int64)
    padded[inside] = flat[(offsets[:, None] + position)[inside]]
    return padded


def _sequential_sums(table: np.ndarray, padded: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Per row of `padded` (ids, rows sorted by non-increasing `lengths`), the float32 sum of the `table` rows of
    its first lengths[i] ids, added in order: one gather and one add per position, over the rows that long."""
    acc = np.zeros((len(padded), table.shape[1]), dtype=np.float32)
    step = np.empty((len(padded), table.shape[1]), dtype=table.dtype)
    # rows at least j + 1 long: a prefix, as the rows are sorted
    still = np.searchsorted(-lengths, -np.arange(1, int(lengths.max(initial=0)) + 1), side="right")
    for j, active in enumerate(still.tolist()):
        if not active:
            break
        np.take(table, padded[:active, j], axis=0, out=step[:active])
        acc[:active] += step[:active]
    return acc


def bigram_ids(first: np.ndarray, second: np.ndarray, bits: int) -> np.ndarray:
    """Row of the bigram table for each token pair (first[i], second[i]): a multiplicative hash to `bits` bits."""
    key = first.astype(np.uint64) * np.uint64(VOCAB_SIZE) + second.astype(np.uint64)
    hashed: np.ndarray = ((key * np.uint64(2654435761)) & np.uint64(0xFFFFFFFF)) >> np.uint64(32 - bits)
    return hashed.astype(np.int64)


class BulkReader:
    """Student first, encoder where unsure: unit vectors by the student (`read`), the encoder's for the rows the
    caller finds unsure (`reread`, see `needs_encoder`); an LRU cache of both, keyed by unit text, and the encoder's
    vectors also by WordPiece ids (the tokenizer lower-cases, so "Lol." and "lol." are one encoder call)."""

    def __init__(
        self, student: Student, embedder: Embedder | None, margins: dict[str, float], *, cache_size: int = CACHE_SIZE
    ) -> None:
        """`margins`: per head name, the unsure margin in calibrated-logit units ("*": any other head).
        `embedder`: the full encoder, or None to keep the student's vectors everywhere (measurement)."""
        self.student = student
        self.embedder = embedder
        self.margins = margins
        self.cache_size = cache_size
        self._cache: OrderedDict[str, tuple[np.ndarray, np.ndarray, bool]] = OrderedDict()  # (vector, ids, by encoder)
        self._by_ids: OrderedDict[bytes, np.ndarray] = OrderedDict()  # the encoder's vectors by WordPiece ids
        self._lock = threading.Lock()
        #: units read by the student; units read by the encoder, all and those a safety head asked for
        self.stats = {"units": 0, "encoder": 0, "encoder_safety": 0}

    def margin(self, names: Sequence[str]) -> np.ndarray:
        return np.array([self.margins.get(n, self.margins.get("*", 1.0)) for n in names], dtype=np.float32)

    def read(self, units: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray], np.ndarray]:
        """Vectors, WordPiece ids and `exact` flags (read by the encoder, from the cache) of distinct `units`:
        the student's vector where the encoder has not read the unit."""
        out = np.zeros((len(units), DIM), dtype=np.float32)
        ids: list[np.ndarray] = [_NO_IDS] * len(units)
        exact = np.zeros(len(units), dtype=bool)
        fresh = []
        with self._lock:
            for i, unit in enumerate(units):
                hit = self._cache.get(unit)
                if hit is None:
                    fresh.append(i)
                else:
                    self._cache.move_to_end(unit)
                    out[i], ids[i], exact[i] = hit
        if fresh:
            vectors, token_ids = self.student.encode([units[i] for i in fresh])
            known = np.zeros(len(fresh), dtype=bool)
            with self._lock:
                self.stats["units"] += len(fresh)
                if self._by_ids:  # a unit the encoder read under another spelling ("Lol." for "lol.")
                    for k, tok in enumerate(token_ids):
                        vec = self._by_ids.get(tok.tobytes())
                        if vec is not None:
                            vectors[k], known[k] = vec, True
                rows = np.array(fresh, dtype=np.int64)
                out[rows], exact[rows] = vectors, known
                for i, tok in zip(fresh, token_ids, strict=True):
                    ids[i] = tok
                self._remember_all([units[i] for i in fresh], vectors, token_ids, known.tolist())
        return out, ids, exact

    def reread(self, units: Sequence[str], ids: Sequence[np.ndarray], rows: np.ndarray) -> np.ndarray:
        """The encoder's vectors of `units[rows]` (one run per distinct id list), kept in the cache."""
        if self.embedder is None or not len(rows):
            return np.zeros((len(rows), DIM), dtype=np.float32)
        keys = [ids[int(r)].tobytes() for r in rows]
        distinct = list(dict.fromkeys(keys))
        by_key = dict(zip(distinct, self.embedder.encode_ids([np.frombuffer(k, dtype=np.int32) for k in distinct]),
                          strict=True))
        out = np.stack([by_key[k] for k in keys])
        with self._lock:
            self.stats["encoder"] += len(distinct)
            for r, key, vec in zip(rows, keys, out, strict=True):
                self._remember(units[int(r)], vec, ids[int(r)], True)
                if self.cache_size:
                    self._by_ids[key] = vec
                    self._by_ids.move_to_end(key)
                    if len(self._by_ids) > self.cache_size:
                        self._by_ids.popitem(last=False)
        return out

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()
            self._by_ids.clear()

    def _remember_all(
        self, units: list[str], vectors: np.ndarray, ids: list[np.ndarray], exact: list[bool]
    ) -> None:
        """`_remember` for many units not in the cache, in order: one update, then the oldest dropped."""
        if not self.cache_size:
            return
        cache = self._cache
        for unit in units:  # rare: a unit another thread has put in since `read` looked
            if unit in cache:
                cache.move_to_end(unit)
        cache.update(zip(units, zip(vectors, ids, exact, strict=True), strict=True))
        while len(cache) > self.cache_size:
            cache.popitem(last=False)

    def _remember(self, unit: str, vector: np.ndarray, ids: np.ndarray, exact: bool) -> None:
        if self.cache_size:
            self._cache[unit] = (vector, ids, exact)
            self._cache.move_to_end(unit)
            if len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)


def needs_encoder(
    z: np.ndarray,
    threshold: np.ndarray,
    margin: np.ndarray,
    *,
    one_sided: bool,
    exact: np.ndarray,
    owner: np.ndarray,
    relevant: np.ndarray,
    readable: np.ndarray | None = None,
    first: bool = False,
    whole: np.ndarray | None = None,
) -> np.ndarray:
    """Which rows the encoder must read so that every relevant (message, head) decision is the encoder's.

    A message has a head's kind when any of its units (the message and its sentences) scores at least the
    threshold, so a decision is open only while no unit is surely above it and some unit is unsure:
      z: (rows, H) calibrated logits (the student's, or the encoder's on `exact` rows); threshold (H,) as logits;
      margin (H,): a student logit within the margin of the threshold is unsure; `one_sided` (safety): above
        threshold - margin is unsure, and only the encoder's reading is sure to be above (the student may never
        lower a safety reading, nor settle one);
      owner: (rows,) the message of each row, in non-decreasing order; relevant: (messages, H) the decisions that
        can change what the caller reports (not those the patterns already made); readable: (rows, H) the heads
        that read each row (None: all).
    `first`: of an open decision that some unit's student reading puts above threshold, ask only for that
    unit (the one most likely above): if the encoder agrees, the others need not be read (call again after).
    `whole`: (messages, H) relevant decisions whose every unsure unit the encoder must read, settled or not, in
    the first call too: where the caller reports the span of the unit that scores highest and that span can
    change the kinds (see `openup.text.model.bulk_signals`).
    """
    rows = len(z)
    if not rows:
        return np.zeros(0, dtype=bool)
    loose = ~exact[:, None]
    unsure = loose & ((z > threshold - margin) if one_sided else (np.abs(z - threshold) < margin))
    above = exact[:, None] & (z >= threshold)
    if not one_sided:
        above |= loose & (z >= threshold + margin)
    if readable is not None:
        unsure &= readable
        above &= readable
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    group = np.cumsum(np.r_[False, owner[1:] != owner[:-1]])  # row -> index into starts
    settled = np.logical_or.reduceat(above, starts, axis=0)
    need = unsure & relevant[owner[starts]][group] & ~settled[group]
    if first and need.any():
        likely = need & (z >= threshold)
        score = np.where(likely, z, -np.inf)
        best = np.maximum.reduceat(score, starts, axis=0)
        has_likely = np.isfinite(best)
        pick = likely & (score == best[group])
        need = np.where(has_likely[group], pick, need)
    if whole is not None:
        need |= unsure & (whole & relevant)[owner[starts]][group]
    out: np.ndarray = need.any(axis=1)
    return out
