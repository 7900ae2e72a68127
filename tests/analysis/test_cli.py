"""`openup analyze` is a thin shell: files, JSON, exit codes, one-sentence errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli_run import run

CHAT = """\
04/03/2024, 09:00 - Alex: guess what, I got the job
04/03/2024, 09:02 - Sam: that's amazing, what did your boss say?
04/03/2024, 09:05 - Alex: I feel so relieved
04/03/2024, 09:06 - Sam: it sounds like you were really worried
05/03/2024, 18:00 - Sam: <Media omitted>
05/03/2024, 18:30 - Alex: thank you for dinner
12/03/2024, 08:00 - Alex: You're so lazy
12/03/2024, 08:40 - Alex: answer me
12/03/2024, 10:00 - Sam: ok
"""


@pytest.fixture()
def chat(tmp_path: Path) -> Path:
    p = tmp_path / "WhatsApp Chat with Sam.txt"
    p.write_text(CHAT, encoding="utf-8")
    return p


def test_analyze_writes_three_files(chat: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rep"
    assert run(["analyze", str(chat), "--me", "Alex", "--out", str(out), "--no-model"]) == 0
    assert {p.name for p in out.iterdir()} == {"report.html", "metrics.json", "messages.csv"}
    text = capsys.readouterr().out
    assert "9 messages" in text and "report.html" in text


def test_analyze_json(chat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", str(chat), "--me", "Sam", "--json", "--no-model"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["me"] == "Sam" and data["partner"] == "Alex"
    assert data["summary"]["messages"] == 9 and data["files"] == {}
    assert data["summary"]["weeks"] == 2


def test_analyze_since_and_partner(chat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", str(chat), "--me", "Alex", "--partner", "Sam", "--since", "2024-03-10", "--json",
                "--no-model"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["messages"] == 3


def test_analyze_without_me_not_a_tty(chat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", str(chat), "--json", "--no-model"]) == 2
    err = capsys.readouterr().err
    assert "--me" in err and "Alex" in err and "Sam" in err and "Traceback" not in err


def test_analyze_bad_options(chat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", str(chat), "--me", "Bob", "--no-model"]) == 2
    assert "not a participant" in capsys.readouterr().err
    assert run(["analyze", str(chat), "--me", "Alex", "--since", "soon", "--no-model"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert run(["analyze", str(chat.parent / "missing.txt"), "--me", "Alex"]) == 2


def test_analyze_asks_who_you_are_on_a_terminal(
    chat: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    import typer

    class Tty:
        def isatty(self) -> bool:
            return True

    asked: list[str] = []
    monkeypatch.setattr(sys, "stdin", Tty())
    monkeypatch.setattr(typer, "prompt", lambda text, type=int: asked.append(text) or 2)
    out = tmp_path / "asked"
    assert run(["analyze", str(chat), "--out", str(out), "--no-model"]) == 0
    assert asked and "Which of these people are you" in asked[0]
    listed = capsys.readouterr().out
    assert "1. Alex" in listed and "2. Sam" in listed
    assert json.loads((out / "metrics.json").read_text(encoding="utf-8"))["me"] == "Sam"
