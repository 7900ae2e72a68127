"""The driver: plan the tasks of a corpus, run them on an engine, tidy the folder, write the report.

>>> from openup.corpus import run_corpus
>>> result = run_corpus(Path("exports/"), Path("corpus/"), model=False)  # doctest: +SKIP
>>> result.done, result.failed  # doctest: +SKIP
"""

from __future__ import annotations

import importlib.util
import math
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

from openup.corpus.engines import Engine
from openup.corpus.engines import engine as make_engine
from openup.corpus.manifest import read_source
from openup.corpus.pseudonyms import load_salt
from openup.corpus.tasks import (
    Job,
    Merge,
    Options,
    Outcome,
    Part,
    PartResult,
    Task,
    make_task,
    run_merge,
    run_part,
    run_task,
)
from openup.corpus.writers import TABLES, is_done, make_folders, prune, tidy
from openup.errors import EngineMissing, UserError

OnOutcome = Callable[[Outcome], None]
#: An export larger than this has its detection split over several workers (about 300,000 WhatsApp lines).
SPLIT_BYTES: Final = 16_000_000
MAX_PARTS: Final = 64


@dataclass(frozen=True, slots=True)
class CorpusRun:
    """What one run did: conversations written, skipped (written before), failed; messages read; time."""

    out: Path
    conversations: int
    done: int
    skipped: int
    failed: int
    messages: int
    seconds: float
    engine: str
    workers: int
    tier: str
    report: Path | None

    @property
    def messages_per_s(self) -> float:
        return self.messages / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["out"], d["report"] = str(self.out), str(self.report) if self.report else None
        d["messages_per_s"] = round(self.messages_per_s, 1)
        d["seconds"] = round(self.seconds, 3)
        return d


def learned_tier(model: bool | None) -> bool:
    """Whether the learned tier runs: `model=False` turns it off, else it runs where it is installed."""
    if model is False:
        return False
    from openup.text.detect import model_wanted

    return model_wanted(None)


def plan(
    source: Path, out: Path, *, me: str | None = None, model: bool | None = None, keep_text: bool = False
) -> list[Task]:
    """One task per distinct conversation (the same export with the same options is listed once)."""
    if importlib.util.find_spec("pyarrow") is None:
        raise EngineMissing("openup corpus", "pyarrow")
    entries = read_source(source, me=me, out=out)
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} is a file; --out needs a folder.")
    if source.is_dir() and out.resolve() == source.resolve():
        raise UserError(f"--out {out} is the folder of exports itself, where its tables would be read as exports "
                        "on the next run; choose another folder (one inside it is fine).")
    salt = load_salt(out)
    make_folders(out, [t for t in TABLES if keep_text or t != "messages"])
    options = Options(learned=learned_tier(model), keep_text=keep_text)
    tasks: dict[str, Task] = {}
    for e in entries:
        t = make_task(e, out, salt, options)
        tasks.setdefault(t.key, t)
    return list(tasks.values())


def _parts(task: Task, split_bytes: int | None) -> int:
    """How many slices a conversation's detection is split into: one per `split_bytes` of export file."""
    if not split_bytes:
        return 1
    try:
        size = task.entry.path.stat().st_size if task.entry.path.is_file() else 0
    except OSError:
        return 1
    return max(1, min(MAX_PARTS, math.ceil(size / split_bytes)))


def execute(tasks: Sequence[Task], eng: Engine, *, split_bytes: int | None = SPLIT_BYTES) -> Iterator[Outcome]:
    """Outcomes of every task: those written before at once, the others as the engine finishes them.

    A conversation whose export is larger than `split_bytes` has its detection split: its distinct texts
    are read in slices by `run_part` jobs on any worker, then one `run_merge` job measures the whole chat
    over the merged features. Nothing else is split (see docs/corpus.md: no other stage splits exactly)."""
    first: list[Job] = []
    split: dict[str, tuple[Task, int]] = {}
    for t in tasks:
        if is_done(t.out, t.key):
            yield Outcome(t.key, t.entry.shown, "skipped")
            continue
        k = _parts(t, split_bytes)
        if k == 1:
            first.append(Job(run_task, t, t, t.key))
        else:
            split[t.key] = (t, k)
            first.extend(Job(run_part, Part(t, i, k), t, f"{t.key}-part{i}") for i in range(k))
    if not first:
        return
    found: dict[str, dict[int, tuple[int, ...]]] = {key: {} for key in split}
    failed: set[str] = set()
    for r in eng.run(first):
        if isinstance(r, PartResult):
            if r.failed is not None:
                if r.key not in failed:
                    failed.add(r.key)
                    yield r.failed
            else:
                found[r.key][r.index] = r.masks
        elif r.key in split:  # a part whose worker kept dying
            if r.key not in failed:
                failed.add(r.key)
                yield r
        else:
            yield r
    merges = []
    for key, (t, k) in split.items():
        if key in failed:
            continue
        masks = tuple(m for i in range(k) for m in found[key][i])
        merges.append(Job(run_merge, Merge(t, masks), t, f"{key}-merge"))
    if merges:
        yield from (r for r in eng.run(merges) if isinstance(r, Outcome))


def run_corpus(
    source: Path,
    out: Path,
    *,
    me: str | None = None,
    model: bool | None = None,
    keep_text: bool = False,
    scheduler: str | None = None,
    workers: int | None = None,
    processes: int | None = None,
    engine: Engine | None = None,
    tasks: Sequence[Task] | None = None,
    on_outcome: OnOutcome | None = None,
    report: bool = True,
    split_bytes: int | None = SPLIT_BYTES,
) -> CorpusRun:
    """Analyse every conversation of `source` (a folder of exports or a manifest CSV) into `out`.

    The engine is the local process pool over all cores, unless `scheduler` (a Dask scheduler's
    address) or `workers` (a LocalCluster of that many workers) is given, or an `engine` is passed.
    """
    began = time.perf_counter()
    tasks = plan(source, out, me=me, model=model, keep_text=keep_text) if tasks is None else tasks
    tidy(out)
    eng = engine or make_engine(scheduler=scheduler, workers=workers, processes=processes)
    counts = {"done": 0, "skipped": 0, "failed": 0}
    messages = 0
    try:
        for outcome in execute(tasks, eng, split_bytes=split_bytes):
            counts[outcome.status] += 1
            messages += outcome.messages
            if on_outcome is not None:
                on_outcome(outcome)
    finally:
        if engine is None:
            eng.close()
    tidy(out)
    prune(out, {t.key for t in tasks})
    page = None
    if report:
        from openup.corpus.report import write_corpus_report

        page = write_corpus_report(out)
    learned = bool(tasks) and tasks[0].options.learned
    return CorpusRun(out, len(tasks), counts["done"], counts["skipped"], counts["failed"], messages,
                     time.perf_counter() - began, eng.name, eng.workers, "learned" if learned else "lexical", page)
