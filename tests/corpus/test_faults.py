"""Fault tolerance on the local process pool: broken exports fail alone, a killed worker's task is retried,
a rerun skips what is written, and no row is ever written twice."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from pathlib import Path

import pytest
from tests.corpus.helpers import BROKEN, make_corpus

from openup.analysis import analyze
from openup.chats import load_chat
from openup.corpus import execute, plan, read_table, run_corpus
from openup.corpus.engines import ALLOWED_FAILURES, LocalPool
from openup.corpus.pseudonyms import load_salt, pseudonym
from openup.corpus.writers import partition, tidy


def _check_complete(out: Path, chats: int) -> None:
    """Every chat once in `conversations`; no duplicate weekly or signal rows; the broken files in failures."""
    conv = read_table(out, "conversations")
    keys = conv.column("conversation").to_pylist()
    assert len(keys) == len(set(keys)) == chats
    weekly = read_table(out, "weekly").to_pylist()
    idx = [(r["conversation"], r["week"], r["role"]) for r in weekly]
    assert len(idx) == len(set(idx)) and {r["conversation"] for r in weekly} == set(keys)
    sig = read_table(out, "signals").to_pylist()
    sidx = [(r["conversation"], r["role"], r["kind"]) for r in sig]
    assert len(sidx) == len(set(sidx))
    failures = read_table(out, "failures").to_pylist()
    assert sorted(f["file"] for f in failures) == sorted(BROKEN)
    assert all(f["kind"] == "unreadable" and f["reason"] for f in failures)
    assert not [p for p in out.rglob(".tmp-*")]


def _check_against_single(out: Path, folder: Path, names: list[str]) -> None:
    salt = load_salt(out)
    rows = {r["row"]: r for r in read_table(out, "conversations").to_pylist()}
    for name in names:
        line = int(name[4:6]) + 2  # chatNN.txt is on manifest line NN + 2
        a = analyze(load_chat(folder / name, me="Alex"), me="Alex", model=False)
        s, row = a.summary(), rows[line]
        assert row["messages"] == s["messages"] == len(a.timeline)
        assert row["appreciation_to_criticism"] == s["appreciation_to_criticism"]
        assert row["turn_toward_pct"] == s["turn_toward_pct"]
        assert row["pursue_withdraw_weeks"] == s["pursue_withdraw"]["cycle_weeks"]
        assert row["me"] == pseudonym(salt, "Alex") and row["partner"] == pseudonym(salt, "Sam")


def test_killed_worker_is_retried_and_rerun_skips(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    manifest = make_corpus(folder, chats=24)
    out = tmp_path / "corpus"
    tasks = plan(manifest, out, model=False)
    pool = LocalPool(2)
    outcomes, killed = [], []
    for o in execute(tasks, pool):
        outcomes.append(o)
        if not killed and len(outcomes) >= 2:
            for pid, _key in pool.busy():
                os.kill(pid, signal.SIGKILL)  # a worker killed in the middle of its conversation
                killed.append(pid)
                break
    assert killed, "no worker was busy to be killed"
    assert sorted(o.key for o in outcomes) == sorted(t.key for t in tasks)  # each task reported once
    # a worker killed after writing its rows but before reporting them: the retry finds them and skips
    assert sum(o.status in ("done", "skipped") for o in outcomes) == 24
    assert {o.shown: o.kind for o in outcomes if o.status == "failed"} == dict.fromkeys(BROKEN, "unreadable")
    tidy(out)  # what `run_corpus` does after the engine: a temporary file of the killed worker may be left
    _check_complete(out, 24)
    _check_against_single(out, folder, ["chat00.txt", "chat12.txt", "chat23.txt"])
    before = sorted(read_table(out, "conversations").to_pylist(), key=lambda r: r["conversation"])

    again = run_corpus(manifest, out, model=False, processes=2)
    assert (again.done, again.skipped, again.failed) == (0, 24, 2)
    _check_complete(out, 24)
    assert sorted(read_table(out, "conversations").to_pylist(), key=lambda r: r["conversation"]) == before


def test_a_task_that_kills_its_worker_every_time_fails_alone(tmp_path: Path) -> None:
    manifest = make_corpus(tmp_path / "exports", chats=6, biggest=3000)
    out = tmp_path / "corpus"
    tasks = plan(manifest, out, model=False)
    doomed = next(t.key for t in tasks if t.entry.shown == "chat05.txt")  # the largest
    pool = LocalPool(2)
    stop = threading.Event()
    kills: list[int] = []

    def killer() -> None:
        while not stop.is_set() and len(kills) < ALLOWED_FAILURES:
            for pid, key in pool.busy():
                if key == doomed and pid not in kills:
                    try:
                        os.kill(pid, signal.SIGKILL)
                        kills.append(pid)
                    except ProcessLookupError:
                        pass
            time.sleep(0.005)

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    try:
        outcomes = list(execute(tasks, pool))
    finally:
        stop.set()
        thread.join()
    if len(kills) < ALLOWED_FAILURES:
        pytest.skip("the doomed task finished before it could be killed often enough")
    died = [o for o in outcomes if o.status == "failed" and o.kind == "worker_died"]
    assert [o.key for o in died] == [doomed]
    assert sum(o.status == "done" for o in outcomes) == 5
    assert not partition(out, "conversations", doomed).exists()
    assert doomed in read_table(out, "failures").column("conversation").to_pylist()


def test_tidy_removes_what_an_interrupted_run_left(tmp_path: Path) -> None:
    manifest = make_corpus(tmp_path / "exports", chats=3)
    out = tmp_path / "corpus"
    run_corpus(manifest, out, model=False, processes=1)
    done = read_table(out, "conversations").column("conversation").to_pylist()
    # a worker killed between its weekly partition and its conversations partition, and a half-written file
    orphan = partition(out, "weekly", "0" * 32)
    orphan.write_bytes(partition(out, "weekly", done[0]).read_bytes())
    (out / "signals" / ".tmp-x-1-abcd.parquet").write_bytes(b"PAR1 half")
    assert tidy(out) == 2
    assert not orphan.exists() and not list(out.rglob(".tmp-*"))
    assert len(read_table(out, "weekly").to_pylist()) > 0


def test_an_unexpected_error_stays_in_its_task_and_no_repr_names_anyone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception leaving a task is logged by Dask's worker with the task's repr ("Compute Failed"):
    every exception is the task's failure, and a task's repr holds no name and no file name."""
    from openup.corpus import tasks as corpus_tasks

    manifest = make_corpus(tmp_path / "exports", chats=1)
    (tmp_path / "exports" / "WhatsApp Chat with Samantha.txt").write_bytes((tmp_path / "exports" / "chat00.txt")
                                                                          .read_bytes())
    with manifest.open("a", encoding="utf-8") as fh:
        fh.write("WhatsApp Chat with Samantha.txt,Alex,Samantha\n")
    tasks = plan(manifest, tmp_path / "corpus", model=False)
    assert not any(re.search(r"Alex|Samantha|chat00|exports", repr(t)) for t in tasks)

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("Samantha said: float division by zero")

    monkeypatch.setattr(corpus_tasks, "analyse_entry", broken)
    task = next(t for t in tasks if t.entry.partner == "Samantha")
    outcome = corpus_tasks.run_task(task)
    assert (outcome.status, outcome.kind) == ("failed", "error")
    assert outcome.reason == "An internal error stopped the analysis (ZeroDivisionError)."
    import openup.analysis.features as features

    monkeypatch.setattr(features, "text_masks", broken)
    part = corpus_tasks.run_part(corpus_tasks.Part(task, 0, 2))
    assert part.failed is not None and part.failed.kind == "error"
