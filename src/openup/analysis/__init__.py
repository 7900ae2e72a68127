"""Analyze a couple's chat: the method's measures per person and per ISO week, and a report.

>>> from openup.chats import load_chat
>>> from openup.analysis import analyze, write_report
>>> analysis = analyze(load_chat("WhatsApp Chat with Sam.txt"), me="Alex")  # doctest: +SKIP
>>> analysis.summary()["turn_toward_pct"]  # doctest: +SKIP
>>> write_report(analysis, "openup-report")  # doctest: +SKIP

Every number names its principle (see METHOD.md) and keeps the messages behind it as evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openup.analysis.model import Analysis
from openup.analysis.params import Params
from openup.analysis.pipeline import analyze

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["Analysis", "Params", "analyze", "write_report"]


def write_report(analysis: Analysis, out_dir: str | Path, **kwargs: Any) -> dict[str, Path]:
    """Write report.html, metrics.json and messages.csv into `out_dir`; return their paths by name."""
    from openup.analysis.report import write_report as _write

    return _write(analysis, out_dir, **kwargs)
