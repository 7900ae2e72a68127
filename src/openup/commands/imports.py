"""`openup import`: read a chat export, print what is in it, optionally write it out as rows."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer


def import_command(
    file: Annotated[
        Path, typer.Argument(help="The export: a .txt, .json, .zip, chat.db, .xml, .csv or a folder.")
    ],
    format: Annotated[
        str | None,
        typer.Option("--format", help="Override format detection (whatsapp, telegram, signal, ...)."),
    ] = None,
    me: Annotated[
        str | None, typer.Option("--me", help="Your own name (or id) as it appears in the chat.")
    ] = None,
    tz: Annotated[
        str | None, typer.Option("--tz", help="Time zone of the export's local times, e.g. Europe/Berlin.")
    ] = None,
    dayfirst: Annotated[
        bool | None,
        typer.Option(
            "--dayfirst/--monthfirst", help="Day/month order of WhatsApp dates, when the file cannot tell."
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the messages to X.jsonl, X.csv or X.parquet.")
    ] = None,
    chat: Annotated[
        str | None, typer.Option("--chat", help="In an export of several chats: the one to read (name or id).")
    ] = None,
) -> None:
    """Read a chat export from any of nine apps and show who said how much, when, and what was skipped."""
    from openup.chats import ImportReport, load_chat, load_for_output
    from openup.chats.output import check_output_path, write_messages
    from openup.chats.summary import Summary
    from openup.commands.progress import progress_bar

    if out is not None:
        if out.suffix.lower() == ".parquet":
            # Arrow's default pool keeps ~20 MB it no longer needs; the system allocator hands it back.
            os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
        check_output_path(out)
        report = ImportReport()
        summary = Summary()
        with progress_bar() as bar:
            read = bar.bytes_read(f"Reading {file.name}")
            messages = load_for_output(
                file, format=format, me=me, tz=tz, dayfirst=dayfirst, report=report, chat=chat, progress=read
            )
            n = write_messages(messages, out, summary)
        summary.finish(report)
        if report.me is not None and summary.me_messages == 0:
            summary.warnings.append(f"No message is from {report.me!r}; check the spelling of --me.")
        lines = [*summary.lines(), f"wrote {n} messages to {out}"]
    else:
        with progress_bar() as bar:
            read = bar.bytes_read(f"Reading {file.name}")
            conv = load_chat(file, format=format, me=me, tz=tz, dayfirst=dayfirst, chat=chat, progress=read)
        lines = Summary.of(conv).lines()
    for line in lines:
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add `openup import` to the CLI."""
    app.command("import")(import_command)
