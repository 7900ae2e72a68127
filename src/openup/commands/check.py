"""`openup check`: review a draft before you send or say it."""

from __future__ import annotations

from typing import Annotated

import typer

from openup.commands.render import console, highlight, print_json, print_safety, print_unread, read_text_arg


def check_command(
    text: Annotated[str | None, typer.Argument(help="The draft; omit or '-' to read standard input.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the review as JSON.")] = False,
    country: Annotated[str | None, typer.Option(help="Two-letter country code for help lines.")] = None,
    no_model: Annotated[bool, typer.Option("--no-model", help="Use the lexical tier only.")] = False,
) -> None:
    """Check a draft message: flags tied to the method's principles, and a better wording."""
    from rich.markup import escape

    from openup.coach.review import check
    from openup.method import principles

    review = check(read_text_arg(text, "draft"), country=country, model=False if no_model else None)
    if as_json:
        print_json(review.to_dict())
        return
    con = console()
    con.print(highlight(review.text, review.signals))
    print_unread(con, review.unread)
    con.print()
    print_safety(con, review.safety)
    names = principles()
    for fb in review.feedback:
        if fb.principle == "safety":
            continue
        mark = {"good": "[green]\u2714[/]", "low": "[yellow]\u2022[/]"}.get(fb.severity, "[red]\u2716[/]")
        con.print(f"{mark} [bold]{names[fb.principle].name}[/] [dim]({fb.principle})[/]")
        con.print(f"   {fb.message}", markup=False)
    if review.rewrite:
        con.print()
        con.print("[bold]Try instead:[/]")
        con.print(f"   {review.rewrite}", markup=False)
        for alt in review.alternatives:
            con.print("   [dim]or:[/] " + escape(alt))
    for note in review.notes:
        con.print("[dim]note: " + escape(note) + "[/]")
    if not review.rewrite and review.clean and review.safety.level == "none":
        done = "the English part of this draft" if review.unread else "this draft"
        con.print(f"[green]Nothing to change: {done} is kind and clear.[/]")


def register(app: typer.Typer) -> None:
    app.command("check")(check_command)
