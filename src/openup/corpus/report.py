"""The corpus report: how the headline measures are distributed across couples, one offline HTML file.

For each measure a histogram over the couples that can be measured, with the published references the
single-chat report uses drawn in (`openup.method.references`: appreciation to criticism about 5 to 1; turning
toward about 86% in couples who stayed together and 33% in those who split). Openness and pursue-withdraw
weeks have no published reference, and the page says so.

Built with the single-chat report's machinery (`openup.analysis.report.html`): fragments are `Markup` made by
`h()`, which escapes every argument; the page is its Jinja2 template with autoescaping; the numbers are also
embedded as JSON; and the Content-Security-Policy allows only the page's own hashed style (no script runs).
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from markupsafe import Markup

from openup.analysis.report.html import _asset, _environment, h, join, page_policy
from openup.corpus.writers import read_table
from openup.errors import UserError
from openup.method import references

W, H = 760, 230
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 18, 38
EXTRA_CSS: Final = (
    "svg .bar { fill: var(--you); opacity: .8; } svg .bar.partner { fill: var(--partner); }"
    " table.dist td, table.dist th { text-align: right; } table.dist td:first-child { text-align: left; }"
)


@dataclass(frozen=True, slots=True)
class Histogram:
    """Counts of couples per bin: `edges` has one more item than `counts`; the last bin is open-ended
    when `open_end`."""

    edges: tuple[float, ...]
    counts: tuple[int, ...]
    open_end: bool = False

    def label(self, i: int) -> str:
        lo, hi = self.edges[i], self.edges[i + 1]
        if self.open_end and i == len(self.counts) - 1:
            return f"{lo:g}+"
        return f"{lo:g}–{hi:g}"


def histogram(values: Sequence[float], edges: Sequence[float], *, open_end: bool = False) -> Histogram:
    """Values counted into [edge_i, edge_i+1) bins; the last bin takes its right edge too, or everything
    above when `open_end`."""
    counts = [0] * (len(edges) - 1)
    last = len(counts) - 1
    for v in values:
        if v < edges[0]:
            continue
        i = 0
        while i < last and v >= edges[i + 1]:
            i += 1
        if i == last and not open_end and v > edges[-1]:
            continue
        counts[i] += 1
    return Histogram(tuple(edges), tuple(counts), open_end)


def _even_edges(values: Sequence[float], bins: int = 12, integer: bool = False) -> list[float]:
    top = max(values, default=1.0) or 1.0
    if integer:
        step = max(1, math.ceil((top + 1) / bins))
        return [float(step * k) for k in range(0, math.ceil((top + 1) / step) + 1)]
    raw = top / bins
    mag = 10.0 ** math.floor(math.log10(raw))
    width = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    return [round(width * k, 10) for k in range(0, math.ceil(top / width) + 2)]


@dataclass(frozen=True, slots=True)
class Measure:
    """One headline measure across couples."""

    key: str
    title: str
    principle: str
    values: tuple[float, ...]
    missing: int  # couples for which it cannot be measured
    hist: Histogram
    refs: tuple[tuple[float, str], ...]
    note: str

    def stats(self) -> dict[str, Any]:
        v = sorted(self.values)
        if not v:
            return {"couples": 0, "median": None, "q1": None, "q3": None}
        q = statistics.quantiles(v, n=4, method="inclusive") if len(v) > 1 else [v[0], v[0], v[0]]
        return {"couples": len(v), "median": round(statistics.median(v), 3), "q1": round(q[0], 3),
                "q3": round(q[2], 3)}


def _column(table: Any, name: str) -> tuple[list[float], int]:
    raw = table.column(name).to_pylist() if table.num_rows else []
    vals = [float(x) for x in raw if x is not None and not (isinstance(x, float) and math.isnan(x))]
    return vals, len(raw) - len(vals)


def measures(table: Any) -> list[Measure]:
    """The four headline measures over the couples of a `conversations` table."""
    refs = references()
    out: list[Measure] = []
    ratio, miss = _column(table, "appreciation_to_criticism")
    edges = [0, 0.5, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20]
    out.append(Measure(
        "appreciation_to_criticism", "Appreciation to criticism (the donor's messages)", "appreciate · no-criticism",
        tuple(ratio), miss, histogram(ratio, edges, open_end=True),
        ((refs.appreciation_to_criticism, f"about {refs.appreciation_to_criticism:g} to 1"),),
        "Appreciative messages per critical one. Couples with no critical message have no ratio and are counted "
        "as not measurable.",
    ))
    toward, miss = _column(table, "turn_toward_pct")
    out.append(Measure(
        "turn_toward_pct", "Turning toward the partner's bids (%)", "listen", tuple(toward), miss,
        histogram(toward, [float(x) for x in range(0, 101, 10)]),
        ((refs.turn_toward_stayed_together, f"stayed together: about {refs.turn_toward_stayed_together:g}%"),
         (refs.turn_toward_split, f"split: about {refs.turn_toward_split:g}%")),
        "The share of the partner's bids for attention that the donor answered in kind.",
    ))
    depth, miss = _column(table, "partner_openness")
    out.append(Measure(
        "partner_openness", "Openness of the partner (mean depth per text message, 0 to 3)", "reciprocity",
        tuple(depth), miss, histogram(depth, _even_edges(depth)), (),
        "Sharing about oneself, speaking from one's own experience, naming a feeling. There is no published "
        "reference for this measure.",
    ))
    weeks, miss = _column(table, "pursue_withdraw_weeks")
    out.append(Measure(
        "pursue_withdraw_weeks", "Pursue-withdraw weeks", "give-room", tuple(weeks), miss,
        histogram(weeks, _even_edges(weeks, integer=True)), (),
        "Weeks in which one person pursued and the other pulled back. There is no published reference for "
        "this count.",
    ))
    return out


def _chart(m: Measure) -> Markup:
    """A histogram as inline SVG, the references as dashed vertical lines at their place on the axis."""
    hist = m.hist
    n = len(hist.counts)
    top = max([*hist.counts, 1])
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM
    bw = pw / max(n, 1)
    parts: list[Markup] = [h('<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" '
                             'xmlns="http://www.w3.org/2000/svg"><title>{}</title>', W, H, m.title, m.title)]
    for k in range(5):
        value = top * k / 4
        y = TOP + ph - ph * k / 4
        parts.append(h('<line class="grid" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>', LEFT, W - RIGHT, y, y))
        parts.append(h('<text class="ytick" x="{}" y="{:.1f}" text-anchor="end">{:g}</text>', LEFT - 6, y + 4,
                       round(value, 1)))
    for i, c in enumerate(hist.counts):
        bh = ph * c / top
        parts.append(h('<rect class="bar" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"><title>{}: {} '
                       'couple(s)</title></rect>', LEFT + i * bw + 1, TOP + ph - bh, max(bw - 2, 1), bh,
                       hist.label(i), c))
        parts.append(h('<text class="xtick" x="{:.1f}" y="{}" text-anchor="middle">{}</text>', LEFT + (i + 0.5) * bw,
                       H - 20, hist.label(i)))
    for value, label in m.refs:
        x = _x_of(hist, value, bw)
        if x is None:
            continue
        parts.append(h('<line class="ref" x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}"/>', x, x, TOP - 6, TOP + ph))
        parts.append(h('<text class="reflabel" x="{:.1f}" y="{}" text-anchor="middle">{}</text>', x, H - 4, label))
    parts.append(Markup("</svg>"))
    return join(parts)


def _x_of(hist: Histogram, value: float, bw: float) -> float | None:
    """Where a value lies on the histogram's axis (linear within its bin)."""
    e = hist.edges
    for i in range(len(hist.counts)):
        lo, hi = e[i], e[i + 1]
        if lo <= value <= hi:
            return LEFT + (i + (value - lo) / (hi - lo if hi > lo else 1)) * bw
    return None


def _section(m: Measure) -> Markup:
    st = m.stats()
    summary = (
        h("{} couples measured (median {:g}, middle half {:g} to {:g}); {} could not be measured.",
          st["couples"], st["median"], st["q1"], st["q3"], m.missing)
        if st["couples"] else h("No couple could be measured ({} without a value).", m.missing)
    )
    refs = join(h("<li>{} (<code>{}</code>): {} of the measured couples are at or above it.</li>", label,
                  f"{value:g}", _share_at_least(m.values, value)) for value, label in m.refs)
    return h('<section id="{}"><h2>{}</h2><p class="muted">{} <span class="principle"><code>{}</code></span></p>'
             '<figure class="chartbox">{}</figure><p>{}</p>{}</section>', m.key, m.title, m.note, m.principle,
             _chart(m), summary, h("<ul>{}</ul>", refs) if m.refs else "")


def _share_at_least(values: Sequence[float], ref: float) -> str:
    if not values:
        return "none"
    return f"{100 * sum(1 for v in values if v >= ref) / len(values):.0f}%"


def render_corpus(conversations: Any, failures: Any) -> str:
    """The corpus report page for a `conversations` and a `failures` table."""
    ms = measures(conversations)
    kinds = Counter(failures.column("kind").to_pylist()) if failures.num_rows else Counter()
    tiers = Counter(conversations.column("tier").to_pylist()) if conversations.num_rows else Counter()
    total_msgs = sum(conversations.column("messages").to_pylist()) if conversations.num_rows else 0
    head = h('<header><h1>Across couples</h1><p class="lead">{} conversations · {} messages · {} could not be '
             'read</p><p class="privacy">Names are pseudonyms and no message text is in this file: only counts '
             'across couples. Detection: {}.</p></header>', f"{conversations.num_rows:,}", f"{total_msgs:,}",
             f"{failures.num_rows:,}", ", ".join(f"{k} tier ({n})" for k, n in sorted(tiers.items())) or "none")
    fail = h('<section id="failures"><h2>Exports that could not be read</h2><table class="dist"><tr><th>why</th>'
             '<th>exports</th></tr>{}</table><p class="muted">Each one is listed with its file and reason in the '
             '<code>failures</code> table.</p></section>',
             join(h("<tr><td>{}</td><td>{}</td></tr>", k, n) for k, n in kinds.most_common())) if kinds else Markup()
    body = join([head, *(_section(m) for m in ms), fail], "\n")
    css = _asset("report.css") + EXTRA_CSS
    data = {m.key: {"stats": m.stats(), "missing": m.missing, "edges": list(m.hist.edges),
                    "counts": list(m.hist.counts), "references": [[v, t] for v, t in m.refs]} for m in ms}
    data["failures"] = dict(kinds)
    return _environment().get_template("corpus.html").render(
        title="openup · across couples", csp=page_policy(css, ""), css=Markup(css), body=body, data=data
    )


def write_corpus_report(out: Path) -> Path:
    """Write `out/report.html` from the corpus in `out`; its path."""
    page = render_corpus(read_table(out, "conversations"), read_table(out, "failures"))
    path = out / "report.html"
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"Cannot write the corpus report {path}: {exc.strerror or exc}.") from None
    return path
