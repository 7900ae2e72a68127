"""Benchmark the learned tier: load time, embedding throughput, peak RSS, run-time stack size.

Run: `python -m bench.bench_model` (from the repository root, with src/ importable). Each measurement
runs in a fresh subprocess so load time and RSS are not flattered by an earlier warm-up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"load_s": 0.5, "msgs_per_s": 500.0, "stack_mb": 250.0}

# Couple-style messages of typical chat length; varied so the cache does not serve them.
_BASE = [
    "ok", "lol", "love you", "on my way", "can you pick up milk on the way home?",
    "thank you so much for cooking tonight, it was lovely",
    "you never listen to me, it's like talking to a wall",
    "I had a rough day, my boss criticised my report in front of everyone and I felt stupid",
    "it sounds like work has been really draining for you lately",
    "what happened at the meeting with your boss?",
    "we need to talk tonight, I'm not going to bed until we sort this out",
    "honestly I've been scared about money and didn't know how to bring it up with you",
]

_CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from openup.text.model.embedder import Embedder
emb = Embedder(cache_size=0)
load_s = time.perf_counter() - t0
msgs = json.loads(sys.stdin.read())
emb.embed(msgs[:64])  # warm-up: first-run allocations
t1 = time.perf_counter()
emb.embed(msgs)
embed_s = time.perf_counter() - t1
from openup.text import model
t2 = time.perf_counter()
model.learned_signals(msgs[:500])
signals_s = time.perf_counter() - t2
from openup.coach.review import check
check("warm up the detectors")
lat = []
for m in msgs[:2000]:
    t3 = time.perf_counter()
    check(m)  # the learned tier is on (model=None): as a user runs `openup check`
    lat.append((time.perf_counter() - t3) * 1000)
lat.sort()
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load_s": load_s, "n": len(msgs), "embed_s": embed_s, "signals_s": signals_s,
                  "rss_mb": rss_mb, "check_p50_ms": lat[len(lat) // 2], "check_p99_ms": lat[int(len(lat) * 0.99)]}))
"""


def messages(n: int) -> list[str]:
    return [f"{_BASE[i % len(_BASE)]} ({i})" if i % 3 else f"{i}: {_BASE[i % len(_BASE)]}" for i in range(n)]


def dir_size_mb(path: Path) -> float:
    total = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
    return total / 1e6


def stack_size() -> dict[str, float]:
    """Installed size of the run-time stack (site-packages folders of onnxruntime, tokenizers, numpy)."""
    import importlib.util

    sizes: dict[str, float] = {}
    for name in ("onnxruntime", "tokenizers", "numpy"):
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            sizes[name] = float("nan")
            continue
        pkg = Path(spec.origin).parent
        size = dir_size_mb(pkg)
        libs = pkg.parent / f"{name}.libs"  # manylinux wheels vendor shared libraries beside the package
        if libs.is_dir():
            size += dir_size_mb(libs)
        sizes[name] = size
    model_dir = ROOT / "src" / "openup" / "text" / "model"
    sizes["openup model files"] = sum(
        p.stat().st_size for p in model_dir.iterdir() if p.suffix in {".onnx", ".json", ".npz"}) / 1e6
    return sizes


def run(n: int = 4000) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, "-c", _CHILD], input=json.dumps(messages(n)), capture_output=True,
                         text=True, env=env, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    from openup.text import model

    if not model.available():
        print("learned tier not available (model files, onnxruntime, or OPENUP_MODEL=off)")
        return 1
    runs = [run() for _ in range(3)]
    best = min(runs, key=lambda r: r["embed_s"])
    load_s = sorted(r["load_s"] for r in runs)[1]  # median of three cold starts
    rate = best["n"] / best["embed_s"]
    sizes = stack_size()
    stack = sum(v for k, v in sizes.items() if k != "openup model files")
    rows = [
        ("model load (cold, median of 3)", f"{load_s:.3f} s", f"< {TARGETS['load_s']} s", load_s < TARGETS["load_s"]),
        ("embedding throughput (2 threads)", f"{rate:.0f} msgs/s", f">= {TARGETS['msgs_per_s']:.0f}",
         rate >= TARGETS["msgs_per_s"]),
        ("learned_signals, 500 messages", f"{best['signals_s']:.2f} s", "", None),
        ("check p50, model on, 2,000 drafts", f"{best['check_p50_ms']:.1f} ms", "", None),
        ("check p99, model on", f"{best['check_p99_ms']:.1f} ms", "< 40 ms", best["check_p99_ms"] < 40),
        ("peak RSS", f"{max(r['rss_mb'] for r in runs):.0f} MB", "", None),
        *[(f"  size: {k}", f"{v:.1f} MB", "", None) for k, v in sizes.items()],
        ("run-time stack installed size", f"{stack:.0f} MB", f"< {TARGETS['stack_mb']:.0f} MB",
         stack < TARGETS["stack_mb"]),
    ]
    print(f"{'measure':40s} {'value':>14s}  {'target':>10s}  ok")
    for name, value, target, ok in rows:
        print(f"{name:40s} {value:>14s}  {target:>10s}  {'' if ok is None else 'yes' if ok else 'NO'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
