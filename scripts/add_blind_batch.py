"""Add a batch of blind lines to tests/data/blind/: validate, de-duplicate, split into dev and test.

Blind lines are written by helpers who saw only the kind definitions (never the patterns, the training
lines, the misses or each other's batches). Each line goes to dev or test by a hash of its text, so the
split is stable and nobody chooses it. This script prints counts only, never a line of text: the test
half must stay unread. When a test set's misses have been looked at, move it to dev with `--retire` and
write a new batch.

    python scripts/add_blind_batch.py coaching /path/to/batch.jsonl --writer c1 --batch 1
    python scripts/add_blind_batch.py --retire coaching --batch 1
    python scripts/add_blind_batch.py replies new.jsonl --writer r6a --batch 6 --test-share 1   # all to test
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

BLIND = Path(__file__).resolve().parent.parent / "tests" / "data" / "blind"
SETS = ("coaching", "safety", "replies")
REQUIRED = {
    "coaching": ("text", "kinds", "register"),
    "safety": ("text", "level", "kinds", "register"),
    "replies": ("text", "register", "topic", "guarded", "acceptable_feelings", "wrong_feelings"),
}
LEVELS = ("none", "concern", "danger", "crisis")
TEST_SHARE = 0.5


def split_of(text: str, salt: str, test_share: float = TEST_SHARE) -> str:
    h = int(hashlib.sha256((salt + "\0" + text.strip().casefold()).encode()).hexdigest()[:8], 16)
    return "test" if h / 0xFFFFFFFF < test_share else "dev"


def _existing(name: str) -> set[str]:
    seen: set[str] = set()
    for part in ("dev", "test"):
        path = BLIND / f"{name}.{part}.jsonl"
        if path.exists():
            seen |= {json.loads(x)["text"].strip().casefold() for x in path.read_text("utf-8").splitlines() if x}
    return seen


def add(name: str, files: list[Path], writer: str, batch: int, test_share: float = TEST_SHARE) -> Counter[str]:
    seen = _existing(name)
    counts: Counter[str] = Counter()
    out = {part: (BLIND / f"{name}.{part}.jsonl").open("a", encoding="utf-8") for part in ("dev", "test")}
    for path in files:
        for raw in path.read_text("utf-8").splitlines():
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except ValueError:
                counts["unparsable"] += 1
                continue
            if any(k not in row for k in REQUIRED[name]) or not str(row["text"]).strip():
                counts["incomplete"] += 1
                continue
            if name == "safety" and row["level"] not in LEVELS:
                counts["bad level"] += 1
                continue
            key = row["text"].strip().casefold()
            if key in seen:
                counts["duplicate"] += 1
                continue
            seen.add(key)
            row["writer"], row["batch"] = writer, batch
            part = split_of(row["text"], f"{name}-{batch}", test_share)
            out[part].write(json.dumps(row, ensure_ascii=False) + "\n")
            counts[part] += 1
    for fh in out.values():
        fh.close()
    return counts


def retire(name: str, batch: int) -> int:
    """Move a batch's test lines to dev: its misses have been read."""
    test = BLIND / f"{name}.test.jsonl"
    keep, moved = [], []
    for raw in test.read_text("utf-8").splitlines():
        (moved if json.loads(raw).get("batch") == batch else keep).append(raw)
    test.write_text("".join(x + "\n" for x in keep), encoding="utf-8")
    with (BLIND / f"{name}.dev.jsonl").open("a", encoding="utf-8") as fh:
        fh.writelines(x + "\n" for x in moved)
    return len(moved)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", choices=SETS)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--writer", default="")
    ap.add_argument("--batch", type=int, required=True)
    ap.add_argument("--retire", action="store_true")
    # a batch written to replace a retired test half can go to test whole (the dev half is large already)
    ap.add_argument("--test-share", type=float, default=TEST_SHARE, help="share of the batch sent to test")
    args = ap.parse_args(argv)
    BLIND.mkdir(parents=True, exist_ok=True)
    if args.retire:
        print(f"{args.set}: moved {retire(args.set, args.batch)} test lines of batch {args.batch} to dev")
        return 0
    counts = add(args.set, args.files, args.writer, args.batch, args.test_share)
    print(f"{args.set} batch {args.batch} ({args.writer}): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
