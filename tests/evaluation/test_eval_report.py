"""The accuracy page: label-agreement notes, the ROC-AUC column and the in-domain probe table."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from openup.evaluation.datasets import default_data_dir, load_unhealthy
from openup.evaluation.report import render
from openup.evaluation.run import Evaluation, Row
from openup.text import model

COLUMNS = ["_unit_id", "_trusted_judgments", "comment", "antagonize", "antagonize:confidence", "condescending",
           "condescending:confidence", "dismissive", "dismissive:confidence", "generalisation",
           "generalisation:confidence", "generalisation_unfair", "generalisation_unfair:confidence", "healthy",
           "healthy:confidence", "hostile", "hostile:confidence", "sarcastic", "sarcastic:confidence"]


def _unhealthy_dir(tmp_path: Path) -> Path:
    """Four comments: two dismissive (one unanimous, one a split decision also marked healthy), one
    hostile, one clean."""
    def row(comment: str, healthy: int, **attrs: tuple[int, float]) -> dict[str, object]:
        out: dict[str, object] = {c: 0 for c in COLUMNS}
        out.update({"_unit_id": len(comment), "_trusted_judgments": 3, "comment": comment, "healthy": healthy})
        for c in COLUMNS:
            if c.endswith(":confidence"):
                out[c] = 1.0
        for name, (label, conf) in attrs.items():
            out[name], out[f"{name}:confidence"] = label, conf
        return out

    folder = tmp_path / "unhealthy-conversations"
    folder.mkdir()
    with open(folder / "val.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, COLUMNS)
        writer.writeheader()
        writer.writerow(row("Who cares what you think.", 0, dismissive=(1, 1.0)))
        writer.writerow(row("Move along, nothing to see.", 1, dismissive=(1, 0.67)))
        writer.writerow(row("You are a disgrace.", 0, hostile=(1, 0.67)))
        writer.writerow(row("Good point about the budget.", 1))
    return tmp_path


def test_unhealthy_notes_state_how_far_the_judges_agreed(tmp_path: Path) -> None:
    ds = load_unhealthy(_unhealthy_dir(tmp_path))
    assert ds is not None
    dismissal = next(t for t in ds.tasks if t.kind == "dismissal")
    assert dismissal.labels == (True, True, False, False)
    note = ds.notes[-1]
    assert "contempt" not in note  # no positives: left out
    assert "Positives every judge agreed on: criticism 0%, dismissal 50%;" in note
    assert "also marked healthy: criticism 0%, dismissal 50%." in note


def _evaluation(ds_name: str, with_auc: bool) -> Evaluation:
    ev = Evaluation(data_dir=None, tiers=["lexical", "learned"])
    ev.rows = [
        Row(ds_name, "dismissal", "lexical", 100, 10, 0.5, 0.1, 0.17, "dismissive"),
        Row(ds_name, "dismissal", "learned", 100, 10, 0.2, 0.4, 0.27, auc=0.713 if with_auc else None),
    ]
    if with_auc:
        ev.rows.append(Row(ds_name, "dismissal", "probe", 100, 10, 0.3, 0.5, 0.375, auc=0.801))
    return ev


def test_report_sets_auc_and_probe_beside_the_learned_tier(tmp_path: Path) -> None:
    ds = load_unhealthy(_unhealthy_dir(tmp_path))
    assert ds is not None
    ev = _evaluation(ds.name, with_auc=True)
    ev.datasets = [ds]
    page = render(ev)
    assert "| F1 learned only | ROC-AUC learned only |" in page
    assert "| dismissal | dismissive | 100 | 10 | 0.50 | 0.10 | 0.17 | 0.27 | 0.71 |" in page
    assert "| dismissal | 0.71 | 0.80 | 0.27 | 0.38 | 0.30 | 0.50 |" in page
    assert "never shipped" in page

    plain = _evaluation(ds.name, with_auc=False)
    plain.datasets = [ds]
    page = render(plain)
    assert "ROC-AUC learned only" not in page and "in-domain probe" not in page
    assert "| dismissal | dismissive | 100 | 10 | 0.50 | 0.10 | 0.17 | 0.27 |" in page


DATA = default_data_dir()


@pytest.mark.skipif(DATA is None or not (DATA / "unhealthy-conversations").is_dir(), reason="shared data absent")
def test_learned_tier_ranks_real_proxies_above_chance_and_the_probe_is_measured() -> None:
    if not model.available():
        pytest.skip("learned tier not available")
    from openup.text.model.evaluation import evaluate_learned

    assert DATA is not None
    rows = evaluate_learned(DATA, limit=1500)
    by = {(r["dataset"], r["kind"], r["tier"]): r for r in rows}
    for kind in ("criticism", "dismissal"):
        learned = by[("unhealthy-conversations/val", kind, "learned")]
        probe = by[("unhealthy-conversations/val", kind, "probe")]
        assert 0.6 < learned["auc"] < 1.0
        assert 0.6 < probe["auc"] < 1.0 and probe["n"] == 1500
    # GoEmotions trained shipped weights (train split), so it gets no probe; gratitude ranks near perfectly.
    assert ("goemotions/test", "appreciation", "probe") not in by
    assert by[("goemotions/test", "appreciation", "learned")]["auc"] > 0.95
    assert by[("goemotions/test", "gratitude", "learned")]["auc"] > 0.95


def test_scored_signals_give_the_scores_learned_signals_compares_with_thresholds() -> None:
    if not model.available():
        pytest.skip("learned tier not available")
    texts = ["you never listen to a word I say. whatever.", "thank you for picking me up tonight",
             "I booked the dentist for Tuesday.", ""]
    heads = model.get_heads()
    found, scores = model.scored_signals(texts)
    assert found == model.learned_signals(texts)
    assert scores[3] == {name: 0.0 for name in scores[3]}
    for text_scores, signals in zip(scores, found, strict=True):
        for s in signals:
            assert text_scores[s.kind] == pytest.approx(s.score, abs=1e-4)
        for kind, value in text_scores.items():
            over = value >= heads.threshold[heads.index(kind)]
            if kind != "appreciation":  # appreciation may be withheld by a confident contempt reading
                assert over == any(s.kind == kind for s in signals)
    assert any(s.kind == "appreciation" for s in found[1])
