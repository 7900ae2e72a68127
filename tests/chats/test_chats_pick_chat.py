"""An account export with several chats: read one with `chat=`, and `analyze` asks which."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from openup.chats import load_chat
from openup.cli import main
from openup.errors import UserError


def _account(tmp_path: Path) -> Path:
    def chat(name: str, cid: int, other: str, texts: list[str]) -> dict[str, object]:
        msgs = []
        for i, t in enumerate(texts):
            who, wid = ("Alex", "user1") if i % 2 == 0 else (other, f"user{cid}")
            msgs.append({"id": i + 1, "type": "message", "date": f"2024-03-0{1 + i % 5}T10:0{i % 10}:00",
                         "date_unixtime": str(1709287200 + i * 60), "from": who, "from_id": wid, "text": t})
        return {"name": name, "type": "personal_chat", "id": cid, "messages": msgs}

    data = {
        "personal_information": {"user_id": 1, "first_name": "Alex"},
        "chats": {"list": [
            chat("Sam", 2, "Sam", ["hi Sam", "hey", "how was work?", "long day", "thank you for dinner", "anytime"]),
            chat("Kim", 3, "Kim", ["meeting at 3?", "yes", "ok"]),
        ]},
    }
    path = tmp_path / "result.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_chat_option_reads_one_chat(tmp_path: Path) -> None:
    path = _account(tmp_path)
    both = load_chat(path)
    assert {m.chat_id for m in both.messages} == {"2", "3"}
    sam = load_chat(path, chat="sam")
    assert {m.chat_id for m in sam.messages} == {"2"}
    assert len(sam.messages) == 6
    assert load_chat(path, chat="3").messages[0].text == "meeting at 3?"


def test_unknown_chat_names_the_chats(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"no chat called 'Jo'.*Sam, Kim"):
        load_chat(_account(tmp_path), chat="Jo")


def test_analyze_asks_which_chat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _account(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(["analyze", str(path), "--me", "Alex", "--out", str(tmp_path / "r"), "--no-model"])
    assert exc.value.code == 2
    assert "--chat" in capsys.readouterr().err
    with pytest.raises(SystemExit) as ok:
        main(["analyze", str(path), "--me", "Alex", "--chat", "Sam", "--out", str(tmp_path / "r"), "--no-model"])
    assert ok.value.code in (0, None)
    assert (tmp_path / "r" / "report.html").is_file()


def test_the_library_refuses_several_chats_in_its_own_words(tmp_path: Path) -> None:
    from openup.analysis import analyze
    from openup.errors import SeveralChats

    with pytest.raises(SeveralChats) as err:
        analyze(load_chat(_account(tmp_path)), me="Alex", model=False)
    assert err.value.count == 2 and "--" not in str(err.value)
