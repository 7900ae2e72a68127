"""The report's "Over time" charts: a table of chart specs, and the weekly lines each one draws."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from markupsafe import Markup

from openup.analysis.bids import SPLIT_PCT, STABLE_PCT
from openup.analysis.model import Analysis
from openup.analysis.report.svg import Series, duration, line_chart
from openup.analysis.timeline import ME, PARTNER

MIN_COUNT_FOR_PCT: Final = 3
CSS: Final = ("you", "partner")
CYCLE_LABEL: Final = "pursue–withdraw week"
# The appreciation chart's lines: (label, "{}" standing for the partner's name; column; person; css; dashed)
RATIO_LINES: Final[tuple[tuple[str, str, int, str, bool], ...]] = (
    ("Your appreciation", "appreciation", ME, "good", False),
    ("Your criticism", "criticism", ME, "bad", False),
    ("{}'s appreciation", "appreciation", PARTNER, "good2", True),
    ("{}'s criticism", "criticism", PARTNER, "bad2", True),
)


class WeeklyLines:
    """The lines of the charts, from one analysis's weekly columns."""

    def __init__(self, analysis: Analysis, partner: str, clickable: Callable[[str], bool]) -> None:
        self.a = analysis
        self.partner = partner
        self.clickable = clickable  # whether the weekly cells of an evidence prefix open their messages
        self.weeks = analysis.timeline.weeks
        self.people = [ME, PARTNER] if analysis.partner else [ME]
        self.labels = ["You", partner]

    def keys(self, prefix: str | None, p: int) -> list[str | None]:
        """Per-week evidence keys of person `p`'s points; none when the cells stay plain."""
        if prefix is None or not self.clickable(prefix):
            return []
        return [f"w.{prefix}.{p}.{w}" for w in self.weeks]

    def column(self, chart: Chart) -> list[Series]:
        """One line per person from the chart's weekly column."""
        col = self.a.weekly.col(chart.column, chart.fill)
        return [
            Series(
                self.labels[p],
                [None if v is None else max(v, 0.0) for v in col[p]] if chart.floor else col[p],
                CSS[p],
                self.keys(chart.keys, p),
            )
            for p in self.people
        ]

    def ratio(self, chart: Chart) -> list[Series]:
        """Appreciation and criticism per person; the partner's dashed."""
        wcol = self.a.weekly.col
        return [
            Series(label.format(self.partner), wcol(column)[p], css, self.keys(column, p), dashed=dashed)
            for label, column, p, css, dashed in RATIO_LINES
            if p == ME or self.a.partner
        ]

    def bids(self, chart: Chart) -> list[Series]:
        """% of the other's bids each person turned toward, in weeks with enough bids."""
        given, received = self.a.weekly.col("toward_given"), self.a.weekly.col("bids_received")
        names = [self.a.me, self.partner]
        series = []
        for p in self.people:
            vals: list[float | None] = [
                round(100 * (given[p][w] or 0) / r, 1) if (r := received[p][w] or 0) >= MIN_COUNT_FOR_PCT else None
                for w in range(len(self.weeks))
            ]
            label = f"{self.labels[p]} turning toward {names[1 - p] if p else self.partner}"
            series.append(Series(label, vals, CSS[p], self.keys("turned_toward", 1 - p)))
        return series


def _whole_pct(v: float) -> str:
    return f"{v:.0f}%"


@dataclass(frozen=True)
class Chart:
    """One chart of the "Over time" section."""

    chart_id: str
    title: str
    measure: str | None = None  # drawn only when the chat supports this measure
    partner: bool = False  # drawn only when there is a partner
    lines: Callable[[WeeklyLines, Chart], list[Series]] = WeeklyLines.column
    column: str = ""  # for `WeeklyLines.column`: the weekly column,
    fill: float | None = 0  # the value of weeks it has no entry for,
    keys: str | None = None  # the evidence prefix of its points,
    floor: bool = False  # and whether values below 0 are drawn as 0
    cycle: bool = False  # shade the pursue-withdraw weeks
    y_format: Callable[[float], str] | None = None
    y_max: float | None = None
    refs: Sequence[tuple[float, str]] = ()


CHARTS: Final[tuple[Chart, ...]] = (
    Chart("chart-messages", "Messages per week", column="messages", keys="messages"),
    Chart(
        "chart-latency",
        "Median reply time per week (weeks with 3+ replies)",
        "latency",
        partner=True,
        column="median_latency_s",
        fill=None,
        y_format=duration,
    ),
    Chart(
        "chart-openness",
        "Depth of sharing per week (mean per text message, 0–3)",
        "openness",
        column="openness",
        fill=None,
        keys="self_disclosure",
    ),
    Chart("chart-ratio", "Appreciative and critical messages per week", "appreciation", lines=WeeklyLines.ratio),
    Chart(
        "chart-bids",
        "Bids turned toward, % per week (weeks with 3+ bids)",
        "bids",
        partner=True,
        lines=WeeklyLines.bids,
        y_format=_whole_pct,
        y_max=100,
        refs=(
            (STABLE_PCT, f"{STABLE_PCT:g}% couples who stayed together"),
            (SPLIT_PCT, f"{SPLIT_PCT:g}% couples who split"),
        ),
    ),
    Chart(
        "chart-pursuit",
        "Pursuit per week (follow-ups before an answer, question barrages, demands)",
        "pursuit",
        partner=True,
        column="pursuit",
        keys="pursuit",
        cycle=True,
    ),
    Chart(
        "chart-withdrawal",
        "Pulling back per week (replies later and shorter than usual; 0 = usual)",
        "pursuit",
        partner=True,
        column="withdrawal",
        fill=None,
        floor=True,
        cycle=True,
    ),
)


def over_time(
    analysis: Analysis, partner: str, clickable: Callable[[str], bool], used: Callable[[str], bool]
) -> list[Markup]:
    """The charts of `CHARTS` this chat supports, in order; `used(key)` records a point's evidence key."""
    lines = WeeklyLines(analysis, partner, clickable)
    out = []
    for chart in CHARTS:
        if (chart.partner and not analysis.partner) or (chart.measure and not analysis.measurable(chart.measure)):
            continue
        series = chart.lines(lines, chart)
        bands = [lines.weeks.index(w) for w in analysis.pursuit.cycle.cycle_weeks] if chart.cycle else []
        out.append(
            line_chart(
                chart.chart_id,
                chart.title,
                lines.weeks,
                series,
                y_max=chart.y_max,
                refs=chart.refs,
                bands=bands,
                band_label=CYCLE_LABEL if chart.cycle else "",
                y_format=chart.y_format,
                used=used,
            )
        )
    return out
