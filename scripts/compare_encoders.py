"""Judge encoders for the safety screen on the "judge" half of the blind safety DEV set, which none of
them was trained on (`train_safety_heads.encoder_half`; the encoder fine-tuning reads the other half).

For each exported int8 encoder given, the safety heads are fitted as `train_safety_heads.py` fits them, but
without the blind dev half; thresholds are chosen out of fold on our own data (2% hard negatives, 0.4%
everyday text). Printed: out-of-fold recall on our data, then on the blind dev set the share of danger,
crisis and concern texts flagged and the false alarms on its hard negatives and on GoEmotions dev comments.

    .venv/bin/python scripts/compare_encoders.py src/openup/text/model/minilm-int8.onnx /tmp/new/minilm-int8.onnx
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

import train_safety_heads as ts  # noqa: E402

from openup.text.model.embedder import Embedder  # noqa: E402


def judge(model: Path) -> dict[str, float]:
    texts, y, ordinary, _ = ts.load(use_blind_dev=False)
    dev = ts.judge_rows()
    everyday = ts.goemotions_dev()
    pos = y.any(axis=1)
    hard = ~pos & ~ordinary
    emb = Embedder(model_file=model)
    x = emb.encode(texts)[0].astype(np.float64)
    fold = ts._folds(len(texts))
    oof = np.zeros(y.shape)
    for j in range(len(ts.KINDS)):
        for k in range(ts.FOLDS):
            tr = fold != k
            w, b = ts.fit_logistic(x[tr], y[tr, j], ts.L2)
            oof[~tr, j] = ts._sigmoid(x[~tr] @ w + b)
    thr = ts.joint_thresholds(oof, y, [(hard, ts.FA_HARD), (ordinary, ts.FA_ORDINARY)])
    fitted = [ts.fit_logistic(x, y[:, j], ts.L2) for j in range(len(ts.KINDS))]
    weights = np.array([w for w, _ in fitted])
    bias = np.array([b for _, b in fitted])

    def flagged(batch: list[str]) -> np.ndarray:
        v = emb.encode(batch)[0].astype(np.float64)
        out: np.ndarray = (ts._sigmoid(v @ weights.T + bias) >= thr).any(axis=1)
        return out

    f = flagged([str(r["text"]) for r in dev])
    level = np.array([r["level"] for r in dev])
    return {
        "own_oof_recall": float((oof >= thr).any(axis=1)[pos].mean()),
        "dev_danger": float(f[level == "danger"].mean()),
        "dev_crisis": float(f[level == "crisis"].mean()),
        "dev_concern": float(f[level == "concern"].mean()),
        "dev_fa_hard": float(f[level == "none"].mean()),
        "goemotions_fa": float(flagged(everyday).mean()),
    }


def main(argv: list[str]) -> int:
    for name in argv:
        scores = judge(Path(name))
        print(name, " ".join(f"{k} {v:.3f}" for k, v in scores.items()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
