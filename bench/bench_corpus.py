"""Benchmark of `openup corpus`: messages per second over a generated corpus, by engine and worker count.

    python -m bench.bench_corpus                               # 200 chats, 5M messages lexical; as shipped: 100k
    python -m bench.bench_corpus --chats 40 --messages 200000  # smaller
    python -m bench.bench_corpus --learned-messages 0          # skip the as-shipped run

The corpus is `--chats` WhatsApp exports between Alex and Sam from `bench_analyze.generate_chat` (each with
its own seed), their sizes spread evenly on a log scale over a 1:30 range and scaled to `--messages` in all.
Each configuration runs in a fresh subprocess into a fresh output folder, so its peak memory is its own:
the driver's is ru_maxrss of that process, a worker's the largest ru_maxrss of its finished children (the
pool's processes; a Dask LocalCluster's nannies and workers). Configurations: the local process pool with
1 and 2 processes (2 is the default on this 2-core machine), and a `distributed.LocalCluster` with 1 and 2
workers where `distributed` is installed. Scaling efficiency = rate with 2 / (2 x rate with 1).

The 5M-message run is lexical only (OPENUP_MODEL=off): the learned tier embeds about 1,300 distinct texts
per second per core, so 5M messages would take about half an hour here. The learned tier, as shipped, is
measured on a smaller corpus (`--learned-messages`, default 100,000 messages in 200 chats).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bench_analyze import ME, generate_chat

ROOT = Path(__file__).resolve().parents[1]


def sizes(chats: int, messages: int) -> list[int]:
    """Chat sizes spread evenly on a log scale over a 1:30 range, summing to `messages`."""
    raw = [math.exp(math.log(30) * i / max(chats - 1, 1)) for i in range(chats)]
    scale = messages / sum(raw)
    out = [max(20, int(r * scale)) for r in raw]
    out[-1] += messages - sum(out)
    return out


def make_corpus(folder: Path, chats: int, messages: int) -> Path:
    """Write the corpus (once: an existing complete one is reused) and its manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "manifest.csv"
    if manifest.exists():
        return manifest
    rows = ["path,me"]
    for i, n in enumerate(sizes(chats, messages)):
        p = generate_chat(folder / f"chat{i:04d}.txt", n, seed=1000 + i)
        rows.append(f"{p.name},{ME}")
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return manifest


def child(manifest: Path, out: Path, engine: str, n: int, learned: bool) -> dict[str, Any]:
    """One configuration, in this (fresh) process."""
    from openup.corpus import run_corpus

    kwargs: dict[str, Any] = {"processes": n} if engine == "local" else {"workers": n}
    began = time.perf_counter()
    r = run_corpus(manifest, out, model=None if learned else False, report=True, **kwargs)
    seconds = time.perf_counter() - began
    return {
        "engine": engine,
        "workers": n,
        "tier": r.tier,
        "conversations": r.conversations,
        "done": r.done,
        "failed": r.failed,
        "messages": r.messages,
        "seconds": seconds,
        "msgs_per_s": r.messages / seconds,
        "driver_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "out_mb": sum(p.stat().st_size for p in out.rglob("*.parquet")) / 1e6,
    }


def measure(manifest: Path, out: Path, engine: str, n: int, learned: bool) -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH")]))
    if not learned:
        env["OPENUP_MODEL"] = "off"
    cmd = [sys.executable, "-m", "bench.bench_corpus", "--child", str(manifest), str(out), engine, str(n)]
    if learned:
        cmd.append("--learned")
    res = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT, env=env)
    return dict(json.loads(res.stdout.strip().splitlines()[-1]))


def table(title: str, rows: list[dict[str, Any]]) -> None:
    print(title)
    print(f"{'engine':>7} {'workers':>7} {'tier':>8} {'chats':>6} {'messages':>10} {'seconds':>8} {'msgs/s':>8} "
          f"{'driver MB':>9} {'worker MB':>9} {'out MB':>7}")
    for r in rows:
        print(f"{r['engine']:>7} {r['workers']:>7} {r['tier']:>8} {r['done']:>6} {r['messages']:>10,} "
              f"{r['seconds']:>8.1f} {r['msgs_per_s']:>8,.0f} {r['driver_peak_mb']:>9.0f} {r['worker_peak_mb']:>9.0f} "
              f"{r['out_mb']:>7.1f}", flush=True)
    for engine in ("local", "dask"):
        one = next((r for r in rows if r["engine"] == engine and r["workers"] == 1), None)
        two = next((r for r in rows if r["engine"] == engine and r["workers"] == 2), None)
        if one and two:
            print(f"  scaling efficiency ({engine}, 1 -> 2 workers): {two['msgs_per_s'] / (2 * one['msgs_per_s']):.2f}")


def run_all(workdir: Path, chats: int, messages: int, learned: bool) -> list[dict[str, Any]]:
    name = f"corpus-{chats}x{messages}"
    t = time.perf_counter()
    manifest = make_corpus(workdir / name, chats, messages)
    print(f"corpus {name}: ready in {time.perf_counter() - t:.0f} s", flush=True)
    engines = [("local", 1), ("local", 2)]
    if importlib.util.find_spec("distributed") is not None:
        engines += [("dask", 1), ("dask", 2)]
    rows = []
    for engine, n in engines:
        out = workdir / f"out-{name}-{engine}{n}-{'learned' if learned else 'lexical'}"
        if out.exists():
            import shutil

            shutil.rmtree(out)
        rows.append(measure(manifest, out, engine, n, learned))
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chats", type=int, default=200)
    ap.add_argument("--messages", type=int, default=5_000_000)
    ap.add_argument("--learned-chats", type=int, default=200)
    ap.add_argument("--learned-messages", type=int, default=100_000)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None, help="also write the rows to this file")
    ap.add_argument("--child", nargs=4, metavar=("MANIFEST", "OUT", "ENGINE", "N"), help=argparse.SUPPRESS)
    ap.add_argument("--learned", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        m, o, engine, n = args.child
        print(json.dumps(child(Path(m), Path(o), engine, int(n), args.learned)))
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="openup-bench-corpus-"))
    print(f"openup corpus benchmark: {os.cpu_count()} cores, files in {workdir}")
    if importlib.util.find_spec("distributed") is None:
        print("distributed is not installed: the LocalCluster rows are left out (pip install distributed)")
    results: dict[str, list[dict[str, Any]]] = {}
    results["lexical"] = run_all(workdir, args.chats, args.messages, learned=False)
    table(f"lexical tier (OPENUP_MODEL=off), {args.chats} chats, {args.messages:,} messages", results["lexical"])
    if args.learned_messages:
        results["learned"] = run_all(workdir, args.learned_chats, args.learned_messages, learned=True)
        table(f"as shipped (learned tier on), {args.learned_chats} chats, {args.learned_messages:,} messages",
              results["learned"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
