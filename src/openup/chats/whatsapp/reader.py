"""The pure-Python line reader: `parse` streams the messages of an export in file order.

It reads what the C scanner (columns.py) leaves to it: files not in UTF-8, a non-ASCII digit where a header
digit could stand, or every file when the extension is not built. Why re.split over multi-megabyte chunks:
the regex engine walks the text in C and hands back [before, header groups..., text up to the next header,
...]; Python touches each message once and never visits continuation lines one by one. The loop in `_read`
is written out flat because it runs per message: setup and the last steps are kept out of it, and it calls
helpers only for what it has not seen before (a date, a time, a sender) and for bodies that may be
placeholders (`classify`).
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from datetime import datetime
from typing import Final

from openup.chats import whatsapp as knobs  # CHUNK_CHARS lives on the package, where tests change it
from openup.chats.model import ImportReport, Kind, Message
from openup.chats.options import ParseOptions
from openup.chats.safe_io import Source
from openup.chats.whatsapp.dates import hms, resolve_date
from openup.chats.whatsapp.kinds import DELETED_ME, EXACT_KIND, SLOW_FIRST, classify
from openup.chats.whatsapp.layout import BIDI
from openup.chats.whatsapp.prepare import PLATFORM, Plan, author_info, note_preamble, prepare, start, warn_bad_dates

_UNSEEN: Final[tuple[int, int, int]] = (-1, -1, -1)


def parse(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Stream the messages of a WhatsApp text export, in file order (the pure-Python reader)."""
    start(source, opts, report)
    with source.text_stream(report.warnings) as stream:
        plan = prepare(stream, source.display, opts, report)
        preamble, bad_dates = yield from _read(_chunks(plan.head, stream), plan, opts, report.chat_id)
        note_preamble(preamble, report)
        warn_bad_dates(bad_dates, report)


def _chunks(head: str, stream: Iterator[str]) -> Iterator[str]:
    """The text in large pieces that each end just after a newline (except the very last)."""
    read = stream.read  # type: ignore[attr-defined]
    carry = head
    while True:
        block = read(knobs.CHUNK_CHARS)
        if not block:
            if carry:
                yield carry
            return
        data = carry + block
        cut = data.rfind("\n") + 1
        if cut == 0:
            carry = data  # one very long line: keep collecting
            continue
        carry = data[cut:]
        yield data[:cut]


def _read(
    chunks: Iterable[str], plan: Plan, opts: ParseOptions, chat_id: str
) -> Generator[Message, None, tuple[str, int]]:
    """The messages; returns the text before the first header and the count of headers with impossible dates."""
    colon_names, dayfirst, digits, ymd = plan.colon_names, plan.dayfirst, plan.layout.year_digits, plan.layout.ymd
    hdr, has_tz, local_pair = plan.layout.regex(split=True), opts.tz is not None, opts.local_pair
    exact_kind, slow_first, deleted_me, new_message = EXACT_KIND, SLOW_FIRST, DELETED_ME, Message
    date_cache: dict[str, tuple[int, int, int] | None] = {}
    time_cache: dict[str, tuple[int, int, int]] = {}
    authors: dict[str, tuple[str, bool] | None] = {}  # header prefix -> (name, is_me), or None: not a name
    colon_firsts = {n.split(": ", 1)[0] for n in colon_names}
    bad_dates = 0
    prev_date = prev_time = prev_ampm = prev_dt = None
    # The message being collected: header line number, time, header remainder and the text after it.
    cur_line, cur_rest = 0, ""
    cur_dt: datetime | None = None
    pieces: list[str] = []
    lineno = 1  # line number where the next piece of text starts
    preamble: list[str] = []
    sender: str | None
    kind: Kind
    for chunk in chunks:
        parts = hdr.split(chunk)
        lineno += parts[0].count("\n")
        (pieces if cur_dt is not None else preamble).append(parts[0])
        it = iter(parts)
        next(it)
        for prefix, date_s, time_s, ampm, rest, between in zip(it, it, it, it, it, it, strict=True):
            if date_s == prev_date and time_s == prev_time and ampm == prev_ampm:
                dt = prev_dt
            else:
                ymd_t = date_cache.get(date_s, _UNSEEN)
                if ymd_t is _UNSEEN:
                    ymd_t = date_cache[date_s] = resolve_date(date_s, ymd, digits, dayfirst)
                hms_t = time_cache.get(time_s)
                if hms_t is None:
                    hms_t = time_cache[time_s] = hms(time_s)
                h = hms_t[0]
                if ampm:  # 12 AM is hour 0, 1 PM hour 13; an hour above 12 is kept (and may be invalid)
                    h = (h + 12 if h < 12 else h) if ampm[0] in "pP" else (0 if h == 12 else h)
                if ymd_t is None or h > 23 or hms_t[1] > 59 or hms_t[2] > 59:
                    dt = None
                else:
                    dt = datetime(ymd_t[0], ymd_t[1], ymd_t[2], h, hms_t[1], hms_t[2])
                prev_date, prev_time, prev_ampm, prev_dt = date_s, time_s, ampm, dt
            if dt is None:
                bad_dates += 1  # an impossible date: the line stays in the text of the message before it
                (pieces if cur_dt is not None else preamble).append(prefix + rest + between)
                lineno += between.count("\n")
                continue
            if cur_dt is not None:
                # -- emit the message collected so far (as in _last_message); tail == "\n": a one-line message
                tail = pieces[0] if len(pieces) == 1 else "".join(pieces)
                text = cur_rest if tail == "\n" else cur_rest + (tail[:-1] if tail[-1:] == "\n" else tail)
                sender, me, kind, edited = None, False, "system", False
                i = cur_rest.find(": ")
                if i > 0:
                    name = cur_rest[:i]
                    if name in colon_firsts:
                        for cname in colon_names:
                            if cur_rest.startswith(cname + ": "):
                                name, i = cname, len(cname)
                                break
                    if name in authors:
                        info = authors[name]
                    else:
                        info = authors[name] = author_info(name, opts)
                    if info is not None:
                        sender, me = info
                        text = text[i + 2 :]
                elif cur_rest[-1:] == ":" and authors.get(cur_rest[:-1]) is not None:
                    sender, me = authors[cur_rest[:-1]]  # type: ignore[misc]
                    text = text[len(cur_rest) + 1 :]
                if sender is not None:
                    # Most messages are plain text whose first and last characters rule out any marker.
                    k = exact_kind.get(text)
                    if k is not None:
                        kind = k
                        if k == "deleted" and text in deleted_me:
                            me = True
                    elif text and (text[0] in slow_first or text[-1] in ">)"):
                        kind, text, edited = classify(text)
                        if kind == "deleted" and text.lstrip(BIDI) in deleted_me:
                            me = True
                    else:
                        kind = "text"
                if has_tz:
                    ts_local, ts_utc = local_pair(cur_dt)
                else:
                    ts_local, ts_utc = cur_dt, None
                yield new_message(
                    PLATFORM, chat_id, f"L{cur_line}", ts_local, ts_utc, sender, sender, me, kind, text, None, edited,
                    cur_line
                )
            cur_line, cur_dt, cur_rest = lineno, dt, rest
            pieces = [between]
            lineno += between.count("\n")
    if cur_dt is not None:
        yield _last_message(cur_line, cur_dt, cur_rest, pieces, authors, colon_firsts, colon_names, opts, chat_id)
    return "".join(preamble), bad_dates



def _last_message(
    lineno: int,
    dt: datetime,
    rest: str,
    pieces: list[str],
    authors: dict[str, tuple[str, bool] | None],
    colon_firsts: set[str],
    colon_names: frozenset[str],
    opts: ParseOptions,
    chat_id: str,
) -> Message:
    """The last message, from its header line number, time, header remainder and the text after it (the same
    steps as the loop in `_read` takes for every other message)."""
    tail = "".join(pieces)
    text = rest + (tail[:-1] if tail[-1:] == "\n" else tail)
    sender: str | None = None
    me = False
    kind: Kind = "system"
    edited = False
    i = rest.find(": ")
    if i > 0:
        prefix = rest[:i]
        if prefix in colon_firsts:
            for name in colon_names:
                if rest.startswith(name + ": "):
                    prefix, i = name, len(name)
                    break
        if prefix in authors:
            info = authors[prefix]
        else:
            info = authors[prefix] = author_info(prefix, opts)
        if info is not None:
            sender, me = info
            text = text[i + 2 :]
    elif rest.endswith(":") and authors.get(rest[:-1]) is not None:
        sender, me = authors[rest[:-1]]  # type: ignore[misc]
        text = text[len(rest) + 1 :]
    if sender is not None:
        # Fast path: most messages are plain text whose first and last characters rule out a marker.
        k = EXACT_KIND.get(text)
        if k is not None:
            kind = k
            if k == "deleted" and text in DELETED_ME:
                me = True
        elif text and (text[0] in SLOW_FIRST or text[-1] in ">)"):
            kind, text, edited = classify(text)
            if kind == "deleted" and text.lstrip(BIDI) in DELETED_ME:
                me = True
        else:
            kind = "text"
    if opts.tz is not None:
        ts_local, ts_utc = opts.local_pair(dt)
    else:
        ts_local, ts_utc = dt, None
    return Message(
        PLATFORM,
        chat_id,
        f"L{lineno}",
        ts_local,
        ts_utc,
        sender,
        sender,
        me,
        kind,
        text,
        None,
        edited,
        lineno,
    )
