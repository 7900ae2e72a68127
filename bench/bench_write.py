"""`openup import FILE --out X` to .parquet, .jsonl and .csv vs whatstk on the same generated 1,000,000-line export.

Run with `python -m bench.bench_write [--lines N] [--rows]`. Each run is its own subprocess, so its peak
memory (ru_maxrss, libraries included) is its own; the time runs from before the library is imported to
the file written. `openup` is the command as users run it (`openup.cli.main`), reading the export and
writing every message; whatstk reads the same file (bench_parse.py's header format) and writes its
DataFrame with pandas (`to_parquet`, `to_json(orient="records", lines=True)`, `to_csv`). With `--rows`,
JSONL and CSV are also written the way openup wrote them before #16: one `Message` object at a time.
The targets are at least 20x whatstk's speed for Parquet, 10x for JSONL and CSV, and a peak under 3x the
file size, with every message of the export written.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_parse import generate

FORMATS = ("parquet", "jsonl", "csv")
TARGETS = {"parquet": 20.0, "jsonl": 10.0, "csv": 10.0}


def _openup(path: str, out: Path) -> int:
    from openup.cli import main

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.suppress(SystemExit):
        main(["import", path, "--out", str(out), "--dayfirst"])
    wrote = [line for line in printed.getvalue().splitlines() if line.startswith("wrote ")]
    return int(wrote[-1].split()[1]) if wrote else -1


def _rows(path: str, out: Path) -> int:
    from openup.chats import iter_messages
    from openup.chats.output import write_rows
    from openup.chats.summary import Summary

    return write_rows(iter_messages(path, dayfirst=True), out, Summary())


def _whatstk(path: str, out: Path, fmt: str) -> int:
    from whatstk.whatsapp.objects import WhatsAppChat

    # max_size=None lifts whatstk's 50 MB input guard so it can read the benchmark file at all.
    df = WhatsAppChat.from_source(filepath=path, hformat="%d/%m/%y, %H:%M - %name:", max_size=None).df
    if fmt == "parquet":
        df.to_parquet(out)
    elif fmt == "jsonl":
        df.to_json(out, orient="records", lines=True, force_ascii=False, date_format="iso")
    else:
        df.to_csv(out, index=False)
    return len(df)


def _run_one(which: str, path: str) -> dict[str, object]:
    tool, fmt = which.rsplit("-", 1)
    out = Path(path).with_name(f"out.{fmt}")
    t0 = time.perf_counter()
    if tool == "whatstk":
        try:
            import whatstk  # noqa: F401
        except ImportError:
            return {"error": "not installed"}
        n = _whatstk(path, out, fmt)
    elif tool == "openup":
        n = _openup(path, out)
    elif tool == "openup-rows":
        n = _rows(path, out)
    else:
        raise SystemExit(f"unknown writer {which}")
    seconds = time.perf_counter() - t0
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size = out.stat().st_size
    out.unlink()
    return {"seconds": seconds, "messages": n, "peak_mib": rss_kib / 1024, "out_mib": size / 2**20}


def _measure(which: str, path: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.bench_write", "--run", which, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1][:60]}
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _table(results: dict[str, dict[str, object]], lines: int, headers: int, size_mib: float) -> None:
    print(
        f"{'writer':<20}{'seconds':>9}{'lines/s':>12}{'peak MiB':>10}{'x file':>8}{'out MiB':>9}{'messages':>11}"
        f"{'recovered':>11}{'vs whatstk':>12}"
    )
    for which, r in results.items():
        if "seconds" not in r:
            print(f"{which:<20}{r.get('error', 'failed')}")
            continue
        secs, peak = float(r["seconds"]), float(r["peak_mib"])  # type: ignore[arg-type]
        n = int(r["messages"])  # type: ignore[call-overload]
        peer = results.get(f"whatstk-{which.rsplit('-', 1)[1]}", {})
        ratio = f"{float(peer['seconds']) / secs:.1f}x" if "seconds" in peer else "-"  # type: ignore[arg-type]
        print(
            f"{which:<20}{secs:>9.2f}{lines / secs:>12,.0f}{peak:>10.0f}{peak / size_mib:>8.1f}"
            f"{float(r['out_mib']):>9.1f}{n:>11,}{n / headers:>10.1%}{ratio:>12}"  # type: ignore[arg-type]
        )


def _targets(results: dict[str, dict[str, object]], headers: int, size_mib: float) -> None:
    for fmt in FORMATS:
        ours, peer = results.get(f"openup-{fmt}", {}), results.get(f"whatstk-{fmt}", {})
        if "seconds" not in ours or "seconds" not in peer:
            print(f"target {fmt}: not measured (openup: {ours.get('error', '-')}, whatstk: {peer.get('error', '-')})")
            continue
        speed = float(peer["seconds"]) / float(ours["seconds"])  # type: ignore[arg-type]
        mem = float(ours["peak_mib"]) / size_mib  # type: ignore[arg-type]
        want = TARGETS[fmt]
        print(
            f"target {fmt}: speed {speed:.1f}x whatstk (want >= {want:.0f}x) {'OK' if speed >= want else 'MISSED'}; "
            f"peak {mem:.2f}x file (want < 3x) {'OK' if mem < 3 else 'MISSED'}; "
            f"messages {ours['messages']} of {headers} {'all' if ours['messages'] == headers else 'LOST SOME'}"
        )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--rows", action="store_true", help="also time the row-by-row writer (JSONL, CSV)")
    ap.add_argument("--run", nargs=2, metavar=("WRITER", "FILE"), help=argparse.SUPPRESS)
    args = ap.parse_args([] if argv is None else argv)
    if args.run:
        print(json.dumps(_run_one(args.run[0], args.run[1])))
        return
    with tempfile.TemporaryDirectory(prefix="openup-bench-") as tmp:
        path = Path(tmp) / "WhatsApp Chat with Sam.txt"
        headers = generate(path, args.lines)
        size_mib = path.stat().st_size / 2**20
        print(f"file: {args.lines:,} lines, {headers:,} headers, {size_mib:.1f} MiB")
        writers = [f"{tool}-{fmt}" for fmt in FORMATS for tool in ("openup", "whatstk")]
        if args.rows:
            writers += ["openup-rows-jsonl", "openup-rows-csv"]
        results = {w: _measure(w, path) for w in writers}  # one at a time: each gets the machine to itself
        _table(results, args.lines, headers, size_mib)
        _targets(results, headers, size_mib)


if __name__ == "__main__":
    main(sys.argv[1:])
