"""Safety first: screen a text for signs of abuse or crisis, and say where to get help (principle `safety`).

The method's advice about vulnerability (show your soft side, give room, be appreciative) is meant for
relationships without abuse. When a text shows threats, violence, coercive control, fear of a partner or
self-harm, openup stops that coaching and shows help lines instead. Everything here runs locally; nothing
about a screen is ever sent anywhere.

The signs come from the safety kinds of `openup.text.detect()`. How serious each pattern is ("danger" or
"concern") and the words used to explain it are data, kept beside the patterns in
`text/patterns/{threat,violence,control,fear,self_harm}.toml` (fields `level` and `reason`); the help lines
are in `method/resources.toml`.

>>> assess("He said he'd kill me if I left.", country="GB").level
'danger'
>>> assess("Can't wait to see you tonight").level
'none'
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources as _files
from typing import Any

from openup.errors import UserError
from openup.method import SAFETY_KINDS, kinds, read_data, safety_wording
from openup.text.signal import Signal

LEVELS = ("none", "concern", "danger")

# Coaching tied to these principles is withheld whenever the level is not "none" (method/safety.toml).
WITHHELD_PRINCIPLES = safety_wording().withheld_principles

# Country codes people type that are not the ISO code we file resources under.
ALIASES = {"UK": "GB", "EN": "GB", "ENG": "GB", "USA": "US", "INTERNATIONAL": "INTL", "WORLD": "INTL"}
_CODE = re.compile(r"^[A-Z]{2}$")

@dataclass(frozen=True, slots=True)
class Resource:
    """One help line. `kind` is "crisis" (suicide, emotional crisis) or "abuse" (domestic abuse)."""

    name: str
    phone: str
    text: str
    url: str
    kind: str
    country: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "phone": self.phone, "text": self.text, "url": self.url, "kind": self.kind,
                "country": self.country}

    def how_to_reach(self) -> str:
        """ "call 116 123, https://...": the ways to reach this line, in one phrase."""
        return how_to_reach(self.to_dict())


def how_to_reach(row: Mapping[str, Any]) -> str:
    """The ways to reach a help line given as a dict (`Resource.to_dict()`), in one phrase."""
    bits = [
        b for b in (row.get("phone") and f"call {row['phone']}", row.get("text") and f"text {row['text']}",
                    row.get("url")) if b
    ]
    return ", ".join(map(str, bits))


@dataclass(frozen=True, slots=True)
class SafetyReason:
    """Why a text was flagged: one span, its kind, and a plain explanation.

    `index` is the message's position when a whole conversation was screened (`assess_texts`), else None.
    `level` is how serious this one sign is on its own.
    """

    kind: str
    start: int
    end: int
    match: str
    message: str
    level: str = "concern"
    index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end, "match": self.match,
                               "message": self.message}
        if self.index is not None:
            out["index"] = self.index
        return out


@dataclass(frozen=True, slots=True)
class Safety:
    """The verdict: `level` is "none", "concern" or "danger"; help `resources` are empty when "none"."""

    level: str
    reasons: tuple[SafetyReason, ...] = ()
    resources: tuple[Resource, ...] = ()
    country: str = "INTL"
    scope: str = "text"  # "text": one message the user wrote or received; "chat": a whole conversation

    @property
    def crisis(self) -> bool:
        """True when suicide or self-harm was mentioned: a crisis line is then listed first."""
        return any(r.kind == "self_harm" for r in self.reasons)

    @property
    def withheld(self) -> frozenset[str]:
        """Principles whose coaching must not be shown for this text."""
        return WITHHELD_PRINCIPLES if self.level != "none" else frozenset()

    @property
    def message(self) -> str:
        """A calm, non-judgemental paragraph for this level, in the user's country."""
        return message_for(self.level, crisis=self.crisis, country=self.country, scope=self.scope)

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "reasons": [r.to_dict() for r in self.reasons],
            "resources": [r.to_dict() for r in self.resources],
            "message": self.message,
        }


# ---------------------------------------------------------------------------------------------- data


@cache
def _pattern_meta() -> dict[str, tuple[str, str]]:
    """`lexical:<kind>.<id>` -> (level, reason), from the safety pattern files."""
    out: dict[str, tuple[str, str]] = {}
    folder = _files.files("openup.text.patterns")
    for kind in sorted(SAFETY_KINDS):
        entry = folder.joinpath(f"{kind}.toml")
        if not entry.is_file():
            continue
        with entry.open("rb") as fh:
            data = tomllib.load(fh)
        level = str(data.get("level", kinds()[kind].level))
        reason = str(data.get("reason", kinds()[kind].reason))
        for i, row in enumerate(data.get("pattern", [])):
            row_level = str(row.get("level", level))
            if row_level not in ("concern", "danger"):
                where = f"patterns/{kind}.toml: pattern {row.get('id', i)!r}"
                raise ValueError(f"{where}: level {row_level!r} is not 'concern' or 'danger'")
            out[f"lexical:{kind}.{row.get('id', i)}"] = (row_level, str(row.get("reason", reason)))
    return out


@cache
def _resource_data() -> tuple[dict[str, tuple[Resource, ...]], dict[str, str]]:
    data = read_data("resources.toml")
    rows = data.get("resource", [])
    assert isinstance(rows, list)
    by_country: dict[str, list[Resource]] = {}
    for row in rows:
        kind = str(row["kind"])
        if kind not in ("abuse", "crisis"):
            raise ValueError(f"resources.toml: {row.get('name')!r}: kind {kind!r}; use 'abuse' or 'crisis'")
        res = Resource(str(row["name"]), str(row.get("phone", "")), str(row.get("text", "")),
                       str(row.get("url", "")), kind, str(row["country"]).upper())
        by_country.setdefault(res.country, []).append(res)
    emergency = data.get("emergency", {})
    assert isinstance(emergency, dict)
    numbers = {str(k).upper(): str(v) for k, v in emergency.items()}
    return {c: tuple(v) for c, v in by_country.items()}, numbers


def countries() -> list[str]:
    """Country codes with their own help lines (plus "INTL")."""
    return sorted(_resource_data()[0])


def emergency_number(country: str) -> str:
    """The emergency number to name for `country`, or general advice when we do not know it."""
    table = _resource_data()[1]
    return table.get(country.upper(), table.get("INTL", "your local emergency number"))


def resources_for(country: str | None, crisis: bool) -> list[Resource]:
    """Help lines for `country` (falling back to "INTL"): crisis lines first when `crisis`, else abuse lines.

    >>> resources_for("US", crisis=True)[0].name
    '988 Suicide & Crisis Lifeline'
    """
    table = _resource_data()[0]
    code = _canonical(country or "INTL") or "INTL"
    rows = table.get(code) or table.get("INTL", ())
    first = "crisis" if crisis else "abuse"
    return sorted(rows, key=lambda r: r.kind != first)  # stable: file order within each kind


def message_for(level: str, crisis: bool = False, country: str = "INTL", scope: str = "text") -> str:
    """The calm paragraph shown for a level (a crisis message when suicide or self-harm was mentioned);
    `scope="chat"` words it for a whole conversation, where either person may have written it."""
    if level not in LEVELS:
        raise ValueError(f"unknown safety level {level!r}; expected one of {LEVELS}")
    key = "crisis" if crisis and level != "none" else level
    table = safety_wording().messages["chat" if scope == "chat" else "text"]
    return table[key].format(emergency=emergency_number(country))


# ---------------------------------------------------------------------------------------------- country


def _canonical(code: str) -> str | None:
    """An upper-case two-letter code or "INTL", or None when `code` is not one."""
    up = code.strip().upper()
    up = ALIASES.get(up, up)
    if up == "INTL" or _CODE.match(up):
        return up
    return None


def _locale_country() -> str | None:
    """The territory of the user's locale: en_GB.UTF-8 -> GB. POSIX order: LC_ALL, LC_MESSAGES, LANG."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "").strip()
        if not value:
            continue
        m = re.match(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})\b", value)
        return m.group(1).upper() if m else None  # the first set variable decides, even if it is "C"
    return None


def resolve_country(explicit: str | None) -> str:
    """Which country's help lines to show: `--country`, then config `country`, then the locale, then "INTL".

    >>> resolve_country("gb")
    'GB'
    """
    if explicit is not None and explicit.strip():
        code = _canonical(explicit)
        if code is None:
            raise UserError(
                f"The country {explicit!r} is not a two-letter country code; use one such as US, GB or DE, "
                "or INTL."
            )
        return code
    from openup.config import config_path, load_config

    configured = load_config().get("country")
    if configured is not None:
        code = _canonical(str(configured)) if isinstance(configured, str) else None
        if code is None:
            raise UserError(
                f"The config file {config_path()} sets country = {configured!r}; use a two-letter code "
                "such as \"US\" or \"GB\", or \"INTL\"."
            )
        return code
    return _locale_country() or "INTL"


# ---------------------------------------------------------------------------------------------- assess


# A partner's suicide threat used to control ("he says he'll hang himself if i file for divorce", "she threatens to kill
# herself whenever I go out") is danger to the writer, not the writer's own crisis: the crisis line does not come
# first for it. Someone else's suicidal talk with no hold over the writer ("my friend says she wants to die") stays
# a crisis sign, and so does the writer's own threat ("i'll kill myself if you leave").
_THIRD_PERSON_HARM = re.compile(
    r"\b(?:himself|herself|themselves|themself|hisself)\b"
    r"|\b(?:he|she|they)(?:'ll|'d|ll| will| would| is going to| was going to|'s going to| says| said| keeps saying"
    r"| threatens| threatened)\b[^.!?\n]{0,40}\b(?:kill|hang|end|overdose|jump|take (?:his|her|their) (?:own )?life)",
    re.IGNORECASE,
)
_HELD_OVER = re.compile(
    r"\b(?:if|unless|when|whenever|the day|the minute|the second) (?:i|you|u|we) (?:ever )?(?:leave|left|go|went|go out"
    r"|break up|broke up|split|divorce|file|move out|moved out|end (?:it|things)|stop|don'?t|dont|won'?t|wont|tell|call"
    r"|ring|report|see|talk to|try to leave|take the kids)\b"
    r"|\bthreat(?:en|ens|ened|ening|s)?\b|\bemotional blackmail\b",
    re.IGNORECASE,
)


def partner_suicide_threat(sentence: str) -> bool:
    """Whether `sentence` tells of someone else's suicide threat held over the writer (a control tactic).

    >>> partner_suicide_threat("he says hell kill himself if i leave him"), partner_suicide_threat("i'll kill myself")
    (True, False)
    >>> partner_suicide_threat("my friend told me she wants to kill herself")
    False
    """
    return _THIRD_PERSON_HARM.search(sentence) is not None and _HELD_OVER.search(sentence) is not None


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence (or line) of `text` around [start, end)."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    rights = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return text[left : min(rights) if rights else len(text)]


def _reason(sig: Signal, index: int | None = None, text: str | None = None) -> SafetyReason:
    level, reason = _pattern_meta().get(sig.source, (kinds()[sig.kind].level, kinds()[sig.kind].reason))
    if sig.source.startswith("model:"):
        reason = kinds()[sig.kind].label
    said = _sentence_of(text, sig.start, sig.end) if text is not None else sig.match
    if sig.kind == "self_harm" and partner_suicide_threat(said):
        return SafetyReason("threat", sig.start, sig.end, sig.match,
                            "A suicide threat held over you, which is a sign of serious danger.", "danger", index)
    message = reason[:1].upper() + reason[1:] + "."
    return SafetyReason(sig.kind, sig.start, sig.end, sig.match, message, level, index)


def _level(reasons: Sequence[SafetyReason]) -> str:
    return max((r.level for r in reasons), key=LEVELS.index, default="none")


def _verdict(reasons: list[SafetyReason], country: str | None) -> Safety:
    level = _level(reasons)
    if level == "none":
        # An explicit country is still checked, so a typo is reported whatever the text says.
        return Safety("none", (), (), resolve_country(country) if country is not None else "INTL")
    code = resolve_country(country)
    crisis = any(r.kind == "self_harm" for r in reasons)
    return Safety(level, tuple(reasons), tuple(resources_for(code, crisis)), code)


def _dedupe(signals: Sequence[Signal]) -> list[Signal]:
    """Safety signals only, one per (kind, span), in text order."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for s in sorted(signals, key=lambda s: (s.start, s.end, s.kind)):
        key = (s.kind, s.start, s.end)
        if s.kind in SAFETY_KINDS and key not in seen:
            seen.add(key)
            out.append(s)
    return out


def assess(text: str, signals: Sequence[Signal] | None = None, country: str | None = None) -> Safety:
    """Screen one text. Pass `signals` when `detect()` already ran; otherwise the lexical tier runs here.

    The country (for help lines) is resolved only when something was found.

    >>> s = assess("I'm scared of what he'll do if I go out", country="US")
    >>> (s.level, [r.kind for r in s.reasons], s.resources[0].name)
    ('concern', ['fear'], 'National Domestic Violence Hotline')
    """
    if signals is None:
        from openup.text import detect

        signals = detect(text, model=False)
    return _verdict([_reason(s, None, text) for s in _dedupe(signals)], country)


def assess_texts(texts: Sequence[str], country: str | None = None, model: bool | None = False) -> Safety:
    """Screen a whole conversation: the highest level over all messages; each reason carries its `index`.

    `model` as in `detect()`: the chat analysis passes its own choice, so a message the learned safety
    heads flagged while the chat was read is screened the same way here.

    >>> s = assess_texts(["hi", "you'll regret this", "he hit me"], country="AU")
    >>> (s.level, [(r.index, r.kind) for r in s.reasons])
    ('danger', [(1, 'threat'), (2, 'violence')])
    """
    from openup.text import detect_many

    texts = list(texts)
    reasons = [
        _reason(sig, i, texts[i])
        for i, sigs in enumerate(detect_many(texts, model=model))
        for sig in _dedupe(sigs)
    ]
    return replace(_verdict(reasons, country), scope="chat")


__all__ = [
    "LEVELS",
    "WITHHELD_PRINCIPLES",
    "Resource",
    "Safety",
    "SafetyReason",
    "assess",
    "assess_texts",
    "countries",
    "emergency_number",
    "how_to_reach",
    "message_for",
    "resolve_country",
    "resources_for",
]
