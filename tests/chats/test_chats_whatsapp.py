"""WhatsApp header layouts, kinds, day/month inference and text fidelity."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from openup.chats import load_chat

LRM, RLM, NNBSP, NBSP = "\u200e", "\u200f", "\u202f", "\u00a0"

# (header of a message from Sam on 20 Jan 2019 at 20:05:09 or 20:05, expected datetime)
HEADERS = [
    ("20/01/19, 20:05 - ", datetime(2019, 1, 20, 20, 5)),
    ("20/01/2019, 20:05 - ", datetime(2019, 1, 20, 20, 5)),
    ("[20.01.19, 20:05:09] ", datetime(2019, 1, 20, 20, 5, 9)),
    (f"{LRM}[20.01.19, 20:05:09] ", datetime(2019, 1, 20, 20, 5, 9)),
    (f"{RLM}20/01/19, 20:05 - ", datetime(2019, 1, 20, 20, 5)),
    ("1/20/19, 8:05 PM - ", datetime(2019, 1, 20, 20, 5)),
    ("1/20/19, 8:05 pm - ", datetime(2019, 1, 20, 20, 5)),
    (f"1/20/19, 8:05{NNBSP}PM - ", datetime(2019, 1, 20, 20, 5)),
    (f"1/20/19, 8:05{NBSP}PM - ", datetime(2019, 1, 20, 20, 5)),
    ("20/01/2019, 8:05 p. m. - ", datetime(2019, 1, 20, 20, 5)),
    ("20/01/2019, 12:05 a. m. - ", datetime(2019, 1, 20, 0, 5)),
    ("01/20/19, 8:05:09 PM – ", datetime(2019, 1, 20, 20, 5, 9)),
    ("[01/20/19 20:05] ", datetime(2019, 1, 20, 20, 5)),
    ("20/01/19 20:05 - ", datetime(2019, 1, 20, 20, 5)),
    ("2019-01-20, 20:05 - ", datetime(2019, 1, 20, 20, 5)),
    ("2019/01/20, 20:05 - ", datetime(2019, 1, 20, 20, 5)),
    ("[2019-01-20, 8:05:09 PM] ", datetime(2019, 1, 20, 20, 5, 9)),
    ("20.01.19, 20:05 - ", datetime(2019, 1, 20, 20, 5)),
]


def _write(
    tmp_path: Path, text: str, name: str = "WhatsApp Chat with Sam.txt", encoding: str = "utf-8"
) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


@pytest.mark.parametrize(("header", "expected"), HEADERS, ids=[h for h, _ in HEADERS])
def test_header_layouts(tmp_path: Path, header: str, expected: datetime) -> None:
    p = _write(tmp_path, f"{header}Sam: hello\n{header}Kim: Te: amo\nsecond line\n{header}Sam joined\n")
    conv = load_chat(p, dayfirst=None if expected.day > 12 else True)
    assert [m.kind for m in conv.messages] == ["text", "text", "system"]
    assert [m.sender_name for m in conv.messages] == ["Sam", "Kim", None]
    assert conv.messages[1].text == "Te: amo\nsecond line"
    assert conv.messages[0].ts_local == expected
    assert conv.tz_source == "local" and conv.messages[0].ts_utc is None


def test_body_lines_that_start_with_a_date_stay_in_the_message(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        "20/01/19, 20:05 - Sam: trip plan\n21/01/19: arrive\n21/01/19, 9:00 is the train\n"
        "22/01/19, 10:00 - Kim: ok\n",
    )
    conv = load_chat(p)
    assert conv.messages[0].text == "trip plan\n21/01/19: arrive\n21/01/19, 9:00 is the train"
    assert len(conv.messages) == 2


def test_kinds_media_deleted_calls_and_edits(tmp_path: Path) -> None:
    lines = [
        "20/01/19, 20:05 - Sam: <Media omitted>",
        "20/01/19, 20:06 - Sam: <Multimedia omitido>",
        "20/01/19, 20:07 - Kim: This message was deleted",
        "20/01/19, 20:08 - Kim: You deleted this message",
        "20/01/19, 20:09 - Sam: Missed voice call",
        "20/01/19, 20:10 - Sam: see you <This message was edited>",
        "20/01/19, 20:11 - Sam: <3 you>",
        "20/01/19, 20:12 - Messages and calls are end-to-end encrypted.",
    ]
    conv = load_chat(_write(tmp_path, "\n".join(lines) + "\n"))
    kinds = [m.kind for m in conv.messages]
    assert kinds == ["media", "media", "deleted", "deleted", "call", "text", "text", "system"]
    assert conv.messages[3].is_me and not conv.messages[2].is_me
    assert conv.messages[5].edited and conv.messages[5].text == "see you"


def test_ios_markers(tmp_path: Path) -> None:
    lines = [
        f"[20.01.19, 20:05:01] Sam: {LRM}image omitted",
        f"[20.01.19, 20:05:02] Sam: {LRM}<attached: 00000012-PHOTO-2019-01-20-20-05-02.jpg>",
        f"[20.01.19, 20:05:03] Sam: {LRM}sticker omitted",
        f"[20.01.19, 20:05:04] Group: {LRM}Sam added Kim",
        f"{LRM}[20.01.19, 20:05:05] Kim: {LRM}This message was deleted.",
        "[20.01.19, 20:05:06] Kim: plain",
    ]
    conv = load_chat(_write(tmp_path, "\n".join(lines) + "\n"))
    assert [m.kind for m in conv.messages] == ["media", "media", "sticker", "system", "deleted", "text"]
    assert conv.messages[1].text.startswith(LRM + "<attached:")  # text kept as exported
    assert "Group" not in conv.people()


def test_colon_inside_a_name(tmp_path: Path) -> None:
    rows = [f"20/01/19, 20:0{i} - Mum: home: message {i}: with colon" for i in range(4)]
    rows.append("20/01/19, 20:09 - Sam: hi: there")
    conv = load_chat(_write(tmp_path, "\n".join(rows) + "\n"))
    assert conv.messages[0].sender_name == "Mum: home"
    assert conv.messages[0].text == "message 0: with colon"
    assert conv.messages[-1].sender_name == "Sam" and conv.messages[-1].text == "hi: there"


def test_text_fidelity_no_normalisation(tmp_path: Path) -> None:
    body = "Cafe\u0301 ﬁ 👩\u200d❤️\u200d👨  two  spaces\ttab"
    conv = load_chat(_write(tmp_path, f"20/01/19, 20:05 - Sam: {body}\n\n\nafter blanks\n"))
    assert conv.messages[0].text == body + "\n\n\nafter blanks"


def test_lines_before_first_header_are_counted(tmp_path: Path) -> None:
    conv = load_chat(_write(tmp_path, "garbage line\n\nmore garbage\n20/01/19, 20:05 - Sam: hi\n"))
    assert conv.skipped.total == 2
    assert conv.skipped.counts["text before the first message header"] == 2
    assert [s.line for s in conv.skipped] == [1, 3]


def test_impossible_date_stays_in_text(tmp_path: Path) -> None:
    conv = load_chat(
        _write(tmp_path, "20/01/19, 20:05 - Sam: hi\n31/02/19, 20:06 - Sam: no such day\n"), dayfirst=True
    )
    assert len(conv.messages) == 1
    assert conv.messages[0].text == "hi\n31/02/19, 20:06 - Sam: no such day"
    assert any("impossible" in w for w in conv.warnings)


def test_day_month_inferred_late_in_file(tmp_path: Path) -> None:
    rows = [f"0{d}/01/19, 10:00 - Sam: m{d}" for d in range(1, 10)] * 300 + [
        "25/01/19, 10:00 - Sam: settles it"
    ]
    conv = load_chat(_write(tmp_path, "\n".join(rows) + "\n"))
    assert conv.warnings == []
    assert conv.messages[0].ts_local == datetime(2019, 1, 1, 10, 0)
    assert conv.messages[-1].ts_local == datetime(2019, 1, 25, 10, 0)


def test_month_first_inferred(tmp_path: Path) -> None:
    conv = load_chat(_write(tmp_path, "01/02/19, 10:00 - Sam: a\n01/25/19, 10:00 - Sam: b\n"))
    assert conv.messages[0].ts_local == datetime(2019, 1, 2, 10, 0)


def test_undecidable_order_warns_and_flag_overrides(tmp_path: Path) -> None:
    p = _write(tmp_path, "03/04/19, 10:00 - Sam: a\n")
    conv = load_chat(p)
    assert len(conv.warnings) == 1 and "--monthfirst" in conv.warnings[0]
    assert conv.messages[0].ts_local == datetime(2019, 4, 3, 10, 0)
    assert load_chat(p, dayfirst=False).messages[0].ts_local == datetime(2019, 3, 4, 10, 0)


def test_timezone_makes_times_aware(tmp_path: Path) -> None:
    conv = load_chat(_write(tmp_path, "20/01/19, 20:05 - Sam: hi\n"), tz="Europe/Berlin")
    m = conv.messages[0]
    assert conv.tz_source == "Europe/Berlin"
    assert m.ts_local.utcoffset() is not None and m.ts_utc is not None
    assert m.ts_utc.hour == 19


def test_me_matches_case_insensitively(tmp_path: Path) -> None:
    conv = load_chat(_write(tmp_path, "20/01/19, 20:05 - Sam: hi\n20/01/19, 20:06 - Kim: yo\n"), me="kim")
    assert [m.is_me for m in conv.messages] == [False, True]
    assert conv.me == "kim"


def test_out_of_order_lines_sorted_stably(tmp_path: Path) -> None:
    conv = load_chat(
        _write(tmp_path, "20/01/19, 20:05 - Sam: b\n19/01/19, 20:05 - Sam: a\n20/01/19, 20:05 - Kim: c\n")
    )
    assert [m.text for m in conv.messages] == ["a", "b", "c"]
    assert [m.msg_id for m in conv.messages] == ["L2", "L1", "L3"]


def test_crlf_and_utf16_and_cp1252(tmp_path: Path) -> None:
    text = "20/01/19, 20:05 - Sam: caf\u00e9\r\nline two\r\n20/01/19, 20:06 - Kim: ok\r\n"
    for enc in ("utf-8-sig", "utf-16"):
        conv = load_chat(_write(tmp_path, text, encoding=enc))
        assert conv.messages[0].text == "caf\u00e9\nline two"
    conv = load_chat(_write(tmp_path, text, encoding="cp1252"))
    assert conv.messages[0].text == "caf\u00e9\nline two"
    assert any("Windows-1252" in w for w in conv.warnings)


def test_zip_export(tmp_path: Path) -> None:
    z = tmp_path / "WhatsApp Chat - Sam.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "_chat.txt", "[20.01.19, 20:05:09] Sam: hi\n[20.01.19, 20:05:10] Kim: \u200eimage omitted\n"
        )
        zf.writestr("00000012-PHOTO-2019-01-20-20-05-10.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    conv = load_chat(z)
    assert [m.kind for m in conv.messages] == ["text", "media"]
    assert conv.platform == "whatsapp"


def test_long_message_across_chunks(tmp_path: Path) -> None:
    long_body = "\n".join(f"line {i} " + "x" * 100 for i in range(30_000))  # ~3.3 MB, spans chunks
    p = _write(tmp_path, f"20/01/19, 20:05 - Sam: start\n{long_body}\n20/01/19, 20:06 - Kim: end\n")
    conv = load_chat(p)
    assert len(conv.messages) == 2
    assert conv.messages[0].text == "start\n" + long_body
    assert conv.messages[1].source_line == 30_002


def test_continuation_right_after_a_chunk_boundary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openup.chats import whatsapp

    monkeypatch.setattr(whatsapp, "CHUNK_CHARS", 7)  # every chunk boundary falls somewhere new
    monkeypatch.setattr(whatsapp, "SAMPLE_LINES", 1)
    rows = "20/01/19, 20:05 - Sam: one\n20/01/19, 20:06 - Kim: two\nthree\n\n20/01/19, 20:07 - Sam: four\n"
    conv = load_chat(_write(tmp_path, rows))
    assert [m.text for m in conv.messages] == ["one", "two\nthree\n", "four"]
    assert [m.source_line for m in conv.messages] == [1, 2, 5]
