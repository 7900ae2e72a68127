"""Distil the shipped int8 encoder into a static-embedding student and write src/openup/text/model/student.npz.

    /tmp/exportvenv/bin/python scripts/distill_student.py --teacher /tmp/minilm-v3

The shipped file came from four runs, each resuming the last (about 35 minutes on 2 busy cores for the first
three, 10 for the fourth):
    ... --mlp 0 --epochs 10 --head-weight 0.2 --lr 1e-2 --out /tmp/s1.npz   (before --safety-repeat and own_texts
        existed, and with the head loss not yet clamped: it is now)
    ... --resume /tmp/s1.npz --epochs 6 --lr 3e-3 --head-weight 1.0 --out /tmp/s2.npz   (same: no own_texts)
    ... --resume /tmp/s2.npz --epochs 4 --lr 3e-3 --head-weight 1.0 --out /tmp/s3.npz
    ... --resume /tmp/s3.npz --epochs 4 --lr 3e-3 --head-weight 1.0 --bigram-bits 17   (adds the token pairs)
each calibrating with the defaults at its end; recalibrated at stop 25 with --q-signal 0.98 (now the default;
0.97 before, when one appreciation flip on the blind safety test cost 0.07 of that kind's F1). At stop 36 a fifth
run added the train part of six permissive sets (Toxic Spans, ConvAbuse, DiaSafety, CaSiNo, iSarcasmEval,
CounselChat: `--permissive`, openup.evaluation.permissive), then its margins were widened to what their
calibration part asks for at a 0.95 quantile (4 minutes of training, 3 of calibrating, 8 of embedding the new
units once, on 2 busy cores):
    PYTHONPATH=src python scripts/distill_student.py --resume <the stop-25 student.npz> --permissive --epochs 1 \
        --lr 3e-3 --head-weight 1.0 --bigram-bits 17 --out /tmp/p1.npz
    PYTHONPATH=src python scripts/distill_student.py --widen-permissive --q-signal 0.95 --out /tmp/p1.npz
The held-out part of those sets (never trained or calibrated on) is a `bench_student` row each; without the fifth
run the student agreed with the full encoder on 0.936 of CounselChat answers and 0.980 of Toxic Spans comments.
The student file names its validation units (`held_out`: 64-bit keys of their texts): `--resume` and
`--calibrate-only` keep exactly those out of training and calibrate on them, even after the shared embedding
cache has grown (another head's training adds texts to it, which would reshuffle a fresh 5% sample).

The student maps a text to the encoder's own 384-d space, so the shipped heads read it unchanged: one vector
per WordPiece token, averaged over the text's tokens ([CLS] and [SEP] included, as the encoder's mean
pooling includes them) and L2-normalised (Model2Vec's recipe, fitted to this encoder's outputs).

With `--bigram-bits`, a second table of 64-d vectors, one per hashed pair of adjacent WordPiece tokens, is averaged
over the text's pairs, projected to 384-d and added to the token mean before normalising: the word order a bag of
tokens cannot see ("not good", "you should"). It narrows the signal heads' margins by a quarter to a half.

1. Initialise every token's vector with the fp32 fine-tuned encoder's (torch, `--teacher`) mean-pooled
   output for that token alone ("[CLS] token [SEP]"): what Model2Vec's distill does before its PCA.
2. Fit the vectors with Adam so the student's vector of each training unit matches the shipped int8
   encoder's vector for it (cosine), and the heads' logits on it match theirs (the signal heads of
   heads.npz and the safety heads with their hidden layer): the heads' decisions are what must agree.
   Training units: GoEmotions train+dev, Stanford Politeness, our own messages, the blind *dev* halves (with
   `--permissive`, the train part of the permissive sets too), and the sentences of those texts (the learned
   tier reads every sentence): vectors from scripts/train_heads.py's cache where it has them, the rest embedded
   here with the shipped encoder and cached beside it (student-units-<model digest>.npz).
   Never the evaluation suites: tests/data/*.jsonl, the blind *test* halves, GoEmotions test and the permissive
   sets' held-out and calibration parts are left out (matched by text, never read out), so agreement measured on
   them is held out.
3. Write float16 vectors (30,522 x 384) with metadata. Run time needs numpy and tokenizers only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from functools import lru_cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from openup.text.model.embedder import MAX_LENGTH, MODEL_FILE, TOKENIZER_FILE, Embedder, model_text  # noqa: E402
from openup.text.model.heads import HEADS_FILE, SAFETY_HEADS_FILE, load_heads  # noqa: E402
from openup.text.model.sentences import sentence_spans  # noqa: E402
from openup.text.model.student import STUDENT_FILE, bigram_ids  # noqa: E402

SEED = 20261205
DATA = Path("/work/shared/data")
CACHE = Path("/tmp/openup-train-cache")


def held_out_texts() -> set[str]:
    """Texts of the evaluation suites: never trained on (matched, never shown); the held-out and calibration parts
    of the permissive sets too."""
    out: set[str] = set()
    data = ROOT / "tests" / "data"
    for path in [*sorted(data.glob("*.jsonl")), *sorted((data / "blind").glob("*.test.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(json.loads(line)["text"].strip())
    from openup.evaluation.permissive import parts

    every = parts(DATA)
    out.update(t for part in ("held_out", "calibration") for chunk in every[part].values() for t in chunk)
    test = DATA / "goemotions" / "test.tsv"
    if test.is_file():
        with open(test, encoding="utf-8") as fh:
            out.update(row[0].strip() for row in csv.reader(fh, delimiter="\t") if row)
    return out


def own_texts() -> list[str]:
    """Our own labelled messages the safety and feelings heads were trained on, and the blind dev halves:
    the safety heads' positives are rare elsewhere, and the student must learn where they fire."""
    model_data = ROOT / "src" / "openup" / "text" / "model" / "train_data"
    paths = [*sorted(model_data.rglob("*.jsonl")), *sorted((ROOT / "tests" / "data" / "blind").glob("*.dev.jsonl"))]
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
    return out


def public_texts() -> list[str]:
    """GoEmotions train and dev, Stanford Politeness: as scripts/train_heads.py reads them (the original text, whose
    key names a validation unit; the encoder's vector is cached under its reading, `model_text`)."""
    import train_heads

    return [*(it.text for it in train_heads.load_goemotions(DATA) if it.split != "test"),
            *(it.text for it in train_heads.load_politeness(DATA))]


@lru_cache(maxsize=1)
def model_digest() -> str:
    """The first 16 hex digits of the shipped encoder's SHA-256: what names its caches and the student's teacher."""
    return hashlib.sha256(MODEL_FILE.read_bytes()).hexdigest()[:16]


def sentences_of(text: str) -> list[str]:
    """The sentences of `text` when it has more than one (the learned tier reads each), else none."""
    spans = sentence_spans(text)
    return [text[a:b] for a, b in spans] if len(spans) > 1 else []


def training_units(cache_dir: Path, permissive: bool = False) -> tuple[list[str], np.ndarray]:
    """The training texts (minus held-out ones) and their sentences, with the int8 encoder's vectors: GoEmotions
    train and dev, Stanford Politeness, our own lines and the blind dev halves, and with `permissive` the train part
    of the permissive sets the student was first distilled without (openup.evaluation.permissive: never its
    held-out or calibration part). Vectors come from scripts/train_heads.py's cache (keyed by `model_text`) where
    it has them, else from the encoder, cached here."""
    known: dict[str, np.ndarray] = {}
    read_cache = cache_dir / f"embeddings-read-{model_digest()}.npz"
    if read_cache.is_file():
        with np.load(read_cache, allow_pickle=False) as data:
            known = dict(zip((str(t) for t in data["texts"]), data["vectors"], strict=True))
    held = held_out_texts()
    extra_texts = permissive_units("train") if permissive else []
    texts = list(dict.fromkeys(t for t in [*public_texts(), *own_texts()] if t.strip() not in held))
    print(f"texts {len(texts)} after leaving out evaluation texts; permissive train units {len(extra_texts)}",
          flush=True)
    sentences = set()
    for text in texts:
        sentences.update(sentences_of(text))
        sentences.add(text.strip())
    sentences.update(texts)
    sentences.update(extra_texts)
    units = sorted(s for s in sentences if s.strip() not in held)
    cached = [u for u in units if model_text(u) in known]
    others = [u for u in units if model_text(u) not in known]
    vectors = dict(zip(others, embedded(others, cache_dir, "student-units"), strict=True))
    vectors.update((u, known[model_text(u)]) for u in cached)
    return units, np.stack([vectors[u] for u in units]).astype(np.float32)


def permissive_units(part: str) -> list[str]:
    """The texts of one part ("train", "calibration") of the permissive sets the student was first distilled without
    (openup.evaluation.permissive: the "held_out" part is never read here), and their sentences."""
    from openup.evaluation.permissive import parts

    texts = [t for chunk in parts(DATA)[part].values() for t in chunk]
    out = dict.fromkeys(texts)
    for text in texts:
        out.update(dict.fromkeys(sentences_of(text)))
    return list(out)


def _load_texts(data: np.lib.npyio.NpzFile) -> list[str]:
    """A cache file's texts: NUL-separated UTF-8 bytes (a fixed-width string array of long texts is gigabytes)."""
    raw = data["texts"]
    return raw.tobytes().decode("utf-8").split("\x00") if raw.dtype == np.uint8 else [str(t) for t in raw]


def embedded(units: list[str], cache_dir: Path, name: str) -> np.ndarray:
    """The shipped int8 encoder's vectors of `units`, each read alone, cached in cache_dir/name-<model digest>.npz
    (written every 40,960 units, so a stopped run keeps what it embedded)."""
    path = cache_dir / f"{name}-{model_digest()}.npz"
    known: dict[str, np.ndarray] = {}
    if path.is_file():
        with np.load(path, allow_pickle=False) as data:
            known = dict(zip(_load_texts(data), data["vectors"], strict=True))

    def save() -> None:
        keys = sorted(known)
        cache_dir.mkdir(parents=True, exist_ok=True)
        np.savez(path, texts=np.frombuffer("\x00".join(keys).encode("utf-8"), dtype=np.uint8),
                 vectors=np.stack([known[k] for k in keys]))

    missing = [u for u in dict.fromkeys(units) if u not in known]
    if missing:
        print(f"embedding {len(missing)} units with the shipped encoder ({path.name}) ...", flush=True)
        emb = Embedder(cache_size=0)
        t0 = time.perf_counter()
        for start in range(0, len(missing), 4096):
            chunk = missing[start : start + 4096]
            known.update(zip(chunk, emb.embed(chunk), strict=True))
            print(f"  {min(start + 4096, len(missing))}/{len(missing)} {time.perf_counter() - t0:.0f}s", flush=True)
            if start % 40960 == 40960 - 4096:
                save()
        save()
    return np.stack([known[u] for u in units]).astype(np.float32)


def unit_keys(units: list[str]) -> np.ndarray:
    """A 64-bit key per unit (its text's SHA-1), to name held-out units in the student file."""
    return np.array([int.from_bytes(hashlib.sha1(u.encode("utf-8")).digest()[:8], "little") for u in units],
                    dtype=np.uint64)


def split(units: list[str], rng: np.random.Generator, held_out: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Validation and training rows of `units`. A student file names its validation units (`held_out`), so
    resuming it or recalibrating its margins keeps them out of training and calibrates on them alone, however
    the shared embedding cache has grown since (new texts are training units); without one, a seeded 5% sample
    of the units as they are now (held out only if the cache has not changed since that student was trained)."""
    if held_out is not None:
        is_val = np.isin(unit_keys(units), held_out)
        return np.flatnonzero(is_val), np.flatnonzero(~is_val)
    order = rng.permutation(len(units))
    n_val = max(1000, len(units) // 20)
    return order[:n_val], order[n_val:]


def token_init(teacher: Path, vocab_size: int) -> np.ndarray:
    """Each token's fp32 encoder output alone ([CLS] token [SEP], mean-pooled, normalised)."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(teacher)).eval()
    out = np.zeros((vocab_size, 384), dtype=np.float32)
    with torch.no_grad():
        for start in range(0, vocab_size, 1024):
            ids = torch.arange(start, min(start + 1024, vocab_size))
            batch = torch.stack([torch.full_like(ids, 101), ids, torch.full_like(ids, 102)], dim=1)
            hidden = model(input_ids=batch, attention_mask=torch.ones_like(batch)).last_hidden_state
            vec = hidden.mean(dim=1)
            out[start : start + len(ids)] = torch.nn.functional.normalize(vec, dim=1).numpy()
    return out


def calibrate(
    path: Path, units: list[str], target: np.ndarray, q_signal: float, q_safety: float, safety_floor: float = 0.0
) -> dict[str, float]:
    """Per head, the bulk reader's unsure margin (calibrated-logit units), chosen on held-out units with the
    float16 file as shipped: the distance from the threshold within which the student's side of it catches
    `q_signal` of the units where its side differs from the encoder's (`q_safety` of the units where the
    student would read a safety head below threshold and the encoder above: one-sided; never less than
    `safety_floor`: on the blind safety texts, unlike these units, the student falls further below the
    encoder than anything seen here, and a safety reading must never be lost). Prints, per head,
    the share of units it sends to the encoder and the flips left."""
    from openup.text.model.student import Student

    student = Student(path)
    vectors, ids = student.encode(units)
    margins: dict[str, float] = {}
    unsure_any = np.zeros(len(units), dtype=bool)
    flip_any = np.zeros(len(units), dtype=bool)
    for file, group, q in ((HEADS_FILE, "signal", q_signal), (SAFETY_HEADS_FILE, "safety", q_safety)):
        heads = load_heads(file)
        idx = heads.in_group(group)
        zs = heads.platt_a[idx] * heads.logits(vectors, ids)[:, idx] + heads.platt_b[idx]
        zt = heads.platt_a[idx] * heads.logits(target, ids)[:, idx] + heads.platt_b[idx]
        thr = np.log(heads.threshold[idx] / (1 - heads.threshold[idx]))
        for k, j in enumerate(idx):
            if group == "signal":
                flips = (zs[:, k] >= thr[k]) != (zt[:, k] >= thr[k])
                dist = np.abs(zs[:, k] - thr[k])
            else:
                flips = (zs[:, k] < thr[k]) & (zt[:, k] >= thr[k])
                dist = thr[k] - zs[:, k]
            m = float(np.quantile(dist[flips], q)) if flips.sum() >= 5 else float(dist[flips].max(initial=0.5))
            m = max(m, 0.25 if group == "signal" else safety_floor)
            margins[heads.names[j]] = round(m, 4)
            near = dist < m if group == "signal" else zs[:, k] > thr[k] - m
            unsure_any |= near
            flip_any |= flips & ~near
            print(f"  {heads.names[j]:18s} margin {m:6.3f}  unsure {near.mean():.4f}  "
                  f"flips {flips.mean():.4f}, left {(flips & ~near).mean():.5f}", flush=True)
    print(f"  any head: unsure {unsure_any.mean():.4f}, flips left {flip_any.mean():.5f}", flush=True)
    return margins


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--teacher", type=Path, default=Path("/tmp/minilm-v3"))
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--out", type=Path, default=STUDENT_FILE)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--head-weight", type=float, default=0.2)
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--safety-repeat", type=int, default=4, help="extra passes over safety-relevant units")
    parser.add_argument("--mlp", type=int, default=512, help="residual layer's hidden size after pooling (0: none)")
    parser.add_argument("--resume", type=Path, default=None, help="start the token vectors from this student file")
    parser.add_argument("--bigram-bits", type=int, default=0, help="hashed token-pair table of 2**bits rows (0: none)")
    parser.add_argument("--bigram-dim", type=int, default=64, help="width of the token-pair vectors")
    parser.add_argument("--bigram-lr", type=float, default=1e-2)
    parser.add_argument("--init-cache", type=Path, default=CACHE / "student-init.npy")
    parser.add_argument("--q-signal", type=float, default=0.98, help="share of flips caught, signal heads")
    parser.add_argument("--q-safety", type=float, default=1.0, help="share of lowered readings caught, safety heads")
    # 10 logits while the safety heads were the network alone; since they average the network's logit with
    # an exact token reader's (train_safety_heads.TOKEN_MIX 0.5), the student's error reaches the heads
    # halved, and 5 keeps the same guard: no safety reading lost on any bench_student set, 40-66% of units
    # to the encoder where 10 would send 79-95%.
    parser.add_argument("--safety-floor", type=float, default=5.0, help="least safety margin (logits)")
    parser.add_argument("--calibrate-only", action="store_true", help="recompute the margins of --out")
    parser.add_argument("--permissive", action="store_true",
                        help="train on the train part of the permissive sets too (openup.evaluation.permissive)")
    parser.add_argument("--widen-permissive", action="store_true",
                        help="widen each margin of --out to what the permissive sets' calibration part asks for "
                             "(never narrower than it is)")
    args = parser.parse_args(argv)
    if args.widen_permissive:
        units = permissive_units("calibration")
        target = embedded(units, args.cache, "permissive-calibration")
        with np.load(args.out, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files if k != "meta"}
            meta = json.loads(str(data["meta"]))
        print(f"calibrating on {len(units)} permissive calibration units", flush=True)
        wide = calibrate(args.out, units, target, args.q_signal, args.q_safety, args.safety_floor)
        old = meta["margins"]
        meta["margins"] = {k: max(old.get(k, 0.0), v) for k, v in wide.items()}
        for k in sorted(wide):
            print(f"  {k:18s} {old.get(k, 0.0):6.3f} -> {meta['margins'][k]:6.3f}", flush=True)
        meta["margins_widened_on"] = f"permissive calibration part, {len(units)} units"
        np.savez_compressed(args.out, meta=np.array(json.dumps(meta, sort_keys=True)), **arrays)
        print(f"wrote margins to {args.out}")
        return

    import torch
    from tokenizers import Tokenizer

    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    rng = np.random.default_rng(SEED)
    units, target = training_units(args.cache, args.permissive)
    tok = Tokenizer.from_file(str(TOKENIZER_FILE))
    tok.no_padding()
    tok.enable_truncation(max_length=MAX_LENGTH)
    ids = [np.array(e.ids, dtype=np.int64) for e in tok.encode_batch(units)]
    vocab_size = tok.get_vocab_size()
    source = args.out if args.calibrate_only else args.resume
    held_out = None
    if source is not None:
        with np.load(source, allow_pickle=False) as data:
            held_out = data["held_out"] if "held_out" in data.files else None
    val, train = split(units, rng, held_out)
    print(f"units {len(units)}: train {len(train)}, validation {len(val)}"
          f"{' (the held-out units of ' + str(source) + ')' if held_out is not None else ''}; vocab {vocab_size}",
          flush=True)
    if args.calibrate_only:
        with np.load(args.out, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files if k != "meta"}
            meta = json.loads(str(data["meta"]))
        if held_out is None and meta.get("units") != len(units):
            print(f"warning: {args.out} names no held-out units and was trained on {meta.get('units')} units, not "
                  f"{len(units)}: some validation units may be ones it was trained on", flush=True)
        meta["margins"] = calibrate(args.out, [units[i] for i in val], target[val], args.q_signal, args.q_safety,
                                    args.safety_floor)
        meta["margin_quantiles"] = {"signal": args.q_signal, "safety": args.q_safety, "safety_floor": args.safety_floor}
        np.savez_compressed(args.out, meta=np.array(json.dumps(meta, sort_keys=True)), **arrays)
        print(f"wrote margins to {args.out}")
        return

    t0 = time.perf_counter()
    resumed: dict[str, np.ndarray] = {}
    if args.resume is not None:
        with np.load(args.resume, allow_pickle=False) as data:
            init = data["vectors"].astype(np.float32)
            resumed = {k: data[k] for k in data.files if k.startswith(("mlp_", "bigram_"))}
    elif args.init_cache.is_file():
        init = np.load(args.init_cache)
    else:
        init = token_init(args.teacher, vocab_size)
        np.save(args.init_cache, init)
    print(f"token init {time.perf_counter() - t0:.0f}s", flush=True)

    heads, safety = load_heads(HEADS_FILE), load_heads(SAFETY_HEADS_FILE)
    sig = heads.in_group("signal")
    w_sig = torch.tensor(heads.weights[sig] * heads.platt_a[sig, None])
    s_idx = safety.in_group("safety")
    hw, hb = torch.tensor(safety.hidden_weights), torch.tensor(safety.hidden_bias)
    w_saf = torch.tensor(safety.weights[s_idx] * safety.platt_a[s_idx, None])

    b_all = torch.tensor(np.concatenate([heads.platt_b[sig], safety.platt_b[s_idx]]))
    t_all = torch.tensor(np.concatenate([heads.threshold[sig], safety.threshold[s_idx]]))
    thr_all = torch.log(t_all / (1 - t_all))
    bias_all = torch.tensor(
        np.concatenate([heads.bias[sig] * heads.platt_a[sig], safety.bias[s_idx] * safety.platt_a[s_idx]])
    )

    # The signal heads' network beside their linear readers (scripts/train_signal_network.py), when there is one.
    sig_hw, sig_hb = torch.tensor(heads.hidden_weights), torch.tensor(heads.hidden_bias)
    w_sig_net = torch.tensor(heads.hidden_out[sig] * heads.platt_a[sig, None]) if heads.hidden_out.size else None

    def head_logits(x: torch.Tensor) -> torch.Tensor:
        """Calibrated logits without the token-bag term (the same for both readers), clamped to within 8 of
        each threshold: far from it, an error changes no decision."""
        hidden = torch.relu(x @ hw.T + hb) if len(hb) else x
        z_sig = x @ w_sig.T
        if w_sig_net is not None:
            z_sig = z_sig + torch.relu(x @ sig_hw.T + sig_hb) @ w_sig_net.T
        z = torch.cat([z_sig, hidden @ w_saf.T], dim=1) + bias_all + b_all
        return torch.maximum(torch.minimum(z, thr_all + 8), thr_all - 8)

    mlp = torch.nn.Sequential(torch.nn.Linear(384, args.mlp), torch.nn.ReLU(), torch.nn.Linear(args.mlp, 384)) \
        if args.mlp else None
    if mlp is not None:
        with torch.no_grad():
            mlp[2].weight.zero_()
            mlp[2].bias.zero_()
            if resumed and resumed["mlp_w1"].shape[0] == args.mlp:
                for layer, w, b in ((mlp[0], "mlp_w1", "mlp_b1"), (mlp[2], "mlp_w2", "mlp_b2")):
                    layer.weight.copy_(torch.tensor(resumed[w]))
                    layer.bias.copy_(torch.tensor(resumed[b]))

    bigrams = bproj = None
    if args.bigram_bits:
        bigrams = torch.nn.EmbeddingBag(1 << args.bigram_bits, args.bigram_dim, mode="mean", sparse=True)
        bproj = torch.nn.Linear(args.bigram_dim, 384, bias=False)
        with torch.no_grad():
            if "bigram_vectors" in resumed and resumed["bigram_vectors"].shape == bigrams.weight.shape:
                bigrams.weight.copy_(torch.tensor(resumed["bigram_vectors"].astype(np.float32)))
                bproj.weight.copy_(torch.tensor(resumed["bigram_proj"]))
            else:  # starts as the token mean alone
                bigrams.weight.normal_(0.0, 0.1)
                bproj.weight.zero_()
    pair_ids = [bigram_ids(x[:-1], x[1:], args.bigram_bits) for x in ids] if args.bigram_bits else []

    def student(flat: torch.Tensor, offsets: torch.Tensor, pairs: tuple[torch.Tensor, torch.Tensor] | None = None
                ) -> torch.Tensor:
        x = table(flat, offsets)
        if bigrams is not None and bproj is not None and pairs is not None:
            x = x + bproj(bigrams(*pairs))
        x = torch.nn.functional.normalize(x, dim=1)
        if mlp is not None:
            x = torch.nn.functional.normalize(x + mlp(x), dim=1)
        return x

    table = torch.nn.EmbeddingBag(vocab_size, 384, mode="mean", sparse=True)
    with torch.no_grad():
        table.weight.copy_(torch.tensor(init))
    tgt = torch.tensor(target)
    with torch.no_grad():
        tgt_logits = head_logits(tgt)

    def bag(rows: np.ndarray) -> tuple[torch.Tensor, torch.Tensor, tuple[torch.Tensor, torch.Tensor] | None]:
        lengths = [len(ids[r]) for r in rows]
        flat = torch.tensor(np.concatenate([ids[r] for r in rows]))
        offsets = torch.tensor(np.concatenate([[0], np.cumsum(lengths)[:-1]]))
        pairs = None
        if pair_ids:
            counts = [len(pair_ids[r]) for r in rows]
            pairs = (torch.tensor(np.concatenate([pair_ids[r] for r in rows])),
                     torch.tensor(np.concatenate([[0], np.cumsum(counts)[:-1]])))
        return flat, offsets, pairs

    def evaluate(rows: np.ndarray) -> dict[str, float]:
        with torch.no_grad():
            x = student(*bag(rows))
            cos = (x * tgt[rows]).sum(1)
            err = (head_logits(x) - tgt_logits[rows]).abs()
        return {"cos_mean": float(cos.mean()), "cos_p05": float(cos.quantile(0.05)),
                "logit_err_mean": float(err.mean()), "logit_err_p95": float(err.quantile(0.95))}

    with torch.no_grad():
        fires = (tgt_logits[:, len(sig):] > thr_all[len(sig):] - 4).any(dim=1).numpy()
    boost = np.array([r for r in train if fires[r]], dtype=np.int64)
    train = np.concatenate([train, *([boost] * args.safety_repeat)])
    print(f"units near or above a safety threshold: {int(fires.sum())}, repeated x{args.safety_repeat + 1}", flush=True)
    print("before:", evaluate(val), flush=True)
    opt = torch.optim.SparseAdam(list(table.parameters()), lr=args.lr)
    dense_params = [*(mlp.parameters() if mlp is not None else ()), *(bproj.parameters() if bproj is not None else ())]
    dense = torch.optim.Adam(dense_params, lr=1e-3) if dense_params else None
    pair_opt = torch.optim.SparseAdam(list(bigrams.parameters()), lr=args.bigram_lr) if bigrams is not None else None
    batch = 256
    steps = args.epochs * (len(train) // batch)
    def warm_then_decay(i: int) -> float:
        return min(1.0, (i + 1) / 200) * max(0.05, 1 - i / steps)

    scheds = [torch.optim.lr_scheduler.LambdaLR(o, warm_then_decay) for o in (opt, pair_opt) if o is not None]
    step = 0
    for epoch in range(args.epochs):
        perm = rng.permutation(train)
        for start in range(0, len(perm) - batch + 1, batch):
            rows = perm[start : start + batch]
            x = student(*bag(rows))
            cos_loss = (1.0 - (x * tgt[rows]).sum(1)).mean()
            head_loss = torch.nn.functional.smooth_l1_loss(head_logits(x), tgt_logits[rows])
            loss = cos_loss + args.head_weight * head_loss
            opt.zero_grad()
            for other in (dense, pair_opt):
                if other is not None:
                    other.zero_grad()
            loss.backward()
            opt.step()
            for other in (dense, pair_opt):
                if other is not None:
                    other.step()
            for sched in scheds:
                sched.step()
            step += 1
        print(f"epoch {epoch + 1}/{args.epochs} {time.perf_counter() - t0:.0f}s val {evaluate(val)}", flush=True)

    final = evaluate(val)
    meta = {
        "teacher": "shipped minilm-int8.onnx (sha256 " + model_digest() + ")",
        "init": "fp32 fine-tuned encoder output per token alone",
        "units": len(units), "validation": final, "epochs": args.epochs, "head_weight": args.head_weight,
        "seed": SEED,
    }
    vectors = table.weight.detach().numpy().astype(np.float16)
    extra: dict[str, np.ndarray] = {}
    if mlp is not None:
        extra = {"mlp_w1": mlp[0].weight.detach().numpy(), "mlp_b1": mlp[0].bias.detach().numpy(),
                 "mlp_w2": mlp[2].weight.detach().numpy(), "mlp_b2": mlp[2].bias.detach().numpy()}
    meta["mlp"] = args.mlp
    extra["held_out"] = unit_keys([units[i] for i in val])
    if bigrams is not None and bproj is not None:
        meta["bigram_bits"] = args.bigram_bits
        extra["bigram_vectors"] = bigrams.weight.detach().numpy().astype(np.float16)
        extra["bigram_proj"] = bproj.weight.detach().numpy()
    np.savez_compressed(args.out, vectors=vectors, meta=np.array(json.dumps(meta, sort_keys=True)), **extra)
    meta["margins"] = calibrate(args.out, [units[i] for i in val], target[val], args.q_signal, args.q_safety,
                                    args.safety_floor)
    meta["margin_quantiles"] = {"signal": args.q_signal, "safety": args.q_safety, "safety_floor": args.safety_floor}
    np.savez_compressed(args.out, vectors=vectors, meta=np.array(json.dumps(meta, sort_keys=True)), **extra)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB): {final}", flush=True)


if __name__ == "__main__":
    main()
