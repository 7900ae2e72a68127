"""Train the learned safety heads (threat, violence, control, fear, self_harm) into safety_heads.npz.

The safety screen is built for recall: these heads read every message and every sentence, whatever the
patterns found, and can only raise the level (see `openup.text.model.safety_signals`). The five heads
share one small hidden layer (relu) over the shipped MiniLM embeddings, trained class-balanced in numpy
(`--linear`: five L2-regularised logistic regressions instead).

Training data (all allowed for shipped weights):
- our own labelled lines: text/model/train_data/safety/*.jsonl (written for this project by helpers who
  saw only the kind definitions, never the blind test set; tests/data stays an evaluation suite);
- the *dev* half of the blind safety set (tests/data/blind/safety.dev.jsonl; the test half is never read);
- ordinary couple messages as negatives: the coaching train_data files and the blind coaching dev half;
- everyday partner messages and their sentences as negatives (`partner_messages`);
- GoEmotions train comments (Apache-2.0) as everyday negatives.

Thresholds come from 5-fold out-of-fold probabilities, chosen together (`joint_thresholds`) so that the
union of the heads stays under FA_HARD on our hard negatives (messages that use kill/die/hit/track
innocently) and under FA_ORDINARY on everyday text. `python scripts/train_safety_heads.py` rewrites the heads file and
prints recall and false alarms per head (`--linear`: logistic heads without the shared hidden layer;
`--dry-run`: print only; `--judge`: train without the blind dev set and print what the heads flag on the half
of it the encoder never trained on, `encoder_half`, and on the blind reply dev messages (everyday messages a
partner shares, which `--judge` leaves out of training: `partner_dev`), writing nothing; `--judge-out F`: each
judged dev row and whether it was flagged, to read; `--token-mix X`: another mix, 0 for the network alone;
`--held-back`: add the files of `safety/held_back/`; `--out F`: write the heads to F instead;
`--skip NAME`: leave one training file out; `--goemo N`:
N GoEmotions comments instead of GOEMO_SAMPLE).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from blind_dev import KINDS, blind_dev_rows, encoder_half  # noqa: E402

from openup.evaluation.probe import fit_logistic  # noqa: E402
from openup.text.model import get_embedder  # noqa: E402
from openup.text.model.heads import SAFETY_HEADS_FILE, Heads, token_columns, token_features  # noqa: E402

TRAIN_DATA = ROOT / "src" / "openup" / "text" / "model" / "train_data"
BLIND = ROOT / "tests" / "data" / "blind"
DATA = ROOT.parent / "shared" / "data"
SEED = 20261204
L2 = 0.1
FOLDS = 5
FA_HARD = 0.02  # all five heads together, on our hard negatives (the target: <= 2%)
FA_ORDINARY = 0.004  # all heads together, on everyday text (target <= 0.5%, kept a little under)
FA_PARTNER = 0.01  # on everyday messages a partner shares and their sentences (bad days, grief, health)
# The blind dev set's hard negatives were written by someone who never saw our data, and they are harder
# than ours ("i swear ill strangle u if u spoil the finale"). Out of fold, with the encoder fine-tuned on the
# safety tasks, holding them to 5% catches 0.59 of the blind dev texts with a sign, 8% catches 0.66 and 12%
# catches 0.68, while our own hard negatives stay at 1.2% and everyday text at 0.4% (both within the issue's
# targets). 8% is the knee: safety first, and a false alarm costs the user a calm note and withheld
# coaching, not their safety. (Chosen on dev numbers only; the blind test half is never read.)
FA_BLIND_DEV_HARD = 0.08
GOEMO_SAMPLE = 8000
# The heads share one hidden layer (`--linear` for five logistic heads instead). Out of fold on the same data
# and encoder, the hidden layer caught 0.68 of the blind dev texts with a sign against 0.63 for logistic
# heads, at the same false-alarm limits.
HIDDEN = 256
MLP_EPOCHS = 30
MLP_BATCH = 128
MLP_LR = 2e-3
MLP_DECAY = 1e-4
MLP_DROPOUT = 0.2
RELABELLED = "relabelled_agreed.jsonl"
# The random search after the greedy walk (`refine_thresholds`): out of fold on the same data and limits it
# raised the mean share caught per kind from 0.78 to 0.82 and the blind dev texts with a sign caught from 0.69
# to 0.73 (threat 0.83 -> 0.89, fear 0.73 -> 0.78; the writer's own crisis stayed at 0.71), the false alarms
# moving up to their limits (blind dev hard negatives 5.5% -> 7.5%, under the 8% chosen above).
REFINE_ROUNDS = 6000
REFINE_STEP = 0.3  # logits
BAG = 3  # networks averaged (`--bag N`): their hidden layers side by side in the one file (the shipped run)
# A lexical reader beside the embedding heads: one logistic weight per WordPiece id and per hashed pair of
# adjacent ids (`heads.token_features`), fitted by SGD, its logit mixed with the network's as
# (1 - TOKEN_MIX) * network + TOKEN_MIX * tokens before the thresholds are chosen. Frozen sentence embeddings
# blur the words that carry a warning sign. `--judge` (trained without the blind dev set, judged on the half
# of it the encoder never saw, as the screen reads it): danger 0.89 / crisis 0.92 / concern 0.77 flagged with
# 6.9% of its hard negatives, against 0.90 / 0.76 / 0.67 and 9.7% for the network alone (`--token-mix 0`);
# GoEmotions dev 0.43% and 0.37%. The mix was chosen with logistic embedding heads on whole texts: 0.3 caught
# 0.84 / 0.93 / 0.65 with 9.7%, 0.5 0.83 / 0.93 / 0.71 with 6.9%, 0.7 0.80 / 0.93 / 0.65 with 6.9%.
TOKEN_BITS = 18
TOKEN_MIX = 0.5
TOKEN_EPOCHS = 6
TOKEN_LR = 0.2
TOKEN_L2 = 1e-6
TOKEN_MAX_POS_WEIGHT = 20.0


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def partner_messages(use_blind_dev: bool = True) -> list[str]:
    """Everyday messages a partner shares (bad days, grief, health scares, work, good news), written for the
    feelings reader and the blind reply dev set with no abuse or crisis in them, whole and sentence by
    sentence (the screen reads each sentence too): the everyday text the screen must stay calm on."""
    paths = sorted((TRAIN_DATA / "feelings").glob("*.jsonl"))
    paths += [BLIND / "replies.dev.jsonl"] if use_blind_dev else []
    out: list[str] = []
    for path in paths:
        for r in _jsonl(path):
            text = str(r["text"])
            out.append(text)
            out += [s for s in _SENTENCE.split(text) if len(s.split()) >= 2 and s != text]
    return out


def load(
    use_blind_dev: bool = True, held_back: bool = False, skip: str = "", goemo_sample: int = GOEMO_SAMPLE
) -> tuple[list[str], np.ndarray, np.ndarray, list[str]]:
    """Texts, a (n, 5) label matrix, a 0/1 'ordinary text' mask and each row's source (with `held_back`, the
    files of `safety/held_back/` too, to try them; without the training file named `skip`, to compare;
    `goemo_sample` GoEmotions comments)."""
    rows: list[tuple[str, set[str], bool, str]] = []
    paths = sorted((TRAIN_DATA / "safety").glob("*.jsonl"))
    paths += sorted((TRAIN_DATA / "safety" / "held_back").glob("*.jsonl")) if held_back else []
    paths = [p for p in paths if p.name != skip]
    for path in paths:
        for r in _jsonl(path):
            kinds = set(r.get("kinds") or r.get("labels") or []) & set(KINDS)  # type: ignore[arg-type]
            rows.append((str(r["text"]), kinds, False, path.name))
    for text, kinds in blind_dev_rows() if use_blind_dev else []:
        rows.append((text, kinds, False, "blind dev"))
    for path in sorted(TRAIN_DATA.glob("*.jsonl")):
        for r in _jsonl(path):
            rows.append((str(r["text"]), set(r.get("labels") or []) & set(KINDS), False, "coaching"))  # type: ignore[arg-type]
    for r in _jsonl(BLIND / "coaching.dev.jsonl") if use_blind_dev else []:
        rows.append((str(r["text"]), set(r.get("kinds") or []) & set(KINDS), False, "coaching"))  # type: ignore[arg-type]
    for text in partner_messages(use_blind_dev):
        rows.append((text, set(), False, "partner"))
    goemo = DATA / "goemotions" / "train.tsv"
    if goemo.is_file():
        lines = [x.split("\t")[0] for x in goemo.read_text(encoding="utf-8").splitlines() if x.strip()]
        random.Random(SEED).shuffle(lines)
        rows += [(t, set(), True, "goemotions") for t in lines[:goemo_sample]]
    # Texts two independent labellers both read as a sign (`relabelled_agreed.jsonl`: negatives the heads scored
    # highest, relabelled blind) carry the sign wherever they occur, and no longer count as everyday text.
    agreed = {str(r["text"]).strip().casefold(): set(r["kinds"]) & set(KINDS)  # type: ignore[arg-type]
              for r in _jsonl(TRAIN_DATA / "safety" / RELABELLED)}
    rows = [(t, agreed[t.strip().casefold()], False, s) if t.strip().casefold() in agreed else (t, k, o, s)
            for t, k, o, s in rows]
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


def refine_thresholds(oof: np.ndarray, y: np.ndarray, limits: list[tuple[np.ndarray, float]],
                      start: np.ndarray, rounds: int = REFINE_ROUNDS, seed: int = SEED) -> np.ndarray:
    """Improve `joint_thresholds`' answer within the same limits. The greedy walk only ever lowers one head
    at a time, on a coarse grid, and stops at the first step that would break a limit; it cannot give one
    head's budget to another. Here a seeded random search in logit space moves several thresholds at once
    (up or down) and keeps a move when the union stays within every limit and the mean over kinds of the
    share of its texts the screen flags (by any head) rises: each kind counts alike, so the rare, hard
    ones (fear of the partner, the writer's own crisis) are not traded away for the common ones."""
    def logit(p: np.ndarray) -> np.ndarray:
        q = np.clip(p, 1e-12, 1 - 1e-12)
        out: np.ndarray = np.log(q / (1 - q))
        return out

    logits = logit(oof)
    has = [y[:, j] > 0 for j in range(y.shape[1])]

    def score(cut: np.ndarray) -> float:
        flags = logits >= cut
        union = flags.any(axis=1)
        if any(mask.any() and union[mask].mean() > limit for mask, limit in limits):
            return -1.0
        return float(np.mean([union[m].mean() for m in has if m.any()]))

    best_cut = logit(start)
    best = score(best_cut)
    rng = np.random.default_rng(seed)
    for _ in range(rounds):
        trial = best_cut + rng.normal(0, REFINE_STEP, len(best_cut)) * (rng.random(len(best_cut)) < 0.5)
        value = score(trial)
        if value > best:
            best, best_cut = value, trial
    out: np.ndarray = 1 / (1 + np.exp(-best_cut))
    return out


def fit_mlp(
    x: np.ndarray, y: np.ndarray, hidden: int, seed: int = SEED, mask: np.ndarray | None = None
) -> tuple[np.ndarray, ...]:
    """A one-hidden-layer network for all kinds at once (relu, class-balanced logistic loss per kind, dropout,
    Adam, weight decay), in numpy. `mask` (n, K): which rows count for which kind (a kind its writer did not
    label is left out of its loss; scripts/train_signal_network.py). Returns (W1 (M, D), b1, W2 (K, M), b2)."""
    rng = np.random.default_rng(seed)
    n, d = x.shape
    k = y.shape[1]
    w1 = rng.normal(0, np.sqrt(2 / d), (d, hidden))
    b1 = np.zeros(hidden)
    w2 = rng.normal(0, np.sqrt(1 / hidden), (hidden, k))
    b2 = np.zeros(k)
    if mask is None:
        pos = y.sum(0).clip(1)
        wpos, wneg = n / (2 * pos), n / (2 * (n - pos).clip(1))
    else:
        pos, total = (y * mask).sum(0).clip(1), mask.sum(0)
        wpos, wneg = total / (2 * pos), total / (2 * (total - pos).clip(1))
    params = [w1, b1, w2, b2]
    m = [np.zeros_like(q) for q in params]
    v = [np.zeros_like(q) for q in params]
    t = 0
    for _ in range(MLP_EPOCHS):
        order = rng.permutation(n)
        for i in range(0, n, MLP_BATCH):
            idx = order[i : i + MLP_BATCH]
            xb, yb = x[idx], y[idx]
            h = xb @ w1 + b1
            keep = (rng.random(h.shape) > MLP_DROPOUT) / (1 - MLP_DROPOUT)
            a = np.maximum(h, 0) * keep
            p = _sigmoid(a @ w2 + b2)
            gz = np.where(yb > 0, wpos, wneg) * (p - yb) / len(idx)
            if mask is not None:
                gz = gz * mask[idx]
            ga = gz @ w2.T * keep * (h > 0)
            grads = [xb.T @ ga, ga.sum(0), a.T @ gz, gz.sum(0)]
            t += 1
            for j, (q, g) in enumerate(zip(params, grads, strict=True)):
                if q.ndim == 2:
                    g = g + MLP_DECAY * q
                m[j] = 0.9 * m[j] + 0.1 * g
                v[j] = 0.999 * v[j] + 0.001 * g * g
                q -= MLP_LR * (m[j] / (1 - 0.9**t)) / (np.sqrt(v[j] / (1 - 0.999**t)) + 1e-8)
    return w1.T.copy(), b1, w2.T.copy(), b2


def mlp_logits(params: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    w1, b1, w2, b2 = params
    out: np.ndarray = np.maximum(x @ w1.T + b1, 0) @ w2.T + b2
    return out


def token_rows(ids: list[np.ndarray]) -> list[np.ndarray]:
    """Each text's token feature columns (`heads.token_features`)."""
    rows, cols = token_features(ids, TOKEN_BITS)
    out = [np.zeros(0, dtype=np.int64)] * len(ids)
    if len(rows):
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        for r, part in zip(rows[starts], np.split(cols, starts[1:]), strict=True):
            out[int(r)] = part
    return out


def fit_tokens(rows: list[np.ndarray], y: np.ndarray, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """All kinds' token weights at once by SGD on the class-weighted logistic loss (positives weighted by
    the negative-to-positive ratio, at most TOKEN_MAX_POS_WEIGHT), each step shared out over the text's
    features. Returns ((columns, K) weights, (K,) bias)."""
    rng = np.random.default_rng(seed)
    n, k = y.shape
    w = np.zeros((token_columns(TOKEN_BITS), k))
    b = np.zeros(k)
    positives = y.sum(0)
    pos_weight = np.minimum(np.maximum(1.0, (n - positives) / np.maximum(1.0, positives)), TOKEN_MAX_POS_WEIGHT)
    for epoch in range(TOKEN_EPOCHS):
        step = TOKEN_LR / (1 + epoch)
        for i in rng.permutation(n):
            idx = rows[i]
            p = _sigmoid(w[idx].sum(0) + b)
            g = (p - y[i]) * np.where(y[i] > 0, pos_weight, 1.0)
            w[idx] -= step * (g[None, :] / np.sqrt(max(1, len(idx))) + TOKEN_L2 * w[idx])
            b -= step * g * 0.1
    return w, b


def token_scores(rows: list[np.ndarray], w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(n, K) logits of the token reader."""
    return np.stack([w[r].sum(0) + b for r in rows]) if rows else np.zeros((0, len(b)))


def fit_bag(x: np.ndarray, y: np.ndarray, hidden: int, members: int) -> tuple[np.ndarray, ...]:
    """`members` networks from different seeds, as one: their hidden layers side by side and their output
    layers scaled by 1/members, so the heads file's single hidden layer gives the mean of their logits."""
    if members <= 1:
        return fit_mlp(x, y, hidden)
    nets = [fit_mlp(x, y, hidden, seed=SEED + i) for i in range(members)]
    return (np.concatenate([n[0] for n in nets]), np.concatenate([n[1] for n in nets]),
            np.concatenate([n[2] / members for n in nets], axis=1), sum(n[3] for n in nets) / members)


def judge_rows() -> list[dict[str, object]]:
    """The judge half of the blind safety DEV set (`encoder_half`): what no encoder and, with `--judge`, no head
    trained on."""
    return [r for r in _jsonl(BLIND / "safety.dev.jsonl") if encoder_half(str(r["text"])) == "judge"]


def goemotions_dev(n: int = 3000) -> list[str]:
    """The first `n` GoEmotions dev comments: everyday text the judged heads must stay calm on."""
    lines = (DATA / "goemotions" / "dev.tsv").read_text(encoding="utf-8").splitlines()
    return [x.split("\t")[0] for x in lines if x.strip()][:n]


def judge_half(heads: Heads, out: Path | None = None) -> dict[str, float]:
    """Share of `judge_rows` flagged per level, as the screen reads it (message and sentences), and of
    `goemotions_dev`: for `--judge`, whose heads never saw the blind dev set."""
    from openup.text.model import safety_signals

    rows = judge_rows()
    flagged = np.array([bool(s) for s in safety_signals([str(r["text"]) for r in rows], heads=heads)])
    level = np.array([r["level"] for r in rows])
    everyday = np.array([bool(s) for s in safety_signals(goemotions_dev(), heads=heads)])
    shares = {name: round(float(flagged[level == name].mean()), 3) for name in ("danger", "crisis", "concern", "none")}
    shares["goemotions"] = round(float(everyday.mean()), 4)
    partner = [str(r["text"]) for r in _jsonl(BLIND / "replies.dev.jsonl")]
    shares["partner_dev"] = round(float(np.mean([bool(s) for s in safety_signals(partner, heads=heads)])), 4)
    if out is not None:  # each judged dev row with its reading, to look at (the dev set may be read)
        with out.open("w", encoding="utf-8") as fh:
            for r, f in zip(rows, flagged, strict=True):
                row = {"text": r["text"], "level": r["level"], "flagged": bool(f)}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return shares


def _option(name: str, default: str) -> str:
    """The value after `name` on the command line, or `default` when it is not given."""
    if name not in sys.argv:
        return default
    at = sys.argv.index(name) + 1
    if at >= len(sys.argv):
        raise SystemExit(f"{name} needs a value")
    return sys.argv[at]


def main() -> int:
    hidden = HIDDEN if "--linear" not in sys.argv else 0
    members = int(_option("--bag", str(BAG)))
    judging = "--judge" in sys.argv
    mix = float(_option("--token-mix", str(TOKEN_MIX)))
    texts, y, ordinary, sources = load(
        use_blind_dev=not judging, held_back="--held-back" in sys.argv, skip=_option("--skip", ""),
        goemo_sample=int(_option("--goemo", str(GOEMO_SAMPLE))),
    )
    any_safety = y.any(axis=1)
    partner = np.array(sources) == "partner"
    hard = ~any_safety & ~ordinary & ~partner
    blind_hard = hard & (np.array(sources) == "blind dev")
    print(f"{len(texts)} texts: {int(any_safety.sum())} with a safety kind, {int(hard.sum())} hard negatives, "
          f"{int(ordinary.sum())} ordinary")
    x, ids = get_embedder().encode(texts)
    x = x.astype(np.float64)
    tokens = token_rows(ids)
    fold = _folds(len(texts))
    oof = np.zeros(y.shape)
    for k in range(FOLDS):
        train = fold != k
        if hidden:
            z = mlp_logits(fit_bag(x[train], y[train], hidden, members), x[~train])
        else:
            z = np.zeros((int((~train).sum()), len(KINDS)))
            for j in range(len(KINDS)):
                w, b = fit_logistic(x[train], y[train, j], L2)
                z[:, j] = x[~train] @ w + b
        tw, tb = fit_tokens([tokens[i] for i in np.flatnonzero(train)], y[train])
        zt = token_scores([tokens[i] for i in np.flatnonzero(~train)], tw, tb)
        oof[~train] = _sigmoid((1 - mix) * z + mix * zt)
        print(f"fold {k + 1}/{FOLDS} done", flush=True)
    limits = [(hard, FA_HARD), (blind_hard, FA_BLIND_DEV_HARD), (ordinary, FA_ORDINARY), (partner, FA_PARTNER)]
    thresholds = refine_thresholds(oof, y, limits, joint_thresholds(oof, y, limits))
    weights, biases, meta = [], [], {}
    layer = fit_bag(x, y, hidden, members) if hidden else None
    token_w, token_b = fit_tokens(tokens, y)
    for j, kind in enumerate(KINDS):
        thr = float(thresholds[j])
        pos = y[:, j] > 0
        recall = float((oof[pos, j] >= thr).mean()) if pos.any() else 0.0
        w, b = (layer[2][j], float(layer[3][j])) if layer is not None else fit_logistic(x, y[:, j], L2)
        weights.append((1 - mix) * w)
        biases.append((1 - mix) * b + mix * float(token_b[j]))
        meta[kind] = {"threshold": thr, "oof_recall": round(recall, 4), "positives": int(pos.sum())}
        print(f"{kind:10s} positives {int(pos.sum()):4d} thr {thr:.3f} out-of-fold recall {recall:.3f}")
    flags = (oof >= thresholds).any(axis=1)
    blind_pos = any_safety & (np.array(sources) == "blind dev")
    summary = {"any_sign_recall": round(float(flags[any_safety].mean()), 4),
               "any_sign_recall_blind_dev": round(float(flags[blind_pos].mean()), 4),
               "false_alarms_hard": round(float(flags[hard].mean()), 4),
               "false_alarms_blind_dev_hard": round(float(flags[blind_hard].mean()), 4),
               "false_alarms_ordinary": round(float(flags[ordinary].mean()), 4),
               "false_alarms_partner_messages": round(float(flags[partner].mean()), 4)}
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
              "l2": L2, "fa_hard": FA_HARD, "fa_ordinary": FA_ORDINARY, "hidden": hidden,
              "members": members, "token_bits": TOKEN_BITS, "token_mix": mix},
        token_weights=(mix * token_w.T).astype(np.float32),
        token_bits=TOKEN_BITS,
        hidden_weights=(layer[0] if layer is not None else np.zeros((0, 0))).astype(np.float32),
        hidden_bias=(layer[1] if layer is not None else np.zeros(0)).astype(np.float32),
    )
    if judging:
        out = _option("--judge-out", "")
        print("judge half of the blind safety dev set:", judge_half(heads, Path(out) if out else None))
        return 0
    if "--dry-run" in sys.argv:
        return 0
    target = Path(_option("--out", str(SAFETY_HEADS_FILE)))
    heads.save(target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
