"""What `openup import` prints about a chat: counts gathered row by row, or read from columns at once."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from openup.chats.model import Conversation, ImportReport, Message, MessageColumns

if TYPE_CHECKING:
    from openup.chats.column_arrays import ColumnViews


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

    def add_columns(self, cols: MessageColumns, views: ColumnViews | None = None) -> None:
        """Count every row of `cols` at once: the same counts as `add` on each row in turn. `views` may
        bring what a writer has already read from the columns."""
        from openup.chats.column_arrays import ColumnViews

        if not len(cols):
            return
        views = views if views is not None else ColumnViews(cols)
        self.messages += len(cols)
        self.kinds.update(cols.kinds())
        self.people.update(cols.people())
        self.me_messages += views.me.tobytes().count(1)
        first, first_key, last, last_key = views.key_extremes()
        if first_key < self._first_key:
            self._first_key, self.first = float(first_key), cols[first].ts_local
        if last_key > self._last_key:
            self._last_key, self.last = float(last_key), cols[last].ts_local

    @classmethod
    def of(cls, conv: Conversation) -> Summary:
        """Summary of a loaded conversation (read from its columns when it has them)."""
        s = cls()
        if isinstance(conv.messages, MessageColumns):
            s.add_columns(conv.messages)
        else:
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
