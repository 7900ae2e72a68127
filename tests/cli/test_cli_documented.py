"""Every command and every option of the CLI is documented in the README or docs/."""

from __future__ import annotations

from pathlib import Path

import typer.main

from openup import cli

ROOT = Path(__file__).resolve().parents[2]


def _documents() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def test_every_command_and_option_is_documented() -> None:
    cli._register_all()
    group = typer.main.get_command(cli.app)
    docs = _documents()
    missing = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if f"openup {name}" not in docs:
            missing.append(f"openup {name}")
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help" and opt not in docs:
                    missing.append(f"openup {name} {opt}")
    assert not missing, f"not in README.md or docs/: {missing}"
