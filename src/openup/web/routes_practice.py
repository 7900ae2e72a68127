"""The practice: today's exercise, the calendar file, and the journal."""

from __future__ import annotations

from datetime import time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from openup.errors import UserError
from openup.web.render import country_of, json_body, page

router = APIRouter()


def journal(request: Request) -> Any:
    from openup.practice import Journal

    return Journal(request.app.state.data_dir, passphrase=request.app.state.lock.passphrase())


def today_of(j: Any) -> dict[str, Any]:
    from openup.practice import current

    now = current(j)
    return {"day": now.number, "principle": now.day.principle, "title": now.day.title,
            "exercise": now.day.exercise, "example": now.day.example, "paused": now.paused}


def review_of(j: Any) -> dict[str, Any]:
    import json

    from openup.practice.review import review

    weekly = json.loads(j.setting("weekly") or "{}")
    return review(j.entries(), j.started(), weekly.get("rows", ()), weekly.get("me"))


@router.get("/practice", response_class=HTMLResponse)
def practice_page(request: Request) -> HTMLResponse:
    from openup.method import principles
    from openup.practice import JournalError

    try:
        opened = journal(request)
    except JournalError as exc:
        return page(request, "locked.html", "Practice", reason=str(exc))
    from openup.practice.review import MEASURES

    with opened as j:
        now = today_of(j)
        entries = [e.to_dict() for e in j.entries()[:14]]
        looked_back = review_of(j) if now["day"] >= 7 else None
    return page(request, "practice.html", "Practice", today=now, entries=entries,
                principle=principles()[now["principle"]].name, review=looked_back, measures=MEASURES)


@router.get("/api/practice/review")
def api_review(request: Request) -> Response:
    with journal(request) as j:
        return JSONResponse(review_of(j))


@router.get("/api/practice/today")
def api_today(request: Request) -> Response:
    with journal(request) as j:
        return JSONResponse(today_of(j))


@router.get("/practice.ics")
def practice_ics(request: Request, at: str = "20:00") -> Response:
    from openup.practice import ics

    try:
        when = time.fromisoformat(at)
    except ValueError:
        raise UserError(f"{at!r} is not a time; write it as HH:MM, e.g. 20:00.") from None
    with journal(request) as j:
        body = ics(j.started(), when)
    return Response(body, media_type="text/calendar",
                    headers={"content-disposition": 'attachment; filename="openup-practice.ics"'})


@router.post("/api/unlock")
async def api_unlock(request: Request) -> Response:
    """Open the encrypted journal again with its passphrase (checked by opening it)."""
    from openup.practice import Journal

    body = await json_body(request)
    passphrase = body.get("passphrase")
    if not isinstance(passphrase, str) or not passphrase:
        raise UserError("Enter the journal's passphrase.")
    Journal(request.app.state.data_dir, passphrase=passphrase).close()
    request.app.state.lock.unlock(passphrase)
    return JSONResponse({"unlocked": True})


@router.get("/api/journal/export")
def api_export(request: Request, format: str = "json") -> Response:
    """Everything in the journal, as a JSON or Markdown download."""
    from openup.practice.journal import dumps

    if format not in ("json", "md"):
        raise UserError("Choose json or md.")
    with journal(request) as j:
        body = dumps(j) if format == "json" else j.export_markdown()
    kind = "application/json" if format == "json" else "text/markdown"
    return Response(body, media_type=f"{kind}; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="openup-journal.{format}"'})


@router.post("/api/journal/delete")
def api_delete(request: Request) -> Response:
    """Delete the journal and everything in it (the practice starts again the next time it is opened)."""
    journal(request).delete_all()
    return JSONResponse({"deleted": True})


@router.get("/api/journal")
def api_entries(request: Request) -> Response:
    with journal(request) as j:
        return JSONResponse([e.to_dict() for e in j.entries()])


@router.post("/api/journal")
async def api_add(request: Request) -> Response:
    body = await json_body(request)
    mood = body.get("mood")
    with journal(request) as j:
        entry = j.add(body.get("text"), body.get("date"), None if mood in ("", None) else mood,
                      country=country_of(body))
    return JSONResponse({"id": entry.id, "safety": entry.safety}, status_code=201)
