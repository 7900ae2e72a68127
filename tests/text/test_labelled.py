"""Per-kind precision/recall/F1 of the lexical tier on the hand-labelled couple-style suite.

`tests/data/labelled.jsonl` was written from a spec before the patterns were tuned: every message lists
every kind present. Conventions (so labels can be checked): a wh-question is `open_question`, any other
question is `closed_question`, and a question that does the work of a hurtful move ("what is wrong with
you?", "why aren't you answering?", "why don't you just quit?") carries that kind and not a question
kind. "I feel ..." / "I need ..." / "I'm X when ..." are `i_statement`; naming one's own feeling or
inner life is `self_disclosure`; sympathy ("sorry to hear that") is `validation`, not `apology`.

`labelled_holdout.jsonl` was written after tuning and is never tuned on: its F1 is reported, and only
a loose floor is asserted, so it stays an honest estimate of how the patterns generalise.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from openup.evaluation.metrics import Counts, score_kinds
from openup.text import detect_many

DATA = Path(__file__).resolve().parents[1] / "data"
SIGNALS = Path(__file__).resolve().parents[2] / "src" / "openup" / "method" / "signals.toml"
TARGET_F1 = 0.9
HOLDOUT_FLOOR = 0.75


def _style_kinds() -> list[str]:
    with SIGNALS.open("rb") as fh:
        table = tomllib.load(fh)["kind"]
    return sorted(k for k, v in table.items() if v["polarity"] != "safety")


STYLE_KINDS = _style_kinds()


def _load(name: str) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows, f"{name} is empty"
    return rows


def _score(name: str) -> dict[str, Counts]:
    rows = _load(name)
    texts = [str(r["text"]) for r in rows]
    gold = [set(r["kinds"]) for r in rows]  # type: ignore[call-overload]
    predicted = [{s.kind for s in sigs} for sigs in detect_many(texts, model=False)]
    return score_kinds(gold, predicted, STYLE_KINDS)


def _table(scores: dict[str, Counts]) -> str:
    lines = [f"{'kind':<18} {'pos':>4} {'P':>5} {'R':>5} {'F1':>5}"]
    for kind, c in sorted(scores.items(), key=lambda kv: kv[1].f1):
        lines.append(f"{kind:<18} {c.positives:>4} {c.precision:>5.2f} {c.recall:>5.2f} {c.f1:>5.2f}")
    return "\n".join(lines)


def test_suite_is_well_formed() -> None:
    rows = _load("labelled.jsonl")
    assert len(rows) >= 300
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts)), "duplicate messages in the suite"
    with SIGNALS.open("rb") as fh:
        known = set(tomllib.load(fh)["kind"])
    positives = dict.fromkeys(STYLE_KINDS, 0)
    for row in rows:
        assert set(row) == {"text", "kinds"}
        assert isinstance(row["text"], str) and row["text"].strip()
        kinds = row["kinds"]
        assert isinstance(kinds, list) and set(kinds) <= known, row
        for kind in kinds:
            if kind in positives:
                positives[kind] += 1
    thin = {k: n for k, n in positives.items() if n < 12}
    assert not thin, f"kinds with fewer than 12 positives: {thin}"
    neutral = sum(1 for r in rows if not r["kinds"] or set(r["kinds"]) <= {"closed_question", "open_question"})
    assert neutral >= 40


@pytest.fixture(scope="module")
def suite_scores() -> dict[str, Counts]:
    return _score("labelled.jsonl")


@pytest.mark.parametrize("kind", STYLE_KINDS)
def test_f1_per_kind_on_suite(kind: str, suite_scores: dict[str, Counts]) -> None:
    c = suite_scores[kind]
    assert c.f1 >= TARGET_F1, f"{kind}: F1 {c.f1:.2f} < {TARGET_F1}\n{_table(suite_scores)}"


def test_holdout_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    scores = _score("labelled_holdout.jsonl")
    total = Counts(
        n=next(iter(scores.values())).n,
        tp=sum(c.tp for c in scores.values()),
        fp=sum(c.fp for c in scores.values()),
        fn=sum(c.fn for c in scores.values()),
    )
    with capsys.disabled():
        print(f"\nheld-out suite (written after tuning), micro-F1 {total.f1:.2f}\n{_table(scores)}")
    assert total.f1 >= HOLDOUT_FLOOR
