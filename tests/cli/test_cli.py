"""The CLI is a thin shell: exit codes, JSON, one-sentence errors, start-up without heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tests.cli_run import run


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--json", "--no-model", "You never listen to me"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["signals"][0]["kind"] == "criticism"
    assert data["rewrite"]


def test_check_human_view(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--no-model", "How was your day?"]) == 0
    out = capsys.readouterr().out
    assert "thoughts-first" in out
    assert "Try instead" in out


def test_check_reads_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(["check", "--json", "--no-model"], stdin="calm down", monkeypatch=monkeypatch) == 0
    assert json.loads(capsys.readouterr().out)["signals"][0]["kind"] == "dismissal"


@pytest.mark.parametrize("bad", [b"", b"   ", b"\xff\xfe\x00garbage\x00\x00", b"x" * 1_000_001])
def test_check_bad_stdin_exits_2_with_one_sentence(
    bad: bytes, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(["check", "--no-model"], stdin=bad, monkeypatch=monkeypatch) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("openup: ")
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("command", ["check", "reply"])
def test_an_argument_that_is_not_utf8_exits_2_with_one_sentence(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # a shell passes bytes that are not UTF-8 ($'\xa0\xa0 lol') to Python as lone surrogates, which the
    # encoder's tokenizer refused with a traceback
    bad = b"\xa0\xa0\xa0 lol you never listen".decode("utf-8", "surrogateescape")
    assert run([command, bad]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "openup: The " + ("draft" if command == "check" else "message") + \
        " given as an argument is not UTF-8 text."


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--nope", "hi"]) == 2


def test_demo_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["demo"]) == 0
    assert "Try instead" in capsys.readouterr().out


def test_import_of_cli_stays_light() -> None:
    code = (
        "import sys, openup.cli; openup.cli._register_all(); "
        "heavy = [m for m in ('onnxruntime', 'numpy', 'pandas', 'tokenizers') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
