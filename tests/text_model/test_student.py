"""The bulk reader (static student + encoder where unsure) agrees with the full encoder (issue #16)."""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from openup.text import detect_many
from openup.text.model import get_bulk_reader
from openup.text.model.student import STUDENT_FILE, Student

ROOT = Path(__file__).resolve().parents[2]
GOEMOTIONS_TEST = ROOT.parent / "shared" / "data" / "goemotions" / "test.tsv"
if not GOEMOTIONS_TEST.is_file():
    GOEMOTIONS_TEST = Path("/work/shared/data/goemotions/test.tsv")
SAMPLE = 300
SEED = 16

pytestmark = pytest.mark.skipif(not STUDENT_FILE.is_file(), reason="student.npz is not installed")


def _kinds(texts: list[str], reader: str) -> list[frozenset[str]]:
    return [frozenset(s.kind for s in sigs) for sigs in detect_many(texts, model=True, reader=reader)]


def _goemotions_sample() -> list[str]:
    if not GOEMOTIONS_TEST.is_file():
        pytest.skip("GoEmotions test split not found (../shared/data)")
    with open(GOEMOTIONS_TEST, encoding="utf-8") as fh:
        texts = sorted({row[0] for row in csv.reader(fh, delimiter="\t") if row and row[0].strip()})
    return random.Random(SEED).sample(texts, SAMPLE)


def test_student_file_loads_without_torch() -> None:
    code = (
        "import sys; from openup.text.model.student import Student; s = Student(); "
        "v, ids = s.encode(['love you', 'you never listen']); "
        "assert v.shape == (2, 384) and 'torch' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_student_vectors_are_unit_and_close_to_the_encoder(learned: None) -> None:
    from openup.text.model import embed

    texts = ["thank you so much for cooking tonight", "you never listen to me", "can we talk later?"]
    student, _ = Student().encode(texts)
    assert np.allclose(np.linalg.norm(student, axis=1), 1.0, atol=1e-4)
    cosine = (student * embed(texts)).sum(axis=1)
    assert cosine.min() > 0.8, cosine


def test_bulk_agrees_with_full_on_public_sample(learned: None) -> None:
    texts = _goemotions_sample()
    full, bulk = _kinds(texts, "full"), _kinds(texts, "bulk")
    agree = sum(a == b for a, b in zip(full, bulk, strict=True)) / len(texts)
    assert agree >= 0.98, f"bulk/full agreement {agree:.4f} on {len(texts)} GoEmotions test messages"


def test_bulk_sends_only_some_units_to_the_encoder(learned: None) -> None:
    reader = get_bulk_reader()
    assert reader is not None
    texts = [t + " x" for t in _goemotions_sample()]  # not cached by the other tests
    before = dict(reader.stats)
    _kinds(texts, "bulk")
    share = (reader.stats["encoder"] - before["encoder"]) / (reader.stats["units"] - before["units"])
    # About 47% with the shipped student and margins (GoEmotions text; see docs/analysis.md): the margins are
    # wide because agreement and safety come first. This pins that the student settles a real share itself.
    assert 0.0 < share < 0.6, f"{share:.2%} of units went to the encoder"


def test_bulk_never_drops_a_safety_signal(learned: None) -> None:
    from openup.method import group

    safety = frozenset(group("safety"))
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "safety_labelled.jsonl").open(encoding="utf-8")]
    texts = [r["text"] for r in rows]
    lost = [t for t, a, b in zip(texts, _kinds(texts, "full"), _kinds(texts, "bulk"), strict=True) if (a - b) & safety]
    assert not lost, lost[:5]


def test_analysis_reads_with_the_bulk_reader_and_check_with_the_full_one(learned: None) -> None:
    from openup.analysis.features import text_masks

    reader = get_bulk_reader()
    assert reader is not None
    before = reader.stats["units"]
    text_masks(["a quite unusual message for the bulk reader, read once"], model=True)
    assert reader.stats["units"] > before
    before = reader.stats["units"]
    detect_many(["another unusual message, read by the full encoder"], model=True)
    assert reader.stats["units"] == before
