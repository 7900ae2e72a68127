"""An export that yields no message at all is an error (`NoMessages`): one sentence saying what the file
seems to be, exit code 2 in `openup import` and `openup analyze`, never an empty output or file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from tests.cli_run import run

from openup.chats import iter_messages, load_chat, load_for_output
from openup.errors import NoMessages, UserError


def _zip(path: Path, name: str, data: str) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(name, data)
    return path


CASES = {
    "x.json": ('{"hello": "world"}\n', "x.json is JSON but holds no chat messages (it looks like a single object "
                                       "with keys hello)."),
    "empty.csv": ("timestamp,sender,text\n", "empty.csv is a CSV file but holds no chat messages (it has only a "
                                             "header row: timestamp, sender, text)."),
    "bad.csv": ("timestamp,sender,text\nnot a date,Sam,hi\n",
                "bad.csv is a CSV file but holds no chat messages (its one record was skipped: row has no "
                "readable timestamp)."),
    "rows.jsonl": ('{"a": 1, "b": 2}\n{"a": 3}\n', "rows.jsonl is a JSON-lines file but holds no chat messages (it "
                                                   "looks like 2 objects with keys a, b; a message needs a timestamp, "
                                                   "a sender and a text)."),
    "result.json": ('{"name": "Sam", "type": "personal_chat", "id": 1, "messages": []}\n',
                    "result.json is a Telegram export but holds no chat messages (nothing in it reads as a "
                    "message)."),
}


@pytest.mark.parametrize("name", CASES)
def test_load_chat_says_what_the_file_seems_to_be(name: str, tmp_path: Path) -> None:
    data, sentence = CASES[name]
    (tmp_path / name).write_text(data, encoding="utf-8")
    with pytest.raises(NoMessages) as info:
        load_chat(tmp_path / name)
    assert str(info.value) == sentence
    assert isinstance(info.value, UserError) and info.value.exit_code == 2
    assert info.value.source == name and info.value.kind


def test_the_streaming_readers_raise_it_too(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"hello": "world"}\n', encoding="utf-8")
    with pytest.raises(NoMessages):
        list(iter_messages(path))
    with pytest.raises(NoMessages):
        list(load_for_output(path))


def test_a_zip_holding_no_messages(tmp_path: Path) -> None:
    path = _zip(tmp_path / "export.zip", "result.json", '{"hello": "world"}\n')
    with pytest.raises(NoMessages, match=r"^export\.zip:result\.json is JSON but holds no chat messages"):
        load_chat(path)
    # a zip with no chat file inside at all was already one sentence
    path = _zip(tmp_path / "photos.zip", "photo.jpg", "\xff\xd8\xff")
    with pytest.raises(UserError, match="no chat export inside"):
        load_chat(path)


def test_keys_from_the_file_are_clipped(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    keys = ", ".join(f'"k{i}": 1' for i in range(20))
    path.write_text('{"<script>\\n' + "a" * 500 + '": 1, ' + keys + "}\n", encoding="utf-8")
    with pytest.raises(NoMessages) as info:
        load_chat(path)
    msg = str(info.value)
    assert "\n" not in msg and len(msg) < 250 and "and 15 more" in msg


@pytest.mark.parametrize("command", [["import"], ["import", "--out", "OUT"], ["analyze", "--no-model"]])
@pytest.mark.parametrize("name", ["x.json", "empty.csv"])
def test_cli_exits_2_with_the_sentence(
    command: list[str], name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    data, sentence = CASES[name]
    (tmp_path / name).write_text(data, encoding="utf-8")
    out = tmp_path / "rows.jsonl"
    argv = [command[0], str(tmp_path / name), *[str(out) if a == "OUT" else a for a in command[1:]]]
    assert run(argv) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == f"openup: {sentence}"
    assert captured.out == ""
    assert not out.exists() and not (tmp_path / "openup-report").exists()
