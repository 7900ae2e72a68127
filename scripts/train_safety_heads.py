"""Train the learned safety heads (threat, violence, control, fear, self_harm) into safety_heads.npz.

The safety screen is built for recall: these heads read every message and every sentence, whatever the
patterns found, and can only raise the level (see `openup.text.model.safety_signals`). Each head is an
L2-regularised, class-balanced logistic regression over the shipped MiniLM embeddings.

Training data (all allowed for shipped weights):
- our own labelled lines: text/model/train_data/safety/*.jsonl (written for this project by helpers who
  saw only the kind definitions, never the blind test set; tests/data stays an evaluation suite);
- the *dev* half of the blind safety set (tests/data/blind/safety.dev.jsonl; the test half is never read);
- ordinary couple messages as negatives: the coaching train_data files and the blind coaching dev half;
- GoEmotions train comments (Apache-2.0) as everyday negatives.

Thresholds come from 5-fold out-of-fold probabilities, chosen together (`joint_thresholds`) so that the
union of the heads stays under FA_HARD on our hard negatives (messages that use kill/die/hit/track
innocently) and under FA_ORDINARY on everyday text. `python scripts/train_safety_heads.py` rewrites the heads file and
prints recall and false alarms per head.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from openup.evaluation.probe import fit_logistic  # noqa: E402
from openup.text.model import get_embedder  # noqa: E402
from openup.text.model.heads import SAFETY_HEADS_FILE, Heads  # noqa: E402

KINDS = ("threat", "violence", "control", "fear", "self_harm")
TRAIN_DATA = ROOT / "src" / "openup" / "text" / "model" / "train_data"
BLIND = ROOT / "tests" / "data" / "blind"
DATA = ROOT.parent / "shared" / "data"
SEED = 20261204
L2 = 0.1
FOLDS = 5
FA_HARD = 0.02  # all five heads together, on our hard negatives (the target: <= 2%)
FA_ORDINARY = 0.004  # all heads together, on everyday text (target <= 0.5%, kept a little under)
# The blind dev set's hard negatives were written by someone who never saw our data, and they are harder
# than ours ("i swear ill strangle u if u spoil the finale"). Out of fold, with the encoder fine-tuned on the
# safety tasks, holding them to 5% catches 0.59 of the blind dev texts with a sign, 8% catches 0.66 and 12%
# catches 0.68, while our own hard negatives stay at 1.2% and everyday text at 0.4% (both within the issue's
# targets). 8% is the knee: safety first, and a false alarm costs the user a calm note and withheld
# coaching, not their safety. (Chosen on dev numbers only; the blind test half is never read.)
FA_BLIND_DEV_HARD = 0.08
GOEMO_SAMPLE = 8000


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def load(use_blind_dev: bool = True) -> tuple[list[str], np.ndarray, np.ndarray, list[str]]:
    """Texts, a (n, 5) label matrix, a 0/1 'ordinary text' mask and each row's source."""
    rows: list[tuple[str, set[str], bool, str]] = []
    for path in sorted((TRAIN_DATA / "safety").glob("*.jsonl")):
        for r in _jsonl(path):
            kinds = set(r.get("kinds") or r.get("labels") or []) & set(KINDS)  # type: ignore[arg-type]
            rows.append((str(r["text"]), kinds, False, path.name))
    for r in _jsonl(BLIND / "safety.dev.jsonl") if use_blind_dev else []:
        kinds = set(r.get("kinds") or []) & set(KINDS)  # type: ignore[arg-type]
        if r["level"] == "none":
            kinds = set()
        elif not kinds:  # a flagged line whose writer named no safety kind: read it by its level
            kinds = {"self_harm"} if r["level"] == "crisis" else {"threat"} if r["level"] == "danger" else {"control"}
        rows.append((str(r["text"]), kinds, False, "blind dev"))
    for path in sorted(TRAIN_DATA.glob("*.jsonl")):
        for r in _jsonl(path):
            rows.append((str(r["text"]), set(r.get("labels") or []) & set(KINDS), False, "coaching"))  # type: ignore[arg-type]
    for r in _jsonl(BLIND / "coaching.dev.jsonl") if use_blind_dev else []:
        rows.append((str(r["text"]), set(r.get("kinds") or []) & set(KINDS), False, "coaching"))  # type: ignore[arg-type]
    goemo = DATA / "goemotions" / "train.tsv"
    if goemo.is_file():
        lines = [x.split("\t")[0] for x in goemo.read_text(encoding="utf-8").splitlines() if x.strip()]
        random.Random(SEED).shuffle(lines)
        rows += [(t, set(), True, "goemotions") for t in lines[:GOEMO_SAMPLE]]
    seen: set[str] = set()
    unique = []
    for text, kinds, ordinary, source in rows:
        key = text.strip().casefold()
        if key and key not in seen:
            seen.add(key)
            unique.append((text, kinds, ordinary, source))
    texts = [t for t, _, _, _ in unique]
    y = np.array([[k in kinds for k in KINDS] for _, kinds, _, _ in unique], dtype=np.float64)
    ordinary = np.array([o for _, _, o, _ in unique], dtype=bool)
    return texts, y, ordinary, [s for _, _, _, s in unique]


def _folds(n: int) -> np.ndarray:
    order = np.random.default_rng(SEED).permutation(n)
    fold = np.empty(n, dtype=np.int64)
    fold[order] = np.arange(n) % FOLDS
    return fold


def _sigmoid(z: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
    return out


def joint_thresholds(oof: np.ndarray, y: np.ndarray, limits: list[tuple[np.ndarray, float]]) -> np.ndarray:
    """Per-head thresholds chosen together: start strict and keep lowering the one head whose next step
    catches the most texts with a safety sign per false alarm, while the union of all heads stays within
    its limit on every group of negatives in `limits` (our hard negatives, the blind dev set's hard
    negatives on their own, everyday text). The screen flags a text when any head does, so it is the
    union that must stay calm."""
    grid = np.round(np.arange(0.995, 0.045, -0.005), 3)
    pos = y.any(axis=1)
    at = np.zeros(oof.shape[1], dtype=np.int64)  # index into grid per head

    def union(levels: np.ndarray) -> np.ndarray:
        out: np.ndarray = (oof >= grid[levels]).any(axis=1)
        return out

    current = union(at)
    while True:
        best, best_gain = -1, 0.0
        for j in range(oof.shape[1]):
            if at[j] + 1 >= len(grid):
                continue
            trial = at.copy()
            trial[j] += 1
            flags = union(trial)
            if any(mask.any() and flags[mask].mean() > limit for mask, limit in limits):
                continue
            gain = float((flags & pos).sum() - (current & pos).sum())
            cost = float((flags & ~pos).sum() - (current & ~pos).sum())
            score = gain / (cost + 1.0)
            if score > best_gain or (best < 0 and gain >= 0 and score >= best_gain):
                best, best_gain = j, score
        if best < 0:
            return np.array([grid[i] for i in at])
        at[best] += 1
        current = union(at)


def main() -> int:
    texts, y, ordinary, sources = load()
    any_safety = y.any(axis=1)
    hard = ~any_safety & ~ordinary
    blind_hard = hard & (np.array(sources) == "blind dev")
    print(f"{len(texts)} texts: {int(any_safety.sum())} with a safety kind, {int(hard.sum())} hard negatives, "
          f"{int(ordinary.sum())} ordinary")
    x, _ = get_embedder().encode(texts)
    x = x.astype(np.float64)
    fold = _folds(len(texts))
    oof = np.zeros(y.shape)
    for j in range(len(KINDS)):
        for k in range(FOLDS):
            train = fold != k
            w, b = fit_logistic(x[train], y[train, j], L2)
            oof[~train, j] = _sigmoid(x[~train] @ w + b)
    limits = [(hard, FA_HARD), (blind_hard, FA_BLIND_DEV_HARD), (ordinary, FA_ORDINARY)]
    thresholds = joint_thresholds(oof, y, limits)
    weights, biases, meta = [], [], {}
    for j, kind in enumerate(KINDS):
        thr = float(thresholds[j])
        pos = y[:, j] > 0
        recall = float((oof[pos, j] >= thr).mean()) if pos.any() else 0.0
        w, b = fit_logistic(x, y[:, j], L2)
        weights.append(w)
        biases.append(b)
        meta[kind] = {"threshold": thr, "oof_recall": round(recall, 4), "positives": int(pos.sum())}
        print(f"{kind:10s} positives {int(pos.sum()):4d} thr {thr:.3f} out-of-fold recall {recall:.3f}")
    flags = (oof >= thresholds).any(axis=1)
    blind_pos = any_safety & (np.array(sources) == "blind dev")
    summary = {"any_sign_recall": round(float(flags[any_safety].mean()), 4),
               "any_sign_recall_blind_dev": round(float(flags[blind_pos].mean()), 4),
               "false_alarms_hard": round(float(flags[hard].mean()), 4),
               "false_alarms_blind_dev_hard": round(float(flags[blind_hard].mean()), 4),
               "false_alarms_ordinary": round(float(flags[ordinary].mean()), 4)}
    print("out of fold, all heads together:", summary)
    heads = Heads(
        names=KINDS,
        groups=tuple("safety" for _ in KINDS),
        weights=np.array(weights, dtype=np.float32),
        bias=np.array(biases, dtype=np.float32),
        platt_a=np.ones(len(KINDS), dtype=np.float32),
        platt_b=np.zeros(len(KINDS), dtype=np.float32),
        threshold=np.array(thresholds, dtype=np.float32),
        meta={"heads": meta, "out_of_fold": summary, "trained_on": sorted(set(sources)), "seed": SEED,
              "l2": L2, "fa_hard": FA_HARD, "fa_ordinary": FA_ORDINARY},
    )
    heads.save(SAFETY_HEADS_FILE)
    print(f"wrote {SAFETY_HEADS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
