"""Hostile exports against every importer: 10,000 fuzzed inputs per format (`OPENUP_FUZZ_N` to change).

Each input is made by `tests/fuzz/hostile.py` from a seeded `random.Random` (so every row can be replayed:
the seed is `"{format}-{n}"`) and read with `load_chat`. An input passes when it ends in messages or a
`UserError`. Printed per format: inputs, read, refused, tracebacks, runs over 10 s, the slowest run, and the
largest peak resident memory while reading one input (the peak is reset before each read, so the
generator's own memory is not counted), with the count of inputs over 2 GB.
Any failing input is copied to /tmp/openup-fuzz-crashers/ to be kept as a regression fixture.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIMIT_S = 10.0
LIMIT_MB = 2048
KEEP = Path("/tmp/openup-fuzz-crashers")


class _Slow(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _Slow


def run_format(fmt: str, n: int) -> dict[str, Any]:
    """Read n hostile exports of one format in this process; counts, slowest run, peak RSS."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "src"))
    from tests.fuzz.hostile import hostile_export

    from openup.chats import load_chat
    from openup.errors import UserError

    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))  # a runaway input fails here, not the machine
    signal.signal(signal.SIGALRM, _alarm)
    out: dict[str, Any] = {
        "format": fmt, "inputs": n, "read": 0, "refused": 0, "tracebacks": 0, "slow": 0, "not_made": 0,
    }
    slowest = 0.0
    peak_mb = 0
    out["over_memory"] = 0
    failures: list[str] = []
    for k in range(n):
        seed = f"{fmt}-{k}"
        with tempfile.TemporaryDirectory() as tmp:
            try:
                path = hostile_export(fmt, random.Random(seed), Path(tmp))
            except MemoryError:  # the generator's own limit, not openup's: counted, never silent
                out["not_made"] += 1
                continue
            _reset_peak()
            began = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, LIMIT_S)
            try:
                load_chat(path, me="Alex")
                out["read"] += 1
            except UserError:
                out["refused"] += 1
            except _Slow:
                out["slow"] += 1
                failures.append(f"{seed}: over {LIMIT_S:g} s")
                _keep(path, seed)
            except Exception as exc:
                out["tracebacks"] += 1
                where = traceback.extract_tb(exc.__traceback__)[-1]
                failures.append(f"{seed}: {type(exc).__name__} at {Path(where.filename).name}:{where.lineno}")
                _keep(path, seed)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            slowest = max(slowest, time.perf_counter() - began)
            peak = _peak_mb()
            peak_mb = max(peak_mb, peak)
            if peak > LIMIT_MB:
                out["over_memory"] += 1
                failures.append(f"{seed}: peak {peak:,} MB")
    out["slowest_s"] = round(slowest, 2)
    out["peak_rss_mb"] = peak_mb
    out["failures"] = failures[:10]
    return out


def _reset_peak() -> None:
    """Reset this process's peak resident memory (Linux: VmHWM), so that the next reading is the peak of
    reading one input alone, not of making it (the generator can briefly need far more)."""
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


def _peak_mb() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return 0


def _keep(path: Path, seed: str) -> None:
    KEEP.mkdir(parents=True, exist_ok=True)
    if path.stat().st_size < 1 << 20:
        shutil.copy(path, KEEP / f"{seed}{path.suffix}")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from tests.fuzz.hostile import FORMATS

    n = int(os.environ.get("OPENUP_FUZZ_N", "10000"))
    began = time.perf_counter()
    print(f"Hostile exports, {n:,} per format, {LIMIT_S:g} s limit per input (tests/fuzz/hostile.py)", flush=True)
    only = [f for f in sys.argv[1:] if f in FORMATS] or list(FORMATS)
    with ProcessPoolExecutor(max_workers=2, max_tasks_per_child=1) as pool:
        futures = {pool.submit(run_format, fmt, n): fmt for fmt in only}
        rows = []
        for fut in as_completed(futures):
            fmt = futures[fut]
            try:
                rows.append(fut.result())
            except MemoryError:
                rows.append({"format": fmt, "inputs": n, "read": 0, "refused": 0, "tracebacks": 1, "slow": 0,
                             "not_made": 0, "over_memory": 1, "slowest_s": 0.0, "peak_rss_mb": 4096,
                             "failures": ["MemoryError"]})
            r = rows[-1]
            print(f"  {fmt} done: {r['tracebacks']} tracebacks, {r['slow']} over 10 s, slowest {r['slowest_s']} s, "
                  f"{r.get('over_memory', 0)} over {LIMIT_MB} MB, peak {r['peak_rss_mb']} MB", flush=True)
    rows.sort(key=lambda r: only.index(r["format"]))
    head = ("format", "inputs", "read", "refused", "tracebacks", "over 10 s", "slowest", "over 2 GB", "peak RSS",
            "not made")
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    for r in rows:
        print(
            f"| {r['format']} | {r['inputs']:,} | {r['read']:,} | {r['refused']:,} | {r['tracebacks']} | "
            f"{r['slow']} | {r['slowest_s']:.2f} s | {r.get('over_memory', 0)} | {r['peak_rss_mb']:,} MB | "
            f"{r['not_made']} |"
        )
        for f in r["failures"]:
            print("    " + f)
    bad = sum(r["tracebacks"] + r["slow"] + r.get("over_memory", 0) for r in rows)
    peak = max(r["peak_rss_mb"] for r in rows)
    print(
        f"total: {sum(r['inputs'] for r in rows):,} inputs, {bad} tracebacks, runs over {LIMIT_S:g} s or over "
        f"{LIMIT_MB:,} MB; largest peak while reading one input {peak:,} MB; {time.perf_counter() - began:.0f} s"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
