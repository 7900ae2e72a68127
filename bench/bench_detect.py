"""Lexical detection speed beside VADER, draft-check latency, and CLI start-up time.

Run: `python -m bench.bench_detect [--n 100000]`. Messages are sampled from the public data folder
(GoEmotions, ESConv; $OPENUP_DATA or ../shared/data) and openup's labelled suite, cycled to N.
`detect(model=False)` and VADER's `polarity_scores` run over the same messages in the same process,
so the ratio is fair on this machine. Targets: detect >= 2x VADER; check p99 < 10 ms; CLI start < 0.5 s.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"ratio": 2.0, "check_p99_ms": 10.0, "start_s": 0.5}


def _data_dir() -> Path | None:
    env = os.environ.get("OPENUP_DATA", "").strip()
    candidates = [Path(env)] if env else [Path.cwd() / ".." / "shared" / "data", ROOT / ".." / "shared" / "data"]
    return next((p.resolve() for p in candidates if p.is_dir()), None)


def sample_texts() -> list[str]:
    """A pool of real messages: the labelled suite, GoEmotions test, ESConv supporter turns."""
    pool: list[str] = []
    suite = ROOT / "tests" / "data" / "labelled.jsonl"
    if suite.is_file():
        pool += [json.loads(line)["text"] for line in suite.read_text(encoding="utf-8").splitlines() if line.strip()]
    data = _data_dir()
    if data is not None:
        go = data / "goemotions" / "test.tsv"
        if go.is_file():
            pool += [line.split("\t", 1)[0] for line in go.read_text(encoding="utf-8").splitlines() if line.strip()]
        es = data / "esconv" / "esconv_supporter_dev.csv"
        if es.is_file():
            with es.open(encoding="utf-8", newline="") as fh:
                pool += [r["text"] for r in csv.DictReader(fh) if r.get("text", "").strip()]
    return [t for t in pool if t.strip()] or ["how was your day?", "you never listen", "thank you ❤️"]


def messages(n: int) -> list[str]:
    pool = sample_texts()
    return [pool[i % len(pool)] for i in range(n)]


def throughput(fn: Callable[[str], object], texts: Sequence[str], repeats: int = 2) -> float:
    """Messages per second, best of `repeats` passes."""
    best = float("inf")
    for _ in range(repeats):
        began = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - began)
    return len(texts) / best


def latencies_ms(fn: Callable[[str], object], texts: Sequence[str]) -> list[float]:
    out = []
    for t in texts:
        began = time.perf_counter()
        with contextlib.suppress(Exception):  # a text the checker refuses still took its time
            fn(t)
        out.append((time.perf_counter() - began) * 1000)
    return sorted(out)


def percentile(sorted_values: Sequence[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def startup_s(cmd: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, cwd=ROOT)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_detect")
    parser.add_argument("--n", type=int, default=100_000, help="messages to time (default 100000)")
    args = parser.parse_args([] if argv is None else argv)

    from openup.text import detect

    texts = messages(args.n)
    rows: list[tuple[str, str, str, bool | None]] = []

    def lexical(t: str) -> object:
        return detect(t, model=False)

    for t in texts[:5000]:  # warm the pattern caches, as a long-running process would be
        lexical(t)
    ours = throughput(lexical, texts)
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        vader = None
        rows.append(("VADER polarity_scores", "not installed", "", None))
    else:
        analyzer = SentimentIntensityAnalyzer()
        vader = throughput(analyzer.polarity_scores, texts)
    rows.append((f"detect(model=False), {len(texts):,} msgs", f"{ours:,.0f} msgs/s", "", None))
    if vader is not None:
        ratio = ours / vader
        rows.append((f"VADER polarity_scores, {len(texts):,} msgs", f"{vader:,.0f} msgs/s", "", None))
        rows.append(("detect / VADER", f"{ratio:.2f}x", f">= {TARGETS['ratio']:.0f}x", ratio >= TARGETS["ratio"]))

    try:
        from openup.coach.review import check
    except ImportError:
        rows.append(("openup.check latency", "not available", "", None))
    else:
        sample = texts[: min(len(texts), 5000)]
        lat = latencies_ms(lambda t: check(t, model=False), sample)
        p99 = percentile(lat, 0.99)
        rows.append((f"check(model=False) p50, {len(sample):,} msgs", f"{percentile(lat, 0.5):.2f} ms", "", None))
        rows.append(("check(model=False) p99", f"{p99:.2f} ms", f"< {TARGETS['check_p99_ms']:.0f} ms",
                     p99 < TARGETS["check_p99_ms"]))

    env_python = sys.executable
    imp = startup_s([env_python, "-c", "import openup.cli"])
    rows.append(("python -c 'import openup.cli' (median of 5)", f"{imp:.3f} s", f"< {TARGETS['start_s']} s",
                 imp < TARGETS["start_s"]))
    cli = shutil.which("openup", path=str(Path(env_python).parent)) or shutil.which("openup")
    if cli:
        helps = startup_s([cli, "--help"])
        rows.append(("openup --help (median of 5)", f"{helps:.3f} s", f"< {TARGETS['start_s']} s",
                     helps < TARGETS["start_s"]))
    else:
        rows.append(("openup --help", "not installed", "", None))

    print(f"{'measure':46s} {'value':>16s}  {'target':>8s}  ok")
    for name, value, target, ok in rows:
        print(f"{name:46s} {value:>16s}  {target:>8s}  {'' if ok is None else 'yes' if ok else 'NO'}")
    return 0 if all(ok is not False for *_, ok in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
