"""Train the learned tier's heads on sentence embeddings and write src/openup/text/model/heads.npz.

Reproducible (fixed seeds, deterministic numpy solvers) and numpy-only: run it in the project venv::

    .venv/bin/python scripts/train_heads.py            # data from ../shared/data or $OPENUP_DATA
    .venv/bin/python scripts/train_signal_network.py   # a network beside the signal heads (tried, not shipped)

To judge a held-back file on the blind coaching dev set, train without that set and score `detect()` on it::

    .venv/bin/python scripts/train_heads.py --no-blind-dev --extra F --out /tmp/h.npz
    .venv/bin/python scripts/train_signal_network.py --no-blind-dev --extra F --heads /tmp/h.npz

Data allowed for shipped weights only (see shared/data/SOURCES.md):
  - GoEmotions train (fit), dev (calibrate + threshold), test (report)      Apache-2.0
  - Stanford Politeness, Wikipedia + Stack Exchange requests                CC BY 4.0
  - our own couple-style messages in src/openup/text/model/train_data/      written by the openup developers
  - with --extra, files of train_data/held_back/ (real lines from permissive sets labelled by us; see its README)
Never swda, esconv, unhealthy-conversations or positive-frames: those are evaluation-only.

The embeddings come from the shipped int8 encoder, which scripts/finetune_encoder.py fine-tuned on the train
splits of the same data (never the dev and test splits used here to calibrate and report).
Each head is L2-regularised logistic regression (Newton-CG) on the shipped int8 embeddings plus a bag of
the most frequent WordPiece tokens, Platt-scaled on held-out data (the dev split, or 5-fold out-of-fold
scores where positives are few). The cut-off maximises F1 there; for the Signal heads other than
appreciation it maximises F0.5 on our own messages only, since GoEmotions labels are only a proxy for
them and a false flag on a kind message costs more than a miss. Test-split numbers are printed and
stored in the file's metadata, with each Signal head's effect when merged into `detect()` on our own
held-out messages (`merged_kinds()` reads it).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from openup.commands.progress import progress_bar  # noqa: E402
from openup.text.model.embedder import MODEL_FILE, SPECIAL_IDS, Embedder, model_text  # noqa: E402
from openup.text.model.heads import HEADS_FILE, Heads, bag_of_tokens, feature_logits  # noqa: E402

TRAIN_DATA = ROOT / "src" / "openup" / "text" / "model" / "train_data"
# The blind coaching set's dev half (looked at, tuned on) trains the heads too; its test half never does.
BLIND_DEV = [ROOT / "tests" / "data" / "blind" / "coaching.dev.jsonl"]
SEED = 20240607
OWN_WEIGHT = 10.0  # our in-domain messages are few; each counts as several Reddit comments
L2_GRID = (0.3, 1.0, 3.0)
CV_FOLDS = 5
# Heads whose cut-off is chosen on our own messages maximise F-beta with this beta there (precision first).
OWN_BETA = 0.5
VOCAB_SIZE = 1500  # shared WordPiece vocabulary for bag-of-tokens features (4000 did no better on held-out data)

GOEMO_LABELS = [
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion", "curiosity", "desire",
    "disappointment", "disapproval", "disgust", "embarrassment", "excitement", "fear", "gratitude", "grief",
    "joy", "love", "nervousness", "optimism", "pride", "realization", "relief", "remorse", "sadness",
    "surprise", "neutral",
]

# Emotion families exposed by emotion_scores(): GoEmotions labels pooled per family.
EMOTIONS: dict[str, set[str]] = {
    "gratitude": {"gratitude"},
    "joy": {"joy", "excitement", "amusement"},
    "love": {"love", "caring"},
    "sadness": {"sadness", "grief", "disappointment"},
    "anger": {"anger", "annoyance", "disgust"},
    "fear": {"fear", "nervousness"},
    "remorse": {"remorse", "embarrassment"},
}

HOSTILE = {"anger", "annoyance", "disapproval", "disgust"}
SUPPORTIVE = {"approval", "caring", "realization"}
VULNERABLE = {"sadness", "fear", "nervousness", "grief", "remorse", "embarrassment", "disappointment"}


@dataclass
class SignalHeadSpec:
    """A Signal-kind head: positives from our messages (and optionally GoEmotions labels).

    `goemo_positive` with `goemo_addressed`: GoEmotions comments with one of these emotions that speak
    to the reader ("you", "your", "u") count as positives: a Reddit reply angry *at someone* is close to
    criticism of a partner, an angry comment about the world is not. Those comments are weak labels,
    so the head's cut-off is chosen on our own held-out messages only (`own_threshold`).
    """

    name: str
    goemo_positive: set[str] = field(default_factory=set)
    goemo_exclude: set[str] = field(default_factory=set)  # ambiguous for this head: neither pos nor neg
    goemo_negatives: int = 6000  # train-split negatives sampled from GoEmotions (dev/test: a quarter)
    goemo_addressed: bool = False
    own_threshold: bool = True
    complete_only: bool = False  # train on fully labelled lines only (`Item.complete`)


ADDRESSED = re.compile(r"\b(?:you|your|you're|youre|yours|yourself|u|ur)\b", re.IGNORECASE)

SIGNAL_HEADS = [
    SignalHeadSpec("appreciation", goemo_positive={"gratitude"}, goemo_exclude={"admiration", "love"},
                   goemo_negatives=0, own_threshold=False),
    SignalHeadSpec("criticism", goemo_positive={"anger", "annoyance", "disgust"}, goemo_addressed=True,
                   goemo_exclude=HOSTILE),
    SignalHeadSpec("contempt", goemo_exclude=HOSTILE | {"amusement"}),
    SignalHeadSpec("dismissal", goemo_positive={"disapproval", "annoyance"}, goemo_addressed=True,
                   goemo_exclude=HOSTILE, goemo_negatives=12000),
    SignalHeadSpec("pressure", goemo_exclude=HOSTILE | {"curiosity", "confusion"}),
    SignalHeadSpec("leverage", goemo_exclude=HOSTILE),
    SignalHeadSpec("defensiveness", goemo_exclude=HOSTILE | {"remorse"}),
    SignalHeadSpec("advice", goemo_exclude=SUPPORTIVE | {"caring"}),
    SignalHeadSpec("minimizing", goemo_exclude=SUPPORTIVE | {"caring", "optimism"}),
    SignalHeadSpec("validation", goemo_exclude=SUPPORTIVE),
    SignalHeadSpec("reflection", goemo_exclude=SUPPORTIVE | {"curiosity"}),
    SignalHeadSpec("self_disclosure", goemo_exclude=VULNERABLE | {"joy", "pride", "relief"}),
    # Kinds that older single-kind files never labelled (a question in a contempt file is a question all
    # the same): read from fully labelled lines only, with no GoEmotions comments (unlabelled questions).
    *(SignalHeadSpec(name, goemo_negatives=0, complete_only=True) for name in (
        "thought_question", "concrete_question", "feeling_question", "generic_question", "open_question",
        "closed_question", "apology", "i_statement")),
]


@dataclass
class Item:
    text: str
    split: str  # train / dev / test
    source: str  # goemotions / politeness / own
    labels: frozenset[str]
    score: float = 0.0  # politeness score
    # Its writer labelled every kind in it, questions included (see `fully_labelled`); heads of kinds that
    # older single-kind files left unlabelled train on these lines only.
    complete: bool = False


# ----------------------------------------------------------------------------------------------- data


def data_dir(arg: Path | None) -> Path:
    for cand in (arg, os.environ.get("OPENUP_DATA"), ROOT.parent / "shared" / "data", Path("/work/shared/data")):
        if cand and (Path(cand) / "goemotions" / "train.tsv").is_file():
            return Path(cand)
    raise SystemExit("cannot find the data folder (goemotions/train.tsv); pass --data or set OPENUP_DATA")


def load_goemotions(root: Path) -> list[Item]:
    items = []
    for split in ("train", "dev", "test"):
        with open(root / "goemotions" / f"{split}.tsv", encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2:
                    continue
                labels = frozenset(GOEMO_LABELS[int(i)] for i in parts[1].split(",") if i)
                items.append(Item(parts[0], split, "goemotions", labels))
    return items


def load_politeness(root: Path) -> list[Item]:
    """Top vs bottom quartile of the normalised politeness score, per community (as in the paper)."""
    items: list[Item] = []
    rng = random.Random(SEED)
    for name in ("wikipedia", "stack-exchange"):
        with open(root / "stanford-politeness" / f"{name}.annotated.csv", encoding="utf-8") as fh:
            rows = [(r["Request"], float(r["Normalized Score"])) for r in csv.DictReader(fh)]
        scores = np.array([s for _, s in rows])
        lo, hi = np.quantile(scores, 0.25), np.quantile(scores, 0.75)
        for text, s in rows:
            if lo < s < hi:
                continue
            u = rng.random()
            split = "train" if u < 0.7 else "dev" if u < 0.85 else "test"
            items.append(Item(text, split, "politeness", frozenset({"polite"} if s >= hi else set()), s))
    return items


def _dedup_key(text: str) -> str:
    """Lower-cased words only, so "what is WRONG with you?!" and "what is wrong with you" are one line."""
    words = re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))
    return " ".join(words) or text.strip()


def evaluation_keys() -> set[str]:
    """The messages of openup's own evaluation suites (tests/data) and of the blind test halves: never
    trained on (the blind test texts are matched here, never read or shown)."""
    keys: set[str] = set()
    data = ROOT / "tests" / "data"
    for path in [*sorted(data.glob("*.jsonl")), *sorted((data / "blind").glob("*.test.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                keys.add(_dedup_key(json.loads(line)["text"]))
    return keys


QUESTION_LABELS = frozenset({"open_question", "closed_question"})


def fully_labelled(path: Path, least: int = 5, share: float = 0.6) -> bool:
    """Whether a file's writers labelled every kind in a line, not only the kind they aimed at: at least
    `share` of its (at least `least`) lines with a question mark carry a question label."""
    asked = labelled = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if "?" in row["text"]:
                asked += 1
                labelled += bool(QUESTION_LABELS & set(row.get("labels") or row.get("kinds") or []))
    return asked >= least and labelled >= share * asked


def load_own(folder: Path, blind_dev: bool = True, extra: Iterable[Path] = ()) -> list[Item]:
    """Our messages; a 60/20/20 split within each file (each file holds one kind's positives), seeded
    per file so adding a file leaves the others' splits alone. A line that repeats an earlier one (up to
    case and punctuation) or a message of the evaluation suites is left out. `extra`: more files in the
    same format (a held-back file being judged)."""
    items: list[Item] = []
    seen = evaluation_keys()
    for path in [*sorted(folder.glob("*.jsonl")), *extra, *(BLIND_DEV if blind_dev else [])]:
        rng = random.Random(f"{SEED}:{path.name}")
        complete = fully_labelled(path)
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                key = _dedup_key(row["text"])
                if key not in seen:
                    seen.add(key)
                    rows.append(row)
        rng.shuffle(rows)
        n = len(rows)
        for i, row in enumerate(rows):
            split = "train" if i < 0.6 * n else "dev" if i < 0.8 * n else "test"
            labels = row["labels"] if "labels" in row else row.get("kinds") or []
            items.append(Item(row["text"], split, "own", frozenset(labels), complete=complete))
    return items


# ------------------------------------------------------------------------------------------ embedding


def embed_all(texts: list[str], cache_dir: Path) -> dict[str, np.ndarray]:
    """Embeddings with the shipped int8 model, each text run alone as at run time, cached on disk per
    model-file hash and keyed by the text as the model reads it (`embedder.model_text`: "Don\u2019t" and
    "don't" read as one text, so the cache holds each reading once)."""
    digest = hashlib.sha256(MODEL_FILE.read_bytes()).hexdigest()[:16]
    cache_dir.mkdir(parents=True, exist_ok=True)
    cache = cache_dir / f"embeddings-read-{digest}.npz"
    known: dict[str, np.ndarray] = {}
    if cache.is_file():
        with np.load(cache, allow_pickle=False) as data:
            known = dict(zip((str(t) for t in data["texts"]), data["vectors"], strict=True))
    reads = {t: model_text(t) for t in texts}
    missing = sorted({r for r in reads.values() if r not in known})
    if missing:
        print(f"embedding {len(missing)} texts (cache: {len(known)}) ...", flush=True)
        t0 = time.perf_counter()
        emb = Embedder(cache_size=0)
        with progress_bar() as bar:  # on a terminal; a log gets the lines below instead
            bar.stage("Embedding", total=len(missing), unit="texts")
            for start in range(0, len(missing), 2048):
                chunk = missing[start : start + 2048]
                for text, vec in zip(chunk, emb.embed(chunk), strict=True):
                    known[text] = vec
                done = min(start + 2048, len(missing))
                bar.update(done)
                if not bar.active:
                    print(f"  {done}/{len(missing)}  {time.perf_counter() - t0:.0f}s", flush=True)
        keys = sorted(known)
        np.savez(cache, texts=np.array(keys), vectors=np.stack([known[k] for k in keys]))
    return {t: known[r] for t, r in reads.items()}


def token_bags(texts: list[str], train_texts: set[str]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The VOCAB_SIZE WordPiece ids found in most training texts, and each text's 0/1 bag over them."""
    ids = Embedder(cache_size=0).token_ids(texts)
    df: dict[int, int] = {}
    for text, tok in zip(texts, ids, strict=True):
        if text in train_texts:
            for t in set(tok.tolist()) - SPECIAL_IDS:
                df[t] = df.get(t, 0) + 1
    vocab = np.array(sorted(sorted(df, key=lambda t: (-df[t], t))[:VOCAB_SIZE]), dtype=np.int32)
    matrix = bag_of_tokens(ids, vocab)
    return vocab, dict(zip(texts, matrix, strict=True))


# ------------------------------------------------------------------------------------------- learning


def fit_logreg(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float,
               iters: int = 15, cg_iters: int = 40) -> tuple[np.ndarray, float]:
    """Weighted L2 logistic regression by Newton-CG (deterministic; the bias is not penalised)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1), dtype=np.float32)]).astype(np.float32)
    theta = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 0.0
    for _ in range(iters):
        # float32 products: casting theta (not xb) keeps each product one pass over a float32 matrix.
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ theta.astype(np.float32), -35, 35)))
        grad = (xb.T @ (w * (p - y)).astype(np.float32)).astype(np.float64) + reg * theta
        if np.linalg.norm(grad) < 1e-5 * max(1.0, float(w.sum())) ** 0.5:
            break
        s = (w * p * (1 - p)).astype(np.float32)

        def hess_vec(v: np.ndarray, s: np.ndarray = s) -> np.ndarray:
            xv = xb @ v.astype(np.float32)
            out: np.ndarray = (xb.T @ (s * xv)).astype(np.float64) + reg * v + 1e-6 * v
            return out

        theta -= _conjugate_gradient(hess_vec, grad, cg_iters)
    return theta[:-1].astype(np.float32), float(theta[-1])


@dataclass(frozen=True)
class TokenDesign:
    """Texts as the design [x | scale * token features | 1]: the sentence vectors `x` (n, d) and each text's
    token features (`heads.token_features`) as (row, column) pairs over `columns` columns, every one worth
    `scale`. Its products run without ever making the (n, d + columns) matrix."""

    x: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    columns: int
    scale: float

    @property
    def width(self) -> int:
        return self.x.shape[1] + self.columns + 1

    def subset(self, keep: np.ndarray) -> TokenDesign:
        """The design of the texts where `keep` (a boolean mask) is true, in order."""
        new_row = np.cumsum(keep) - 1
        mask = keep[self.rows]
        return TokenDesign(self.x[keep], new_row[self.rows[mask]], self.cols[mask], self.columns, self.scale)

    @cached_property
    def _order(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Where each text's token features start, and the features again grouped by column: what the products
        sum over. The features must come sorted by row (as `token_features` gives them and `subset` keeps them)."""
        rows, cols = self.rows, self.cols
        if len(rows) and np.any(rows[1:] < rows[:-1]):
            raise ValueError("the design's token features must be sorted by row (as token_features gives them)")
        row_starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if len(rows) else rows
        by_col = np.argsort(cols, kind="stable")
        col_sorted = cols[by_col]
        col_starts = np.flatnonzero(np.r_[True, col_sorted[1:] != col_sorted[:-1]]) if len(cols) else cols
        return row_starts, col_sorted, rows[by_col], col_starts

    def times(self, theta: np.ndarray) -> np.ndarray:
        """design @ theta: (n,) for theta (width,), (n, K) for theta (width, K)."""
        d, c = self.x.shape[1], self.columns
        out: np.ndarray = self.x @ theta[:d] + theta[-1]
        if len(self.rows):
            row_starts = self._order[0]
            out[self.rows[row_starts]] += self.scale * np.add.reduceat(theta[d : d + c][self.cols], row_starts, axis=0)
        return out

    def transposed_times(self, u: np.ndarray) -> np.ndarray:
        """design.T @ u: (width,) for u (n,), (width, K) for u (n, K)."""
        tok = np.zeros((self.columns, *u.shape[1:]))
        if len(self.cols):
            _, col_sorted, rows_by_col, col_starts = self._order
            tok[col_sorted[col_starts]] = self.scale * np.add.reduceat(u[rows_by_col], col_starts, axis=0)
        return np.concatenate([self.x.T @ u, tok, u.sum(axis=0, keepdims=True)])


def fit_logreg_tokens(design: TokenDesign, y: np.ndarray, w: np.ndarray, l2: float, iters: int = 15,
                      cg_iters: int = 40) -> tuple[np.ndarray, np.ndarray, float]:
    """`fit_logreg` over a `TokenDesign`: weighted L2 logistic regression by Newton-CG on the sentence vector
    and the token features together (the bias is not penalised). Returns the vector's weights, the token
    weights (already multiplied by the design's scale, as `heads.token_logits` sums them) and the bias: one
    target of `fit_logreg_tokens_many`."""
    vec, tok, bias = fit_logreg_tokens_many(design, y[:, None], w[:, None], l2, iters, cg_iters)
    return vec[0], tok[0], float(bias[0])


def design_logits(design: TokenDesign, w: np.ndarray, tok: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(n, K) raw scores of K heads fitted over `design` ((K, d) vector weights, (K, columns) token weights as
    the fitters return them, (K,) biases), as `Heads.logits` computes them (`heads.feature_logits`)."""
    out: np.ndarray = design.x @ w.T + b
    if design.columns:
        out = out + feature_logits(design.rows, design.cols, np.ascontiguousarray(tok.T), len(design.x))
    return out


def fit_logreg_tokens_many(design: TokenDesign, y: np.ndarray, w: np.ndarray, l2: float, iters: int = 15,
                           cg_iters: int = 40) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`fit_logreg_tokens` for K targets at once over one `TokenDesign`: `y` and `w` are (n, K), and every target
    takes the same Newton-CG steps it would alone (each column stops where it alone would), with the design's
    products made for all K columns together (one matrix product instead of K). Returns the vector's weights
    (K, d), the token weights (K, columns; already times the design's scale) and the biases (K,), as float32."""
    d, c, width, k = design.x.shape[1], design.columns, design.width, y.shape[1]
    design = TokenDesign(design.x.astype(np.float64), design.rows, design.cols, c, design.scale)
    y, w = y.astype(np.float64), w.astype(np.float64)

    theta = np.zeros((width, k))
    reg = np.full((width, 1), l2)
    reg[-1] = 0.0
    tol = 1e-5 * np.maximum(1.0, w.sum(axis=0)) ** 0.5
    active = np.ones(k, dtype=bool)
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(design.times(theta), -35, 35)))
        grad = design.transposed_times(w * (p - y)) + reg * theta
        active &= np.linalg.norm(grad, axis=0) >= tol
        if not active.any():
            break
        s = w * p * (1 - p)

        def hess_vec(v: np.ndarray, s: np.ndarray = s) -> np.ndarray:
            out: np.ndarray = design.transposed_times(s * design.times(v)) + reg * v + 1e-6 * v
            return out

        theta -= _conjugate_gradient_many(hess_vec, grad * active, cg_iters)
    return (theta[:d].T.astype(np.float32), (design.scale * theta[d : d + c]).T.astype(np.float32),
            theta[-1].astype(np.float32))


def _conjugate_gradient_many(matvec: Callable[[np.ndarray], np.ndarray], b: np.ndarray, iters: int) -> np.ndarray:
    """`_conjugate_gradient` for each column of `b` (width, K) at once: column j solves its own system (the
    matvec acts column by column) and stops where it alone would."""
    x = np.zeros_like(b)
    r = b.copy()
    p = r.copy()
    rs = (r * r).sum(axis=0)
    limit = 1e-12 * (b * b).sum(axis=0)
    active = rs > 0
    for _ in range(iters):
        if not active.any():
            break
        ap = matvec(p)
        pap = (p * ap).sum(axis=0)
        alpha = np.where(active, rs / np.where(pap == 0, 1.0, pap), 0.0)
        x += alpha * p
        r -= alpha * ap
        rs_new = (r * r).sum(axis=0)
        active &= rs_new >= limit
        p = r + np.where(active, rs_new / np.where(rs == 0, 1.0, rs), 0.0) * p
        rs = rs_new
    return x


def _conjugate_gradient(matvec: Callable[[np.ndarray], np.ndarray], b: np.ndarray, iters: int) -> np.ndarray:
    x = np.zeros_like(b)
    r = b.copy()
    p = r.copy()
    rs = float(r @ r)
    for _ in range(iters):
        ap = matvec(p)
        alpha = rs / float(p @ ap)
        x += alpha * p
        r -= alpha * ap
        rs_new = float(r @ r)
        if rs_new < 1e-12 * float(b @ b):
            break
        p = r + (rs_new / rs) * p
        rs = rs_new
    return x


def fit_platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling with Platt's smoothed targets, by Newton on (a, b)."""
    n_pos, n_neg = float(y.sum()), float(len(y) - y.sum())
    t = np.where(y > 0, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
    a, b = 1.0, 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(a * z + b, -35, 35)))
        g = np.array([((p - t) * z).sum(), (p - t).sum()])
        s = p * (1 - p)
        h = np.array([[(s * z * z).sum(), (s * z).sum()], [(s * z).sum(), s.sum()]]) + 1e-9 * np.eye(2)
        step = np.linalg.solve(h, g)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-8:
            break
    return float(a), float(b)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -35.0, 35.0)))
    return out


def prf(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    tp = float((pred & (y > 0)).sum())
    fp = float((pred & (y == 0)).sum())
    fn = float((~pred & (y > 0)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "n": len(y), "pos": int(tp + fn)}


def best_threshold(prob: np.ndarray, y: np.ndarray, beta: float = 1.0) -> float:
    """The probability cut-off with the highest F-beta on held-out data (ties: the higher cut-off).
    beta < 1 weighs precision more: a false flag on a kind message costs more than a miss."""
    best_f, best_t = -1.0, 0.5
    b2 = beta * beta
    for t in np.unique(np.round(prob, 4)):
        m = prf(y, prob >= t)
        p, r = m["precision"], m["recall"]
        f = (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0
        if f >= best_f:
            best_f, best_t = f, float(t)
    return best_t


@dataclass
class Dataset:
    name: str
    group: str
    rows: list[tuple[Item, int, float]]  # item, label, weight
    cv: bool = False  # calibrate on cross-validated scores (few positives) instead of the dev split
    own_threshold: bool = False  # choose the cut-off on our own messages only (in-domain precision)


@dataclass
class Trained:
    name: str
    group: str
    weights: np.ndarray
    vocab_weights: np.ndarray
    bias: float
    platt: tuple[float, float]
    threshold: float
    l2: float
    metrics: dict[str, dict[str, float]]


def _balanced(y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weights that give both classes equal total mass (Platt scaling later restores the prior)."""
    pos, neg = (w * y).sum(), (w * (1 - y)).sum()
    out: np.ndarray = w * np.where(y > 0, 0.5 / pos, 0.5 / neg) * len(y)
    return out


def _platt_loss(z: np.ndarray, y: np.ndarray) -> float:
    a, c = fit_platt(z, y)
    p = _sigmoid(a * z + c)
    return -float(np.mean(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)))


def _folds(y: np.ndarray, k: int) -> np.ndarray:
    """Stratified fold ids, seeded."""
    rng = np.random.default_rng(SEED)
    folds = np.zeros(len(y), dtype=int)
    for cls in (0, 1):
        idx = np.flatnonzero(y == cls)
        rng.shuffle(idx)
        folds[idx] = np.arange(len(idx)) % k
    return folds


def train_head(ds: Dataset, vec: dict[str, np.ndarray], bags: dict[str, np.ndarray]) -> Trained:
    width = 384 + len(next(iter(bags.values())))

    def part(split: str, source: str | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        rows = [r for r in ds.rows if r[0].split == split and (source is None or r[0].source == source)]
        x = (np.stack([np.concatenate([vec[r[0].text], bags[r[0].text]]) for r in rows]) if rows
             else np.zeros((0, width), np.float32))
        return x, np.array([r[1] for r in rows], float), np.array([r[2] for r in rows], float)

    def own_rows(split: str) -> np.ndarray:
        return np.array([r[0].source == "own" for r in ds.rows if r[0].split == split], dtype=bool)

    def cut_off(p: np.ndarray, y: np.ndarray, own: np.ndarray) -> float:
        if ds.own_threshold and y[own].sum():
            return best_threshold(p[own], y[own], OWN_BETA)
        return best_threshold(p, y)

    xtr, ytr, wtr = part("train")
    xdv, ydv, wdv = part("dev")
    metrics: dict[str, dict[str, float]] = {}
    if ds.cv:
        # Few positives: calibrate and pick the threshold on 5-fold out-of-fold scores over train+dev,
        # then refit on all of it. A dev split of ~8 positives gave erratic thresholds.
        xtr, ytr, wtr = np.vstack([xtr, xdv]), np.concatenate([ytr, ydv]), np.concatenate([wtr, wdv])
        folds = _folds(ytr, CV_FOLDS)
        best_cv: tuple[float, float, np.ndarray] | None = None
        for l2 in L2_GRID:
            z_oof = np.zeros(len(ytr))
            for k in range(CV_FOLDS):
                fit = folds != k
                w, b = fit_logreg(xtr[fit], ytr[fit], _balanced(ytr[fit], wtr[fit]), l2)
                z_oof[~fit] = xtr[~fit] @ w + b
            loss = _platt_loss(z_oof, ytr)
            if best_cv is None or loss < best_cv[0]:
                best_cv = (loss, l2, z_oof)
        assert best_cv is not None
        _, l2, z = best_cv
        a, c = fit_platt(z, ytr)
        threshold = cut_off(_sigmoid(a * z + c), ytr, np.concatenate([own_rows("train"), own_rows("dev")]))
        w, b = fit_logreg(xtr, ytr, _balanced(ytr, wtr), l2)
        m = prf(ytr, _sigmoid(a * z + c) >= threshold)
        m["accuracy"] = round(float(((_sigmoid(a * z + c) >= threshold) == (ytr > 0)).mean()), 4)
        metrics["cv:all"] = m
        own = np.concatenate([own_rows("train"), own_rows("dev")])
        if ytr[own].sum():
            m = prf(ytr[own], _sigmoid(a * z[own] + c) >= threshold)
            m["accuracy"] = round(float(((_sigmoid(a * z[own] + c) >= threshold) == (ytr[own] > 0)).mean()), 4)
            metrics["cv:own"] = m
    else:
        wbal = _balanced(ytr, wtr)
        best: tuple[float, float, np.ndarray, float] | None = None
        for l2 in L2_GRID:
            w, b = fit_logreg(xtr, ytr, wbal, l2)
            loss = _platt_loss(xdv @ w + b, ydv)
            if best is None or loss < best[0]:
                best = (loss, l2, w, b)
        assert best is not None
        _, l2, w, b = best
        z = xdv @ w + b
        a, c = fit_platt(z, ydv)
        threshold = cut_off(_sigmoid(a * z + c), ydv, own_rows("dev"))
    for split in ("test",) if ds.cv else ("dev", "test"):
        for source in (None, "own", "goemotions", "politeness"):
            x, y, _ = part(split, source)
            if len(y) == 0 or y.sum() == 0:
                continue
            p = _sigmoid(a * (x @ w + b) + c)
            m = prf(y, p >= threshold)
            m["accuracy"] = round(float(((p >= threshold) == (y > 0)).mean()), 4)
            metrics[f"{split}:{source or 'all'}"] = m
    return Trained(ds.name, ds.group, w[:384], w[384:], b, (a, c), threshold, l2, metrics)


# ------------------------------------------------------------------------------------------- datasets


def build_datasets(goemo: list[Item], polite: list[Item], own: list[Item]) -> list[Dataset]:
    rng = random.Random(SEED)
    out: list[Dataset] = []
    for spec in SIGNAL_HEADS:
        rows: list[tuple[Item, int, float]] = [(it, int(spec.name in it.labels), OWN_WEIGHT) for it in own
                                               if it.complete or not spec.complete_only]
        if spec.goemo_positive and not spec.goemo_negatives:
            for it in goemo:
                if it.labels & spec.goemo_positive:
                    rows.append((it, 1, 1.0))
                elif not it.labels & spec.goemo_exclude:
                    rows.append((it, 0, 1.0))
        elif spec.goemo_negatives:
            if spec.goemo_positive:
                rows.extend((it, 1, 1.0) for it in goemo if it.labels & spec.goemo_positive
                            and (not spec.goemo_addressed or ADDRESSED.search(it.text)))
            for split, k in (("train", spec.goemo_negatives), ("dev", spec.goemo_negatives // 4),
                             ("test", spec.goemo_negatives // 4)):
                pool = [it for it in goemo if it.split == split and not it.labels & spec.goemo_exclude]
                rows.extend((it, 0, 1.0) for it in rng.sample(pool, min(k, len(pool))))
        out.append(Dataset(spec.name, "signal", rows, cv=not spec.goemo_positive, own_threshold=spec.own_threshold))
    for name, labels in EMOTIONS.items():
        out.append(Dataset(name, "emotion", [(it, int(bool(it.labels & labels)), 1.0) for it in goemo]))
    out.append(Dataset("politeness", "attribute", [(it, int("polite" in it.labels), 1.0) for it in polite]))
    return out


def measure_merge(heads: Heads, own: list[Item]) -> None:
    """For each signal head, F1 on our held-out (test) messages of the patterns alone and of the patterns
    plus this head, merged as `detect()` merges (the head reads only what the patterns left silent).
    Stored in the metadata; `merged_kinds()` lets a head into `detect()` only when it raises F1."""
    from openup.text.detect import hurt_spans, lexical_read
    from openup.text.model import MIN_WORDS, learned_signals

    test = [it for it in own if it.split == "test"]
    texts = [it.text for it in test]
    lexical, occupied = lexical_read(texts)
    learned = learned_signals(texts, occupied, heads=heads, min_words=MIN_WORDS, hurt=hurt_spans(lexical))
    for name, group in zip(heads.names, heads.groups, strict=True):
        if group != "signal":
            continue
        y = np.array([name in it.labels for it in test])
        lex = np.array([any(s.kind == name for s in sigs) for sigs in lexical])
        add = np.array([any(s.kind == name for s in sigs) for sigs in learned])
        before, after = prf(y.astype(float), lex), prf(y.astype(float), lex | add)
        heads.meta["heads"][name]["merge"] = {
            "n": len(y), "pos": int(y.sum()), "lexical_f1": before["f1"], "merged_f1": after["f1"],
            "lexical_precision": before["precision"], "merged_precision": after["precision"],
        }
        print(f"merge {name:16s} own test n={len(y)} pos={int(y.sum())}: lexical F1 {before['f1']:.3f} "
              f"-> merged {after['f1']:.3f} (P {before['precision']:.3f} -> {after['precision']:.3f})")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "openup-train-cache")
    parser.add_argument("--out", type=Path, default=HEADS_FILE)
    parser.add_argument("--only", nargs="*", default=None, help="train only these heads (for quick checks)")
    parser.add_argument("--no-blind-dev", action="store_true",
                        help="leave the blind coaching dev set out, to judge the heads on it"
                             " (then train_signal_network.py --no-blind-dev)")
    parser.add_argument("--extra", type=Path, nargs="*", default=[],
                        help="more labelled files to train on (e.g. one in train_data/held_back/, to judge it)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    np.random.seed(SEED)

    root = data_dir(args.data)
    goemo, polite, own = (load_goemotions(root), load_politeness(root),
                           load_own(TRAIN_DATA, blind_dev=not args.no_blind_dev, extra=args.extra))
    print(f"data: goemotions {len(goemo)}, politeness {len(polite)}, own {len(own)} messages")
    datasets = build_datasets(goemo, polite, own)
    if args.only:
        datasets = [d for d in datasets if d.name in set(args.only)]
    texts = sorted({r[0].text for d in datasets for r in d.rows})
    vec = embed_all(texts, args.cache)
    vocab, bags = token_bags(texts, {it.text for it in goemo + polite + own if it.split == "train"})

    trained: list[Trained] = []
    for ds in datasets:
        t0 = time.perf_counter()
        tr = train_head(ds, vec, bags)
        trained.append(tr)
        test = tr.metrics.get("test:all", {})
        print(f"{tr.name:16s} {tr.group:9s} l2={tr.l2:<5} thr={tr.threshold:.3f} "
              f"test P={test.get('precision', 0):.3f} R={test.get('recall', 0):.3f} F1={test.get('f1', 0):.3f} "
              f"(n={test.get('n', 0)}, pos={test.get('pos', 0)})  {time.perf_counter() - t0:.1f}s", flush=True)
        for key, m in sorted(tr.metrics.items()):
            if key != "test:all":
                print(f"    {key:18s} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
                      f"acc={m['accuracy']:.3f} n={m['n']} pos={m['pos']}")

    meta = {
        "seed": SEED,
        "model_sha256_16": hashlib.sha256(MODEL_FILE.read_bytes()).hexdigest()[:16],
        "sources": {"goemotions": "Apache-2.0", "stanford-politeness": "CC BY 4.0", "own": "openup developers"},
        "emotions": {k: sorted(v) for k, v in EMOTIONS.items()},
        "vocab_size": len(vocab),
        "own_weight": OWN_WEIGHT,
        "heads": {t.name: {"group": t.group, "l2": t.l2, "threshold": t.threshold, "metrics": t.metrics}
                  for t in trained},
    }
    heads = Heads(
        names=tuple(t.name for t in trained),
        groups=tuple(t.group for t in trained),
        weights=np.stack([t.weights for t in trained]),
        bias=np.array([t.bias for t in trained], np.float32),
        platt_a=np.array([t.platt[0] for t in trained], np.float32),
        platt_b=np.array([t.platt[1] for t in trained], np.float32),
        threshold=np.array([t.threshold for t in trained], np.float32),
        meta=meta,
        vocab=vocab,
        vocab_weights=np.stack([t.vocab_weights for t in trained]),
    )
    measure_merge(heads, own)
    heads.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e3:.0f} kB, {len(trained)} heads)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

