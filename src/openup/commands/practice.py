"""`openup practice`: the two-week program in the terminal: today's exercise, the journal, reminders.

    openup practice                      # today's exercise (the program starts the first time you run it)
    openup practice journal "I asked about her interview and we talked for an hour" --mood 4
    openup practice entries              # the journal, newest first
    openup practice ics --at 20:00       # practice.ics: one reminder a day, for any calendar
    openup practice export --format md   # everything, as Markdown (or json)
    openup practice delete --yes         # delete the journal
"""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Annotated

import typer

practice_app = typer.Typer(help="The two-week practice: an exercise a day and a private journal.",
                           invoke_without_command=True, no_args_is_help=False)

DataDir = Annotated[Path | None, typer.Option("--data-dir", help="Folder of the journal (default: "
                                              "$OPENUP_DATA_DIR, else your user data folder).")]
Encrypted = Annotated[bool, typer.Option("--encrypted", help="The journal is encrypted: ask for its passphrase "
                                         "(a new journal is created encrypted).")]


def _open(data_dir: Path | None, encrypted: bool):  # type: ignore[no-untyped-def]
    from openup.practice import Journal, default_folder

    passphrase = typer.prompt("Journal passphrase", hide_input=True) if encrypted else None
    return Journal(default_folder(data_dir), passphrase=passphrase)


@practice_app.callback()
def today_command(
    ctx: typer.Context,
    data_dir: DataDir = None,
    encrypted: Encrypted = False,
) -> None:
    """Today's exercise."""
    if ctx.invoked_subcommand is not None:
        return
    from openup.method import principles
    from openup.practice import current

    with _open(data_dir, encrypted) as journal:
        now = current(journal)
    day = now.day
    typer.echo(f"Day {now.number} of 14 \u00b7 {principles()[day.principle].name}")
    typer.echo(f"\n{day.title}\n{day.exercise}\nFor example: {day.example}")
    if now.paused:
        typer.echo("\nYour recent journal entries mention things that can be signs of abuse or crisis, so this "
                   "exercise is paused. `openup safety` shows where to get help.")


@practice_app.command("journal")
def journal_command(
    text: Annotated[str, typer.Argument(help="What you did, how your partner responded, any small step.")],
    mood: Annotated[int | None, typer.Option("--mood", help="How you feel, 1 (low) to 5 (good).")] = None,
    on: Annotated[str | None, typer.Option("--date", help="The day it is about (YYYY-MM-DD; default today).")] = None,
    country: Annotated[str | None, typer.Option(help="Two-letter country code for help lines.")] = None,
    data_dir: DataDir = None,
    encrypted: Encrypted = False,
) -> None:
    """Write today's journal entry (it is screened for safety, and saved only on this computer)."""
    from openup.coach.safety import assess
    from openup.commands.render import console, print_safety

    with _open(data_dir, encrypted) as journal:
        entry = journal.add(text, on, mood, country=country)
    typer.echo(f"Saved entry {entry.id} for {entry.day}.")
    if entry.safety != "none":
        print_safety(console(), assess(text, country=country))


@practice_app.command("entries")
def entries_command(data_dir: DataDir = None, encrypted: Encrypted = False) -> None:
    """The journal, newest first."""
    with _open(data_dir, encrypted) as journal:
        for e in journal.entries():
            typer.echo(f"{e.day}" + (f" \u00b7 mood {e.mood}/5" if e.mood else "") + f"\n  {e.text}")


@practice_app.command("ics")
def ics_command(
    at: Annotated[str, typer.Option("--at", help="Time of the daily reminder, HH:MM.")] = "20:00",
    out: Annotated[Path, typer.Option("--out", help="File to write.")] = Path("practice.ics"),
    data_dir: DataDir = None,
    encrypted: Encrypted = False,
) -> None:
    """Write a calendar file with one reminder a day for the fourteen days."""
    from openup.errors import UserError
    from openup.practice import ics

    try:
        when = time.fromisoformat(at)
    except ValueError:
        raise UserError(f"--at {at!r} is not a time; write it as HH:MM, e.g. 20:00.") from None
    with _open(data_dir, encrypted) as journal:
        out.write_bytes(ics(journal.started(), when))
    typer.echo(f"Wrote {out}: open it with your calendar to get a reminder each day at {at}.")


@practice_app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", help="json or md.")] = "json",
    data_dir: DataDir = None,
    encrypted: Encrypted = False,
) -> None:
    """Print everything in the journal, as JSON or Markdown."""
    from openup.errors import UserError
    from openup.practice.journal import dumps

    if fmt not in ("json", "md"):
        raise UserError(f"--format {fmt!r}: choose json or md.")
    with _open(data_dir, encrypted) as journal:
        typer.echo(dumps(journal) if fmt == "json" else journal.export_markdown())


@practice_app.command("delete")
def delete_command(
    yes: Annotated[bool, typer.Option("--yes", help="Really delete the journal.")] = False,
    data_dir: DataDir = None,
    encrypted: Encrypted = False,
) -> None:
    """Delete the journal and everything in it."""
    from openup.errors import UserError

    if not yes:
        raise UserError("This deletes your whole journal; run it again with --yes to go ahead.")
    journal = _open(data_dir, encrypted)
    journal.delete_all()
    typer.echo("The journal is deleted.")


def register(app: typer.Typer) -> None:
    app.add_typer(practice_app, name="practice")
