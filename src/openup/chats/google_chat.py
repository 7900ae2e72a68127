"""Google Chat (Hangouts successor) from Google Takeout: `Groups/<chat>/messages.json`.

Each message has `creator` (name, email), `created_date` as an English sentence such as
"Thursday, September 14, 2023 at 2:53:32 PM UTC" or "Tuesday, 5 March 2019 at 12:34:56 UTC",
`text`, optional `attached_files`, `message_id`, and `message_state: "DELETED"` for removed ones.
UTC/GMT dates are instants; another zone name leaves the time naive with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, Final

from openup.chats.model import ImportReport, Kind, Message
from openup.chats.options import ParseOptions
from openup.chats.records import RECORD_ERRORS, IdMaker, parse_iso, skip_unreadable, times
from openup.chats.safe_io import Source, read_json
from openup.errors import UserError

PLATFORM: Final = "googlechat"
_MONTHS: Final = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_DATE: Final = re.compile(
    r"^(?:\w+, )?(?:(?P<mon1>[A-Za-z]+) (?P<d1>\d{1,2}), (?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2}) (?P<mon2>[A-Za-z]+),? (?P<y2>\d{4}))"
    r",? at (?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"[ \u202f\u00a0]?(?P<ampm>[AaPp][Mm])?\s*(?P<tz>[A-Za-z+\-0-9:]+)?$"
)


def parse_date(value: str) -> tuple[datetime, bool] | None:
    """(datetime, is_utc) from a Takeout date sentence or an ISO string; None if unreadable."""
    iso = parse_iso(value)
    if iso is not None:
        return iso, iso.tzinfo is not None
    m = _DATE.match(value.strip())
    if m is None:
        return None
    mon = _MONTHS.get((m["mon1"] or m["mon2"] or "").lower())
    if mon is None:
        return None
    d, y = int(m["d1"] or m["d2"]), int(m["y1"] or m["y2"])
    h = int(m["h"])
    if m["ampm"]:
        h = (h % 12) + (12 if m["ampm"].lower() == "pm" else 0)
    try:
        dt = datetime(y, mon, d, h, int(m["mi"]), int(m["s"] or 0))
    except ValueError:
        return None
    if (m["tz"] or "").upper() in ("UTC", "GMT"):
        return dt.replace(tzinfo=UTC), True
    return dt, False


def parse(source: Source, opts: ParseOptions, report: ImportReport) -> Iterator[Message]:
    """Messages of a Google Chat messages.json, in time order."""
    report.platform = PLATFORM
    data = read_json(source, report.warnings, "Google Chat")
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        raise UserError(f"{source.display} is JSON but not a Google Chat export (no 'messages' list).")
    report.chat_id = source.path.parent.name if source.member is None else "googlechat"
    ids = IdMaker()
    out: list[Message] = []
    naive_seen = False
    for record, raw in enumerate(data["messages"], 1):
        if not isinstance(raw, dict):
            report.skipped.add("message is not a JSON object", record, repr(raw)[:80])
            continue
        try:
            msg = _message(raw, record, ids, opts, report)
        except RECORD_ERRORS as exc:
            skip_unreadable(report, record, exc, raw)
            continue
        if msg is not None:
            naive_seen = naive_seen or msg.ts_utc is None
            out.append(msg)
    if naive_seen:
        report.warn(f"Some dates in {source.display} are not in UTC; they were kept as local times.")
    report.tz_source = opts.naive_tz_source if naive_seen else opts.utc_tz_source
    from openup.chats.load import sort_messages

    sort_messages(out)
    yield from out


def _message(
    raw: dict[str, Any], record: int, ids: IdMaker, opts: ParseOptions, report: ImportReport
) -> Message | None:
    parsed = parse_date(str(raw.get("created_date") or raw.get("date") or ""))
    if parsed is None:
        report.skipped.add("message has no readable created_date", record, str(raw.get("created_date"))[:40])
        return None
    ts_local, ts_utc = times(parsed[0], opts)
    creator = raw.get("creator") if isinstance(raw.get("creator"), dict) else {}
    assert isinstance(creator, dict)
    name = str(creator["name"]) if creator.get("name") else None
    email = str(creator["email"]) if creator.get("email") else None
    raw_text = raw.get("text")
    text = raw_text if isinstance(raw_text, str) else ""
    kind: Kind = "text"
    if raw.get("message_state") == "DELETED":
        kind = "deleted"
    elif raw.get("attached_files") and not text:
        kind = "media"
    elif name is None and email is None:
        kind = "system"
    return Message(
        PLATFORM,
        report.chat_id,
        ids.make(raw.get("message_id"), record),
        ts_local,
        ts_utc,
        email or name,
        name or email,
        opts.is_me(name, email),
        kind,
        text,
        str(raw["topic_id"]) if raw.get("topic_id") else None,
        bool(raw.get("updated_date")),
        record,
    )
