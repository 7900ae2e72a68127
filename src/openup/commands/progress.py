"""The one progress bar of the command line (import, analyze, eval, the training scripts).

It is drawn on standard error, and only when standard error is a terminal: piped or redirected, and with
`--json`, nothing about progress is written anywhere, and standard output never carries it. Each line shows
what is being done, a bar, the count so far of the count in all, the rate and the time left; the lines go
away when the work is done.

No background thread redraws it (the detection pool forks, which a running thread makes unsafe): each
update redraws, at most ten times a second.

>>> with progress_bar() as bar:  # doctest: +SKIP
...     bar.stage("Reading messages", total=len(rows), unit="messages")
...     for n, row in enumerate(rows, 1):
...         bar.update(n)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

REFRESH_S: Final = 0.1
MB: Final = 1_000_000.0


def stderr_console() -> Console:
    """A console on standard error (a terminal or not: `Bar` checks)."""
    from rich.console import Console

    return Console(file=sys.stderr, stderr=True, highlight=False)


def _amount(value: float, scale: float) -> str:
    if scale == MB:
        return f"{value / scale:,.1f}"
    return f"{value / scale:,.0f}"


def _columns() -> list[Any]:
    from rich.progress import BarColumn, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

    class Count(ProgressColumn):
        """12,345/67,890 messages (or 1.2/4.5 MB)."""

        def render(self, task: Any) -> Text:
            unit, scale = task.fields.get("unit", ""), task.fields.get("scale", 1.0)
            done = _amount(task.completed, scale)
            total = f"/{_amount(task.total, scale)}" if task.total is not None else ""
            return Text(f"{done}{total} {unit}".rstrip(), style="progress.download")

    class Rate(ProgressColumn):
        """1,234 messages/s."""

        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            if not speed:
                return Text("")
            unit, scale = task.fields.get("unit", ""), task.fields.get("scale", 1.0)
            return Text(f"{_amount(speed, scale)} {unit}/s".strip(), style="progress.data.speed")

    class Left(TimeRemainingColumn):
        """0:00:12 left."""

        def render(self, task: Any) -> Text:
            shown = super().render(task)
            return Text(f"{shown.plain} left", style=shown.style) if task.total is not None else Text("")

    return [TextColumn("{task.description}"), BarColumn(), Count(), Rate(), Left()]


class Bar:
    """A progress bar, or nothing at all when its console is not a terminal (`active` says which)."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console if console is not None else stderr_console()
        self.active = self.console.is_terminal
        self._progress: Progress | None = None
        self._tasks: dict[str, TaskID] = {}
        self._current: TaskID | None = None
        self._last = 0.0

    def start(self) -> Bar:
        if self.active and self._progress is None:
            from rich.progress import Progress

            self._progress = Progress(*_columns(), console=self.console, auto_refresh=False, transient=True)
            self._progress.start()
        return self

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def stage(self, description: str, total: float | None = None, unit: str = "", scale: float = 1.0) -> None:
        """Begin a line of its own (the ones before stay until the end)."""
        if self._progress is None:
            return
        self._current = self._progress.add_task(description, total=total, unit=unit, scale=scale)
        self._tasks[description] = self._current
        self._refresh(force=True)

    def update(self, completed: float, total: float | None = None, description: str | None = None) -> None:
        """Set how much of the current line is done (and its total or description, if they change)."""
        if self._progress is None or self._current is None:
            return
        fields: dict[str, Any] = {"completed": completed}
        if total is not None:
            fields["total"] = total
        if description is not None:
            fields["description"] = description
        self._progress.update(self._current, **fields)
        task = self._progress.tasks[self._current]
        self._refresh(force=task.total is not None and completed >= task.total)

    def stages(self, labels: dict[str, tuple[str, str]]) -> Callable[[str, int, int], None] | None:
        """A callback `(stage, done, total)` as `openup.analysis.analyze` calls it: one line per stage,
        described and counted as `labels[stage]` = (description, unit) says; None when inactive."""
        if not self.active:
            return None

        def update(stage: str, done: int, total: int) -> None:
            description, unit = labels.get(stage, (stage, ""))
            if self._tasks.get(description) is None:
                self.stage(description, total=max(total, 1), unit=unit)
            elif self._progress is not None:
                self._current = self._tasks[description]
            self.update(done, total=max(total, 1))

        return update

    def steps(self, description: str) -> Callable[[str, int, int], None] | None:
        """A callback `(what is starting, steps done, steps in all)` (`openup.evaluation`); None when
        inactive. The line reads "description: what is starting"."""
        if not self.active:
            return None

        def update(what: str, done: int, total: int) -> None:
            if self._current is None:
                self.stage(description, total=total, unit="steps")
            self.update(done, total=total, description=f"{description}: {what}" if what != "done" else description)

        return update

    def outcomes(self, description: str, total: int, unit: str) -> Callable[[int, bool], None] | None:
        """A callback `(messages, failed)` called once per finished item (`openup corpus`: a conversation):
        the line counts items done of `total`, and its description adds the messages per second and the
        failures so far. None when inactive."""
        if not self.active:
            return None
        began = time.perf_counter()
        done = messages = failures = 0
        self.stage(description, total=max(total, 1), unit=unit)

        def update(read: int, failed: bool) -> None:
            nonlocal done, messages, failures
            done, messages, failures = done + 1, messages + read, failures + failed
            rate = messages / max(time.perf_counter() - began, 1e-6)
            self.update(done, description=f"{description} · {rate:,.0f} messages/s · {failures:,} failed")

        return update

    def bytes_read(self, description: str) -> Callable[[int, int], None] | None:
        """A callback `(bytes read, bytes in all)` for reading a file (`load_chat(progress=...)`); None
        when inactive. A file read again from its start (its head, then all of it) does not move it back."""
        if not self.active:
            return None
        furthest = -1

        def update(done: int, total: int) -> None:
            nonlocal furthest
            if furthest < 0:
                self.stage(description, total=max(total, 1), unit="MB", scale=MB)
            if done > furthest:
                furthest = done
                self.update(min(done, total), total=max(total, 1))

        return update

    def _refresh(self, force: bool = False) -> None:
        now = time.monotonic()
        if self._progress is not None and (force or now - self._last >= REFRESH_S):
            self._last = now
            self._progress.refresh()


@contextmanager
def progress_bar(console: Console | None = None) -> Iterator[Bar]:
    """A `Bar` for the length of the block (inactive, and silent, when standard error is not a terminal)."""
    bar = Bar(console).start()
    try:
        yield bar
    finally:
        bar.stop()


__all__ = ["Bar", "progress_bar", "stderr_console"]
