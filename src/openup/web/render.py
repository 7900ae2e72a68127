"""Rendering a page: the template, the CSRF token, the navigation and the principles' names."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from openup.errors import UserError

MAX_TEXT = 20_000  # characters in one draft or message: more is refused with a sentence, not read
PAGES = (("/", "Check a draft"), ("/reply", "Reply"), ("/chats", "Our chats"), ("/practice", "Practice"),
         ("/safety", "Safety and help"))


@cache
def principle_names() -> dict[str, str]:
    from openup.method import principles

    return {pid: p.name for pid, p in principles().items()}


def page(request: Request, name: str, title: str, **context: Any) -> HTMLResponse:
    state = request.app.state
    values = {"title": title, "csrf": state.guard.token, "pages": PAGES, "path": request.url.path,
              "principle_names": principle_names(), "discreet": state.discreet, **context}
    response: HTMLResponse = state.templates.TemplateResponse(request, name, values)
    return response


async def json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if len(raw) > 4 * MAX_TEXT:
        raise UserError("That is too long to read here; keep it under 20,000 characters.")
    try:
        body = json.loads(raw or b"{}")
    except ValueError:
        raise UserError("The request was not JSON.") from None
    if not isinstance(body, dict):
        raise UserError("The request was not a JSON object.")
    return body


def country_of(body: dict[str, Any]) -> str | None:
    country = body.get("country")
    return str(country) if isinstance(country, str) and country.strip() else None


def text_of(body: dict[str, Any]) -> str:
    text = body.get("text")
    if not isinstance(text, str):
        raise UserError("Give the text to read as a string under \"text\".")
    if len(text) > MAX_TEXT:
        raise UserError("That is too long to read here; keep it under 20,000 characters.")
    return text


async def text_and_country(request: Request) -> tuple[str, str | None]:
    body = await json_body(request)
    return text_of(body), country_of(body)
