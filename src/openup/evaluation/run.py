"""Run the detectors over every dataset found and collect precision/recall/F1 rows per kind and tier.

Tiers: "lexical" (`detect(model=False)`), and when the learned tier is installed, "merged"
(`detect(model=True)`) plus "learned" (the learned tier alone, from
`openup.text.model.evaluation.evaluate_learned`, when that function exists).
"""

from __future__ import annotations

import importlib
import inspect
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openup.evaluation.datasets import (
    PUBLIC_LOADERS,
    REPO_ROOT,
    Dataset,
    load_jsonl_suite,
    load_politeness,
)
from openup.evaluation.metrics import Counts, score_kinds
from openup.method import group
from openup.text.detect import detect_many

# Kinds whose presence reads as polite or impolite in a request (the politeness rule below).
POLITE_KINDS = frozenset(group("polite"))
IMPOLITE_KINDS = frozenset(group("impolite"))


@dataclass(frozen=True)
class Row:
    """One kind on one dataset for one tier."""

    dataset: str
    kind: str
    tier: str
    n: int
    positives: int
    precision: float
    recall: float
    f1: float
    rule: str = ""
    auc: float | None = None  # ROC-AUC of the tier's scores, where it has scores (learned only, probe)


@dataclass(frozen=True)
class PolitenessRow:
    dataset: str
    tier: str
    n: int
    accuracy: float
    polite_precision: float
    polite_recall: float
    baseline: str


@dataclass
class Evaluation:
    data_dir: Path | None
    datasets: list[Dataset] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    politeness: list[PolitenessRow] = field(default_factory=list)
    tiers: list[str] = field(default_factory=lambda: ["lexical"])
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    limit: int | None = None
    replies: dict[str, Any] | None = None  # `openup reply` scored on partner-side texts (evaluation.replies)
    blind: Any = None  # evaluation.blind.BlindResult: the blind test sets, reported first
    blind_replies: Any = None  # evaluation.blind.ReplyScores

    def row(self, dataset: str, kind: str, tier: str) -> Row | None:
        for r in self.rows:
            if (r.dataset, r.kind, r.tier) == (dataset, kind, tier):
                return r
        return None


def style_kinds() -> list[str]:
    """Every non-safety kind, in signals.toml order."""
    from openup.method import kinds

    return [name for name, k in kinds().items() if k.polarity != "safety"]


def suites() -> list[Dataset]:
    """Our own labelled suite and held-out set, when the source tree is present."""
    kinds = style_kinds()
    found = [
        load_jsonl_suite(REPO_ROOT / "tests" / "data" / "labelled.jsonl", "openup suite",
                         "couple-style messages written for openup (patterns were tuned on it)", kinds),
        load_jsonl_suite(REPO_ROOT / "tests" / "data" / "labelled_holdout.jsonl", "openup holdout",
                         "couple-style messages written after tuning, never tuned on", kinds),
    ]
    return [d for d in found if d is not None]


def learned_available() -> bool:
    try:
        model = importlib.import_module("openup.text.model")
    except ImportError:
        return False
    available = getattr(model, "available", None)
    return bool(callable(available) and available())


def _rows_for(dataset: Dataset, predicted: Sequence[set[str]], tier: str) -> list[Row]:
    rows = []
    for task in dataset.tasks:
        hits = [bool(task.predicted_by & p) for p in predicted]
        counts: Counts = score_kinds(
            [{"x"} if y else set() for y in task.labels], [{"x"} if h else set() for h in hits], ["x"]
        )["x"]
        rows.append(Row(dataset.name, task.kind, tier, counts.n, counts.positives, counts.precision,
                        counts.recall, counts.f1, task.rule))
    return rows


def _politeness_row(name: str, polite: Sequence[bool], predicted: Sequence[set[str]], tier: str,
                    baseline: str) -> PolitenessRow:
    guess = [len(p & POLITE_KINDS) > len(p & IMPOLITE_KINDS) for p in predicted]
    counts = score_kinds([{"p"} if y else set() for y in polite], [{"p"} if g else set() for g in guess], ["p"])
    c = counts["p"]
    return PolitenessRow(name, tier, c.n, c.accuracy, c.precision, c.recall, baseline)


def _learned_rows(data_dir: Path, limit: int | None, notes: list[str]) -> list[Row]:
    try:
        module = importlib.import_module("openup.text.model.evaluation")
    except ImportError:
        notes.append("The learned tier has no `evaluation` module yet, so there is no learned-only column.")
        return []
    fn: Callable[..., Any] | None = getattr(module, "evaluate_learned", None)
    if fn is None:
        return []
    kwargs = {"limit": limit} if "limit" in inspect.signature(fn).parameters else {}
    try:
        raw = fn(data_dir, **kwargs)
    except RuntimeError as exc:
        notes.append(f"Learned tier not evaluated: {exc}.")
        return []
    rows = []
    for r in raw:
        tier = str(r.get("tier", "learned"))
        if tier not in ("learned", "probe"):
            continue
        auc = r.get("auc")
        rows.append(Row(str(r["dataset"]), str(r["kind"]), tier, int(r["n"]), int(r.get("positives", 0)),
                        float(r["precision"]), float(r["recall"]), float(r["f1"]),
                        auc=None if auc is None else float(auc)))
    return rows


# Told (what is starting, steps done, steps in all) as an evaluation goes.
EvalProgress = Callable[[str, int, int], None]


class Steps:
    """Counts the steps of an evaluation for an `EvalProgress`: each call names the step that starts."""

    def __init__(self, progress: EvalProgress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, message: str) -> None:
        self.total = max(self.total, self.done + 1)
        if self.progress is not None:
            self.progress(message, self.done, self.total)
        self.done += 1

    def finish(self) -> None:
        if self.progress is not None:
            self.progress("done", self.total, self.total)


def evaluate(
    data_dir: Path | None,
    limit: int | None = None,
    model: bool | None = None,
    progress: EvalProgress | Steps | None = None,
) -> Evaluation:
    """Score the tiers on our suites and on every public dataset found under `data_dir`.

    `model=None` adds the merged and learned-only tiers when the learned tier is installed; `False`
    keeps the lexical tier only. `limit` caps the texts per dataset (the first N) for quick runs.
    `progress` is told each step as it starts, with the steps done and in all; a `Steps` passed in has
    this run's steps added to it and is left for the caller to go on with and finish.
    """
    began = time.perf_counter()
    tiers = ["lexical"]
    if model is not False and learned_available():
        tiers.append("merged")
    result = Evaluation(data_dir=data_dir, tiers=tiers, limit=limit)
    # Our suites are small and always scored whole; `limit` caps the public sets.
    datasets = list(suites())
    if data_dir is not None:
        for loader in PUBLIC_LOADERS:
            found = loader(data_dir)
            if found is not None:
                datasets.append(found.limited(limit))
    result.datasets = datasets
    politeness = load_politeness(data_dir) if data_dir is not None else []
    learned = "merged" in tiers and data_dir is not None
    say = progress if isinstance(progress, Steps) else Steps(progress, 0)
    from openup.evaluation.blind import TYPINGS

    typings = learned  # the shipped reading on the blind lines typed other ways
    say.total += len(tiers) + 1 + (len(datasets) + len(politeness)) * len(tiers) + learned
    say.total += len(TYPINGS) * typings
    from openup.evaluation.blind import evaluate_blind, evaluate_replies_blind

    result.blind = evaluate_blind(data_dir, tiers, "test", progress=say, typings=typings)
    if result.blind is None:
        say.total -= len(tiers) + len(TYPINGS) * typings
    say("blind test: replies")
    result.blind_replies = evaluate_replies_blind("test")
    for dataset in datasets:
        for tier in tiers:
            say(f"{tier} tier on {dataset.name} ({len(dataset.texts)} texts)")
            sigs = detect_many(dataset.texts, model=(tier == "merged"))
            result.rows.extend(_rows_for(dataset, [{s.kind for s in found} for found in sigs], tier))
    if data_dir is not None:
        for pset in politeness:
            texts = pset.texts[:limit] if limit else pset.texts
            polite = pset.polite[: len(texts)]
            for tier in tiers:
                say(f"{tier} tier on {pset.name} ({len(texts)} texts)")
                sigs = detect_many(texts, model=(tier == "merged"))
                result.politeness.append(
                    _politeness_row(pset.name, polite, [{s.kind for s in f} for f in sigs], tier, pset.baseline)
                )
        if learned:
            say("learned tier alone")
            rows = _learned_rows(data_dir, limit, result.notes)
            if rows:
                result.rows.extend(rows)
                result.tiers.append("learned")
    if say is not progress:
        say.finish()
    result.seconds = time.perf_counter() - began
    return result
