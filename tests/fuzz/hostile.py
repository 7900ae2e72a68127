"""Hostile chat exports, made from a `random.Random` so that hypothesis (in the tests) and a seeded loop (in
`bench/bench_fuzz.py`) drive the same generator.

Each export starts from a small valid one per format (the fixtures in `tests/chats/fixtures`, or built here)
and is mutated the way a person who wrote half the chat could: out-of-range and non-numeric dates and numbers,
huge fields, deep nesting, thousands of reactions on one message, markup and template placeholders in names,
truncation, flipped bytes, and zip wrappers with every compression method, corrupt data and encryption flags.
"""

from __future__ import annotations

import json
import random
import sqlite3
import struct
import zipfile
from pathlib import Path
from typing import Any, Final

FIXTURES: Final = Path(__file__).resolve().parent.parent / "chats" / "fixtures"

# Every parser openup has, by the format name `load_chat(format=...)` takes.
FORMATS: Final = (
    "whatsapp", "telegram", "signal", "signal-json", "messenger", "instagram", "imessage", "sms", "discord",
    "googlechat", "line", "csv", "jsonl",
)  # fmt: skip

FILE_NAMES: Final = {
    "whatsapp": "WhatsApp Chat with Sam.txt",
    "telegram": "result.json",
    "signal": "chat.md",
    "signal-json": "data.json",
    "messenger": "message_1.json",
    "instagram": "message_1.json",
    "imessage": "chat.db",
    "sms": "sms-backup.xml",
    "discord": "discord.json",
    "googlechat": "messages.json",
    "line": "[LINE] Chat with Sam.txt",
    "csv": "chat.csv",
    "jsonl": "chat.jsonl",
}

MARKUP: Final = (
    "<img src=x onerror=alert(1)>",
    "'><svg onload=alert(2)>",
    '"><script>alert(3)</script>',
    "<meta http-equiv=refresh content='0;url=https://example.org/'>",
    "{{body}}",
    "{{evidence}}",
    "/*{{js}}*/",
    "{{ 7*7 }}",
    "</script><script>alert(4)</script>",
    "<!--",
    "javascript:alert(5)",
)
# Raw JSON tokens that json.dumps cannot write but a hostile file can hold (json.loads reads most of them).
RAW_NUMBERS: Final = (
    "Infinity", "-Infinity", "NaN", "1e400", "-1e400", "1e-400", "9" * 300, "-" + "9" * 300, "9" * 5000,
    "18446744073709551616", "-9223372036854775809", "0", "-1", "1.5", "253402300800", "-62135596800",
    "253402300800000", "1e18", "-1e18",
)  # fmt: skip
STRINGS: Final = (
    "", " ", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00", "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59+14:00", "2024-13-45T25:61:61", "2024-02-30T10:00:00Z",
    "1e400", "inf", "-inf", "nan", "Infinity", "9" * 400, "\x00", "\u202e", "\ufeff", "\ud800", "🙂" * 50,
    "a" * 200_000, *MARKUP,
)  # fmt: skip
# No generated export is larger than this: the fuzzer hunts for inputs that cost far more than their size
# (amplification, backtracking, quadratic loops), not for big files read in linear time.
MAX_BYTES: Final = 8 * 1024 * 1024
VALUES: Final[tuple[Any, ...]] = (None, True, False, [], {}, [[[[[]]]]], {"a": {"b": {"c": []}}}, 0, -1, 2**63)


def _pick_hostile(rnd: random.Random, raws: list[str]) -> Any:
    roll = rnd.random()
    if roll < 0.4:
        raws.append(rnd.choice(RAW_NUMBERS))
        return f"__RAW{len(raws) - 1}__"
    if roll < 0.8:
        return rnd.choice(STRINGS)
    return rnd.choice(VALUES)


def _nodes(obj: Any, limit: int = 4000) -> list[tuple[Any, Any]]:
    """(container, key) for every slot in a JSON value, breadth first, bounded."""
    out: list[tuple[Any, Any]] = []
    todo = [obj]
    while todo and len(out) < limit:
        cur = todo.pop(0)
        items = cur.items() if isinstance(cur, dict) else enumerate(cur) if isinstance(cur, list) else ()
        for k, v in items:
            out.append((cur, k))
            if isinstance(v, (dict, list)):
                todo.append(v)
    return out


def mutate_json(obj: Any, rnd: random.Random) -> str:
    """JSON text of `obj` after a few hostile edits (it is changed in place)."""
    raws: list[str] = []
    for _ in range(rnd.randint(1, 5)):
        nodes = _nodes(obj)
        if not nodes:
            break
        parent, key = rnd.choice(nodes)
        op = rnd.random()
        if op < 0.55:
            parent[key] = _pick_hostile(rnd, raws)
        elif op < 0.7 and isinstance(parent, dict):
            del parent[key]
        elif op < 0.85:
            # only small lists are repeated (at most one big repeat per export), so no export passes ~8 MB
            lists = [(p, k) for p, k in nodes if isinstance(p[k], list) and 0 < len(p[k]) <= 50]
            if lists:
                p, k = rnd.choice(lists)
                many = rnd.choice((2, 50, 2000, 20_000)) if rnd.random() < 0.3 else rnd.randint(2, 20)
                try:
                    size = len(json.dumps(p[k]))
                except (ValueError, RecursionError):
                    size = 10**9
                if size * many < 8_000_000:
                    p[k] = p[k] * many
        else:
            # a list nested 10, 100 or 5,000 deep, written into the text after encoding (like the raw
            # tokens): encoding a shared deep list in every place a repeat copied it took minutes per file
            depth = rnd.choice((10, 100, 5000))
            parent[key] = f"__RAW{len(raws)}__"
            raws.append("[" * depth + '"x"' + "]" * depth)
    # Repeated lists share their items, so one later edit can land in thousands of places: encode lazily
    # and stop at MAX_BYTES (the rest would be cut anyway) instead of building gigabytes first.
    encoder = json.JSONEncoder(ensure_ascii=rnd.random() < 0.5)
    chunks: list[str] = []
    total = 0
    try:
        for chunk in encoder.iterencode(obj):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_BYTES:
                break
        text = "".join(chunks)
    except (ValueError, RecursionError):
        text = json.dumps({"messages": []})
    for i, raw in enumerate(raws):
        slot = f'"__RAW{i}__"'
        # a long raw number copied into thousands of slots would make a file of hundreds of megabytes
        token = raw if text.count(slot) * len(raw) < MAX_BYTES // 4 else "1e400"
        text = text.replace(slot, token)
    return text


def mutate_lines(text: str, rnd: random.Random, hostile_lines: list[str]) -> str:
    """Line-format text after a few hostile edits: new lines, repeated lines, huge lines, cut ends."""
    lines = text.split("\n")
    for _ in range(rnd.randint(1, 5)):
        op = rnd.random()
        at = rnd.randrange(len(lines) + 1)
        if op < 0.45:
            lines.insert(at, rnd.choice(hostile_lines))
        elif op < 0.6 and lines:
            i = rnd.randrange(len(lines))
            many = rnd.choice((2, 10, 1000, 20_000))
            lines[i:i] = [lines[i]] * max(1, min(many, MAX_BYTES // (len(lines[i]) + 1)))
        elif op < 0.75 and lines:
            i = rnd.randrange(len(lines))
            lines[i] = lines[i] + rnd.choice(STRINGS)
        elif op < 0.85 and lines:
            i = rnd.randrange(len(lines))
            words = lines[i].split(" ")
            words[rnd.randrange(len(words))] = rnd.choice((*RAW_NUMBERS, *STRINGS[:20]))
            lines[i] = " ".join(words)
        else:
            lines = lines[: max(1, at)]
    return "\n".join(lines)


def _whatsapp_seed() -> str:
    return (
        "12/03/2024, 09:15 - Messages and calls are end-to-end encrypted.\n"
        "12/03/2024, 09:16 - Sam: good morning\n"
        "12/03/2024, 09:17 - Alex: morning! how did you sleep?\n"
        "12/03/2024, 09:18 - Sam: badly, the work thing again\nsecond line\n"
        "12/03/2024, 09:19 - Alex: <Media omitted>\n"
        "13/03/2024, 21:00 - Sam: This message was deleted\n"
    )


def _links(n: int, tail: str) -> str:
    return "".join(f"[l{i}](x{i}) " for i in range(n)) + tail


HOSTILE_LINES: Final[dict[str, list[str]]] = {
    "whatsapp": [
        "99/99/9999, 99:99 - Sam: impossible date",
        "00/00/0000, 00:00 - Sam: zero date",
        "31/12/0001, 23:59 - Sam: year one",
        "12/03/2024, 09:15 - " + MARKUP[0] + ": hello",
        "[12/03/2024, 09:15:00] {{body}}: hi",
        "12/03/2024, 09:15 - Sam: " + "x" * 300_000,
        "1/1/1, 1:1 - " + "A" * 5000 + ": y",
        "12/03/2024, 09:15 - Sam:" + " :" * 5000,
    ],
    "signal": [
        "[2023-05-01 09:00:00] Sam: " + _links(20, "!"),
        "[2023-05-01 09:00:00] Sam: " + _links(40, ""),
        "[2023-05-01 09:00:00] Sam: " + "![a](b)" * 3000 + " x",
        "[0001-01-01 00:00:00] Sam: year one",
        "[9999-99-99 99:99:99] Sam: bad",
        "(- Me: " + "❤️" * 1000 + " -)",
        "(- " + " -) (- ".join(["Me: x"] * 500) + " -)",
        "[2023-05-01 09:00:00] " + MARKUP[1] + ": hi",
    ],
    "line": [
        "0001/01/01(Mon)",
        "9999/99/99(Sun)",
        "99:99\tSam\tbad time",
        "10:00\t" + MARKUP[0] + "\thello",
        "10:00\tSam\t" + "\t" * 5000,
        "午後 99:99\tSam\tx",
    ],
    "jsonl": [
        '{"timestamp": 1e400, "sender": "Sam", "text": "x"}',
        '{"timestamp": -Infinity, "sender": "Sam", "text": "x"}',
        '{"timestamp": ' + "9" * 5000 + ', "sender": "Sam", "text": "x"}',
        '{"date": "0001-01-01T00:00:00+05:00", "sender": "Sam", "body": "x"}',
        '{"timestamp": "0001-01-01T00:00:00+05:00", "sender": "Sam", "text": "x"}',
        '{"timestamp": "2024-01-01T10:00:00", "sender": {"a": 1}, "text": [1, 2]}',
        "[" * 50_000,
        '{"timestamp": "2024-01-01T10:00:00", "sender": "' + MARKUP[0].replace('"', "") + '", "text": "x"}',
    ],
    "csv": [
        "1e400,Sam,inf date,,x1",
        "-1e400,Sam,minus inf,,x2",
        "Infinity,Sam,x,,x3",
        "9" * 400 + ",Sam,digits,,x4",
        "0001-01-01T00:00:00+14:00,Sam,year one,,x5",
        '2024-01-01T10:00:00,Sam,"' + "x" * 200_000 + '",,x6',
        '2024-01-01T10:00:00,"' + MARKUP[0] + '",hi,,x7',
        '2024-01-01T10:00:00,Sam,"unclosed quote',
        "2024-01-01T10:00:00,Sam,hi,reaction,x8",
    ],
}


# The tables of an iMessage chat.db that the importer reads, with one handle and one chat.
IMESSAGE_SCHEMA: Final = """
    CREATE TABLE handle (ROWID INTEGER PRIMARY KEY, id TEXT);
    CREATE TABLE chat (ROWID INTEGER PRIMARY KEY, chat_identifier TEXT);
    CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER);
    CREATE TABLE message (ROWID INTEGER PRIMARY KEY, guid TEXT, text TEXT, attributedBody BLOB,
        date INTEGER, is_from_me INTEGER, handle_id INTEGER, associated_message_type INTEGER,
        associated_message_guid TEXT, item_type INTEGER, cache_has_attachments INTEGER,
        date_edited INTEGER, thread_originator_guid TEXT);
    INSERT INTO handle VALUES (1, '+15550001');
    INSERT INTO chat VALUES (1, '+15550001');
"""


def _imessage_db(path: Path, rnd: random.Random) -> None:
    con = sqlite3.connect(path)
    con.executescript(IMESSAGE_SCHEMA)
    ns = 700_000_000 * 10**9
    hostile: list[Any] = [
        None, float("inf"), float("-inf"), float("nan"), 2**63 - 1, -(2**63), 10**30 * 1.0, "text", b"\x00\xff",
        "9" * 400, -1, 0, 2001, 3005, 4000, "<img src=x onerror=alert(1)>", "{{body}}", "a" * 100_000,
    ]  # fmt: skip
    rows = []
    for i in range(1, rnd.randint(2, 30)):
        row: list[Any] = [i, f"G{i}", f"message {i}", None, ns + i * 60 * 10**9, i % 2, 1, 0, None, 0, 0, 0, None]
        if rnd.random() < 0.5:
            row[rnd.randrange(1, 13)] = rnd.choice(hostile)
        if rnd.random() < 0.2:
            body = bytearray(b"\x04\x0bstreamtyped\x81\xe8\x03\x84\x01@\x84\x84\x84\x12NSAttributedString\x00")
            body += bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 64)))
            row[3] = bytes(body)
        rows.append(row)
    if rnd.random() < 0.2:  # many tapbacks on one message
        rows += [[1000 + k, f"T{k}", None, None, ns, 0, 1, 2001, "p:0/G1", 0, 0, 0, None] for k in range(5000)]
    con.executemany("INSERT INTO message VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO chat_message_join VALUES (1, ?)", [(r[0],) for r in rows])
    con.commit()
    con.close()


def _sms(rnd: random.Random) -> str:
    text = (FIXTURES / "sms_backup.xml").read_text(encoding="utf-8")
    op = rnd.random()
    if op < 0.4:
        value = rnd.choice((*RAW_NUMBERS, *STRINGS[:20], *MARKUP))
        attr = rnd.choice(("date", "type", "contact_name", "address", "body", "msg_box", "date_sent"))
        esc = value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        return text.replace(f'{attr}="', f'{attr}="{esc}" x{rnd.randrange(9)}="', 1)
    if op < 0.55:
        lol = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10))
        return text.replace("<smses", f"<!DOCTYPE smses [{lol}]>\n<smses", 1).replace("Hi ", "&l9; ", 1)
    if op < 0.7:
        return text.replace("</smses>", "<sms " * 2000 + "</smses>")
    if op < 0.85:
        first = text.index("<sms ")
        end = text.index("/>", first) + 2
        return text[:end] + text[first:end] * rnd.choice((10, 5000)) + text[end:]
    return text[: rnd.randrange(len(text))]


def _raw(fmt: str, rnd: random.Random, path: Path) -> bytes | None:
    """The hostile export's bytes (None when it was written to `path` directly)."""
    if fmt == "imessage":
        _imessage_db(path, rnd)
        return None
    if fmt == "sms":
        return _sms(rnd).encode("utf-8", "surrogatepass")
    if fmt == "whatsapp":
        text = mutate_lines(_whatsapp_seed(), rnd, HOSTILE_LINES["whatsapp"])
    elif fmt == "signal":
        text = mutate_lines((FIXTURES / "signal_chat.md").read_text("utf-8"), rnd, HOSTILE_LINES["signal"])
    elif fmt == "line":
        text = mutate_lines((FIXTURES / "line_chat.txt").read_text("utf-8"), rnd, HOSTILE_LINES["line"])
    elif fmt == "csv":
        text = mutate_lines((FIXTURES / "generic.csv").read_text("utf-8"), rnd, HOSTILE_LINES["csv"])
    elif fmt in ("jsonl", "signal-json"):
        name = "generic.jsonl" if fmt == "jsonl" else "signal_data.json"
        lines = (FIXTURES / name).read_text("utf-8").splitlines()
        text = "\n".join(
            mutate_json(json.loads(x), rnd) if x.startswith("{") and rnd.random() < 0.5 else x for x in lines
        )
        text = mutate_lines(text, rnd, HOSTILE_LINES["jsonl"]) if rnd.random() < 0.3 else text
    else:
        name = {
            "telegram": "telegram_account.json",
            "messenger": "messenger_thread/message_1.json",
            "instagram": "messenger_thread/message_1.json",
            "discord": "discord.json",
            "googlechat": "googlechat_messages.json",
        }[fmt]
        text = mutate_json(json.loads((FIXTURES / name).read_text("utf-8-sig")), rnd)
    data = text.encode("utf-8", "surrogatepass")[:MAX_BYTES]
    if rnd.random() < 0.1 and data:  # flip a few bytes
        buf = bytearray(data)
        for _ in range(rnd.randint(1, 8)):
            buf[rnd.randrange(len(buf))] = rnd.randrange(256)
        data = bytes(buf)
    return data


ZIP_METHODS: Final = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


def _zip(path: Path, name: str, data: bytes, rnd: random.Random) -> None:
    with zipfile.ZipFile(path, "w", compression=rnd.choice(ZIP_METHODS)) as zf:
        zf.writestr(name, data)
    raw = bytearray(path.read_bytes())
    op = rnd.random()
    local = raw.find(b"PK\x03\x04")
    central = raw.find(b"PK\x01\x02")
    if op < 0.2:  # corrupt the compressed data
        start = local + 30 + len(name.encode())
        for _ in range(rnd.randint(1, 6)):
            if start < central:
                raw[rnd.randrange(start, central)] = rnd.randrange(256)
    elif op < 0.4:  # strong-encryption (0x40) or encrypted (0x1) flag in both headers
        flag = rnd.choice((0x40, 0x41, 0x1))
        for off in (local + 6, central + 8):
            struct.pack_into("<H", raw, off, struct.unpack_from("<H", raw, off)[0] | flag)
    elif op < 0.6:  # an unknown or unsupported compression method
        method = rnd.choice((1, 6, 9, 10, 12, 14, 95, 97, 98, 99, 0xFFFF))
        for off in (local + 8, central + 10):
            struct.pack_into("<H", raw, off, method)
    elif op < 0.7:  # a lying uncompressed size
        for off in (local + 22, central + 24):
            struct.pack_into("<I", raw, off, rnd.choice((0, 1, 0xFFFFFFFF)))
    path.write_bytes(bytes(raw))


def hostile_export(fmt: str, rnd: random.Random, folder: Path) -> Path:
    """Write one hostile export of `fmt` into `folder` (plain or zipped) and return its path."""
    name = FILE_NAMES[fmt]
    if fmt == "instagram":
        folder = folder / "inbox" / "sam_123"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    data = _raw(fmt, rnd, target)
    if data is None:
        return target
    if rnd.random() < 0.25:
        zpath = folder / "export.zip"
        _zip(zpath, name, data, rnd)
        return zpath
    target.write_bytes(data)
    return target


def hostile_text(rnd: random.Random) -> str:
    """A draft or partner message made to trip the text readers: markup, control characters, huge runs,
    mixed scripts, every kind of space, and repeated words that tempt a regex into backtracking."""
    parts = [
        rnd.choice(MARKUP),
        rnd.choice(("you " * rnd.randint(1, 3000), "!" * rnd.randint(1, 5000), "a" * rnd.randint(1, 20000))),
        "".join(chr(rnd.choice((rnd.randrange(0x20), rnd.randrange(0x2000, 0x2070), rnd.randrange(0xD800, 0xE000),
                                rnd.randrange(0x1F300, 0x1FAFF), rnd.randrange(0x80, 0x10FFFF))))
                for _ in range(rnd.randint(0, 200))),
        "I feel " * rnd.randint(0, 500) + "so lazy",
        "never " * rnd.randint(0, 2000) + "listen",
        "at least " * rnd.randint(0, 1000),
        " ".join(["don't"] * rnd.randint(0, 2000)),
        "\u200b".join("you always") * rnd.randint(0, 50),
    ]
    rnd.shuffle(parts)
    return "".join(parts[: rnd.randint(1, len(parts))])
