"""`openup safety`: the abuse screening questionnaire, or a safety screen of one text.

    openup safety                        # answer five questions in the terminal
    openup safety --answers 1,2,1,3,no   # the same, non-interactive
    openup safety --text "he checks my phone every night" --country GB --json

Library imports stay inside the command so `openup --help` starts fast.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from openup.coach.safety import Resource, Safety
    from openup.coach.screening import ScreenResult


def _ask() -> list[str]:
    """Ask the five questions on the terminal; re-ask until an answer is valid."""
    from openup.coach.screening import QUESTIONS, parse_frequency, parse_yesno
    from openup.errors import UserError

    typer.echo("Five short questions about the last year. Your answers stay on this computer.")
    typer.echo("Answer 1 never, 2 rarely, 3 sometimes, 4 fairly often, 5 frequently; the last, yes or no.\n")
    answers: list[str] = []
    for n, q in enumerate(QUESTIONS, 1):
        hint = "1-5" if q.answer == "frequency" else "yes/no"
        while True:
            raw = str(typer.prompt(f"{n}. {q.text} [{hint}]", prompt_suffix=" ")).strip()
            try:
                if q.answer == "frequency":
                    parse_frequency(raw, q)
                else:
                    parse_yesno(raw, q)
            except UserError as exc:
                typer.echo(str(exc))
                continue
            answers.append(raw)
            break
    typer.echo()
    return answers


def _para(text: str, indent: str = "") -> None:
    import textwrap

    typer.echo(textwrap.fill(text, width=88, initial_indent=indent, subsequent_indent=" " * len(indent)))


def _print_section(level: str, message: str, reasons: Sequence[str], resources: Sequence[Resource]) -> None:
    from openup.commands.render import console, print_safety_section

    print_safety_section(console(), level, message, reasons, [(r.name, r.how_to_reach()) for r in resources])


def _print_screen(result: ScreenResult) -> None:
    from openup.coach.screening import CUTOFF, SOURCE

    verdict = "a positive screen" if result.flagged else "below the cut-off"
    typer.echo(f"Score {result.total} of 20 (above {CUTOFF} is a positive screen): {verdict}.")
    if result.fear:
        _para("You said you are afraid of your partner; that alone is reason to talk to someone.")
    if not result.flagged and result.level != "none":
        _para("You also said your partner has hurt you or threatened to harm you, which matters on its own.")
    typer.echo()
    _print_section(result.level, result.message, (), result.resources)
    _para(f"This is a screen, not a diagnosis. {SOURCE}")


def _print_safety(verdict: Safety) -> None:
    reasons = [f"{r.message} (\u201c{r.match}\u201d)" for r in verdict.reasons]
    _print_section(verdict.level, verdict.message, reasons, verdict.resources)


def safety_command(
    answers: Annotated[
        str | None,
        typer.Option(help="Five answers without prompting: four numbers 1-5, then yes/no, e.g. 1,2,1,3,no."),
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="Screen this text, not the questions.")] = None,
    country: Annotated[str | None, typer.Option(help="Two-letter country code for help lines (GB).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Screen for abuse or crisis: a five-question check, or one text. Shows where to get help."""
    from openup.coach.safety import assess, resolve_country
    from openup.commands.render import print_json
    from openup.errors import UserError

    if text is not None and answers is not None:
        raise UserError("Use either --text or --answers, not both.")
    code = resolve_country(country)
    if text is not None:
        if not text.strip():
            raise UserError("The --text value is empty; give the message to screen.")
        verdict = assess(text, country=code)
        if as_json:
            print_json(verdict.to_dict())
            return
        _print_safety(verdict)
        return

    from openup.coach.screening import parse_answers, score

    if answers is not None:
        items = parse_answers(answers)
    elif sys.stdin is not None and sys.stdin.isatty():
        items = _ask()
    else:
        raise UserError(
            "No answers given: use --answers 1,2,1,3,no (four numbers 1-5, then yes or no), "
            "or run in a terminal."
        )
    result = score(items, country=code)
    if as_json:
        print_json(result.to_dict())
    else:
        _print_screen(result)


def register(app: typer.Typer) -> None:
    app.command("safety")(safety_command)
