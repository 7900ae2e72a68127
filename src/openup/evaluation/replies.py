"""How well `reply()` coaches: do its suggestions carry their move's signal, and never a harmful one?

Partner-side texts come from two public sets in `shared/data` (evaluation only, never training):
ESConv's `prev_seeker_turn` (what a person seeking support said; CC BY-NC 4.0) and GoEmotions test texts
written in the first person with an emotion label (Apache-2.0). For each text, each suggestion is run
through `detect(..., model=False)`: a suggestion "carries" its move when the move's signal is found
(reflect: reflection, validate: validation, ask: open_question), and is "clean" when no harmful or
safety kind is found. Grammar is checked cheaply too (no doubled word such as "you you").

>>> from pathlib import Path
>>> evaluate_replies(Path("../shared/data"), limit=20)["texts"]["coached"] > 0  # doctest: +SKIP
True
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openup.errors import UserError

_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|i'll|my|me|myself)\b", re.IGNORECASE)
_POSITIVE_EMOTIONS = frozenset(
    [
        "admiration",
        "amusement",
        "approval",
        "caring",
        "desire",
        "excitement",
        "gratitude",
        "joy",
        "love",
        "optimism",
        "pride",
        "relief",
    ]
)
_NEGATIVE_EMOTIONS = frozenset(
    [
        "anger",
        "annoyance",
        "disappointment",
        "disapproval",
        "disgust",
        "embarrassment",
        "fear",
        "grief",
        "nervousness",
        "remorse",
        "sadness",
    ]
)
def _move_signals() -> dict[str, str]:
    """Each move of `method/replies.toml` and the signal it must carry ("" when it carries none of its own)."""
    from openup.coach.listen import moves

    return {name: move.signal for name, move in moves().items()}


def esconv_texts(data_dir: Path) -> Iterator[tuple[str, str]]:
    """(text, "") for each distinct seeker turn in ESConv's dev file, in file order."""
    path = data_dir / "esconv" / "esconv_supporter_dev.csv"
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = (row.get("prev_seeker_turn") or "").strip()
            if text and text not in seen:
                seen.add(text)
                yield text, ""


def goemotions_texts(data_dir: Path) -> Iterator[tuple[str, str]]:
    """(text, emotion) for GoEmotions test texts in the first person with a non-neutral label."""
    folder = data_dir / "goemotions"
    labels = (folder / "labels.txt").read_text(encoding="utf-8").split()
    with (folder / "test.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            text, ids = parts[0], [int(i) for i in parts[1].split(",") if i.strip().isdigit()]
            names = [labels[i] for i in ids if i < len(labels) and labels[i] != "neutral"]
            if names and _FIRST_PERSON.search(text):
                yield text, names[0]


def partner_texts(data_dir: Path, limit: int | None = None) -> list[tuple[str, str, str]]:
    """(source, text, emotion) rows, ESConv and GoEmotions interleaved so any prefix mixes both."""
    a = [("esconv", t, e) for t, e in esconv_texts(data_dir)]
    b = [("goemotions", t, e) for t, e in goemotions_texts(data_dir)]
    out: list[tuple[str, str, str]] = []
    for i in range(max(len(a), len(b))):
        if i < len(a):
            out.append(a[i])
        if i < len(b):
            out.append(b[i])
    return out[:limit] if limit is not None else out


def _pct(num: int, den: int) -> float:
    return round(100.0 * num / den, 1) if den else 0.0


# What is counted for each move's suggestions; the result gives each but "n" also as a percentage of "n".
_COUNTS = ("n", "carries", "clean", "both", "reads_well", "thought", "concrete", "specific")


@dataclass
class _Tally:
    """The running counts of `evaluate_replies`."""

    total: int
    per_move: dict[str, dict[str, int]] = field(
        default_factory=lambda: {m: dict.fromkeys(_COUNTS, 0) for m in _move_signals()}
    )
    texts: dict[str, int] = field(init=False)
    skipped: dict[str, int] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)
    valence: dict[str, int] = field(default_factory=lambda: {"n": 0, "agree": 0})
    timings: list[float] = field(default_factory=list)
    failures: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.texts = {"total": self.total, "coached": 0, "safety": 0, "skipped": 0, "brief": 0}

    def skip(self, exc: UserError) -> None:
        self.texts["skipped"] += 1
        reason = str(exc).split(";")[0].split(":")[0][:60]
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def suggestion(self, move: str, text: str, generic: set[str]) -> None:
        """Count one suggestion: its move's signal, harmful kinds, grammar, question kinds, specificity."""
        from openup.coach.listen import reads_well
        from openup.text.detect import detect

        c = self.per_move[move]
        kinds_found = {f.kind for f in detect(text, model=False)}
        signal = _move_signals()[move]
        has_signal = not signal or signal in kinds_found
        clean = not _harmful(kinds_found)
        c["n"] += 1
        c["carries"] += has_signal
        c["clean"] += clean
        c["both"] += has_signal and clean
        c["reads_well"] += reads_well(text)
        c["thought"] += "thought_question" in kinds_found
        c["concrete"] += "concrete_question" in kinds_found
        c["specific"] += text not in generic
        if not (has_signal and clean) and len(self.failures) < 20:
            self.failures.append({"move": move, "text": text, "kinds": ",".join(sorted(kinds_found))})

    def feeling(self, emotion: str, valence: str) -> None:
        """Whether the heard feeling's tone agrees with the text's GoEmotions label, when it has a tone."""
        want = "positive" if emotion in _POSITIVE_EMOTIONS else "negative" if emotion in _NEGATIVE_EMOTIONS else ""
        if want:
            self.valence["n"] += 1
            self.valence["agree"] += valence == want

    def latency(self, p: float) -> float:
        """The p-quantile of the sorted timings, in milliseconds."""
        t = self.timings
        return round(t[min(len(t) - 1, int(p * len(t)))], 2) if t else 0.0

    def result(self) -> dict[str, Any]:
        self.timings.sort()
        moves = {
            m: {**c, **{f"{k}_pct": _pct(c[k], c["n"]) for k in _COUNTS[1:]}} for m, c in self.per_move.items()
        }
        all_n = sum(c["n"] for c in self.per_move.values())
        return {
            "texts": self.texts,
            "sources": self.sources,
            "skipped_reasons": self.skipped,
            "moves": moves,
            "overall": {
                "suggestions": all_n,
                "clean_pct": _pct(sum(c["clean"] for c in self.per_move.values()), all_n),
                "carries_pct": _pct(sum(c["carries"] for c in self.per_move.values()), all_n),
            },
            "feeling_valence": {**self.valence, "agree_pct": _pct(self.valence["agree"], self.valence["n"])},
            "latency_ms": {
                "p50": self.latency(0.50),
                "p99": self.latency(0.99),
                "mean": round(sum(self.timings) / len(self.timings), 2) if self.timings else 0.0,
            },
            "failures": self.failures,
        }


def evaluate_replies(data_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Run `reply()` (templates only, no LLM) over partner texts and count what its suggestions carry.

    Returns counts and rates (percentages) per move, latency in milliseconds, and `markdown`, a section
    ready for docs/accuracy.md.
    """
    from openup.coach.listen import moves, reply

    rows = partner_texts(data_dir, limit)
    # A suggestion is "specific" when it is not one of the slot-free fallback templates.
    generic = {w for m in moves().values() for t in m.templates if not t.slots for w in t.texts}
    tally = _Tally(len(rows))
    for source, text, emotion in rows:
        tally.sources[source] = tally.sources.get(source, 0) + 1
        t0 = time.perf_counter()
        try:
            result = reply(text, llm=False)
        except UserError as exc:
            tally.skip(exc)
            continue
        tally.timings.append((time.perf_counter() - t0) * 1000)
        if not result.suggestions:
            tally.texts["safety"] += 1
            continue
        if result.brief is not None:
            tally.texts["brief"] += 1  # a small bid answered in kind: no moves to score
            continue
        tally.texts["coached"] += 1
        for s in result.suggestions:
            tally.suggestion(s.move, s.text, generic)
        if emotion and result.heard.feelings:
            tally.feeling(emotion, result.heard.valence)
    result_dict = tally.result()
    result_dict["markdown"] = replies_markdown(result_dict)
    return result_dict


def _harmful(found: set[str]) -> bool:
    from openup.method import kinds

    table = kinds()
    return any(table[k].harmful for k in found)


def replies_markdown(result: dict[str, Any]) -> str:
    """A markdown section for docs/accuracy.md from an `evaluate_replies()` result."""
    t = result["texts"]
    lines = [
        "## Reply coaching (`openup reply`)",
        "",
        f"Partner-side texts: {t['total']} ({', '.join(f'{k} {v}' for k, v in result['sources'].items())}); "
        f"coached {t['coached']}, answered in kind as a small bid (\"thanks\", \"love you\", \"ok\") "
        f"{t['brief']}, answered with the safety section {t['safety']}, turned away {t['skipped']} "
        "(not English, no words).",
        "*Built from their words* = a template with slots filled from the message, not a slot-free "
        'fallback (short or off-topic texts such as "hi" get the fallback).',
        "Each suggestion is run through `detect(model=False)`. *Carries* = the move's signal is found "
        "(reflect: reflection, validate: validation, ask: open_question); *clean* = no harmful or safety "
        "kind.",
        "",
        "| move | suggestions | carries its signal | clean | both | reads well | built from their words "
        "| thought question | concrete question |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for move, c in result["moves"].items():
        lines.append(
            f"| {move} | {c['n']} | {c['carries_pct']}% | {c['clean_pct']}% | {c['both_pct']}% | "
            f"{c['reads_well_pct']}% | {c['specific_pct']}% | {c['thought_pct']}% | {c['concrete_pct']}% |"
        )
    lat = result["latency_ms"]
    fv = result["feeling_valence"]
    lines += [
        "",
        f"Latency per reply (templates, learned tier on as shipped), timed during this run: p50 {lat['p50']} ms, "
        f"p99 {lat['p99']} ms (the speed target is proven in `bench/bench_reply.py` on a quiet machine).",
        f"Heard-feeling tone agrees with the GoEmotions label (positive vs negative emotions) on "
        f"{fv['agree_pct']}% of {fv['n']} texts where a feeling was heard.",
        "Sources: ESConv (Liu et al., ACL 2021; CC BY-NC 4.0, evaluation only), GoEmotions (Demszky et al., "
        "ACL 2020; Apache-2.0). Neither is couples' chat.",
    ]
    return "\n".join(lines) + "\n"


__all__ = ["evaluate_replies", "partner_texts", "replies_markdown"]
