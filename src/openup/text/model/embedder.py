"""Sentence embeddings from the shipped int8 all-MiniLM-L6-v2 (onnxruntime + tokenizers + numpy only).

Mean pooling over the attention mask, then L2 normalisation: the same recipe as sentence-transformers,
so vectors agree with the original model (see scripts/export_model.py and tests/text_model).
The int8 model quantises activations per batch (dynamic quantisation), so a text's vector can move
slightly with the batch it is in (cosine typically > 0.98 to its single-text vector); results are
deterministic for the same input list, and the cache keeps a text's first vector for the session.
onnxruntime and tokenizers are imported only when an Embedder is built, never at `import openup`.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent
MODEL_FILE = MODEL_DIR / "minilm-int8.onnx"
TOKENIZER_FILE = MODEL_DIR / "tokenizer.json"
DIM = 384
MAX_LENGTH = 128
BATCH_SIZE = 32
CACHE_SIZE = 8192
_NO_IDS = np.zeros(0, dtype=np.int32)


def default_threads() -> int:
    """Threads for one inference: `OPENUP_THREADS` if set, else 2 (the target laptop has 2 cores)."""
    raw = os.environ.get("OPENUP_THREADS", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return 2


class Embedder:
    """Embeds texts into unit-length 384-d float32 vectors, with batching and an LRU cache.

    >>> Embedder().embed(["love you"]).shape
    (1, 384)
    """

    def __init__(
        self,
        model_file: Path = MODEL_FILE,
        tokenizer_file: Path = TOKENIZER_FILE,
        *,
        threads: int | None = None,
        batch_size: int = BATCH_SIZE,
        cache_size: int = CACHE_SIZE,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        if not model_file.is_file():
            raise FileNotFoundError(f"model file {model_file} is missing; run scripts/export_model.py")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or default_threads()
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self._session: Any = ort.InferenceSession(
            str(model_file), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._input_names = {i.name for i in self._session.get_inputs()}
        tokenizer: Any = Tokenizer.from_file(str(tokenizer_file))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_LENGTH)
        self._tokenizer = tokenizer
        self.batch_size = max(1, batch_size)
        self.cache_size = max(0, cache_size)
        self._cache: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, 384) float32 array of L2-normalised embeddings, one row per text, in order."""
        return self.encode(texts)[0]

    def encode(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        """Embeddings plus each text's WordPiece ids (the heads also use which word pieces occur)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        ids: list[np.ndarray] = [_NO_IDS] * len(texts)
        todo: dict[str, list[int]] = {}
        with self._lock:
            for i, text in enumerate(texts):
                hit = self._cache.get(text)
                if hit is not None:
                    self._cache.move_to_end(text)
                    out[i], ids[i] = hit
                else:
                    todo.setdefault(text, []).append(i)
        if not todo:
            return out, ids
        unique = list(todo)
        vectors, token_ids = self._embed_uncached(unique)
        with self._lock:
            for text, vec, tok in zip(unique, vectors, token_ids, strict=True):
                for i in todo[text]:
                    out[i] = vec
                    ids[i] = tok
                if self.cache_size:
                    self._cache[text] = (vec, tok)
                    if len(self._cache) > self.cache_size:
                        self._cache.popitem(last=False)
        return out, ids

    def token_ids(self, texts: Sequence[str]) -> list[np.ndarray]:
        """WordPiece ids of each text (with [CLS]/[SEP], truncated to 128), without running the model."""
        return [np.array(e.ids, dtype=np.int32) for e in self._tokenizer.encode_batch(list(texts))]

    def cache_info(self) -> dict[str, int]:
        """Entries held in the cache and its capacity."""
        return {"size": len(self._cache), "capacity": self.cache_size}

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def _embed_uncached(self, texts: list[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        encodings = self._tokenizer.encode_batch(texts)
        # Sorting by length keeps padding (wasted compute) small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        result = np.zeros((len(texts), DIM), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            result[idx] = pool(hidden, mask)
        return result, [np.array(e.ids, dtype=np.int32) for e in encodings]


def pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean over real tokens (attention mask), then L2-normalise each row."""
    m = mask[..., None].astype(np.float32)
    summed = (hidden * m).sum(axis=1)
    mean = summed / np.clip(m.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(mean, axis=1, keepdims=True)
    normalised: np.ndarray = (mean / np.clip(norms, 1e-12, None)).astype(np.float32)
    return normalised
