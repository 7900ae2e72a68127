"""The bulk reader (the encoder's static student, the encoder where it is unsure) against the full encoder.

    python -m bench.bench_student                  # agreement per set, then speed
    python -m bench.bench_student --skip-speed     # agreement only

Agreement: `detect_many(texts, reader="bulk")` and `detect_many(texts, reader="full")` (learned tier and safety
heads on, as shipped) on the same messages; a message agrees when both give the same set of signal kinds (safety
kinds included). Sets: the blind coaching and safety sets (dev and test halves: counts only, their texts are
never printed), GoEmotions test (public), the chat samples in ../shared/chatsamples, and the held-out parts of six
permissive sets the student may never train on (Toxic Spans, ConvAbuse, DiaSafety, CaSiNo, iSarcasmEval,
CounselChat: `openup.evaluation.permissive`, a seeded sample of up to 1,000 texts each). Per blind set, each kind's
F1 against the labels by both readers and the largest drop; and the messages where the full reader finds a
safety kind the bulk reader does not (must be 0). Units to the encoder: the distinct units the bulk reader sent, as
a share of the units the student read, and the part a safety head asked for (its wide one-sided margin).

Speed: the same 20,000 distinct GoEmotions train messages through `detect_many` with the bulk reader (one
process, as in one analysis worker), the lexical tier alone, VADER's `polarity_scores`, and the full encoder
(on the first 2,000, rate only); before those, the bulk run again with every encoder vector served from the first
run (what the rest of the bulk path costs: the student, the heads, the patterns, these warm as in the lexical run).
Targets: agreement >= 0.98 per set, no blind F1 down by more than 0.02, the bulk reader at least as fast as VADER.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "data" / "blind"
DATA = ROOT.parent / "shared" / "data"
SAMPLES = ROOT.parent / "shared" / "chatsamples"
TARGET_AGREEMENT = 0.98
TARGET_F1_DROP = 0.02


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def goemotions(split: str, n: int | None = None, seed: int = 16) -> list[str]:
    """Distinct GoEmotions texts of a split (a seeded sample of n when given); [] when the data is absent."""
    path = DATA / "goemotions" / f"{split}.tsv"
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as fh:
        texts = list(dict.fromkeys(row[0] for row in csv.reader(fh, delimiter="\t") if row and row[0].strip()))
    if n is not None and n < len(texts):
        texts = random.Random(seed).sample(texts, n)
    return texts


def chat_sample_texts() -> list[str]:
    """Message bodies of the WhatsApp chat samples (text after the 'name: ' of each header line)."""
    out: list[str] = []
    for path in sorted(SAMPLES.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.search(r"\d[\]\s-]*\s?[-\]]\s?[^:]{1,40}:\s(.+)$", line)
            if m and m.group(1).strip():
                out.append(m.group(1).strip())
    return list(dict.fromkeys(out))


def kinds(texts: Sequence[str], reader: str) -> list[frozenset[str]]:
    from openup.text import detect_many

    return [frozenset(s.kind for s in sigs) for sigs in detect_many(list(texts), model=True, reader=reader)]


def f1_by_kind(labels: list[frozenset[str]], found: list[frozenset[str]]) -> dict[str, float]:
    out = {}
    for kind in sorted(set().union(*labels)):
        tp = sum(kind in y and kind in p for y, p in zip(labels, found, strict=True))
        fp = sum(kind not in y and kind in p for y, p in zip(labels, found, strict=True))
        fn = sum(kind in y and kind not in p for y, p in zip(labels, found, strict=True))
        out[kind] = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    return out


def compare(name: str, texts: list[str], labels: list[frozenset[str]] | None = None) -> dict:
    """Agreement of the two readers on one set (aggregates only)."""
    from openup.method import group
    from openup.text.model import get_bulk_reader

    bulk_reader = get_bulk_reader()
    assert bulk_reader is not None, "student.npz is not installed"
    before = dict(bulk_reader.stats)
    full = kinds(texts, "full")
    bulk = kinds(texts, "bulk")
    units = bulk_reader.stats["units"] - before["units"]
    sent = bulk_reader.stats["encoder"] - before["encoder"]
    for_safety = bulk_reader.stats["encoder_safety"] - before["encoder_safety"]
    safety = frozenset(group("safety"))
    row = {
        "set": name,
        "messages": len(texts),
        "agree": sum(a == b for a, b in zip(full, bulk, strict=True)) / max(1, len(texts)),
        "safety_lost": sum(bool((a - b) & safety) for a, b in zip(full, bulk, strict=True)),
        "units": units,
        "encoder_share": sent / max(1, units),
        "safety_share": for_safety / max(1, units),
    }
    if labels is not None:
        f_full, f_bulk = f1_by_kind(labels, full), f1_by_kind(labels, bulk)
        drops = {k: f_full[k] - f_bulk[k] for k in f_full}
        worst = max(drops, key=lambda k: drops[k])
        row["max_f1_drop"] = round(drops[worst], 4)
        row["max_f1_drop_kind"] = worst
    return row


def agreement() -> list[dict]:
    sets: list[tuple[str, list[str], list[frozenset[str]] | None]] = []
    for name in ("coaching.dev", "coaching.test", "safety.dev", "safety.test"):
        path = BLIND / f"{name}.jsonl"
        if path.is_file():
            rows = _jsonl(path)
            sets.append((f"blind {name}", [r["text"] for r in rows], [frozenset(r.get("kinds") or []) for r in rows]))
    goemo = goemotions("test")
    if goemo:
        sets.append(("goemotions test", goemo, None))
    chat = chat_sample_texts()
    if chat:
        sets.append(("chat samples", chat, None))
    if DATA.is_dir():
        from openup.evaluation.permissive import held_out_sample

        for name, texts in held_out_sample(DATA).items():
            sets.append((f"{name} held-out", texts, None))
    return [compare(*s) for s in sets]


class _Recorder:
    """The encoder as the bulk reader calls it (`encode_ids`), keeping each id list's vector; with `replay` set,
    the kept vectors are served without running the encoder (ids it has not seen still run)."""

    def __init__(self, encoder: Any) -> None:
        self.encoder = encoder
        self.replay = False
        self.seen: dict[bytes, Any] = {}

    def encode_ids(self, ids: Sequence[Any]) -> Any:
        import numpy as np

        keys = [np.asarray(x, dtype=np.int32).tobytes() for x in ids]
        todo = [i for i, k in enumerate(keys) if not self.replay or k not in self.seen]
        if todo:
            for i, vector in zip(todo, self.encoder.encode_ids([ids[i] for i in todo]), strict=True):
                self.seen[keys[i]] = vector
        return np.stack([self.seen[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)


def speed(n: int = 20_000) -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from openup.text import detect_many
    from openup.text.model import get_bulk_reader, get_embedder

    texts = goemotions("train", n)
    out: dict[str, float] = {"messages": len(texts)}
    detect_many(["warm up the patterns and heads"], model=True, reader="bulk")
    bulk = get_bulk_reader()
    assert bulk is not None
    bulk.clear_cache()
    get_embedder().clear_cache()
    before = dict(bulk.stats)
    encoder = bulk.embedder
    recorder = _Recorder(encoder)
    bulk.embedder = recorder  # type: ignore[assignment]
    try:
        t0 = time.perf_counter()
        for i in range(0, len(texts), 4000):  # the analysis chunk size
            detect_many(texts[i : i + 4000], model=True, reader="bulk")
        out["bulk_msgs_s"] = len(texts) / (time.perf_counter() - t0)
        units = bulk.stats["units"] - before["units"]
        out["bulk_encoder_share"] = (bulk.stats["encoder"] - before["encoder"]) / max(1, units)
        out["bulk_safety_share"] = (bulk.stats["encoder_safety"] - before["encoder_safety"]) / max(1, units)
        # The same run again with every encoder vector served from the first: what the rest of the path costs.
        bulk.clear_cache()
        recorder.replay = True
        t0 = time.perf_counter()
        for i in range(0, len(texts), 4000):
            detect_many(texts[i : i + 4000], model=True, reader="bulk")
        out["bulk_replayed_msgs_s"] = len(texts) / (time.perf_counter() - t0)
    finally:
        bulk.embedder = encoder
        bulk.clear_cache()
    t0 = time.perf_counter()
    detect_many(texts, model=False)
    out["lexical_msgs_s"] = len(texts) / (time.perf_counter() - t0)
    vader = SentimentIntensityAnalyzer()
    t0 = time.perf_counter()
    for t in texts:
        vader.polarity_scores(t)
    out["vader_msgs_s"] = len(texts) / (time.perf_counter() - t0)
    get_embedder().clear_cache()
    few = texts[:2000]
    t0 = time.perf_counter()
    detect_many(few, model=True, reader="full")
    out["full_msgs_s"] = len(few) / (time.perf_counter() - t0)
    return {k: round(v, 4) if k.endswith("share") else round(v) for k, v in out.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-agreement", action="store_true")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    from openup.text import model

    if not model.available() or model.get_bulk_reader() is None:
        print("learned tier or student.npz not installed: nothing to measure")
        return 0
    ok = True
    if not args.skip_agreement:
        print(f"{'set':24s} {'msgs':>6s} {'agree':>7s} {'safety lost':>11s} {'units':>7s} {'to encoder':>10s} "
              f"{'(safety)':>8s}  F1 drop")
        for row in agreement():
            drop = f"{row['max_f1_drop']:+.4f} ({row['max_f1_drop_kind']})" if "max_f1_drop" in row else ""
            print(f"{row['set']:24s} {row['messages']:6d} {row['agree']:7.4f} {row['safety_lost']:11d} "
                  f"{row['units']:7d} {row['encoder_share']:10.4f} {row['safety_share']:8.4f}  {drop}", flush=True)
            ok &= row["agree"] >= TARGET_AGREEMENT and row["safety_lost"] == 0
            ok &= row.get("max_f1_drop", 0.0) <= TARGET_F1_DROP
    if not args.skip_speed:
        s = speed()
        print(f"speed on {s['messages']} distinct GoEmotions train messages, msgs/s: bulk {s['bulk_msgs_s']} "
              f"(to encoder {s['bulk_encoder_share']:.2%} of units, "
              f"{s['bulk_safety_share']:.2%} asked for by a safety head; "
              f"{s['bulk_replayed_msgs_s']} with the encoder's vectors replayed), lexical only {s['lexical_msgs_s']}, "
              f"VADER {s['vader_msgs_s']}, full encoder {s['full_msgs_s']}", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
