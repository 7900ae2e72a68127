"""The optional LLM backend, against a fake OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from openup.coach import llm as llm_mod
from openup.coach.listen import reply
from openup.coach.llm import LLMClient, client_from_config, generate_checked, is_loopback, notify_if_remote
from openup.coach.rewrite import rewrite_candidates
from openup.errors import UserError


class FakeLLM:
    """Answers each chat request with the next scripted answer (repeating the last)."""

    def __init__(self) -> None:
        self.answers: list[str] = ["It sounds like that was hard."]
        self.delay = 0.0
        self.requests: list[dict[str, Any]] = []
        self.status = 200

    def next_answer(self) -> str:
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


@pytest.fixture
def fake() -> Iterator[tuple[FakeLLM, str]]:
    state = FakeLLM()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            state.requests.append(
                {
                    "path": self.path,
                    "body": json.loads(self.rfile.read(length)),
                    "auth": self.headers.get("Authorization"),
                }
            )
            if state.delay:
                time.sleep(state.delay)
            if state.status != 200:
                self.send_response(state.status)
                self.end_headers()
                return
            body = json.dumps(
                {"choices": [{"message": {"role": "assistant", "content": state.next_answer()}}]}
            )
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


def test_good_answer_is_accepted(fake: tuple[FakeLLM, str]) -> None:
    state, url = fake
    state.answers = [
        "It sounds like your boss yelled at you, and that left you feeling humiliated.",
        "It makes sense that you'd feel humiliated after that.",
        "What do you think was going on for your boss?",
    ]
    result = reply("My boss yelled at me in front of everyone.", llm=LLMClient(url, "fake", api_key="k"))
    assert [s.source for s in result.suggestions] == ["llm", "llm", "llm"]
    assert result.suggestion("reflect").text.endswith("humiliated.")  # type: ignore[union-attr]
    assert not result.notes
    req = state.requests[0]
    assert req["path"] == "/v1/chat/completions"
    assert req["body"]["model"] == "fake"
    assert req["auth"] == "Bearer k"


def test_bad_answer_is_rejected_retried_then_template(fake: tuple[FakeLLM, str]) -> None:
    state, url = fake
    state.answers = ["You should just quit that job.", "You're overreacting, calm down."]
    client = LLMClient(url, "fake")
    result = reply("My boss yelled at me in front of everyone.", llm=client)
    assert all(s.source == "template" for s in result.suggestions)
    assert len(state.requests) == 6  # each move: one try and one retry
    assert any("rejected" in n and "advice" in n for n in result.notes)
    assert any("dismissal" in n for n in result.notes)


def test_retry_can_succeed(fake: tuple[FakeLLM, str]) -> None:
    state, url = fake
    state.answers = [
        "At least you still have a job.",
        "It sounds like you felt embarrassed in front of everyone.",
    ]
    got = generate_checked(LLMClient(url, "fake"), [{"role": "user", "content": "x"}])
    assert got.text == "It sounds like you felt embarrassed in front of everyone."
    assert got.attempts == 2


def test_timeout_falls_back_with_a_note(fake: tuple[FakeLLM, str]) -> None:
    state, url = fake
    state.delay = 1.0
    start = time.perf_counter()
    result = reply("My boss yelled at me today.", llm=LLMClient(url, "fake", timeout=0.2))
    assert time.perf_counter() - start < 3.5
    assert all(s.source == "template" for s in result.suggestions)
    assert any("did not answer within" in n for n in result.notes)


def test_server_error_and_unreachable_fall_back(fake: tuple[FakeLLM, str]) -> None:
    state, url = fake
    state.status = 500
    result = reply("My boss yelled at me today.", llm=LLMClient(url, "fake"))
    assert any("HTTP 500" in n for n in result.notes)
    result = reply("My boss yelled at me today.", llm=LLMClient("http://127.0.0.1:9/v1", "fake", timeout=0.5))
    assert all(s.source == "template" for s in result.suggestions)
    assert result.notes


def test_rewrite_uses_a_clean_llm_answer_first(
    fake: tuple[FakeLLM, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    state, url = fake
    monkeypatch.setenv("OPENUP_LLM_URL", url)
    monkeypatch.setenv("OPENUP_LLM_MODEL", "fake")
    state.answers = ["When the dishes pile up, I feel tired and alone. Could we share them?"]
    assert rewrite_candidates("You're so lazy, you left the dishes again")[0].startswith(
        "When the dishes pile up"
    )
    state.answers = ["You're so lazy."]
    out = rewrite_candidates("You're so lazy, you left the dishes again")
    assert out and "lazy" not in out[0]


def test_config_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENUP_LLM_URL", raising=False)
    monkeypatch.delenv("OPENUP_LLM_MODEL", raising=False)
    assert client_from_config({}) is None
    c = client_from_config({"llm": {"url": "http://127.0.0.1:11434/v1", "model": "llama3.2"}})
    assert c is not None and c.model == "llama3.2" and c.local
    cfg = tmp_path / "config.toml"
    cfg.write_text('[llm]\nurl = "http://localhost:8080/v1"\nmodel = "m"\n')
    monkeypatch.setenv("OPENUP_CONFIG", str(cfg))
    c = client_from_config()
    assert c is not None and c.url == "http://localhost:8080/v1"
    monkeypatch.setenv("OPENUP_LLM_URL", "http://127.0.0.1:1/v1")
    monkeypatch.setenv("OPENUP_LLM_MODEL", "env-model")
    monkeypatch.setenv("OPENUP_LLM_API_KEY", "secret")
    c = client_from_config()
    assert c is not None and (c.url, c.model, c.api_key) == ("http://127.0.0.1:1/v1", "env-model", "secret")
    monkeypatch.delenv("OPENUP_LLM_MODEL")
    cfg.write_text("")
    with pytest.raises(UserError):
        client_from_config()
    monkeypatch.setenv("OPENUP_LLM_URL", "off")
    assert client_from_config() is None


def test_off_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OPENUP_LLM_URL", raising=False)
    monkeypatch.setenv("OPENUP_CONFIG", str(tmp_path / "none.toml"))
    result = reply("My boss yelled at me today.")
    assert all(s.source == "template" for s in result.suggestions)


def test_non_loopback_notice_is_printed_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert is_loopback("http://127.0.0.1:8080/v1") and is_loopback("http://localhost/v1")
    assert is_loopback("http://[::1]:8000/v1")
    assert not is_loopback("https://api.example.com/v1")
    llm_mod._notified.clear()
    notify_if_remote("https://api.example.com/v1")
    notify_if_remote("https://api.example.com/v1")
    notify_if_remote("http://127.0.0.1:1/v1")
    err = capsys.readouterr().err
    assert err.count("not this machine") == 1
    assert "api.example.com" in err


def test_same_answer_twice_is_not_asked_a_third_time(fake: tuple[FakeLLM, str]) -> None:
    state, url = fake
    state.answers = ["You should just quit.", "You should just quit.", "It sounds like that hurt."]
    got = generate_checked(LLMClient(url, "fake"), [{"role": "user", "content": "x"}], retries=2)
    assert got.text is None
    assert len(state.requests) == 2  # the repeat shows the server is deterministic: no third try
    assert got.note is not None and "advice" in got.note


def test_suggestion_that_echoes_the_partner_or_repeats_itself_is_rejected(fake: tuple[FakeLLM, str]) -> None:
    state, url = fake
    said = "My boss yelled at me in front of everyone today."
    state.answers = [
        # speaks as the partner: repeats their own first-person words
        "My boss yelled at me in front of everyone today. It makes sense that you'd feel embarrassed.",
        "It makes sense that you'd feel embarrassed. It makes sense that you'd feel embarrassed.",
    ]
    result = reply(said, llm=LLMClient(url, "fake"))
    validate = next(s for s in result.suggestions if s.move == "validate")
    assert validate.source == "template"
    assert any("partner's own words" in n or "repeated itself" in n for n in result.notes)
