"""The three things to work on first: findings about what *you* do, ranked, each tied to a principle.

Every candidate has a severity in [0, 1] computed from the measures, a plain-language finding, and the
evidence lists behind it. One finding per principle; the three most severe above a floor are kept.
Things already going well are returned as strengths, so the report can say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from openup.analysis.bids import SPLIT_PCT, STABLE_PCT, Bids
from openup.analysis.evidence import EvidenceBook
from openup.analysis.leverage import Leverage
from openup.analysis.listening import Listening
from openup.analysis.openness import Openness
from openup.analysis.params import Params
from openup.analysis.pursuit import Pursuit
from openup.analysis.ratio import REFERENCE, Ratio
from openup.analysis.reciprocity import Reciprocity
from openup.analysis.small_wins import SmallWins
from openup.analysis.volume import Volume

FLOOR: Final = 0.15
TOP: Final = 3


@dataclass
class Finding:
    principle: str
    severity: float
    finding: str
    evidence_key: str | None

    def to_dict(self, book: EvidenceBook, ids: list[str]) -> dict[str, Any]:
        ev = book.get(self.evidence_key) if self.evidence_key else None
        return {
            "principle": self.principle,
            "severity": round(self.severity, 3),
            "finding": self.finding,
            "evidence": ids,
            "evidence_count": ev.count if ev else 0,
            "evidence_key": self.evidence_key,
        }


def _merge(book: EvidenceBook, key: str, title: str, principle: str, sources: list[str]) -> str | None:
    """A new evidence list made of the examples of several lists, most recent first by row."""
    lists = [book.get(s) for s in sources]
    found = [ev for ev in lists if ev is not None and ev.count]
    if not found:
        return None
    examples = sorted((ex for ev in found for ex in ev.examples), key=lambda ex: ex[0])
    merged = book.open(key, title, principle)
    for ex in examples:
        merged.add(*ex)
    merged.count = sum(ev.count for ev in found)
    return key


def _hours(seconds: float) -> str:
    h = seconds / 3600
    return f"{h:g} hour" + ("" if h == 1 else "s")


def rank(
    *,
    me: str,
    partner: str | None,
    params: Params,
    book: EvidenceBook,
    results: dict[str, Any],
) -> tuple[list[Finding], list[Finding]]:
    """(priorities, strengths) for the person who ran the analysis, from the measures' records by name."""
    volume: Volume = results["volume"]
    openness: Openness = results["openness"]
    reciprocity: Reciprocity = results["reciprocity"]
    ratio: Ratio = results["ratio"]
    bids: Bids = results["bids"]
    pursuit: Pursuit = results["pursuit"]
    listening: Listening = results["listening"]
    small_wins: SmallWins = results["small_wins"]
    leverage: Leverage = results["leverage"]
    they = partner or "your partner"
    found: list[Finding] = []
    good: list[Finding] = []
    texts = volume.people[0].text_messages

    lev = leverage.people[0]
    if lev["messages"]:
        found.append(
            Finding(
                "no-leverage",
                1.0,
                f"{lev['messages']} of your messages turned something personal back on {they} in a hostile "
                f"moment"
                + (f" ({lev['linked']} echo something {they} had shared earlier)" if lev["linked"] else "")
                + ". Nothing shuts a person down faster; keep what was shared in trust out of arguments.",
                "leverage.0",
            )
        )

    r = ratio.people[0]
    a, c = r["appreciation"], r["critical_messages"]
    if c >= 2 and a / c < REFERENCE:
        per100 = 100 * c / texts if texts else 0.0
        sev = 0.85 * (1 - (a / c) / REFERENCE) + 0.15 * min(1.0, per100 / 5)
        principle = "no-criticism" if per100 >= 1 or a >= c else "appreciate"
        found.append(
            Finding(
                principle,
                sev,
                f"You sent {a} appreciative and {c} critical, contemptuous or dismissive messages: about "
                f"{a / c:.1f} to 1. Couples who do well keep roughly {REFERENCE:g} warm moments for every "
                f"harsh one. "
                "Describe the behaviour that bothered you instead of the person, and say out loud what you "
                "value.",
                "ratio.critical.0",
            )
        )
    elif c < 2 and texts >= 200 and a / texts < 0.01:
        found.append(
            Finding(
                "appreciate",
                0.3,
                f"You rarely put appreciation into words: {a} appreciative messages in {texts}. "
                f"Try naming one small thing you value about {they} each day for the next two weeks.",
                "ratio.appreciation.0",
            )
        )
    elif a >= 5 and (c == 0 or a / c >= REFERENCE):
        good.append(
            Finding(
                "appreciate",
                0.0,
                f"You keep appreciation well ahead of criticism ({a} warm, {c} harsh).",
                "ratio.appreciation.0",
            )
        )

    lis = listening.data
    n_disc = lis["partner_disclosures"] or 0
    if n_disc >= 3:
        o = lis["outcomes"]
        poor = o["fixed"] + o["missed"] + 0.5 * o["neutral"]
        share = poor / n_disc
        key = _merge(
            book,
            "priority.listen",
            f"When {they} shared: your answers that missed the feeling",
            "listen",
            ["listen.fixed", "listen.missed", "listen.neutral"],
        )
        if share >= 0.3:
            found.append(
                Finding(
                    "listen",
                    0.9 * share,
                    f"{they} shared something personal {n_disc} times. {o['fixed']} times you answered with "
                    f"advice, "
                    f"minimizing, dismissal or criticism, {o['neutral']} times without acknowledging it, and "
                    f"{o['missed']} times no answer came within {_hours(params.reply_window_s)}. "
                    "First name the feeling you hear, then ask one genuine question; hold solutions for "
                    "later.",
                    key,
                )
            )
        elif (lis["listened_pct"] or 0) >= 50:
            good.append(
                Finding(
                    "listen",
                    0.0,
                    f"When {they} shares, you usually validate or ask ({lis['listened_pct']}%).",
                    "listen.listened",
                )
            )

    bp = bids.people[0]
    if bp["received"] >= 10 and bp["turn_toward_pct"] is not None:
        pct = bp["turn_toward_pct"]
        key = _merge(
            book,
            "priority.bids",
            f"Bids from {they} you turned away from or against",
            "listen",
            ["bids.against.0", "bids.away.0"],
        )
        if pct < STABLE_PCT:
            found.append(
                Finding(
                    "listen",
                    0.85 * (STABLE_PCT - pct) / (STABLE_PCT - SPLIT_PCT) if pct > SPLIT_PCT else 0.9,
                    f"You turned toward {pct:g}% of {they}'s {bp['received']} bids for attention "
                    f"(questions, news, "
                    f"links, photos); {bp['away']} got no answer within {_hours(params.reply_window_s)} and "
                    f"{bp['against']} a hostile one. In long-term research, couples who stayed together "
                    f"turned "
                    f"toward each other about {STABLE_PCT:g}% of the time; couples who split, about "
                    f"{SPLIT_PCT:g}%.",
                    key,
                )
            )
        else:
            good.append(
                Finding(
                    "listen",
                    0.0,
                    f"You turn toward {pct:g}% of {they}'s bids for attention.",
                    "bids.toward.0",
                )
            )

    cyc = pursuit.cycle
    mine = pursuit.people[0]
    if cyc.get("pursuer") == me and len(cyc.get("cycle_weeks") or []) >= 2:
        weeks = cyc["cycle_weeks"]
        sev = min(1.0, 0.25 + (cyc["score"] or 0) * 1.5)
        found.append(
            Finding(
                "give-room",
                sev,
                f"In {len(weeks)} of {cyc['active_weeks']} weeks you pursued more than usual (follow-ups "
                f"before an "
                f"answer, rapid questions, demands) while {they} answered later and shorter. Pressure tends "
                f"to "
                "deepen withdrawal: say once that you are there when they are ready, then give room.",
                "pursuit.cycle",
            )
        )
    elif (mine["rate_per_100"] or 0) >= 5 and mine["events"] >= 5:
        key = _merge(
            book,
            "priority.pursuit",
            "Your follow-ups, question barrages and demands",
            "give-room",
            ["pursuit.follow_ups.0", "pursuit.barrages.0", "pursuit.pressure.0"],
        )
        found.append(
            Finding(
                "give-room",
                min(0.7, 0.2 + (mine["rate_per_100"] or 0) / 50),
                f"{mine['events']} times you followed up before an answer, asked several questions in a "
                f"row, or "
                f"pressed for a reply. Leave space after a message; one clear invitation is enough.",
                key,
            )
        )

    if small_wins.count >= 3:
        o = small_wins.outcomes
        share = (o["fixed"] + o["missed"] + 0.5 * o["neutral"]) / small_wins.count
        key = _merge(
            book,
            "priority.small_wins",
            f"Times {they} opened up more than usual and it went unremarked",
            "small-wins",
            ["small_wins.fixed", "small_wins.missed", "small_wins.neutral"],
        )
        if share >= 0.3:
            found.append(
                Finding(
                    "small-wins",
                    0.8 * share,
                    f"{small_wins.count} times {they} opened up more than they usually do. {o['listened']} "
                    f"of those "
                    f"got an encouraging answer from you; the others were missed, passed over or met with "
                    f"advice "
                    "or criticism. Notice these moments and say that you are glad they told you.",
                    key,
                )
            )
        else:
            good.append(
                Finding(
                    "small-wins",
                    0.0,
                    f"You encouraged most of the times {they} opened up more than usual.",
                    "small_wins.listened",
                )
            )

    rec = reciprocity.data
    bal = rec["balance"]
    if bal is not None and texts >= 50 and bal < 0.5:
        found.append(
            Finding(
                "reciprocity",
                0.6 * (1 - bal),
                f"You share about yourself in {100 * (rec['your_rate'] or 0):.1f}% of your messages, {they} "
                f"in "
                f"{100 * (rec['partner_rate'] or 0):.1f}%. Openness tends to be matched: tell {they} about "
                f"your own "
                "day, worries and doubts, a little at a time.",
                "openness.disclosure.1",
            )
        )
    elif rec["deep_questions_without_sharing"] >= 3:
        found.append(
            Finding(
                "reciprocity",
                0.35,
                f"{rec['deep_questions_without_sharing']} times you asked a deep question in a week when "
                f"you had "
                f"shared nothing about yourself. Asking for more openness than you give tends to feel like "
                f"an "
                "interview; share something of your own first.",
                "reciprocity.asked_without_sharing",
            )
        )

    q = listening.data["questions"]
    asked = q["thoughts_or_events"] + q["feelings_or_generic"]
    if q["feelings_or_generic"] >= 5 and q["feelings_or_generic"] / asked >= 0.6:
        share = q["feelings_or_generic"] / asked
        found.append(
            Finding(
                "thoughts-first",
                0.2 + 0.3 * (share - 0.6) / 0.4,
                f"{q['feelings_or_generic']} of your {asked} questions asked about feelings or were general "
                '("how was your day?"). Questions about what happened or what they think are easier to '
                'answer.',
                "questions.hard",
            )
        )

    if openness.partner_trend.get("direction") == "deeper":
        good.append(
            Finding(
                "small-wins", 0.0, f"{they} has been sharing more deeply over time.", "openness.disclosure.1"
            )
        )

    best: dict[str, Finding] = {}
    for f in sorted(found, key=lambda f: -f.severity):
        if f.severity >= FLOOR and f.principle not in best:
            best[f.principle] = f
    return list(best.values())[:TOP], good
