"""The local pool's workers run one thread per library (the workers are the parallelism), as Dask's nanny
sets for its own: with numpy's BLAS and the tokenizer free to start threads, one learned-tier worker used
143% CPU for the speed it reached at 100% (bench_corpus), and two workers fought over two cores."""

from __future__ import annotations

import os

import pytest
from tests.corpus.helpers import worker_threads_env

from openup.corpus.engines import WORKER_ENV, LocalPool
from openup.corpus.tasks import Job


def test_pool_workers_run_one_thread_per_library(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in WORKER_ENV:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")  # what the user set is kept
    pool = LocalPool(1)
    jobs = [Job(worker_threads_env, None, None, f"env{i}") for i in range(2)]  # type: ignore[arg-type]
    seen = list(pool.run(jobs))
    assert len(seen) == 2
    for env in seen:
        assert env == {**WORKER_ENV, "OPENBLAS_NUM_THREADS": "3"}
    assert all(k not in os.environ for k in WORKER_ENV if k != "OPENBLAS_NUM_THREADS"), "the driver's own is restored"
