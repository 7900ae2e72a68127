"""The rows `openup import --out X.parquet` writes, as Arrow record batches from columns or from `Message`s.

Why: a million rows packed one Python object at a time take seconds. `column_batches` builds the same
rows from the arrays of `MessageColumns` (no `Message` is made): flags and numbers straight from NumPy,
the strings that vary by row from the C row writer (column_text.py), and the columns that repeat a few
values (platform, chat id, sender, kind) dictionary-encoded. `message_batches` packs the rows of every
other reader a few thousand at a time. Every value is the one `Message.to_dict()` gives.

Memory: a batch is one block of `row_blocks` (at most 16,384 rows and about 4 MB of text), so what is
built beside the columns stays small however long the chat is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

from openup.chats.arrow_build import bools, ints, strings
from openup.chats.column_text import ColumnText
from openup.chats.model import KINDS, MESSAGE_FIELDS, Message

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from openup.chats.summary import Summary

MESSAGE_BATCH: Final = 4_096  # rows of `Message`s per batch: they are held until their batch is built
CODED: Final = frozenset({"platform", "chat_id", "sender_id", "sender_name", "kind"})
_BOOLS: Final = frozenset({"is_me", "edited"})


def arrow_schema(coded: bool = False) -> pa.Schema:
    """The 13 output columns (`MESSAGE_FIELDS`): strings, two booleans and the int64 source line; with
    `coded`, the columns in CODED are dictionary-encoded strings."""
    import pyarrow as pa

    def kind(name: str) -> pa.DataType:
        if name in _BOOLS:
            return pa.bool_()
        if name == "source_line":
            return pa.int64()
        return pa.dictionary(pa.int32(), pa.string()) if coded and name in CODED else pa.string()

    return pa.schema([(name, kind(name)) for name in MESSAGE_FIELDS])


# -- from Message objects ----------------------------------------------------------------------------------


def _message_batch(rows: list[Message], schema: pa.Schema) -> pa.RecordBatch:
    import numpy as np
    import pyarrow as pa

    columns: list[pa.Array] = []
    for name in MESSAGE_FIELDS:
        values = [getattr(m, name) for m in rows]
        if name == "ts_local":
            values = [t.isoformat() for t in values]
        elif name == "ts_utc":
            values = [None if t is None else t.isoformat() for t in values]
        if name in _BOOLS:
            columns.append(bools(np.array(values, dtype=bool)))
        elif name == "source_line":
            missing = np.array([v is None for v in values], dtype=bool)
            columns.append(ints(np.array([v or 0 for v in values], dtype=np.int64), pa.int64(), missing))
        else:
            columns.append(strings(values))
    return pa.record_batch(columns, schema=schema)


def message_batches(messages: Iterable[Message], summary: Summary) -> Iterator[pa.RecordBatch]:
    """Batches of the rows of `messages`, each counted in `summary` as it passes."""
    schema = arrow_schema()
    rows: list[Message] = []
    for m in messages:
        summary.add(m)
        rows.append(m)
        if len(rows) == MESSAGE_BATCH:
            yield _message_batch(rows, schema)
            rows = []
    if rows:
        yield _message_batch(rows, schema)


# -- from columns ------------------------------------------------------------------------------------------


def _varying(text: ColumnText, lo: int, hi: int, field: str, missing: np.ndarray | None = None) -> pa.Array:
    import pyarrow as pa

    data, offsets = text.strings(lo, hi, field)
    validity = None if missing is None or not missing.any() else bools(~missing).buffers()[1]
    return pa.StringArray.from_buffers(hi - lo, pa.py_buffer(offsets), pa.py_buffer(data), validity)


def _coded(values: pa.Array, codes: np.ndarray, missing: np.ndarray | None = None) -> pa.DictionaryArray:
    import pyarrow as pa

    return pa.DictionaryArray.from_arrays(ints(codes, pa.int32(), missing), values)


def column_batches(text: ColumnText) -> Iterator[pa.RecordBatch]:
    """The rows of `text.cols`, in their order, as batches of the coded `arrow_schema` (string columns made
    by the C row writer, see column_text.py)."""
    import numpy as np
    import pyarrow as pa

    schema = arrow_schema(coded=True)
    cols = text.cols
    platform, chat_id, kinds = strings([cols.platform]), strings([cols.chat_id]), strings(KINDS)
    names = strings(cols.names)
    for lo, hi in text.blocks():
        k = hi - lo
        zeros = np.zeros(k, dtype=np.int32)
        sender = np.frombuffer(text.sender[lo:hi], dtype=np.int32)
        who = _coded(names, sender, sender < 0)
        no_utc = None if text.zone is None else ~text.zone.has_utc[lo:hi]
        utc = pa.nulls(k, pa.string()) if no_utc is None else _varying(text, lo, hi, "ts_utc", no_utc)
        yield pa.record_batch(
            [
                _coded(platform, zeros),
                _coded(chat_id, zeros),
                _varying(text, lo, hi, "msg_id"),
                _varying(text, lo, hi, "ts_local"),
                utc,
                who,
                who,
                bools(np.frombuffer(text.me[lo:hi], dtype=bool)),
                _coded(kinds, np.frombuffer(text.kind[lo:hi], dtype=np.uint8)),
                _varying(text, lo, hi, "text"),
                pa.nulls(k, pa.string()),
                bools(np.frombuffer(text.edited[lo:hi], dtype=bool)),
                ints(np.frombuffer(text.line[lo:hi], dtype=np.int64), pa.int64()),
            ],
            schema=schema,
        )
