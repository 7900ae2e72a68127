"""The method as data: principles, signal kinds and their groups, reference points and safety wording, read
once from the TOML files beside this module into frozen records and checked when they are loaded.

>>> from openup.method import kinds, group
>>> kinds()["criticism"].principle
'no-criticism'
>>> group("harsh")
('criticism', 'contempt', 'dismissal')
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

POLARITIES = ("helps", "hurts", "neutral", "safety")
SAFETY_LEVELS = ("concern", "danger")


class MethodError(ValueError):
    """A method file is malformed: an unknown key, a missing field, a name that points nowhere."""


@dataclass(frozen=True, slots=True)
class Principle:
    id: str
    name: str
    summary: str


@dataclass(frozen=True, slots=True)
class SignalKind:
    name: str
    principle: str
    polarity: str  # helps | hurts | neutral | safety
    severity: int
    label: str
    advice: str
    groups: tuple[str, ...] = ()
    level: str = ""  # safety kinds: "concern" or "danger" for a sign no pattern explains
    reason: str = ""  # safety kinds: the plain words for such a sign ("a threat")

    @property
    def harmful(self) -> bool:
        return self.polarity in ("hurts", "safety")


@dataclass(frozen=True, slots=True)
class References:
    """Published reference points a couple's numbers are compared with."""

    appreciation_to_criticism: float
    turn_toward_stayed_together: float
    turn_toward_split: float


@dataclass(frozen=True, slots=True)
class SafetyWording:
    """What the safety screen withholds and says (`method/safety.toml`)."""

    withheld_principles: frozenset[str]
    messages: Mapping[str, Mapping[str, str]]  # scope (text, chat, questionnaire) -> level -> paragraph


# The top-level tables each method file may hold; any other key fails at load (a typo is never ignored).
TOP_LEVEL: dict[str, frozenset[str]] = {
    "principles.toml": frozenset({"principle", "reference"}),
    "signals.toml": frozenset({"group", "kind"}),
    "safety.toml": frozenset({"withheld_principles", "message"}),
    "rewrites.toml": frozenset({"kind", "merge_by_principle", "soft_side"}),
    "replies.toml": frozenset({"answer", "avoid", "brief", "feeling_nouns", "feelings", "hard_words", "likely", "loss",
                               "moods", "move", "parties", "places", "situation", "valence"}),
    "resources.toml": frozenset({"emergency", "resource", "verified"}),
    "practice.toml": frozenset({"day"}),
    "findings.toml": frozenset({"appreciation", "bids", "leverage", "listening", "partner_trend", "pursuit",
                                "questions", "reciprocity", "small_wins"}),
}


@cache
def read_data(name: str) -> dict[str, Any]:
    """Parse one TOML file shipped in this folder, once, and check its top-level tables (callers must not
    change what it returns)."""
    with resources.files(__package__).joinpath(name).open("rb") as fh:
        data = tomllib.load(fh)
    check_top_level(name, data)
    return data


def check_top_level(name: str, data: dict[str, Any]) -> None:
    """A MethodError when a method file holds a top-level table it should not."""
    unknown = set(data) - TOP_LEVEL.get(name, frozenset(data))
    if unknown:
        raise MethodError(f"{name}: unknown table(s) {sorted(unknown)}; expected {sorted(TOP_LEVEL[name])}")


@cache
def rewrite_table() -> dict[str, Any]:
    """rewrites.toml, checked: every kind it rewrites exists and hurts, every merged principle exists."""
    data = read_data("rewrites.toml")
    table = kinds()
    for kind, row in data.get("kind", {}).items():
        where = f"rewrites.toml: kind {kind!r}"
        if kind not in table or table[kind].polarity != "hurts":
            raise MethodError(f"{where} is not a kind that hurts in signals.toml")
        _table(where, row, {"templates"}, frozenset({"default_feeling"}))
    for pid in data.get("merge_by_principle", []):
        if pid not in principles():
            raise MethodError(f"rewrites.toml: merge_by_principle names unknown principle {pid!r}")
    return data


def _table(where: str, row: Any, required: set[str], optional: frozenset[str] = frozenset()) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise MethodError(f"{where}: expected a table")
    unknown = set(row) - required - optional
    missing = required - set(row)
    if unknown:
        raise MethodError(f"{where}: unknown key(s) {sorted(unknown)}")
    if missing:
        raise MethodError(f"{where}: missing key(s) {sorted(missing)}")
    return row


@cache
def principles() -> dict[str, Principle]:
    """All principles by id, in the order of principles.toml."""
    rows = read_data("principles.toml").get("principle")
    if not isinstance(rows, list) or not rows:
        raise MethodError("principles.toml: no [[principle]] tables")
    out: dict[str, Principle] = {}
    for i, r in enumerate(rows):
        r = _table(f"principles.toml: principle {i + 1}", r, {"id", "name", "summary"})
        out[r["id"]] = Principle(r["id"], r["name"], r["summary"].strip())
    return out


@cache
def references() -> References:
    """The published reference points (`[reference]` in principles.toml)."""
    fields = {"appreciation_to_criticism", "turn_toward_stayed_together", "turn_toward_split"}
    row = _table("principles.toml: [reference]", read_data("principles.toml").get("reference"), fields)
    return References(**{k: float(v) for k, v in row.items()})


@cache
def groups() -> dict[str, str]:
    """The declared kind groups and what each one is for."""
    table = read_data("signals.toml").get("group")
    if not isinstance(table, dict):
        raise MethodError("signals.toml: no [group.*] tables")
    return {name: str(_table(f"signals.toml: group {name!r}", row, {"about"})["about"]) for name, row in table.items()}


@cache
def kinds() -> dict[str, SignalKind]:
    """All signal kinds by name, in file order, checked against the principles and the groups."""
    table = read_data("signals.toml").get("kind")
    if not isinstance(table, dict) or not table:
        raise MethodError("signals.toml: no [kind.*] tables")
    known, declared = principles(), groups()
    required = {"principle", "polarity", "groups", "severity", "label", "advice"}
    out: dict[str, SignalKind] = {}
    for name, row in table.items():
        where = f"signals.toml: kind {name!r}"
        row = _table(where, row, required, frozenset({"level", "reason"}))
        if row["principle"] not in known:
            raise MethodError(f"{where} names unknown principle {row['principle']!r}")
        if row["polarity"] not in POLARITIES:
            raise MethodError(f"{where}: polarity {row['polarity']!r} is not one of {POLARITIES}")
        member = tuple(row["groups"])
        if not member:
            raise MethodError(f"{where} belongs to no group; every kind needs at least one")
        if set(member) - set(declared):
            raise MethodError(f"{where}: group(s) {sorted(set(member) - set(declared))} are not declared")
        safety = row["polarity"] == "safety"
        if safety != ("safety" in member):
            raise MethodError(f"{where}: a kind is in the 'safety' group exactly when its polarity is 'safety'")
        if safety and row.get("level") not in SAFETY_LEVELS:
            raise MethodError(f"{where}: a safety kind needs level = one of {SAFETY_LEVELS}")
        if safety and not row.get("reason"):
            raise MethodError(f"{where}: a safety kind needs a reason")
        if not safety and ("level" in row or "reason" in row):
            raise MethodError(f"{where}: only safety kinds take level and reason")
        out[name] = SignalKind(name, row["principle"], row["polarity"], int(row["severity"]), row["label"],
                               row["advice"], member, str(row.get("level", "")), str(row.get("reason", "")))
    return out


@cache
def group(name: str) -> tuple[str, ...]:
    """The kinds in a group, in the method's order."""
    if name not in groups():
        raise MethodError(f"unknown kind group {name!r}; signals.toml declares {sorted(groups())}")
    return tuple(k for k, v in kinds().items() if name in v.groups)


def kinds_with(polarity: str) -> frozenset[str]:
    """Names of the kinds with this polarity (helps, hurts, neutral, safety)."""
    return frozenset(k for k, v in kinds().items() if v.polarity == polarity)


@cache
def safety_wording() -> SafetyWording:
    """Withheld principles and the safety paragraphs (`method/safety.toml`)."""
    data = _table("safety.toml", read_data("safety.toml"), {"withheld_principles", "message"})
    withheld = frozenset(data["withheld_principles"])
    if withheld - set(principles()):
        raise MethodError(f"safety.toml: unknown principle(s) {sorted(withheld - set(principles()))}")
    levels = {"text": {"none", "concern", "danger", "crisis"}, "chat": {"none", "concern", "danger", "crisis"},
              "questionnaire": {"none", "concern", "danger"}}
    messages = _table("safety.toml: [message]", data["message"], set(levels))
    return SafetyWording(withheld, {scope: dict(_table(f"safety.toml: [message.{scope}]", messages[scope], need))
                                    for scope, need in levels.items()})


#: Every signal kind, in the method's order (the order of signals.toml).
KIND_NAMES: tuple[str, ...] = tuple(kinds())
SAFETY_KINDS: frozenset[str] = frozenset(group("safety"))
