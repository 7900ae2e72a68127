"""A short questionnaire that screens for partner abuse (principle `safety`).

Four frequency questions in the style of HITS (Hurt, Insult, Threaten, Scream), a screen validated for
partner violence in family practice:

    Sherin KM, Sinacore JM, Li XQ, Zitter RE, Shakil A. HITS: a short domestic violence screening tool for
    use in a family practice setting. Family Medicine. 1998;30(7):508-512.

Each answer runs from never (1) to frequently (5), so the total is 4 to 20, and a total above 10 is a
positive screen. The questions below are our own wording of the four HITS themes, not the published items.
A fifth, direct question asks about fear of the partner; "yes" is a positive screen on its own.

This is a screen, not a diagnosis: a positive result means "worth talking to someone trained in this",
and a negative one does not prove a relationship is safe. Pure functions; nothing is stored or sent.

>>> score([1, 2, 1, 2, "no"]).flagged
False
>>> score([2, 4, 2, 3, "no"]).flagged
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openup.errors import UserError

SOURCE = (
    "Four-question frequency screen in the style of HITS (Hurt, Insult, Threaten, Scream): Sherin KM et al., "
    "Family Medicine 1998;30(7):508-512. Questions reworded by openup."
)
CUTOFF = 10  # a total above this is a positive screen
FREQUENCY = ("never", "rarely", "sometimes", "fairly often", "frequently")  # scored 1..5
YES = frozenset({"yes", "y", "true", "1", "ja", "oui", "si", "sí"})
NO = frozenset({"no", "n", "false", "0", "nein", "non"})


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    answer: str  # "frequency" (1-5) or "yesno"


QUESTIONS: tuple[Question, ...] = (
    Question("hurt", "How often does your partner physically hurt you?", "frequency"),
    Question("insult", "How often does your partner insult you or talk down to you?", "frequency"),
    Question("threaten", "How often does your partner threaten to harm you?", "frequency"),
    Question("scream", "How often does your partner scream at you or swear at you?", "frequency"),
    Question("fear", "Are you afraid of your partner?", "yesno"),
)


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """The outcome of the questionnaire.

    `total` is the HITS-style sum (4-20) and `flagged` is the screen's verdict (total above 10, or "yes" to
    the fear question). `level` also weighs single answers: any physical hurt or threat of harm is "danger"
    even below the cut-off; a positive screen otherwise is "concern".
    """

    answers: tuple[int, int, int, int]
    fear: bool
    total: int
    flagged: bool
    level: str
    resources: tuple[Any, ...] = ()  # openup.coach.safety.Resource
    country: str = "INTL"

    @property
    def message(self) -> str:
        """A calm paragraph for this result, naming the emergency number of `country`."""
        from openup.coach.safety import emergency_number
        from openup.method import safety_wording

        table = safety_wording().messages["questionnaire"]
        return table[self.level].format(emergency=emergency_number(self.country))

    def to_dict(self) -> dict[str, Any]:
        return {
            "answers": dict(zip((q.id for q in QUESTIONS), (*self.answers, "yes" if self.fear else "no"),
                                strict=True)),
            "total": self.total,
            "cutoff": CUTOFF,
            "flagged": self.flagged,
            "level": self.level,
            "message": self.message,
            "resources": [r.to_dict() for r in self.resources],
            "source": SOURCE,
        }


def parse_frequency(value: int | str, question: Question) -> int:
    """1-5, or one of the words never/rarely/sometimes/fairly often/frequently."""
    if isinstance(value, bool):
        raise UserError(f"The answer to {question.id!r} must be a number from 1 to 5, not {value!r}.")
    if isinstance(value, int):
        number = value
    else:
        word = value.strip().lower()
        if word in FREQUENCY:
            return FREQUENCY.index(word) + 1
        try:
            number = int(word)
        except ValueError:
            number = 0
    if not 1 <= number <= 5:
        raise UserError(
            f"The answer to {question.id!r} must be a number from 1 (never) to 5 (frequently), not {value!r}."
        )
    return number


def parse_yesno(value: bool | int | str, question: Question) -> bool:
    """yes/no (also y/n, true/false)."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise UserError(f"The answer to {question.id!r} must be yes or no, not {value!r}.")


def score(answers: Sequence[int | str | bool], country: str | None = None) -> ScreenResult:
    """Score five answers: four frequencies (1-5 or words) then yes/no for fear of the partner.

    Help lines are attached when the result is not "none"; the country is resolved as for `assess`.

    >>> r = score([1, 3, 1, 4, "yes"], country="US")
    >>> (r.total, r.flagged, r.level, r.resources[0].kind)
    (9, True, 'concern', 'abuse')
    """
    if len(answers) != len(QUESTIONS):
        raise UserError(
            f"Expected {len(QUESTIONS)} answers (four numbers from 1 to 5, then yes or no), "
            f"got {len(answers)}."
        )
    freq = [parse_frequency(a, q) for a, q in zip(answers[:4], QUESTIONS[:4], strict=True)]
    fear = parse_yesno(answers[4], QUESTIONS[4])
    hurt, _insult, threaten, _scream = freq
    total = sum(freq)
    flagged = total > CUTOFF or fear
    if hurt > 1 or threaten > 1:
        level = "danger"
    elif flagged:
        level = "concern"
    else:
        level = "none"
    from openup.coach.safety import resolve_country, resources_for

    code = resolve_country(country) if (country is not None or level != "none") else "INTL"
    resources = tuple(resources_for(code, crisis=False)) if level != "none" else ()
    return ScreenResult((freq[0], freq[1], freq[2], freq[3]), fear, total, flagged, level, resources, code)


def parse_answers(spec: str) -> list[str]:
    """Split the CLI's `--answers 1,2,3,4,no` into items (commas, or spaces when there is no comma)."""
    parts = spec.split(",") if "," in spec else spec.split()
    items = [p.strip() for p in parts if p.strip()]
    if not items:
        raise UserError("The --answers value is empty; give five answers such as 1,2,1,3,no.")
    return items


__all__ = ["CUTOFF", "FREQUENCY", "QUESTIONS", "SOURCE", "Question", "ScreenResult", "parse_answers", "score"]
