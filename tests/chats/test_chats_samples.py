"""Every real export in shared/chatsamples parses, and text rows match the other projects' targets."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from openup.chats import load_chat

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "chatsamples"
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"chat samples not found at {SAMPLES}")

EXPORTS = (
    sorted(
        p
        for p in SAMPLES.rglob("*")
        if p.is_file() and p.suffix in (".txt", ".json") and p.name != "target.json"
    )
    if SAMPLES.is_dir()
    else []
)


def _squash(s: str) -> str:
    # The targets join lines and Telegram entity pieces with spaces; openup keeps the exact text.
    return "".join(s.split())


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_sample_parses(path: Path) -> None:
    conv = load_chat(path)
    assert conv.messages, path
    assert conv.platform in ("whatsapp", "telegram", "instagram", "signal")
    ids = [m.msg_id for m in conv.messages]
    assert len(ids) == len(set(ids))
    keys = [m.sort_key for m in conv.messages]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    "path",
    [p for p in EXPORTS if (p.parent / "target.json").exists()],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_text_messages_match_target(path: Path) -> None:
    target = json.loads((path.parent / "target.json").read_text(encoding="utf-8"))
    conv = load_chat(path)
    utc = conv.platform in ("telegram", "instagram")
    got = []
    for m in conv.messages:
        if m.kind != "text":
            continue
        ts = m.ts_utc.astimezone(UTC).replace(tzinfo=None) if utc and m.ts_utc else m.ts_local
        got.append((ts, m.sender_name, _squash(m.text)))
    want = [(datetime.fromisoformat(t["timestamp"]), t["author"], _squash(t["message"])) for t in target]
    assert sorted(got, key=repr) == sorted(want, key=repr)


def test_whatsapp_samples_keep_system_rows_typed() -> None:
    conv = load_chat(SAMPLES / "chat-miner" / "test" / "whatsapp" / "test_mmddyy_24hrs.txt")
    system = [m.text for m in conv.messages if m.kind == "system"]
    assert '+12 345 578 created group "Groupname"' in system
    assert "You were added" in system
    multi = [m.text for m in conv.messages if "\n" in m.text]
    assert multi and multi[0] == "Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero."


def test_chatistics_ios_sample() -> None:
    conv = load_chat(SAMPLES / "Chatistics" / "tests" / "test_data" / "whatsapp" / "_chat.txt", me="John Doe")
    texts = [m.text for m in conv.messages]
    assert "👨\u200d🦰 👨🏿\u200d🦰 👨\u200d🦱 👨🏿\u200d🦱 🦹🏿\u200d♂️" in texts  # ZWJ kept
    assert any(t.startswith("בְּרֵאשִׁית") for t in texts)
    # A header in another layout (4-digit year; no brackets) is message text, not a message.
    assert any(
        t.endswith("\n[1.2.2019, 00:00:00] John Doe: this line is not a message on its own") for t in texts
    )
    assert any(
        t == "What is that?\n2/11/19, 14:48 Alice Placeholder: this is a message from another chat!"
        for t in texts
    )
    assert [m.kind for m in conv.messages].count("system") == 1
    assert conv.people() == {"Alice Placeholder": 10, "John Doe": 10}
    assert all(m.is_me == (m.sender_name == "John Doe") for m in conv.messages if m.sender_name)


def test_chatistics_mixed_year_widths() -> None:
    conv = load_chat(SAMPLES / "Chatistics" / "tests" / "test_data" / "whatsapp" / "_chat 2.txt")
    assert [m.ts_local for m in conv.messages] == [
        datetime(2019, 9, 17, 16, 37, 47),
        datetime(2019, 9, 17, 16, 38, 6),
        datetime(2019, 9, 17, 16, 38, 59),
        datetime(2019, 9, 17, 16, 39, 52),
    ]


def test_chatistics_us_12h_en_dash() -> None:
    conv = load_chat(SAMPLES / "Chatistics" / "tests" / "test_data" / "whatsapp" / "_chat 4.txt")
    assert [m.ts_local for m in conv.messages] == [
        datetime(2019, 9, 17, 8, 30, 52),
        datetime(2019, 9, 17, 16, 30, 10),
        datetime(2019, 9, 18, 16, 50, 32),
    ]
    assert {m.text for m in conv.messages} == {"US datetime format"}


def test_chatistics_ambiguous_order_warns_and_option_decides() -> None:
    path = SAMPLES / "Chatistics" / "tests" / "test_data" / "whatsapp" / "_chat 3.txt"
    conv = load_chat(path)
    assert any("--monthfirst" in w for w in conv.warnings)
    us = load_chat(path, dayfirst=False)
    assert us.warnings == []
    assert sorted({m.ts_local.date() for m in us.messages}) == [
        datetime(2019, 2, 11).date(),
        datetime(2019, 10, 11).date(),
    ]
    names = set(us.people())
    assert "The final test" in names and "Even longer username with emoticons! 🙈 🙈" in names
    empty_first = [m for m in us.messages if m.text.endswith("👍👍👍👍👍👍!")]
    assert empty_first[0].text == "\n\n\n\n👍👍👍👍👍👍!" and empty_first[0].sender_name == "John Doe"
