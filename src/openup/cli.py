"""The `openup` command: a thin shell over the Python API.

Each command lives in `openup/commands/<name>.py` with a `register(app)` function, so commands stay
small and independent. No logic lives here: errors from the library become one sentence and exit 2.
"""

from __future__ import annotations

import importlib
import sys

import typer

from openup.errors import UserError

# Order is the order shown in --help; every module named here must exist.
COMMAND_MODULES = ("check", "reply", "imports", "analyze", "corpus", "safety", "practice", "web", "eval", "demo")

app = typer.Typer(
    name="openup",
    help="Create the conditions in which your partner opens up. Everything runs on your own machine.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_all() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"openup.commands.{name}").register(app)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; a UserError becomes one sentence on stderr and exit code 2.

    Usage errors (unknown option, missing argument) are reported by the command-line parser with
    exit code 2 as well.
    """
    _register_all()
    try:
        app(args=argv, prog_name="openup")
    except UserError as exc:
        from openup.commands.errors import sentence

        print(f"openup: {sentence(exc)}", file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        print("openup: interrupted.", file=sys.stderr)
        raise SystemExit(130) from None
    except BrokenPipeError:
        raise SystemExit(0) from None


if __name__ == "__main__":
    main()
