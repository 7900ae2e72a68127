"""One regression test per platform, on the small fixtures in tests/chats/fixtures."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from tests.fuzz.hostile import IMESSAGE_SCHEMA

from openup.chats import iter_messages, load_chat
from openup.chats.imessage import apple_time, text_from_attributed_body
from openup.chats.textfix import fix_mojibake, join_surrogates

FIX = Path(__file__).parent / "fixtures"


def test_telegram_full_account() -> None:
    conv = load_chat(FIX / "telegram_account.json", me="Alex")
    assert conv.platform == "telegram" and conv.tz_source == "utc"
    by_id = {m.msg_id: m for m in conv.messages}
    assert by_id["222:1"].text == "hi there\nsecond line"
    link = by_id["222:2"]
    assert (
        link.text == "see https://example.org ok" and link.reply_to == "222:1" and link.edited and link.is_me
    )
    assert by_id["222:3"].kind == "sticker" and by_id["222:3"].text == "😀"
    assert by_id["222:4"].kind == "media" and by_id["222:4"].sender_name == "Sam"  # keyed on from_id
    assert by_id["222:5"].kind == "call" and by_id["222:6"].kind == "system"
    reactions = [m for m in conv.messages if m.kind == "reaction"]
    assert len(reactions) == 1 and reactions[0].reply_to == "222:2" and reactions[0].text == "❤"
    old = by_id["333:1"]
    assert old.ts_utc is None and old.ts_local == datetime(2017, 1, 2, 8, 0)
    assert by_id["222:1"].ts_utc == datetime(2021, 3, 4, 10, 0, tzinfo=UTC)
    assert conv.skipped.counts == {"message is not a JSON object": 1}
    assert any("2 chats" in w for w in conv.warnings)
    assert conv.people()["Sam"] == 4


def test_messenger_folder_mojibake_bom_and_order() -> None:
    conv = load_chat(FIX / "messenger_thread", me="Alex")
    assert conv.platform == "messenger" and conv.participants == ["Renée", "Alex"]
    assert [m.kind for m in conv.messages] == [
        "sticker",
        "call",
        "deleted",
        "text",
        "media",
        "text",
        "reaction",
    ]
    assert conv.messages[5].text == "Café 😊"
    assert conv.messages[3].text == "already correct: café ✓"
    assert conv.messages[6].text == "❤" and conv.messages[6].reply_to == conv.messages[5].msg_id
    assert conv.title == "Renée"
    times = [m.ts_utc for m in conv.messages]
    assert times == sorted(times)  # type: ignore[type-var]


def test_instagram_label_and_single_file() -> None:
    conv = load_chat(FIX / "messenger_thread" / "message_2.json", format="instagram")
    assert conv.platform == "instagram" and len(conv.messages) == 2


def test_signal_markdown() -> None:
    conv = load_chat(FIX / "signal_chat.md")
    assert conv.platform == "signal"
    kinds = [(m.kind, m.sender_name) for m in conv.messages]
    assert kinds == [("text", "Sam"), ("reaction", "Me"), ("text", "Me"), ("media", "Sam"), ("deleted", "Me")]
    assert conv.messages[0].text == "good morning\nhow did you sleep?"
    assert conv.messages[2].is_me


def test_signal_json_lines() -> None:
    conv = load_chat(FIX / "signal_data.json")
    assert conv.platform == "signal"
    assert [m.kind for m in conv.messages] == ["text", "reaction", "text", "call"]
    assert conv.skipped.counts == {"line is not valid JSON": 1}


def _attributed_body(text: str) -> bytes:
    payload = text.encode()
    length = bytes([len(payload)]) if len(payload) < 0x80 else b"\x81" + len(payload).to_bytes(2, "little")
    return (
        b"\x04\x0bstreamtyped\x81\xe8\x03\x84\x01@\x84\x84\x84\x12NSAttributedString\x00\x84\x84\x08NSObject"
        b"\x00\x85\x92\x84\x84\x84\x08NSString\x01\x94\x84\x01+" + length + payload + b"\x86\x84\x02iI\x01"
    )


def _make_chat_db(path: Path) -> None:
    con = sqlite3.connect(path)
    con.executescript(IMESSAGE_SCHEMA)
    ns = 700_000_000 * 10**9  # 2023-03-07 in nanoseconds since 2001
    rows = [
        (1, "G1", "hello", None, ns, 0, 1, 0, None, 0, 0, 0, None),
        (2, "G2", None, _attributed_body("from the blob ✨"), ns + 60 * 10**9, 1, 0, 0, None, 0, 0, 0, None),
        (3, "G3", None, None, ns + 120 * 10**9, 0, 1, 2001, "p:0/G2", 0, 0, 0, None),
        (4, "G4", "\ufffc", None, ns + 180 * 10**9, 0, 1, 0, None, 0, 1, 0, None),
        (5, "G5", "old seconds db", None, 700_000_240, 1, 0, 0, None, 0, 0, 0, None),
    ]
    con.executemany("INSERT INTO message VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO chat_message_join VALUES (1, ?)", [(r[0],) for r in rows])
    con.commit()
    con.close()


def test_imessage_chat_db(tmp_path: Path) -> None:
    db = tmp_path / "chat.db"
    _make_chat_db(db)
    before = db.read_bytes()
    conv = load_chat(db, me="Alex")
    assert db.read_bytes() == before  # opened read-only
    assert [m.kind for m in conv.messages] == ["text", "text", "reaction", "media", "text"]
    assert conv.messages[1].text == "from the blob ✨" and conv.messages[1].is_me
    assert conv.messages[2].text == "👍" and conv.messages[2].reply_to == "G2"
    assert conv.messages[0].ts_utc == datetime(2023, 3, 8, 20, 26, 40, tzinfo=UTC)
    assert conv.messages[4].ts_utc == datetime(2023, 3, 8, 20, 30, 40, tzinfo=UTC)


def test_imessage_helpers() -> None:
    assert apple_time(0) == datetime(2001, 1, 1, tzinfo=UTC)
    assert apple_time(700_000_000 * 10**9) == apple_time(700_000_000)
    long_text = "x" * 300
    assert text_from_attributed_body(_attributed_body(long_text)) == long_text
    assert text_from_attributed_body(b"junk") is None


def test_sms_backup_xml_surrogates_and_mms() -> None:
    conv = load_chat(FIX / "sms_backup.xml", me="Alex")
    assert [m.kind for m in conv.messages] == ["text", "text", "media"]
    assert conv.messages[0].text == "Hi 😀 see you"
    assert conv.messages[1].is_me and conv.messages[1].text == "On my way\nalmost there"
    assert conv.messages[2].text == "photo for you"
    assert conv.skipped.counts == {"sms has no readable date": 1}


def test_discord() -> None:
    conv = load_chat(FIX / "discord.json", me="alex")
    assert [m.kind for m in conv.messages] == ["text", "reaction", "text", "call", "system"]
    assert conv.messages[2].reply_to == "1" and conv.messages[2].edited
    assert conv.people() == {"Sam": 1, "alex": 3}


def test_google_chat() -> None:
    conv = load_chat(FIX / "googlechat_messages.json")
    assert conv.messages[0].ts_utc == datetime(2023, 9, 14, 14, 53, 32, tzinfo=UTC)
    assert conv.messages[1].kind == "media"
    assert conv.skipped.total == 1


def test_line() -> None:
    conv = load_chat(FIX / "line_chat.txt", me="Alex")
    assert conv.title == "Sam"
    assert [m.kind for m in conv.messages] == ["text", "text", "sticker", "deleted", "media"]
    assert conv.messages[1].text == "two\nlines"
    assert conv.messages[4].ts_local == datetime(2020, 1, 21, 21, 5)


def test_generic_csv_and_jsonl() -> None:
    csv_conv = load_chat(FIX / "generic.csv")
    assert [m.msg_id for m in csv_conv.messages] == ["a1", "a2", "a4"]
    assert csv_conv.messages[0].text == "hello\nthere" and csv_conv.messages[2].kind == "media"
    assert csv_conv.skipped.counts == {"row has no readable timestamp": 1}
    jl = load_chat(FIX / "generic.jsonl")
    assert [m.msg_id for m in jl.messages] == ["L1", "L2", "x9"]
    assert jl.messages[1].kind == "sticker" and jl.messages[1].sender_name == "Alex"


def test_format_override_and_sniffing_ignores_names(tmp_path: Path) -> None:
    renamed = tmp_path / "notes.csv"
    renamed.write_bytes((FIX / "telegram_account.json").read_bytes())
    assert load_chat(renamed).platform == "telegram"
    assert load_chat(FIX / "signal_data.json", format="jsonl").platform == "jsonl"


def test_messenger_zip(tmp_path: Path) -> None:
    z = tmp_path / "facebook.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for p in (FIX / "messenger_thread").iterdir():
            zf.write(p, f"messages/inbox/renee_abc123/{p.name}")
    assert len(load_chat(z).messages) == 7


def test_iter_messages_streams_in_file_order() -> None:
    it = iter_messages(FIX / "line_chat.txt")
    first = next(it)
    assert first.text == "Hello"
    assert len(list(it)) == 4


def test_text_repairs() -> None:
    assert fix_mojibake("Ã©tÃ©") == "été"
    assert fix_mojibake("été ✓") == "été ✓"
    assert fix_mojibake("plain") == "plain"
    assert join_surrogates("a\ud83d\ude00b") == "a😀b"
