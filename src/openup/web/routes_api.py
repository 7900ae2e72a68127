"""The JSON API of check, reply and the questionnaire: the same answers as `--json` on the command line."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from openup.errors import UserError
from openup.web.render import country_of, json_body, text_and_country, text_of

router = APIRouter()


@router.post("/api/check")
async def api_check(request: Request) -> Response:
    from openup.coach.review import check

    text, country = await text_and_country(request)
    return JSONResponse(check(text, country=country).to_dict())


@router.post("/api/reply")
async def api_reply(request: Request) -> Response:
    from openup.coach.listen import reply

    body = await json_body(request)
    raw = body.get("recent")
    # The wordings of the previous answer in this tab: none is offered again back to back.
    recent = tuple(w for w in raw[:12] if isinstance(w, str) and len(w) < 300) if isinstance(raw, list) else ()
    return JSONResponse(reply(text_of(body), country=country_of(body), recent=recent).to_dict())


@router.post("/api/safety/screen")
async def api_screen(request: Request) -> Response:
    from openup.coach.screening import score

    body = await json_body(request)
    answers = body.get("answers")
    if not isinstance(answers, list):
        raise UserError("Give the five answers as a list, e.g. [1, 2, 1, 3, \"no\"].")
    return JSONResponse(score([str(a) for a in answers], country=country_of(body)).to_dict())
