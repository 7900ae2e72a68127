"""The blind test lines read again by two independent readers: the agreed labels, the readers' agreement,
and openup scored against what at least two of the three readers gave. Real test lines are only counted
here, never printed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from openup.evaluation.blind import BLIND_DIR, blind_markdown, blind_summary_lines, evaluate_blind, read_set
from openup.evaluation.readers import (
    SAFETY_LEVELS,
    agreed_kinds,
    agreed_level,
    read_readers,
    text_id,
)


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_a_kind_counts_when_two_of_three_named_it() -> None:
    assert agreed_kinds(["criticism"], [["criticism"], []]) == {"criticism"}
    assert agreed_kinds(["criticism"], [[], []]) == set()  # the writer alone
    assert agreed_kinds([], [["advice"], ["advice"]]) == {"advice"}  # both readers, not the writer
    assert agreed_kinds(["advice"], [["advice", "advice"], []]) == {"advice"}  # one vote per reader


def test_a_level_is_the_majority_else_the_writers() -> None:
    assert agreed_level("crisis", ["crisis", "concern"]) == "crisis"
    assert agreed_level("crisis", ["none", "none"]) == "none"
    assert agreed_level("danger", ["concern", "crisis"]) == "danger"


def test_scored_against_agreed_labels_on_a_known_folder(tmp_path: Path) -> None:
    coaching = [
        {"text": "You're so lazy", "kinds": ["criticism"], "register": "american"},
        {"text": "ur so lazy", "kinds": [], "register": "texting"},  # the writer missed it; both readers saw it
        {"text": "thanks for cooking tonight", "kinds": ["appreciation", "criticism"], "register": "texting"},
    ]
    safety = [
        {"text": "I'll kill you if you leave", "level": "danger", "kinds": ["threat"], "register": "x"},
        {"text": "this traffic is killing me", "level": "crisis", "kinds": [], "register": "x"},
    ]
    _write(tmp_path / "coaching.test.jsonl", coaching)  # type: ignore[arg-type]
    _write(tmp_path / "safety.test.jsonl", safety)  # type: ignore[arg-type]
    readers = {
        "You're so lazy": (["criticism"], ["criticism", "contempt"]),
        "ur so lazy": (["criticism"], ["criticism"]),
        "thanks for cooking tonight": (["appreciation"], ["appreciation"]),
    }
    _write(tmp_path / "readers" / "coaching.jsonl", [
        {"id": text_id(t), "reader": who, "kinds": k}
        for t, pair in readers.items() for who, k in zip(("a", "b"), pair, strict=True)
    ])
    _write(tmp_path / "readers" / "safety.jsonl", [
        {"id": text_id("I'll kill you if you leave"), "reader": "a", "level": "danger", "kinds": ["threat"]},
        {"id": text_id("I'll kill you if you leave"), "reader": "b", "level": "crisis", "kinds": ["threat"]},
        {"id": text_id("this traffic is killing me"), "reader": "a", "level": "none", "kinds": []},
        {"id": text_id("this traffic is killing me"), "reader": "b", "level": "none", "kinds": []},
    ])
    res = evaluate_blind(None, ["lexical"], "test", folder=tmp_path)
    assert res is not None and res.agreed is not None
    agreed = res.agreed
    assert (agreed.coaching_lines, agreed.safety_lines) == (3, 2)
    assert agreed.coaching_changed == 2 and agreed.safety_changed == 1
    crit = agreed.tiers["lexical"]["criticism"]
    assert crit.positives == 2  # "ur so lazy" gained it, the thanks lost it
    assert crit.tp == 2 and crit.fp == 0
    # the writer's own labels are still the headline: there "ur so lazy" has none and the thanks line has criticism
    writers = res.kind("criticism", "lexical")
    assert writers is not None and (writers.tp, writers.fp, writers.fn) == (1, 1, 1)
    # the readers against the writer: criticism on "You're so lazy" twice (tp), missed... and added on "ur so lazy"
    rw = agreed.reader_vs_writer["criticism"]
    assert (rw.tp, rw.fp, rw.fn) == (2, 2, 2)
    rr = agreed.reader_vs_reader["contempt"]
    assert (rr.tp, rr.fp, rr.fn) == (0, 1, 0)
    danger = agreed.level("danger", "lexical")
    assert danger is not None and (danger.n, danger.caught) == (1, 1)
    none = agreed.level("none", "lexical")
    assert none is not None and (none.n, none.caught) == (1, 0)  # an idiom the writer called crisis
    reader_danger = agreed.level("danger", "reader")
    assert reader_danger is not None and (reader_danger.n, reader_danger.caught) == (2, 2)
    assert agreed.reader_level_agreement == (1, 2)
    page = blind_markdown(res)
    assert page.index("### Coaching kinds") < page.index("### Read again by two independent readers")
    assert "| danger: caught | 1 / 1 | 100.0% | 100.0% |" in page  # one line, two readers: n is lines, not readings
    assert "| none: flagged (false alarms) | 0 / 1 | 0.0% | 0.0% |" in page  # the writer called it crisis
    assert "| crisis: caught | 1 / 0 | 0.0% | 0.0% |" in page  # both readers: none
    assert "| criticism | " in page.split("### Read again")[1]
    assert any("against agreed labels" in line for line in blind_summary_lines(res))


def test_no_readers_folder_means_no_section(tmp_path: Path) -> None:
    _write(tmp_path / "coaching.test.jsonl", [{"text": "ur so lazy", "kinds": ["criticism"], "register": "t"}])
    res = evaluate_blind(None, ["lexical"], "test", folder=tmp_path)
    assert res is not None and res.agreed is None
    assert "Read again" not in blind_markdown(res)


@pytest.mark.parametrize("name", ["coaching", "safety"])
def test_every_line_was_read_again_by_two_readers(name: str) -> None:
    """The shipped reader files cover both halves of the set, each line twice, with valid labels only (a new
    batch is read again before it lands: `scripts/blind_readers.py`)."""
    from openup.evaluation.blind import coaching_kinds

    labels = read_readers(BLIND_DIR, name)
    ids = {text_id(str(r["text"])) for r in read_set(name, "dev") + read_set(name, "test")}
    assert ids and set(labels) == ids
    assert all(len(rows) == 2 and rows[0]["reader"] != rows[1]["reader"] for rows in labels.values())
    allowed = set(coaching_kinds()) if name == "coaching" else {"threat", "violence", "control", "fear", "self_harm"}
    for rows in labels.values():
        for row in rows:
            assert set(row["kinds"]) <= allowed
            if name == "safety":
                assert row["level"] in SAFETY_LEVELS
    readers = Counter(row["reader"] for rows in labels.values() for row in rows)
    assert len(readers) >= 4  # two per half of the lines, none of them a writer
