"""Listening: how you answered when your partner shared something (principle `listen`), and the kind
of questions you ask (principle `thoughts-first`).

A partner disclosure is a text of theirs that shares about themselves, or speaks from their own
experience while naming a feeling. Your answer is your next turns within the reply window. It
"listened" when it validated, reflected or asked a real question and held nothing harmful; it "fixed"
when it jumped to advice, minimized, dismissed or criticised; "neutral" otherwise; "missed" when no
answer came in time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from openup.analysis.evidence import EvidenceBook
from openup.analysis.features import BIT, DISCLOSURE, EMOTION, ISTATEMENT, LISTEN_BAD, LISTEN_GOOD, bits
from openup.analysis.params import Params
from openup.analysis.responses import response_to
from openup.analysis.timeline import ME, PARTNER, Timeline
from openup.analysis.weekly import Weekly
from openup.method import group

PRINCIPLE = "listen"
GOOD_KINDS: Final = group("listen_good")
BAD_KINDS: Final = group("listen_bad")
EASY_Q: Final = bits(*group("easy_question"))
HARD_Q: Final = bits(*group("hard_question"))
OUTCOMES: Final = ("listened", "neutral", "fixed", "missed")


def is_disclosure(mask: int) -> bool:
    """Sharing about oneself, or an I-statement that names a feeling."""
    return bool(mask & DISCLOSURE) or (bool(mask & ISTATEMENT) and bool(mask & EMOTION))


@dataclass(frozen=True, slots=True)
class Questions:
    """Your questions by style (principle `thoughts-first`): about thoughts or events, about feelings or general."""

    thoughts_or_events: int
    feelings_or_generic: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "principle": "thoughts-first",
            "thoughts_or_events": self.thoughts_or_events,
            "feelings_or_generic": self.feelings_or_generic,
        }


@dataclass(frozen=True, slots=True)
class Listening:
    """How you answered your partner's disclosures (None when only one person wrote), by outcome (`OUTCOMES`)
    and by move, and the style of your questions."""

    partner_disclosures: int | None
    outcomes: dict[str, int]  # "listened", "neutral", "fixed", "missed" -> answers
    listened_pct: float | None  # of the answered disclosures
    answered_pct: float | None  # of all disclosures
    good_moves: dict[str, int]  # kind of `GOOD_KINDS` -> answers with it
    harmful_moves: dict[str, int]  # kind of `BAD_KINDS` -> answers with it
    questions: Questions

    def to_dict(self) -> dict[str, Any]:
        return {
            "principle": PRINCIPLE,
            "partner_disclosures": self.partner_disclosures,
            "outcomes": self.outcomes,
            "listened_pct": self.listened_pct,
            "answered_pct": self.answered_pct,
            "good_moves": self.good_moves,
            "harmful_moves": self.harmful_moves,
            "questions": self.questions.to_dict(),
        }


def measure_listening(tl: Timeline, params: Params, weekly: Weekly, book: EvidenceBook) -> Listening:
    """Classify your answers to your partner's disclosures; count your question styles."""
    names = tl.names
    outcomes = dict.fromkeys(OUTCOMES, 0)
    good = dict.fromkeys(GOOD_KINDS, 0)
    bad = dict.fromkeys(BAD_KINDS, 0)
    disclosures = 0
    two = names[1] is not None
    for i in range(len(tl)):
        if tl.who[i] != PARTNER or not tl.is_text[i] or not is_disclosure(tl.mask[i]):
            continue
        disclosures += 1
        resp = response_to(tl, i, ME, params.reply_window_s)
        out = resp.listening
        outcomes[out] += 1
        book.add(f"listen.{out}", _TITLES[out].format(partner=names[PARTNER]), PRINCIPLE, (i, *resp.rows))
        if resp.mask & LISTEN_GOOD:
            for k in GOOD_KINDS:
                if resp.mask & BIT[k]:
                    good[k] += 1
                    book.add(
                        f"listen.kind.{k}",
                        f"Your answers with {k.replace('_', ' ')}",
                        PRINCIPLE,
                        (i, *resp.rows),
                    )
        if resp.mask & LISTEN_BAD:
            for k in BAD_KINDS:
                if resp.mask & BIT[k]:
                    bad[k] += 1
                    book.add(
                        f"listen.kind.{k}",
                        f"Your answers with {k.replace('_', ' ')}",
                        PRINCIPLE,
                        (i, *resp.rows),
                    )
    answered = disclosures - outcomes["missed"]
    # Question style: easy doors (thoughts, concrete events) against feeling and generic questions.
    easy = hard = 0
    for i in range(len(tl)):
        if tl.who[i] != ME or not tl.is_text[i]:
            continue
        m = tl.mask[i]
        if m & EASY_Q:
            easy += 1
            book.add(
                "questions.easy", "Your questions about thoughts or specific events", "thoughts-first", (i,)
            )
        elif m & HARD_Q:
            hard += 1
            book.add("questions.hard", "Your feeling or generic questions", "thoughts-first", (i,))
    return Listening(
        partner_disclosures=disclosures if two else None,
        outcomes=outcomes,
        listened_pct=round(100 * outcomes["listened"] / answered, 1) if answered else None,
        answered_pct=round(100 * answered / disclosures, 1) if disclosures else None,
        good_moves=good,
        harmful_moves=bad,
        questions=Questions(thoughts_or_events=easy, feelings_or_generic=hard),
    )


_TITLES: Final = {
    "listened": "{partner} shared, and you validated, reflected or asked",
    "neutral": "{partner} shared, and you answered without validating or asking",
    "fixed": "{partner} shared, and you answered with advice, minimizing, dismissal or criticism",
    "missed": "{partner} shared, and no answer came within the reply window",
}
