"""Inline SVG line charts drawn in Python: no JavaScript library, no network, readable without CSS."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

W, H = 760, 240
COMPACT_AFTER = 104  # weeks
SMOOTH_AFTER = 52  # weeks; beyond this the line shows a 4-week average and the dots the single weeks
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 14, 34


@dataclass
class Series:
    """One line: a value per week (None leaves a gap), a CSS class, and per-point evidence keys."""

    label: str
    values: Sequence[float | None]
    css: str
    keys: Sequence[str | None] = field(default_factory=list)
    dashed: bool = False


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(v))
    for m in (1, 2, 2.5, 5, 10):
        if v <= m * exp:
            return m * exp
    return 10 * exp


def _fmt(v: float) -> str:
    return f"{v:.0f}" if abs(v) >= 10 or v == int(v) else f"{v:.2g}"


def line_chart(
    chart_id: str,
    title: str,
    weeks: Sequence[str],
    series: Sequence[Series],
    *,
    y_format: Callable[[float], str] = _fmt,
    y_max: float | None = None,
    refs: Sequence[tuple[float, str]] = (),
    bands: Sequence[int] = (),
    band_label: str = "",
    used: Callable[[str], bool] | None = None,
) -> str:
    """An SVG line chart over weeks: lines with clickable points, reference lines, shaded weeks."""
    n = len(weeks)
    vals = [v for s in series for v in s.values if v is not None]
    top = y_max if y_max is not None else _nice_max(max([*vals, *(r[0] for r in refs), 0.0]) * 1.05)
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (pw * (i + 0.5) / n if n else 0)

    def y(v: float) -> float:
        return TOP + ph - ph * min(max(v, 0.0), top) / top

    out = [
        f'<svg id="{escape(chart_id)}" class="chart" viewBox="0 0 {W} {H}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    step = pw / n if n else pw
    for w in bands:
        out.append(
            f'<rect class="band" x="{x(w) - step / 2:.1f}" y="{TOP}" width="{max(step, 1):.1f}" '
            f'height="{ph}"><title>{escape(weeks[w])}: {escape(band_label)}</title></rect>'
        )
    for k in range(5):
        tick = top * k / 4
        yy = y(tick)
        out.append(f'<line class="grid" x1="{LEFT}" x2="{W - RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}"/>')
        out.append(
            f'<text class="ytick" x="{LEFT - 6}" y="{yy + 4:.1f}" '
            f'text-anchor="end">{escape(y_format(tick))}</text>'
        )
    label_every = max(1, math.ceil(n / 8))
    for i in range(0, n, label_every):
        out.append(
            f'<text class="xtick" x="{x(i):.1f}" y="{H - 12}" text-anchor="middle">{escape(weeks[i])}</text>'
        )
    for value, label in refs:
        yy = y(value)
        out.append(f'<line class="ref" x1="{LEFT}" x2="{W - RIGHT}" y1="{yy:.1f}" y2="{yy:.1f}"/>')
        out.append(
            f'<text class="reflabel" x="{W - RIGHT - 4}" y="{yy - 4:.1f}" text-anchor="end">'
            f"{escape(label)}</text>"
        )
    smooth = n > SMOOTH_AFTER
    for s in series:
        segments: list[list[str]] = [[]]
        line_values = rolling_mean(s.values, 4) if smooth else s.values
        for i, v in enumerate(line_values):
            if v is None:
                if segments[-1]:
                    segments.append([])
                continue
            segments[-1].append(f"{x(i):.1f},{y(v):.1f}")
        dash = ' stroke-dasharray="5 4"' if s.dashed else ""
        for seg in segments:
            if len(seg) > 1:
                out.append(f'<polyline class="line {s.css}"{dash} points="{" ".join(seg)}"/>')
        radius = 3.2 if n <= 80 else 1.8
        # Long charts drop per-point tooltips and tab stops: a ten-year chat has thousands of points.
        compact = n > COMPACT_AFTER
        out.append(f'<g class="pts {s.css}{" faint" if smooth else ""}">')
        for i, v in enumerate(s.values):
            if v is None:
                continue
            key = s.keys[i] if i < len(s.keys) else None
            clickable = key is not None and (used is None or used(key))
            attrs = f' data-ev="{escape(key)}"' if clickable and key else ""
            if attrs and not compact:
                attrs += ' tabindex="0"'
            point = f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="{radius}" data-v="{v:g}"{attrs}'
            if compact:
                out.append(point + "/>")
            else:
                tip = f"{escape(s.label)}, {escape(weeks[i])}: {escape(y_format(v))}"
                out.append(f"{point}><title>{tip}</title></circle>")
        out.append("</g>")
    out.append("</svg>")
    legend = "".join(
        f'<span class="key {s.css}{" dashed" if s.dashed else ""}">{escape(s.label)}</span>' for s in series
    )
    if smooth:
        legend += '<span class="hint">lines: 4-week average; dots: single weeks</span>'
    if bands:
        legend += f'<span class="key band">{escape(band_label)}</span>'
    return (
        f'<figure class="chartbox"><figcaption>{escape(title)}</figcaption>{"".join(out)}'
        f'<div class="legend">{legend}</div></figure>'
    )


def duration(seconds: float) -> str:
    """A short human duration: "45 s", "12 min", "3.5 h", "2 d"."""
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        m = seconds / 60
        # Below 10 minutes keep a half-minute step, so nearby axis ticks do not print the same label.
        return f"{m:.1f} min".replace(".0 min", " min") if m < 10 else f"{m:.0f} min"
    if seconds < 86400:
        h = seconds / 3600
        return f"{h:.1f} h" if h < 10 else f"{h:.0f} h"
    return f"{seconds / 86400:.1f} d"


def rolling_mean(values: Sequence[float | None], k: int) -> list[float | None]:
    """Trailing mean over the last k weeks that have a value; None where the week itself has none."""
    out: list[float | None] = []
    window: list[float] = []
    for v in values:
        if v is None:
            out.append(None)
            continue
        window.append(v)
        if len(window) > k:
            window.pop(0)
        out.append(sum(window) / len(window))
    return out
