"""The app: pages and a small JSON API over the same library calls as the CLI."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from openup.errors import UserError
from openup.web.security import Guard, GuardMiddleware, local_hosts

MAX_TEXT = 20_000  # characters in one draft or message: more is refused with a sentence, not read
PAGES = (("/", "Check a draft"), ("/reply", "Reply"), ("/safety", "Safety and help"))


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Where the app keeps what it saves: `--data-dir`, else $OPENUP_DATA_DIR, else the user's data folder."""
    if explicit:
        return Path(explicit)
    if os.environ.get("OPENUP_DATA_DIR"):
        return Path(os.environ["OPENUP_DATA_DIR"])
    import platformdirs

    return Path(platformdirs.user_data_dir("openup", appauthor=False))


def create_app(*, host: str = "127.0.0.1", port: int = 8765, data: str | os.PathLike[str] | None = None,
               hosts: frozenset[str] | None = None) -> FastAPI:
    """The web app. `hosts` are the Host header values it answers (default: its own address)."""
    guard = Guard(hosts if hosts is not None else local_hosts(host, port))
    app = FastAPI(title="openup", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.guard = guard
    app.state.data_dir = data_dir(data)
    here = resources.files("openup.web")
    env = jinja2.Environment(loader=jinja2.PackageLoader("openup.web", "templates"), autoescape=True)
    templates = Jinja2Templates(env=env)  # autoescape everywhere: page text from a user is always text
    app.mount("/static", StaticFiles(directory=str(here.joinpath("static"))), name="static")

    from openup.method import principles

    names = {pid: p.name for pid, p in principles().items()}

    def page(request: Request, name: str, title: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"title": title, "csrf": guard.token, "pages": PAGES,
                                                          "path": request.url.path, "principle_names": names,
                                                          **context})

    @app.get("/", response_class=HTMLResponse)
    def check_page(request: Request) -> HTMLResponse:
        return page(request, "check.html", "Check a draft")

    @app.get("/reply", response_class=HTMLResponse)
    def reply_page(request: Request) -> HTMLResponse:
        return page(request, "reply.html", "Reply")

    @app.get("/safety", response_class=HTMLResponse)
    def safety_page(request: Request, country: str | None = None) -> HTMLResponse:
        from openup.coach.safety import countries, resolve_country, resources_for
        from openup.coach.screening import FREQUENCY, QUESTIONS

        code = resolve_country(country) if country else resolve_country(None)
        return page(request, "safety.html", "Safety and help", country=code, countries=countries(),
                    abuse=resources_for(code, crisis=False), crisis=resources_for(code, crisis=True),
                    questions=QUESTIONS, frequency=FREQUENCY)

    @app.get("/n", response_class=HTMLResponse)
    def neutral_page(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(request, "neutral.html", {})

    @app.post("/api/check")
    async def api_check(request: Request) -> Response:
        from openup.coach.review import check

        text, country = await _text_and_country(request)
        return JSONResponse(check(text, country=country).to_dict())

    @app.post("/api/reply")
    async def api_reply(request: Request) -> Response:
        from openup.coach.listen import reply

        text, country = await _text_and_country(request)
        return JSONResponse(reply(text, country=country).to_dict())

    @app.post("/api/safety/screen")
    async def api_screen(request: Request) -> Response:
        from openup.coach.screening import score

        body = await _json(request)
        answers = body.get("answers")
        if not isinstance(answers, list):
            raise UserError("Give the five answers as a list, e.g. [1, 2, 1, 3, \"no\"].")
        return JSONResponse(score([str(a) for a in answers], country=_country(body)).to_dict())

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> Response:
        return JSONResponse({"error": str(exc)}, status_code=400)

    return GuardMiddleware(app, guard)  # type: ignore[return-value]


async def _json(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if len(raw) > 4 * MAX_TEXT:
        raise UserError("That is too long to read here; keep it under 20,000 characters.")
    try:
        import json

        body = json.loads(raw or b"{}")
    except ValueError:
        raise UserError("The request was not JSON.") from None
    if not isinstance(body, dict):
        raise UserError("The request was not a JSON object.")
    return body


def _country(body: dict[str, Any]) -> str | None:
    country = body.get("country")
    return str(country) if isinstance(country, str) and country.strip() else None


async def _text_and_country(request: Request) -> tuple[str, str | None]:
    body = await _json(request)
    text = body.get("text")
    if not isinstance(text, str):
        raise UserError("Give the text to read as a string under \"text\".")
    if len(text) > MAX_TEXT:
        raise UserError("That is too long to read here; keep it under 20,000 characters.")
    return text, _country(body)
