"""Sentence embeddings from the shipped int8 all-MiniLM-L6-v2 (onnxruntime + tokenizers + numpy only).

Mean pooling over the attention mask, then L2 normalisation: the same recipe as sentence-transformers,
so vectors agree with the original model (see scripts/export_model.py and tests/text_model).
The int8 model quantises activations dynamically, with one scale per input tensor. Run in a padded batch,
a text's vector would depend on its batch companions (cosine down to 0.98 to its own vector, enough to flip
a head's decision for about 2% of messages), so a message could read one way in `check` and another in
`analyze`. Each text therefore runs alone, on its own unpadded input: its vector is a function of its text
only. Throughput comes from running texts on several threads at once (one onnxruntime thread each).
onnxruntime and tokenizers are imported only when an Embedder is built, never at `import openup`.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from openup.text.normalize import normalize

MODEL_DIR = Path(__file__).resolve().parent
MODEL_FILE = MODEL_DIR / "minilm-int8.onnx"
TOKENIZER_FILE = MODEL_DIR / "tokenizer.json"
DIM = 384
MAX_LENGTH = 128
VOCAB_SIZE = 30522  # WordPiece ids of tokenizer.json
SPECIAL_IDS = frozenset({0, 100, 101, 102, 103})  # [PAD] [UNK] [CLS] [SEP] [MASK]
CACHE_SIZE = 8192
# From this many texts, they run on the worker threads. A reply's few units (the message and its sentences) gain
# too: a model run is 2-3 ms against some 50 microseconds to hand it to a thread, and the slowest replies are the
# long messages with 4-9 units (bench_reply p99 about 20 ms instead of 24-29 ms beside other jobs). Two threads
# were once measured no faster here, while numpy's BLAS threads spun on the second core (`blas.one_thread`).
PARALLEL_FROM = 2
SERIAL_TOKENIZE_BELOW = 16  # fewer texts are tokenized one by one: the tokenizer's own thread pool costs more
_NO_IDS = np.zeros(0, dtype=np.int32)


def model_text(text: str) -> str:
    """The text as the learned tier reads it: quotes straightened (a phone's "don\u2019t" is read as "don't": the
    encoder's word pieces differ for the two, and the curly one moved 16% of coaching readings and a fifth of
    crisis readings on the blind dev set), lower case (as the tokenizer reads it anyway, so a typed "[SEP]" is
    read as words, never as the tokenizer's marker). The encoder, the bulk reader and the training scripts all
    read through this. Chat register ("ur", "idk") is not expanded here: heads retrained on the expanded reading
    did worse on held-out blind dev (docs/accuracy.md); the patterns read it (`register.expand`)."""
    return normalize(text)


def default_threads() -> int:
    """Texts embedded at once: `OPENUP_THREADS` if set, else 2 (the target laptop has 2 cores)."""
    raw = os.environ.get("OPENUP_THREADS", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    return 2


class Embedder:
    """Embeds texts into unit-length 384-d float32 vectors, on `threads` threads, with an LRU cache.

    >>> Embedder().embed(["love you"]).shape
    (1, 384)
    """

    def __init__(
        self,
        model_file: Path = MODEL_FILE,
        tokenizer_file: Path = TOKENIZER_FILE,
        *,
        threads: int | None = None,
        cache_size: int = CACHE_SIZE,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        if not model_file.is_file():
            raise FileNotFoundError(f"model file {model_file} is missing; run scripts/export_model.py")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # parallel across texts instead (see the module docstring)
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
        self.threads = max(1, threads or default_threads())
        self.cache_size = max(0, cache_size)
        self._cache: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0

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
        """WordPiece ids of each text as the learned tier reads it (`model_text`), with [CLS]/[SEP] and
        truncated to 128, without running the model."""
        read = [model_text(t) for t in texts]
        if len(read) < SERIAL_TOKENIZE_BELOW:  # a reply's or a check's few units
            return [np.array(self._tokenizer.encode(t).ids, dtype=np.int32) for t in read]
        return [np.array(e.ids, dtype=np.int32) for e in self._tokenizer.encode_batch(read)]

    def cache_info(self) -> dict[str, int]:
        """Entries held in the cache and its capacity."""
        return {"size": len(self._cache), "capacity": self.cache_size}

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def encode_ids(self, ids: Sequence[np.ndarray]) -> np.ndarray:
        """(n, 384) vectors of texts already tokenized by this tokenizer (`token_ids`), uncached: the bulk
        reader has the ids of the units it sends and keeps its own cache."""
        rows = [np.asarray(x, dtype=np.int64) for x in ids]
        if self.threads == 1 or len(rows) < PARALLEL_FROM:
            vectors = [self._run_one(x) for x in rows]
        else:
            vectors = list(self._executor().map(self._run_one, rows))
        return np.stack(vectors) if vectors else np.zeros((0, DIM), dtype=np.float32)

    def _embed_uncached(self, texts: list[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        ids = self.token_ids(texts)
        return self.encode_ids(ids), ids

    def _run_one(self, ids: np.ndarray) -> np.ndarray:
        """One text's vector: the model on its own unpadded token ids, mean-pooled and normalised."""
        hidden = self.token_states(ids)[None]
        vector: np.ndarray = pool(hidden, np.ones((1, len(ids)), dtype=np.int64))[0]
        return vector

    def token_states(self, ids: np.ndarray) -> np.ndarray:
        """(tokens, 384) last-layer states of one text's unpadded token ids (`token_ids`), before pooling."""
        row = np.asarray(ids, dtype=np.int64)[None, :]
        feeds = {"input_ids": row, "attention_mask": np.ones_like(row)}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.zeros_like(row)
        states: np.ndarray = self._session.run(None, feeds)[0][0]
        return states

    def _executor(self) -> ThreadPoolExecutor:
        """The worker threads, made on first need (and again in a forked child, which inherits none)."""
        with self._lock:
            if self._pool is None or self._pool_pid != os.getpid():
                self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="openup-embed")
                self._pool_pid = os.getpid()
            return self._pool


def pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean over real tokens (attention mask), then L2-normalise each row."""
    m = mask[..., None].astype(np.float32)
    summed = (hidden * m).sum(axis=1)
    mean = summed / np.clip(m.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(mean, axis=1, keepdims=True)
    normalised: np.ndarray = (mean / np.clip(norms, 1e-12, None)).astype(np.float32)
    return normalised
