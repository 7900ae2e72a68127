"""Loaders for the labelled data that maps onto openup's signal kinds.

Each loader reads one public dataset (or our own suite) and returns a `Dataset`: texts, and for each
signal kind it can speak to, a binary gold label per text plus the rule used to derive it. Loaders
return None when their files are absent, so a partial data folder still evaluates what it has.
Dataset names match the learned tier's `evaluate_learned()` rows, so both can sit in one table.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

# The suite and holdout live beside the tests, found from the source tree (editable installs and
# running from a checkout); an installed wheel has no tests and simply skips them.
REPO_ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Task:
    """One kind scored on one dataset. `predicted_by`: the text is predicted positive when any of
    these kinds is detected (usually just `kind`; "any question" is open or closed)."""

    kind: str
    rule: str
    labels: tuple[bool, ...]
    predicted_by: frozenset[str]


@dataclass(frozen=True)
class Dataset:
    name: str
    description: str
    licence: str
    use: str
    texts: tuple[str, ...]
    tasks: tuple[Task, ...]
    baseline: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    def limited(self, limit: int | None) -> Dataset:
        """The first `limit` texts (all when None), with labels cut to match."""
        if not limit or limit >= len(self.texts):
            return self
        tasks = tuple(
            Task(t.kind, t.rule, t.labels[:limit], t.predicted_by) for t in self.tasks
        )
        return Dataset(self.name, self.description, self.licence, self.use, self.texts[:limit], tasks,
                       self.baseline, self.notes)


def default_data_dir(cwd: Path | None = None) -> Path | None:
    """`$OPENUP_DATA`, else `../shared/data` beside the working directory or the repository; None if absent."""
    env = os.environ.get("OPENUP_DATA", "").strip()
    if env:
        path = Path(env).expanduser()
        return path if path.is_dir() else None
    cwd = Path.cwd() if cwd is None else cwd
    for base in (cwd, REPO_ROOT):
        candidate = (base / ".." / "shared" / "data").resolve()
        if candidate.is_dir():
            return candidate
    return None


def _task(kind: str, rule: str, labels: Iterable[bool], predicted_by: Iterable[str] | None = None) -> Task:
    return Task(kind, rule, tuple(labels), frozenset(predicted_by or (kind,)))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_jsonl_suite(path: Path, name: str, description: str, kinds: Iterable[str]) -> Dataset | None:
    """A suite in our own `{"text", "kinds"}` format; every listed kind becomes a task."""
    if not path.is_file():
        return None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = tuple(str(r["text"]) for r in rows)
    gold = [set(r["kinds"]) for r in rows]
    tasks = tuple(_task(k, f"labelled `{k}`", (k in g for g in gold)) for k in kinds)
    return Dataset(name, description, "MIT (ours)", "tuning (suite) / honesty check (holdout)", texts, tasks)


SWDA_OPEN = ("qw", "qw^d", "qo")
SWDA_CLOSED = ("qy", "qy^d", "^g")


def load_swda(data_dir: Path) -> Dataset | None:
    """Switchboard dialogue acts, val + test: question types, thanking, apology."""
    paths = [data_dir / "swda" / f"swda_{split}.tsv" for split in ("val", "test")]
    if not all(p.is_file() for p in paths):
        return None
    texts: list[str] = []
    tags: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                text = (row.get("text") or "").strip()
                if text and row.get("da_tag"):
                    texts.append(text)
                    tags.append(row["da_tag"].strip().strip('"'))
    tasks = (
        _task("open_question", "da_tag in qw, qw^d, qo", (t in SWDA_OPEN for t in tags)),
        _task("closed_question", "da_tag in qy, qy^d, ^g", (t in SWDA_CLOSED for t in tags)),
        _task("appreciation", "da_tag ft (Thanking)", (t == "ft" for t in tags)),
        _task("apology", "da_tag fa (Apology)", (t == "fa" for t in tags)),
    )
    notes = (
        "`ba` (DAMSL 'Appreciation') is an evaluative backchannel ('oh, that's great'), not thanks or praise "
        "of the partner, so it is not mapped to `appreciation`; rhetorical (`qh`), or-questions (`qrr`) and "
        "backchannels in question form (`bh`) count as negatives for both question kinds.",
        "Transcribed telephone speech between strangers: utterances are split mid-sentence and many "
        "questions carry no question mark.",
        "Warm goodbyes ('it was nice talking to you', 'I appreciate the call') are tagged `fc` (conventional "
        "closing), not `ft`, so a tier that reads them as appreciation is counted wrong on them.",
    )
    return Dataset(
        "swda/val+test", "Switchboard Dialog Act corpus (telephone conversations), val + test splits",
        "CC BY-NC-SA 3.0", "evaluation only", tuple(texts), tasks,
        "42-way dialogue-act accuracy around 83-85% for neural models (not per-act F1)", notes,
    )


ESCONV_TASKS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("question (open or closed)", ("Questions",), ("open_question", "closed_question")),
    ("validation", ("Affirmation and Reassurance",), ("validation",)),
    ("reflection", ("Reflection of feelings", "Restatement or Paraphrasing"), ("reflection",)),
    ("self_disclosure", ("Self-disclosure",), ("self_disclosure",)),
    ("advice", ("Providing Suggestions",), ("advice",)),
)


def load_esconv(data_dir: Path) -> Dataset | None:
    """ESConv supporter turns (dev): helping strategies mapped to listening kinds."""
    path = data_dir / "esconv" / "esconv_supporter_dev.csv"
    if not path.is_file():
        return None
    rows = [r for r in _read_csv(path) if (r.get("text") or "").strip()]
    texts = tuple(r["text"] for r in rows)
    tasks = tuple(
        _task(kind, "strategy: " + " / ".join(strategies), (r["strategy"] in strategies for r in rows), by)
        for kind, strategies, by in ESCONV_TASKS
    )
    notes = (
        "Each supporter turn carries exactly one strategy label, so a turn that both validates and asks a "
        "question is a 'false positive' for one of them: precision here is a lower bound.",
    )
    return Dataset(
        "esconv/dev", "Emotional Support Conversation, supporter turns (dev split)",
        "CC BY-NC 4.0, academic use", "evaluation only", texts, tasks, "", notes,
    )


UNHEALTHY_TASKS = (
    ("criticism", ("hostile", "antagonize")),
    ("contempt", ("condescending", "sarcastic")),
    ("dismissal", ("dismissive",)),
)


def load_unhealthy(data_dir: Path) -> Dataset | None:
    """Unhealthy Comments (val): attribute labels as proxies for the hurtful kinds."""
    path = data_dir / "unhealthy-conversations" / "val.csv"
    if not path.is_file():
        return None
    rows = [r for r in _read_csv(path) if (r.get("comment") or "").strip()]

    def positive(row: dict[str, str], cols: tuple[str, ...]) -> bool:
        return any(float(row.get(c) or 0) > 0.5 for c in cols)

    def unanimous(row: dict[str, str], cols: tuple[str, ...]) -> bool:
        return any(positive(row, (c,)) and float(row.get(f"{c}:confidence") or 0) >= 0.999 for c in cols)

    texts = tuple(r["comment"] for r in rows)
    tasks = tuple(
        _task(kind, " or ".join(cols), (positive(r, cols) for r in rows)) for kind, cols in UNHEALTHY_TASKS
    )
    agreed, healthy = [], []
    for kind, cols in UNHEALTHY_TASKS:
        pos = [r for r in rows if positive(r, cols)]
        if pos:
            agreed.append(f"{kind} {sum(unanimous(r, cols) for r in pos) / len(pos):.0%}")
            healthy.append(f"{kind} {sum(positive(r, ('healthy',)) for r in pos) / len(pos):.0%}")
    notes = (
        "Comments on news articles aimed at other commenters, politicians or groups, not at a partner; "
        "'hostile' is broader than criticism of a person's character.",
        "Each label is the majority of a few crowd judgments (mostly 3). Positives every judge agreed on: "
        + ", ".join(agreed) + "; positives the same judges also marked healthy: " + ", ".join(healthy) + ".",
    )
    return Dataset(
        "unhealthy-conversations/val", "Unhealthy Comments corpus (Globe and Mail comments), validation split",
        "CC BY-NC-SA 4.0", "evaluation only", texts, tasks,
        "BERT ROC-AUC hostile .84, dismissive .82, antagonize .82, condescending .78, sarcastic .64", notes,
    )


def load_goemotions(data_dir: Path) -> Dataset | None:
    """GoEmotions (test): gratitude, curiosity and remorse as proxies."""
    path = data_dir / "goemotions" / "test.tsv"
    names_path = data_dir / "goemotions" / "labels.txt"
    if not (path.is_file() and names_path.is_file()):
        return None
    names = names_path.read_text(encoding="utf-8").split()
    texts: list[str] = []
    labels: list[set[str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].strip():
                texts.append(parts[0])
                labels.append({names[int(i)] for i in parts[1].split(",") if i.strip().isdigit()})
    tasks = (
        _task("appreciation", "emotion gratitude", ("gratitude" in s for s in labels)),
        _task("apology", "emotion remorse", ("remorse" in s for s in labels)),
        _task(
            "open_question (curiosity)", "emotion curiosity", ("curiosity" in s for s in labels),
            ("open_question", "thought_question"),
        ),
    )
    notes = (
        "Reddit comments; emotions are the reader-perceived emotion of the comment, so 'curiosity' includes "
        "statements ('I wonder...') and 'remorse' includes regret without apology.",
    )
    return Dataset(
        "goemotions/test", "GoEmotions (Reddit comments), test split", "Apache-2.0",
        "train shipped weights (train split); test reported", tuple(texts), tasks,
        "BERT-base macro-F1 0.46 over 28 labels; gratitude is the easiest class", notes,
    )


POLITENESS_FILES = (("wikipedia", "wikipedia.annotated.csv", "83.8% (humans 86.7%)"),
                    ("stack-exchange", "stack-exchange.annotated.csv", "78.2% (humans 80.9%)"))


@dataclass(frozen=True)
class PolitenessSet:
    """Requests from the top (polite) and bottom (impolite) quartile of the normalised score."""

    name: str
    texts: tuple[str, ...]
    polite: tuple[bool, ...]
    baseline: str


def load_politeness(data_dir: Path) -> list[PolitenessSet]:
    out = []
    for short, filename, baseline in POLITENESS_FILES:
        path = data_dir / "stanford-politeness" / filename
        if not path.is_file():
            continue
        rows = [r for r in _read_csv(path) if (r.get("Request") or "").strip() and r.get("Normalized Score")]
        scores = sorted(float(r["Normalized Score"]) for r in rows)
        low, high = scores[len(scores) // 4], scores[(3 * len(scores)) // 4]
        kept = [(r["Request"], float(r["Normalized Score"]) >= high) for r in rows
                if float(r["Normalized Score"]) >= high or float(r["Normalized Score"]) <= low]
        out.append(PolitenessSet(f"stanford-politeness/{short}", tuple(t for t, _ in kept),
                                 tuple(p for _, p in kept), baseline))
    return out


Loader = Callable[[Path], "Dataset | None"]
PUBLIC_LOADERS: tuple[Loader, ...] = (load_swda, load_esconv, load_unhealthy, load_goemotions)
