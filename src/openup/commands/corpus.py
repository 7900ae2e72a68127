"""`openup corpus`: many couples' chats at once, as Parquet tables and a report across couples."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from openup.commands.progress import progress_bar
from openup.errors import UserError

if TYPE_CHECKING:
    from openup.corpus import CorpusRun


def corpus_command(
    source: Annotated[
        Path, typer.Argument(help="A folder of chat exports, or a manifest CSV (columns path, me; optionally "
                                  "chat, participant, since).")
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet tables and report.html.")],
    me: Annotated[
        str | None, typer.Option("--me", help="The donor's name in every chat (fills empty `me` cells).")
    ] = None,
    no_model: Annotated[bool, typer.Option("--no-model", help="Use the lexical tier only.")] = False,
    keep_text: Annotated[
        bool, typer.Option("--keep-text", help="Also write every message's text (a `messages` table).")
    ] = False,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Run on an existing Dask cluster: tcp://HOST:8786.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Start a local Dask cluster of N worker processes.")
    ] = None,
    processes: Annotated[
        int | None,
        typer.Option("--processes", min=1, help="Size of the local process pool (default: every core)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what the run did as JSON.")] = False,
) -> None:
    """Analyse many couples' chats, each exactly as `openup analyze` does, into Parquet tables."""
    from openup.corpus import plan, run_corpus

    if scheduler is not None and workers is not None:
        raise UserError("Pass either --scheduler (an existing cluster) or --workers (a local one), not both.")
    if processes is not None and (scheduler is not None or workers is not None):
        raise UserError("--processes sizes the local process pool; it does not go with --scheduler or --workers.")
    if scheduler is not None:
        from openup.corpus.engines import check_address

        check_address(scheduler)
    tasks = plan(source, out, me=me, model=False if no_model else None, keep_text=keep_text)
    with progress_bar() as bar:
        done = bar.outcomes("Conversations", len(tasks), "conversations")
        result = run_corpus(
            source, out, tasks=tasks, scheduler=scheduler, workers=workers, processes=processes,
            on_outcome=(lambda o: done(o.messages, o.status == "failed")) if done is not None else None,
        )
    if as_json:
        from openup.commands.render import print_json

        print_json(result.to_dict())
        return
    _summary(result)


def _summary(r: CorpusRun) -> None:
    typer.echo(f"{r.conversations} conversations: {r.done} analysed, {r.skipped} written before, "
               f"{r.failed} could not be read ({r.tier} tier, {r.engine} engine, {r.workers} worker(s)).")
    typer.echo(f"{r.messages:,} messages in {r.seconds:.1f} s ({r.messages_per_s:,.0f} per second).")
    typer.echo(f"tables: {r.out}/conversations, weekly, signals, failures (Parquet)")
    if r.report is not None:
        typer.echo(f"report: {r.report}")


def register(app: typer.Typer) -> None:
    """Add `openup corpus` to the CLI."""
    app.command("corpus")(corpus_command)
