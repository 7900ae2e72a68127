"""The accelerated reader: `load_columns` fills sorted columns with the C scanner (openup.chats._wascan).

It gives the same conversation as `parse` (reader.py) followed by the stable sort, or None to leave the file
to it. The scanner walks the bytes; Python only names senders, classifies the few bodies the scanner marks
for `classify`, and reorders the columns when the times are not in order.
"""

from __future__ import annotations

import io
from array import array
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Final

from openup.chats import whatsapp as knobs  # ACCELERATE lives on the package, where tests switch it off
from openup.chats.model import _EPOCH_NAIVE, KINDS, ImportReport, MessageColumns, Utf8Column
from openup.chats.options import ParseOptions
from openup.chats.safe_io import UTF8_PROBE_BYTES, Source, detect_encoding
from openup.chats.whatsapp.kinds import DELETED_ME, EXACT_KIND, classify
from openup.chats.whatsapp.layout import BIDI
from openup.chats.whatsapp.prepare import PLATFORM, Plan, author_info, note_preamble, prepare, start, warn_bad_dates

try:
    from openup.chats import _wascan
except ImportError:  # the extension was not built: the pure-Python reader does everything
    _wascan = None  # type: ignore[assignment]

HAVE_SCANNER: Final = _wascan is not None
_KIND_CODE: Final[dict[str, int]] = {k: i for i, k in enumerate(KINDS)}
_EXACT_CODES: Final[dict[str, int]] = {t: _KIND_CODE[k] for t, k in EXACT_KIND.items()}
_CLASSIFY: Final = 7  # kind code the scanner leaves for `classify`
_EPOCH_UTC: Final = datetime(1970, 1, 1, tzinfo=UTC)

LocalPair = Callable[[datetime], tuple[datetime, datetime | None]]


def load_columns(
    source: Source, opts: ParseOptions, report: ImportReport, *, in_file_order: bool = False
) -> MessageColumns | None:
    """The whole export as sorted columns read by the C scanner, or None when the pure-Python reader must
    read it: extension not built, not UTF-8, or bytes the scanner leaves to Python's regex (a non-ASCII
    digit where a header digit could stand). The result equals `parse` followed by the stable sort, or
    `parse` alone with `in_file_order` (rows as the file has them, as `openup import --out` writes them).

    Memory: the file's bytes are kept (texts are decoded from them when read) plus about 33 bytes a row.
    """
    if not knobs.ACCELERATE or _wascan is None:
        return None
    start(source, opts, report)
    enc = detect_encoding(source.head(UTF8_PROBE_BYTES), source.display)
    if enc.name not in ("utf-8", "utf-8-sig"):
        return None
    scratch = ImportReport()  # copied into `report` only when this reader finishes
    plan = _plan(source, enc.name, opts, scratch)
    if plan is None:
        return None
    data = _read_bytes(source, enc.name)
    names: list[str] = []
    name_me: list[bool] = []
    layout = plan.layout
    (ts_b, line_b, sender_b, kinds, start_b, size_b), first, bad_dates, status, in_order = _wascan.scan(
        data,
        bracket=layout.bracket,
        date_sep=layout.date_sep,
        ymd=layout.ymd,
        year_digits=layout.year_digits,
        seconds=layout.seconds,
        ampm=layout.ampm,
        closer=layout.closer,
        dayfirst=plan.dayfirst is not False,
        author=_author_index(opts, names, name_me),
        exact=_EXACT_CODES,
        colon_names=tuple(n.encode() for n in plan.colon_names),
    )
    if status:
        return None
    note_preamble((data[:first] if first >= 0 else data).decode("utf-8"), scratch)
    override, edited_rows, me_rows = _classify_rows(data, kinds, start_b, size_b)
    local_pair = opts.local_pair if opts.tz is not None else None
    sort_key, in_order = (ts_b, True) if in_file_order else _sort_key(ts_b, local_pair, in_order)
    if not in_order:
        # A phone clock that jumped back: a stable argsort keeps file order among equal times.
        order = _wascan.argsort(sort_key)
        ts_b = _wascan.gather(ts_b, 8, order)
        line_b = _wascan.gather(line_b, 8, order)
        sender_b = _wascan.gather(sender_b, 4, order)
        kinds = _wascan.gather(kinds, 1, order)
        start_b = _wascan.gather(start_b, 8, order)
        size_b = _wascan.gather(size_b, 4, order)
        override, edited_rows, me_rows = _renumber(order, override, edited_rows, me_rows)
        del order
    del sort_key
    _finish_report(scratch, bad_dates, report)
    return MessageColumns(
        platform=PLATFORM,
        chat_id=report.chat_id,
        ts=memoryview(ts_b).cast("q"),
        line=memoryview(line_b).cast("q"),
        sender=memoryview(sender_b).cast("i"),
        kind=kinds,
        text=Utf8Column(data, memoryview(start_b).cast("q"), memoryview(size_b).cast("i"), override),
        names=names,
        name_me=name_me,
        me_rows=frozenset(me_rows),
        edited_rows=frozenset(edited_rows),
        local_pair=local_pair,
    )


def _plan(source: Source, encoding: str, opts: ParseOptions, scratch: ImportReport) -> Plan | None:
    """What `prepare` decides from the first lines, or None when they are not valid UTF-8."""
    try:
        with source.open_binary() as raw:
            stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline=None)
            try:
                return prepare(stream, source.display, opts, scratch)
            finally:
                stream.detach()
    except UnicodeDecodeError:
        return None


def _read_bytes(source: Source, encoding: str) -> bytes:
    """The file's bytes without a UTF-8 byte-order mark and with universal newlines, as text mode reads."""
    with source.open_binary() as raw:
        data = raw.read()
    if encoding == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data


def _author_index(opts: ParseOptions, names: list[str], name_me: list[bool]) -> Callable[[str], int]:
    """The scanner's callback: a header prefix's index in `names` (added on first sight), or -1 if no name."""
    index: dict[str, int] = {}

    def author(prefix: str) -> int:
        info = author_info(prefix, opts)
        if info is None:
            return -1
        name, me = info
        i = index.get(name)
        if i is None:
            i = index[name] = len(names)
            names.append(name)
            name_me.append(me)
        return i

    return author


def _classify_rows(
    data: bytes, kinds: bytearray, start_b: bytearray, size_b: bytearray
) -> tuple[dict[int, str], set[int], set[int]]:
    """Classify the rows the scanner left to `classify` (their kinds are set in place); returns the rows whose
    text changed (row -> text), the edited rows and the deleted rows the phone's owner deleted."""
    start = memoryview(start_b).cast("q")
    size = memoryview(size_b).cast("i")
    override: dict[int, str] = {}
    edited_rows: set[int] = set()
    me_rows: set[int] = set()
    pos = kinds.find(_CLASSIFY)
    while pos >= 0:
        a = start[pos]
        raw_text = data[a : a + size[pos]].decode("utf-8")
        kind, text, edited = classify(raw_text)
        kinds[pos] = _KIND_CODE[kind]
        if text != raw_text:
            override[pos] = text
        if edited:
            edited_rows.add(pos)
        pos = kinds.find(_CLASSIFY, pos + 1)
    deleted = _KIND_CODE["deleted"]
    pos = kinds.find(deleted)
    while pos >= 0:
        a = start[pos]
        text = override.get(pos) or data[a : a + size[pos]].decode("utf-8")
        if text.lstrip(BIDI) in DELETED_ME:
            me_rows.add(pos)
        pos = kinds.find(deleted, pos + 1)
    return override, edited_rows, me_rows


def _sort_key(ts_b: bytearray, local_pair: LocalPair | None, in_order: bool) -> tuple[bytes | bytearray, bool]:
    """The bytes to sort rows by (UTC seconds when a zone is chosen, else the wall-clock seconds) and whether
    the rows are already in that order."""
    if local_pair is None:
        return ts_b, in_order
    utc_keys = _utc_seconds(memoryview(ts_b).cast("q"), local_pair)
    return array("q", utc_keys).tobytes(), all(a <= b for a, b in pairwise(utc_keys))


def _renumber(
    order: bytearray, override: dict[int, str], edited_rows: set[int], me_rows: set[int]
) -> tuple[dict[int, str], set[int], set[int]]:
    """The row sets and overrides after the rows were put in `order` (order[new] = old)."""
    moved = {*override, *me_rows, *edited_rows}
    new_row = {old: new for new, old in enumerate(memoryview(order).cast("q")) if old in moved} if moved else {}
    return (
        {new_row[r]: t for r, t in override.items()},
        {new_row[r] for r in edited_rows},
        {new_row[r] for r in me_rows},
    )


def _finish_report(scratch: ImportReport, bad_dates: int, report: ImportReport) -> None:
    """Copy what was noted while reading into `report`, in the order the line reader notes it."""
    for w in scratch.warnings:
        report.warn(w)
    warn_bad_dates(bad_dates, report)
    report.skipped.counts.update(scratch.skipped.counts)
    report.skipped.examples.extend(scratch.skipped.examples)


def _utc_seconds(ts: Sequence[int], local_pair: LocalPair) -> list[int]:
    """Unix seconds of each naive wall-clock time read in the chosen zone (one zone lookup per distinct time)."""
    cache: dict[int, int] = {}
    out = []
    second = timedelta(seconds=1)
    for t in ts:
        u = cache.get(t)
        if u is None:
            utc = local_pair(_EPOCH_NAIVE + timedelta(seconds=t))[1]
            u = cache[t] = (utc - _EPOCH_UTC) // second if utc is not None else t
        out.append(u)
    return out
