"""The pages that only show: check, reply, safety and help, and the neutral page of the quick exit."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from openup.web.render import page

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def check_page(request: Request) -> HTMLResponse:
    return page(request, "check.html", "Check a draft")


@router.get("/reply", response_class=HTMLResponse)
def reply_page(request: Request) -> HTMLResponse:
    return page(request, "reply.html", "Reply")


@router.get("/safety", response_class=HTMLResponse)
def safety_page(request: Request, country: str | None = None) -> HTMLResponse:
    from openup.coach.safety import countries, resolve_country, resources_for
    from openup.coach.screening import FREQUENCY, QUESTIONS

    code = resolve_country(country)
    return page(request, "safety.html", "Safety and help", country=code, countries=countries(),
                abuse=resources_for(code, crisis=False), crisis=resources_for(code, crisis=True),
                questions=QUESTIONS, frequency=FREQUENCY)


@router.get("/n", response_class=HTMLResponse)
def neutral_page(request: Request) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, "neutral.html", {})
    return response
