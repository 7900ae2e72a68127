"""Our chats: upload an export, follow its analysis, open or save the report."""

from __future__ import annotations

import threading

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from openup.errors import UserError
from openup.web import chats
from openup.web.render import page

router = APIRouter()


@router.get("/chats", response_class=HTMLResponse)
def chats_page(request: Request) -> HTMLResponse:
    return page(request, "chats.html", "Our chats", limit_mb=chats.MAX_UPLOAD // (1024 * 1024))


@router.post("/api/chats")
async def api_upload(request: Request, name: str = "export", me: str | None = None, chat: str | None = None,
                     country: str | None = None) -> Response:
    jobs: chats.Jobs = request.app.state.jobs
    job = jobs.new(name)
    path = job.folder / job.name
    size = 0
    with open(path, "wb") as fh:
        async for chunk in request.stream():
            size += len(chunk)
            if size > chats.MAX_UPLOAD:
                break
            fh.write(chunk)
    if size > chats.MAX_UPLOAD:
        jobs.forget(job.id)
        mb = chats.MAX_UPLOAD // (1024 * 1024)
        return JSONResponse({"error": f"That file is over {mb} MB; export the chat without media."}, status_code=413)
    if size == 0:
        jobs.forget(job.id)
        raise UserError("The file is empty; choose a chat export.")
    threading.Thread(target=chats.run, args=(job, path, me or None, chat or None, country or None),
                     daemon=True).start()
    return JSONResponse(job.to_dict(), status_code=202)


@router.get("/api/chats/{job_id}")
def api_job(request: Request, job_id: str) -> Response:
    job = request.app.state.jobs.get(job_id)
    if job.state == "done" and not job.shared:  # the practice puts this chat's priorities first
        import json

        from openup.web.routes_practice import journal

        with journal(request) as j:
            j.set("priorities", ",".join(job.priorities))
            j.set("weekly", json.dumps(job.weekly))  # kept in the (optionally encrypted) journal only
        job.shared = True
    return JSONResponse(job.to_dict())


@router.get("/chats/{job_id}/report")
def chat_report(request: Request, job_id: str, download: bool = False) -> Response:
    """The report, under its own policy: nothing runs or loads but its own hashed style and script."""
    job = request.app.state.jobs.get(job_id)
    if job.state != "done":
        raise UserError("That report is not ready yet.")
    from openup.analysis.report.html import report_policy

    html = (job.folder / "report" / "report.html").read_text(encoding="utf-8")
    headers = {"content-security-policy": report_policy() + "; frame-ancestors 'none'"}
    if download:
        headers["content-disposition"] = 'attachment; filename="openup-report.html"'
    return HTMLResponse(html, headers=headers)
