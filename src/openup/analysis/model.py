"""The Analysis record: every measure, the weekly table, the evidence behind each number."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, cast

from openup.analysis.evidence import EvidenceBook
from openup.analysis.params import Params
from openup.analysis.registry import measures
from openup.analysis.timeline import ME, PARTNER, Timeline
from openup.analysis.weekly import Weekly
from openup.method import references

if TYPE_CHECKING:
    import pandas as pd

    from openup.analysis.bids import Bids
    from openup.analysis.leverage import Leverage
    from openup.analysis.listening import Listening
    from openup.analysis.openness import Openness
    from openup.analysis.priorities import Finding
    from openup.analysis.pursuit import Pursuit
    from openup.analysis.ratio import Ratio
    from openup.analysis.reciprocity import Reciprocity
    from openup.analysis.safety_screen import SafetyScreen
    from openup.analysis.small_wins import SmallWins
    from openup.analysis.volume import Volume

SCHEMA_VERSION: Final = 1
SNIPPET: Final = 280


@dataclass
class Analysis:
    """The method's measures for one couple's chat; `to_dict()` is what metrics.json holds."""

    me: str
    partner: str | None
    platform: str
    title: str | None
    params: Params
    timeline: Timeline = field(repr=False)
    weekly: Weekly = field(repr=False)
    book: EvidenceBook = field(repr=False)
    results: dict[str, Any] = field(repr=False)  # each registered measure's record, by measure name
    safety: SafetyScreen
    priorities: list[Finding]
    strengths: list[Finding]
    notes: list[str]
    limits: dict[str, str]
    counts: dict[str, int]

    # -- the built-in measures, by name ---------------------------------------------------------------
    @property
    def volume(self) -> Volume:
        return cast("Volume", self.results["volume"])

    @property
    def openness(self) -> Openness:
        return cast("Openness", self.results["openness"])

    @property
    def reciprocity(self) -> Reciprocity:
        return cast("Reciprocity", self.results["reciprocity"])

    @property
    def ratio(self) -> Ratio:
        return cast("Ratio", self.results["ratio"])

    @property
    def bids(self) -> Bids:
        return cast("Bids", self.results["bids"])

    @property
    def pursuit(self) -> Pursuit:
        return cast("Pursuit", self.results["pursuit"])

    @property
    def listening(self) -> Listening:
        return cast("Listening", self.results["listening"])

    @property
    def small_wins(self) -> SmallWins:
        return cast("SmallWins", self.results["small_wins"])

    @property
    def leverage(self) -> Leverage:
        return cast("Leverage", self.results["leverage"])

    # -- evidence -----------------------------------------------------------------------------------
    def msg_id(self, row: int) -> str:
        return self.timeline.messages[row].msg_id

    def evidence_ids(self, key: str | None) -> list[str]:
        """The msg_ids behind one evidence list (examples flattened, duplicates removed)."""
        ev = self.book.get(key) if key else None
        if ev is None:
            return []
        return list(dict.fromkeys(self.msg_id(r) for r in ev.rows()))

    def measurable(self, what: str) -> bool:
        """False when the chat cannot support this measure (see `limits` for why)."""
        return what not in self.limits

    # -- export -------------------------------------------------------------------------------------
    @property
    def n_messages(self) -> int:
        return len(self.timeline)

    def summary(self) -> dict[str, Any]:
        r_me, r_pa = self.ratio.people[ME], self.ratio.people[PARTNER]
        refs = references()
        b_me, b_pa = self.bids.people[ME], self.bids.people[PARTNER]
        cyc = self.pursuit.cycle
        two = self.partner is not None
        return {
            "messages": self.n_messages,
            "messages_by_person": {
                self.me: self.volume.people[ME].messages,
                **({self.partner: self.volume.people[PARTNER].messages} if two else {}),
            },
            "weeks": len(self.timeline.weeks),
            "first": self.timeline.messages[0].ts_local.isoformat() if self.n_messages else None,
            "last": self.timeline.messages[-1].ts_local.isoformat() if self.n_messages else None,
            "appreciation_to_criticism": r_me.ratio,
            "appreciation": r_me.appreciation,
            "criticism": r_me.critical_messages,
            "partner_appreciation_to_criticism": r_pa.ratio if two else None,
            "reference_ratio": refs.appreciation_to_criticism,
            "turn_toward_pct": b_me.turn_toward_pct if two else None,
            "partner_turn_toward_pct": b_pa.turn_toward_pct if two else None,
            "reference_turn_toward_pct": {"stayed_together": refs.turn_toward_stayed_together,
                                          "split": refs.turn_toward_split},
            "pursue_withdraw": {
                "score": cyc.score,
                "pursuer": cyc.pursuer,
                "withdrawer": cyc.withdrawer,
                "cycle_weeks": len(cyc.cycle_weeks),
                "correlation": cyc.correlation,
            },
            "listened_pct": self.listening.listened_pct,
            "small_wins": self.small_wins.count,
            "partner_depth_trend": self.openness.partner_trend.direction,
            "safety_level": self.safety.level,
        }

    def small_wins_rows(self) -> list[dict[str, Any]]:
        out = []
        for row, how in self.small_wins.wins:
            m = self.timeline.messages[row]
            out.append(
                {
                    "msg_id": m.msg_id,
                    "ts": m.ts_local.isoformat(),
                    "sender": m.sender_name,
                    "text": m.text[:SNIPPET],
                    "your_answer": how,
                }
            )
        return out

    def priority_rows(self) -> list[dict[str, Any]]:
        return [f.to_dict(self.book, self.evidence_ids(f.evidence_key)) for f in self.priorities]

    def to_dict(self) -> dict[str, Any]:
        """Everything metrics.json holds; plain JSON types only."""
        return {
            "schema": SCHEMA_VERSION,
            "me": self.me,
            "partner": self.partner,
            "platform": self.platform,
            "title": self.title,
            "summary": self.summary(),
            "priorities": self.priority_rows(),
            "strengths": [
                f.to_dict(self.book, self.evidence_ids(f.evidence_key)[:10]) for f in self.strengths
            ],
            "safety": {**self.safety.to_dict(), "evidence": self.evidence_ids("safety")},
            "notes": self.notes,
            "limits": self.limits,
            "counts": self.counts,
            "params": self.params.to_dict(),
            "measures": {m.json_key: self.results[m.name].to_dict() for m in measures() if m.name in self.results},
            "weekly": self.weekly.rows(self.timeline.names),
            "small_wins": self.small_wins_rows(),
        }

    def weekly_frame(self) -> pd.DataFrame:
        """The weekly rows as a pandas DataFrame (one row per week and person).

        >>> analysis.weekly_frame().pivot(index="week", columns="person", values="messages")  # doctest: +SKIP
        """
        try:
            import pandas as pd
        except ImportError:
            raise ImportError(
                "Analysis.weekly_frame() needs pandas, which is not installed. Install it with "
                "`pip install pandas`, or use Analysis.to_dict()['weekly'], a list of plain dicts."
            ) from None
        return pd.DataFrame(self.weekly.rows(self.timeline.names))
