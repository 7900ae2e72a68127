"""Terminal rendering shared by commands: highlighted spans and the safety section."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openup.errors import UserError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from openup.coach.language import Unread
    from openup.coach.safety import Safety
    from openup.text.signal import Signal

STYLE = {"hurts": "bold red", "helps": "bold green", "neutral": "cyan", "safety": "bold white on red"}


def read_text_arg(text: str | None, what: str = "text") -> str:
    """The TEXT argument, or standard input when it is absent or '-'. Either must be UTF-8 text: bytes that
    are not arrive in an argument as lone surrogates, which no reader can take."""
    if text is not None and text != "-":
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise UserError(f"The {what} given as an argument is not UTF-8 text.") from None
        return text
    if sys.stdin is None or sys.stdin.isatty():
        raise UserError(f"Give the {what} as an argument, or pipe it on standard input.")
    data = sys.stdin.buffer.read(2_000_001)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"The {what} on standard input is not UTF-8 text.") from None


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def highlight(text: str, signals: Sequence[Signal]) -> Text:
    """The text with each signal's span coloured by polarity (hurts red, helps green)."""
    from rich.text import Text

    from openup.method import kinds

    table = kinds()
    out = Text(text)
    for s in sorted(signals, key=lambda s: (table[s.kind].polarity == "hurts", table[s.kind].severity)):
        out.stylize(STYLE.get(table[s.kind].polarity, ""), s.start, s.end)
    return out


def print_safety(con: Console, safety: Safety) -> None:
    """The calm safety section of one text (`check`, `reply`, `safety --text`): why, and where to get help."""
    if safety.level == "none":
        return
    print_safety_section(con, safety.level, safety.message,
                         [f"{r.message} (\u201c{r.match}\u201d)" for r in safety.reasons],
                         [(res.name, res.how_to_reach()) for res in safety.resources])


def print_safety_section(
    con: Console, level: str, message: str, reasons: Sequence[str] = (), resources: Sequence[tuple[str, str]] = ()
) -> None:
    """The command line's one safety section, for a text, a chat or the questionnaire: a calm paragraph,
    the reasons, and the help lines (name, how to reach them), in a panel whose colour says the level.
    Chat text inside is never read as markup."""
    from rich.console import Group, RenderableType
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    def bullets(items: Sequence[str]) -> Table:
        grid = Table.grid(padding=(0, 1))  # wrapped lines stay under their bullet
        grid.add_column(width=3, justify="right")
        grid.add_column()
        for item in items:
            grid.add_row("\u2022", Text(item))
        return grid

    parts: list[RenderableType] = [Text(message)]
    if reasons:
        parts += [Text(), bullets(reasons)]
    if resources:
        # the name, then the ways to reach it on a line of their own, so a number is not split by wrapping
        parts += [Text(), Text("Where to get help:"), bullets([f"{name}:\n{how}" for name, how in resources])]
    title = "Safety first" if level == "danger" else "A note on safety" if level == "concern" else "Safety"
    border = "red" if level == "danger" else "yellow" if level == "concern" else "green"
    con.print(Panel(Group(*parts), title=title, border_style=border), soft_wrap=False)


def unread_line(part: Unread, width: int = 120) -> str:
    """One line saying what was not read and why: "Not read (not English): 'Je suis fatigué.'"."""
    quoted = " ".join(part.text.split())
    if len(quoted) > width:
        quoted = quoted[: width - 1].rstrip() + "\u2026"
    return f"Not read ({part.reason}): '{quoted}'"


def print_unread(con: Console, unread: Sequence[Unread]) -> None:
    """A line for each part of the text that was not read (not chat markup: printed as plain text)."""
    for part in unread:
        con.print(unread_line(part), style="yellow", markup=False, highlight=False)


def print_json(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
