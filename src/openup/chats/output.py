"""Writing messages out (JSONL streamed, CSV streamed, Parquet in batches) and summarising an import."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Final

from openup.chats.model import MESSAGE_FIELDS, Conversation, ImportReport, Message
from openup.errors import UserError

OUTPUT_SUFFIXES: Final = (".jsonl", ".csv", ".parquet")
_PARQUET_BATCH: Final = 50_000


@dataclass
class Summary:
    """Counts gathered while messages pass by; memory grows with the number of people, not messages."""

    platform: str = ""
    title: str | None = None
    tz_source: str = "local"
    messages: int = 0
    people: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    first: datetime | None = None
    last: datetime | None = None
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_examples: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    me: str | None = None
    me_messages: int = 0
    _first_key: float = field(default=float("inf"), repr=False)
    _last_key: float = field(default=float("-inf"), repr=False)

    def add(self, m: Message) -> None:
        """Count one message."""
        self.messages += 1
        self.kinds[m.kind] += 1
        if m.sender_name is not None and m.kind != "system":
            self.people[m.sender_name] += 1
        if m.is_me:
            self.me_messages += 1
        key = m.sort_key
        if key < self._first_key:
            self._first_key, self.first = key, m.ts_local
        if key > self._last_key:
            self._last_key, self.last = key, m.ts_local

    def finish(self, report: ImportReport) -> Summary:
        """Copy what the parser reported (platform, skipped lines, warnings)."""
        self.platform = report.platform
        self.title = report.title
        self.tz_source = report.tz_source
        self.skipped = dict(report.skipped.counts)
        self.skipped_examples = [
            f"line {s.line}: {s.reason}: {s.excerpt!r}"
            if s.line is not None
            else f"{s.reason}: {s.excerpt!r}"
            for s in report.skipped
        ]
        self.warnings = list(report.warnings)
        self.me = report.me
        return self

    @classmethod
    def of(cls, conv: Conversation) -> Summary:
        """Summary of a loaded conversation."""
        s = cls()
        for m in conv.messages:
            s.add(m)
        report = ImportReport(
            platform=conv.platform,
            chat_id=conv.chat_id,
            title=conv.title,
            tz_source=conv.tz_source,
            me=conv.me,
            skipped=conv.skipped,
            warnings=conv.warnings,
        )
        return s.finish(report)

    def lines(self) -> list[str]:
        """The summary as plain text lines."""
        out = [f"platform: {self.platform}" + (f" ({self.title})" if self.title else "")]
        out.append(f"messages: {self.messages}")
        if self.first is not None and self.last is not None:
            out.append(
                f"date range: {self.first.isoformat(sep=' ')} to {self.last.isoformat(sep=' ')} "
                f"(times: {self.tz_source})"
            )
        out.append("participants:")
        for name, n in self.people.most_common():
            out.append(
                f"  {name}: {n}" + ("  (you)" if self.me and name.casefold() == self.me.casefold() else "")
            )
        out.append("kinds: " + ", ".join(f"{k} {n}" for k, n in self.kinds.most_common()))
        total = sum(self.skipped.values())
        out.append(f"skipped: {total}" + (" (nothing was lost)" if total == 0 else ""))
        for reason, n in sorted(self.skipped.items(), key=lambda kv: -kv[1]):
            out.append(f"  {n} x {reason}")
        out.extend(f"    e.g. {e}" for e in self.skipped_examples[:5])
        for w in self.warnings:
            out.append(f"warning: {w}")
        return out


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


def _row(m: Message) -> dict[str, object]:
    return m.to_dict()


def write_messages(messages: Iterable[Message], out: Path, summary: Summary) -> int:
    """Write messages to `out` (.jsonl, .csv or .parquet) while counting them; returns how many.

    JSONL and CSV are written one row at a time, so memory stays flat however long the chat is. If
    reading fails part way, the partial file is removed and the error is raised.
    """
    kind = check_output_path(out)
    existed = out.exists()
    try:
        if kind == "parquet":
            return _write_parquet(messages, out, summary)
        with open(out, "w", encoding="utf-8", newline="") as fh:
            writer = _write_jsonl if kind == "jsonl" else _write_csv
            n = writer(messages, fh, summary)
    except BaseException:
        if not existed:
            out.unlink(missing_ok=True)
        raise
    return n


def _counted(messages: Iterable[Message], summary: Summary) -> Iterator[Message]:
    for m in messages:
        summary.add(m)
        yield m


def _write_jsonl(messages: Iterable[Message], fh: IO[str], summary: Summary) -> int:
    n = 0
    dumps = json.dumps
    for m in _counted(messages, summary):
        fh.write(dumps(_row(m), ensure_ascii=False))
        fh.write("\n")
        n += 1
    return n


def _write_csv(messages: Iterable[Message], fh: IO[str], summary: Summary) -> int:
    writer = csv.DictWriter(fh, fieldnames=list(MESSAGE_FIELDS))
    writer.writeheader()
    n = 0
    for m in _counted(messages, summary):
        writer.writerow(_row(m))
        n += 1
    return n


def _write_parquet(messages: Iterable[Message], out: Path, summary: Summary) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("platform", pa.string()),
            ("chat_id", pa.string()),
            ("msg_id", pa.string()),
            ("ts_local", pa.string()),
            ("ts_utc", pa.string()),
            ("sender_id", pa.string()),
            ("sender_name", pa.string()),
            ("is_me", pa.bool_()),
            ("kind", pa.string()),
            ("text", pa.string()),
            ("reply_to", pa.string()),
            ("edited", pa.bool_()),
            ("source_line", pa.int64()),
        ]
    )
    n = 0
    batch: list[dict[str, object]] = []
    with pq.ParquetWriter(str(out), schema) as writer:
        for m in _counted(messages, summary):
            batch.append(_row(m))
            n += 1
            if len(batch) >= _PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return n
