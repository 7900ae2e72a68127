"""Texts of the permissive sets the bulk reader's student was first distilled without, split by a hash of the text.

SOURCES.md allows Toxic Spans, ConvAbuse, DiaSafety, CaSiNo, iSarcasmEval and CounselChat to train shipped weights.
Here they are text only (no labels), each distinct text given a fixed `part` by a hash of the stripped text (the same
whatever else is read):
  - "held_out" (a fifth): never trained on nor calibrated on; `bench/bench_student.py` measures the bulk reader's
    agreement with the full encoder on a sample of it;
  - "calibration" (a tenth): never trained on; `scripts/distill_student.py` calibrates the student's unsure margins
    on it (out of the domain the student was first distilled in) beside its own validation units;
  - "train" (the rest): may train the student.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from collections.abc import Callable
from pathlib import Path

HELD_OUT_SHARE = 0.2
CALIBRATION_SHARE = 0.1
MAX_CHARS = 2000  # longer texts (a few Toxic Spans comments and CounselChat answers) are left out


def part(text: str) -> str:
    """"held_out", "calibration" or "train", by SHA-1 of the stripped text."""
    u = int.from_bytes(hashlib.sha1(text.strip().encode("utf-8")).digest()[:4], "little") / (1 << 32)
    return "held_out" if u < HELD_OUT_SHARE else "calibration" if u < HELD_OUT_SHARE + CALIBRATION_SHARE else "train"


def _csv_column(path: Path, column: str) -> list[str]:
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as fh:
        return [row.get(column) or "" for row in csv.DictReader(fh)]


def _toxic_spans(d: Path) -> list[str]:
    return _csv_column(d / "toxic-spans" / "comments.csv", "comment_text")


def _convabuse(d: Path) -> list[str]:
    return [t for split in ("train", "valid", "test")
            for t in _csv_column(d / "convabuse" / f"ConvAbuseEMNLP{split}.csv", "user")]


def _diasafety(d: Path) -> list[str]:
    out: list[str] = []
    for split in ("train", "val", "test"):
        path = d / "diasafety" / f"{split}.json"
        if path.is_file():
            out += [str(r[k]) for r in json.loads(path.read_text(encoding="utf-8")) for k in ("context", "response")
                    if isinstance(r.get(k), str)]
    return out


def _casino(d: Path) -> list[str]:
    out: list[str] = []
    for split in ("train", "valid", "test"):
        path = d / "casino" / f"casino_{split}.json"
        if path.is_file():
            out += [c["text"] for chat in json.loads(path.read_text(encoding="utf-8")) for c in chat["chat_logs"]
                    if isinstance(c.get("text"), str)]
    return out


def _isarcasmeval(d: Path) -> list[str]:
    return _csv_column(d / "isarcasmeval" / "train.En.csv", "tweet")


def _counselchat(d: Path) -> list[str]:
    path = d / "counsel-chat" / "20200325_counsel_chat.csv"
    return [*_csv_column(path, "questionText"), *_csv_column(path, "answerText")]


SETS: dict[str, Callable[[Path], list[str]]] = {
    "toxic spans": _toxic_spans,
    "convabuse": _convabuse,
    "diasafety": _diasafety,
    "casino": _casino,
    "isarcasmeval": _isarcasmeval,
    "counselchat": _counselchat,
}


def permissive_texts(data_dir: Path) -> dict[str, list[str]]:
    """Each set's distinct stripped texts (3 to MAX_CHARS characters), in file order; sets whose files are
    absent are left out."""
    out: dict[str, list[str]] = {}
    for name, load in SETS.items():
        try:
            texts = load(data_dir)
        except FileNotFoundError:
            continue
        kept = [t.strip() for t in texts if isinstance(t, str) and 3 <= len(t.strip()) <= MAX_CHARS]
        if kept:
            out[name] = list(dict.fromkeys(kept))
    return out


def parts(data_dir: Path) -> dict[str, dict[str, list[str]]]:
    """Per part ("train", "calibration", "held_out"), each set's texts of that part."""
    out: dict[str, dict[str, list[str]]] = {"train": {}, "calibration": {}, "held_out": {}}
    for name, texts in permissive_texts(data_dir).items():
        for chunk in out.values():
            chunk[name] = []
        for t in texts:
            out[part(t)][name].append(t)
    return out


def held_out_sample(data_dir: Path, n: int = 1000, seed: int = 16) -> dict[str, list[str]]:
    """Per set, a seeded sample of at most n of its held-out texts (what bench_student measures)."""
    out = {}
    for name, texts in parts(data_dir)["held_out"].items():
        out[name] = texts if len(texts) <= n else random.Random(seed).sample(texts, n)
    return out
