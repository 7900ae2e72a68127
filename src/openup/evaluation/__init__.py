"""The evaluation harness: score openup's detectors on its own suites and on public labelled data.

>>> from openup.evaluation import evaluate
>>> ev = evaluate(None, limit=20, model=False)   # our suites only
>>> sorted({r.tier for r in ev.rows})
['lexical']
"""

from __future__ import annotations

import sys
from pathlib import Path

from openup.evaluation.datasets import default_data_dir
from openup.evaluation.report import render
from openup.evaluation.run import EvalProgress, Evaluation, Row, Steps, evaluate

__all__ = ["EvalProgress", "Evaluation", "Row", "default_data_dir", "evaluate", "render", "run_and_write"]

NO_DATA = (
    "openup eval: no data folder found (set OPENUP_DATA or pass --data DIR; the default is ../shared/data); "
    "skipping the public-data evaluation."
)


def run_and_write(
    data: Path | None,
    out: Path,
    limit: int | None = None,
    model: bool | None = None,
    progress: EvalProgress | None = None,
) -> Evaluation | None:
    """Evaluate and write the markdown report to `out`; None (and a message on stderr) when there is no data.

    `data=None` looks for the default folder. A missing folder is not an error: the run is skipped so
    that `make eval` works on a machine without the datasets. `progress` is told (what is starting, steps
    done, steps in all) as the run goes.
    """
    data_dir = default_data_dir() if data is None else (data if data.is_dir() else None)
    if data_dir is None:
        where = f" at {data}" if data is not None else ""
        print(NO_DATA.replace("no data folder found", f"no data folder found{where}"), file=sys.stderr)
        return None
    steps = Steps(progress, 1)  # the replies, after `evaluate`
    result = evaluate(data_dir, limit=limit, model=model, progress=steps)
    from openup.evaluation.replies import evaluate_replies

    steps("replies: coaching partner-side texts")
    result.replies = evaluate_replies(data_dir, limit)
    steps.finish()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(result), encoding="utf-8")
    return result
