"""The blind test lines read again by independent readers, and openup scored against what they agree on.

Each blind line carries the labels of the one helper who wrote it. Two more readers label every line of a
test half again (`tests/data/blind/readers/`), each seeing only the kind definitions and the lines: never the
writer's labels, openup's readings or each other's work. From that:
- **how far careful readers agree** with the writer and with each other, per kind and per safety level: how
  clear the lines are to a second reader, and so what a careful reader can reach (the readers are language-model
  helpers, as the writers are, so two people would likely agree less);
- **openup scored against agreed labels**: a kind counts as present when at least two of the three (the
  writer and both readers) named it; a safety level is the one at least two of the three gave, else the
  writer's (three different levels: the writer knew what was meant).

The writers' own labels stay the headline (`blind.py`); this section says how much of the distance to the
targets is disagreement about the lines rather than misreading.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openup.evaluation.metrics import Counts, Recall, macro_f1, score_kinds

READERS = "readers"  # the folder beside the blind sets
SAFETY_LEVELS = ("none", "concern", "danger", "crisis")


def text_id(text: str) -> str:
    """The id a line is labelled under: the first 12 hex digits of the SHA-1 of its text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def read_readers(folder: Path, name: str) -> Labels:
    """Per line id, each reader's row ({"id", "reader", "kinds"} and for safety "level"), in file order. One
    file per set holds both halves: a line keeps its readers when its batch is retired from test to dev."""
    path = folder / READERS / f"{name}.jsonl"
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[str(row["id"])].append(row)
    return dict(out)


def agreed_kinds(writer: Iterable[str], readers: Sequence[Iterable[str]]) -> set[str]:
    """The kinds named by more than half of the writer and the readers together.

    >>> sorted(agreed_kinds(["criticism", "contempt"], [["criticism"], ["contempt", "advice"]]))
    ['contempt', 'criticism']
    >>> sorted(agreed_kinds(["criticism"], [["contempt"], ["contempt"]]))
    ['contempt']
    """
    votes = Counter(k for labels in (writer, *readers) for k in set(labels))
    return {k for k, n in votes.items() if 2 * n > 1 + len(readers)}


def agreed_level(writer: str, readers: Sequence[str]) -> str:
    """The level more than half of the writer and the readers gave, else the writer's.

    >>> agreed_level("crisis", ["concern", "concern"]), agreed_level("danger", ["crisis", "concern"])
    ('concern', 'danger')
    """
    level, n = Counter([writer, *readers]).most_common(1)[0]
    return level if 2 * n > 1 + len(readers) else writer


def caught(gold: str, level: str, crisis: bool) -> bool:
    """Whether a screen's (level, crisis line first) catches a text of level `gold`: danger screened as
    danger, crisis flagged with the crisis line first, concern flagged at all; `none` is never caught."""
    if gold == "danger":
        return level == "danger"
    if gold == "crisis":
        return level != "none" and crisis
    return gold == "concern" and level != "none"


def _as_screen(level: str) -> tuple[str, bool]:
    """A reader's level as a screen would give it: crisis is flagged with the crisis line first."""
    return ("danger", True) if level == "crisis" else (level, False)


@dataclass
class AgreedResult:
    """Readers' agreement on the blind test lines, and each tier against the agreed labels."""

    part: str
    coaching_lines: int = 0  # lines with two readers' labels
    safety_lines: int = 0
    coaching_changed: int = 0  # lines whose agreed kinds differ from the writer's
    safety_changed: int = 0  # lines whose agreed level differs from the writer's
    reader_vs_writer: dict[str, Counts] = field(default_factory=dict)  # kind -> pooled counts, writer as gold
    reader_vs_reader: dict[str, Counts] = field(default_factory=dict)  # kind -> counts, first reader as gold
    tiers: dict[str, dict[str, Counts]] = field(default_factory=dict)  # tier -> kind -> counts vs agreed
    levels: list[Recall] = field(default_factory=list)  # per level (`name`): tiers vs agreed; "reader" vs writer
    reader_level_agreement: tuple[int, int] = (0, 0)  # lines where both readers gave the same level, of n

    def macro_f1(self, counts: dict[str, Counts], kinds: Sequence[str]) -> float:
        return macro_f1(counts[k] for k in kinds if k in counts)

    def level(self, level: str, who: str) -> Recall | None:
        return next((r for r in self.levels if r.name == level and r.tier == who), None)


Labels = dict[str, list[dict[str, Any]]]  # line id -> the readers' rows


def _pairs(rows: list[dict[str, Any]], labels: Labels) -> list[tuple[int, list[dict[str, Any]]]]:
    """(index, the first two readers' rows) for each line two readers labelled."""
    out = []
    for i, r in enumerate(rows):
        got = labels.get(text_id(str(r["text"])), [])
        if len(got) >= 2:
            out.append((i, got[:2]))
    return out


def score_coaching(result: AgreedResult, rows: list[dict[str, Any]], labels: Labels,
                   kinds: Sequence[str], predicted: dict[str, list[set[str]]]) -> None:
    """Readers' agreement on the coaching lines, and each tier's `predicted` kinds against agreed labels."""
    pairs = _pairs(rows, labels)
    result.coaching_lines = len(pairs)
    writer = [set(rows[i]["kinds"]) for i, _ in pairs]
    first = [set(a["kinds"]) for _, (a, _b) in pairs]
    second = [set(b["kinds"]) for _, (_a, b) in pairs]
    agreed = [agreed_kinds(w, [a, b]) for w, a, b in zip(writer, first, second, strict=True)]
    scored = set(kinds)
    result.coaching_changed = sum(w & scored != g & scored for w, g in zip(writer, agreed, strict=True))
    result.reader_vs_writer = score_kinds(writer + writer, first + second, kinds)
    result.reader_vs_reader = score_kinds(first, second, kinds)
    for tier, pred in predicted.items():
        result.tiers[tier] = score_kinds(agreed, [pred[i] for i, _ in pairs], kinds)


def score_safety(result: AgreedResult, rows: list[dict[str, Any]], labels: Labels,
                 screened: dict[str, list[tuple[str, bool]]]) -> None:
    """Readers' agreement on the safety lines, and each tier's screen against the agreed levels."""
    pairs = _pairs(rows, labels)
    result.safety_lines = len(pairs)
    writer = [str(rows[i]["level"]) for i, _ in pairs]
    readers = [[str(a["level"]), str(b["level"])] for _, (a, b) in pairs]
    agreed = [agreed_level(w, rs) for w, rs in zip(writer, readers, strict=True)]
    result.safety_changed = sum(w != g for w, g in zip(writer, agreed, strict=True))
    result.reader_level_agreement = (sum(a == b for a, b in readers), len(readers))
    for level in SAFETY_LEVELS:
        idx = [k for k, w in enumerate(writer) if w == level]
        hits = [counted(level, *_as_screen(r)) for k in idx for r in readers[k]]
        result.levels.append(Recall(level, "reader", len(hits), sum(hits), sum(hits)))
    for tier, screen in screened.items():
        for level in SAFETY_LEVELS:
            idx = [k for k, g in enumerate(agreed) if g == level]
            hits = [counted(level, *screen[pairs[k][0]]) for k in idx]
            result.levels.append(Recall(level, tier, len(hits), sum(hits), sum(hits)))


def counted(gold: str, level: str, crisis: bool) -> bool:
    """What a text counts for: caught, for a level with a sign (`caught`); flagged at all, for `none` (a false
    alarm)."""
    return level != "none" if gold == "none" else caught(gold, level, crisis)


def agreed_markdown(res: AgreedResult, hurts: Sequence[str], helps: Sequence[str], kinds: Sequence[str]) -> list[str]:
    """The section of docs/accuracy.md on the readers' labels."""
    tiers = list(res.tiers) or list(dict.fromkeys(r.tier for r in res.levels if r.tier != "reader"))
    head = " / ".join(tiers)
    same, n = res.reader_level_agreement
    out = [
        "",
        f"### Read again by two independent readers ({res.part} half)",
        "",
        "Every line was labelled again by two readers who saw only the kind definitions and the lines (never the "
        "writer's labels, openup's readings or each other's work; `tests/data/blind/readers/`). *Agreed* labels "
        "are what at least two of the three (the writer and both readers) gave; a safety level with no such "
        "majority keeps the writer's. How far the readers agree is how far a second person reads the lines the "
        "same way: what a careful reader can reach, openup included. The readers are language-model helpers, as "
        "the writers are, so this agreement says the lines are clear; two people would likely agree less.",
        "",
        f"{res.coaching_lines} coaching lines ({res.coaching_changed} with agreed kinds other than the writer's) and "
        f"{res.safety_lines} safety lines ({res.safety_changed} with another agreed level; the two readers gave "
        f"the same level to {same} of {n}).",
        "",
        "| safety level | n (writer's / agreed) | a reader, against the writer's level | "
        f"openup against the agreed level ({head}) |",
        "|---|---|---|---|",
    ]
    for level in SAFETY_LEVELS:
        reader = res.level(level, "reader")
        rows = [r for r in (res.level(level, t) for t in tiers) if r is not None]
        if reader is None or not rows:
            continue
        what = "flagged (false alarms)" if level == "none" else "caught"
        out.append(f"| {level}: {what} | {reader.n // 2} / {rows[0].n} | {reader.rate:.1%} | "
                   + " / ".join(f"{r.rate:.1%}" for r in rows) + " |")
    out += [
        "",
        f"| coaching kinds | a reader against the writer | one reader against the other | "
        f"openup against the agreed labels ({head}) |",
        "|---|---|---|---|",
    ]
    for group, members in (("hurts macro-F1", hurts), ("helps macro-F1", helps)):
        cells = " / ".join(f"{res.macro_f1(res.tiers[t], members):.2f}" for t in tiers if t in res.tiers)
        out.append(f"| **{group}** | {res.macro_f1(res.reader_vs_writer, members):.2f} | "
                   f"{res.macro_f1(res.reader_vs_reader, members):.2f} | {cells} |")
    for kind in kinds:
        if kind not in res.reader_vs_writer:
            continue
        cells = " / ".join(f"{res.tiers[t][kind].f1:.2f}" for t in tiers if t in res.tiers and kind in res.tiers[t])
        out.append(f"| {kind} | {res.reader_vs_writer[kind].f1:.2f} | {res.reader_vs_reader[kind].f1:.2f} | {cells} |")
    return out


def agreed_summary_lines(res: AgreedResult, hurts: Sequence[str], helps: Sequence[str]) -> list[str]:
    """The readers' headline numbers for the terminal."""
    lines = [f"  read again by two readers ({res.coaching_lines} coaching, {res.safety_lines} safety lines): "
             f"a reader against the writer: hurts {res.macro_f1(res.reader_vs_writer, hurts):.2f}, helps "
             f"{res.macro_f1(res.reader_vs_writer, helps):.2f}"]
    for tier, counts in res.tiers.items():
        levels = ", ".join(f"{r.name} {r.rate:.0%}" for r in res.levels if r.tier == tier and r.name != "none")
        alarms = res.level("none", tier)
        lines.append(f"  {tier} against agreed labels: safety caught {levels}; hard negatives flagged "
                     f"{alarms.rate if alarms else 0.0:.1%}; hurts {res.macro_f1(counts, hurts):.2f}, helps "
                     f"{res.macro_f1(counts, helps):.2f}")
    return lines
