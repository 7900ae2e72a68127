"""WhatsApp parse benchmark: openup vs whatstk vs chat-miner on the same generated 1,000,000-line export.

Run with `python -m bench.bench_parse [--lines N]`. Each parser runs in its own subprocess so peak
memory (ru_maxrss) is its own; the time includes importing the library. `openup` is `load_chat` as
users call it (the C scanner when built); `openup-py` is the same call with the pure-Python reader.
Peers are imported lazily and reported as 'not installed' if missing. The targets are at least 10x the
faster peer's speed and a peak under 3x the file size, with the same text rows from both openup readers.
Also checks that the streaming writer (`write_messages` over `iter_messages`, as `openup import --out
X.jsonl` writes every export the C scanner does not read) keeps memory flat from 100k to 1M lines;
bench_write.py times `--out` itself.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = ["Alex Morgan", "Sam Lee", "Jordan Díaz 🌻", "Kim: Work"]
WORDS = [
    "ok",
    "sure",
    "love",
    "you",
    "later",
    "dinner",
    "tonight",
    "how",
    "was",
    "your",
    "day",
    "tell",
    "me",
    "more",
    "that",
    "sounds",
    "hard",
    "I",
    "hear",
    "you",
    "😊",
    "❤️",
    "what",
    "happened",
    "really",
    "thanks",
    "call",
    "me",
    "maybe",
    "tomorrow",
    "work",
    "was",
    "long",
]


def generate(path: Path, n_lines: int, seed: int = 7) -> int:
    """Write an Android-style export of about `n_lines` lines; returns the number of headers written."""
    rng = random.Random(seed)
    headers = 0
    lines = 0
    minute = 0
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(
            "12/01/20, 09:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, "
            "not even WhatsApp, can read or listen to them. Tap to learn more.\n"
        )
        headers += 1
        lines += 1
        while lines < n_lines:
            minute += rng.choice((0, 0, 1, 1, 2, 5, 30))
            day, mins = divmod(minute, 1440)
            d = 13 + day  # starts on 13 January 2020 so the day/month order is settled at once
            y, rest = 2020 + d // 365, d % 365
            month, dom = min(rest // 28, 11) + 1, rest % 28 + 1
            stamp = f"{dom:02d}/{month:02d}/{y % 100:02d}, {mins // 60:02d}:{mins % 60:02d} - "
            r = rng.random()
            if r < 0.03:
                fh.write(f"{stamp}{rng.choice(NAMES)} added {rng.choice(NAMES)}\n")
                lines += 1
            elif r < 0.08:
                fh.write(f"{stamp}{rng.choice(NAMES)}: <Media omitted>\n")
                lines += 1
            elif r < 0.18:
                k = rng.randint(2, 4)
                body = "\n".join(" ".join(rng.choices(WORDS, k=rng.randint(2, 9))) for _ in range(k))
                fh.write(f"{stamp}{rng.choice(NAMES)}: {body}\n")
                lines += k
            else:
                fh.write(
                    f"{stamp}{rng.choice(NAMES)}: {' '.join(rng.choices(WORDS, k=rng.randint(1, 12)))}\n"
                )
                lines += 1
            headers += 1
    return headers


def _run_one(which: str, path: str) -> dict[str, object]:
    t0 = time.perf_counter()
    if which in ("openup", "openup-py"):
        from openup.chats import load_chat, whatsapp

        if which == "openup-py":
            whatsapp.ACCELERATE = False
        conv = load_chat(path, dayfirst=True)
        n = len(conv.messages)
        seconds = time.perf_counter() - t0
        rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        kinds = conv.kinds()
        return {"seconds": seconds, "messages": n, "peak_mib": rss_kib / 1024, "text_rows": kinds["text"]}
    elif which == "whatstk":
        try:
            from whatstk.whatsapp.objects import WhatsAppChat
        except ImportError:
            return {"error": "not installed"}
        # max_size=None lifts whatstk's 50 MB input guard so it can read the benchmark file at all.
        chat = WhatsAppChat.from_source(filepath=path, hformat="%d/%m/%y, %H:%M - %name:", max_size=None)
        n = len(chat.df)
    elif which == "chat-miner":
        try:
            from chatminer.chatparsers import WhatsAppParser
        except ImportError:
            return {"error": "not installed"}
        import logging

        logging.disable(logging.CRITICAL)
        parser = WhatsAppParser(path)
        parser.parse_file()
        n = len(parser.parsed_messages.get_df())
    elif which == "openup-jsonl":
        from openup.chats import ImportReport, iter_messages
        from openup.chats.output import Summary, write_messages

        out = Path(path).with_suffix(".jsonl")
        n = write_messages(iter_messages(path, dayfirst=True, report=ImportReport()), out, Summary())
        out.unlink()
    else:
        raise SystemExit(f"unknown parser {which}")
    seconds = time.perf_counter() - t0
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "messages": n, "peak_mib": rss_kib / 1024}


def fast_peer_ok(seconds: object) -> bool:
    return isinstance(seconds, float) and seconds > 0


def _measure(which: str, path: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.bench_parse", "--run", which, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1][:60]}
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _baseline_mib() -> float:
    proc = subprocess.run(
        [sys.executable, "-c", "import resource;print(resource.getrusage(0).ru_maxrss)"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(proc.stdout) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--run", nargs=2, metavar=("PARSER", "FILE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        print(json.dumps(_run_one(args.run[0], args.run[1])))
        return
    with tempfile.TemporaryDirectory(prefix="openup-bench-") as tmp:
        path = Path(tmp) / "WhatsApp Chat with Sam.txt"
        headers = generate(path, args.lines)
        size_mib = path.stat().st_size / 2**20
        print(
            f"file: {args.lines:,} lines, {headers:,} headers, {size_mib:.1f} MiB; "
            f"bare interpreter peak {_baseline_mib():.0f} MiB"
        )
        results = {w: _measure(w, path) for w in ("openup", "openup-py", "whatstk", "chat-miner")}
        peers = [r["seconds"] for w, r in results.items() if not w.startswith("openup") and "seconds" in r]
        fastest_peer = min(peers) if peers else None  # type: ignore[type-var]
        print(
            f"{'parser':<12}{'lines/s':>12}{'seconds':>10}{'peak MiB':>10}{'x file':>8}{'messages':>11}"
            f"{'recovered':>11}{'speed vs faster peer':>22}"
        )
        for which, r in results.items():
            if "seconds" not in r:
                print(f"{which:<12}{r.get('error', 'failed')}")
                continue
            secs = float(r["seconds"])  # type: ignore[arg-type]
            peak = float(r["peak_mib"])  # type: ignore[arg-type]
            n = int(r["messages"])  # type: ignore[call-overload]
            ratio = f"{float(fastest_peer) / secs:.1f}x" if fastest_peer else "-"  # type: ignore[arg-type]
            print(
                f"{which:<12}{args.lines / secs:>12,.0f}{secs:>10.2f}{peak:>10.0f}{peak / size_mib:>8.1f}"
                f"{n:>11,}{n / headers:>10.1%}{ratio:>22}"
            )
        fast, slow = results["openup"], results["openup-py"]
        if "seconds" in fast and fast_peer_ok(fastest_peer):
            speed = float(fastest_peer) / float(fast["seconds"])  # type: ignore[arg-type]
            mem = float(fast["peak_mib"]) / size_mib  # type: ignore[arg-type]
            same = fast.get("text_rows") == slow.get("text_rows") and fast.get("messages") == slow.get("messages")
            print(
                f"targets: speed {speed:.1f}x faster peer (want >= 10x) {'OK' if speed >= 10 else 'MISSED'}; "
                f"peak {mem:.1f}x file (want < 3x) {'OK' if mem < 3 else 'MISSED'}; "
                f"text rows {fast.get('text_rows')} vs pure Python {slow.get('text_rows')} "
                f"{'same' if same else 'DIFFER'}"
            )
        print("\nstreaming JSONL (write_messages over iter_messages, one row at a time):")
        for n_lines in (100_000, args.lines):
            small = Path(tmp) / f"stream_{n_lines}.txt"
            generate(small, n_lines)
            r = _measure("openup-jsonl", small)
            print(
                f"  {n_lines:>9,} lines: {r.get('seconds', 0):.2f} s, peak {r.get('peak_mib', 0):.0f} MiB, "
                f"{r.get('messages', r.get('error'))} messages"
            )
            small.unlink()


if __name__ == "__main__":
    main()
