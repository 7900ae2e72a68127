"""Per person, per ISO week columns that the measures fill and the report draws."""

from __future__ import annotations

from typing import Any, Final

#: The columns every weekly row carries, in this order (see docs/analysis.md for their meaning).
COLUMNS: Final[tuple[str, ...]] = (
    "messages",
    "words",
    "median_latency_s",
    "openness",
    "self_disclosure",
    "appreciation",
    "criticism",
    "pursuit",
    "bids",
    "turned_toward",
)
EXTRA: Final[tuple[str, ...]] = (
    "text_messages",
    "media",
    "replies",
    "emotion",
    "median_words",
    "disclosure_rate",
    "toward_given",
    "bids_received",
    "withdrawal",
)


class Weekly:
    """A table: column -> person (0 you, 1 partner) -> week index -> value (None when unmeasurable)."""

    def __init__(self, weeks: list[str], people: int = 2) -> None:
        self.weeks = weeks
        self.people = people
        self.cols: dict[str, list[list[float | None]]] = {}

    def col(self, name: str, default: float | None = 0) -> list[list[float | None]]:
        """The column, created filled with `default`."""
        c = self.cols.get(name)
        if c is None:
            c = [[default] * len(self.weeks) for _ in range(self.people)]
            self.cols[name] = c
        return c

    def inc(self, name: str, person: int, week: int, by: float = 1) -> None:
        c = self.col(name)
        v = c[person][week]
        c[person][week] = (v or 0) + by

    def series(self, name: str, person: int) -> list[float | None]:
        return self.col(name)[person]

    def rows(self, names: tuple[str, str | None]) -> list[dict[str, Any]]:
        """One dict per (week, person), weeks in order, people in order; only people who exist."""
        out: list[dict[str, Any]] = []
        keys = [c for c in (*COLUMNS, *EXTRA) if c in self.cols]
        for w, label in enumerate(self.weeks):
            for p, name in enumerate(names):
                if name is None:
                    continue
                row: dict[str, Any] = {"week": label, "person": name}
                for k in COLUMNS:
                    row[k] = _clean(self.cols[k][p][w]) if k in self.cols else None
                for k in keys:
                    if k not in COLUMNS:
                        row[k] = _clean(self.cols[k][p][w])
                out.append(row)
        return out


def _clean(v: float | None) -> float | int | None:
    if v is None:
        return None
    if float(v).is_integer():
        return int(v)
    return round(float(v), 4)
