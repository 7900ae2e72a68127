"""Our chats: an export dropped into the app is read and analysed in the background, with progress.

The upload is written to a private temporary folder (size-limited while it streams in), read by the same
safe loader as the CLI, analysed, and the report written beside it. The folder is removed when the job
is forgotten (after `KEEP_S`, when more than `MAX_JOBS` exist, or when the server stops); the person can
download the report to keep it.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openup.errors import UserError

MAX_UPLOAD = 512 * 1024 * 1024  # bytes
KEEP_S = 3600
MAX_JOBS = 4


@dataclass
class Job:
    id: str
    folder: Path
    name: str
    state: str = "reading"  # reading, measuring, done, need_me, error
    progress: float = 0.0
    error: str = ""
    people: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    priorities: list[str] = field(default_factory=list)  # the principles the analysis ranked first
    weekly: dict[str, Any] = field(default_factory=dict)  # the analysis's weekly rows, for the reviews
    shared: bool = False  # whether the practice has been told the priorities
    created: float = field(default_factory=time.monotonic)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "state": self.state, "progress": round(self.progress, 3),
                               "name": self.name}
        if self.error:
            out["error"] = self.error
        if self.people:
            out["people"] = self.people
        if self.state == "done":
            out["report"] = f"/chats/{self.id}/report"
            out["summary"] = self.summary
        return out


class Jobs:
    """The analyses this server is running or holds, by id."""

    def __init__(self) -> None:
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()

    def new(self, filename: str) -> Job:
        self.forget_old()
        job = Job(secrets.token_urlsafe(12), Path(tempfile.mkdtemp(prefix="openup-chat-")), _safe_name(filename))
        with self.lock:
            self.jobs[job.id] = job
        return job

    def get(self, job_id: str) -> Job:
        job = self.jobs.get(job_id)
        if job is None:
            raise UserError("That analysis is no longer here; drop the export again.")
        return job

    def forget(self, job_id: str) -> None:
        with self.lock:
            job = self.jobs.pop(job_id, None)
        if job is not None:
            shutil.rmtree(job.folder, ignore_errors=True)

    def forget_old(self) -> None:
        with self.lock:
            ordered = sorted(self.jobs.values(), key=lambda j: j.created)
            stale = [j for j in ordered if time.monotonic() - j.created > KEEP_S]
            stale += [j for j in ordered[: max(0, len(ordered) - MAX_JOBS + 1)] if j not in stale]
            for job in stale:
                if job.state not in ("reading", "measuring"):
                    self.jobs.pop(job.id, None)
                    shutil.rmtree(job.folder, ignore_errors=True)

    def close(self) -> None:
        with self.lock:
            for job in self.jobs.values():
                shutil.rmtree(job.folder, ignore_errors=True)
            self.jobs.clear()


def _safe_name(filename: str) -> str:
    """The upload's own name, reduced to its last part (it names the file in the temp folder)."""
    name = Path(filename.replace("\\", "/")).name.strip() or "export"
    return name[:120]


def run(job: Job, path: Path, me: str | None, chat: str | None, country: str | None) -> None:
    """Read and analyse one export (in a worker thread); the job records progress, result or error."""
    from openup.analysis import analyze, write_report
    from openup.analysis.pipeline import require_one_chat
    from openup.chats import load_chat
    from openup.errors import ParticipantNeeded

    def progress(stage: str, done: int, total: int) -> None:
        share = done / total if total else 1.0
        job.state = "measuring"
        job.progress = 0.1 + 0.85 * (share if stage == "detect" else 0.9 + 0.1 * share)

    try:
        conv = load_chat(path, me=me, chat=chat)
        require_one_chat(conv, job.name)
        job.progress = 0.1
        analysis = analyze(conv, me=me, country=country, progress=progress, workers=1)
        write_report(analysis, job.folder / "report", csv_file=False)
        job.summary = analysis.summary()
        job.priorities = [f.principle for f in analysis.priorities]
        job.weekly = {"me": analysis.me, "rows": analysis.weekly.rows(analysis.timeline.names)}
        job.state, job.progress = "done", 1.0
    except ParticipantNeeded as exc:
        job.state, job.people, job.error = "need_me", list(exc.people), "Which of these people are you?"
    except UserError as exc:
        job.state, job.error = "error", str(exc)  # the library's own words: it names no command-line option
    except Exception:  # never a traceback for the person: one sentence, and the job ends
        job.state, job.error = "error", "This export could not be analysed; it may be damaged or not a chat export."
    finally:
        path.unlink(missing_ok=True)
