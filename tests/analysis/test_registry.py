"""A measure is one function plus one registration: it then appears in metrics.json, in the report's table
and in the limits, without touching any other file."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.analysis.helpers import alternate, conv

from openup.analysis import analyze, write_report
from openup.analysis.evidence import EvidenceBook, UnknownEvidenceKey, declare
from openup.analysis.model import Analysis
from openup.analysis.registry import Context, Measure, ReportRow, measures, register, unregister
from openup.analysis.timeline import ME, PARTNER


@dataclass(frozen=True)
class Exclaims:
    per_person: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        return {"principle": "appreciate", "people": list(self.per_person)}


def _count(c: Context) -> Exclaims:
    counts = [0, 0]
    for i in range(len(c.tl)):
        if "!" in c.tl.messages[i].text:
            counts[c.tl.who[i]] += 1
            c.book.add(f"exclaims.{c.tl.who[i]}", "Messages with an exclamation mark", "appreciate", (i,))
    return Exclaims((counts[ME], counts[PARTNER]))


def _rows(a: Analysis, people: Sequence[int]) -> list[ReportRow]:
    rec = a.results["exclaims"]
    return [ReportRow("Messages that exclaim", "appreciate",
                      tuple((rec.per_person[p], f"exclaims.{p}") for p in people))]


@pytest.fixture()
def exclaims() -> Iterator[None]:
    declare("exclaims.{p}")
    register(Measure("exclaims", _count, frozenset({"two_people", "text"}), rows=_rows))
    yield
    unregister("exclaims")


def test_a_registered_measure_reaches_metrics_and_report(exclaims: None, tmp_path: Path) -> None:
    assert measures()[-1].name == "exclaims"
    c = conv(alternate(["great news!", "ok", "wow!"], ["tell me!", "sure", "fine"]))
    a = analyze(c, model=False)
    paths = write_report(a, tmp_path)
    metrics = json.loads(paths["metrics"].read_text(encoding="utf-8"))
    assert metrics["measures"]["exclaims"] == {"principle": "appreciate", "people": [2, 1]}
    html = paths["report"].read_text(encoding="utf-8")
    assert "Messages that exclaim" in html and 'data-ev="exclaims.0"' in html


def test_a_registered_measure_says_why_it_is_missing(exclaims: None) -> None:
    a = analyze(conv([("Alex", 0, "hello!"), ("Alex", 1, "anyone?")]), model=False)
    assert "exclaims" in a.limits and "one person" in a.limits["exclaims"]


def test_unknown_needs_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown needs"):
        Measure("x", _count, frozenset({"telepathy"}))


def test_builtin_order_is_the_metrics_order() -> None:
    a = analyze(conv(alternate(["hi", "how was work?"], ["long day", "thanks"])), model=False)
    names = [m.json_key for m in measures()]
    assert list(a.to_dict()["measures"]) == names[: len(a.to_dict()["measures"])]
    assert names[:4] == ["volume", "openness", "reciprocity", "appreciation"]


def test_a_mistyped_evidence_key_fails_loudly() -> None:
    book = EvidenceBook()
    book.add("ratio.criticism.0", "Criticism", "no-criticism", (1,))
    assert book.get("ratio.contempt.1") is None  # a known family with nothing in it
    with pytest.raises(UnknownEvidenceKey):
        book.add("ratio.critcism.0", "Criticism", "no-criticism", (1,))
    with pytest.raises(UnknownEvidenceKey):
        book.get("listen.fixd")


def test_a_registered_priority_rule_is_ranked_with_the_others() -> None:
    from openup.analysis import priorities
    from openup.analysis.priorities import Finding, Inputs, rule

    before = list(priorities.RULES)

    @rule("late_night", "give-room")
    def _late(x: Inputs) -> list[Finding]:
        late = sum(1 for m in x.results["volume"].people[:1] if m.messages >= 3)
        return [Finding("give-room", 0.99, f"{late} test finding about {x.they}", None)] if late else []

    try:
        a = analyze(conv(alternate(["hi", "ok", "fine"], ["hey", "sure", "yes"])), model=False)
        top = a.to_dict()["priorities"][0]
        assert top["principle"] == "give-room" and top["finding"] == "1 test finding about Sam"
        assert a.params.priorities_shown >= len(a.priorities)
    finally:
        priorities.RULES[:] = before


def test_rule_thresholds_live_in_params() -> None:
    from openup.analysis.params import Params

    rows = alternate(["you never listen", "you're so lazy", "whatever"], ["sorry", "ok", "fine"])
    strict = analyze(conv(rows), model=False)
    lenient = analyze(conv(rows), model=False, params=Params(min_critical=10))
    assert any(f.principle == "no-criticism" for f in strict.priorities)
    assert not any(f.principle == "no-criticism" for f in lenient.priorities)
