"""The safety screen over a whole chat (principle `safety`).

Only messages where a tier already saw a danger sign (threat, violence, control, fear,
self-harm) go to `openup.coach.safety`; its verdict and help resources head the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from openup.analysis.evidence import EvidenceBook
from openup.analysis.features import SAFETY
from openup.analysis.timeline import Timeline

if TYPE_CHECKING:
    from openup.coach.safety import Resource, SafetyReason

PRINCIPLE = "safety"
MAX_SCREENED = 500
MAX_REASONS = 50


@dataclass(frozen=True, slots=True)
class FlaggedReason:
    """One reason the screen gave, with the id of the message it points at (None when it points at none)."""

    reason: SafetyReason
    msg_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = self.reason.to_dict()
        if self.reason.index is not None:
            out["msg_id"] = self.msg_id
        return out


@dataclass(frozen=True, slots=True)
class SafetyScreen:
    level: str
    flagged: int
    message: str = ""
    resources: tuple[Resource, ...] = ()
    reasons: tuple[FlaggedReason, ...] = ()
    available: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "principle": PRINCIPLE,
            "level": self.level,
            "flagged": self.flagged,
            "message": self.message,
            "resources": [r.to_dict() for r in self.resources],
            "reasons": [r.to_dict() for r in self.reasons],
            "screen_available": self.available,
        }


def screen(tl: Timeline, book: EvidenceBook, country: str | None = None, model: bool | None = False) -> SafetyScreen:
    """Screen the flagged messages; `level` is "none" when nothing was flagged."""
    rows = [i for i in range(len(tl)) if tl.is_text[i] and tl.mask[i] & SAFETY]
    if not rows:
        return SafetyScreen("none", 0)
    try:
        from openup.coach.safety import assess_texts
    except ImportError:
        for i in rows[-book.cap :]:
            book.add("safety", "Messages with signs of danger", PRINCIPLE, (i,))
        return SafetyScreen(
            "concern",
            len(rows),
            "Some messages contain words linked to threats, control, fear, violence or self-harm. "
            "If you feel unsafe, please reach out to a local helpline or emergency services.",
            available=False,
        )
    recent = rows[-MAX_SCREENED:]
    verdict = assess_texts([tl.text[i] for i in recent], country=country, model=model)
    if verdict.level == "none":
        return SafetyScreen("none", 0)
    hit = sorted({r.index for r in verdict.reasons if r.index is not None})
    for k in hit:
        book.add("safety", "Messages with signs of danger", PRINCIPLE, (recent[k],))
    reasons = tuple(
        FlaggedReason(r, tl.messages[recent[r.index]].msg_id) if r.index is not None else FlaggedReason(r)
        for r in verdict.reasons[:MAX_REASONS]
    )
    flagged = len(hit) + (len(rows) - len(recent))
    return SafetyScreen(verdict.level, flagged, verdict.message, verdict.resources, reasons)
