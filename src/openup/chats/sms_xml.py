"""Android "SMS Backup & Restore" XML (`<smses>` with `<sms>` and `<mms>` elements), streamed.

`<sms date="ms since 1970" type="1|2" address="+1555" contact_name="Sam" body="...">`: type 1 is
received, 2 sent (3 draft, 4 outbox, 5 failed, 6 queued are also the exporter's own). MMS keep their
text in `<part ct="text/plain" text="...">` and are "media" when they carry other parts. The app writes
emoji as two surrogate character references (`&#55357;&#56832;`); they are joined back into one emoji.
Read with iterparse and cleared element by element, so memory does not grow with the file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import IO, Final

from openup.chats.model import ImportReport, Kind, Message
from openup.chats.options import ParseOptions
from openup.chats.records import RECORD_ERRORS, from_epoch, skip_unreadable
from openup.chats.safe_io import Source
from openup.chats.textfix import join_surrogates
from openup.errors import UserError

PLATFORM: Final = "sms"
_SURROGATE_REF: Final = re.compile(rb"&#(?:[xX]0*([dD][89a-fA-F][0-9a-fA-F]{2})|0*(5[5-7]\d{3}));")


class _SurrogateFixer:
    """Rewrites `&#55357;` style references to surrogates (invalid XML) as private markers, chunk by chunk.

    Why: expat refuses a character reference to a lone surrogate, so we turn each into the
    `\\ud83d`-like code point spelled as `&#xE000;`-offset markers that `join_surrogates` later pairs.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.tail = b""

    def read(self, n: int = 65536) -> bytes:
        data = self.tail + self.raw.read(n)
        cut = data.rfind(b"&")
        if cut != -1 and b";" not in data[cut:] and len(data) - cut < 12:
            data, self.tail = data[:cut], data[cut:]
        else:
            self.tail = b""
        return _SURROGATE_REF.sub(_marker, data)


def _marker(m: re.Match[bytes]) -> bytes:
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    if 0xD800 <= code <= 0xDFFF:
        return f"&#{0xF0000 + code - 0xD800};".encode()  # plane-15 private use, mapped back below
    return m.group(0)


def _unmark(s: str) -> str:
    if not any(0xF0000 <= ord(c) <= 0xF07FF for c in s):
        return s
    s = "".join(chr(ord(c) - 0xF0000 + 0xD800) if 0xF0000 <= ord(c) <= 0xF07FF else c for c in s)
    s = join_surrogates(s)
    return s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def parse(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Messages of an SMS Backup & Restore XML file, in file order."""
    report.platform = PLATFORM
    report.tz_source = opts.utc_tz_source
    report.chat_id = "sms"
    n = 0
    root: ET.Element | None = None
    with source.open_binary() as raw:
        try:
            for event, el in ET.iterparse(_SurrogateFixer(raw), events=("start", "end")):
                if event == "start":
                    if root is None:
                        root = el
                        if el.tag != "smses":
                            raise UserError(
                                f"{source.display} is XML but not an SMS Backup & Restore export."
                            )
                    continue
                if el.tag not in ("sms", "mms"):
                    continue
                n += 1
                try:
                    msg = _message(el, n, opts, report)
                except RECORD_ERRORS as exc:
                    skip_unreadable(report, n, exc, dict(el.attrib))
                    msg = None
                root.clear()  # type: ignore[union-attr]  # processed records must not pile up under <smses>
                if msg is not None:
                    yield msg
        except LookupError:  # <?xml encoding="x-foo"?>
            raise UserError(f"{source.display} declares a text encoding that does not exist.") from None
        except ET.ParseError as exc:
            if n == 0:
                raise UserError(f"{source.display} is not valid XML ({exc}).") from None
            report.warn(
                f"{source.display} is cut off or damaged after record {n} ({exc}); the rest was not read."
            )


def _message(el: ET.Element, n: int, opts: ParseOptions, report: ImportReport) -> Message | None:
    a = el.attrib
    utc = from_epoch(a.get("date", ""), 1000)
    if utc is None:
        report.skipped.add(f"{el.tag} has no readable date", n, a.get("date", ""))
        return None
    ts_local, ts_utc = opts.utc_pair(utc)
    address = a.get("address") or None
    contact = _unmark(a.get("contact_name", "")) or None
    if contact == "(Unknown)":
        contact = None
    kind: Kind = "text"
    if el.tag == "sms":
        mine = a.get("type", "1") != "1"
        text = _unmark(a.get("body", ""))
    else:
        mine = a.get("msg_box", "1") != "1"
        texts, other = [], False
        for part in el.iter("part"):
            ct = part.get("ct", "")
            if ct == "text/plain":
                texts.append(_unmark(part.get("text", "")))
            elif ct != "application/smil":
                other = True
        text = "\n".join(texts)
        if other:
            kind = "media"
    name = (opts.me or "me") if mine else (contact or address)
    sender_id = "me" if mine else address
    return Message(
        PLATFORM,
        address or "sms",
        f"{el.tag}{n}",
        ts_local,
        ts_utc,
        sender_id,
        name,
        mine or opts.is_me(contact, address),
        kind,
        text,
        None,
        False,
        n,
    )
