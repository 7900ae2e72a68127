"""The three things to work on first: findings about what *you* do, ranked, each tied to a principle.

Each finding is one small rule, registered with its principle (`@rule`). A rule reads the measures'
records and returns what it found: something to work on (a severity in [0, 1]) and/or a strength (already
going well). Its thresholds are in `Params`, its sentences in `method/findings.toml`. Ranking is a loop over
the rules: one finding per principle, the most severe above `Params.priority_floor`, at most
`Params.priorities_shown` of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

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
from openup.method import read_data


@dataclass
class Finding:
    principle: str
    severity: float
    finding: str
    evidence_key: str | None
    strength: bool = False  # going well, not something to work on

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


@dataclass(frozen=True, slots=True)
class Inputs:
    """What every rule reads: who is who, the parameters, the evidence book and the measures' records."""

    me: str
    they: str
    params: Params
    book: EvidenceBook
    results: dict[str, Any]

    @property
    def texts(self) -> int:
        """Your text messages."""
        return int(self.results["volume"].people[0].text_messages)

    def say(self, rule: str, field: str, **values: Any) -> str:
        """A sentence of `method/findings.toml`, filled in (`they` is always available)."""
        return str(sentences()[rule][field]).format(they=self.they, **values)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    principle: str
    find: Callable[[Inputs], list[Finding]]


RULES: list[Rule] = []


def rule(name: str, principle: str) -> Callable[[Callable[[Inputs], list[Finding]]], Callable[[Inputs], list[Finding]]]:
    """Register a rule under its name and principle, after the ones registered before it."""

    def add(fn: Callable[[Inputs], list[Finding]]) -> Callable[[Inputs], list[Finding]]:
        RULES[:] = [r for r in RULES if r.name != name]
        RULES.append(Rule(name, principle, fn))
        return fn

    return add


@cache
def sentences() -> dict[str, dict[str, str]]:
    """The findings' sentences (`method/findings.toml`)."""
    return read_data("findings.toml")


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


def _poor_share(outcomes: dict[str, int], total: int) -> float:
    """Answers that fixed, missed or (half) passed over, as a share of `total`."""
    return (outcomes["fixed"] + outcomes["missed"] + 0.5 * outcomes["neutral"]) / total


# -- the rules, in the order their findings are listed ----------------------------------------------------


@rule("leverage", "no-leverage")
def _leverage(x: Inputs) -> list[Finding]:
    lev = x.results["leverage"]
    assert isinstance(lev, Leverage)
    mine = lev.people[0]
    if not mine.messages:
        return []
    linked = x.say("leverage", "linked", linked=mine.linked) if mine.linked else ""
    return [Finding("no-leverage", 1.0, x.say("leverage", "priority", messages=mine.messages, linked=linked),
                    "leverage.0")]


@rule("appreciation", "appreciate")
def _appreciation(x: Inputs) -> list[Finding]:
    ratio = x.results["ratio"]
    assert isinstance(ratio, Ratio)
    p, texts = x.params, x.texts
    a, c = ratio.people[0].appreciation, ratio.people[0].critical_messages
    if c >= p.min_critical and a / c < REFERENCE:
        per100 = 100 * c / texts if texts else 0.0
        sev = 0.85 * (1 - (a / c) / REFERENCE) + 0.15 * min(1.0, per100 / 5)
        principle = "no-criticism" if per100 >= 1 or a >= c else "appreciate"
        text = x.say("appreciation", "priority", appreciative=a, critical=c, ratio=a / c, reference=REFERENCE)
        return [Finding(principle, sev, text, "ratio.critical.0")]
    if c < p.min_critical and texts >= p.rare_appreciation_texts and a / texts < p.rare_appreciation_rate:
        return [Finding("appreciate", 0.3, x.say("appreciation", "rare", appreciative=a, texts=texts),
                        "ratio.appreciation.0")]
    if a >= p.strength_appreciation and (c == 0 or a / c >= REFERENCE):
        return [Finding("appreciate", 0.0, x.say("appreciation", "strength", appreciative=a, critical=c),
                        "ratio.appreciation.0", strength=True)]
    return []


@rule("listening", "listen")
def _listening(x: Inputs) -> list[Finding]:
    lis = x.results["listening"]
    assert isinstance(lis, Listening)
    shared = lis.partner_disclosures or 0
    if shared < x.params.min_disclosures:
        return []
    o = lis.outcomes
    share = _poor_share(o, shared)
    key = _merge(x.book, "priority.listen", x.say("listening", "evidence"), "listen",
                 ["listen.fixed", "listen.missed", "listen.neutral"])
    if share >= x.params.poor_share:
        text = x.say("listening", "priority", shared=shared, fixed=o["fixed"], neutral=o["neutral"],
                     missed=o["missed"], window=_hours(x.params.reply_window_s))
        return [Finding("listen", 0.9 * share, text, key)]
    if (lis.listened_pct or 0) >= x.params.listened_pct_strength:
        text = x.say("listening", "strength", listened_pct=lis.listened_pct)
        return [Finding("listen", 0.0, text, "listen.listened", strength=True)]
    return []


@rule("bids", "listen")
def _bids(x: Inputs) -> list[Finding]:
    bids = x.results["bids"]
    assert isinstance(bids, Bids)
    bp = bids.people[0]
    pct = bp.turn_toward_pct
    if bp.received < x.params.min_bids or pct is None:
        return []
    key = _merge(x.book, "priority.bids", x.say("bids", "evidence"), "listen", ["bids.against.0", "bids.away.0"])
    if pct < STABLE_PCT:
        sev = 0.85 * (STABLE_PCT - pct) / (STABLE_PCT - SPLIT_PCT) if pct > SPLIT_PCT else 0.9
        text = x.say("bids", "priority", pct=pct, received=bp.received, away=bp.away, against=bp.against,
                     window=_hours(x.params.reply_window_s), stable=STABLE_PCT, split=SPLIT_PCT)
        return [Finding("listen", sev, text, key)]
    return [Finding("listen", 0.0, x.say("bids", "strength", pct=pct), "bids.toward.0", strength=True)]


@rule("pursuit", "give-room")
def _pursuit(x: Inputs) -> list[Finding]:
    pur = x.results["pursuit"]
    assert isinstance(pur, Pursuit)
    cyc, mine = pur.cycle, pur.people[0]
    if cyc.pursuer == x.me and len(cyc.cycle_weeks) >= x.params.min_cycle_weeks:
        sev = min(1.0, 0.25 + (cyc.score or 0) * 1.5)
        text = x.say("pursuit", "cycle", weeks=len(cyc.cycle_weeks), active_weeks=cyc.active_weeks)
        return [Finding("give-room", sev, text, "pursuit.cycle")]
    if (mine.rate_per_100 or 0) >= x.params.pursuit_per_100 and mine.events >= x.params.pursuit_events:
        key = _merge(x.book, "priority.pursuit", x.say("pursuit", "evidence"), "give-room",
                     ["pursuit.follow_ups.0", "pursuit.barrages.0", "pursuit.pressure.0"])
        sev = min(0.7, 0.2 + (mine.rate_per_100 or 0) / 50)
        return [Finding("give-room", sev, x.say("pursuit", "priority", events=mine.events), key)]
    return []


@rule("small_wins", "small-wins")
def _small_wins(x: Inputs) -> list[Finding]:
    wins = x.results["small_wins"]
    assert isinstance(wins, SmallWins)
    if wins.count < x.params.min_small_wins:
        return []
    share = _poor_share(wins.outcomes, wins.count)
    key = _merge(x.book, "priority.small_wins", x.say("small_wins", "evidence"), "small-wins",
                 ["small_wins.fixed", "small_wins.missed", "small_wins.neutral"])
    if share >= x.params.poor_share:
        text = x.say("small_wins", "priority", count=wins.count, listened=wins.outcomes["listened"])
        return [Finding("small-wins", 0.8 * share, text, key)]
    return [Finding("small-wins", 0.0, x.say("small_wins", "strength"), "small_wins.listened", strength=True)]


@rule("reciprocity", "reciprocity")
def _reciprocity(x: Inputs) -> list[Finding]:
    rec = x.results["reciprocity"]
    assert isinstance(rec, Reciprocity)
    bal = rec.balance
    if bal is not None and x.texts >= x.params.reciprocity_texts and bal < x.params.reciprocity_balance:
        text = x.say("reciprocity", "priority", yours=100 * (rec.your_rate or 0),
                     theirs=100 * (rec.partner_rate or 0))
        return [Finding("reciprocity", 0.6 * (1 - bal), text, "openness.disclosure.1")]
    asked = rec.deep_questions_without_sharing
    if asked >= x.params.asked_without_sharing:
        return [Finding("reciprocity", 0.35, x.say("reciprocity", "asking", asked=asked),
                        "reciprocity.asked_without_sharing")]
    return []


@rule("questions", "thoughts-first")
def _questions(x: Inputs) -> list[Finding]:
    lis = x.results["listening"]
    assert isinstance(lis, Listening)
    q = lis.questions
    hard = q.feelings_or_generic
    asked = q.thoughts_or_events + hard
    if hard < x.params.hard_questions or hard / asked < x.params.hard_question_share:
        return []
    share = hard / asked
    sev = 0.2 + 0.3 * (share - x.params.hard_question_share) / (1 - x.params.hard_question_share)
    return [Finding("thoughts-first", sev, x.say("questions", "priority", hard=hard, asked=asked), "questions.hard")]


@rule("partner_trend", "small-wins")
def _partner_trend(x: Inputs) -> list[Finding]:
    ope = x.results["openness"]
    assert isinstance(ope, Openness)
    if ope.partner_trend.direction != "deeper":
        return []
    return [Finding("small-wins", 0.0, x.say("partner_trend", "strength"), "openness.disclosure.1", strength=True)]


def rank(
    *,
    me: str,
    partner: str | None,
    params: Params,
    book: EvidenceBook,
    results: dict[str, Any],
) -> tuple[list[Finding], list[Finding]]:
    """(priorities, strengths) for the person who ran the analysis, from the measures' records by name."""
    assert isinstance(results["volume"], Volume)
    x = Inputs(me, partner or "your partner", params, book, results)
    found: list[Finding] = []
    good: list[Finding] = []
    for r in RULES:
        for f in r.find(x):
            (good if f.strength else found).append(f)
    best: dict[str, Finding] = {}
    for f in sorted(found, key=lambda f: -f.severity):
        if f.severity >= params.priority_floor and f.principle not in best:
            best[f.principle] = f
    return list(best.values())[: params.priorities_shown], good
