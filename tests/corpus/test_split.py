"""A large conversation's detection split over several workers gives the same rows as one task."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from tests.corpus.helpers import make_corpus

from openup.corpus import execute, plan, read_table, run_corpus
from openup.corpus.engines import LocalPool
from openup.corpus.tasks import Job, Outcome, PartResult


def _rows(out: Path, table: str) -> list[dict[str, object]]:
    rows = [{k: v for k, v in r.items() if k != "seconds"} for r in read_table(out, table).to_pylist()]
    return sorted(rows, key=repr)


@pytest.mark.parametrize("learned", [False, True], ids=["lexical", "as-shipped"])
def test_split_detection_gives_the_same_rows(learned: bool, tmp_path: Path) -> None:
    from openup.text.detect import model_wanted

    if learned and not model_wanted(None):
        pytest.skip("the learned tier is not installed")
    manifest = make_corpus(tmp_path / "src", chats=4 if not learned else 2, biggest=3000 if not learned else 400)
    whole, parts = tmp_path / "whole", tmp_path / "parts"
    run_corpus(manifest, whole, model=None if learned else False, processes=2, split_bytes=None, report=False)
    parts.mkdir()
    shutil.copy(whole / ".salt", parts / ".salt")  # the same salt, so the same pseudonyms
    split_bytes = 8_000
    tasks = plan(manifest, parts, model=None if learned else False)
    assert max((t.entry.path.stat().st_size for t in tasks), default=0) > 2 * split_bytes  # some split in 3+

    class Counting(LocalPool):
        def __init__(self, processes: int) -> None:
            super().__init__(processes)
            self.jobs: list[str] = []

        def run(self, jobs: Sequence[Job]) -> Iterator[Outcome | PartResult]:
            self.jobs.extend(j.name for j in jobs)
            return super().run(jobs)

    pool = Counting(2)
    outcomes = list(execute(tasks, pool, split_bytes=split_bytes))
    assert sum(o.status == "done" for o in outcomes) == len(tasks) - 2
    assert len(outcomes) == len(tasks)
    assert any(n.endswith("-part2") for n in pool.jobs) and any(n.endswith("-merge") for n in pool.jobs)
    for table in ("conversations", "weekly", "signals", "failures"):
        assert _rows(parts, table) == _rows(whole, table), table
