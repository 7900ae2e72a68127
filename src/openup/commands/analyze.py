"""`openup analyze`: the method's measures over a chat export, as a report you can open offline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from openup.commands.progress import progress_bar
from openup.commands.render import console, print_json
from openup.errors import UserError

# How the bar names and counts each stage of `openup.analysis.analyze`.
STAGES = {"detect": ("Reading messages", "messages"), "measure": ("Measuring", "measures")}

if TYPE_CHECKING:
    from rich.console import Console

    from openup.analysis import Analysis
    from openup.chats import Conversation


def _ask_me(conv: Conversation) -> str | None:
    """Ask which participant the user is, when that is unclear and someone can answer."""
    if conv.me or any(m.is_me for m in conv.messages):
        return None
    people = [p for p, _ in conv.people().most_common()]
    if len(people) < 2 or sys.stdin is None or not sys.stdin.isatty():
        return None  # analyze() explains what to pass
    for n, p in enumerate(people[:9], 1):
        typer.echo(f"  {n}. {p}")
    choice = typer.prompt("Which of these people are you? (number)", type=int)
    if not 1 <= choice <= min(len(people), 9):
        raise UserError(f"Choose a number from 1 to {min(len(people), 9)}, or pass --me NAME.")
    return people[choice - 1]


def _summary(con: Console, a: Analysis, paths: dict[str, Path]) -> None:
    from rich.markup import escape

    from openup.method import principles

    s = a.summary()
    if a.safety.level != "none":
        from openup.commands.render import print_safety_section

        help_lines = [(r.name, r.how_to_reach()) for r in a.safety.resources]
        print_safety_section(con, a.safety.level, a.safety.message or "Some messages show signs of danger.", (),
                             help_lines)
    who = f"you ({a.me}) and {a.partner}" if a.partner else f"you ({a.me})"
    con.print(f"[bold]{s['messages']:,} messages[/] between {escape(who)} over {s['weeks']} week(s).")
    for note in [*dict.fromkeys(a.limits.values()), *a.notes]:
        con.print(f"[dim]\u2022 {escape(note)}[/]")
    if a.partner and "all" not in a.limits:
        ratio = s["appreciation_to_criticism"]
        con.print(
            f"  Your appreciation to criticism: {s['appreciation']} : {s['criticism']}"
            + (f" ({ratio:g} to 1; about {s['reference_ratio']:g} to 1 is the mark)" if ratio is not None else "")
        )
        if s["turn_toward_pct"] is not None:
            ref = s["reference_turn_toward_pct"]
            con.print(
                f"  You turned toward {s['turn_toward_pct']:g}% of {escape(a.partner)}'s bids "
                f"(couples who stayed together: about {ref['stayed_together']:g}%; who split: about {ref['split']:g}%)"
            )
        pw = s["pursue_withdraw"]
        if pw["pursuer"]:
            con.print(
                f"  Pursue-withdraw: {pw['cycle_weeks']} week(s) where {escape(str(pw['pursuer']))} pursued "
                f"and {escape(str(pw['withdrawer']))} pulled back"
            )
    names = principles()
    if a.priorities:
        con.print("\n[bold]Three things to work on first[/]")
        for n, f in enumerate(a.priorities, 1):
            con.print(f" {n}. [bold]{escape(names[f.principle].name)}[/] [dim]({f.principle})[/]")
            con.print(f"    {escape(f.finding)}")
    con.print()
    for label, path in paths.items():
        con.print(f"[green]{label}:[/] {escape(str(path))}")


def analyze_command(
    file: Annotated[Path, typer.Argument(help="A chat export: file, zip or folder.")],
    me: Annotated[str | None, typer.Option("--me", help="Your name as it appears in the chat.")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for report.html, metrics.json, messages.csv.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only messages from this date on (YYYY-MM-DD).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print metrics.json to standard output.")] = False,
    country: Annotated[
        str | None, typer.Option("--country", help="Two-letter country code for help lines.")
    ] = None,
    partner: Annotated[
        str | None, typer.Option("--partner", help="In a group chat: the other person.")
    ] = None,
    no_model: Annotated[bool, typer.Option("--no-model", help="Use the lexical tier only.")] = False,
    chat: Annotated[
        str | None, typer.Option("--chat", help="In an export of several chats: the one to analyse (name or id).")
    ] = None,
) -> None:
    """Analyse a couple's chat: the method's measures over time, in a report you can open offline."""
    from openup.analysis import analyze, write_report
    from openup.analysis.pipeline import parse_since, require_one_chat
    from openup.chats import load_chat

    start = parse_since(since)
    con = console()
    with progress_bar() as bar:
        conv = load_chat(file, me=me, chat=chat, progress=bar.bytes_read(f"Reading {file.name}"))
    require_one_chat(conv, file.name)
    me = me or _ask_me(conv)
    with progress_bar() as bar:
        analysis = analyze(
            conv,
            me=me,
            partner=partner,
            since=start,
            model=False if no_model else None,
            country=country,
            progress=bar.stages(STAGES),
        )
    paths: dict[str, Path] = {}
    if out is not None or not as_json:
        paths = write_report(analysis, out or Path("openup-report"))
    if as_json:
        data: dict[str, Any] = analysis.to_dict()
        data["files"] = {k: str(v) for k, v in paths.items()}
        print_json(data)
        return
    _summary(con, analysis, paths)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_command)
