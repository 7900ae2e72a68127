"""ROC-AUC and the in-domain probe used by `openup eval` (numpy only, synthetic data)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from openup.evaluation import probe
from openup.evaluation.metrics import roc_auc


def _pairwise_auc(labels: list[bool], scores: list[float]) -> float:
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p, n in itertools.product(pos, neg))
    return wins / (len(pos) * len(neg))


def test_roc_auc_extremes_and_ties() -> None:
    assert roc_auc([True, True, False, False], [0.9, 0.8, 0.2, 0.1]) == 1.0
    assert roc_auc([True, True, False, False], [0.1, 0.2, 0.8, 0.9]) == 0.0
    assert roc_auc([True, False, True, False], [0.5, 0.5, 0.5, 0.5]) == 0.5
    assert roc_auc([True, True], [0.1, 0.2]) is None
    assert roc_auc([], []) is None
    with pytest.raises(ValueError):
        roc_auc([True, False], [0.1])


def test_roc_auc_matches_pairwise_count_with_ties() -> None:
    rng = np.random.default_rng(3)
    for _ in range(20):
        labels = [bool(v) for v in rng.random(60) < 0.3]
        scores = [float(v) for v in rng.integers(0, 8, 60)]  # many ties
        if any(labels) and not all(labels):
            assert roc_auc(labels, scores) == pytest.approx(_pairwise_auc(labels, scores))


def _blobs(n: int, rate: float, shift: float, seed: int) -> tuple[np.ndarray, list[bool]]:
    rng = np.random.default_rng(seed)
    y = rng.random(n) < rate
    x = rng.normal(size=(n, 16))
    x[y, 0] += shift
    return x, [bool(v) for v in y]


def test_probe_learns_a_signal_that_is_there() -> None:
    x, y = _blobs(800, 0.1, 3.0, seed=1)
    found = probe.cross_validate(x, y)
    assert found.n == 800 and found.positives == sum(y)
    assert found.auc is not None and found.auc > 0.95
    assert found.f1 > 0.7


def test_probe_finds_nothing_in_noise() -> None:
    x, y = _blobs(800, 0.1, 0.0, seed=2)
    found = probe.cross_validate(x, y)
    assert found.auc is not None and 0.35 < found.auc < 0.65
    assert found.f1 < 0.3


def test_probe_needs_enough_of_each_class() -> None:
    x, _ = _blobs(50, 0.1, 1.0, seed=3)
    with pytest.raises(ValueError, match="positives"):
        probe.cross_validate(x, [i < 3 for i in range(50)])


def test_folds_spread_each_class_evenly() -> None:
    y = np.array([1] * 23 + [0] * 77, dtype=float)
    folds = probe.stratified_folds(y, 5)
    per_fold = [int(y[folds == f].sum()) for f in range(5)]
    assert sorted(per_fold) == [4, 4, 5, 5, 5]
    assert sorted(int((folds == f).sum()) for f in range(5)) == [20] * 5


def test_best_threshold_keeps_tied_scores_together() -> None:
    scores = np.array([0.9, 0.7, 0.7, 0.2])
    y = np.array([1.0, 1.0, 0.0, 0.0])
    cut = probe.best_f1_threshold(scores, y)
    # No cut can fall between the two 0.7s. 0.9 alone gives F1 0.67; 0.9 and both 0.7s give F1 0.8.
    assert cut == 0.7
    assert probe.best_f1_threshold(np.array([0.9, 0.7, 0.7, 0.2]), np.array([1.0, 0.0, 0.0, 1.0])) == 0.9
