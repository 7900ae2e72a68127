"""The C scanner (openup.chats._wascan) and the pure-Python reader give identical conversations."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openup.chats import load_chat, whatsapp
from openup.chats.model import Conversation, MessageColumns
from openup.chats.sniff import resolve, sniff
from openup.errors import NoMessages

_wascan = pytest.importorskip("openup.chats._wascan")

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "chatsamples"
LRM, RLM, NNBSP, NBSP = "\u200e", "\u200f", "\u202f", "\u00a0"

HEADERS = [
    "20/01/19, 20:05 - ",
    "20/01/2019, 20:05 - ",
    "[20.01.19, 20:05:09] ",
    f"{LRM}[20.01.19, 20:05:09] ",
    f"{RLM}20/01/19, 20:05 - ",
    "1/20/19, 8:05 PM - ",
    "1/20/19, 12:05 am - ",
    f"1/20/19, 8:05{NNBSP}PM - ",
    f"1/20/19, 8:05{NBSP}PM – ",
    "20/01/2019, 8:05 p. m. - ",
    "01/20/19, 8:05:09 PM — ",
    "[01/20/19 20:05] ",
    "20/01/19 20:05 - ",
    "2019-01-20, 20:05 - ",
    "2019/01/20 20:05 - ",
    "[2019-01-20, 8:05:09 PM] ",
    "20.01.19, 20:05 - ",
    "20/01/19, 20:05: ",
]

BODIES = [
    "Sam: hello",
    "Kim: Te: amo\nsecond line",
    "Sam joined",
    "Mum: home: message: with colon",
    "Sam: <Media omitted>",
    "Kim: \u200eimage omitted",
    "Sam: This message was deleted",
    "Kim: You deleted this message",
    "Sam: Missed voice call",
    "Kim: I said so <This message was edited>",
    "Sam: IMG-001.jpg (file attached)",
    "Kim: <attached: 00000012-PHOTO.jpg>",
    "Sam: 2 missed calls, Tap to call back",
    "Sam:\nbody on the next line",
    "Sam:",
    "Kim: ",
    "\u200eSam: \u200eMessages are end-to-end encrypted.",
    'Sam changed the subject to "a: b"',
    "Sam: 😊 emoji ❤️\n\n\ntrailing blanks",
    "Sam: Café\u0301 ﬁ",
    "Kim: 31/02/19, 20:06 - Sam: not a header",
    "Sam: (smiles)",
    "Sam: Voice call (1 min)",
]


@contextmanager
def pure_python() -> Iterator[None]:
    saved = whatsapp.ACCELERATE
    whatsapp.ACCELERATE = False
    try:
        yield
    finally:
        whatsapp.ACCELERATE = saved


def _summary(conv: Conversation) -> dict[str, object]:
    return {
        "messages": list(conv.messages),
        "participants": conv.participants,
        "skipped": (dict(conv.skipped.counts), list(conv.skipped)),
        "warnings": conv.warnings,
        "people": list(conv.people().items()),
        "kinds": list(conv.kinds().items()),
        "rest": (conv.platform, conv.tz_source, conv.me, conv.chat_id, conv.title, len(conv)),
        "range": conv.date_range(),
    }


def assert_same(path: Path, expect_columns: bool | None = True, **kw: object) -> Conversation | None:
    """Both readers give the same conversation, or both refuse it with the same sentence (None)."""
    try:
        fast = load_chat(path, **kw)  # type: ignore[arg-type]
    except NoMessages as exc:  # every header unreadable under these options (say dayfirst=False for 20/01)
        with pure_python(), pytest.raises(NoMessages) as slow_exc:
            load_chat(path, **kw)  # type: ignore[arg-type]
        assert str(slow_exc.value) == str(exc)
        return None
    with pure_python():
        slow = load_chat(path, **kw)  # type: ignore[arg-type]
    assert not isinstance(slow.messages, MessageColumns)
    if expect_columns is not None:
        assert isinstance(fast.messages, MessageColumns) == expect_columns, path
    a, b = _summary(fast), _summary(slow)
    for key in a:
        assert a[key] == b[key], (path, key)
    return fast


def _whatsapp_samples() -> list[Path]:
    if not SAMPLES.is_dir():
        return []
    out = []
    for p in sorted(SAMPLES.rglob("*.txt")):
        try:
            if sniff(resolve(p)) == "whatsapp":
                out.append(p)
        except Exception:
            continue
    return out


@pytest.mark.parametrize("path", _whatsapp_samples(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_samples_same_both_ways(path: Path) -> None:
    assert_same(path, expect_columns=None)
    assert_same(path, expect_columns=None, me="John Doe", tz="Europe/Berlin")


@pytest.mark.parametrize("header", HEADERS)
def test_every_layout_and_body_same_both_ways(tmp_path: Path, header: str) -> None:
    text = "junk before\n\n" + "".join(f"{header}{b}\n" for b in BODIES) + f"{header}Sam: last without newline"
    p = tmp_path / "WhatsApp Chat with Sam.txt"
    p.write_text(text, encoding="utf-8")
    for kw in ({}, {"dayfirst": True}, {"dayfirst": False}, {"me": "kim"}, {"tz": "America/New_York"}):
        assert_same(p, **kw)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_crlf_bom_out_of_order_same_both_ways(tmp_path: Path, encoding: str) -> None:
    rows = [
        "20/01/19, 20:05 - Sam: b\r\nmore\r",
        "19/01/19, 20:05 - Sam: a <This message was edited>\r",
        "20/01/19, 20:05 - Kim: You deleted this message\r",
        "18/01/19, 20:05 - Kim: <Media omitted>\r",
        "31/02/19, 20:05 - Kim: impossible\r",
        "19/01/19, 20:05 - Kim: c",
    ]
    p = tmp_path / "chat.txt"
    p.write_bytes("\n".join(rows).encode(encoding))
    conv = assert_same(p)
    assert conv is not None
    assert [m.msg_id for m in conv.messages] == ["L5", "L3", "L7", "L1", "L4"]
    assert conv.messages[1].edited and conv.messages[1].text == "a"
    assert conv.messages[4].is_me


def test_falls_back_when_not_utf8_or_unicode_digits(tmp_path: Path) -> None:
    p = tmp_path / "chat.txt"
    p.write_bytes(("20/01/19, 20:05 - Sam: hi\n" * 3).encode() + b"20/01/19, 20:06 - Sam: caf\xe9\n")
    assert_same(p, expect_columns=False)
    p.write_text("20/01/19, 20:05 - Sam: hi\n٢٠/01/19, 20:05 - Sam: arabic digits\n", encoding="utf-8")
    assert_same(p, expect_columns=False)


def test_no_valid_header_at_all(tmp_path: Path) -> None:
    p = tmp_path / "chat.txt"
    p.write_text("intro\n31/02/19, 20:05 - Sam: impossible\n", encoding="utf-8")
    assert assert_same(p) is None  # both readers: no messages, one sentence


def test_generated_export_same_both_ways(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_parse", Path(__file__).parents[2] / "bench" / "bench_parse.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    generate = bench.generate
    p = tmp_path / "WhatsApp Chat with Sam.txt"
    generate(p, 20_000)
    conv = assert_same(p, dayfirst=True)
    assert conv is not None and len(conv.messages) > 15_000


_token = st.sampled_from(
    [*HEADERS[:3], "20/01/19, 20:05 - ", "13/01/19, 9:05 - ", "31/02/19, 20:05 - ", "Sam", "Mum: home", ": ", ":",
     "\n", "\r\n", "\r", " ", LRM, NNBSP, "<Media omitted>", "This message was deleted", "<This message was edited>",
     "😊", "é", "٣", "(file attached)", "x.jpg", "Tap to call back", '"', "]", "-", "PM"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_token, max_size=60))
def test_random_token_soup_same_both_ways(tmp_path: Path, tokens: list[str]) -> None:
    p = tmp_path / "soup.txt"
    p.write_text("20/01/19, 20:05 - Sam: start\n" + "".join(tokens), encoding="utf-8", newline="")
    assert_same(p, expect_columns=None)


_layouts = st.fixed_dictionaries(
    {
        "bracket": st.booleans(),
        "date_sep": st.sampled_from("./-"),
        "ymd": st.booleans(),
        "year_digits": st.sampled_from([2, 4]),
        "seconds": st.booleans(),
        "ampm": st.booleans(),
        "closer": st.sampled_from("]-:"),
        "dayfirst": st.booleans(),
    }
)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=400), _layouts, st.binary(max_size=60))
def test_scan_never_crashes_on_random_bytes(data: bytes, layout: dict[str, object], prefix: bytes) -> None:
    for blob in (data, b"20/01/19, 20:05 - " + data, prefix + b"\n[2019-01-20, 8:05:09 PM] " + data):
        cols, first, bad, status, _ = _wascan.scan(
            blob,
            **layout,
            author=lambda s: 0 if len(s) < 5 else -1,
            exact={"<Media omitted>": 1},
            colon_names=(b"Mum: home",),
        )
        assert status in (0, 1) and bad >= 0 and first < len(blob)
        ts, line, sender, kind, start, size = cols
        n = len(kind)
        assert len(ts) == len(line) == len(start) == 8 * n and len(sender) == len(size) == 4 * n
        for a, b in zip(memoryview(start).cast("q"), memoryview(size).cast("i"), strict=True):
            assert a >= 0 and a + b <= len(blob)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-5, 5), max_size=300))
def test_argsort_is_stable(keys: list[int]) -> None:
    from array import array

    order = list(memoryview(_wascan.argsort(array("q", keys).tobytes())).cast("q"))
    assert order == sorted(range(len(keys)), key=keys.__getitem__)


def test_columns_behave_like_a_sequence(tmp_path: Path) -> None:
    p = tmp_path / "chat.txt"
    rng = random.Random(3)
    rows = [f"20/01/19, 20:{i % 60:02d} - {rng.choice(['Sam', 'Kim'])}: m{i}" for i in range(50)]
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    conv = load_chat(p)
    cols = conv.messages
    assert isinstance(cols, MessageColumns)
    as_list = list(cols)
    assert len(cols) == 50 and cols[0] == as_list[0] and cols[-1] == as_list[-1]
    assert cols[3:9:2] == as_list[3:9:2] and cols == as_list
    assert list(reversed(cols)) == as_list[::-1]
    assert cols.index(as_list[7]) == 7 and as_list[7] in cols
    with pytest.raises(IndexError):
        cols[50]
    assert conv.by_id("L5").text == "m4"
