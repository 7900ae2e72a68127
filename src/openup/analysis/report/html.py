"""The report as one self-contained HTML file: inline CSS, inline SVG, a small inline script.

Every number that has messages behind it is a button; its evidence list (capped, with the true count)
and only the message snippets it references are embedded as one JSON blob the script reads on click.

Escaping is by construction: every fragment is a `Markup` built with `h()` (`Markup.format`, which escapes
each argument that is not itself `Markup`), fragments are joined with `join()` (which escapes plain
strings), and the page is a Jinja2 template with autoescaping. Chat text and names only ever enter as
arguments, never as template text. The evidence reaches the page's script as JSON in a
`<script type="application/json">` block, and a Content-Security-Policy with hashes for the report's own
style and script (no 'unsafe-inline') stops anything a missed escape could inject from running or loading.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any, Final

import jinja2
from markupsafe import Markup

from openup.analysis.bids import SPLIT_PCT, STABLE_PCT
from openup.analysis.model import SNIPPET, Analysis
from openup.analysis.ratio import REFERENCE
from openup.analysis.registry import measures
from openup.analysis.report.charts import over_time
from openup.analysis.report.svg import duration
from openup.analysis.timeline import ME, PARTNER

WEEKLY_BUDGET: Final = 6000  # examples over all weekly cells together
LONG_CHAT_WEEKS: Final = 104
# (column in the weekly rows, table header, evidence prefix of its cells or None)
WEEKLY_COLUMNS: Final[tuple[tuple[str, str, str | None], ...]] = (
    ("messages", "messages", "messages"),
    ("words", "words", None),
    ("median_latency_s", "median reply", None),
    ("openness", "depth", None),
    ("self_disclosure", "sharing", "self_disclosure"),
    ("appreciation", "appreciation", "appreciation"),
    ("criticism", "criticism", "criticism"),
    ("pursuit", "pursuit", "pursuit"),
    ("bids", "bids", "bids"),
    ("turned_toward", "turned toward", "turned_toward"),
)
Tile = tuple[str, str | Markup, str | Markup]  # an "At a glance" tile: label, value, note


def _asset(name: str) -> str:
    return resources.files("openup.analysis.report").joinpath(name).read_text(encoding="utf-8")


def h(template: str, /, *args: Any, **kwargs: Any) -> Markup:
    """HTML from a fixed template: every argument that is not `Markup` is escaped."""
    return Markup(template).format(*args, **kwargs)


def join(parts: Iterable[Any], sep: str = "") -> Markup:
    """Fragments joined; plain strings among them are escaped."""
    return Markup(sep).join(parts)


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("openup.analysis", "report"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    # `tojson` escapes < > & ' for HTML; keep non-ASCII text as it is so the file stays small.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    return env


def report_policy() -> str:
    """The policy of every report: its own style and script, by hash (the app serves reports under it too)."""
    return page_policy(_asset("report.css"), _asset("report.js"))


def page_policy(css: str, js: str) -> str:
    """Nothing may load or run but the report's own style and script."""
    return (
        f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(js)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:g}%"


class ReportBuilder:
    """Builds the HTML; records which evidence lists the page uses so only those are embedded."""

    def __init__(self, analysis: Analysis) -> None:
        self.a = analysis
        self.used: set[str] = set()
        from openup.method import principles

        self.principles = principles()
        self.me = analysis.me
        self.partner = analysis.partner or "your partner"
        self.weekly_rows: dict[str, Any] = {"cols": [], "rows": []}

    # -- small pieces ---------------------------------------------------------------------------------
    def has(self, key: str | None) -> bool:
        ev = self.a.book.get(key) if key else None
        return bool(ev and ev.count and ev.examples)

    def use(self, key: str) -> bool:
        """Mark a key as referenced if it has evidence; for chart points."""
        if self.has(key):
            self.used.add(key)
            return True
        return False

    def num(self, value: Any, key: str | None = None, text: str | None = None) -> Markup:
        """A number; a button opening its messages when `key` has evidence."""
        shown = (
            text
            if text is not None
            else ("–" if value is None else f"{value:g}" if isinstance(value, float) else str(value))
        )
        if key and self.has(key):
            self.used.add(key)
            return h('<button type="button" class="num" data-ev="{}">{}</button>', key, shown)
        return h('<span class="num plain">{}</span>', shown)

    def principle(self, pid: str) -> Markup:
        p = self.principles.get(pid)
        name = p.name if p else pid
        return h('<span class="principle" title="{0}">{1} <code>{0}</code></span>', pid, name)

    # -- sections -------------------------------------------------------------------------------------
    def header(self) -> Markup:
        a = self.a
        s = a.summary()
        first, last = s["first"], s["last"]
        period = f"{first[:10]} to {last[:10]}" if first and last else "no dated messages"
        who = f"You ({self.me}) and {a.partner}" if a.partner else f"You ({self.me})"
        weeks = f"{s['messages']:,} messages over {s['weeks']} week{'s' if s['weeks'] != 1 else ''}"
        return h(
            '<header><button type="button" id="quick-exit" class="quick-exit" title="Leave at once (or press Esc '
            'twice)">Quick exit</button><h1>How the two of you talk</h1><p class="lead">{} · {} · {} · {}</p>'
            '<p class="privacy">Made on your own computer. This file contains excerpts of your chat: keep it '
            "private. Click any underlined number to see the messages behind it.</p></header>",
            who,
            period,
            weeks,
            a.platform or "chat",
        )

    def safety(self) -> Markup:
        sf = self.a.safety
        if sf.level == "none":
            return Markup()
        res = join(h("<li><strong>{}</strong>: {}</li>", r.name, r.how_to_reach()) for r in sf.resources)
        msg = sf.message or (
            "Some messages in this chat show signs of danger: threats, violence, control, fear or self-harm."
        )
        return h(
            '<section id="safety" class="safety {}"><h2>Safety first</h2><p>{}</p>'
            "<p>{} message(s) were flagged. When there is fear, threat or harm "
            "in a relationship, advice about opening up does not apply: your safety comes first, and talking "
            "to someone trained to help is the right next step.</p>{}</section>",
            sf.level,
            msg,
            self.num(sf.flagged, "safety"),
            h("<h3>Where to get help</h3><ul>{}</ul>", res) if res else "",
        )

    def limits(self) -> Markup:
        a = self.a
        texts = [*dict.fromkeys(a.limits.values()), *a.notes]
        if not texts:
            return Markup()
        return h(
            '<section id="limits" class="limits"><h2>What this report can and cannot tell</h2>'
            "<ul>{}</ul></section>",
            join(h("<li>{}</li>", t) for t in texts),
        )

    def priorities(self) -> Markup:
        a = self.a
        if "all" in a.limits:
            return Markup()
        cards = []
        for n, f in enumerate(a.priorities, 1):
            ev = a.book.get(f.evidence_key) if f.evidence_key else None
            link = (
                h("<p>{}</p>", self.num(ev.count, f.evidence_key, f"See the {ev.count:,} message(s) behind this"))
                if ev and ev.count
                else ""
            )
            cards.append(
                h(
                    '<li class="card prio"><div class="rank">{}</div><div>{}<p>{}</p>{}</div></li>',
                    n,
                    self.principle(f.principle),
                    f.finding,
                    link,
                )
            )
        if not cards:
            body = Markup(
                "<p>Nothing in these messages stands out as a first thing to change. Keep doing what works, "
                "and look at the charts below for slow changes over time.</p>"
            )
        else:
            body = h('<ol class="cards">{}</ol>', join(cards))
        good = Markup()
        if a.strengths:
            good = h(
                '<h3>Going well</h3><ul class="good">{}</ul>',
                join(
                    h(
                        "<li>{} {} {}</li>",
                        self.principle(f.principle),
                        f.finding,
                        self.num(None, f.evidence_key, "examples"),
                    )
                    for f in a.strengths
                ),
            )
        return h('<section id="priorities"><h2>Three things to work on first</h2>{}{}</section>', body, good)

    def glance(self) -> Markup:
        a = self.a
        if "all" in a.limits:
            return Markup()
        tiles = (
            h(
                '<div class="tile"><div class="label">{}</div><div class="value">{}</div>'
                '<div class="note">{}</div><div class="pid">{}</div></div>',
                label,
                value,
                note,
                principle,
            )
            for measure, partner_only, principle, make in GLANCE_TILES
            if (a.partner or not partner_only) and (measure is None or a.measurable(measure))
            for label, value, note in make(self)
        )
        return h('<section id="glance"><h2>At a glance</h2><div class="tiles">{}</div></section>', join(tiles))

    # The tiles of `glance`, each as (label, value, note); `GLANCE_TILES` says when and in which order.
    def _ratio_tile(self) -> list[Tile]:
        r = self.a.ratio.people[ME]
        ratio = r.ratio
        return [
            (
                "Your appreciation : criticism",
                h(
                    "{} : {}",
                    self.num(r.appreciation, "ratio.appreciation.0"),
                    self.num(r.critical_messages, "ratio.critical.0"),
                ),
                (f"{ratio:g} to 1; " if ratio is not None else "") + f"stable couples keep about {REFERENCE:g} to 1",
            )
        ]

    def _bids_tiles(self) -> list[Tile]:
        b, p = self.a.bids.people, self.partner
        return [
            (
                f"You turned toward {p}'s bids",
                self.num(b[ME].turn_toward_pct, "bids.toward.0", _pct(b[ME].turn_toward_pct)),
                h(
                    "of {} bids; couples who stayed together ≈{}%, who split ≈{}%",
                    self.num(b[ME].received, "bids.made.1"),
                    f"{STABLE_PCT:g}",
                    f"{SPLIT_PCT:g}",
                ),
            ),
            (
                f"{p} turned toward yours",
                self.num(b[PARTNER].turn_toward_pct, "bids.toward.1", _pct(b[PARTNER].turn_toward_pct)),
                h("of {} bids you made", self.num(b[PARTNER].received, "bids.made.0")),
            ),
        ]

    def _listening_tile(self) -> list[Tile]:
        lis, p = self.a.listening, self.partner
        if not lis.partner_disclosures:
            return []
        return [
            (
                f"When {p} shared",
                self.num(lis.listened_pct, "listen.listened", _pct(lis.listened_pct)),
                h(
                    "of your answers validated, reflected or asked; {} shared {} times",
                    p,
                    self.num(lis.partner_disclosures, "openness.disclosure.1"),
                ),
            )
        ]

    def _small_wins_tile(self) -> list[Tile]:
        wins = self.a.small_wins
        return [
            (
                f"{self.partner} opened up more than usual",
                self.num(wins.count, "small_wins"),
                h("times; you encouraged {}", self.num(wins.outcomes["listened"], "small_wins.listened")),
            )
        ]

    def _pursuit_tile(self) -> list[Tile]:
        cyc = self.a.pursuit.cycle
        weeks = len(cyc.cycle_weeks)
        who = f"{cyc.pursuer} pursued, {cyc.withdrawer} pulled back" if cyc.pursuer else "no week shows the cycle"
        return [
            (
                "Pursue–withdraw weeks",
                self.num(weeks, "pursuit.cycle"),
                h("of {} weeks; {}", cyc.active_weeks, who),
            )
        ]

    def _latency_tile(self) -> list[Tile]:
        vol = self.a.volume.people
        return [
            (
                "Typical reply time",
                h(
                    "{} / {}",
                    self.num(None, "volume.replies.0", _dur(vol[ME].median_latency_s)),
                    self.num(None, "volume.replies.1", _dur(vol[PARTNER].median_latency_s)),
                ),
                h(
                    "you / {} (median; slowest tenth above {} / {})",
                    self.partner,
                    self.num(None, "volume.slow.0", _dur(vol[ME].p90_latency_s)),
                    self.num(None, "volume.slow.1", _dur(vol[PARTNER].p90_latency_s)),
                ),
            )
        ]

    def _words_tile(self) -> list[Tile]:
        vol = self.a.volume.people
        share = vol[ME].word_share
        return [
            (
                "Your share of the words",
                _pct(None if share is None else round(100 * share, 1)),
                f"{vol[ME].words:,} of {vol[ME].words + vol[PARTNER].words:,} words",
            )
        ]

    def _openness_tile(self) -> list[Tile]:
        tr = self.a.openness.partner_trend
        return [
            (
                f"{self.partner}'s depth of sharing",
                tr.direction,
                tr.note or f"mean depth {tr.early} early vs {tr.late} recently (0–3)",
            )
        ]

    def charts(self) -> Markup:
        a = self.a
        if "all" in a.limits:
            return Markup()
        if "trends" in a.limits:
            return h('<section id="charts"><h2>Over time</h2><p class="muted">{}</p></section>', a.limits["trends"])
        figures = over_time(a, self.partner, self.weekly_cells, self.use)
        return h('<section id="charts"><h2>Over time</h2><div class="charts">{}</div></section>', join(figures))

    def details(self) -> Markup:
        a = self.a
        if "all" in a.limits:
            return Markup()
        people = [ME, PARTNER] if a.partner else [ME]
        head = join(h("<th>{}</th>", "You" if p == ME else self.partner) for p in people)
        rows = [row for m in measures() if m.rows and m.name in a.results for row in m.rows(a, people)]
        body = join(
            h(
                '<tr><th scope="row">{} <code>{}</code></th>{}</tr>',
                row.label,
                row.principle,
                join(h("<td>{}</td>", self.num(value, key)) for value, key in row.cells),
            )
            for row in rows
        )
        listen = Markup()
        lis = a.listening
        if a.partner and lis.partner_disclosures:
            o = lis.outcomes
            moves = join(
                (
                    h("{} {}", k.replace("_", " "), self.num(v, f"listen.kind.{k}"))
                    for k, v in {**lis.good_moves, **lis.harmful_moves}.items()
                    if v
                ),
                ", ",
            )
            q = lis.questions
            listen = h(
                "<h3>Your answers when {} shared <code>listen</code></h3><p>"
                "Listened (validated, reflected or asked): {} · neutral: {} · advice, minimizing or criticism: "
                "{} · no answer within {} h: {}</p>{}"
                "<p>Your questions <code>thoughts-first</code>: about thoughts or events {}, about feelings or "
                "general {}</p>",
                self.partner,
                self.num(o["listened"], "listen.listened"),
                self.num(o["neutral"], "listen.neutral"),
                self.num(o["fixed"], "listen.fixed"),
                a.params.reply_window_s // 3600,
                self.num(o["missed"], "listen.missed"),
                h("<p>Moves in your answers: {}</p>", moves) if moves else "",
                self.num(q.thoughts_or_events, "questions.easy"),
                self.num(q.feelings_or_generic, "questions.hard"),
            )
        rec = a.reciprocity
        recip = Markup()
        if a.partner and a.measurable("reciprocity"):
            follow = (
                f"When you share more in a week, {self.partner} shares more the next week: correlation "
                f"{rec.you_then_partner_correlation:+.2f} over {rec.weeks_compared} weeks. "
                if rec.you_then_partner_correlation is not None
                else rec.note
            )
            recip = h(
                "<h3>Give and take in sharing <code>reciprocity</code></h3><p>You share about yourself in "
                "{} of your text messages, {} in {}. Deep questions you asked in weeks when you shared nothing: "
                "{}. {}</p>",
                _pct(None if rec.your_rate is None else round(100 * rec.your_rate, 1)),
                self.partner,
                _pct(None if rec.partner_rate is None else round(100 * rec.partner_rate, 1)),
                self.num(rec.deep_questions_without_sharing, "reciprocity.asked_without_sharing"),
                follow,
            )
        return h(
            '<section id="details"><h2>The numbers</h2><table class="measures"><thead><tr><th></th>{}'
            "</tr></thead><tbody>{}</tbody></table>{}{}</section>",
            head,
            body,
            listen,
            recip,
        )

    def weekly_cells(self, prefix: str) -> bool:
        """Whether weekly cells of this column open their messages. In long chats the plain counts
        (messages, bids) stay plain so the report stays small; the method's signals stay clickable."""
        return prefix not in ("messages", "bids") or len(self.a.timeline.weeks) <= LONG_CHAT_WEEKS

    def weekly_table(self) -> Markup:
        """The week-by-week table, sent as compact JSON and drawn by the page script."""
        a = self.a
        if "all" in a.limits or not a.timeline.weeks:
            return Markup()
        head = join(h("<th>{}</th>", label) for _, label, _ in WEEKLY_COLUMNS)
        rows: list[list[Any]] = []
        for row in a.weekly.rows(a.timeline.names):
            if not row["messages"]:
                continue
            p = ME if row["person"] == a.me else PARTNER
            cells: list[Any] = [row["week"], p]
            for col, _, ev in WEEKLY_COLUMNS:
                v = row[col]
                cells.append(_dur(v) if col == "median_latency_s" else v)
                if ev and v and self.weekly_cells(ev):
                    self.use(f"w.{ev}.{p}.{row['week']}")
            rows.append(cells)
        self.weekly_rows = {"cols": [ev for _, _, ev in WEEKLY_COLUMNS], "rows": rows}
        return h(
            '<section id="weekly"><details><summary><h2>Week by week</h2></summary><div class="scroll">'
            '<table class="weekly"><thead><tr><th>week</th><th>who</th>{}</tr></thead>'
            '<tbody id="weekly-body"></tbody></table></div></details></section>',
            head,
        )

    def method(self) -> Markup:
        p = self.a.params
        return h(
            '<section id="how"><details><summary><h2>How these numbers are made</h2></summary><ul>'
            "<li>Every text message is read once by openup's pattern tier (and the learned tier when it is "
            "installed and not turned off). Photos, stickers, calls and system notices are counted, not "
            "read.</li>"
            "<li>A reply is a message that follows the other person's within {} hours; "
            "after a longer silence the message starts a new thread.</li>"
            "<li>A bid for attention is a question, shared news, a link or a photo. It was turned toward "
            "when the "
            "other person answered within {} hours without hostility.</li>"
            "<li>Depth of sharing: one point each for talking about oneself, speaking from one's own "
            "experience "
            "(\u201cI feel\u2026\u201d, \u201cI need\u2026\u201d), and naming a feeling.</li>"
            "<li>A follow-up is another message sent {} minutes or more after your own "
            "unanswered one. Pulling back means replies later and shorter than that person's own usual.</li>"
            "<li>A small win is a message of your partner's that is at least one point deeper than the "
            "average of "
            "their previous {} messages.</li>"
            "<li>Patterns miss things and misread some: treat every number as a prompt to look at the "
            "messages, "
            "not as a verdict. Each list shows the most recent examples and says how many there were.</li>"
            "</ul></details></section>",
            p.thread_gap_s // 3600,
            p.reply_window_s // 3600,
            p.followup_gap_s // 60,
            p.baseline_n,
        )

    # -- evidence blob --------------------------------------------------------------------------------
    def evidence(self) -> dict[str, Any]:
        """What the page's script reads: the evidence lists in use, their message snippets, the weekly rows."""
        a = self.a
        tl = a.timeline
        lists: dict[str, Any] = {}
        rows: set[int] = set()
        # Weekly cells share one budget so a chat of many years still gives a report of a few megabytes.
        n_weekly = sum(1 for k in self.used if k.startswith("w."))
        weekly_cap = max(1, min(a.book.weekly_cap, WEEKLY_BUDGET // max(1, n_weekly)))
        for key in sorted(self.used):
            ev = a.book.get(key)
            if ev is None:
                continue
            examples = [list(ex) for ex in reversed(ev.examples)]
            if key.startswith("w."):
                examples = examples[:weekly_cap]
            lists[key] = {
                "t": ev.title,
                "p": ev.principle,
                "n": ev.count,
                "ex": [[tl.messages[r].msg_id for r in ex] for ex in examples],
            }
            for ex in examples:
                rows.update(ex)
        msgs = {}
        for r in sorted(rows):
            m = tl.messages[r]
            text = m.text if m.kind == "text" else f"[{m.kind}] {m.text}".strip()
            msgs[m.msg_id] = [
                _when(m.ts_local),
                tl.who[r],
                text[:SNIPPET] + ("…" if len(text) > SNIPPET else ""),
            ]
        return {"names": ["You", self.partner], "lists": lists, "msgs": msgs, "weekly": self.weekly_rows}

    def build(self) -> str:
        sections = [
            self.safety(),
            self.header(),
            self.priorities(),
            self.limits(),
            self.glance(),
            self.charts(),
            self.details(),
            self.weekly_table(),
            self.method(),
        ]
        body = join((s for s in sections if s), "\n")
        title = f"openup · {self.me}" + (f" & {self.a.partner}" if self.a.partner else "")
        css, js = _asset("report.css"), _asset("report.js")
        return _environment().get_template("template.html").render(
            title=title,
            csp=page_policy(css, js),
            css=Markup(css),
            js=Markup(js),
            body=body,
            evidence=self.evidence(),  # sections first: they decide which evidence lists are used
        )


# The "At a glance" tiles in page order: (measure the chat must support or None, needs a partner, principle,
# the ReportBuilder method giving the tiles).
GLANCE_TILES: Final[tuple[tuple[str | None, bool, str, Callable[[ReportBuilder], list[Tile]]], ...]] = (
    ("appreciation", False, "appreciate · no-criticism", ReportBuilder._ratio_tile),
    ("bids", True, "listen", ReportBuilder._bids_tiles),
    ("listening", True, "listen", ReportBuilder._listening_tile),
    ("small_wins", True, "small-wins", ReportBuilder._small_wins_tile),
    ("pursuit", True, "give-room", ReportBuilder._pursuit_tile),
    ("latency", True, "give-room", ReportBuilder._latency_tile),
    (None, False, "reciprocity", ReportBuilder._words_tile),
    ("openness", False, "reciprocity · small-wins", ReportBuilder._openness_tile),
)


def _dur(v: float | None) -> str:
    return "–" if v is None else duration(v)


def _when(ts: datetime) -> str:
    return ts.strftime("%Y-%m-%d %H:%M")


def render_html(analysis: Analysis) -> str:
    """The whole report page as a string."""
    return ReportBuilder(analysis).build()


__all__: Sequence[str] = ["ReportBuilder", "render_html"]
