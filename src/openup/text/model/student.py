"""The bulk reader: a static-embedding student of the encoder, with the encoder only where it is unsure.

`student.npz` (scripts/distill_student.py) holds one 384-d vector per WordPiece token, fitted so that the
mean of a text's token vectors, L2-normalised, lands where the shipped encoder puts that text: the heads
read it unchanged. It costs a tokenizer pass and a gather-mean (tens of thousands of texts a second on one
core) where the encoder costs about a millisecond a text.

`BulkReader.encode()` reads every unit with the student, scores the heads that decide what `detect_many`
reports (the merged signal heads, the heads that override them, every safety head) and sends to the full
encoder each unit where any of them is unsure:
  - a signal head whose calibrated logit lies within that head's margin of its threshold;
  - a safety head whose logit is above its threshold less a wide margin (the student may never lower a
    safety reading: whatever it would flag, or nearly flag, the encoder reads again).
The margins are quantiles of the student's logit error on held-out units, stored in the file. Only analysis
uses this reader; `check`, `reply` and `openup.detect` keep the full encoder.
Run time: numpy and tokenizers only (never torch).
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from openup.text.model.embedder import DIM, MAX_LENGTH, TOKENIZER_FILE, Embedder
from openup.text.model.heads import Heads

STUDENT_FILE = Path(__file__).resolve().parent / "student.npz"
CACHE_SIZE = 16384  # units: a chunk of analysis texts and its sentences, read twice (safety, signals)
_BLOCK = 2048  # units gathered at once (bounds the (tokens, 384) temporary to a few tens of MB)


def _logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(p.astype(np.float64), 1e-7, 1 - 1e-7)
    out: np.ndarray = np.log(q / (1 - q)).astype(np.float32)
    return out


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
        if self.vectors.ndim != 2 or self.vectors.shape[1] != DIM:
            raise ValueError(f"student file {path} holds vectors of shape {self.vectors.shape}")
        tokenizer: Any = Tokenizer.from_file(str(tokenizer_file))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_LENGTH)
        self._tokenizer = tokenizer

    def encode(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        ids = [np.array(e.ids, dtype=np.int32) for e in self._tokenizer.encode_batch(list(texts))]
        return self.vectors_of(ids), ids

    def vectors_of(self, ids: Sequence[np.ndarray]) -> np.ndarray:
        """Mean of each id list's token vectors, L2-normalised (then the residual layer, when there is one)."""
        out = np.zeros((len(ids), DIM), dtype=np.float32)
        for start in range(0, len(ids), _BLOCK):
            block = ids[start : start + _BLOCK]
            lengths = np.array([len(x) for x in block])
            nonempty = lengths > 0
            if not nonempty.any():
                continue
            flat = np.concatenate([x for x in block if len(x)])
            offsets = np.concatenate([[0], np.cumsum(lengths[nonempty])[:-1]])
            sums = np.add.reduceat(self.vectors[flat], offsets, axis=0)
            out[start : start + len(block)][nonempty] = sums
        out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
        if len(self.mlp) == 4:
            w1, b1, w2, b2 = self.mlp
            out += np.maximum(out @ w1.T + b1, 0.0) @ w2.T + b2
            out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
        return out


class BulkReader:
    """Student first, encoder where unsure; an LRU cache of unit vectors keyed by text."""

    def __init__(
        self,
        student: Student,
        embedder: Embedder | None,
        checks: Sequence[tuple[Heads, Sequence[int], bool]],
        margins: dict[str, float],
        *,
        cache_size: int = CACHE_SIZE,
    ) -> None:
        """`checks`: (heads, head indices, one_sided) banks whose decisions must agree with the encoder's;
        one-sided banks (safety) are re-read whenever the student scores them above threshold - margin.
        `embedder`: the full encoder, or None to keep the student's vectors everywhere (measurement)."""
        self.student = student
        self.embedder = embedder
        self._checks = []
        for heads, idx, one_sided in checks:
            idx = list(idx)
            if not idx:
                continue
            m = np.array([margins.get(heads.names[j], margins.get("*", 1.0)) for j in idx], dtype=np.float32)
            self._checks.append((heads, idx, _logit(heads.threshold[idx]), m, one_sided))
        self.cache_size = cache_size
        self._cache: OrderedDict[str, tuple[np.ndarray, np.ndarray, bool]] = OrderedDict()  # (vector, ids, by encoder)
        self._lock = threading.Lock()
        self.stats = {"units": 0, "encoder": 0}

    def unsure(
        self, vectors: np.ndarray, ids: Sequence[np.ndarray], heads: Heads | None = None,
        skip: np.ndarray | None = None,
    ) -> np.ndarray:
        """Which rows some checked head cannot settle from these (student) vectors. `heads`: check only that
        bank (all banks when it is not one of them); `skip`: rows whose two-sided heads are not read (units
        the patterns settled: their signal columns are zeroed, whatever the vector)."""
        out = np.zeros(len(vectors), dtype=bool)
        checks = [c for c in self._checks if c[0] is heads] or self._checks
        for bank, idx, thr, margin, one_sided in checks:
            rows = np.arange(len(vectors)) if one_sided or skip is None else np.flatnonzero(~skip)
            if not len(rows):
                continue
            z = bank.platt_a[idx] * bank.logits(vectors[rows], [ids[int(r)] for r in rows])[:, idx] + bank.platt_b[idx]
            near = (z > thr - margin).any(axis=1) if one_sided else (np.abs(z - thr) < margin).any(axis=1)
            out[rows] |= near
        return out

    def encode(
        self, texts: Sequence[str], heads: Heads | None = None, skip: Sequence[bool] | None = None
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Vectors and ids of `texts` for reading with `heads` (see `unsure`): the student's, or the encoder's
        where the student is unsure. A vector read by the encoder is kept; a student vector is checked
        again when other heads read it."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        ids: list[np.ndarray] = [np.zeros(0, dtype=np.int32)] * len(texts)
        todo: dict[str, list[int]] = {}
        cached: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        with self._lock:
            for i, text in enumerate(texts):
                hit = self._cache.get(text)
                if hit is not None and hit[2]:
                    out[i], ids[i] = hit[0], hit[1]
                    continue
                if hit is not None:
                    cached[text] = (hit[0], hit[1])
                todo.setdefault(text, []).append(i)
        if not todo:
            return out, ids
        unique = list(todo)
        fresh = [t for t in unique if t not in cached]
        vectors = np.zeros((len(unique), DIM), dtype=np.float32)
        token_ids: list[np.ndarray] = [np.zeros(0, dtype=np.int32)] * len(unique)
        if fresh:
            fv, fi = self.student.encode(fresh)
            position = {t: k for k, t in enumerate(fresh)}
            for r, t in enumerate(unique):
                if t in position:
                    vectors[r], token_ids[r] = fv[position[t]], fi[position[t]]
        for r, t in enumerate(unique):
            if t in cached:
                vectors[r], token_ids[r] = cached[t]
        full = np.zeros(len(unique), dtype=bool)
        if self.embedder is not None:
            skipped = None if skip is None else np.array([all(skip[i] for i in todo[t]) for t in unique])
            rows = np.flatnonzero(self.unsure(vectors, token_ids, heads, skipped))
            if len(rows):
                vectors[rows] = self.embedder.encode([unique[r] for r in rows])[0]
                full[rows] = True
        with self._lock:
            self.stats["units"] += len(fresh)
            self.stats["encoder"] += int(full.sum())
            for text, vec, tok, by_encoder in zip(unique, vectors, token_ids, full, strict=True):
                for i in todo[text]:
                    out[i] = vec
                    ids[i] = tok
                if self.cache_size:
                    self._cache[text] = (vec, tok, bool(by_encoder))
                    self._cache.move_to_end(text)
                    if len(self._cache) > self.cache_size:
                        self._cache.popitem(last=False)
        return out, ids
