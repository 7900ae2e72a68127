"""The app: pages and a small JSON API over the same library calls as the CLI."""

from __future__ import annotations

import os
from datetime import date, time
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
PAGES = (("/", "Check a draft"), ("/reply", "Reply"), ("/chats", "Our chats"), ("/practice", "Practice"),
         ("/safety", "Safety and help"))


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Where the app keeps what it saves: `--data-dir`, else $OPENUP_DATA_DIR, else the user's data folder."""
    if explicit:
        return Path(explicit)
    if os.environ.get("OPENUP_DATA_DIR"):
        return Path(os.environ["OPENUP_DATA_DIR"])
    import platformdirs

    return Path(platformdirs.user_data_dir("openup", appauthor=False))


def create_app(*, host: str = "127.0.0.1", port: int = 8765, data: str | os.PathLike[str] | None = None,
               hosts: frozenset[str] | None = None, passphrase: str | None = None) -> FastAPI:
    """The web app. `hosts` are the Host header values it answers (default: its own address);
    `passphrase` opens an encrypted journal (kept in this process's memory only, never written)."""
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

    def journal() -> Any:
        from openup.practice import Journal

        return Journal(app.state.data_dir, passphrase=passphrase)

    def started(j: Any) -> date:
        value = j.setting("start")
        if value is None:
            value = date.today().isoformat()
            j.set("start", value)
        return date.fromisoformat(value)

    def today_of(j: Any) -> dict[str, Any]:
        from openup.practice import today

        n, day = today(started(j))
        paused = day.vulnerable and any(e.safety != "none" for e in j.entries()[:5])
        return {"day": n, "principle": day.principle, "title": day.title, "exercise": day.exercise,
                "example": day.example, "paused": paused}

    @app.get("/practice", response_class=HTMLResponse)
    def practice_page(request: Request) -> HTMLResponse:
        from openup.method import principles

        with journal() as j:
            now = today_of(j)
            entries = [e.to_dict() for e in j.entries()[:14]]
        return page(request, "practice.html", "Practice", today=now, entries=entries,
                    principle=principles()[now["principle"]].name)

    @app.get("/api/practice/today")
    def api_today() -> Response:
        with journal() as j:
            now = today_of(j)
        return JSONResponse({k: now[k] for k in ("day", "principle", "exercise", "example", "title", "paused")})

    @app.get("/practice.ics")
    def practice_ics(at: str = "20:00") -> Response:
        from openup.practice import ics

        try:
            when = time.fromisoformat(at)
        except ValueError:
            raise UserError(f"{at!r} is not a time; write it as HH:MM, e.g. 20:00.") from None
        with journal() as j:
            body = ics(started(j), when)
        return Response(body, media_type="text/calendar",
                        headers={"content-disposition": 'attachment; filename="openup-practice.ics"'})

    @app.get("/api/journal")
    def api_entries() -> Response:
        with journal() as j:
            return JSONResponse([e.to_dict() for e in j.entries()])

    @app.post("/api/journal")
    async def api_add(request: Request) -> Response:
        body = await _json(request)
        mood = body.get("mood")
        with journal() as j:
            entry = j.add(body.get("text"), body.get("date"), mood if mood not in ("", None) else None,
                          country=_country(body))
        return JSONResponse({"id": entry.id, "safety": entry.safety}, status_code=201)

    from openup.web import chats

    jobs = chats.Jobs()
    app.state.jobs = jobs
    app.router.on_shutdown.append(jobs.close)

    @app.get("/chats", response_class=HTMLResponse)
    def chats_page(request: Request) -> HTMLResponse:
        return page(request, "chats.html", "Our chats", limit_mb=chats.MAX_UPLOAD // (1024 * 1024))

    @app.post("/api/chats")
    async def api_upload(request: Request, name: str = "export", me: str | None = None, chat: str | None = None,
                         country: str | None = None) -> Response:
        import threading

        job = jobs.new(name)
        path = job.folder / job.name
        size = 0
        with open(path, "wb") as fh:
            async for chunk in request.stream():
                size += len(chunk)
                if size > chats.MAX_UPLOAD:
                    fh.close()
                    jobs.forget(job.id)
                    mb = chats.MAX_UPLOAD // (1024 * 1024)
                    return JSONResponse({"error": f"That file is over {mb} MB; export the chat without media."},
                                        status_code=413)
                fh.write(chunk)
        if size == 0:
            jobs.forget(job.id)
            raise UserError("The file is empty; choose a chat export.")
        threading.Thread(target=chats.run, args=(job, path, me or None, chat or None, country or None),
                         daemon=True).start()
        return JSONResponse(job.to_dict(), status_code=202)

    @app.get("/api/chats/{job_id}")
    def api_job(job_id: str) -> Response:
        return JSONResponse(jobs.get(job_id).to_dict())

    @app.get("/chats/{job_id}/report")
    def chat_report(job_id: str, download: bool = False) -> Response:
        import re
        from html import unescape

        job = jobs.get(job_id)
        if job.state != "done":
            raise UserError("That report is not ready yet.")
        html = (job.folder / "report" / "report.html").read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        headers = {"content-security-policy": (unescape(policy.group(1)) if policy else "default-src 'none'")
                   + "; frame-ancestors 'none'"}
        if download:
            headers["content-disposition"] = 'attachment; filename="openup-report.html"'
        return HTMLResponse(html, headers=headers)

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
