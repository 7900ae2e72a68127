"""Bad input: one clear UserError (exit code 2 in the CLI), never a traceback, nothing written elsewhere."""

from __future__ import annotations

import contextlib
import json
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openup.chats import load_chat, safe_io
from openup.cli import main
from openup.errors import UserError

FIX = Path(__file__).parent / "fixtures"
WA = "20/01/19, 20:05 - Sam: hi\n20/01/19, 20:06 - Kim: hello\n"


def _err(path: Path, **kw: object) -> str:
    with pytest.raises(UserError) as info:
        load_chat(path, **kw)  # type: ignore[arg-type]
    msg = str(info.value)
    assert msg and "\n" not in msg
    return msg


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "chat.txt"
    p.write_bytes(b"")
    assert "empty" in _err(p)


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in _err(tmp_path / "nope.txt")


def test_image_renamed_txt(tmp_path: Path) -> None:
    p = tmp_path / "chat.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    assert "PNG image" in _err(p)


def test_binary_junk(tmp_path: Path) -> None:
    p = tmp_path / "chat.txt"
    p.write_bytes(bytes(range(256)) * 8)
    assert "binary" in _err(p) or "not a chat export" in _err(p)


def test_not_an_export(tmp_path: Path) -> None:
    p = tmp_path / "notes.txt"
    p.write_text("shopping list\nmilk\neggs\n")
    assert "not a chat export" in _err(p)


def test_truncated_json(tmp_path: Path) -> None:
    p = tmp_path / "result.json"
    p.write_bytes((FIX / "telegram_account.json").read_bytes()[:700])
    msg = _err(p)
    assert "not valid JSON" in msg and "cut off" in msg


def test_json_of_wrong_shape(tmp_path: Path) -> None:
    p = tmp_path / "result.json"
    p.write_text(json.dumps({"messages": "oops", "date_unixtime": 1}))
    assert "Telegram" in _err(p)


def test_json_over_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_io, "MAX_JSON_BYTES", 100)
    p = tmp_path / "result.json"
    p.write_bytes((FIX / "telegram_account.json").read_bytes())
    msg = _err(p, format="telegram")
    assert "limit" in msg and "MiB" in msg


def test_zip_without_chat(tmp_path: Path) -> None:
    z = tmp_path / "export.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8\xff" + b"0" * 10)
    assert "no chat export inside" in _err(z)


def test_zip_bomb_declared_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_io, "MAX_ZIP_TOTAL", 10_000)
    z = tmp_path / "bomb.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_chat.txt", WA + "0" * 1_000_000)
    assert "GiB" in _err(z)


def test_zip_bomb_lying_header(tmp_path: Path) -> None:
    z = tmp_path / "liar.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_chat.txt", WA * 2000)
    data = bytearray(z.read_bytes())
    # Shrink the declared uncompressed size in the central directory (offset 24 of its entry).
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 24 : cd + 28] = (60).to_bytes(4, "little")
    z.write_bytes(bytes(data))
    msg = _err(z)
    assert "zip" in msg


def test_zip_too_many_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_io, "MAX_ZIP_ENTRIES", 5)
    z = tmp_path / "many.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for i in range(10):
            zf.writestr(f"f{i}.txt", "x")
    assert "entries" in _err(z)


def test_damaged_zip(tmp_path: Path) -> None:
    z = tmp_path / "bad.zip"
    z.write_bytes(b"PK\x03\x04" + os.urandom(100))
    assert "zip" in _err(z)


def test_unknown_format_option(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    p.write_text(WA)
    assert "Unknown format" in _err(p, format="myspace")


def test_unknown_time_zone(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    p.write_text(WA)
    assert "Unknown time zone" in _err(p, tz="Mars/Olympus")


def test_wrong_format_forced(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    p.write_text(WA)
    assert _err(p, format="telegram")


def test_huge_text_file_is_streamed_not_read_whole(tmp_path: Path) -> None:
    # A sparse 10 GB file: the first message arrives at once, without reading the file into memory.
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.write(WA.encode() * 50_000)
        fh.truncate(10 * 1024**3)
    from openup.chats import iter_messages

    it = iter_messages(p)
    assert next(it).text == "hi"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600))
def test_any_bytes_give_conversation_or_user_error(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "fuzz.txt"
    p.write_bytes(data)
    with contextlib.suppress(UserError):
        load_chat(p)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from(
        [
            "20/01/19, 20:05 - ",
            "[20.01.19, 20:05:09] ",
            '{"messages": [',
            "<smses>",
            "timestamp,sender,text\n",
            "[2019-12-24, 12:23] ",
        ]
    ),
    body=st.text(max_size=300),
)
def test_any_text_after_a_plausible_start(tmp_path: Path, prefix: str, body: str) -> None:
    p = tmp_path / "fuzz.txt"
    p.write_text(prefix + body, encoding="utf-8", errors="surrogatepass")
    try:
        conv = load_chat(p)
    except UserError:
        return
    assert len({m.msg_id for m in conv.messages}) == len(conv.messages)


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
        raise SystemExit(0)
    out = capsys.readouterr()
    return int(info.value.code or 0), out.out, out.err


def test_cli_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "c.txt"
    p.write_text("junk first\n" + WA + "20/01/19, 20:07 - Sam: <Media omitted>\n")
    code, out, _ = _cli(["import", str(p), "--me", "Kim"], capsys)
    assert code == 0
    assert "platform: whatsapp" in out and "Sam: 2" in out and "Kim: 1  (you)" in out
    assert "text 2" in out and "media 1" in out
    assert "1 x text before the first message header" in out
    assert "2019-01-20 20:05:00 to 2019-01-20 20:07:00" in out


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_cli_writes_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    p = tmp_path / "c.txt"
    p.write_text(WA)
    out = tmp_path / f"rows{suffix}"
    code, text, _ = _cli(["import", str(p), "--out", str(out)], capsys)
    assert code == 0 and "wrote 2 messages" in text
    lines = out.read_text(encoding="utf-8").splitlines()
    if suffix == ".jsonl":
        assert [json.loads(x)["text"] for x in lines] == ["hi", "hello"]
    else:
        assert lines[0].startswith("platform,chat_id,msg_id") and len(lines) == 3


def test_cli_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    p = tmp_path / "c.txt"
    p.write_text(WA)
    out = tmp_path / "rows.parquet"
    code, _, _ = _cli(["import", str(p), "--out", str(out)], capsys)
    assert code == 0 and pq.read_table(out).num_rows == 2


def test_cli_parquet_without_pyarrow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake_import)
    p = tmp_path / "c.txt"
    p.write_text(WA)
    code, _, err = _cli(["import", str(p), "--out", str(tmp_path / "x.parquet")], capsys)
    assert code == 2 and "pyarrow" in err
    assert not (tmp_path / "x.parquet").exists()


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n0000", "PNG"),
        (b'{"messages": [{"type": "message", "date_unixtime": "1', "cut off"),
        (b"hello\nworld\n", "not a chat export"),
    ],
)
def test_cli_bad_input_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, needle: str
) -> None:
    p = tmp_path / "in.txt"
    p.write_bytes(content)
    out = tmp_path / "out.jsonl"
    code, _, err = _cli(["import", str(p), "--out", str(out)], capsys)
    assert code == 2
    assert err.startswith("openup: ") and needle in err and "Traceback" not in err
    assert sorted(x.name for x in tmp_path.iterdir()) == ["in.txt"]  # nothing written


def test_cli_bad_output_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "c.txt"
    p.write_text(WA)
    code, _, err = _cli(["import", str(p), "--out", str(tmp_path / "x.xlsx")], capsys)
    assert code == 2 and ".jsonl, .csv or .parquet" in err


def test_cli_monthfirst_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "c.txt"
    p.write_text("03/04/19, 10:00 - Sam: a\n")
    code, out, _ = _cli(["import", str(p), "--monthfirst"], capsys)
    assert code == 0 and "2019-03-04 10:00:00" in out and "warning" not in out
