"""`openup safety` through `openup.cli.main`."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from tests.cli_run import run


def test_answers_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["safety", "--answers", "1,5,1,5,no", "--json", "--country", "US"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["total"], data["flagged"], data["level"]) == (12, True, "concern")
    assert data["resources"][0]["name"] == "National Domestic Violence Hotline"


def test_answers_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["safety", "--answers", "1,1,1,1,no"]) == 0
    out = capsys.readouterr().out
    assert "Score 4 of 20" in out and "not a diagnosis" in out


@pytest.mark.parametrize("answers", ["1,2,3", "1,2,3,9,no", "a,b,c,d,e", "1,2,3,4,perhaps", ""])
def test_bad_answers_exit_2(answers: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["safety", "--answers", answers]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("openup: ") and err.count("\n") == 0
    assert "Traceback" not in err


def test_text_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["safety", "--text", "I just want to die", "--json", "--country", "AU"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["level"] == "danger"
    assert data["reasons"][0]["kind"] == "self_harm"
    assert data["resources"][0]["kind"] == "crisis"
    assert data["resources"][0]["phone"] == "13 11 14"


def test_text_plain(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["safety", "--text", "he checks my phone every night", "--country", "GB"]) == 0
    out = capsys.readouterr().out
    assert "he checks my phone" in out and "0808 2000 247" in out
    assert run(["safety", "--text", "see you at six"]) == 0
    assert "Nothing in this text" in capsys.readouterr().out


def test_conflicting_or_missing_input_exit_2(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["safety", "--text", "hi", "--answers", "1,1,1,1,no"]) == 2
    assert run(["safety", "--text", "   "]) == 2
    assert run(["safety", "--country", "Narnia", "--answers", "1,1,1,1,no"]) == 2
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert run(["safety"]) == 2
    assert "--answers" in capsys.readouterr().err


def test_interactive_prompts(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    class TTY(io.StringIO):
        def isatty(self) -> bool:
            return True

    # A bad answer is asked again; the session still ends normally.
    monkeypatch.setattr(sys, "stdin", TTY("7\n2\n2\n1\n2\nno\n"))
    assert run(["safety", "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out[out.index("{"):])
    assert data["answers"] == {"hurt": 2, "insult": 2, "threaten": 1, "scream": 2, "fear": "no"}


def test_command_module_imports_lazily() -> None:
    code = "import sys, openup.commands.safety; print(sorted(m for m in sys.modules if 'openup.' in m))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    for heavy in ("openup.coach.safety", "openup.coach.screening"):
        assert heavy not in out


def test_one_safety_section_for_every_command_and_markup_stays_text(capsys: pytest.CaptureFixture[str]) -> None:
    """check, safety --text and the questionnaire share one renderer; a quoted message's [markup] is shown
    as typed, never interpreted."""
    from rich.console import Console

    from openup.commands.render import print_safety_section

    con = Console(record=True, width=80)
    print_safety_section(con, "danger", "[red]calm[/red] words", ["A threat (\u201c[bold]i will hurt you[/]\u201d)"])
    shown = con.export_text()
    assert "[bold]i will hurt you[/]" in shown and "[red]calm[/red]" in shown
    assert run(["safety", "--text", "he said i will hurt you if i leave", "--country", "GB"]) == 0
    text_out = capsys.readouterr().out
    assert run(["safety", "--answers", "2,3,4,3,yes", "--country", "GB"]) == 0
    screen_out = capsys.readouterr().out
    assert run(["check", "he said he will kill me if i leave", "--country", "GB", "--no-model"]) == 0
    check_out = capsys.readouterr().out
    for out in (text_out, screen_out, check_out):
        assert "Safety first" in out and "call 0808 2000 247" in out
