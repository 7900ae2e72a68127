"""`openup demo`: what `make run` shows on a fresh machine: a few drafts checked end to end."""

from __future__ import annotations

import typer

SAMPLE_DRAFTS = (
    "You never listen to me. You're so selfish.",
    "How was your day?",
    "How did you feel about the meeting with your boss?",
    "Calm down, it's not a big deal 🙄",
    "We need to talk. Answer me!",
    "At least you still have a job. You should just quit.",
    "It sounds like the meeting left you feeling really frustrated. What did your boss say?",
    "Thank you for making dinner tonight, it meant a lot to me.",
)


def demo_command() -> None:
    """Check a handful of sample drafts and show what openup says about each."""
    from rich.markup import escape
    from rich.rule import Rule

    from openup.coach.review import check
    from openup.commands.render import console, highlight

    con = console()
    con.print("[bold]openup demo[/]: each draft below is checked on this machine; nothing is sent anywhere.\n")
    for draft in SAMPLE_DRAFTS:
        review = check(draft)
        con.print(Rule())
        con.print(highlight(draft, review.signals))
        for fb in review.feedback:
            colour = "green" if fb.severity == "good" else "red"
            con.print(f"  [{colour}]{fb.principle}[/]: " + escape(fb.message))
        if review.rewrite:
            con.print("  [bold]Try instead:[/] " + escape(review.rewrite))
    con.print(Rule())
    con.print("Try your own: [bold].venv/bin/openup check \"your draft\"[/]")


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)
