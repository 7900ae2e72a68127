"""The two public entry points: `load_chat` (a whole Conversation) and `iter_messages` (streaming)."""

from __future__ import annotations

import gc
import importlib
import lzma
import os
import sqlite3
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter
from pathlib import Path
from typing import Final

from openup.chats.empty import no_messages
from openup.chats.model import Conversation, ImportReport, Message, MessageColumns
from openup.chats.options import ParseOptions
from openup.chats.safe_io import Source
from openup.chats.sniff import FORMATS, resolve, sniff
from openup.errors import UserError

# format -> module holding `parse(source, opts, report) -> Iterator[Message]`
_PARSERS: Final[dict[str, str]] = {
    "whatsapp": "whatsapp",
    "telegram": "telegram",
    "signal": "signal",
    "signal-json": "signal",
    "messenger": "messenger",
    "instagram": "messenger",
    "imessage": "imessage",
    "sms": "sms_xml",
    "discord": "discord",
    "googlechat": "google_chat",
    "line": "line",
    "csv": "generic",
    "jsonl": "generic",
}

Parser = Callable[[Source, ParseOptions, ImportReport], Iterator[Message]]
ReadProgress = Callable[[int, int], None]  # (bytes read, bytes in all)


def _parser(fmt: str) -> Parser:
    module = importlib.import_module(f"openup.chats.{_PARSERS[fmt]}")
    fn: Parser = getattr(module, "parse_" + fmt.replace("-", "_"), None) or module.parse
    return fn


def _check_format(fmt: str | None) -> str | None:
    if fmt is None:
        return None
    name = fmt.strip().lower()
    if name not in FORMATS:
        raise UserError(f"Unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
    return name


class _Where:
    """What the error messages name: the file as shown to the user and the format once known."""

    __slots__ = ("display", "fmt")

    def __init__(self, display: str, fmt: str | None) -> None:
        self.display = display
        self.fmt = fmt


@contextmanager
def _user_errors(where: _Where) -> Iterator[None]:
    try:
        yield
    except UserError:
        raise
    except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError):
        raise UserError(f"{where.display} is a damaged or truncated zip archive; re-export the chat.") from None
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{where.display} is not a readable {where.fmt or 'chat'} database ({exc}).") from None
    except OSError as exc:
        raise UserError(f"Cannot read {where.display}: {exc.strerror or exc}.") from None
    except RecursionError:
        raise UserError(f"{where.display} is nested too deeply to be a {where.fmt or 'chat'} export.") from None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        # Parsers skip bad records one by one; this is the net for a file whose overall shape is wrong.
        display, fmt = where.display, where.fmt
        raise UserError(
            f"{display} does not have the structure of a {fmt or 'chat'} export ({exc!r:.80})."
        ) from None


def _prepare(
    path: str | os.PathLike[str],
    format: str | None,
    me: str | None,
    tz: str | None,
    dayfirst: bool | None,
    chat: str | None,
    report: ImportReport | None,
) -> tuple[ParseOptions, ImportReport, _Where]:
    """What every reader starts from: the options, the report (with `me` set) and the error context."""
    fmt = _check_format(format)
    opts = ParseOptions.make(me=me, tz=tz, dayfirst=dayfirst, chat=chat)
    rep = report if report is not None else ImportReport()
    rep.me = opts.me
    return opts, rep, _Where(Path(path).name, fmt)


def _open(path: str | os.PathLike[str], where: _Where, progress: ReadProgress | None = None) -> tuple[Source, str]:
    """The export found and its format (as given, else sniffed), recorded in `where`; call it inside
    `_user_errors(where)` so a missing or unreadable file is one sentence. `progress` is then told
    (bytes read, bytes in all) as the export is read."""
    source = resolve(Path(path))
    where.display = source.display
    where.fmt = fmt = where.fmt or sniff(source)
    if progress is not None:
        source.watch(progress)
    return source, fmt


def iter_messages(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    me: str | None = None,
    tz: str | None = None,
    dayfirst: bool | None = None,
    report: ImportReport | None = None,
    chat: str | None = None,
    progress: ReadProgress | None = None,
) -> Iterator[Message]:
    """Stream the messages of an export without holding them all (line formats are read lazily).

    Messages come in file order (structured exports that list newest first are sorted). Pass an
    `ImportReport` to receive the platform, skipped lines and warnings once the generator is exhausted.
    An export that ends without one message raises `NoMessages` (a `UserError`) at its end.

    >>> for m in iter_messages("WhatsApp Chat with Sam.txt", me="Alex"): ...  # doctest: +SKIP
    """
    opts, rep, where = _prepare(path, format, me, tz, dayfirst, chat, report)
    with _user_errors(where):
        source, fmt = _open(path, where, progress)
    yield from _stream(_parser(fmt), source, fmt, opts, rep, where)


def load_for_output(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    me: str | None = None,
    tz: str | None = None,
    dayfirst: bool | None = None,
    report: ImportReport | None = None,
    chat: str | None = None,
    progress: ReadProgress | None = None,
) -> MessageColumns | Iterator[Message]:
    """The messages of an export in file order, as `iter_messages` gives them, for writing out: columns
    when the C scanner reads the export (a WhatsApp text file, read whole), else the `iter_messages` stream.

    Errors finding or sniffing the file are raised here; errors while streaming, as the rows are read.
    """
    opts, rep, where = _prepare(path, format, me, tz, dayfirst, chat, report)
    with _user_errors(where):
        source, fmt = _open(path, where, progress)
        if fmt == "whatsapp":
            from openup.chats.whatsapp import load_columns

            columns = load_columns(source, opts, rep, in_file_order=True)
            if columns is not None:
                if not len(columns):
                    raise no_messages(source, fmt, rep)
                return columns
    return _stream(_parser(fmt), source, fmt, opts, rep, where)


def _stream(
    parser: Parser, source: Source, fmt: str, opts: ParseOptions, report: ImportReport, where: _Where
) -> Iterator[Message]:
    """The parser's messages; a `NoMessages` error once it ends if there was none."""
    empty = True
    with _user_errors(where):
        for message in parser(source, opts, report):
            empty = False
            yield message
    if empty:
        raise no_messages(source, fmt, report)


def load_chat(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    me: str | None = None,
    tz: str | None = None,
    dayfirst: bool | None = None,
    chat: str | None = None,
    progress: ReadProgress | None = None,
) -> Conversation:
    """Read a chat export (file, zip or folder) into a Conversation, sorted by time then file order.

    `chat` picks one chat (by name or id) from an export that holds several (a Telegram account export).
    `progress`, if given, is told (bytes read, bytes in all) as the export is read (`iter_messages` and
    `load_for_output` take it too).
    An export with no message at all raises `NoMessages` (a `UserError`) saying what the file seems to be.

    WhatsApp text exports come back as `MessageColumns` (a read-only sequence that builds each `Message`
    when it is read) when the C scanner is built; every other case is a list.

    >>> conv = load_chat("WhatsApp Chat with Sam.zip", me="Alex")  # doctest: +SKIP
    >>> conv.people()  # doctest: +SKIP
    Counter({'Sam': 812, 'Alex': 790})
    """
    opts, report, where = _prepare(path, format, me, tz, dayfirst, chat, None)
    # Why: a million new rows with no reference cycles would otherwise trigger hundreds of full
    # garbage-collector passes over an ever larger heap (about a quarter of the parse time).
    gc_was_on = gc.isenabled()
    gc.disable()
    messages: Sequence[Message]
    try:
        with _user_errors(where):
            source, fmt = _open(path, where, progress)
            columns = None
            if fmt == "whatsapp":
                from openup.chats.whatsapp import load_columns

                columns = load_columns(source, opts, report)
            if columns is not None:
                messages = columns
            else:
                rows = list(_parser(fmt)(source, opts, report))
                sort_messages(rows)
                messages = rows
    finally:
        if gc_was_on:
            gc.enable()
    if not len(messages):
        raise no_messages(source, fmt, report)
    if isinstance(messages, MessageColumns):
        participants = report.participants or messages.participants()
        any_me = messages.any_me()
    else:
        participants = report.participants or _participants(messages)
        any_me = any(m.is_me for m in messages)
    if report.me is not None and not any_me:
        report.warn(
            f"No message is from {report.me!r}; check the spelling of --me (names: "
            f"{', '.join(participants[:6])})."
        )
    return Conversation(
        platform=report.platform,
        participants=participants,
        messages=messages,
        tz_source=report.tz_source,
        skipped=report.skipped,
        warnings=report.warnings,
        me=report.me,
        chat_id=report.chat_id,
        title=report.title,
    )


def sort_messages(messages: list[Message]) -> None:
    """Stable sort by time; file order breaks ties. Compares datetimes directly when that is safe."""
    if all(m.ts_utc is not None for m in messages):
        messages.sort(key=attrgetter("ts_utc"))
    elif all(m.ts_utc is None for m in messages) and len({m.ts_local.tzinfo is None for m in messages}) <= 1:
        messages.sort(key=attrgetter("ts_local"))
    else:
        messages.sort(key=attrgetter("sort_key"))


def _participants(messages: Sequence[Message]) -> list[str]:
    seen: dict[str, None] = {}
    for m in messages:
        if m.sender_name is not None and m.kind != "system":
            seen.setdefault(m.sender_name, None)
    return list(seen)
