"""The text of `MessageColumns` rows, a block at a time: JSONL and CSV lines, and the string columns of Parquet.

Each block is one call to the C row writer `_rowtext`, with a list of pieces every row is made of (see
_rowtext.c): text all rows share, a table entry per sender, kind or flag (each name escaped once, by
`json.dumps` or the CSV rule), the row's line number in digits, its time in ISO 8601 and its message text
copied out of the file's bytes, escaped on the way. The bytes are the ones `write_rows` writes row by row
from `Message.to_dict()`: `json.dumps(row, ensure_ascii=False)` lines, and `csv.DictWriter` rows with its
default dialect (minimal quoting, "\\r\\n" line ends, True/False, empty for None). JSONL and CSV need
no NumPy (only a time zone's reading does).
"""

from __future__ import annotations

import json
from array import array
from itertools import accumulate
from typing import IO, TYPE_CHECKING, Any, Final

from openup.chats.column_arrays import ColumnViews, int_buffer, row_blocks
from openup.chats.model import KINDS, MESSAGE_FIELDS, MessageColumns, Utf8Column
from openup.chats.textfix import utf8

try:
    from openup.chats import _rowtext
except ImportError:  # the extension was not built: rows are written one at a time
    _rowtext = None  # type: ignore[assignment]

if TYPE_CHECKING:
    import numpy as np

HAVE_ROWTEXT: Final = _rowtext is not None
CSV_HEADER: Final = ",".join(MESSAGE_FIELDS) + "\r\n"
_RAW, _JSON, _CSV = 0, 1, 2  # how `_rowtext` writes a range: as is, as a JSON string, as a CSV field
Piece = tuple[Any, ...]


def csv_field(value: str) -> str:
    """A string as `csv.writer` writes it in a row of several fields (quoted when it holds , " \\r or \\n)."""
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _json(value: str) -> bytes:
    return utf8(json.dumps(value, ensure_ascii=False))


class ColumnText:
    """What every row of `cols` draws on, made once: flat buffers over the columns (`views`, shared with the
    summary) and the escaped names. A sender of -1 (none) reads a table's last entry."""

    def __init__(self, cols: MessageColumns) -> None:
        self.cols = cols
        self.views = views = ColumnViews(cols)
        self.ts, self.line, self.sender, self.kind = views.ts, views.line, views.sender, views.kind
        self.me, self.edited, self.zone = views.me, views.edited, views.zone
        self.suffixes = tuple(s.encode() for s in self.zone.suffixes) if self.zone is not None else ()
        # Each table entry carries the text that follows it in every row, so a row is made of fewer pieces.
        names_json = (*(_json(n) for n in cols.names), b"null")
        self.who_json = tuple(n + b', "sender_name": ' + n + b', "is_me": ' for n in names_json)
        names_csv = (*(utf8(csv_field(n)) for n in cols.names), b"")
        self.who_csv = tuple(n + b"," + n + b"," for n in names_csv)

    def blocks(self) -> list[tuple[int, int]]:
        """The row ranges written at once (see `row_blocks`)."""
        return list(row_blocks(self.cols))

    def _text(self, lo: int, hi: int, mode: int) -> Piece:
        """Rows lo..hi of the text column as a range piece: byte ranges of the file, and the few rows whose
        text differs from their range (or every row, for a column of str) read from a side buffer."""
        text = self.cols.text
        if not isinstance(text, Utf8Column):
            parts = [utf8(t) for t in text[lo:hi]]
            lengths = array("i", map(len, parts))
            starts = array("q", (-1 - at for at in accumulate(lengths, initial=0)))[:-1]  # all in the side buffer
            return (3, b"", starts, lengths, mode, b"".join(parts))
        start = int_buffer(text.start, "q")[lo:hi]
        size = int_buffer(text.size, "i")[lo:hi]
        changed = [i for i in range(lo, hi) if i in text.override] if text.override else []
        if not changed:
            return (3, text.data, start, size, mode, b"")
        starts, sizes = array("q", start), array("i", size)
        parts, at = [], 0
        for i in changed:
            part = utf8(text.override[i])
            starts[i - lo], sizes[i - lo] = -1 - at, len(part)
            parts.append(part)
            at += len(part)
        return (3, text.data, starts, sizes, mode, b"".join(parts))

    def _local(self, lo: int, hi: int) -> list[Piece]:
        """ts_local of rows lo..hi: the wall clock, then the zone's offset when there is a zone."""
        pieces: list[Piece] = [(5, self.ts[lo:hi], None)]
        if self.zone is not None:
            pieces.append((1, self.suffixes, self.zone.suffix[lo:hi], 4))
        return pieces

    def _utc(self, lo: int, hi: int, missing: bytes, before: bytes, after: bytes) -> list[Piece]:
        """ts_utc of rows lo..hi (zone given): `before` + UTC time + `after`, or `missing` with no instant."""
        import numpy as np

        assert self.zone is not None
        flag = self.zone.has_utc[lo:hi].view(np.uint8)
        return [(1, (missing, before), flag, 1), (5, self.zone.utc[lo:hi], flag), (1, (b"", after), flag, 1)]

    def jsonl(self, lo: int, hi: int) -> bytes:
        """Rows lo..hi as JSON lines."""
        cols = self.cols
        if self.zone is None:
            utc: list[Piece] = [(0, b'", "ts_utc": null, "sender_id": ')]
        else:
            utc = [(0, b'", "ts_utc": '), *self._utc(lo, hi, b"null", b'"', b'+00:00"'), (0, b', "sender_id": ')]
        pieces: list[Piece] = [
            (0, b'{"platform": ' + _json(cols.platform) + b', "chat_id": ' + _json(cols.chat_id) + b', "msg_id": "L'),
            (4, self.line[lo:hi]),
            (0, b'", "ts_local": "'),
            *self._local(lo, hi),
            *utc,
            (1, self.who_json, self.sender[lo:hi], 4),
            (1, (b'false, "kind": ', b'true, "kind": '), self.me[lo:hi], 1),
            (1, tuple(_json(k) + b', "text": ' for k in KINDS), self.kind[lo:hi], 1),
            self._text(lo, hi, _JSON),
            (1, tuple(b', "reply_to": null, "edited": ' + b + b', "source_line": ' for b in (b"false", b"true")),
             self.edited[lo:hi], 1),
            (4, self.line[lo:hi]),
            (0, b"}\n"),
        ]
        return _rows(pieces, hi - lo)

    def csv(self, lo: int, hi: int) -> bytes:
        """Rows lo..hi as CSV rows."""
        cols = self.cols
        utc = [] if self.zone is None else self._utc(lo, hi, b"", b"", b"+00:00")
        pieces: list[Piece] = [
            (0, utf8(csv_field(cols.platform) + "," + csv_field(cols.chat_id) + ",L")),
            (4, self.line[lo:hi]),
            (0, b","),
            *self._local(lo, hi),
            (0, b","),
            *utc,
            (0, b","),
            (1, self.who_csv, self.sender[lo:hi], 4),
            (1, (b"False,", b"True,"), self.me[lo:hi], 1),
            (1, tuple(k.encode() + b"," for k in KINDS), self.kind[lo:hi], 1),
            self._text(lo, hi, _CSV),
            (1, (b",,False,", b",,True,"), self.edited[lo:hi], 1),
            (4, self.line[lo:hi]),
            (0, b"\r\n"),
        ]
        return _rows(pieces, hi - lo)

    def strings(self, lo: int, hi: int, field: str) -> tuple[bytes, np.ndarray]:
        """The UTF-8 values of rows lo..hi of a string column that varies by row (text, msg_id, ts_local,
        ts_utc; a missing ts_utc is empty) and their int32 offsets, as an Arrow string array holds them."""
        import numpy as np

        pieces: list[Piece]
        if field == "text":
            pieces = [self._text(lo, hi, _RAW)]
        elif field == "msg_id":
            pieces = [(0, b"L"), (4, self.line[lo:hi])]
        elif field == "ts_local":
            pieces = self._local(lo, hi)
        else:
            pieces = self._utc(lo, hi, b"", b"", b"+00:00")
        data, offsets = _rows(pieces, hi - lo, with_offsets=True)
        return data, np.frombuffer(offsets, dtype=np.int64).astype(np.int32)


def _rows(pieces: list[Piece], n: int, with_offsets: bool = False) -> Any:
    if _rowtext is None:
        raise RuntimeError("the C row writer (openup.chats._rowtext) is not built")
    return _rowtext.rows(tuple(pieces), n, with_offsets=with_offsets)


def write_column_text(text: ColumnText, fh: IO[bytes], kind: str) -> int:
    """Write every row to `fh` as JSONL (`kind` "jsonl") or CSV with its header; returns how many."""
    render = text.jsonl if kind == "jsonl" else text.csv
    if kind == "csv":
        fh.write(CSV_HEADER.encode())
    for lo, hi in text.blocks():
        fh.write(render(lo, hi))
    return len(text.cols)
