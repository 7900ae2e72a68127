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


@dataclass(frozen=True)
class _Axes:
    """Where weeks and values land in the plot area."""

    n: int  # weeks
    top: float  # value at the top edge
    pw: float = W - LEFT - RIGHT
    ph: float = H - TOP - BOTTOM

    def x(self, i: int) -> float:
        return LEFT + (self.pw * (i + 0.5) / self.n if self.n else 0)

    def y(self, v: float) -> float:
        return TOP + self.ph - self.ph * min(max(v, 0.0), self.top) / self.top


def line_chart(
    chart_id: str,
    title: str,
    weeks: Sequence[str],
    series: Sequence[Series],
    *,
    y_format: Callable[[float], str] | None = None,
    y_max: float | None = None,
    refs: Sequence[tuple[float, str]] = (),
    bands: Sequence[int] = (),
    band_label: str = "",
    used: Callable[[str], bool] | None = None,
) -> Markup:
    """An SVG line chart over weeks: lines with clickable points, reference lines, shaded weeks.

    Built as `Markup` with `Markup.format`, so labels, titles and week names are escaped by construction.
    `y_format` writes the values of the axis and the tooltips (default: a short number)."""
    y_format = y_format or _fmt
    vals = [v for s in series for v in s.values if v is not None]
    top = y_max if y_max is not None else _nice_max(max([*vals, *(r[0] for r in refs), 0.0]) * 1.05)
    ax = _Axes(len(weeks), top)
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
        *_frame(ax, weeks, y_format, refs, bands, band_label),
    ]
    smooth = ax.n > SMOOTH_AFTER
    for s in series:
        out += _line(ax, s, smooth)
        out += _points(ax, s, weeks, y_format, smooth, used)
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


def _frame(
    ax: _Axes,
    weeks: Sequence[str],
    y_format: Callable[[float], str],
    refs: Sequence[tuple[float, str]],
    bands: Sequence[int],
    band_label: str,
) -> list[Markup]:
    """Shaded weeks, grid lines with their values, week labels and reference lines."""
    out: list[Markup] = []
    step = ax.pw / ax.n if ax.n else ax.pw
    for w in bands:
        out.append(
            h(
                '<rect class="band" x="{:.1f}" y="{}" width="{:.1f}" height="{}"><title>{}: {}</title></rect>',
                ax.x(w) - step / 2,
                TOP,
                max(step, 1),
                ax.ph,
                weeks[w],
                band_label,
            )
        )
    for k in range(5):
        tick = ax.top * k / 4
        yy = ax.y(tick)
        out.append(h('<line class="grid" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>', LEFT, W - RIGHT, yy, yy))
        out.append(
            h('<text class="ytick" x="{}" y="{:.1f}" text-anchor="end">{}</text>', LEFT - 6, yy + 4, y_format(tick))
        )
    label_every = max(1, math.ceil(ax.n / 8))
    for i in range(0, ax.n, label_every):
        out.append(
            h('<text class="xtick" x="{:.1f}" y="{}" text-anchor="middle">{}</text>', ax.x(i), H - 12, weeks[i])
        )
    for value, label in refs:
        yy = ax.y(value)
        out.append(h('<line class="ref" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>', LEFT, W - RIGHT, yy, yy))
        out.append(
            h('<text class="reflabel" x="{}" y="{:.1f}" text-anchor="end">{}</text>', W - RIGHT - 4, yy - 4, label)
        )
    return out


def _line(ax: _Axes, s: Series, smooth: bool) -> list[Markup]:
    """The series' line, broken where a week has no value; a 4-week average when `smooth`."""
    segments: list[list[str]] = [[]]
    line_values = rolling_mean(s.values, 4) if smooth else s.values
    for i, v in enumerate(line_values):
        if v is None:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append(f"{ax.x(i):.1f},{ax.y(v):.1f}")
    dash = Markup(' stroke-dasharray="5 4"') if s.dashed else ""
    return [
        h('<polyline class="line {}"{} points="{}"/>', s.css, dash, " ".join(seg)) for seg in segments if len(seg) > 1
    ]


def _points(
    ax: _Axes,
    s: Series,
    weeks: Sequence[str],
    y_format: Callable[[float], str],
    smooth: bool,
    used: Callable[[str], bool] | None,
) -> list[Markup]:
    """One dot per week with a value; those with evidence open it."""
    radius = 3.2 if ax.n <= 80 else 1.8
    # Long charts drop per-point tooltips and tab stops: a ten-year chat has thousands of points.
    compact = ax.n > COMPACT_AFTER
    out = [h('<g class="pts {}{}">', s.css, " faint" if smooth else "")]
    for i, v in enumerate(s.values):
        if v is None:
            continue
        key = s.keys[i] if i < len(s.keys) else None
        clickable = key is not None and (used is None or used(key))
        attrs = h(' data-ev="{}"', key) if clickable and key else Markup()
        if attrs and not compact:
            attrs += Markup(' tabindex="0"')
        point = h('<circle cx="{:.1f}" cy="{:.1f}" r="{}" data-v="{:g}"{}', ax.x(i), ax.y(v), radius, v, attrs)
        if compact:
            out.append(point + Markup("/>"))
        else:
            tip = f"{s.label}, {weeks[i]}: {y_format(v)}"
            out.append(h("{}><title>{}</title></circle>", point, tip))
    out.append(Markup("</g>"))
    return out


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
