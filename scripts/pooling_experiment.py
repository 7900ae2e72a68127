"""An experiment, not a training script: do the coaching kinds read better from the encoder's token states
pooled by learned attention than from their mean (what every head reads now)?

    .venv/bin/python scripts/pooling_experiment.py                  # mean vs attention, each with word pieces
    .venv/bin/python scripts/pooling_experiment.py --base PRED.json # also: attention added to a merged reading

Controlled: the same lines (our own training lines, `train_heads.load_own(blind_dev=False)`: train split to fit,
dev split for each kind's cut-off), the same word-piece bag beside, the same loss and epochs; only the pooling
differs. Judged on the blind coaching dev half (writers' labels), which neither model trains on: the whole
message only, learned tier alone, no patterns. `--base`: a JSON list, per blind dev line, of the kinds a merged
reading found (heads trained without blind dev); the attention reader then adds a kind where it is sure (its
precision on our dev split at least P), and the union is scored. Needs torch (a training tool, not a
dependency).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_heads as th  # noqa: E402

from openup.evaluation.blind import coaching_kinds, help_kinds, hurt_kinds, read_set  # noqa: E402
from openup.evaluation.metrics import score_kinds  # noqa: E402
from openup.text.model import get_embedder  # noqa: E402

DIM = 384
EPOCHS = 12
BATCH = 64
SEED = 0


def token_states(texts: list[str]) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Each text's last-layer token states (float16, as the int8 encoder gives them alone) and word-piece ids."""
    e = get_embedder()
    ids = dict(zip(texts, e.token_ids(texts), strict=True))
    states = {}
    for text in texts:
        row = np.asarray(ids[text], dtype=np.int64)[None, :]
        feeds = {"input_ids": row, "attention_mask": np.ones_like(row)}
        if "token_type_ids" in e._input_names:
            feeds["token_type_ids"] = np.zeros_like(row)
        states[text] = e._session.run(None, feeds)[0][0].astype(np.float16)
    return states, ids


def main() -> int:
    import torch

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, help="per blind dev line, the kinds a merged reading found (JSON)")
    args = ap.parse_args()
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    kinds = coaching_kinds()
    own = th.load_own(th.TRAIN_DATA, blind_dev=False)
    dev = read_set("coaching", "dev")
    t0 = time.time()
    states, ids = token_states(sorted({i.text for i in own} | {str(r["text"]) for r in dev}))
    print(f"token states of {len(states)} texts in {time.time() - t0:.0f} s", flush=True)
    train = [i for i in own if i.split == "train"]
    ours = [i for i in own if i.split == "dev"]

    def labels(items: list[th.Item]) -> Any:
        return torch.tensor([[k in i.labels for k in kinds] for i in items], dtype=torch.float32)

    def batch(texts: list[str]) -> tuple[Any, Any, Any, Any]:
        longest = max(len(states[t]) for t in texts)
        x = np.zeros((len(texts), longest, DIM), np.float32)
        mask = np.zeros((len(texts), longest), np.float32)
        flat: list[int] = []
        offsets = []
        for i, t in enumerate(texts):
            x[i, : len(states[t])] = states[t]
            mask[i, : len(states[t])] = 1
            offsets.append(len(flat))
            flat += [int(v) for v in ids[t]] or [0]
        return torch.from_numpy(x), torch.from_numpy(mask), torch.tensor(flat), torch.tensor(offsets)

    class Reader(torch.nn.Module):
        """Logistic heads over the mean-pooled unit vector and a word-piece bag; with `attention`, each kind
        also pools the token states by its own learned attention and reads that."""

        def __init__(self, attention: bool) -> None:
            super().__init__()
            n = len(kinds)
            self.attention = attention
            self.linear = torch.nn.Linear(DIM, n)
            self.bag = torch.nn.EmbeddingBag(30522, n, mode="max")
            torch.nn.init.zeros_(self.bag.weight)
            self.query = torch.nn.Parameter(torch.zeros(DIM, n))
            self.read = torch.nn.Parameter(torch.zeros(n, DIM))

        def forward(self, x: Any, mask: Any, flat: Any, offsets: Any) -> Any:
            mean = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            out = self.linear(mean / mean.norm(dim=1, keepdim=True)) + self.bag(flat, offsets)
            if self.attention:
                weights = torch.softmax(x @ self.query - 1e4 * (1 - mask[..., None]), 1)  # (B, T, K)
                pooled = torch.einsum("btk,btd->bkd", weights, x)
                out = out + (pooled * self.read[None]).sum(-1)
            return out

    def fit(attention: bool) -> Reader:
        net = Reader(attention)
        opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
        y = labels(train)
        pos = y.sum(0)
        loss_of = torch.nn.BCEWithLogitsLoss(pos_weight=((len(y) - pos) / pos.clamp(min=1)).clamp(max=20))
        order = list(range(len(train)))
        for epoch in range(EPOCHS):
            random.Random(epoch).shuffle(order)
            for b in range(0, len(order), BATCH):
                rows = order[b : b + BATCH]
                loss = loss_of(net(*batch([train[i].text for i in rows])), y[rows])
                opt.zero_grad()
                loss.backward()
                opt.step()
        return net

    def probs(net: Reader, texts: list[str]) -> np.ndarray:
        with torch.no_grad():
            parts = [torch.sigmoid(net(*batch(texts[b : b + 256]))) for b in range(0, len(texts), 256)]
            return torch.cat(parts).numpy()

    gold = [set(r["kinds"]) for r in dev]
    dev_texts = [str(r["text"]) for r in dev]
    ours_y = labels(ours).numpy() > 0

    def report(name: str, pred: list[set[str]]) -> dict[str, float]:
        scores = score_kinds(gold, pred, kinds)
        hurts = float(np.mean([scores[k].f1 for k in hurt_kinds()]))
        helps = float(np.mean([scores[k].f1 for k in help_kinds()]))
        print(f"{name:<36} hurts {hurts:.3f}  helps {helps:.3f}  " + " ".join(
            f"{k[:8]}={scores[k].f1:.2f}" for k in kinds), flush=True)
        return {k: scores[k].f1 for k in kinds}

    for attention in (False, True):
        t0 = time.time()
        net = fit(attention)
        p_ours, p_dev = probs(net, [i.text for i in ours]), probs(net, dev_texts)
        cuts = []
        for j in range(len(kinds)):  # the cut-off with the best F1 on our dev split
            best = (0.0, 0.5)
            for c in np.linspace(0.05, 0.95, 37):
                hit = p_ours[:, j] >= c
                best = max(best, (2 * float((hit & ours_y[:, j]).sum()) / max(1, hit.sum() + ours_y[:, j].sum()), c))
            cuts.append(best[1])
        name = "attention + mean + word pieces" if attention else "mean + word pieces"
        report(f"{name} ({time.time() - t0:.0f} s)", [
            {kinds[j] for j in range(len(kinds)) if row[j]} for row in p_dev >= np.array(cuts)
        ])
        if attention and args.base:
            base = [set(p) for p in json.loads(args.base.read_text(encoding="utf-8"))]
            report("merged reading (--base)", base)
            for precision in (0.8, 0.9, 0.95):
                cuts = []
                for j in range(len(kinds)):
                    order = np.argsort(-p_ours[:, j])
                    prec = np.cumsum(ours_y[order, j]) / np.arange(1, len(order) + 1)
                    ok = np.flatnonzero(prec >= precision)
                    cuts.append(max(float(p_ours[order[ok.max()], j]) if len(ok) else 1.01, 0.5))
                sure = p_dev >= np.array(cuts)
                report(f"merged + attention where P >= {precision}", [
                    b | {kinds[j] for j in range(len(kinds)) if sure[i, j]} for i, b in enumerate(base)
                ])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
