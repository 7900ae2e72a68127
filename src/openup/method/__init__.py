"""The method as data: principles and signal kinds, read from the TOML files beside this module.

>>> from openup.method import kinds
>>> kinds()["criticism"].principle
'no-criticism'
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

KIND_NAMES = (
    "criticism",
    "contempt",
    "dismissal",
    "defensiveness",
    "pressure",
    "leverage",
    "advice",
    "minimizing",
    "feeling_question",
    "generic_question",
    "thought_question",
    "concrete_question",
    "open_question",
    "closed_question",
    "validation",
    "reflection",
    "appreciation",
    "self_disclosure",
    "apology",
    "i_statement",
    "threat",
    "control",
    "fear",
    "violence",
    "self_harm",
)

SAFETY_KINDS = frozenset({"threat", "control", "fear", "violence", "self_harm"})


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

    @property
    def harmful(self) -> bool:
        return self.polarity in ("hurts", "safety")


def read_data(name: str) -> dict[str, object]:
    """Parse one TOML file shipped in this folder."""
    with resources.files(__package__).joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@cache
def principles() -> dict[str, Principle]:
    """All principles by id, in the order of principles.toml."""
    rows = read_data("principles.toml")["principle"]
    assert isinstance(rows, list)
    return {r["id"]: Principle(r["id"], r["name"], r["summary"].strip()) for r in rows}


@cache
def kinds() -> dict[str, SignalKind]:
    """All signal kinds by name, validated against the principles."""
    table = read_data("signals.toml")["kind"]
    assert isinstance(table, dict)
    known = principles()
    out: dict[str, SignalKind] = {}
    for name, row in table.items():
        if row["principle"] not in known:
            raise ValueError(f"signals.toml: kind {name!r} names unknown principle {row['principle']!r}")
        out[name] = SignalKind(
            name, row["principle"], row["polarity"], int(row["severity"]), row["label"], row["advice"]
        )
    missing = set(KIND_NAMES) - set(out)
    if missing:
        raise ValueError(f"signals.toml is missing kinds: {sorted(missing)}")
    return out



def kinds_with(polarity: str) -> frozenset[str]:
    """Names of the kinds with this polarity (helps, hurts, neutral, safety)."""
    return frozenset(k for k, v in kinds().items() if v.polarity == polarity)
