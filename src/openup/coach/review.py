"""`check()`: review a draft before it is sent or said.

Signals come from `detect()`; feedback is grouped by principle; safety always wins: when the draft
shows signs of danger, the answer is the safety section, with no style advice and no rewrite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from openup.coach.language import Unread, english_part, outside_unread
from openup.coach.rewrite import rewrite_candidates
from openup.coach.safety import Safety, assess
from openup.method import SignalKind, kinds, principles
from openup.text.detect import detect
from openup.text.signal import Signal
from openup.text.validate import validate_message

_SEVERITY_NAMES = {5: "danger", 4: "high", 3: "high", 2: "medium", 1: "low", 0: "good"}


@dataclass(frozen=True, slots=True)
class Feedback:
    """What one principle has to say about the draft."""

    principle: str
    severity: str  # danger | concern | high | medium | low | good
    message: str
    suggestion: str | None
    kinds: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "principle": self.principle,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "kinds": list(self.kinds),
            "spans": [list(s) for s in self.spans],
        }


@dataclass(frozen=True, slots=True)
class Review:
    """The result of `check()`; `to_dict()` is the JSON shape of `openup check --json`."""

    text: str
    signals: tuple[Signal, ...]
    feedback: tuple[Feedback, ...]
    rewrite: str | None
    safety: Safety
    alternatives: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())
    unread: tuple[Unread, ...] = field(default=())  # parts of `text` not read (sentences not in English)

    @property
    def clean(self) -> bool:
        """No harmful signal and no safety concern."""
        table = kinds()
        return self.safety.level == "none" and not any(table[s.kind].harmful for s in self.signals)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "signals": [s.to_dict() for s in self.signals],
            "feedback": [f.to_dict() for f in self.feedback],
            "rewrite": self.rewrite,
            "alternatives": list(self.alternatives),
            "notes": list(self.notes),
            "safety": self.safety.to_dict(),
            "unread": [u.to_dict() for u in self.unread],
        }


def _group(signals: Sequence[Signal]) -> dict[str, list[Signal]]:
    table = kinds()
    out: dict[str, list[Signal]] = {}
    for s in signals:
        out.setdefault(table[s.kind].principle, []).append(s)
    return out


def _quoted(kind: SignalKind, found: Sequence[Signal]) -> str:
    """' (“…”, “…”)': up to three of the words found for `kind`, or "" when none has words of its own."""
    words = [f"\u201c{s.match.strip()}\u201d" for s in found if s.kind == kind.name and s.match.strip()]
    return f" ({', '.join(words[:3])})" if words else ""


def _feedback_for(principle: str, found: list[Signal], suggestion: str | None) -> list[Feedback]:
    table = kinds()
    hurts = [s for s in found if table[s.kind].polarity == "hurts"]
    helps = [s for s in found if table[s.kind].polarity == "helps"]
    out: list[Feedback] = []
    if hurts:
        ordered: list[SignalKind] = []
        for s in sorted(hurts, key=lambda s: -table[s.kind].severity):
            if table[s.kind] not in ordered:
                ordered.append(table[s.kind])
        message = f"{ordered[0].label.capitalize()}{_quoted(ordered[0], hurts)}: {ordered[0].advice}"
        for extra in ordered[1:]:  # each kind quotes its own words: "Calm down" is no criticism of the person
            message += f" Also {extra.label}{_quoted(extra, hurts)}: {extra.advice}"
        out.append(
            Feedback(
                principle,
                _SEVERITY_NAMES[min(ordered[0].severity, 4)],
                message,
                suggestion,
                tuple(k.name for k in ordered),
                tuple((s.start, s.end) for s in hurts),
            )
        )
    if helps and not hurts:
        first = table[helps[0].kind]
        out.append(
            Feedback(
                principle,
                "good",
                f"Good: {first.label} (\u201c{helps[0].match.strip()}\u201d). {first.advice}",
                None,
                tuple(dict.fromkeys(s.kind for s in helps)),
                tuple((s.start, s.end) for s in helps),
            )
        )
    return out


def _safety_feedback(safety: Safety) -> Feedback:
    return Feedback(
        "safety",
        safety.level,
        safety.message,
        None,
        tuple(dict.fromkeys(r.kind for r in safety.reasons)),
        tuple((r.start, r.end) for r in safety.reasons),
    )


def review_signals(
    text: str, signals: Sequence[Signal], *, country: str | None = None
) -> Review:
    """Build a Review from signals already found (the analysis path reuses this)."""
    safety = assess(text, signals, country=country)
    if safety.level != "none":
        # Safety wins: no style coaching, no rewrite, no vulnerability advice.
        return Review(text, tuple(signals), (_safety_feedback(safety),), None, safety)
    notes: list[str] = []
    candidates = rewrite_candidates(text, signals, notes=notes)
    rewrite = candidates[0] if candidates else None
    feedback: list[Feedback] = []
    order = list(principles())
    table = kinds()
    for principle, found in sorted(_group(signals).items(), key=lambda kv: order.index(kv[0])):
        has_rewrite = any(table[s.kind].polarity == "hurts" for s in found)
        feedback.extend(_feedback_for(principle, found, rewrite if has_rewrite else None))
    feedback.sort(key=lambda f: (["danger", "concern", "high", "medium", "low", "good"].index(f.severity)))
    return Review(text, tuple(signals), tuple(feedback), rewrite, safety, tuple(candidates[1:]), tuple(notes))


def check(text: str, *, country: str | None = None, model: bool | None = None) -> Review:
    """Review a draft message before you send or say it.

    A draft partly in another language is checked on its English sentences only; the others are listed
    in `Review.unread` (spans of `text`, which every signal's span also points into).

    Raises `UserError` for text that cannot be checked (empty, binary, too long), `NotEnglish` (a
    `UserError`) for a draft with no sentence in English.

    >>> check("You never listen to me").rewrite is not None
    True
    >>> [u.text for u in check("I'm so tired of this. Je ne sais pas quoi faire.").unread]
    ['Je ne sais pas quoi faire.']
    """
    validate_message(text, what="draft")
    read, unread = english_part(text, what="draft")
    if not unread:
        return review_signals(text, detect(text, model=model), country=country)
    signals = outside_unread(detect(read, model=model), unread)
    review = review_signals(read, signals, country=country)
    notes = review.notes
    if review.rewrite:
        notes += ("The wording suggested is built from the English sentences only; the rest was not read.",)
    return replace(review, text=text, notes=notes, unread=unread)


__all__ = ["Feedback", "Review", "check", "review_signals"]
