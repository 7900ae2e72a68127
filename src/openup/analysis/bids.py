"""Bids for attention and how they were met (principle `listen`).

A bid is a turn that invites attention: a question, shared news ("guess what", "look at this"), a link,
or a photo or other media. The other person turned toward it when they replied within the reply window
without hostility; turned against it when the reply carried criticism, contempt or dismissal; turned away
when no reply came within the window. Research on couples found that those who stayed together turned
toward each other's bids about 86% of the time, and those who split about 33%.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from openup.analysis.evidence import EvidenceBook
from openup.analysis.features import ANY_QUESTION, LINK, NEWS
from openup.analysis.params import Params
from openup.analysis.responses import response_to
from openup.analysis.timeline import Timeline
from openup.analysis.weekly import Weekly
from openup.method import references

PRINCIPLE = "listen"
STABLE_PCT: Final = references().turn_toward_stayed_together
SPLIT_PCT: Final = references().turn_toward_split
BID_MASK: Final = ANY_QUESTION | NEWS | LINK


def bid_type(tl: Timeline, i: int) -> str | None:
    """ "question", "news", "link", "media", or None when row `i` is not a bid."""
    m = tl.mask[i]
    if tl.is_text[i]:
        if not m & BID_MASK:
            return None
        if m & LINK:
            return "link"
        if m & NEWS:
            return "news"
        return "question"
    return "media" if tl.kind[i] == "media" else None


@dataclass(frozen=True, slots=True)
class BidsPerson:
    """The bids one person made (by type), and how they answered the other person's bids: of `received`,
    turned `toward`, `away` or `against` them; `turn_toward_pct` is None when they received none."""

    bids: int
    by_type: dict[str, int]  # "question", "news", "link", "media" -> bids of that type
    received: int
    toward: int
    away: int
    against: int
    turn_toward_pct: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "bids": self.bids,
            "by_type": self.by_type,
            "received": self.received,
            "toward": self.toward,
            "away": self.away,
            "against": self.against,
            "turn_toward_pct": self.turn_toward_pct,
        }


@dataclass(frozen=True, slots=True)
class Bids:
    people: tuple[BidsPerson, ...]  # you, then your partner

    def to_dict(self) -> dict[str, Any]:
        return {
            "principle": PRINCIPLE,
            "reference": {"stable_pct": STABLE_PCT, "split_pct": SPLIT_PCT},
            "people": [p.to_dict() for p in self.people],
        }


def measure_bids(tl: Timeline, params: Params, weekly: Weekly, book: EvidenceBook) -> Bids:
    """Every bid, its type and the other person's response; turn-toward % per responder."""
    made = weekly.col("bids")
    toward_w = weekly.col("turned_toward")
    given = weekly.col("toward_given")
    received = weekly.col("bids_received")
    names = tl.names
    two = names[1] is not None
    stats: list[dict[str, int]] = [
        {"bids": 0, "received": 0, "toward": 0, "away": 0, "against": 0} for _ in range(2)
    ]
    by_type: list[dict[str, int]] = [{"question": 0, "news": 0, "link": 0, "media": 0} for _ in range(2)]
    made_ev = [
        book.open(f"bids.made.{p}", f"Bids for attention from {names[p]}", PRINCIPLE) for p in range(2)
    ]
    for i in range(len(tl)):
        kind = bid_type(tl, i)
        if kind is None:
            continue
        p, w = tl.who[i], tl.week[i]
        wk = tl.weeks[w]
        s = stats[p]
        s["bids"] += 1
        by_type[p][kind] += 1
        made[p][w] += 1  # type: ignore[operator]
        made_ev[p].add(i)
        book.add(f"w.bids.{p}.{wk}", f"Bids from {names[p]} in {wk}", PRINCIPLE, (i,), weekly=True)
        if not two:
            continue
        r = 1 - p
        rs = stats[r]
        rs["received"] += 1
        received[r][w] += 1  # type: ignore[operator]
        resp = response_to(tl, i, r, params.reply_window_s)
        if not resp.replied:
            rs["away"] += 1
            book.add(
                f"bids.away.{r}",
                f"Bids from {names[p]} that {names[r]} did not answer in time",
                PRINCIPLE,
                (i,),
            )
        elif resp.hostile:
            rs["against"] += 1
            book.add(
                f"bids.against.{r}",
                f"Bids from {names[p]} that {names[r]} answered with hostility",
                PRINCIPLE,
                (i, *resp.rows),
            )
        else:
            rs["toward"] += 1
            toward_w[p][w] += 1  # type: ignore[operator]
            given[r][w] += 1  # type: ignore[operator]
            book.add(
                f"bids.toward.{r}",
                f"Bids from {names[p]} that {names[r]} turned toward",
                PRINCIPLE,
                (i, *resp.rows),
            )
            book.add(
                f"w.turned_toward.{p}.{wk}",
                f"Bids from {names[p]} answered in {wk}",
                PRINCIPLE,
                (i, *resp.rows),
                weekly=True,
            )
    return Bids(tuple(_person(s, types) for s, types in zip(stats, by_type, strict=True)))


def _person(s: dict[str, int], by_type: dict[str, int]) -> BidsPerson:
    n = s["received"]
    pct = round(100 * s["toward"] / n, 1) if n else None
    return BidsPerson(s["bids"], by_type, n, s["toward"], s["away"], s["against"], pct)
