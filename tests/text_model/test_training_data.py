"""The training scripts' data handling (numpy only; the fine-tuning itself needs torch and is not run here)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

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


def test_the_token_design_fits_what_the_vector_alone_cannot() -> None:
    """`train_heads.fit_logreg_tokens` (the act reader's fitter): the label lives in one word piece that the
    vectors do not carry, and the fitted token weights find it; its products agree with the dense matrix."""
    from train_heads import TokenDesign, fit_logreg_tokens

    rng = np.random.default_rng(0)
    n, d, columns = 400, 8, 50
    x = rng.normal(size=(n, d)).astype(np.float32)
    y = (rng.random(n) < 0.5).astype(np.float64)
    rows = np.repeat(np.arange(n), 2)
    cols = np.stack([np.where(y > 0, 7, 9), rng.integers(10, columns, n)], axis=1).ravel()
    design = TokenDesign(x, rows, cols, columns, 0.5)
    dense = np.zeros((n, d + columns + 1))
    dense[:, :d] = x
    np.add.at(dense, (rows, d + cols), 0.5)
    dense[:, -1] = 1.0
    theta = rng.normal(size=design.width)
    u = rng.normal(size=n)
    assert np.allclose(design.times(theta), dense @ theta, atol=1e-4)
    assert np.allclose(design.transposed_times(u), dense.T @ u, atol=1e-4)
    w, tok, b = fit_logreg_tokens(design, y, np.ones(n), l2=0.1)
    assert tok[7] > 1.0 > -1.0 > tok[9]  # the piece that marks the label, and the one that marks its absence
    scores = x @ w + np.bincount(rows, weights=tok[cols], minlength=n) + b
    assert ((scores > 0) == (y > 0)).mean() > 0.99
    for keep in (np.arange(n) % 3 == 1, np.arange(n) >= n // 2):  # scattered, and a later half: rows renumbered
        part = design.subset(keep)
        assert len(part.x) == keep.sum() and np.allclose(part.times(theta), dense[keep] @ theta, atol=1e-4)
        assert np.allclose(part.transposed_times(u[keep]), dense[keep].T @ u[keep], atol=1e-4)


def test_many_targets_fit_together_as_each_would_alone() -> None:
    """`train_heads.fit_logreg_tokens_many` (the fitter of the act and feeling heads) gives each target the weights
    `fit_logreg` gives it alone over the dense design (every token feature a column worth the design's scale), with
    rows that have no token features, targets of their own weights, and a target that is already fitted at zero
    (all weights zero: it stops at once)."""
    from train_heads import TokenDesign, fit_logreg, fit_logreg_tokens_many

    rng = np.random.default_rng(1)
    n, d, columns, k = 300, 6, 40, 4
    x = rng.normal(size=(n, d)).astype(np.float32)
    rows = np.repeat(np.arange(0, n, 2), 3)  # odd rows have no word pieces at all
    cols = rng.integers(0, columns, len(rows))
    keys = np.unique(rows * columns + cols)
    rows, cols = keys // columns, keys % columns
    design = TokenDesign(x, rows, cols, columns, 0.5)
    dense = np.zeros((n, d + columns), dtype=np.float32)
    dense[:, :d] = x
    np.add.at(dense, (rows, d + cols), 0.5)
    y = (rng.random((n, k)) < 0.4).astype(np.float64)
    y[:, 1] = (x[:, 0] + np.bincount(rows, weights=(cols == 3), minlength=n) > 0.5).astype(np.float64)
    wt = rng.uniform(0.5, 2.0, size=(n, k))
    wt[:, 3] = 0.0
    many_w, many_tok, many_b = fit_logreg_tokens_many(design, y, wt, l2=0.1)
    for j in range(k):
        w, b = fit_logreg(dense, y[:, j], wt[:, j], l2=0.1)
        assert np.allclose(many_w[j], w[:d], atol=1e-4) and np.allclose(many_tok[j], 0.5 * w[d:], atol=1e-4)
        assert abs(many_b[j] - b) < 1e-4
    assert not many_w[3].any() and not many_tok[3].any()
    assert many_tok[1, 3] > 0.5  # the piece that carries target 1
    with pytest.raises(ValueError, match="sorted by row"):
        fit_logreg_tokens_many(TokenDesign(x, rows[::-1].copy(), cols, columns, 0.5), y, wt, l2=0.1)


def test_real_lines_with_agreed_labels_are_ours_to_train_on() -> None:
    """Real lines from the permissive sets, labelled with our kinds by two labellers working apart (only the
    labels both gave are kept): only coaching kinds, only sets whose licence lets them train shipped weights,
    nothing from a blind set or an evaluation suite, and `load_own(extra=...)` reads them like our own."""
    import json

    from openup.method import kinds

    coaching = {k for k, v in kinds().items() if v.polarity != "safety"}
    allowed = {"casino", "diasafety", "isarcasmeval", "toxicspans", "counselchat", "convabuse"}
    blind = Path(__file__).resolve().parents[1] / "data" / "blind"
    written = {th._dedup_key(json.loads(x)["text"]) for p in blind.glob("*.jsonl")
               for x in p.read_text(encoding="utf-8").splitlines() if x.strip()}
    files = sorted(th.TRAIN_DATA.rglob("real_agreed*.jsonl"))
    assert files
    rows = [json.loads(x) for p in files for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) > 1000
    assert all(set(r["labels"]) <= coaching and r["source"] in allowed for r in rows)
    assert sum("contempt" in r["labels"] for r in rows) > 100 and sum(not r["labels"] for r in rows) > 300
    keys = {th._dedup_key(r["text"]) for r in rows}
    assert not keys & written and not keys & th.evaluation_keys()
    plain = {it.text for it in th.load_own(th.TRAIN_DATA, blind_dev=False)}
    assert not plain & {r["text"] for r in rows}  # held back: not read unless named
    more = th.load_own(th.TRAIN_DATA, blind_dev=False, extra=[p for p in files if "held_back" in p.parts])
    added = [it for it in more if it.text not in plain]
    assert len(added) == len(keys) and all(it.complete for it in added)  # each distinct line once, every kind read
