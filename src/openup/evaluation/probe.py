"""An in-domain reference for a proxy: how far the shipped encoder carries a dataset's own labels.

The shipped heads never see the evaluation-only sets. To tell "the embedding cannot express this label"
apart from "our training data does not teach it", `openup eval` also fits a linear probe on the same
encoder's vectors, on the evaluation set's own labels, in stratified k-fold cross-validation: each text is
scored by a probe that never saw it. The probe exists only inside the evaluation and is never written
anywhere (these sets may not train shipped weights).

The probe is L2-regularised logistic regression with balanced class weights, fitted by Newton steps on the
whole message's embedding. Its decision threshold is the best-F1 cut-off on out-of-fold scores within the
training folds (an inner cross-validation), applied unchanged to the held-out fold, so its F1 is an honest
out-of-fold figure, not a best case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from openup.evaluation.metrics import roc_auc

FOLDS = 5
L2 = 1.0  # fixed in advance, not tuned on the folds
SEED = 20240607
NEWTON_STEPS = 25


@dataclass(frozen=True)
class ProbeResult:
    """Out-of-fold ROC-AUC, precision, recall and F1 of the in-domain probe on one labelled set."""

    n: int
    positives: int
    auc: float | None
    precision: float
    recall: float
    f1: float


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Weights and bias of balanced, L2-regularised logistic regression (the bias is not penalised)."""
    n, d = x.shape
    pos = max(int(y.sum()), 1)
    neg = max(n - int(y.sum()), 1)
    sample = np.where(y > 0, n / (2.0 * pos), n / (2.0 * neg))
    xb = np.hstack([x, np.ones((n, 1))])
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    theta = np.zeros(d + 1)
    for _ in range(NEWTON_STEPS):
        p = _sigmoid(xb @ theta)
        grad = xb.T @ (sample * (p - y)) + penalty * theta
        hess = (xb * (sample * p * (1.0 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        theta -= step
        if float(np.abs(step).max()) < 1e-7:
            break
    return theta[:-1], float(theta[-1])


def best_f1_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """The score cut-off with the highest F1 on (scores, y); predictions are scores >= cut-off."""
    order = np.argsort(-scores, kind="mergesort")
    ranked, hits = scores[order], y[order] > 0
    tp = np.cumsum(hits)
    predicted = np.arange(1, len(ranked) + 1)
    f1 = 2 * tp / (predicted + max(int(hits.sum()), 1))
    # Only cut where the score changes, so tied scores fall on the same side.
    last_of_run = np.r_[ranked[1:] != ranked[:-1], True]
    f1 = np.where(last_of_run, f1, -1.0)
    return float(ranked[int(np.argmax(f1))])


def stratified_folds(y: np.ndarray, k: int = FOLDS, seed: int = SEED) -> np.ndarray:
    """Fold number per row, with positives and negatives each spread evenly over the k folds."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(y), dtype=np.int64)
    dealt = 0  # negatives continue the round where the positives stopped, so fold sizes differ by at most 1
    for cls in (True, False):
        idx = np.flatnonzero((y > 0) == cls)
        fold[rng.permutation(idx)] = (dealt + np.arange(len(idx))) % k
        dealt += len(idx)
    return fold


def cross_validate(x: np.ndarray, labels: Sequence[bool], k: int = FOLDS) -> ProbeResult:
    """Out-of-fold scores of the probe on (x, labels) and the metrics they give."""
    y = np.asarray(labels, dtype=np.float64)
    positives = int(y.sum())
    if positives < k or len(y) - positives < k:
        raise ValueError(f"need at least {k} positives and {k} negatives, got {positives} of {len(y)}")
    folds = stratified_folds(y, k)
    scores = np.zeros(len(y))
    predicted = np.zeros(len(y), dtype=bool)
    for f in range(k):
        train, test = folds != f, folds == f
        cut = best_f1_threshold(_out_of_fold(x[train], y[train], k), y[train])
        w, b = fit_logistic(x[train], y[train])
        scores[test] = x[test] @ w + b
        predicted[test] = scores[test] >= cut
    gold = y > 0
    tp = int((predicted & gold).sum())
    precision = tp / int(predicted.sum()) if predicted.any() else 0.0
    recall = tp / positives
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ProbeResult(len(y), positives, roc_auc(gold.tolist(), scores.tolist()), precision, recall, f1)


def _out_of_fold(x: np.ndarray, y: np.ndarray, k: int) -> np.ndarray:
    """Each row's score from a probe fitted on the other k-1 folds of (x, y)."""
    folds = stratified_folds(y, k, seed=SEED + 1)
    scores = np.zeros(len(y))
    for f in range(k):
        fit = folds != f
        w, b = fit_logistic(x[fit], y[fit])
        scores[~fit] = x[~fit] @ w + b
    return scores


def _sigmoid(z: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))
    return out
