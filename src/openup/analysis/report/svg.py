"""Inline SVG line charts drawn in Python: no JavaScript library, no network, readable without CSS."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

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
) -> Markup:
    """An SVG line chart over weeks: lines with clickable points, reference lines, shaded weeks.

    Built as `Markup` with `Markup.format`, so labels, titles and week names are escaped by construction."""
    n = len(weeks)
    vals = [v for s in series for v in s.values if v is not None]
    top = y_max if y_max is not None else _nice_max(max([*vals, *(r[0] for r in refs), 0.0]) * 1.05)
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (pw * (i + 0.5) / n if n else 0)

    def y(v: float) -> float:
        return TOP + ph - ph * min(max(v, 0.0), top) / top

    out: list[Markup] = [
        h(
            '<svg id="{}" class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" '
            'xmlns="http://www.w3.org/2000/svg">',
            chart_id,
            W,
            H,
            title,
        ),
        h("<title>{}</title>", title),
    ]
    step = pw / n if n else pw
    for w in bands:
        out.append(
            h(
                '<rect class="band" x="{:.1f}" y="{}" width="{:.1f}" height="{}"><title>{}: {}</title></rect>',
                x(w) - step / 2,
                TOP,
                max(step, 1),
                ph,
                weeks[w],
                band_label,
            )
        )
    for k in range(5):
        tick = top * k / 4
        yy = y(tick)
        out.append(h('<line class="grid" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>', LEFT, W - RIGHT, yy, yy))
        out.append(
            h('<text class="ytick" x="{}" y="{:.1f}" text-anchor="end">{}</text>', LEFT - 6, yy + 4, y_format(tick))
        )
    label_every = max(1, math.ceil(n / 8))
    for i in range(0, n, label_every):
        out.append(h('<text class="xtick" x="{:.1f}" y="{}" text-anchor="middle">{}</text>', x(i), H - 12, weeks[i]))
    for value, label in refs:
        yy = y(value)
        out.append(h('<line class="ref" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>', LEFT, W - RIGHT, yy, yy))
        out.append(
            h('<text class="reflabel" x="{}" y="{:.1f}" text-anchor="end">{}</text>', W - RIGHT - 4, yy - 4, label)
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
        dash = Markup(' stroke-dasharray="5 4"') if s.dashed else ""
        for seg in segments:
            if len(seg) > 1:
                out.append(h('<polyline class="line {}"{} points="{}"/>', s.css, dash, " ".join(seg)))
        radius = 3.2 if n <= 80 else 1.8
        # Long charts drop per-point tooltips and tab stops: a ten-year chat has thousands of points.
        compact = n > COMPACT_AFTER
        out.append(h('<g class="pts {}{}">', s.css, " faint" if smooth else ""))
        for i, v in enumerate(s.values):
            if v is None:
                continue
            key = s.keys[i] if i < len(s.keys) else None
            clickable = key is not None and (used is None or used(key))
            attrs = h(' data-ev="{}"', key) if clickable and key else Markup()
            if attrs and not compact:
                attrs += Markup(' tabindex="0"')
            point = h('<circle cx="{:.1f}" cy="{:.1f}" r="{}" data-v="{:g}"{}', x(i), y(v), radius, v, attrs)
            if compact:
                out.append(point + Markup("/>"))
            else:
                tip = f"{s.label}, {weeks[i]}: {y_format(v)}"
                out.append(h("{}><title>{}</title></circle>", point, tip))
        out.append(Markup("</g>"))
    out.append(Markup("</svg>"))
    legend = Markup("").join(
        h('<span class="key {}{}">{}</span>', s.css, " dashed" if s.dashed else "", s.label) for s in series
    )
    if smooth:
        legend += Markup('<span class="hint">lines: 4-week average; dots: single weeks</span>')
    if bands:
        legend += h('<span class="key band">{}</span>', band_label)
    return h(
        '<figure class="chartbox"><figcaption>{}</figcaption>{}<div class="legend">{}</div></figure>',
        title,
        Markup("").join(out),
        legend,
    )


def h(template: str, /, *args: object) -> Markup:
    """SVG from a fixed template: every argument that is not `Markup` is escaped."""
    return Markup(template).format(*args)


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
