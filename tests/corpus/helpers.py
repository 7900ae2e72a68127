"""A generated corpus for the corpus tests: a few dozen small WhatsApp chats, two broken exports, a manifest."""

from __future__ import annotations

import csv
import math
import zipfile
from pathlib import Path

from bench.bench_analyze import ME, generate_chat

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "chatsamples"
BROKEN = ("broken.txt", "broken.zip")


def make_corpus(folder: Path, chats: int = 24, biggest: int = 3000) -> Path:
    """`chats` WhatsApp exports of 100 to `biggest` messages (sizes spread evenly on a log scale), a text
    file that is no chat and a truncated zip; returns the manifest naming them all (me = Alex)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(chats):
        n = int(100 * math.exp(math.log(biggest / 100) * i / max(chats - 1, 1)))
        p = generate_chat(folder / f"chat{i:02d}.txt", n, seed=100 + i)
        names.append(p.name)
    (folder / BROKEN[0]).write_text("this is not a chat export at all\n" * 20, encoding="utf-8")
    whole = folder / "whole.zip"
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(folder / names[0], "_chat.txt")
    (folder / BROKEN[1]).write_bytes(whole.read_bytes()[:200])
    whole.unlink()
    manifest = folder / "manifest.csv"
    with manifest.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["path", "me", "participant"])
        for name in [*names, *BROKEN]:
            w.writerow([name, ME, ""])
    return manifest


def sample_files() -> list[Path]:
    """Every real export in shared/chatsamples that the analysis tests use."""
    if not SAMPLES.is_dir():
        return []
    return sorted(p for p in SAMPLES.rglob("*")
                  if p.is_file() and p.suffix in (".txt", ".json") and p.name != "target.json")


def worker_threads_env(_: object) -> dict[str, str | None]:
    """Run on a pool worker: the thread settings its libraries read at import."""
    import os

    from openup.corpus.engines import WORKER_ENV

    return {k: os.environ.get(k) for k in WORKER_ENV}
