"""The report: report.html (self-contained), metrics.json and messages.csv."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from openup.analysis.features import names as mask_names
from openup.analysis.model import Analysis
from openup.errors import UserError

CSV_COLUMNS = ("msg_id", "ts", "sender", "kind", "words", "signals")


def write_csv(analysis: Analysis, path: Path) -> None:
    """One row per analysed message: msg_id, ts, sender, kind, words, signals (";"-separated kinds)."""
    tl = analysis.timeline
    label: dict[int, str] = {}
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(CSV_COLUMNS)
        for m, words, mask in zip(tl.messages, tl.words, tl.mask, strict=True):
            s = label.get(mask)
            if s is None:
                s = label[mask] = ";".join(mask_names(mask))
            w.writerow((m.msg_id, m.ts_local.isoformat(), m.sender_name, m.kind, words, s))


def write_report(analysis: Analysis, out_dir: str | os.PathLike[str], *, csv_file: bool = True) -> dict[str, Path]:
    """Write report.html, metrics.json and (unless turned off) messages.csv into `out_dir`."""
    from openup.analysis.report.html import render_html

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot create the output folder {out}: {exc.strerror or exc}.") from None
    paths = {"report": out / "report.html", "metrics": out / "metrics.json"}
    try:
        paths["report"].write_text(render_html(analysis), encoding="utf-8")
        paths["metrics"].write_text(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=1) + "\n",
                                    encoding="utf-8")
        if csv_file:
            paths["messages"] = out / "messages.csv"
            write_csv(analysis, paths["messages"])
    except OSError as exc:
        raise UserError(f"Cannot write the report into {out}: {exc.strerror or exc}.") from None
    return paths
