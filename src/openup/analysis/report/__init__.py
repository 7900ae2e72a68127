"""The report: report.html (self-contained), metrics.json and messages.csv."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from openup.analysis.features import names as mask_names
from openup.analysis.model import Analysis
from openup.analysis.timeline import RowView, Timeline
from openup.errors import UserError

CSV_COLUMNS = ("msg_id", "ts", "sender", "kind", "words", "signals")
_EPOCH = datetime(1970, 1, 1)
_FORMULA_START = frozenset("=+-@\t\r")


def _id_time_sender(tl: Timeline) -> Iterator[tuple[str, str, str | None]]:
    """(msg_id, local ISO time, sender) per timeline row, read from the columns when the chat is columnar
    so that a million rows are not turned into a million `Message` objects just to be written out."""
    view = tl.messages
    src = getattr(view, "source", None)
    try:
        from openup.chats.model import MessageColumns
    except ImportError:  # pragma: no cover - older model without columns
        MessageColumns = None  # type: ignore[assignment, misc]
    if (
        isinstance(view, RowView)
        and MessageColumns is not None
        and isinstance(src, MessageColumns)
        and src.local_pair is None
        and len(view)
        and view[0].msg_id == f"L{src.line[view.rows[0]]}"  # the id rule we rely on below still holds
    ):
        names, line, sender, ts = src.names, src.line, src.sender, src.ts
        last_t, last_iso = None, ""
        for j in view.rows:
            t = ts[j]
            if t != last_t:
                last_t, last_iso = t, (_EPOCH + timedelta(seconds=t)).isoformat()
            s = sender[j]
            yield f"L{line[j]}", last_iso, names[s] if s >= 0 else None
        return
    for m in view:
        yield m.msg_id, m.ts_local.isoformat(), m.sender_name


def spreadsheet_safe(value: str | None) -> str | None:
    """A cell a spreadsheet will show as text: one that starts like a formula (= + - @, tab, return) gets
    a leading apostrophe, so a display name such as `=HYPERLINK(...)` cannot run when the CSV is opened."""
    if value and value[0] in _FORMULA_START:
        return "'" + value
    return value


def write_csv(analysis: Analysis, path: Path) -> None:
    """One row per analysed message: msg_id, ts, sender, kind, words, signals (";"-separated kinds).
    Senders are made spreadsheet-safe (see `spreadsheet_safe`); every other column is ours."""
    tl = analysis.timeline
    label: dict[int, str] = {}
    with path.open("w", encoding="utf-8", errors="replace", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(CSV_COLUMNS)
        rows = zip(_id_time_sender(tl), tl.kind, tl.words, tl.mask, strict=True)
        for (msg_id, ts, sender), kind, words, mask in rows:
            s = label.get(mask)
            if s is None:
                s = label[mask] = ";".join(mask_names(mask))
            w.writerow((spreadsheet_safe(msg_id), ts, spreadsheet_safe(sender), kind, words, s))


def write_report(
    analysis: Analysis, out_dir: str | os.PathLike[str], *, csv_file: bool = True
) -> dict[str, Path]:
    """Write report.html, metrics.json and (unless turned off) messages.csv into `out_dir`."""
    from openup.analysis.report.html import render_html

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot create the output folder {out}: {exc.strerror or exc}.") from None
    paths = {"report": out / "report.html", "metrics": out / "metrics.json"}
    try:
        # errors="replace": a lone surrogate from a hostile JSON export becomes "?" instead of failing
        paths["report"].write_text(render_html(analysis), encoding="utf-8", errors="replace")
        paths["metrics"].write_text(
            json.dumps(analysis.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8", errors="replace"
        )
        if csv_file:
            paths["messages"] = out / "messages.csv"
            write_csv(analysis, paths["messages"])
    except OSError as exc:
        raise UserError(f"Cannot write the report into {out}: {exc.strerror or exc}.") from None
    return paths
