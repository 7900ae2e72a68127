"""Writing messages out as .jsonl, .csv or .parquet: in bulk from columns, or from a stream of rows.

`write_messages` takes what `load_for_output` gives. `MessageColumns` (a WhatsApp text export read by the
C scanner) are written straight from their arrays, a block of rows per call: JSONL and CSV by the C row
writer (column_text.py), Parquet through Arrow (row_batches.py). A stream of `Message`s from any other
reader is written one row at a time (`write_rows`: JSONL, CSV) or in Arrow batches (Parquet). Either way
the rows, their values and their order are the same.
"""

from __future__ import annotations

import contextlib
import csv
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

from openup.chats.model import MESSAGE_FIELDS, Message, MessageColumns
from openup.chats.summary import Summary
from openup.errors import UserError

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["OUTPUT_SUFFIXES", "Summary", "check_output_path", "write_messages", "write_rows"]

OUTPUT_SUFFIXES: Final = (".jsonl", ".csv", ".parquet")
# Columns whose values repeat (a dictionary page each in Parquet); the others are stored plain.
_PARQUET_DICTIONARY: Final = ["platform", "chat_id", "sender_id", "sender_name", "kind"]
ROW_GROUP: Final = 65536  # rows per Parquet row group (the last may hold fewer)
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def check_output_path(out: Path) -> str:
    """The output format for a path, or a UserError if the suffix is not supported."""
    suffix = out.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise UserError(f"Cannot write {out.name}: the output must end in .jsonl, .csv or .parquet.")
    if suffix == ".parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UserError(
                "Writing .parquet needs the pyarrow package (pip install pyarrow); "
                "use .jsonl or .csv instead."
            ) from None
    if out.is_dir():
        raise UserError(f"{out} is a folder; give a file name such as chat.jsonl.")
    if not out.parent.exists():
        raise UserError(f"The folder {out.parent} does not exist; create it or choose another output path.")
    return suffix[1:]


def write_messages(messages: Iterable[Message], out: Path, summary: Summary) -> int:
    """Write messages to `out` (.jsonl, .csv or .parquet) while counting them in `summary`; returns how many.

    Memory beyond the messages themselves stays bounded: columns are written a block at a time, a stream
    a row or a batch at a time. If reading or writing fails part way, the partial file is removed and the
    error raised (a file that cannot be written is a UserError).
    """
    from openup.chats.column_text import HAVE_ROWTEXT, ColumnText, write_column_text

    kind = check_output_path(out)
    existed = out.exists()
    try:
        if isinstance(messages, MessageColumns) and HAVE_ROWTEXT:
            text = ColumnText(messages)
            summary.add_columns(messages, text.views)
            if kind == "parquet":
                from openup.chats.row_batches import column_batches

                return _write_parquet(column_batches(text), out)
            with open(out, "wb") as fh:
                return write_column_text(text, fh, kind)
        if kind == "parquet":
            from openup.chats.row_batches import message_batches

            return _write_parquet(message_batches(messages, summary), out)
        return write_rows(messages, out, summary)
    except BaseException as exc:
        if not existed:
            with contextlib.suppress(OSError):
                out.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UserError(f"Cannot write {out}: {exc.strerror or exc}.") from None
        raise


def _write_parquet(batches: Iterator[pa.RecordBatch], out: Path) -> int:
    """One row group per batch. The Arrow schema is not stored in the file, so that coded (dictionary)
    columns read back as the plain strings they stand for: every column reads back as `arrow_schema()`."""
    import pyarrow.parquet as pq

    from openup.chats.row_batches import arrow_schema

    n = 0
    writer: pq.ParquetWriter | None = None
    try:
        for batch in batches:
            if writer is None:
                writer = pq.ParquetWriter(
                    str(out), batch.schema, store_schema=False, use_dictionary=_PARQUET_DICTIONARY
                )
            writer.write_batch(batch)
            n += batch.num_rows
        if writer is None:  # no rows: the file still holds the columns
            writer = pq.ParquetWriter(str(out), arrow_schema(), store_schema=False)
            writer.write_table(arrow_schema().empty_table())
    finally:
        if writer is not None:
            writer.close()
    return n


# -- row by row (without pyarrow) ----------------------------------------------------------------------------


def write_rows(messages: Iterable[Message], out: Path, summary: Summary) -> int:
    """Write .jsonl or .csv one `Message.to_dict()` row at a time (memory stays flat); returns how many.

    A lone surrogate (which no UTF-8 file can hold) is written as U+FFFD.
    """
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = _write_jsonl if out.suffix.lower() == ".jsonl" else _write_csv
        return writer(messages, fh, summary)


def _counted(messages: Iterable[Message], summary: Summary) -> Iterator[dict[str, object]]:
    for m in messages:
        summary.add(m)
        yield m.to_dict()


def _clean(row: dict[str, object]) -> dict[str, object]:
    return {k: _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in row.items()}


def _write_jsonl(messages: Iterable[Message], fh: IO[str], summary: Summary) -> int:
    n = 0
    dumps = json.dumps
    for row in _counted(messages, summary):
        line = dumps(row, ensure_ascii=False) + "\n"
        try:
            fh.write(line)
        except UnicodeEncodeError:
            fh.write(dumps(_clean(row), ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_csv(messages: Iterable[Message], fh: IO[str], summary: Summary) -> int:
    writer = csv.DictWriter(fh, fieldnames=list(MESSAGE_FIELDS))
    writer.writeheader()
    n = 0
    for row in _counted(messages, summary):
        try:
            writer.writerow(row)
        except UnicodeEncodeError:
            writer.writerow(_clean(row))
        n += 1
    return n
