"""The measures as a registry: each declares its name, what the chat must hold for it, how it runs, and the
rows it adds to the report's table. `analyze()` runs the registry in order; `Analysis.to_dict()`, the report
and the limits iterate it. Adding a measure is one module with a `run` and one `register(Measure(...))`.

>>> [m.name for m in measures()][:3]
['volume', 'openness', 'reciprocity']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Protocol

if TYPE_CHECKING:
    from openup.analysis.evidence import EvidenceBook
    from openup.analysis.model import Analysis
    from openup.analysis.params import Params
    from openup.analysis.timeline import Timeline
    from openup.analysis.weekly import Weekly

#: What a measure may need of a chat: two people writing, text (not only media), replies in time.
NEEDS: Final = frozenset({"two_people", "text"})


class Record(Protocol):
    """What a measure produces: a record that can say itself as plain JSON."""

    def to_dict(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Context:
    """What a measure reads: the timeline, the parameters, the weekly table and evidence book it writes
    to, and the records of the measures registered before it (by name)."""

    tl: Timeline
    params: Params
    weekly: Weekly
    book: EvidenceBook
    earlier: dict[str, Any]
    country: str | None = None
    model: bool | None = False


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One row of the report's table of numbers: a label, its principle, and per person a value with the
    evidence key that opens its messages (None: a plain number)."""

    label: str
    principle: str
    cells: tuple[tuple[Any, str | None], ...]


@dataclass(frozen=True, slots=True)
class Measure:
    """A registered measure. `name` is its key in `Analysis.measures`; `key` its key in metrics.json's
    "measures" (the name unless given); `needs` what the chat must hold for it (see NEEDS), else the report
    says why it is missing; `rows` the rows it adds to the report's table."""

    name: str
    run: Callable[[Context], Record]
    needs: frozenset[str] = frozenset()
    key: str = ""
    rows: Callable[[Analysis, Sequence[int]], list[ReportRow]] | None = field(default=None)
    about: str = ""

    def __post_init__(self) -> None:
        if self.needs - NEEDS:
            raise ValueError(f"measure {self.name!r}: unknown needs {sorted(self.needs - NEEDS)}; use {sorted(NEEDS)}")

    @property
    def json_key(self) -> str:
        return self.key or self.name


_REGISTRY: dict[str, Measure] = {}


def _builtin() -> None:
    from openup.analysis import builtin  # noqa: F401  (registers the built-in measures, once)


def register(measure: Measure) -> Measure:
    """Add a measure at the end of the registry, after the built-in ones (a measure with the same name is
    replaced in place)."""
    _builtin()
    _REGISTRY[measure.name] = measure
    return measure


def unregister(name: str) -> None:
    """Remove a measure (for tests and for tools that want fewer)."""
    _REGISTRY.pop(name, None)


def measures() -> list[Measure]:
    """The registered measures, in order; the built-in ones are registered on first use."""
    _builtin()
    return list(_REGISTRY.values())
