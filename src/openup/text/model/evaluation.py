"""Evaluate the learned tier on evaluation-only public sets, by proxy labels per Signal kind.

None of these sets is couples' chat, and none trained the shipped weights (GoEmotions *test* is held out):
  - Unhealthy Comments (val): hostile/antagonize -> criticism, condescending/sarcastic -> contempt,
    dismissive -> dismissal (news comments, CC BY-NC-SA: evaluation only)
  - ESConv supporter turns (dev): Affirmation and Reassurance -> validation, Reflection of feelings and
    Restatement or Paraphrasing -> reflection, Self-disclosure -> self_disclosure (CC BY-NC: evaluation only)
  - GoEmotions (test): gratitude -> appreciation (Signal) and gratitude (emotion head)

`load_eval_sets()` is public so other tiers (lexical, merged) can be scored on exactly the same texts.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from openup.evaluation.probe import cross_validate


@dataclass(frozen=True)
class EvalSet:
    """Texts with a binary proxy label for one kind: `labels[i]` is True when text i is a positive."""

    kind: str
    dataset: str
    texts: tuple[str, ...]
    labels: tuple[bool, ...]
    target: str = "signal"  # "signal": a Signal of `kind`; "emotion": the emotion head named `kind`


UNHEALTHY = {"criticism": ("hostile", "antagonize"), "contempt": ("condescending", "sarcastic"),
             "dismissal": ("dismissive",)}
# Sets no shipped weight was trained on (all of GoEmotions' train split was): these get the in-domain probe.
EVALUATION_ONLY = frozenset({"unhealthy-conversations/val", "esconv/dev"})
ESCONV = {"validation": ("Affirmation and Reassurance",),
          "reflection": ("Reflection of feelings", "Restatement or Paraphrasing"),
          "self_disclosure": ("Self-disclosure",)}


def load_eval_sets(data_dir: Path) -> list[EvalSet]:
    """Read the evaluation sets that exist under `data_dir` (missing files are skipped)."""
    sets: list[EvalSet] = []
    path = data_dir / "unhealthy-conversations" / "val.csv"
    if path.is_file():
        with open(path, encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if r.get("comment", "").strip()]
        texts = tuple(r["comment"] for r in rows)
        for kind, cols in UNHEALTHY.items():
            labels = tuple(any(float(r[c] or 0) > 0.5 for c in cols) for r in rows)
            sets.append(EvalSet(kind, "unhealthy-conversations/val", texts, labels))
    path = data_dir / "esconv" / "esconv_supporter_dev.csv"
    if path.is_file():
        with open(path, encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if r.get("text", "").strip()]
        texts = tuple(r["text"] for r in rows)
        for kind, strategies in ESCONV.items():
            sets.append(EvalSet(kind, "esconv/dev", texts, tuple(r["strategy"] in strategies for r in rows)))
    path = data_dir / "goemotions" / "test.tsv"
    labels_path = data_dir / "goemotions" / "labels.txt"
    if path.is_file() and labels_path.is_file():
        names = labels_path.read_text(encoding="utf-8").split()
        gratitude = str(names.index("gratitude"))
        g_texts: list[str] = []
        g_labels: list[bool] = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2 and parts[0].strip():
                    g_texts.append(parts[0])
                    g_labels.append(gratitude in parts[1].split(","))
        sets.append(EvalSet("appreciation", "goemotions/test", tuple(g_texts), tuple(g_labels)))
        sets.append(EvalSet("gratitude", "goemotions/test", tuple(g_texts), tuple(g_labels), target="emotion"))
    return sets


def score(labels: Sequence[bool], predicted: Sequence[bool]) -> dict[str, Any]:
    """Precision, recall and F1 of binary predictions (0.0 where undefined)."""
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if p and not y)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(labels), "positives": tp + fn, "predicted": tp + fp,
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def evaluate_learned(data_dir: Path, limit: int | None = None,
                     progress: Callable[[str], None] | None = None, probe: bool = True) -> list[dict[str, Any]]:
    """Per kind and dataset, precision/recall/F1 and ROC-AUC of the learned tier alone.

    Returns rows like {"kind", "dataset", "n", "positives", "predicted", "precision", "recall", "f1", "auc",
    "tier": "learned"}; AUC ranks texts by the head's highest probability over the message and its
    sentences (`scored_signals`). With `probe`, each evaluation-only set (Unhealthy Comments, ESConv) also
    gets a row with "tier": "probe": a linear probe on the same encoder trained on that set's own labels
    in cross-validation (`openup.evaluation.probe`), never shipped, as an in-domain reference. `limit` caps
    texts per dataset (first N, for quick runs). Raises RuntimeError when the learned tier is not available.
    """
    from openup.evaluation.metrics import roc_auc
    from openup.text import model

    if not model.available():
        raise RuntimeError("the learned tier is not available (model files, onnxruntime, or OPENUP_MODEL=off)")
    rows: list[dict[str, Any]] = []
    predictions: dict[tuple[str, ...], tuple[list[set[str]], list[dict[str, float]]]] = {}
    vectors: dict[tuple[str, ...], np.ndarray] = {}
    for ev in load_eval_sets(data_dir):
        texts = ev.texts[:limit] if limit else ev.texts
        labels = ev.labels[: len(texts)]
        if ev.target == "emotion":
            heads = model.get_heads()
            threshold = float(heads.threshold[heads.index(ev.kind)])
            scores = [s[ev.kind] for s in model.emotion_scores(list(texts))]
            predicted = [s >= threshold for s in scores]
        else:
            if texts not in predictions:
                if progress:
                    progress(f"learned tier on {ev.dataset} ({len(texts)} texts)")
                signals, text_scores = model.scored_signals(list(texts))
                predictions[texts] = ([{s.kind for s in sigs} for sigs in signals], text_scores)
            kinds, all_scores = predictions[texts]
            predicted = [ev.kind in k for k in kinds]
            scores = [s[ev.kind] for s in all_scores]
        auc = roc_auc(labels, scores)
        rows.append({"kind": ev.kind, "dataset": ev.dataset, "tier": "learned", **score(labels, predicted),
                     "auc": None if auc is None else round(auc, 4)})
        if probe and ev.target == "signal" and ev.dataset in EVALUATION_ONLY:
            if texts not in vectors:
                if progress:
                    progress(f"in-domain probe on {ev.dataset}")
                vectors[texts] = model.embed([t.strip() for t in texts]).astype(np.float64)
            try:
                found = cross_validate(vectors[texts], labels)
            except ValueError:  # too few positives (a --limit run)
                continue
            rows.append({"kind": ev.kind, "dataset": ev.dataset, "tier": "probe", "n": found.n,
                         "positives": found.positives, "precision": round(found.precision, 4),
                         "recall": round(found.recall, 4), "f1": round(found.f1, 4),
                         "auc": None if found.auc is None else round(found.auc, 4)})
    return rows
