"""The app: the pages and a small JSON API, one router per part, over the same library calls as the CLI."""

from __future__ import annotations

import os
from importlib import resources

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from openup.errors import UserError
from openup.web.security import Guard, GuardMiddleware, Lock, local_hosts


def create_app(*, host: str = "127.0.0.1", port: int = 8765, data: str | os.PathLike[str] | None = None,
               hosts: frozenset[str] | None = None, passphrase: str | None = None, discreet: bool = False,
               lock_after_s: float = 15 * 60) -> FastAPI:
    """The web app. `hosts` are the Host header values it answers (default: its own address);
    `passphrase` opens an encrypted journal (kept in this process's memory only, never written, and
    forgotten after `lock_after_s` without a request: the journal is then locked until it is given again);
    `discreet` gives every page a neutral title and no name."""
    from openup.practice import default_folder
    from openup.web import routes_api, routes_chats, routes_pages, routes_practice
    from openup.web.chats import Jobs

    guard = Guard(hosts if hosts is not None else local_hosts(host, port))
    app = FastAPI(title="openup", docs_url=None, redoc_url=None, openapi_url=None)
    env = jinja2.Environment(loader=jinja2.PackageLoader("openup.web", "templates"), autoescape=True)
    app.state.guard = guard
    app.state.data_dir = default_folder(data)
    app.state.lock = Lock(passphrase, lock_after_s)
    app.state.discreet = discreet
    app.state.templates = Jinja2Templates(env=env)  # autoescape everywhere: what a user wrote is text
    app.state.jobs = Jobs()
    app.router.on_shutdown.append(app.state.jobs.close)
    app.mount("/static", StaticFiles(directory=str(resources.files("openup.web").joinpath("static"))), name="static")
    for module in (routes_pages, routes_api, routes_practice, routes_chats):
        app.include_router(module.router)

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> Response:
        return JSONResponse({"error": str(exc)}, status_code=400)

    return GuardMiddleware(app, guard)  # type: ignore[return-value]
