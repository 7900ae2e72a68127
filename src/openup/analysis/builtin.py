"""The built-in measures, registered in the order metrics.json and the report show them, each with what the
chat must hold for it and the rows it adds to the report's table of numbers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from openup.analysis import (
    bids,
    leverage,
    listening,
    openness,
    pursuit,
    ratio,
    reciprocity,
    small_wins,
    volume,
)
from openup.analysis.registry import Context, Measure, Record, ReportRow, register

if TYPE_CHECKING:
    from openup.analysis.evidence import EvidenceBook
    from openup.analysis.model import Analysis
    from openup.analysis.params import Params
    from openup.analysis.timeline import Timeline
    from openup.analysis.weekly import Weekly

TWO: frozenset[str] = frozenset({"two_people"})
TEXT: frozenset[str] = frozenset({"text"})


def _row(label: str, principle: str, people: Sequence[int], value: object, key: str | None = None) -> ReportRow:
    """A row whose cell for person p is value(p), opening the evidence key.format(p=p)."""
    get = value if callable(value) else (lambda p: value)
    return ReportRow(label, principle, tuple((get(p), key.format(p=p) if key else None) for p in people))


def _volume_rows(a: Analysis, people: Sequence[int]) -> list[ReportRow]:
    vol = a.volume.people
    return [
        _row("Messages", "give-room", people, lambda p: vol[p].messages),
        _row("Words", "reciprocity", people, lambda p: vol[p].words),
        _row("Photos, videos, files", "listen", people, lambda p: vol[p].media),
        _row("New threads started", "give-room", people, lambda p: vol[p].threads_started, "volume.threads.{p}"),
    ]


def _openness_rows(a: Analysis, people: Sequence[int]) -> list[ReportRow]:
    ope = a.openness.per_person
    return [
        _row("Messages sharing about oneself", "reciprocity", people, lambda p: ope[p].self_disclosure,
             "openness.disclosure.{p}"),
        _row("Messages naming a feeling", "reciprocity", people, lambda p: ope[p].emotion, "openness.emotion.{p}"),
    ]


def _ratio_rows(a: Analysis, people: Sequence[int]) -> list[ReportRow]:
    rat = a.ratio.people
    rows = [_row("Appreciative messages", "appreciate", people, lambda p: rat[p].appreciation,
                 "ratio.appreciation.{p}")]
    for k in ratio.HURT_KINDS:
        rows.append(_row(f"Messages with {k}", "no-criticism", people, lambda p, k=k: rat[p].harsh[k],
                         f"ratio.{k}.{{p}}"))
    return rows


def _bids_rows(a: Analysis, people: Sequence[int]) -> list[ReportRow]:
    bid = a.bids.people
    rows = [_row("Bids for attention made", "listen", people, lambda p: bid[p].bids, "bids.made.{p}")]
    if a.partner:
        rows += [
            _row("… of the other's bids: turned toward", "listen", people, lambda p: bid[p].toward,
                 "bids.toward.{p}"),
            _row("… turned away (no answer in time)", "listen", people, lambda p: bid[p].away, "bids.away.{p}"),
            _row("… turned against (hostile answer)", "listen", people, lambda p: bid[p].against,
                 "bids.against.{p}"),
        ]
    return rows


def _pursuit_rows(a: Analysis, people: Sequence[int]) -> list[ReportRow]:
    pur = a.pursuit.people
    rows = []
    if a.partner:
        rows += [
            _row("Follow-ups before an answer", "give-room", people, lambda p: pur[p].follow_ups,
                 "pursuit.follow_ups.{p}"),
            _row("… still unanswered", "give-room", people, lambda p: pur[p].unanswered_follow_ups,
                 "pursuit.unanswered.{p}"),
            _row("Question barrages", "give-room", people, lambda p: pur[p].barrages, "pursuit.barrages.{p}"),
        ]
    rows.append(_row("Demands and pressure", "give-room", people, lambda p: pur[p].pressure,
                     "pursuit.pressure.{p}"))
    return rows


def _leverage_rows(a: Analysis, people: Sequence[int]) -> list[ReportRow]:
    lev = a.leverage.people
    return [_row("Using a confidence against the other", "no-leverage", people, lambda p: lev[p].messages,
                 "leverage.{p}")]


def _plain(fn: Callable[[Timeline, Params, Weekly, EvidenceBook], Record]) -> Callable[[Context], Record]:
    """A measure function of (timeline, params, weekly, book) as a registry `run`."""
    return lambda c: fn(c.tl, c.params, c.weekly, c.book)


def _pursuit(c: Context) -> pursuit.Pursuit:
    return pursuit.measure_pursuit(c.tl, c.params, c.weekly, c.book, c.earlier["volume"])


register(Measure("volume", _plain(volume.measure_volume), rows=_volume_rows,
                 about="Messages, words, media, threads and reply times per person"))
register(Measure("openness", _plain(openness.measure_openness), TEXT, rows=_openness_rows,
                 about="Sharing about oneself, I-statements and named feelings"))
register(Measure("reciprocity", _plain(reciprocity.measure_reciprocity), TWO | TEXT,
                 about="Whether sharing is matched"))
register(Measure("ratio", _plain(ratio.measure_ratio), TEXT, key="appreciation", rows=_ratio_rows,
                 about="Appreciation against criticism"))
register(Measure("bids", _plain(bids.measure_bids), TWO, rows=_bids_rows,
                 about="Bids for attention and how they were answered"))
register(Measure("pursuit", _pursuit, TWO, rows=_pursuit_rows, about="Pursuing and withdrawing"))
register(Measure("listening", _plain(listening.measure_listening), TWO | TEXT,
                 about="Answers to a partner's sharing"))
register(Measure("small_wins", _plain(small_wins.measure_small_wins), TWO | TEXT,
                 about="Times a partner opened up more than usual, and the answers"))
register(Measure("leverage", _plain(leverage.measure_leverage), rows=_leverage_rows,
                 about="Personal things turned against the other in a hostile moment"))
