"""Small trained heads over sentence embeddings: logistic regression with Platt calibration (the safety
heads put one small hidden layer before it; the signal heads add one beside it).

All heads live in one `heads.npz` written by scripts/train_heads.py. Run time is numpy only:
probability = sigmoid(platt_a * (w . x + v . bag + b) + platt_b), compared with a per-head threshold chosen
on held-out data. `x` is the sentence embedding; `bag` marks which of a small shared vocabulary of
WordPiece tokens occur in the text (frozen embeddings blur strongly lexical cues such as "thanks").
Heads may also add `token_weights . features`: one weight per WordPiece id and per hashed pair of adjacent
ids (`token_features`), a lexical reader trained beside the embedding heads (the safety heads use it).
Groups: "signal" heads map to Signal kinds; "emotion" heads feed emotion_scores(); "attribute" heads
(politeness) are extra scores for the analysis; "safety" heads (in their own file, safety_heads.npz) map
to the safety kinds and read every sentence, whatever the patterns found; "feeling" heads (feelings.npz)
score the feeling words a reply may name.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from openup.text.model.blas import one_thread
from openup.text.model.embedder import SPECIAL_IDS, VOCAB_SIZE

HEADS_FILE = Path(__file__).resolve().parent / "heads.npz"
SAFETY_HEADS_FILE = Path(__file__).resolve().parent / "safety_heads.npz"  # scripts/train_safety_heads.py
FEELING_HEADS_FILE = Path(__file__).resolve().parent / "feelings.npz"  # scripts/train_feelings.py
GROUPS = ("signal", "emotion", "attribute", "safety", "feeling", "act")
# Up to this many rows (a reply's or a check's units) the heads' products run on one BLAS thread (`blas`).
FEW_ROWS = 64


@dataclass(frozen=True)
class Heads:
    """A bank of calibrated linear heads; `probabilities(x)` gives an (n, H) array in [0, 1]."""

    names: tuple[str, ...]
    groups: tuple[str, ...]
    weights: np.ndarray  # (H, D)
    bias: np.ndarray  # (H,)
    platt_a: np.ndarray  # (H,)
    platt_b: np.ndarray  # (H,)
    threshold: np.ndarray  # (H,)
    meta: dict[str, Any]
    vocab: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))  # (K,) WordPiece ids
    vocab_weights: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))  # (H, K)
    # An optional hidden layer: relu(x . hidden_weights^T + hidden_bias). Without `hidden_out` it feeds `weights`
    # (the safety heads: `weights` is (H, M)); with it, `weights` reads x as usual and `hidden_out` adds each
    # head's reading of the hidden layer (the signal heads: a small network beside the linear heads,
    # scripts/train_signal_network.py; the other heads have zero rows there).
    hidden_out: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))  # (H, M)
    hidden_weights: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))  # (M, D)
    hidden_bias: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))  # (M,)
    # Optional token features (`token_features` with `token_bits`): (H, VOCAB_SIZE + 2**token_bits) weights.
    token_weights: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    token_bits: int = 0

    def __post_init__(self) -> None:
        h = len(self.names)
        if len(self.groups) != h or self.weights.shape[0] != h:
            raise ValueError(f"heads file is inconsistent: {h} names, weights {self.weights.shape}")
        for arr in (self.bias, self.platt_a, self.platt_b, self.threshold):
            if arr.shape != (h,):
                raise ValueError(f"heads file is inconsistent: expected ({h},), got {arr.shape}")
        if len(self.hidden_bias) and (
            self.hidden_weights.shape[0] != len(self.hidden_bias)
            or (not self.hidden_out.size and self.weights.shape[1] != len(self.hidden_bias))
        ):
            raise ValueError(f"heads file is inconsistent: hidden layer {self.hidden_weights.shape}")
        if self.hidden_out.size and (
            self.hidden_out.shape != (h, len(self.hidden_bias)) or self.weights.shape[1] != self.hidden_weights.shape[1]
        ):
            raise ValueError(f"heads file is inconsistent: hidden layer's outputs {self.hidden_out.shape}")
        if len(self.vocab) and self.vocab_weights.shape != (h, len(self.vocab)):
            raise ValueError(f"heads file is inconsistent: vocab weights {self.vocab_weights.shape}")
        if self.token_weights.size and self.token_weights.shape != (h, token_columns(self.token_bits)):
            raise ValueError(f"heads file is inconsistent: token weights {self.token_weights.shape}")
        bad = set(self.groups) - set(GROUPS)
        if bad:
            raise ValueError(f"unknown head group(s) {sorted(bad)}; expected one of {GROUPS}")

    def index(self, name: str) -> int:
        return self.names.index(name)

    def in_group(self, group: str) -> list[int]:
        return [i for i, g in enumerate(self.groups) if g == group]

    def bag(self, token_ids: Sequence[np.ndarray]) -> np.ndarray:
        """(n, K) 0/1 matrix: which vocabulary tokens occur in each text."""
        return bag_of_tokens(token_ids, self.vocab)

    def logits(self, x: np.ndarray, token_ids: Sequence[np.ndarray] | None = None) -> np.ndarray:
        if len(x) > FEW_ROWS:  # a batch (training, `analyze`): BLAS threads pay for themselves
            return self._logits(x, token_ids)
        with one_thread():  # a message's few units: waking BLAS threads costs more than the work (`blas`)
            return self._logits(x, token_ids)

    def _logits(self, x: np.ndarray, token_ids: Sequence[np.ndarray] | None) -> np.ndarray:
        x = x.astype(np.float32)
        if len(self.hidden_bias):
            hidden = np.maximum(x @ self._hidden_t + self.hidden_bias, 0.0)
            if self.hidden_out.size:
                raw: np.ndarray = x @ self._weights_t + hidden @ self._hidden_out_t + self.bias
            else:
                raw = hidden @ self._weights_t + self.bias
        else:
            raw = x @ self._weights_t + self.bias
        if len(self.vocab) or self.token_weights.size:
            if token_ids is None or len(token_ids) != len(x):
                raise ValueError("these heads use token features: pass the texts' token ids")
            if len(self.vocab):
                raw = raw + self.bag(token_ids) @ self._vocab_t
            if self.token_weights.size and len(self._token_heads):
                # only the heads that read word pieces (the act heads of `feelings.npz`; every safety head)
                raw[:, self._token_heads] += token_logits(token_ids, self._token_columns, self.token_bits)
        return raw

    # The layers as contiguous (in, out) matrices: a product with a transposed view took 7 to 100 times as long
    # for a few rows (2.8 ms instead of 0.4 for the safety heads' hidden layer, far more with BLAS threads on
    # busy cores), and `check` reads a few rows at a time.
    @functools.cached_property
    def _hidden_t(self) -> np.ndarray:
        return np.ascontiguousarray(self.hidden_weights.T, dtype=np.float32)

    @functools.cached_property
    def _hidden_out_t(self) -> np.ndarray:
        return np.ascontiguousarray(self.hidden_out.T, dtype=np.float32)

    @functools.cached_property
    def _weights_t(self) -> np.ndarray:
        return np.ascontiguousarray(self.weights.T, dtype=np.float32)

    @functools.cached_property
    def _vocab_t(self) -> np.ndarray:
        return np.ascontiguousarray(self.vocab_weights.T, dtype=np.float32)

    @functools.cached_property
    def _token_heads(self) -> np.ndarray:
        """The heads with any token weight (a bank may give token weights to some heads only)."""
        return np.flatnonzero(np.any(self.token_weights != 0, axis=1))

    @functools.cached_property
    def _token_columns(self) -> np.ndarray:
        """`token_weights` of `_token_heads` as (columns, heads), contiguous: a feature's weights in one row."""
        return np.ascontiguousarray(self.token_weights[self._token_heads].T)

    def probabilities(self, x: np.ndarray, token_ids: Sequence[np.ndarray] | None = None) -> np.ndarray:
        """Calibrated probabilities, shape (n, H)."""
        z = self.platt_a * self.logits(x, token_ids) + self.platt_b
        p: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))
        return p

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            names=np.array(self.names),
            groups=np.array(self.groups),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            platt_a=self.platt_a.astype(np.float32),
            platt_b=self.platt_b.astype(np.float32),
            threshold=self.threshold.astype(np.float32),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
            vocab=self.vocab.astype(np.int32),
            vocab_weights=self.vocab_weights.astype(np.float32),
            hidden_weights=self.hidden_weights.astype(np.float32),
            hidden_out=self.hidden_out.astype(np.float32),
            hidden_bias=self.hidden_bias.astype(np.float32),
            token_weights=self.token_weights.astype(np.float16),
            token_bits=np.array(self.token_bits),
        )


def load_heads(path: Path = HEADS_FILE) -> Heads:
    """Read a heads file written by scripts/train_heads.py (no pickles: allow_pickle=False)."""
    with np.load(path, allow_pickle=False) as data:
        return Heads(
            names=tuple(str(s) for s in data["names"]),
            groups=tuple(str(s) for s in data["groups"]),
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float32),
            platt_a=data["platt_a"].astype(np.float32),
            platt_b=data["platt_b"].astype(np.float32),
            threshold=data["threshold"].astype(np.float32),
            meta=json.loads(str(data["meta"])),
            vocab=data["vocab"].astype(np.int32) if "vocab" in data else np.zeros(0, dtype=np.int32),
            vocab_weights=(data["vocab_weights"].astype(np.float32) if "vocab_weights" in data
                           else np.zeros((0, 0), dtype=np.float32)),
            hidden_weights=(data["hidden_weights"].astype(np.float32) if "hidden_weights" in data
                            else np.zeros((0, 0), dtype=np.float32)),
            hidden_bias=(data["hidden_bias"].astype(np.float32) if "hidden_bias" in data
                         else np.zeros(0, dtype=np.float32)),
            hidden_out=(data["hidden_out"].astype(np.float32) if "hidden_out" in data
                        else np.zeros((0, 0), dtype=np.float32)),
            token_weights=(data["token_weights"].astype(np.float32) if "token_weights" in data
                           else np.zeros((0, 0), dtype=np.float32)),
            token_bits=int(data["token_bits"]) if "token_bits" in data else 0,
        )


def bag_of_tokens(token_ids: Sequence[np.ndarray], vocab: np.ndarray) -> np.ndarray:
    """(n, K) float32 0/1 matrix of which `vocab` ids occur in each id list."""
    out = np.zeros((len(token_ids), len(vocab)), dtype=np.float32)
    if not len(vocab):
        return out
    column = np.full(int(vocab.max()) + 1, -1, dtype=np.int64)
    column[vocab] = np.arange(len(vocab))
    if not len(token_ids):
        return out
    flat, rows = _flat_ids(token_ids)
    inside = (flat >= 0) & (flat < len(column))
    cols = column[flat[inside]]
    found = cols >= 0
    out[rows[inside][found], cols[found]] = 1.0
    return out


# Which WordPiece ids are words (`token_features` leaves the special tokens out); ids below VOCAB_SIZE are the
# vocabulary's own columns there, hashed pairs come after.
_IS_WORD = np.ones(VOCAB_SIZE, dtype=bool)
_IS_WORD[sorted(SPECIAL_IDS)] = False


def token_columns(bits: int) -> int:
    """How many token feature columns there are for `bits`-bit pair hashes."""
    return VOCAB_SIZE + (1 << bits)


def token_features(token_ids: Sequence[np.ndarray], bits: int) -> tuple[np.ndarray, np.ndarray]:
    """The token features of each id list as (row, column) pairs, distinct and sorted by row then column:
    every WordPiece id that occurs (column = the id) and every pair of adjacent ids (column = VOCAB_SIZE +
    the pair's `bits`-bit hash, as the student hashes its pairs). Special tokens are left out."""
    from openup.text.model.student import bigram_ids

    if not len(token_ids):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    flat, rows = _flat_ids(token_ids)
    inside = (flat >= 0) & (flat < VOCAB_SIZE)
    inside[inside] = _IS_WORD[flat[inside]]
    flat, rows = flat[inside], rows[inside]
    same = rows[1:] == rows[:-1]
    pairs = VOCAB_SIZE + bigram_ids(flat[:-1][same], flat[1:][same], bits)
    width = token_columns(bits)
    keys = np.concatenate([rows * width + flat, rows[:-1][same] * width + pairs])
    # Sorted, then the first of each run: what np.unique gives (numpy 2's unique hashes first, then sorts what
    # is left), 0.02 s instead of 0.6 s for the 37,500 units of 20,000 GoEmotions messages.
    keys.sort()
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys
    return keys // width, keys % width


def _flat_ids(token_ids: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Every (1-d) id list end to end as int64, and the row each id came from: one concatenation."""
    lengths = np.fromiter(map(len, token_ids), dtype=np.int64, count=len(token_ids))
    flat = np.concatenate([*token_ids, np.zeros(0, np.int64)]).astype(np.int64, copy=False)
    return flat, np.repeat(np.arange(len(token_ids), dtype=np.int64), lengths)


def token_logits(token_ids: Sequence[np.ndarray], columns: np.ndarray, bits: int) -> np.ndarray:
    """(n, H) sum of `columns` (columns, H: each feature's weight per head) over each id list's
    `token_features`."""
    rows, cols = token_features(token_ids, bits)
    return feature_logits(rows, cols, columns, len(token_ids))


def feature_logits(rows: np.ndarray, cols: np.ndarray, columns: np.ndarray, n: int) -> np.ndarray:
    """(n, H) sum of `columns` (columns, H) over the features given as (row, column) pairs, rows in order (as
    `token_features` gives them): what the token weights add to each of `n` texts' logits."""
    out = np.zeros((n, columns.shape[1]), dtype=np.float32)
    if not len(rows):
        return out
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    out[rows[starts]] = np.add.reduceat(columns[cols], starts, axis=0)
    return out
