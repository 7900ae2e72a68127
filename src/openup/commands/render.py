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

    from openup.coach.safety import Safety
    from openup.text.signal import Signal

STYLE = {"hurts": "bold red", "helps": "bold green", "neutral": "cyan", "safety": "bold white on red"}


def read_text_arg(text: str | None, what: str = "text") -> str:
    """The TEXT argument, or standard input when it is absent or '-'."""
    if text is not None and text != "-":
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
    """The calm safety section: why, and where to get help."""
    if safety.level == "none":
        return
    from rich.panel import Panel

    lines = [safety.message, ""]
    for r in safety.reasons:
        lines.append(f"  \u2022 {r.message} (\u201c{r.match}\u201d)")
    if safety.resources:
        lines.append("")
        lines.append("Where to get help:")
        for res in safety.resources:
            lines.append(f"  \u2022 {res.name}: {res.how_to_reach()}")
    title = "Safety first" if safety.level == "danger" else "A note on safety"
    border = "red" if safety.level == "danger" else "yellow"
    con.print(Panel("\n".join(lines), title=title, border_style=border), soft_wrap=False)


def print_json(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
