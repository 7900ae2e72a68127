"""`openup eval`: measure the detectors on openup's suites and the public labelled data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def eval_command(
    data: Annotated[
        Path | None, typer.Option(help="Data folder (default: $OPENUP_DATA, else ../shared/data).")
    ] = None,
    out: Annotated[Path, typer.Option(help="Markdown report to write.")] = Path("docs/accuracy.md"),
    limit: Annotated[int | None, typer.Option(min=1, help="At most N texts per dataset (quick runs).")] = None,
    no_model: Annotated[bool, typer.Option("--no-model", help="Lexical tier only.")] = False,
) -> None:
    """Precision, recall and F1 per signal kind, written to docs/accuracy.md."""
    from openup.commands.progress import progress_bar
    from openup.evaluation import run_and_write
    from openup.evaluation.summary import summary_lines

    with progress_bar() as bar:
        result = run_and_write(data, out, limit, False if no_model else None, progress=bar.steps("Evaluating"))
    if result is None:
        return
    for line in summary_lines(result):
        typer.echo(line)
    typer.echo(f"wrote {out}")


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
