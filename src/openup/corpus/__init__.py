"""Many couples' chats at once: `openup corpus SOURCE --out DIR`.

Each conversation goes through the same `openup.analyze` as `openup analyze`, one task per conversation,
on a local process pool or a Dask cluster; the rows are written by the workers as Parquet partitions under
DIR (`conversations`, `weekly`, `signals`, `failures`), with names as salted pseudonyms and no message text
unless asked for. See docs/corpus.md.

>>> from openup.corpus import run_corpus
>>> run = run_corpus(Path("manifest.csv"), Path("corpus/"))  # doctest: +SKIP
>>> import pandas as pd; pd.read_parquet("corpus/conversations")  # doctest: +SKIP
"""

from __future__ import annotations

from openup.corpus.manifest import Entry, read_source
from openup.corpus.run import CorpusRun, execute, plan, run_corpus
from openup.corpus.tasks import Options, Outcome, Task, run_task
from openup.corpus.writers import read_table

__all__ = [
    "CorpusRun",
    "Entry",
    "Options",
    "Outcome",
    "Task",
    "execute",
    "plan",
    "read_source",
    "read_table",
    "run_corpus",
    "run_task",
]
