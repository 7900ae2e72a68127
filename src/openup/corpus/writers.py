"""The corpus on disk: one Parquet partition per conversation and table, written atomically.

    DIR/conversations/part-KEY.parquet   one row per conversation
    DIR/weekly/part-KEY.parquet          per conversation, person and ISO week
    DIR/signals/part-KEY.parquet         per conversation, person and signal kind
    DIR/failures/part-KEY.parquet        the file and the reason, for an export that could not be read
    DIR/messages/part-KEY.parquet        only with --keep-text: every analysed message with its text

KEY is the content hash of the export and the options, so a partition is written to a temporary file in the
same folder and moved over its final name with `os.replace`: a retried or repeated conversation overwrites
its own partition and never adds a second copy. A conversation counts as written once its `conversations`
partition exists (it is written last). Temporary files start with "." so readers of the folder skip them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from openup.corpus.rows import PRIORITIES, WEEKLY_MEASURES, Row
from openup.errors import CorpusUnwritable

if TYPE_CHECKING:
    import pyarrow as pa

TABLES: Final = ("conversations", "weekly", "signals", "failures", "messages")
DONE_TABLE: Final = "conversations"
_TMP: Final = ".tmp-"


def _schemas() -> dict[str, pa.Schema]:
    import pyarrow as pa

    s, i, f = pa.string(), pa.int64(), pa.float64()
    return {
        "conversations": pa.schema(
            [
                ("conversation", s), ("file", s), ("row", i), ("tier", s), ("seconds", f),
                ("platform", s), ("me", s), ("partner", s),
                ("messages", i), ("me_messages", i), ("partner_messages", i), ("weeks", i),
                ("first_week", s), ("last_week", s),
                ("appreciation_to_criticism", f), ("appreciation", i), ("criticism", i),
                ("partner_appreciation_to_criticism", f),
                ("turn_toward_pct", f), ("partner_turn_toward_pct", f),
                ("openness", f), ("partner_openness", f), ("disclosure_rate", f), ("partner_disclosure_rate", f),
                ("partner_depth_trend", s),
                ("pursue_withdraw_weeks", i), ("pursue_withdraw_score", f), ("pursue_withdraw_correlation", f),
                ("pursuer", s), ("listened_pct", f), ("small_wins", i), ("safety_level", s),
                *((f"priority_{n}", s) for n in range(1, PRIORITIES + 1)),
                ("unmeasurable", pa.list_(s)), ("rows_in_file", i), ("skipped_lines", i),
            ]
        ),
        "weekly": pa.schema(
            [("conversation", s), ("week", s), ("role", s), ("person", s), *((c, f) for c in WEEKLY_MEASURES)]
        ),
        "signals": pa.schema(
            [("conversation", s), ("role", s), ("person", s), ("kind", s), ("messages", i)]
        ),
        "failures": pa.schema([("conversation", s), ("file", s), ("row", i), ("kind", s), ("reason", s)]),
        "messages": pa.schema(
            [("conversation", s), ("msg_id", s), ("ts", s), ("role", s), ("person", s), ("kind", s),
             ("words", i), ("signals", s), ("text", s)]
        ),
    }


_SCHEMAS: dict[str, Any] = {}


def schema(table: str) -> pa.Schema:
    """The fixed schema of one table (every partition has it, so the folder reads as one dataset)."""
    if not _SCHEMAS:
        _SCHEMAS.update(_schemas())
    return _SCHEMAS[table]


def partition(out: Path, table: str, key: str) -> Path:
    return out / table / f"part-{key}.parquet"


def is_done(out: Path, key: str) -> bool:
    """Whether this conversation was written by an earlier run (or an earlier try of this one)."""
    return partition(out, DONE_TABLE, key).exists()


def write_rows(out: Path, table: str, key: str, rows: Sequence[Row]) -> Path:
    """Write one partition atomically: a temporary file in the same folder, then `os.replace`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sch = schema(table)
    data = pa.Table.from_pylist([{c: r.get(c) for c in sch.names} for r in rows], schema=sch)
    final = partition(out, table, key)
    tmp = final.with_name(f"{_TMP}{key}-{os.getpid()}-{uuid.uuid4().hex[:8]}.parquet")
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(data, tmp, compression="zstd")
        os.replace(tmp, final)
    except OSError as exc:
        raise unwritable(out, exc) from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return final


def unwritable(out: Path, exc: OSError) -> CorpusUnwritable:
    """The error that stops a run whose output folder cannot be written."""
    return CorpusUnwritable(f"Cannot write the corpus into {out}: {exc.strerror or exc}.")


def make_folders(out: Path, tables: Iterable[str]) -> None:
    """Create the tables' folders before any task runs, so that a folder that cannot be written is said
    at once."""
    try:
        for table in tables:
            (out / table).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise unwritable(out, exc) from None


def remove(out: Path, table: str, key: str) -> None:
    try:
        partition(out, table, key).unlink(missing_ok=True)
    except OSError as exc:
        raise unwritable(out, exc) from None


def _keys(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {p.name[5:-8] for p in folder.glob("part-*.parquet")}


def tidy(out: Path) -> int:
    """Remove what an interrupted run left: temporary files, and partitions of conversations whose
    `conversations` partition was never written (a rerun writes them again). Returns how many went."""
    gone = 0
    done = _keys(out / DONE_TABLE)
    for table in TABLES:
        folder = out / table
        if not folder.is_dir():
            continue
        for p in folder.glob(f"{_TMP}*"):
            p.unlink(missing_ok=True)
            gone += 1
        if table in ("weekly", "signals", "messages"):
            for key in _keys(folder) - done:
                remove(out, table, key)
                gone += 1
    # a conversation that now reads well has no failure left over from an earlier run
    for key in _keys(out / "failures") & done:
        remove(out, "failures", key)
        gone += 1
    return gone


def prune(out: Path, keep: Iterable[str]) -> int:
    """Remove the partitions of conversations that are not in this corpus any more (an export taken out
    of the source, or analysed with other options), so the folder holds one corpus. Returns how many."""
    wanted = set(keep)
    gone = 0
    for table in TABLES:
        for key in _keys(out / table) - wanted:
            remove(out, table, key)
            gone += 1
    return gone


def read_table(out: Path, table: str, keys: Iterable[str] | None = None) -> pa.Table:
    """A whole table of the corpus (every partition; optionally only these conversations)."""
    import pyarrow.dataset as ds

    folder = out / table
    sch = schema(table)
    if not folder.is_dir() or not any(folder.glob("part-*.parquet")):
        return sch.empty_table()
    data = ds.dataset(str(folder), schema=sch, format="parquet")
    if keys is None:
        return data.to_table()
    return data.to_table(filter=ds.field("conversation").isin(sorted(set(keys))))
