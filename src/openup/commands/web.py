"""`openup web`: the local web app (what `make run` starts)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import typer


def browser_off(env: Mapping[str, str]) -> bool:
    """Whether OPENUP_NO_BROWSER asks `openup web` not to open a browser (any value but "", "0", "false", "no")."""
    return env.get("OPENUP_NO_BROWSER", "").strip().lower() not in ("", "0", "false", "no")


def web_command(
    port: Annotated[int, typer.Option("--port", help="Port on this computer.")] = 8765,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; anything but 127.0.0.1 is "
                                      "reachable from other machines.")] = "127.0.0.1",
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open a browser (also when "
                                             "OPENUP_NO_BROWSER=1 is set).")] = False,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="Folder for what the app saves "
                                                   "(default: $OPENUP_DATA_DIR, else your user data folder).")] = None,
    encrypted: Annotated[bool, typer.Option("--encrypted", help="Ask for the journal's passphrase (kept in memory "
                                            "only; a new journal is created encrypted).")] = False,
    discreet: Annotated[bool, typer.Option("--discreet", help="A neutral page title and icon, no name.")] = False,
) -> None:
    """Open openup in your browser: check, reply, safety and help. Everything stays on this computer."""
    import threading
    import webbrowser

    import uvicorn

    from openup.errors import UserError
    from openup.web import create_app

    if not 0 < port < 65536:
        raise UserError(f"--port {port} is not a port; choose one from 1 to 65535, e.g. 8765.")
    if host not in ("127.0.0.1", "localhost"):
        typer.echo(f"Warning: listening on {host}, so other machines on the network can reach openup.", err=True)
    passphrase = typer.prompt("Journal passphrase", hide_input=True) if encrypted else None
    app = create_app(host=host, port=port, data=data_dir, passphrase=passphrase, discreet=discreet)
    url = f"http://127.0.0.1:{port}/" if host in ("127.0.0.1", "localhost") else f"http://{host}:{port}/"
    typer.echo(f"openup is running at {url} (Ctrl+C to stop).")
    if not no_browser and not browser_off(os.environ):
        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    except OSError as exc:
        raise UserError(f"Cannot listen on {host}:{port}: {exc.strerror or exc}. Try another --port.") from None


def register(app: typer.Typer) -> None:
    app.command("web")(web_command)
