"""The same corpus on a two-worker `distributed.LocalCluster`: a broken file fails alone, a worker killed
mid-run is retried by the scheduler, and the rows are complete, without duplicates, equal to single runs.

Skipped where the `distributed` package is not installed (`pip install 'openup[corpus]'`)."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from tests.cli_run import run
from tests.corpus.helpers import BROKEN, make_corpus
from tests.corpus.test_faults import _check_against_single, _check_complete

from openup.corpus import execute, plan, read_table, run_corpus

pytest.importorskip("distributed")


def test_local_cluster_with_a_killed_worker(tmp_path: Path) -> None:
    from openup.corpus.engines import DaskEngine

    folder = tmp_path / "exports"
    manifest = make_corpus(folder, chats=24)
    out = tmp_path / "corpus"
    tasks = plan(manifest, out, model=False)
    eng = DaskEngine(workers=2)
    try:
        assert eng.workers == 2
        pids = eng.pids()
        outcomes = []
        killed = False
        for o in execute(tasks, eng):
            outcomes.append(o)
            if not killed and len(outcomes) >= 2:
                os.kill(pids[0], signal.SIGKILL)  # the nanny starts a new one; the scheduler retries its task
                killed = True
    finally:
        eng.close()
    assert killed
    assert sorted(o.key for o in outcomes) == sorted(t.key for t in tasks)
    # a worker killed after writing its rows but before reporting them: the retry finds them and skips
    assert sum(o.status in ("done", "skipped") for o in outcomes) == 24
    assert {o.shown: o.kind for o in outcomes if o.status == "failed"} == dict.fromkeys(BROKEN, "unreadable")
    from openup.corpus.writers import tidy

    tidy(out)
    _check_complete(out, 24)
    _check_against_single(out, folder, ["chat00.txt", "chat12.txt", "chat23.txt"])
    # the same rows as the local process pool writes
    local = tmp_path / "local"
    run_corpus(manifest, local, model=False, processes=2)
    strip = ("seconds", "me", "partner")  # timing, and pseudonyms under another folder's salt

    def rows(d: Path) -> list[dict[str, object]]:
        return sorted(({k: v for k, v in r.items() if k not in strip and k != "conversation"}
                       for r in read_table(d, "conversations").to_pylist()), key=lambda r: str(r["row"]))

    assert rows(out) == rows(local)


def test_cli_workers_starts_a_local_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = make_corpus(tmp_path / "src", chats=4)
    assert run(["corpus", str(manifest), "--out", str(tmp_path / "out"), "--workers", "2", "--no-model",
                "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["engine"], data["workers"], data["done"], data["failed"]) == ("dask", 2, 4, 2)


def test_scheduler_that_does_not_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["corpus", str(tmp_path), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    err = capsys.readouterr().err
    assert "--scheduler 'tcp://127.0.0.1:1' cannot be used" in err and "Traceback" not in err
