"""Views of `MessageColumns` read all at once by the summary and the bulk writers, and the blocks they write.

Each function gives, for every row, what the `Message` built for that row would hold (`is_me`, `edited`,
the UTC instant and the offset text of `ts_local`), without building the rows. Plain buffers are used
(NumPy's import alone costs about 0.1 s and 10 MB, as much as writing a million rows), except for the time
zone's reading, which needs NumPy and runs only when a zone was given.
"""

from __future__ import annotations

import struct
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Final

from openup.chats.model import _EPOCH_NAIVE, MessageColumns, Utf8Column
from openup.chats.textfix import utf8

if TYPE_CHECKING:
    import numpy as np

ISO_WIDTH: Final = 19  # "YYYY-MM-DDTHH:MM:SS": isoformat pads the year to four digits, seconds are whole
BLOCK_ROWS: Final = 16_384
BLOCK_BYTES: Final = 4 << 20
_EPOCH_UTC: Final = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND: Final = timedelta(seconds=1)


def int_buffer(values: Sequence[int], code: str) -> memoryview:
    """`values` as a flat buffer of array type `code` ("q" int64, "i" int32, "B" uint8), copied only when
    it is not one already (the scanner's columns are)."""
    if isinstance(values, memoryview) and values.format == code and values.ndim == 1:
        return values
    if isinstance(values, (bytes, bytearray)) and code == "B":
        return memoryview(values)
    return memoryview(array(code, values))


def me_codes(cols: MessageColumns) -> bytearray:
    """`is_me` of every row as a byte (1 or 0): the sender's name is "me", or the phone's owner deleted it."""
    try:
        from openup.chats import _rowtext
    except ImportError:  # the row writer was not built: one row at a time
        out = bytearray(cols.name_me[s] if s >= 0 else 0 for s in cols.sender)
    else:  # the row writer as a gather: one byte per row from a table indexed by sender (-1: the last entry)
        table = (*(bytes((m,)) for m in cols.name_me), b"\0")
        out = bytearray(_rowtext.rows(((1, table, int_buffer(cols.sender, "i"), 4),), len(cols)))
    for row in cols.me_rows:
        out[row] = 1
    return out


def edited_codes(cols: MessageColumns) -> bytearray:
    """`edited` of every row as a byte (1 or 0)."""
    out = bytearray(len(cols))
    for row in cols.edited_rows:
        out[row] = 1
    return out


@dataclass(frozen=True)
class ZoneTimes:
    """Per row, what the time zone makes of the wall-clock time: `utc` holds UTC seconds where `has_utc`
    (else the wall-clock seconds, as `Message.sort_key` reads a time with no instant) and `suffix` indexes
    `suffixes`, the text `isoformat()` puts after the wall clock of `ts_local` ("+01:00", or "" if naive)."""

    utc: np.ndarray
    has_utc: np.ndarray
    suffix: np.ndarray
    suffixes: list[str]


def zone_times(cols: MessageColumns) -> ZoneTimes | None:
    """The zone's reading of every row's time (`local_pair` asked once per distinct time), or None when
    the columns have no time zone."""
    local_pair = cols.local_pair
    if local_pair is None:
        return None
    import numpy as np

    distinct, where = np.unique(np.asarray(int_buffer(cols.ts, "q")), return_inverse=True)
    utc = np.empty(len(distinct), dtype=np.int64)
    has_utc = np.empty(len(distinct), dtype=bool)
    suffix = np.empty(len(distinct), dtype=np.int32)
    codes: dict[str, int] = {}
    for j, t in enumerate(distinct.tolist()):
        local, instant = local_pair(_EPOCH_NAIVE + timedelta(seconds=t))
        suffix[j] = codes.setdefault(local.isoformat()[ISO_WIDTH:], len(codes))
        has_utc[j] = instant is not None
        utc[j] = t if instant is None else (instant - _EPOCH_UTC) // _SECOND
    return ZoneTimes(utc[where], has_utc[where], suffix[where], list(codes))


def _first(rows: bytes, value: int) -> int:
    """The first row of int64 rows (back to back) holding `value`, which one of them holds."""
    key = struct.pack("=q", value)
    at = rows.find(key)
    while at % 8:  # a match across two rows
        at = rows.find(key, at + 1)
    return at // 8


class ColumnViews:
    """Flat buffers over the columns of `cols`, and the per-row values read from them, each made once."""

    def __init__(self, cols: MessageColumns) -> None:
        self.cols = cols
        self.ts = int_buffer(cols.ts, "q")
        self.line = int_buffer(cols.line, "q")
        self.sender = int_buffer(cols.sender, "i")
        self.kind = int_buffer(cols.kind, "B")

    @cached_property
    def me(self) -> memoryview:
        """`is_me` of every row, one byte each (see `me_codes`)."""
        return memoryview(me_codes(self.cols))

    @cached_property
    def edited(self) -> memoryview:
        """`edited` of every row, one byte each."""
        return memoryview(edited_codes(self.cols))

    @cached_property
    def zone(self) -> ZoneTimes | None:
        """The time zone's reading of every row (see `zone_times`)."""
        return zone_times(self.cols)

    def key_extremes(self) -> tuple[int, int, int, int]:
        """(first row, its key, last row, its key): the first rows holding the smallest and the largest
        `Message.sort_key` (UTC seconds when the instant is known, else the wall clock), as `Summary.add`
        keeps them."""
        if self.zone is not None:
            utc = self.zone.utc
            lo, hi = int(utc.argmin()), int(utc.argmax())
            return lo, int(utc[lo]), hi, int(utc[hi])
        smallest, largest = min(self.ts), max(self.ts)
        rows = self.ts.tobytes()
        return _first(rows, smallest), smallest, _first(rows, largest), largest


def _row_weights(cols: MessageColumns) -> memoryview:
    """Bytes each row adds to a block beside its text: its sender's name twice (sender_id, sender_name), and
    64 for the rest, as int32."""
    from openup.chats import _rowtext

    table = (*(struct.pack("=i", 2 * len(utf8(x)) + 64) for x in cols.names), struct.pack("=i", 64))
    return memoryview(_rowtext.rows(((1, table, int_buffer(cols.sender, "i"), 4),), len(cols))).cast("i")


def row_blocks(cols: MessageColumns) -> Iterator[tuple[int, int]]:
    """Row ranges (lo, hi) covering `cols` in order, each of at most BLOCK_ROWS rows and about BLOCK_BYTES of
    text and sender names (one longer row is a block of its own): what a writer builds at once stays small."""
    n = len(cols)
    if not isinstance(cols.text, Utf8Column):
        yield from ((lo, min(n, lo + BLOCK_ROWS)) for lo in range(0, n, BLOCK_ROWS))
        return
    size, weight = int_buffer(cols.text.size, "i"), _row_weights(cols)
    lo = 0
    while lo < n:  # the most rows from lo that fit in BLOCK_BYTES (at least one)
        hi = min(n, lo + BLOCK_ROWS)
        if sum(size[lo:hi]) + sum(weight[lo:hi]) > BLOCK_BYTES:
            ends = accumulate(a + b for a, b in zip(size[lo:hi], weight[lo:hi], strict=True))
            hi = lo + max(1, bisect_right(list(ends), BLOCK_BYTES))
        yield lo, hi
        lo = hi
