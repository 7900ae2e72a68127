"""`openup reply`: your partner shared something; what you heard, and what to say back."""

from __future__ import annotations

from typing import Annotated

import typer

from openup.commands.render import console, print_json, print_safety, print_unread, read_text_arg


def reply_command(
    text: Annotated[
        str | None, typer.Argument(help="What your partner said; omit or '-' to read standard input.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the coaching as JSON.")] = False,
    country: Annotated[str | None, typer.Option(help="Two-letter country code for help lines.")] = None,
    no_llm: Annotated[
        bool, typer.Option("--no-llm", help="Use the templates even if an LLM is set up.")
    ] = False,
) -> None:
    """Coach a reply to what your partner said: reflect, validate, ask, and what to hold back from."""
    from rich.markup import escape

    from openup.coach.listen import reply

    result = reply(read_text_arg(text, "message"), country=country, llm=False if no_llm else None)
    if as_json:
        print_json(result.to_dict())
        return
    con = console()
    if result.unread:
        print_unread(con, result.unread)
        con.print()
    print_safety(con, result.safety)
    heard = result.heard
    if result.suggestions:
        con.print("[bold]What you heard[/]")
        if result.brief:
            con.print("   " + escape(result.brief.heard))
        else:
            if heard.event or heard.complaint:
                con.print("   " + escape(str(heard.event or heard.complaint)))
            if heard.feelings:
                words = [f.word + ("" if f.source == "named" else " (likely)") for f in heard.feelings]
                con.print("   [dim]feelings:[/] " + escape(", ".join(words)))
            for thought in heard.thoughts:
                con.print("   [dim]thinks:[/] " + escape(thought))
        con.print()
        for s in result.suggestions:
            con.print(f"[green]\u2714[/] [bold]{escape(s.title or s.move)}[/] [dim]({s.principle})[/]")
            con.print(f"   {s.text}", markup=False)
        con.print()
    if result.avoid:
        con.print("[bold]Hold back from[/]")
        for a in result.avoid:
            con.print(f"[yellow]\u2022[/] {escape(a.text)} [dim]({a.principle})[/]")
    for note in result.notes:
        con.print(f"[dim]note: {escape(note)}[/]")


def register(app: typer.Typer) -> None:
    app.command("reply")(reply_command)
