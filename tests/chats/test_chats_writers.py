"""`openup import --out` written in bulk (from columns, or in Arrow batches) holds exactly the rows the
row-by-row writer wrote: the same JSONL and CSV bytes, the same Parquet values, in the same order."""

from __future__ import annotations

import json
import subprocess
import sys
from array import array
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openup.chats import ImportReport, iter_messages, load_chat, load_for_output
from openup.chats.column_arrays import row_blocks
from openup.chats.column_text import HAVE_ROWTEXT, ColumnText, csv_field, write_column_text
from openup.chats.model import KINDS, MESSAGE_FIELDS, MessageColumns, Utf8Column
from openup.chats.options import ParseOptions
from openup.chats.output import write_messages, write_rows
from openup.chats.summary import Summary
from openup.chats.whatsapp import HAVE_SCANNER
from openup.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "chatsamples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPORTS = sorted(
    p
    for p in [*SAMPLES.rglob("*"), *FIXTURES.rglob("*")]
    if p.is_file()
    and p.suffix in (".txt", ".json", ".csv", ".jsonl", ".xml", ".md")
    and p.name not in ("target.json", "PROVENANCE.md")
)
columns_only = pytest.mark.skipif(not (HAVE_SCANNER and HAVE_ROWTEXT), reason="C scanner or row writer not built")

# Everything a writer must carry through untouched: emoji (one with a skin tone and a ZWJ), CJK, RTL, a
# message over several lines, commas and quotes (CSV), backslashes and control characters (JSON), an edited
# marker and deleted-by-me rows (rows whose values differ from their bytes), system lines, names with odd
# characters, and a line out of time order.
HOSTILE = (
    "20/01/19, 20:05 - Messages and calls are end-to-end encrypted.\n"
    "20/01/19, 20:05 - Sam, O'Neil (wörk): hi 👋🏽, \"you\"\n"
    "20/01/19, 20:06 - Kim 🌻: line one\nline two, with \"quotes\"\n\nline four \\ back\\slash\n"
    "20/01/19, 20:07 - Ana\u200f عربى: \x01bell\x07 tab\there \x1f unit \x7f del\n"
    "20/01/19, 20:08 - Kim 🌻: 👩‍👩‍👧 家族 <This message was edited>\n"
    "20/01/19, 20:09 - Kim 🌻: You deleted this message\n"
    "20/01/19, 20:04 - Sam, O'Neil (wörk): <Media omitted>\n"
    "20/01/19, 20:10 - Kim 🌻 added Ana\u200f عربى\n"
    "20/01/19, 20:11 - Ana\u200f عربى: \r\n"
    "20/01/19, 20:12 - Sam, O'Neil (wörk): a,b;c\r\"d\"\n"
)


def _write(path: Path, out: Path, bulk: bool, **opts: object) -> Summary:
    summary = Summary()
    report = ImportReport()
    if bulk:
        write_messages(load_for_output(path, report=report, **opts), out, summary)  # type: ignore[arg-type]
    else:
        write_rows(iter_messages(path, report=report, **opts), out, summary)  # type: ignore[arg-type]
    return summary.finish(report)


def _same_output(path: Path, tmp_path: Path, suffix: str, **opts: object) -> None:
    """The bulk writer's file equals the row writer's (JSONL, CSV: bytes; Parquet: every value)."""
    new = tmp_path / f"new{suffix}"
    if suffix == ".parquet":
        pq = pytest.importorskip("pyarrow.parquet")
        from openup.chats.row_batches import arrow_schema

        _write(path, new, True, **opts)
        table = pq.read_table(new)
        rows = [m.to_dict() for m in iter_messages(path, **opts)]  # type: ignore[arg-type]
        assert table.schema.equals(arrow_schema())
        assert table.to_pylist() == rows
        return
    old = tmp_path / f"old{suffix}"
    summary_new = _write(path, new, True, **opts)
    summary_old = _write(path, old, False, **opts)
    assert new.read_bytes() == old.read_bytes()
    assert summary_new.lines() == summary_old.lines()


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_bulk_rows_equal_row_writer_on_every_sample(path: Path, suffix: str, tmp_path: Path) -> None:
    _same_output(path, tmp_path, suffix)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
@pytest.mark.parametrize(
    "opts",
    [{}, {"me": "Kim 🌻", "tz": "Europe/Berlin"}, {"tz": "Asia/Kolkata"}, {"tz": "Africa/Monrovia"}, {"tz": "UTC"}],
    ids=["local", "me-berlin", "kolkata", "monrovia-lmt", "utc"],
)
def test_bulk_rows_equal_row_writer_on_hostile_export(opts: dict[str, str], suffix: str, tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Sam.txt"
    text = HOSTILE + "01/01/70, 00:00 - Kim 🌻: the epoch\n"
    if opts.get("tz") == "Africa/Monrovia":  # in 1850 Monrovia kept local mean time: an offset with seconds
        text = HOSTILE.replace("/19,", "/1850,")
    path.write_text(text, encoding="utf-8")
    _same_output(path, tmp_path, suffix, dayfirst=True, **opts)


@columns_only
def test_columns_carry_every_hard_value(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    cols = load_for_output(path, dayfirst=True, me="Kim 🌻")
    assert isinstance(cols, MessageColumns) and isinstance(cols.text, Utf8Column)
    assert cols.text.override and cols.edited_rows and cols.me_rows
    out = tmp_path / "x.jsonl"
    write_messages(cols, out, Summary())
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n")[:-1]]
    assert [r["source_line"] for r in rows] == sorted(r["source_line"] for r in rows)  # file order, unsorted times
    by_text = {r["text"]: r for r in rows}
    assert by_text["line one\nline two, with \"quotes\"\n\nline four \\ back\\slash"]["sender_name"] == "Kim 🌻"
    assert by_text["👩‍👩‍👧 家族"]["edited"] is True
    assert by_text["You deleted this message"]["is_me"] is True
    assert by_text['hi 👋🏽, "you"']["sender_id"] == "Sam, O'Neil (wörk)"
    assert "\x01bell\x07 tab\there \x1f unit \x7f del" in by_text
    write_messages(cols, tmp_path / "x.csv", Summary())
    csv_text = (tmp_path / "x.csv").read_bytes()
    assert '"Sam, O\'Neil (wörk)"'.encode() in csv_text and b'"a,b;c\n""d"""' in csv_text


def _columns(
    texts: list[str], names: list[str], senders: list[int], seconds: list[int], tz: str | None
) -> MessageColumns:
    """Columns over real byte ranges: the texts stored in one UTF-8 buffer with header-like bytes between."""
    data = bytearray()
    start, size = array("q"), array("i")
    for t in texts:
        data += b"12/01/20, 09:00 - X: "
        start.append(len(data))
        body = t.encode("utf-8")
        size.append(len(body))
        data += body + b"\n"
    n = len(texts)
    override = {i: f"changed {texts[i]}" for i in range(0, n, 3)}
    opts = ParseOptions.make(tz=tz)
    return MessageColumns(
        platform="whatsapp",
        chat_id="Chat, \"with\" \\ 🌻",
        ts=array("q", seconds),
        line=array("q", [7 * i + 1 for i in range(n)]),
        sender=array("i", senders),
        kind=bytearray(i % len(KINDS) for i in range(n)),
        text=Utf8Column(bytes(data), start, size, override),
        names=names,
        name_me=[i % 2 == 1 for i in range(len(names))],
        me_rows=frozenset(range(1, n, 4)),
        edited_rows=frozenset(range(0, n, 5)),
        local_pair=opts.local_pair if tz is not None else None,
    )


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_SECONDS = st.integers(min_value=-62135596800, max_value=253402300799)  # 0001-01-01 to 9999-12-31 23:59:59


@columns_only
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(_TEXT, max_size=12),
    names=st.lists(_TEXT, max_size=4),
    seed=st.integers(min_value=0, max_value=10**6),
    seconds=st.lists(_SECONDS, min_size=12, max_size=12),
    tz=st.sampled_from([None, "UTC", "Europe/Berlin", "America/St_Johns", "Pacific/Kiritimati", "Africa/Monrovia"]),
    kind=st.sampled_from(["jsonl", "csv"]),
)
def test_row_writer_text_equals_json_and_csv_modules(
    tmp_path: Path, texts: list[str], names: list[str], seed: int, seconds: list[int], tz: str | None, kind: str
) -> None:
    senders = [((seed + i) % (len(names) + 1)) - 1 for i in range(len(texts))]
    cols = _columns(texts, names, senders, seconds[: len(texts)], tz)
    old, new = tmp_path / f"old.{kind}", tmp_path / f"new.{kind}"
    write_rows(cols, old, Summary())
    with open(new, "wb") as fh:
        write_column_text(ColumnText(cols), fh, kind)
    assert new.read_bytes() == old.read_bytes()


@columns_only
def test_small_blocks_and_one_long_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from openup.chats import column_arrays

    texts = ["a", "b" * 50, "c, \"d\"", "", "e\nf", "g" * 200, "h"]
    cols = _columns(texts, ["Sam", "Kim"], [0, 1, -1, 0, 1, 0, 1], [60 * i for i in range(len(texts))], None)
    monkeypatch.setattr(column_arrays, "BLOCK_ROWS", 3)
    monkeypatch.setattr(column_arrays, "BLOCK_BYTES", 300)  # a row weighs its text, its sender twice and 64
    blocks = list(row_blocks(cols))
    assert blocks == [(0, 3), (3, 5), (5, 6), (6, 7)]  # the 200-byte text is a block of its own
    for suffix in (".jsonl", ".csv"):
        old, new = tmp_path / f"old{suffix}", tmp_path / f"new{suffix}"
        write_rows(cols, old, Summary())
        write_messages(cols, new, Summary())
        assert new.read_bytes() == old.read_bytes()
    pq = pytest.importorskip("pyarrow.parquet")
    write_messages(cols, tmp_path / "new.parquet", Summary())
    assert pq.read_table(tmp_path / "new.parquet").to_pylist() == [m.to_dict() for m in cols]
    assert pq.ParquetFile(tmp_path / "new.parquet").metadata.num_row_groups == len(blocks)


@columns_only
def test_summary_from_columns_equals_row_by_row(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    for opts in ({}, {"tz": "Europe/Berlin", "me": "Kim 🌻"}):
        conv = load_chat(path, dayfirst=True, **opts)  # type: ignore[arg-type]
        assert isinstance(conv.messages, MessageColumns)
        by_row = Summary()
        for m in conv.messages:
            by_row.add(m)
        fast = Summary()
        fast.add_columns(conv.messages)
        assert (fast.messages, fast.people, fast.kinds, fast.me_messages, fast.first, fast.last) == (
            by_row.messages,
            by_row.people,
            by_row.kinds,
            by_row.me_messages,
            by_row.first,
            by_row.last,
        )
        assert list(fast.people) == list(by_row.people) and list(fast.kinds) == list(by_row.kinds)


def test_csv_field_quotes_as_the_csv_module_does() -> None:
    import csv
    import io

    for value in ["", "plain", "a,b", 'say "hi"', "two\nlines", "cr\r", " spaced ", "semi;colon", "tab\t"]:
        buf = io.StringIO()
        csv.writer(buf).writerow([value, ""])
        assert buf.getvalue() == csv_field(value) + ",\r\n"


@columns_only
def test_row_writer_refuses_out_of_bounds_pieces() -> None:
    from openup.chats import _rowtext

    with pytest.raises(ValueError, match="outside its table"):
        _rowtext.rows(((1, (b"a",), bytes([1]), 1),), 1)
    with pytest.raises(ValueError, match="outside its buffer"):
        _rowtext.rows(((3, b"ab", array("q", [1]), array("i", [5]), 0, b""),), 1)
    with pytest.raises(ValueError, match="outside its buffer"):
        _rowtext.rows(((3, b"ab", array("q", [-(2**63)]), array("i", [0]), 0, b""),), 1)
    with pytest.raises(ValueError, match="one per row"):
        _rowtext.rows(((4, array("q", [1])),), 2)
    # an empty last range is copied as is (it once asked for room for two quotes and failed)
    assert _rowtext.rows(((3, b"ab", array("q", [0, 2]), array("i", [2, 0]), 0, b""),), 2) == b"ab"
    assert _rowtext.rows(((0, b"x"), (4, array("q", [-(2**63), 2**63 - 1]))), 2) == (
        b"x-9223372036854775808x9223372036854775807"
    )


def test_lone_surrogate_is_written_as_replacement_character(tmp_path: Path) -> None:
    export = tmp_path / "result.json"
    export.write_text(
        '{"name": "Sam", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "message", '
        '"date": "2020-01-01T10:00:00", "date_unixtime": "1577872800", "from": "Sam \\udc00", "from_id": "user1", '
        '"text": "bad \\ud800 x"}]}',
        encoding="utf-8",
    )
    for suffix in (".jsonl", ".csv", ".parquet"):
        out = tmp_path / f"out{suffix}"
        with pytest.raises(SystemExit) as info:
            main(["import", str(export), "--out", str(out)])
            raise SystemExit(0)
        assert info.value.code in (0, None)
        if suffix != ".parquet":
            assert "bad \ufffd x" in out.read_text(encoding="utf-8")


def test_unwritable_output_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "c.txt"
    export.write_text("20/01/19, 20:05 - Sam: hi\n", encoding="utf-8")
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(SystemExit) as info:
        main(["import", str(export), "--out", str(tmp_path / "file" / "x.jsonl")])
    err = capsys.readouterr().err
    assert info.value.code == 2 and err.startswith("openup: Cannot write") and len(err.splitlines()) == 1


@columns_only
@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_writing_columns_imports_neither_pandas_nor_more_than_it_needs(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    export = tmp_path / "c.txt"
    export.write_text(HOSTILE, encoding="utf-8")
    code = (
        "import sys; from openup.cli import main\n"
        f"try: main(['import', {str(export)!r}, '--out', {str(tmp_path / ('x' + suffix))!r}])\n"
        "except SystemExit: pass\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'pyarrow.compute') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == ("['pyarrow']" if suffix == ".parquet" else "[]")


def test_message_fields_are_the_written_columns() -> None:
    assert MESSAGE_FIELDS[0] == "platform" and MESSAGE_FIELDS[-1] == "source_line" and len(MESSAGE_FIELDS) == 13
    assert datetime(1, 1, 1).isoformat() == "0001-01-01T00:00:00"  # the 19-character form isotime relies on


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_without_the_row_writer_the_same_bytes_are_written(tmp_path: Path, suffix: str) -> None:
    export = tmp_path / "c.txt"
    export.write_text(HOSTILE, encoding="utf-8")
    old = tmp_path / f"old{suffix}"
    _write(export, old, False, dayfirst=True, me="Kim 🌻")
    new = tmp_path / f"new{suffix}"
    code = (
        "import sys; sys.modules['openup.chats._rowtext'] = None\n"
        "from openup.chats.column_text import HAVE_ROWTEXT; assert not HAVE_ROWTEXT\n"
        "from openup.cli import main\n"
        f"try: main(['import', {str(export)!r}, '--out', {str(new)!r}, '--dayfirst', '--me', 'Kim 🌻'])\n"
        "except SystemExit: pass\n"
        f"try: main(['import', {str(export)!r}, '--dayfirst'])\n"
        "except SystemExit: pass\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert new.read_bytes() == old.read_bytes()
    assert "wrote 10 messages" in out and "messages: 10" in out
