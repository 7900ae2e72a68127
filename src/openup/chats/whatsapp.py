"""WhatsApp "Export chat" text files (Android and iOS, any locale's header layout), plain or zipped.

A message starts with a header line such as::

    20/01/19, 11:23 - Sam: text              (Android, 24 h)
    1/20/19, 8:05 PM - Sam: text             (Android, 12 h; also am, a. m., U+202F/U+00A0 before PM)
    2019-01-20, 11:23 - Sam: text            (Android, ISO date; EN DASH separators too)
    [20.01.19, 11:23:45] Sam: text           (iOS, with or without a leading U+200E)
    [01/20/19 11:23] Sam: text               (no comma)

and continues on following lines until the next header. The header layout is decided once from the
first few hundred lines, then one precompiled regex reads the file; a line that looks like a header in
another layout (say a date with a four-digit year in a two-digit-year file) is message text. Day/month
order is inferred from dates above 12 anywhere in the file; if none settles it, from which reading keeps
consecutive dates closest, with a warning (`dayfirst=` overrides).

Lines with no author are system notices; media placeholders, deleted-message notices and calls become
their own kinds; the text is kept exactly as exported (an edited-message marker at the end is removed and
sets `edited`).
"""

from __future__ import annotations

import io
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import islice, pairwise
from pathlib import Path
from typing import Final

from openup.chats.model import _EPOCH_NAIVE, KINDS, ImportReport, Kind, Message, MessageColumns, Utf8Column
from openup.chats.options import ParseOptions
from openup.chats.safe_io import UTF8_PROBE_BYTES, Source, detect_encoding
from openup.errors import UserError

PLATFORM: Final = "whatsapp"
SAMPLE_LINES: Final = 500
MAX_SAMPLE_LINES: Final = 20_000
ORDER_LOOKAHEAD_LINES: Final = 200_000

_BIDI: Final = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_SPACE: Final = " \u202f\u00a0"

# Loose pattern used only to discover the layout (and by the format sniffer).
GENERAL_HEADER: Final = re.compile(
    rf"^[{_BIDI}]*(?P<ob>\[)?"
    r"(?P<a>\d{1,4})(?P<ds>[./-])[ ]?(?P<b>\d{1,2})(?P=ds)[ ]?(?P<c>\d{1,4})\.?"
    rf"(?P<dt>,[{_SPACE}]?|[{_SPACE}])"
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?P<sec>:\d{2})?"
    rf"(?:[{_SPACE}]?(?P<ampm>[AaPp]\.?[{_SPACE}]?[Mm]\.?))?"
    rf"(?:(?P<cb>\])[{_SPACE}]?|[{_SPACE}]?(?P<dash>[-–—])[{_SPACE}]|(?P<colon>:)[{_SPACE}])"
    r"(?P<rest>.*)$"
)


@dataclass(frozen=True)
class Layout:
    """One header layout: what stays fixed within one export."""

    bracket: bool
    date_sep: str
    ymd: bool
    year_digits: int
    seconds: bool
    ampm: bool
    closer: str  # "]", "-" or ":"

    def regex(self, *, split: bool = False) -> re.Pattern[str]:
        """The strict header regex: groups (date, time, ampm-or-empty, rest).

        With `split=True`: a multi-line pattern for re.split whose groups are
        (whole header prefix, date, time, ampm-or-empty, rest).
        """
        ds = re.escape(self.date_sep)
        sp = f"[{_SPACE}]"
        if self.ymd:
            date = rf"\d{{4}}{ds} ?\d{{1,2}}{ds} ?\d{{1,2}}\.?"
        else:
            date = rf"\d{{1,2}}{ds} ?\d{{1,2}}{ds} ?\d{{{self.year_digits}}}\.?"
        time = r"\d{1,2}:\d{2}:\d{2}" if self.seconds else r"\d{1,2}:\d{2}"
        ampm = rf"{sp}?([AaPp]\.?{sp}?[Mm]\.?)" if self.ampm else "()"
        closer = {"]": rf"\]{sp}?", "-": rf"{sp}?[-–—]{sp}", ":": rf":{sp}"}[self.closer]
        ob = r"\[" if self.bracket else ""
        prefix = rf"[{_BIDI}]*{ob}({date}),?{sp}?({time}){ampm}{closer}"
        if split:
            return re.compile(rf"^({prefix})(.*)", re.M)
        return re.compile(rf"^{prefix}(.*)")


def layout_of(m: re.Match[str]) -> Layout:
    """The layout a GENERAL_HEADER match belongs to."""
    a, c = m["a"], m["c"]
    ymd = len(a) == 4
    closer = "]" if m["cb"] else ("-" if m["dash"] else ":")
    return Layout(
        bracket=bool(m["ob"]),
        date_sep=m["ds"],
        ymd=ymd,
        year_digits=4 if ymd else len(c),
        seconds=m["sec"] is not None,
        ampm=m["ampm"] is not None,
        closer=closer,
    )


def detect_layout(lines: Iterable[str]) -> tuple[Layout | None, int]:
    """The most common header layout among `lines` and how many lines had it."""
    counts: Counter[Layout] = Counter()
    for line in lines:
        m = GENERAL_HEADER.match(line)
        if m is None:
            continue
        la, lc = len(m["a"]), len(m["c"])
        if (la == 4 and lc <= 2) or (la <= 2 and lc in (2, 4)):
            counts[layout_of(m)] += 1
    if not counts:
        return None, 0
    layout, n = counts.most_common(1)[0]
    return layout, n


# --- message kinds -------------------------------------------------------------------------------------

_MEDIA: Final = frozenset(
    {
        "<Media omitted>",
        "<Multimedia omitido>",
        "<Medien ausgeschlossen>",
        "<Médias omis>",
        "<Media omessi>",
        "<Mídia oculta>",
        "<Arquivo de mídia oculto>",
        "<Media weggelaten>",
        "<Медиафайлы не включены>",
        "<Без медиафайлов>",
        "<Medya dahil edilmedi>",
        "<Media tidak disertakan>",
        "<Pominięto multimedia>",
        "<Media utelämnad>",
        "<Media udeladt>",
        "image omitted",
        "video omitted",
        "audio omitted",
        "GIF omitted",
        "document omitted",
        "Contact card omitted",
        "imagen omitida",
        "video omitido",
        "audio omitido",
        "GIF omitido",
        "documento omitido",
        "Bild weggelassen",
        "Video weggelassen",
        "Audio weggelassen",
        "GIF weggelassen",
        "image absente",
        "vidéo absente",
        "audio omis",
        "immagine omessa",
        "video omesso",
        "audio omesso",
        "imagem ocultada",
        "vídeo ocultado",
        "áudio ocultado",
        "afbeelding weggelaten",
        "video weggelaten",
        "audio weggelaten",
    }
)
_STICKER: Final = frozenset(
    {
        "sticker omitted",
        "sticker omitido",
        "Sticker weggelassen",
        "sticker omis",
        "sticker omesso",
        "figurinha omitida",
        "sticker weggelaten",
    }
)
_DELETED_OTHER: Final = frozenset(
    {
        "This message was deleted",
        "This message was deleted.",
        "Se eliminó este mensaje.",
        "Este mensaje fue eliminado",
        "Diese Nachricht wurde gelöscht.",
        "Ce message a été supprimé",
        "Ce message a été supprimé.",
        "Questo messaggio è stato eliminato",
        "Mensagem apagada",
        "Essa mensagem foi apagada",
        "Dit bericht is verwijderd",
        "Это сообщение удалено",
        "Bu mesaj silindi",
        "Pesan ini telah dihapus",
        "Ta wiadomość została usunięta",
    }
)
_DELETED_ME: Final = frozenset(
    {
        "You deleted this message",
        "You deleted this message.",
        "Eliminaste este mensaje.",
        "Du hast diese Nachricht gelöscht.",
        "Vous avez supprimé ce message",
        "Vous avez supprimé ce message.",
        "Hai eliminato questo messaggio",
        "Você apagou esta mensagem",
        "Je hebt dit bericht verwijderd",
        "Вы удалили это сообщение",
        "Bu mesajı sildiniz",
        "Anda menghapus pesan ini",
        "Usunięto tę wiadomość",
    }
)
_CALL: Final = frozenset(
    {
        "Missed voice call",
        "Missed video call",
        "Voice call",
        "Video call",
        "Missed group voice call",
        "Missed group video call",
        "Llamada perdida",
        "Videollamada perdida",
        "Entgangener Sprachanruf",
        "Entgangener Videoanruf",
        "Appel vocal manqué",
        "Appel vidéo manqué",
        "Chiamata vocale persa",
        "Videochiamata persa",
        "Chamada de voz perdida",
        "Chamada de vídeo perdida",
    }
)
_EXACT_KIND: Final[dict[str, Kind]] = {
    **{t: "media" for t in _MEDIA},
    **{t: "sticker" for t in _STICKER},
    **{t: "deleted" for t in _DELETED_OTHER | _DELETED_ME},
    **{t: "call" for t in _CALL},
}
_EDITED_SUFFIXES: Final = (
    "<This message was edited>",
    "<Se editó este mensaje.>",
    "<Diese Nachricht wurde bearbeitet.>",
    "<Ce message a été modifié>",
    "<Questo messaggio è stato modificato>",
    "<Mensagem editada>",
    "<Dit bericht is bewerkt>",
    "<Сообщение изменено>",
)
_ATTACHED_RE: Final = re.compile(
    r"^<(?:attached|adjunto|Anhang|pièce jointe|allegato|anexo|bijlage): [^>]+>$"
)
_FILE_ATTACHED_RE: Final = re.compile(
    r"^\S.*\.\w{2,5} \((?:file attached|archivo adjunto|Datei angehängt|"
    r"fichier joint|file allegato|arquivo anexado|bestand bijgevoegd)\)"
)
_MEDIA_EXT: Final = re.compile(
    r"(?i)\.(jpe?g|png|gif|webp|heic|mp4|mov|3gp|opus|ogg|m4a|aac|mp3|pdf|vcf|docx?|webm)"
)


def classify(text: str) -> tuple[Kind, str, bool]:
    """(kind, text, edited) for an authored message body; the edited marker is cut off the text."""
    edited = False
    if text and text[-1] == ">":
        for suffix in _EDITED_SUFFIXES:
            if text.endswith(suffix):
                text = text[: -len(suffix)].rstrip(" \u200e")
                edited = True
                break
    if not text:
        return "text", text, edited
    core = text
    if core[0] in _BIDI:
        core = core.lstrip(_BIDI)
    kind = _EXACT_KIND.get(core)
    if kind is None and core[:1] in "<0123456789IPVAS" and core:
        if core.endswith(", Tap to call back") or core.endswith(", \u200eTap to call back"):
            kind = "call"
        elif (
            _ATTACHED_RE.match(core)
            or (_FILE_ATTACHED_RE.match(core) and _MEDIA_EXT.search(core))
            or (
                core[0] == "<"
                and core.endswith(">")
                and core.find(">") == len(core) - 1
                and _MEDIA_EXT.search(core)
            )
        ):
            kind = "media"
    if kind is None:
        # iOS marks system notices (and only those) with a leading left-to-right mark.
        kind = "system" if text[0] == "\u200e" else "text"
    return kind, text, edited


# --- dates ----------------------------------------------------------------------------------------------

_DIGITS: Final = re.compile(r"\d+")


def _raw_date(date_s: str) -> tuple[int, int, int]:
    a, b, c = (int(x) for x in _DIGITS.findall(date_s))
    return a, b, c


def _full_year(y: int, digits: int) -> int:
    if digits == 2:
        return 2000 + y if y < 70 else 1900 + y
    return y


def _valid(y: int, m: int, d: int) -> bool:
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return False
    try:
        datetime(y, m, d)
    except ValueError:
        return False
    return True


def _ordinal(y: int, m: int, d: int) -> int | None:
    return datetime(y, m, d).toordinal() if _valid(y, m, d) else None


@dataclass
class DateOrder:
    """What the date strings of a file say about day/month order."""

    day_first_votes: int = 0  # dates whose first number is above 12
    month_first_votes: int = 0  # dates whose second number is above 12
    seen: int = 0

    def add(self, a: int, b: int) -> None:
        self.seen += 1
        if a > 12 >= b:
            self.day_first_votes += 1
        elif b > 12 >= a:
            self.month_first_votes += 1

    @property
    def settled(self) -> bool:
        return bool(self.day_first_votes or self.month_first_votes)


def _gap_score(dates: list[tuple[int, int, int]], dayfirst: bool, digits: int) -> float:
    """Sum of day gaps between consecutive distinct dates under one reading (invalid dates cost a lot)."""
    total = 0.0
    prev: int | None = None
    for a, b, c in dates:
        y = _full_year(c, digits)
        o = _ordinal(y, b, a) if dayfirst else _ordinal(y, a, b)
        if o is None:
            total += 10_000
            continue
        if prev is not None:
            total += abs(o - prev)
        prev = o
    return total


# --- the parser ---------------------------------------------------------------------------------------


def _title_from_name(display: str) -> str | None:
    stem = Path(display.rsplit(":", 1)[-1]).stem
    for prefix in (
        "WhatsApp Chat with ",
        "WhatsApp Chat - ",
        "WhatsApp-Chat mit ",
        "Chat de WhatsApp con ",
        "Discussion WhatsApp avec ",
        "Chat WhatsApp con ",
        "Conversa do WhatsApp com ",
    ):
        if stem.startswith(prefix):
            return stem[len(prefix) :]
    return None


def _colon_names(rests: list[str]) -> frozenset[str]:
    """Sender names containing ": " (e.g. "Mum: home"): a first segment always followed by the same second.

    Why: the author ends at the first ": " for everyone else, so such a name would be cut in two.
    """
    groups: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for rest in rests:
        parts = rest.split(": ", 2)
        if len(parts) < 2:
            continue
        counts[parts[0]] += 1
        second = parts[1] if len(parts) == 3 else "\x00"
        groups.setdefault(parts[0], set()).add(second)
    names = set()
    for first, seconds in groups.items():
        if counts[first] >= 3 and len(seconds) == 1:
            (second,) = seconds
            if second != "\x00" and len(second) <= 40:
                names.add(f"{first}: {second}")
    return frozenset(names)


def _start(source: Source, opts: ParseOptions, report: ImportReport) -> None:
    report.platform = PLATFORM
    report.chat_id = Path(source.display.rsplit(":", 1)[-1]).stem
    report.title = _title_from_name(source.display)
    report.tz_source = opts.naive_tz_source


def _prepare(
    stream: Iterator[str], display: str, opts: ParseOptions, report: ImportReport
) -> tuple[Layout, re.Pattern[str], frozenset[str], bool | None, str]:
    """Decide layout, names with ": " and day/month order from the first lines; also returns those lines."""
    sample = list(islice(stream, SAMPLE_LINES))
    layout, _ = detect_layout(sample)
    while layout is None and len(sample) < MAX_SAMPLE_LINES:
        more = list(islice(stream, SAMPLE_LINES))
        if not more:
            break
        sample.extend(more)
        layout, _ = detect_layout(sample)
    if layout is None:
        raise UserError(
            f"{display} has no WhatsApp message lines (like '20/01/19, 11:23 - Name: text'); "
            "is it a chat export? Pass --format if it is another app's export."
        )
    rx = layout.regex()
    rests = [m.group(4) for m in map(rx.match, sample) if m is not None]
    colon_names = _colon_names(rests)
    dayfirst = opts.dayfirst
    lookahead: list[str] = []
    if not layout.ymd and dayfirst is None:
        dayfirst, lookahead = _settle_order(sample, stream, rx, layout, display, report)
    head = "".join(sample) + "".join(lookahead)
    return layout, rx, colon_names, dayfirst, head


def parse(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Stream the messages of a WhatsApp text export, in file order (the pure-Python reader)."""
    _start(source, opts, report)
    with source.text_stream(report.warnings) as stream:
        layout, rx, colon_names, dayfirst, head = _prepare(stream, source.display, opts, report)
        yield from _read(_chunks(head, stream), rx, layout, dayfirst, colon_names, opts, report)


CHUNK_CHARS: Final = 1024 * 1024


def _chunks(head: str, stream: Iterator[str]) -> Iterator[str]:
    """The text in large pieces that each end just after a newline (except the very last)."""
    read = stream.read  # type: ignore[attr-defined]
    carry = head
    while True:
        block = read(CHUNK_CHARS)
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


def _settle_order(
    sample: list[str],
    lines: Iterator[str],
    rx: re.Pattern[str],
    layout: Layout,
    display: str,
    report: ImportReport,
) -> tuple[bool, list[str]]:
    """Decide day/month order from the file's dates, reading ahead as far as needed (bounded)."""
    order = DateOrder()
    distinct: dict[str, tuple[int, int, int]] = {}

    def scan(chunk: Iterable[str]) -> None:
        for line in chunk:
            m = rx.match(line)
            if m is None:
                continue
            ds = m.group(1)
            if ds not in distinct:
                raw = _raw_date(ds)
                distinct[ds] = raw
                order.add(raw[0], raw[1])

    scan(sample)
    lookahead: list[str] = []
    exhausted = False
    while not order.settled and not exhausted:
        chunk = list(islice(lines, 10_000))
        if not chunk:
            exhausted = True
            break
        lookahead.extend(chunk)
        scan(chunk)
        if len(lookahead) >= ORDER_LOOKAHEAD_LINES:
            break
    if order.settled:
        if order.day_first_votes and order.month_first_votes:
            dayfirst = order.day_first_votes >= order.month_first_votes
            report.warn(
                f"{display} mixes day/month and month/day dates; read them as "
                f"{'day/month' if dayfirst else 'month/day'} (the majority). Pass --dayfirst or --monthfirst "
                "to choose."
            )
            return dayfirst, lookahead
        return bool(order.day_first_votes), lookahead
    dates = list(distinct.values())
    df_score = _gap_score(dates, True, layout.year_digits)
    mf_score = _gap_score(dates, False, layout.year_digits)
    scope = "the whole file" if exhausted else f"the first {len(sample) + len(lookahead)} lines"
    if len({(a, b) for a, b, _ in dates if a != b}) == 0:
        return True, lookahead  # every date reads the same either way
    if mf_score < df_score:
        report.warn(
            f"No date in {scope} of {display} has a day above 12; read dates as month/day because that keeps "
            "consecutive messages closest in time. Pass --dayfirst if that is wrong."
        )
        return False, lookahead
    reason = (
        "because that keeps consecutive messages closest in time" if df_score < mf_score else "by default"
    )
    report.warn(
        f"No date in {scope} of {display} has a day above 12; read dates as day/month {reason}. "
        "Pass --monthfirst if that is wrong."
    )
    return True, lookahead


def _read(
    chunks: Iterable[str],
    rx: re.Pattern[str],
    layout: Layout,
    dayfirst: bool | None,
    colon_names: frozenset[str],
    opts: ParseOptions,
    report: ImportReport,
) -> Iterator[Message]:
    # Why re.split over multi-megabyte chunks: the regex engine walks the text in C and hands back
    # [before, header groups..., text up to the next header, ...]; Python touches each message once and
    # never visits continuation lines one by one. The loop is written out flat because it runs per message.
    hdr = layout.regex(split=True)
    chat_id = report.chat_id
    digits = layout.year_digits
    ymd = layout.ymd
    has_tz = opts.tz is not None
    local_pair = opts.local_pair
    exact_kind = _EXACT_KIND
    slow_first = _SLOW_FIRST
    deleted_me = _DELETED_ME
    new_message = Message
    date_cache: dict[str, tuple[int, int, int] | None] = {}
    time_cache: dict[str, tuple[int, int, int]] = {}
    # author prefix -> (name, is_me), or None when the prefix is not a name (a system notice with ": ").
    authors: dict[str, tuple[str, bool] | None] = {}
    colon_firsts = {n.split(": ", 1)[0] for n in colon_names}
    bad_dates = 0
    prev_date = prev_time = prev_ampm = None
    prev_dt: datetime | None = None

    # The message being collected: header line number, time, header remainder and the text after it.
    cur_line = 0
    cur_dt: datetime | None = None
    cur_rest = ""
    pieces: list[str] = []
    lineno = 1  # line number where the next piece of text starts
    preamble: list[str] = []

    for chunk in chunks:
        parts = hdr.split(chunk)
        first = parts[0]
        lineno += first.count("\n")
        if cur_dt is None:
            preamble.append(first)
        else:
            pieces.append(first)
        it = iter(parts)
        next(it)
        for prefix, date_s, time_s, ampm, rest, between in zip(it, it, it, it, it, it, strict=True):
            if date_s == prev_date and time_s == prev_time and ampm == prev_ampm:
                dt = prev_dt
            else:
                ymd_t = date_cache.get(date_s, _UNSEEN)
                if ymd_t is _UNSEEN:
                    ymd_t = date_cache[date_s] = _resolve_date(date_s, ymd, digits, dayfirst)
                hms = time_cache.get(time_s)
                if hms is None:
                    hms = time_cache[time_s] = _hms(time_s)
                h = hms[0]
                if ampm:
                    if ampm[0] in "pP":
                        if h < 12:
                            h += 12
                    elif h == 12:
                        h = 0
                if ymd_t is None or h > 23 or hms[1] > 59 or hms[2] > 59:
                    dt = None
                else:
                    dt = datetime(ymd_t[0], ymd_t[1], ymd_t[2], h, hms[1], hms[2])
                prev_date, prev_time, prev_ampm, prev_dt = date_s, time_s, ampm, dt
            if dt is None:
                bad_dates += 1  # an impossible date: the line stays in the text of the message before it
                (pieces if cur_dt is not None else preamble).append(prefix + rest + between)
                lineno += between.count("\n")
                continue
            if cur_dt is not None:
                # -- emit the message collected so far -----------------------------------------------
                tail = pieces[0] if len(pieces) == 1 else "".join(pieces)
                # tail == "\n" is the usual one-line message
                text = cur_rest if tail == "\n" else cur_rest + (tail[:-1] if tail[-1:] == "\n" else tail)
                sender: str | None = None
                me = False
                kind: Kind = "system"
                edited = False
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
                        info = authors[name] = _author_info(name, opts)
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
                        if kind == "deleted" and text.lstrip(_BIDI) in deleted_me:
                            me = True
                    else:
                        kind = "text"
                if has_tz:
                    ts_local, ts_utc = local_pair(cur_dt)
                else:
                    ts_local, ts_utc = cur_dt, None
                yield new_message(
                    PLATFORM,
                    chat_id,
                    f"L{cur_line}",
                    ts_local,
                    ts_utc,
                    sender,
                    sender,
                    me,
                    kind,
                    text,
                    None,
                    edited,
                    cur_line,
                )
            cur_line, cur_dt, cur_rest = lineno, dt, rest
            pieces = [between]
            lineno += between.count("\n")
    if cur_dt is not None:
        # The last message goes through the same code by feeding a sentinel header.
        yield from _read_last(
            cur_line, cur_dt, cur_rest, pieces, authors, colon_firsts, colon_names, opts, chat_id
        )
    for n, line in enumerate("".join(preamble).split("\n"), 1):
        if line.strip(" \t\r" + _BIDI):
            report.skipped.add("text before the first message header", n, line)
    if bad_dates:
        report.warn(
            f"{bad_dates} line(s) looked like message headers but had impossible dates or times; "
            "they were kept "
            "as text of the message before them."
        )


def _read_last(
    cur_line: int,
    cur_dt: datetime,
    cur_rest: str,
    pieces: list[str],
    authors: dict[str, tuple[str, bool] | None],
    colon_firsts: set[str],
    colon_names: frozenset[str],
    opts: ParseOptions,
    chat_id: str,
) -> Iterator[Message]:
    tail = "".join(pieces)
    text = cur_rest + (tail[:-1] if tail[-1:] == "\n" else tail)
    yield _message(
        cur_line,
        cur_dt,
        cur_rest,
        text,
        authors,
        colon_firsts,
        colon_names,
        _EXACT_KIND,
        _SLOW_FIRST,
        opts,
        opts.tz is not None,
        opts.local_pair,
        chat_id,
    )


_UNSEEN: Final[tuple[int, int, int]] = (-1, -1, -1)
_SLOW_FIRST: Final = frozenset(_BIDI + "<0123456789IPVAMSLCE")


def _hms(time_s: str) -> tuple[int, int, int]:
    parts = [int(x) for x in time_s.split(":")]
    return parts[0], parts[1], parts[2] if len(parts) > 2 else 0


def _message(
    lineno: int,
    dt: datetime,
    rest: str,
    text: str,
    authors: dict[str, tuple[str, bool] | None],
    colon_firsts: set[str],
    colon_names: frozenset[str],
    exact_kind: dict[str, Kind],
    slow_first: frozenset[str],
    opts: ParseOptions,
    has_tz: bool,
    local_pair: Callable[[datetime], tuple[datetime, datetime | None]],
    chat_id: str,
) -> Message:
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
            info = authors[prefix] = _author_info(prefix, opts)
        if info is not None:
            sender, me = info
            text = text[i + 2 :]
    elif rest.endswith(":") and authors.get(rest[:-1]) is not None:
        sender, me = authors[rest[:-1]]  # type: ignore[misc]
        text = text[len(rest) + 1 :]
    if sender is not None:
        # Fast path: most messages are plain text whose first and last characters rule out a marker.
        k = exact_kind.get(text)
        if k is not None:
            kind = k
            if k == "deleted" and text in _DELETED_ME:
                me = True
        elif text and (text[0] in slow_first or text[-1] in ">)"):
            kind, text, edited = classify(text)
            if kind == "deleted" and text.lstrip(_BIDI) in _DELETED_ME:
                me = True
        else:
            kind = "text"
    if has_tz:
        ts_local, ts_utc = local_pair(dt)
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


def _author_info(prefix: str, opts: ParseOptions) -> tuple[str, bool] | None:
    # System notices can contain ": " too (a quoted group subject); names do not contain quotes that way.
    if len(prefix) > 100 or '"' in prefix or "\u201c" in prefix or "\n" in prefix:
        return None
    name = prefix.lstrip(_BIDI) or prefix
    return name, opts.is_me(name)


def _resolve_date(date_s: str, ymd: bool, digits: int, dayfirst: bool | None) -> tuple[int, int, int] | None:
    a, b, c = _raw_date(date_s)
    if ymd:
        y, mo, d = a, b, c
    else:
        y = _full_year(c, digits)
        mo, d = (b, a) if dayfirst is not False else (a, b)
    return (y, mo, d) if _valid(y, mo, d) else None


# --- the accelerated reader: a C scanner filling columns ----------------------------------------------

try:
    from openup.chats import _wascan
except ImportError:  # the extension was not built: the pure-Python reader does everything
    _wascan = None  # type: ignore[assignment]

# Tests switch this off to compare both readers; load_chat also falls back on its own (see load_columns).
ACCELERATE: bool = _wascan is not None
_KIND_CODE: Final[dict[str, int]] = {k: i for i, k in enumerate(KINDS)}
_EXACT_CODES: Final[dict[str, int]] = {t: _KIND_CODE[k] for t, k in _EXACT_KIND.items()}
_CLASSIFY: Final = 7  # kind code the scanner leaves for `classify`
_EPOCH_UTC: Final = datetime(1970, 1, 1, tzinfo=UTC)


def load_columns(source: Source, opts: ParseOptions, report: ImportReport) -> MessageColumns | None:
    """The whole export as sorted columns read by the C scanner, or None when the pure-Python reader must
    read it: extension not built, not UTF-8, or bytes the scanner leaves to Python's regex (a non-ASCII
    digit where a header digit could stand). The result equals `parse` followed by the stable sort.

    Memory: the file's bytes are kept (texts are decoded from them when read) plus about 33 bytes a row.
    """
    if not ACCELERATE or _wascan is None:
        return None
    _start(source, opts, report)
    enc = detect_encoding(source.head(UTF8_PROBE_BYTES), source.display)
    if enc.name not in ("utf-8", "utf-8-sig"):
        return None
    scratch = ImportReport()  # copied into `report` only when this reader finishes
    try:
        with source.open_binary() as raw:
            stream = io.TextIOWrapper(raw, encoding=enc.name, errors="strict", newline=None)
            try:
                layout, _, colon_names, dayfirst, _ = _prepare(stream, source.display, opts, scratch)
            finally:
                stream.detach()
    except UnicodeDecodeError:
        return None
    with source.open_binary() as raw:
        data = raw.read()
    if enc.name == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # universal newlines, as text mode reads

    names: list[str] = []
    name_me: list[bool] = []
    index: dict[str, int] = {}

    def author(prefix: str) -> int:
        info = _author_info(prefix, opts)
        if info is None:
            return -1
        name, me = info
        i = index.get(name)
        if i is None:
            i = index[name] = len(names)
            names.append(name)
            name_me.append(me)
        return i

    (ts_b, line_b, sender_b, kinds, start_b, size_b), first, bad_dates, status, in_order = _wascan.scan(
        data,
        bracket=layout.bracket,
        date_sep=layout.date_sep,
        ymd=layout.ymd,
        year_digits=layout.year_digits,
        seconds=layout.seconds,
        ampm=layout.ampm,
        closer=layout.closer,
        dayfirst=dayfirst is not False,
        author=author,
        exact=_EXACT_CODES,
        colon_names=tuple(n.encode() for n in colon_names),
    )
    if status:
        return None
    preamble = data[:first] if first >= 0 else data
    for n, line in enumerate(preamble.decode("utf-8").split("\n"), 1):
        if line.strip(" \t\r" + _BIDI):
            scratch.skipped.add("text before the first message header", n, line)
    del preamble
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
        if text.lstrip(_BIDI) in _DELETED_ME:
            me_rows.add(pos)
        pos = kinds.find(deleted, pos + 1)
    del start, size

    local_pair = opts.local_pair if opts.tz is not None else None
    if local_pair is not None:
        utc_keys = _utc_seconds(memoryview(ts_b).cast("q"), local_pair)
        in_order = all(a <= b for a, b in pairwise(utc_keys))
        sort_key: bytes | bytearray = array("q", utc_keys).tobytes()
        del utc_keys
    else:
        sort_key = ts_b
    if not in_order:
        # A phone clock that jumped back: a stable argsort keeps file order among equal times.
        order = _wascan.argsort(sort_key)
        ts_b = _wascan.gather(ts_b, 8, order)
        line_b = _wascan.gather(line_b, 8, order)
        sender_b = _wascan.gather(sender_b, 4, order)
        kinds = _wascan.gather(kinds, 1, order)
        start_b = _wascan.gather(start_b, 8, order)
        size_b = _wascan.gather(size_b, 4, order)
        moved = {*override, *me_rows, *edited_rows}
        new_row = {old: new for new, old in enumerate(memoryview(order).cast("q")) if old in moved} if moved else {}
        override = {new_row[r]: t for r, t in override.items()}
        me_rows = {new_row[r] for r in me_rows}
        edited_rows = {new_row[r] for r in edited_rows}
        del order
    del sort_key

    for w in scratch.warnings:
        report.warn(w)
    if bad_dates:
        report.warn(
            f"{bad_dates} line(s) looked like message headers but had impossible dates or times; "
            "they were kept "
            "as text of the message before them."
        )
    report.skipped.counts.update(scratch.skipped.counts)
    report.skipped.examples.extend(scratch.skipped.examples)
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


def _utc_seconds(ts: Sequence[int], local_pair: Callable[[datetime], tuple[datetime, datetime | None]]) -> list[int]:
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
