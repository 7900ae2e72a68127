"""Precision, recall and F1 per signal kind, from gold and predicted kind sets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Counts:
    """Confusion counts for one kind over `n` texts."""

    n: int
    tp: int
    fp: int
    fn: int

    @property
    def positives(self) -> int:
        """How many texts carry the kind in the gold labels."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return (self.n - self.fp - self.fn) / self.n if self.n else 0.0


@dataclass(frozen=True)
class Recall:
    """How many of `n` texts were caught; `flagged` counts those that raised any safety level at all."""

    name: str
    tier: str
    n: int
    caught: int
    flagged: int

    @property
    def rate(self) -> float:
        return self.caught / self.n if self.n else 0.0

    @property
    def flag_rate(self) -> float:
        return self.flagged / self.n if self.n else 0.0


def macro_f1(counts: Iterable[Counts]) -> float:
    """Mean F1 over the kinds that have positives (0.0 when none has)."""
    f1s = [c.f1 for c in counts if c.positives]
    return sum(f1s) / len(f1s) if f1s else 0.0


def score_kinds(
    gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]], kinds: Iterable[str]
) -> dict[str, Counts]:
    """Per-kind counts: a text is a positive for a kind when the kind is in its set.

    >>> score_kinds([{"apology"}, set()], [{"apology"}, {"apology"}], ["apology"])["apology"].precision
    0.5
    """
    if len(gold) != len(predicted):
        raise ValueError(f"gold has {len(gold)} texts but predicted has {len(predicted)}")
    gold_sets = [frozenset(g) for g in gold]
    pred_sets = [frozenset(p) for p in predicted]
    out: dict[str, Counts] = {}
    for kind in kinds:
        tp = fp = fn = 0
        for g, p in zip(gold_sets, pred_sets, strict=True):
            if kind in p:
                if kind in g:
                    tp += 1
                else:
                    fp += 1
            elif kind in g:
                fn += 1
        out[kind] = Counts(len(gold_sets), tp, fp, fn)
    return out


def roc_auc(labels: Sequence[bool], scores: Sequence[float]) -> float | None:
    """Area under the ROC curve: the chance that a random positive outscores a random negative, ties
    counting half (Mann-Whitney U over average ranks). None when either class is missing.

    >>> roc_auc([True, False, True, False], [0.9, 0.1, 0.4, 0.4])
    0.875
    """
    if len(labels) != len(scores):
        raise ValueError(f"{len(labels)} labels but {len(scores)} scores")
    y = np.asarray(labels, dtype=bool)
    positives, negatives = int(y.sum()), int((~y).sum())
    if not positives or not negatives:
        return None
    s = np.asarray(scores, dtype=np.float64)
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s), dtype=np.float64)
    ranked = s[order]
    # Average rank within each run of tied scores (ranks start at 1).
    starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
    ends = np.r_[starts[1:], len(s)]
    ranks[order] = np.repeat((starts + ends + 1) / 2.0, ends - starts)
    u = float(ranks[y].sum()) - positives * (positives + 1) / 2.0
    return u / (positives * negatives)
