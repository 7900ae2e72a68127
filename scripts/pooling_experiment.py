"""An experiment, not a training script: do the kinds read better from the encoder's token states pooled by learned
attention than from their mean (what every head reads now)?

    .venv/bin/python scripts/pooling_experiment.py                    # coaching: mean vs attention
    .venv/bin/python scripts/pooling_experiment.py --base PRED.json   # ... and attention added to a merged reading
    .venv/bin/python scripts/pooling_experiment.py --safety           # safety: mean vs attention
    .venv/bin/python scripts/pooling_experiment.py --safety --judged ROWS.jsonl  # ... added to the judged screen

Controlled: the same lines, the same word-piece bag beside, the same loss and epochs; only the pooling differs.
Coaching: our own training lines (`train_heads.load_own(blind_dev=False)`: train split to fit, dev split for each
kind's cut-off), judged on the blind coaching dev half (writers' labels), whole messages, learned tier alone.
`--base`: a JSON list, per blind dev line, of the kinds a merged reading found with heads trained without blind dev;
the attention reader adds a kind where it is sure (precision on our dev split at least P) and the union is scored.
Safety: our safety lines (`train_data/safety/*.jsonl`) and our coaching train lines as everyday negatives, a
small hidden layer beside as the shipped safety heads have; each message and its sentences read, the highest
probability kept; judged on the blind safety dev half by the share of each level flagged at 5/8/12% of its hard
negatives flagged. `--judged`: the rows `train_safety_heads.py --judge --judge-out ROWS.jsonl` wrote (the shipped
screen's heads trained without blind dev); the attention reader raises a flag where its probability reaches a
cut-off, and the union is scored on those rows. Needs torch (a training tool, not a dependency).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_heads as th  # noqa: E402

from openup.evaluation.blind import coaching_kinds, help_kinds, hurt_kinds, read_set  # noqa: E402
from openup.evaluation.metrics import score_kinds  # noqa: E402
from openup.text.model import SAFETY_MIN_WORDS, get_embedder  # noqa: E402
from openup.text.model.sentences import sentence_spans  # noqa: E402

DIM = 384
EPOCHS = 12
BATCH = 64
SEED = 0
SAFETY_KINDS = ("threat", "violence", "control", "fear", "self_harm")
LEVELS = ("danger", "crisis", "concern")


def token_states(texts: list[str]) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Each text's last-layer token states (float16, as the int8 encoder gives them alone) and word-piece ids."""
    e = get_embedder()
    ids = dict(zip(texts, e.token_ids(texts), strict=True))
    return {text: e.token_states(ids[text]).astype(np.float16) for text in texts}, ids


def units(text: str) -> list[str]:
    """The message and its sentences, as the safety screen reads them."""
    found = [text, *(text[a:b] for a, b in sentence_spans(text))]
    return [u for u in dict.fromkeys(found) if len(u.split()) >= SAFETY_MIN_WORDS] or [text]


class Kit:
    """Token states of the texts read, and a reader fitted over them (mean-pooled vector, word-piece bag, an optional
    hidden layer; with `attention`, each kind also pools the token states by its own learned attention)."""

    def __init__(self, texts: Sequence[str]) -> None:
        import torch

        self.torch = torch
        torch.manual_seed(SEED)
        torch.set_num_threads(1)
        t0 = time.time()
        self.states, self.ids = token_states(sorted(set(texts)))
        print(f"token states of {len(self.states)} texts in {time.time() - t0:.0f} s", flush=True)

    def batch(self, texts: list[str]) -> tuple[Any, Any, Any, Any]:
        torch = self.torch
        longest = max(len(self.states[t]) for t in texts)
        x = np.zeros((len(texts), longest, DIM), np.float32)
        mask = np.zeros((len(texts), longest), np.float32)
        flat: list[int] = []
        offsets = []
        for i, t in enumerate(texts):
            x[i, : len(self.states[t])] = self.states[t]
            mask[i, : len(self.states[t])] = 1
            offsets.append(len(flat))
            flat += [int(v) for v in self.ids[t]] or [0]
        return torch.from_numpy(x), torch.from_numpy(mask), torch.tensor(flat), torch.tensor(offsets)

    def fit(self, texts: list[str], y: np.ndarray, attention: bool, hidden: bool, epochs: int = EPOCHS) -> Any:
        torch = self.torch
        n = y.shape[1]

        class Reader(torch.nn.Module):  # type: ignore[misc,name-defined]
            def __init__(self) -> None:
                super().__init__()
                self.linear = torch.nn.Linear(DIM, n)
                self.hidden = torch.nn.Sequential(torch.nn.Linear(DIM, 256), torch.nn.ReLU(), torch.nn.Dropout(0.2),
                                                  torch.nn.Linear(256, n)) if hidden else None
                self.bag = torch.nn.EmbeddingBag(30522, n, mode="max")
                torch.nn.init.zeros_(self.bag.weight)
                self.query = torch.nn.Parameter(torch.zeros(DIM, n))
                self.read = torch.nn.Parameter(torch.zeros(n, DIM))

            def forward(self, x: Any, mask: Any, flat: Any, offsets: Any) -> Any:
                mean = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
                unit = mean / mean.norm(dim=1, keepdim=True)
                out = self.linear(unit) + self.bag(flat, offsets)
                if self.hidden is not None:
                    out = out + self.hidden(unit)
                if attention:
                    weights = torch.softmax(x @ self.query - 1e4 * (1 - mask[..., None]), 1)  # (B, T, K)
                    out = out + (torch.einsum("btk,btd->bkd", weights, x) * self.read[None]).sum(-1)
                return out

        net = Reader()
        opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
        target = torch.tensor(y, dtype=torch.float32)
        pos = target.sum(0)
        loss_of = torch.nn.BCEWithLogitsLoss(pos_weight=((len(target) - pos) / pos.clamp(min=1)).clamp(max=20))
        order = list(range(len(texts)))
        for epoch in range(epochs):
            random.Random(epoch).shuffle(order)
            net.train()
            for b in range(0, len(order), BATCH):
                rows = order[b : b + BATCH]
                loss = loss_of(net(*self.batch([texts[i] for i in rows])), target[rows])
                opt.zero_grad()
                loss.backward()
                opt.step()
        net.eval()
        return net

    def probs(self, net: Any, texts: list[str]) -> np.ndarray:
        with self.torch.no_grad():
            parts = [self.torch.sigmoid(net(*self.batch(texts[b : b + 256]))) for b in range(0, len(texts), 256)]
            return self.torch.cat(parts).numpy()


def coaching(base: Path | None) -> None:
    kinds = coaching_kinds()
    own = th.load_own(th.TRAIN_DATA, blind_dev=False)
    dev = read_set("coaching", "dev")
    dev_texts = [str(r["text"]) for r in dev]
    kit = Kit([i.text for i in own] + dev_texts)
    train = [i for i in own if i.split == "train"]
    ours = [i for i in own if i.split == "dev"]
    y_train = np.array([[k in i.labels for k in kinds] for i in train], dtype=np.float32)
    ours_y = np.array([[k in i.labels for k in kinds] for i in ours])
    gold = [set(r["kinds"]) for r in dev]

    def report(name: str, pred: list[set[str]]) -> None:
        scores = score_kinds(gold, pred, kinds)
        hurts = float(np.mean([scores[k].f1 for k in hurt_kinds()]))
        helps = float(np.mean([scores[k].f1 for k in help_kinds()]))
        print(f"{name:<36} hurts {hurts:.3f}  helps {helps:.3f}  " + " ".join(
            f"{k[:8]}={scores[k].f1:.2f}" for k in kinds), flush=True)

    def kinds_at(p: np.ndarray, cuts: Sequence[float]) -> list[set[str]]:
        return [{kinds[j] for j in range(len(kinds)) if row[j]} for row in p >= np.array(cuts)]

    for attention in (False, True):
        t0 = time.time()
        net = kit.fit([i.text for i in train], y_train, attention, hidden=False)
        p_ours, p_dev = kit.probs(net, [i.text for i in ours]), kit.probs(net, dev_texts)
        cuts = []
        for j in range(len(kinds)):  # the cut-off with the best F1 on our dev split
            best = (0.0, 0.5)
            for c in np.linspace(0.05, 0.95, 37):
                hit = p_ours[:, j] >= c
                best = max(best, (2 * float((hit & ours_y[:, j]).sum()) / max(1, hit.sum() + ours_y[:, j].sum()), c))
            cuts.append(best[1])
        name = "attention + mean + word pieces" if attention else "mean + word pieces"
        report(f"{name} ({time.time() - t0:.0f} s)", kinds_at(p_dev, cuts))
        if attention and base is not None:
            merged = [set(p) for p in json.loads(base.read_text(encoding="utf-8"))]
            report("merged reading (--base)", merged)
            for precision in (0.8, 0.9, 0.95):
                cuts = []
                for j in range(len(kinds)):
                    order = np.argsort(-p_ours[:, j])
                    prec = np.cumsum(ours_y[order, j]) / np.arange(1, len(order) + 1)
                    ok = np.flatnonzero(prec >= precision)
                    cuts.append(max(float(p_ours[order[ok.max()], j]) if len(ok) else 1.01, 0.5))
                sure = kinds_at(p_dev, cuts)
                report(f"merged + attention where P >= {precision}", [b | s for b, s in zip(merged, sure, strict=True)])


def safety(judged: Path | None) -> None:
    lines: dict[str, set[str]] = {}
    for path in sorted((th.TRAIN_DATA / "safety").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                lines.setdefault(row["text"], set(row.get("labels") or row.get("kinds") or []) & set(SAFETY_KINDS))
    for item in th.load_own(th.TRAIN_DATA, blind_dev=False):
        if item.split == "train":
            lines.setdefault(item.text, set())  # our coaching lines: everyday messages to a partner
    dev = read_set("safety", "dev")
    judged_rows = [json.loads(x) for x in judged.read_text(encoding="utf-8").splitlines()] if judged else []
    texts = [str(r["text"]) for r in dev] + [str(r["text"]) for r in judged_rows]
    kit = Kit(list(lines) + [u for t in texts for u in units(t)])
    train = list(lines)
    y = np.array([[k in lines[t] for k in SAFETY_KINDS] for t in train], dtype=np.float32)

    def message_probs(net: Any, messages: list[str]) -> np.ndarray:
        read = sorted({u for t in messages for u in units(t)})
        by_unit = dict(zip(read, kit.probs(net, read), strict=True))
        return np.array([np.max([by_unit[u] for u in units(t)], axis=0) for t in messages])

    level = np.array([r["level"] for r in dev])
    for attention in (False, True):
        t0 = time.time()
        net = kit.fit(train, y, attention, hidden=True, epochs=10)
        p = message_probs(net, [str(r["text"]) for r in dev])
        sign = p.max(1)
        cells = []
        for alarms in (0.05, 0.08, 0.12):
            cut = np.quantile(sign[level == "none"], 1 - alarms)
            cells.append(f"at {alarms:.0%} alarms: " + " ".join(
                f"{name} {float((sign[level == name] > cut).mean()):.3f}" for name in LEVELS))
        name = "attention + mean" if attention else "mean"
        print(f"{name:<16} ({time.time() - t0:.0f} s) " + " | ".join(cells), flush=True)
        if attention and judged_rows:
            flagged = np.array([bool(r["flagged"]) for r in judged_rows])
            judged_level = np.array([r["level"] for r in judged_rows])
            raised = message_probs(net, [str(r["text"]) for r in judged_rows]).max(1)
            print(f"judged screen (--judged): {_shares(flagged, judged_level)}")
            for cut in (0.99, 0.97, 0.95, 0.9):
                print(f"judged screen + attention at {cut}: {_shares(flagged | (raised >= cut), judged_level)}")


def _shares(flagged: np.ndarray, level: np.ndarray) -> str:
    """The share of each level's rows flagged."""
    return " ".join(f"{name} {float(flagged[level == name].mean()):.3f}" for name in (*LEVELS, "none"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, help="per blind coaching dev line, the kinds a merged reading found (JSON)")
    ap.add_argument("--safety", action="store_true", help="the safety kinds instead of the coaching kinds")
    ap.add_argument("--judged", type=Path, help="with --safety: the rows train_safety_heads.py --judge-out wrote")
    args = ap.parse_args()
    if args.safety:
        safety(args.judged)
    else:
        coaching(args.base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
