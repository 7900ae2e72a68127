"""The training scripts' data handling (numpy only; the fine-tuning itself needs torch and is not run here)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import finetune_encoder as ft  # noqa: E402
import train_heads as th  # noqa: E402


def _item(text: str, split: str, labels: set[str], source: str = "own") -> th.Item:
    return th.Item(text, split, source, frozenset(labels))


def test_fine_tuning_sees_only_train_rows_and_marks_missing_labels() -> None:
    a = _item("you never listen", "train", {"criticism"})
    b = _item("thanks for dinner", "train", {"appreciation"})
    held = _item("you always interrupt me", "dev", {"criticism"})
    reddit = _item("thank you kind stranger", "train", {"gratitude"}, "goemotions")
    datasets = [
        th.Dataset("criticism", "signal", [(a, 1, 10.0), (b, 0, 10.0), (held, 1, 10.0)]),
        th.Dataset("gratitude", "emotion", [(reddit, 1, 1.0), (b, 1, 1.0)]),
    ]
    texts, labels, weights, sources = ft.build_table(datasets)
    assert held.text not in texts  # dev and test rows calibrate and report the heads: never fine-tuned on
    assert texts == [a.text, b.text, reddit.text]
    assert sources == ["own", "own", "goemotions"]
    np.testing.assert_array_equal(labels, [[1, -1], [0, 1], [-1, 1]])
    np.testing.assert_array_equal(weights, [[10.0, 0.0], [10.0, 1.0], [0.0, 1.0]])


def test_own_messages_split_without_repeats_or_suite_messages() -> None:
    own = th.load_own(th.TRAIN_DATA)
    keys = [th._dedup_key(it.text) for it in own]
    assert len(keys) == len(set(keys)) > 4000
    assert not set(keys) & th.evaluation_keys()
    splits = {s: sum(it.split == s for it in own) / len(own) for s in ("train", "dev", "test")}
    assert 0.55 < splits["train"] < 0.65 and 0.15 < splits["test"] < 0.25
