"""Where the tasks run: a local process pool (the default) or a Dask distributed cluster.

Both take the same tasks (`openup.corpus.tasks.run_task`, one per conversation) and give back an `Outcome`
for each, in the order they finish. Both survive a worker that dies mid-task (killed, out of memory): its
task is given to another worker, and after `ALLOWED_FAILURES` deaths it is recorded as a failure of its
own, as Dask's scheduler does (`distributed.scheduler.allowed-failures`, 3 by default). Since every task
writes its partitions atomically under its content key, a retried task overwrites, never duplicates.

Nothing here opens a network connection except `DaskEngine`, to the scheduler the user named or to the
`LocalCluster` it starts on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import re
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, Final, Protocol

from openup.corpus.tasks import Job, Outcome, PartResult, Task, failure
from openup.errors import BadScheduler, CorpusUnwritable, EngineMissing

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

ALLOWED_FAILURES: Final = 3
Result = Outcome | PartResult
_ADDRESS: Final = re.compile(r"^(tcp|tls)://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+):(\d{1,5})$")


class Engine(Protocol):
    """Runs jobs somewhere and yields what each returned as they finish (a job that cannot finish becomes
    a failure Outcome of its conversation)."""

    name: str
    workers: int

    def run(self, jobs: Sequence[Job]) -> Iterator[Result]: ...

    def close(self) -> None: ...


def _died(task: Task, times: int) -> Outcome:
    return failure(task, "worker_died", f"The worker analysing this export stopped {times} times (killed, or out "
                                        "of memory); it was not tried again.")


# -- the local process pool ------------------------------------------------------------------------------

# One thread per library in each worker, as Dask's nanny sets for its workers (`pre-spawn-environ`): the
# workers are the parallelism. Without this, numpy's BLAS and the tokenizer start threads of their own in
# every worker; one learned-tier worker then used 143% CPU for the speed it reaches at 100%, and two
# workers fought over the two cores (bench_corpus: scaling efficiency 0.59). A value the user set is kept.
WORKER_ENV: Final = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                     "TOKENIZERS_PARALLELISM": "false", "OPENUP_THREADS": "1"}


def _unset_worker_env() -> dict[str, str]:
    """The settings of `WORKER_ENV` the driver's environment does not set already (the user's win)."""
    return {k: v for k, v in WORKER_ENV.items() if k not in os.environ}


@contextlib.contextmanager
def _worker_environ() -> Iterator[None]:
    """The environment a spawned worker inherits: `WORKER_ENV` beside the driver's own (restored after)."""
    added = _unset_worker_env()
    os.environ.update(added)
    try:
        yield
    finally:
        for k in added:
            os.environ.pop(k, None)



def _serve(conn: Connection) -> None:
    """A pool process: run the jobs it is sent until it is sent None."""
    os.environ.setdefault("OPENUP_THREADS", "1")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            try:
                result = job.fn(job.arg)
            except CorpusUnwritable:
                raise
            except Exception as exc:  # the tasks record what they expect; this is the net for the rest
                result = failure(job.task, "error", f"An internal error stopped the analysis ({type(exc).__name__}).")
        except CorpusUnwritable as exc:  # the driver stops the run with it
            result = exc
        conn.send(result)


@dataclass(eq=False)  # workers are told apart by identity
class _Worker:
    proc: BaseProcess
    conn: Connection
    job: Job | None = None


class LocalPool:
    """A pool of `processes` worker processes on this machine, each analysing one conversation at a time.

    Each worker has a pipe of its own, so a worker that dies costs only the task it held: that task goes
    back in the queue and a new worker takes its place.
    """

    name = "local"

    def __init__(self, processes: int | None = None) -> None:
        self.workers = max(1, processes or os.cpu_count() or 1)
        self._ctx = mp.get_context("spawn")  # a fresh interpreter per worker: no state shared by fork
        self._pool: list[_Worker] = []

    def busy(self) -> list[tuple[int, str]]:
        """(process id, task key) of each worker holding a task now (for tests that kill one)."""
        return [(w.proc.pid, w.job.task.key) for w in list(self._pool) if w.job is not None and w.proc.pid is not None]

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_serve, args=(child,), daemon=True, name="openup-corpus-worker")
        with _worker_environ():  # read by the child's libraries when it imports them
            proc.start()
        child.close()
        return _Worker(proc, parent)

    def run(self, jobs: Sequence[Job]) -> Iterator[Result]:
        try:
            yield from self._run(jobs)
        finally:
            self.close()

    def _run(self, jobs: Sequence[Job]) -> Iterator[Result]:
        queue = deque(jobs)
        deaths: Counter[str] = Counter()
        left = len(queue)
        self._pool = [self._start() for _ in range(min(self.workers, left))]
        while left:
            for w in self._pool:
                if w.job is None and queue:
                    w.job = queue.popleft()
                    with contextlib.suppress(OSError):  # if it died, its sentinel says so below
                        w.conn.send(w.job)
            conns = {id(w.conn): w for w in self._pool if w.job is not None}
            sentinels = {w.proc.sentinel: w for w in self._pool}
            ready = wait([*(w.conn for w in conns.values()), *sentinels])
            dead: list[_Worker] = []
            for obj in ready:
                busy = conns.get(id(obj))
                if busy is None:
                    continue
                try:
                    outcome = busy.conn.recv()
                except (EOFError, OSError):
                    dead.append(busy)
                    continue
                if isinstance(outcome, CorpusUnwritable):
                    raise outcome
                busy.job = None
                left -= 1
                yield outcome
            for obj in ready:
                if isinstance(obj, int) and obj in sentinels and sentinels[obj] not in dead:
                    dead.append(sentinels[obj])
            for w in dead:
                job = self._replace(w)
                if job is None:
                    continue
                deaths[job.name] += 1
                if deaths[job.name] >= ALLOWED_FAILURES:
                    left -= 1
                    yield _died(job.task, deaths[job.name])
                else:
                    queue.appendleft(job)

    def _replace(self, w: _Worker) -> Job | None:
        """Put a new worker in place of a dead one; the job it held, if any."""
        w.proc.join(timeout=5)
        w.conn.close()
        i = self._pool.index(w)
        self._pool[i] = self._start()
        return w.job

    def close(self) -> None:
        for w in self._pool:
            with contextlib.suppress(OSError):
                w.conn.send(None)
        for w in self._pool:
            w.proc.join(timeout=10)
            if w.proc.is_alive():
                w.proc.terminate()
                w.proc.join(timeout=5)
            w.conn.close()
        self._pool = []


# -- Dask distributed ------------------------------------------------------------------------------------


def check_address(address: str) -> str:
    """A scheduler address as Dask takes it, `tcp://HOST:PORT`; BadScheduler for anything else."""
    m = _ADDRESS.match(address.strip())
    if not m or not 0 < int(m.group(3)) < 65536:
        raise BadScheduler(address, "write it as tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786")
    return address.strip()


class DaskEngine:
    """The same tasks on a Dask distributed cluster: an existing one (`scheduler`), or a
    `distributed.LocalCluster` of `workers` single-threaded worker processes on 127.0.0.1.

    Every worker must be able to import openup and read the exports and the output folder at the same
    paths as this machine (a shared file system). The scheduler retries a task whose worker died.
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        address = check_address(scheduler) if scheduler is not None else None
        try:
            import distributed
        except ImportError:
            raise EngineMissing("--scheduler and --workers", "distributed",
                                " or leave both out to use the local process pool") from None
        self.cluster: Any = None
        if address is None:
            self.cluster = distributed.LocalCluster(
                n_workers=max(1, workers or 1),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
                env=_unset_worker_env(),  # each nanny's worker, restarts too
            )
            self.client: Any = distributed.Client(self.cluster)
        else:
            try:
                self.client = distributed.Client(address, timeout=10)
            except Exception as exc:  # distributed raises OSError or TimeoutError, worded in many ways
                raise BadScheduler(address, f"no Dask scheduler answered there ({type(exc).__name__})") from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def pids(self) -> list[int]:
        """The process ids of the workers (for tests that kill one)."""
        return [int(p) for p in self.client.run(os.getpid).values()]

    def run(self, jobs: Sequence[Job]) -> Iterator[Result]:
        from distributed import as_completed
        from distributed.client import FutureCancelledError

        try:
            from distributed.scheduler import KilledWorker
        except ImportError:  # pragma: no cover - older releases
            from distributed import KilledWorker
        futures = {self.client.submit(j.fn, j.arg, key=f"openup-corpus-{j.name}", pure=False): j.task for j in jobs}
        for fut in as_completed(futures):
            task = futures.pop(fut)
            try:
                yield fut.result()
            except CorpusUnwritable:
                raise
            except KilledWorker:
                yield _died(task, ALLOWED_FAILURES)
            except FutureCancelledError:
                yield failure(task, "error", "The cluster cancelled this task.")
            except Exception as exc:
                yield failure(task, "error", f"An internal error stopped the analysis ({type(exc).__name__}).")
            finally:
                fut.release()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def engine(*, scheduler: str | None = None, workers: int | None = None, processes: int | None = None) -> Engine:
    """The engine the options ask for: Dask with `scheduler` or `workers`, else the local process pool."""
    if scheduler is not None or workers is not None:
        return DaskEngine(scheduler, workers)
    return LocalPool(processes)
