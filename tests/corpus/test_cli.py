"""`openup corpus` on the command line: bad input is one sentence and exit 2; --json prints only JSON."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from tests.cli_run import run
from tests.corpus.helpers import make_corpus


def _fails(argv: list[str], capsys: pytest.CaptureFixture[str], *words: str) -> str:
    assert run(["corpus", *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("openup: ") and "Traceback" not in err and len(err.splitlines()) == 1, err
    for w in words:
        assert w in err, err
    return err


def test_bad_input_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "out")
    _fails([str(tmp_path / "nowhere"), "--out", out], capsys, "does not exist")
    bad = tmp_path / "manifest.csv"
    bad.write_text("file,name\nchat.txt,Alex\n", encoding="utf-8")
    _fails([str(bad), "--out", out], capsys, "'path' or 'me'", "file, name")
    half = tmp_path / "half.csv"
    half.write_text("path,chat\nchat.txt,x\n", encoding="utf-8")
    _fails([str(half), "--out", out], capsys, "no 'me' column")
    one = tmp_path / "chat.txt"
    one.write_text("hello\n", encoding="utf-8")
    _fails([str(one), "--out", out], capsys, "single file")
    for address in ("localhost:8786", "http://10.0.0.5:8786", "tcp://", "tcp://host:99999"):
        _fails([str(tmp_path), "--out", out, "--scheduler", address], capsys, "--scheduler", "tcp://HOST:PORT")
    _fails([str(tmp_path), "--out", out, "--scheduler", "tcp://127.0.0.1:8786", "--workers", "2"], capsys,
           "not both")
    _fails([str(tmp_path), "--out", out, "--workers", "2", "--processes", "2"], capsys, "--processes")


@pytest.mark.skipif(importlib.util.find_spec("distributed") is not None, reason="distributed is installed")
def test_dask_without_distributed_says_what_to_install(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_corpus(tmp_path / "src", chats=1)
    _fails([str(tmp_path / "src"), "--out", str(tmp_path / "out"), "--workers", "2"], capsys, "distributed")


def test_json_mode_prints_only_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = make_corpus(tmp_path / "src", chats=3)
    out = tmp_path / "out"
    assert run(["corpus", str(manifest), "--out", str(out), "--no-model", "--json", "--processes", "2"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert (data["conversations"], data["done"], data["failed"], data["skipped"]) == (5, 3, 2, 0)
    assert data["tier"] == "lexical" and data["engine"] == "local" and data["messages"] > 0
    assert captured.err == ""  # not a terminal: no progress bar
    assert {p.name for p in out.iterdir()} >= {"conversations", "weekly", "signals", "failures", "report.html"}
    # a folder works as well as a manifest; --me names the donor in every chat
    assert run(["corpus", str(tmp_path / "src"), "--out", str(tmp_path / "out2"), "--me", "Alex", "--no-model"]) == 0
    text = capsys.readouterr().out
    assert "3 analysed" in text and "3 could not be read" in text  # the manifest itself is no chat


def test_an_output_folder_that_cannot_be_used(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    from openup.corpus import execute, plan
    from openup.corpus.engines import LocalPool
    from openup.errors import CorpusUnwritable

    src = tmp_path / "src"
    make_corpus(src, chats=2)
    # SOURCE itself as --out: its tables would be exports on the next run
    _fails([str(src), "--out", str(src), "--me", "Alex"], capfd, "is the folder of exports itself")
    # a file where a table's folder goes: said before any task runs
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "weekly").write_text("", encoding="utf-8")
    _fails([str(src), "--out", str(blocked), "--me", "Alex", "--no-model"], capfd, "Cannot write the corpus into")
    # the folder stops being writable mid-run: the run stops with the sentence, no worker dies with a traceback
    out = tmp_path / "out"
    tasks = plan(src / "manifest.csv", out, model=False)
    (out / "weekly").rmdir()
    (out / "weekly").write_text("", encoding="utf-8")
    capfd.readouterr()
    with pytest.raises(CorpusUnwritable, match="Cannot write the corpus into"):
        list(execute(tasks, LocalPool(1)))
    assert "Traceback" not in capfd.readouterr().err
