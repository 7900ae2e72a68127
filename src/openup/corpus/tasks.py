"""One task per conversation: read the export, analyse it as `openup analyze` does, write its partitions.

A task's key is the SHA-256 of the export's content and the options it is analysed with, so a rerun finds
what is already written (and skips it), the same export listed twice is analysed once, and a task retried
after its worker died overwrites its own partitions. `run_task` runs on a worker (a process of the local
pool or a Dask worker): it takes and returns small picklable records and writes its rows itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from openup.corpus.manifest import Entry, outside
from openup.corpus.reasons import describe

if TYPE_CHECKING:
    from openup.analysis import Analysis
    from openup.chats import Conversation

#: The corpus layout's version: part of every key, so a new layout never mixes with an old one.
LAYOUT: Final = 1
#: Files of an export folder whose content is hashed (media are keyed by name and size).
_TEXTUAL: Final = frozenset({".txt", ".json", ".jsonl", ".csv", ".xml", ".html", ".db", ".zip"})
_BLOCK: Final = 1 << 20
Status = Literal["done", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class Options:
    """What every conversation of a run is analysed with."""

    learned: bool  # the learned tier as shipped (resolved once, by the driver)
    keep_text: bool = False


@dataclass(frozen=True, slots=True)
class Task:
    """One conversation to analyse and where its rows go."""

    key: str
    entry: Entry = field(repr=False)  # names and file names: never in a log line (Dask logs a failed task)
    out: Path
    salt: bytes = field(repr=False)
    options: Options


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one task: written, skipped (written before) or failed (with a kind and a reason)."""

    key: str
    shown: str
    status: Status
    messages: int = 0
    seconds: float = 0.0
    kind: str | None = None
    reason: str | None = None


def content_hash(path: Path) -> str | None:
    """SHA-256 of an export file, or of a folder's files (names, sizes, and the content of chat files);
    None when there is nothing at `path`."""
    h = hashlib.sha256()
    try:
        if path.is_file():
            with path.open("rb") as fh:
                while block := fh.read(_BLOCK):
                    h.update(block)
            return h.hexdigest()
        if not path.is_dir():
            return None
        for p in sorted(q for q in path.rglob("*") if q.is_file()):
            rel = p.relative_to(path).as_posix()
            size = p.stat().st_size
            h.update(f"{rel}\0{size}\0".encode())
            if p.suffix.lower() in _TEXTUAL:
                with p.open("rb") as fh:
                    while block := fh.read(_BLOCK):
                        h.update(block)
        return "dir:" + h.hexdigest()
    except OSError:
        return None


def task_key(entry: Entry, content: str | None, options: Options) -> str:
    """The key of a conversation: its content and every option that changes its rows."""
    from openup import __version__

    what = content if content is not None else f"missing:{entry.path}"
    spec = [LAYOUT, __version__, what, entry.me, entry.partner, entry.chat, entry.since, options.learned,
            options.keep_text]
    return hashlib.sha256(json.dumps(spec, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def make_task(entry: Entry, out: Path, salt: bytes, options: Options) -> Task:
    """The task of one entry (an entry outside the corpus folder is not opened, even to hash it)."""
    content = f"outside:{entry.path}" if outside(entry) else content_hash(entry.path)
    return Task(task_key(entry, content, options), entry, out, salt, options)


# -- on the worker ---------------------------------------------------------------------------------------


def _load(entry: Entry) -> Conversation:
    from openup.analysis.pipeline import require_one_chat
    from openup.chats import load_chat
    from openup.errors import OutsideCorpus

    if outside(entry):
        raise OutsideCorpus(entry.shown, str(entry.root))
    conv = load_chat(entry.path, me=entry.me, chat=entry.chat)
    require_one_chat(conv, entry.path.name)
    return conv


def distinct_texts(conv: Conversation) -> list[str]:
    """Every distinct text of a chat's text messages, in first-seen order (a superset of what the
    analysis reads: it also holds other people's texts and those before `since`)."""
    return list(dict.fromkeys(m.text for m in conv.messages if m.kind == "text" and m.text and not m.text.isspace()))


def analyse_entry(entry: Entry, learned: bool, masks: Sequence[int] | None = None) -> Analysis:
    """The export read and analysed exactly as `openup analyze FILE --me ... --partner ... --since ...
    --chat ...` does (with `--no-model` when the learned tier is off), on one core. `masks`: the features of
    `distinct_texts` found by other workers (see `run_part`), so that they are not read again here."""
    from openup.analysis import analyze
    from openup.analysis.pipeline import parse_since

    start = parse_since(entry.since)
    conv = _load(entry)
    known = dict(zip(distinct_texts(conv), masks, strict=True)) if masks is not None else None
    return analyze(conv, me=entry.me, partner=entry.partner, since=start, model=None if learned else False,
                   workers=1, known_masks=known)



def failure(task: Task, kind: str, reason: str, seconds: float = 0.0) -> Outcome:
    """Record a failure in the `failures` table and say so."""
    from openup.corpus.writers import write_rows

    e = task.entry
    write_rows(task.out, "failures", task.key,
               [{"conversation": task.key, "file": e.shown, "row": e.row, "kind": kind, "reason": reason}])
    return Outcome(task.key, e.shown, "failed", 0, seconds, kind, reason)


def run_task(task: Task, masks: Sequence[int] | None = None) -> Outcome:
    """Analyse one conversation and write its rows (or its failure); skip one already written.
    `masks`: its distinct texts' features, read by `run_part` tasks."""
    os.environ.setdefault("OPENUP_THREADS", "1")  # one core per task: parallel across conversations
    from openup.corpus.rows import rows_of
    from openup.corpus.writers import is_done, remove, write_rows

    began = time.perf_counter()
    e, out = task.entry, task.out
    if is_done(out, task.key):
        return Outcome(task.key, e.shown, "skipped")
    if task.options.learned:
        from openup.text.detect import model_wanted

        if not model_wanted(None):
            return failure(task, "no_model", "The learned tier is not available on the worker that read this.")
    try:
        analysis = analyse_entry(e, task.options.learned, masks)
    except Exception as exc:  # every one: an exception leaving the task would be logged with its message
        kind, reason = describe(exc, task.salt, task.options.keep_text)
        return failure(task, kind, reason, time.perf_counter() - began)
    seconds = time.perf_counter() - began
    # file names can carry a name ("WhatsApp Chat with Sam.txt"): kept only with the text
    extra = {"file": e.shown if task.options.keep_text else None, "row": e.row,
             "tier": "learned" if task.options.learned else "lexical", "seconds": round(seconds, 3)}
    rows = rows_of(analysis, task.key, task.salt, extra, keep_text=task.options.keep_text)
    write_rows(out, "weekly", task.key, rows.weekly)
    write_rows(out, "signals", task.key, rows.signals)
    if task.options.keep_text:
        write_rows(out, "messages", task.key, rows.messages)
    write_rows(out, "conversations", task.key, rows.conversations)  # last: the conversation is now written
    remove(out, "failures", task.key)
    return Outcome(task.key, e.shown, "done", int(analysis.counts["rows_in_file"]), seconds)


# -- a large conversation, split where the split is exact ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Job:
    """What an engine runs: `fn(arg)` on a worker, for the conversation `task`, under a unique `name`."""

    fn: Callable[[Any], Any]
    arg: Any
    task: Task
    name: str


@dataclass(frozen=True, slots=True)
class Part:
    """The `index`-th of `parts` equal slices of a conversation's distinct texts."""

    task: Task
    index: int
    parts: int


@dataclass(frozen=True, slots=True)
class PartResult:
    """The features of one slice of distinct texts, in order (or the conversation's failure)."""

    key: str
    index: int
    masks: tuple[int, ...] = ()
    failed: Outcome | None = None


@dataclass(frozen=True, slots=True)
class Merge:
    """A split conversation's measures, with the features of all its distinct texts in order."""

    task: Task
    masks: tuple[int, ...]


def run_part(part: Part) -> PartResult:
    """Read one slice of a conversation's distinct texts (the only stage that splits exactly: each text's
    features depend on that text alone)."""
    os.environ.setdefault("OPENUP_THREADS", "1")
    from openup.analysis.features import text_masks

    task = part.task
    try:
        texts = distinct_texts(_load(task.entry))
        n = len(texts)
        chunk = texts[n * part.index // part.parts : n * (part.index + 1) // part.parts]
        found = text_masks(chunk, model=None if task.options.learned else False, workers=1)
    except Exception as exc:  # as in run_task
        kind, reason = describe(exc, task.salt, task.options.keep_text)
        return PartResult(task.key, part.index, failed=failure(task, kind, reason))
    return PartResult(task.key, part.index, tuple(found[t] for t in chunk))


def run_merge(merge: Merge) -> Outcome:
    """The measures of a split conversation, over the features its parts found: as `run_task`."""
    return run_task(merge.task, merge.masks)
