"""The web app's contract: same JSON as the CLI, a CSRF token on every POST, its own Host only."""

from __future__ import annotations

import json

import httpx
import pytest
from tests.web.conftest import csrf_token

from openup.coach.listen import reply
from openup.coach.review import check


def test_pages_answer_with_strict_headers(server: str) -> None:
    for path in ("/", "/reply", "/safety", "/safety?country=GB", "/n"):
        res = httpx.get(server + path)
        assert res.status_code == 200, path
        csp = res.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert res.headers["x-frame-options"] == "DENY"


def test_check_and_reply_answer_what_the_cli_answers(server: str) -> None:
    token = csrf_token(server)
    draft = "You never listen to me. Calm down."
    got = httpx.post(server + "/api/check", json={"text": draft, "country": "GB"}, headers={"X-CSRF-Token": token})
    assert got.status_code == 200 and got.json() == json.loads(json.dumps(check(draft, country="GB").to_dict()))
    said = "My boss yelled at me in front of everyone"
    got = httpx.post(server + "/api/reply", json={"text": said}, headers={"X-CSRF-Token": token})
    assert got.status_code == 200 and got.json() == json.loads(json.dumps(reply(said).to_dict()))


def test_safety_changes_the_answer(server: str) -> None:
    token = csrf_token(server)
    got = httpx.post(server + "/api/check", json={"text": "he said he will kill me if i leave", "country": "GB"},
                     headers={"X-CSRF-Token": token}).json()
    assert got["safety"]["level"] == "danger" and got["safety"]["resources"]
    screen = httpx.post(server + "/api/safety/screen", json={"answers": [1, 2, 1, 2, "yes"], "country": "GB"},
                        headers={"X-CSRF-Token": token}).json()
    assert screen["flagged"] is True


@pytest.mark.parametrize("headers", [{}, {"X-CSRF-Token": "forged"}])
def test_a_post_without_the_token_is_refused(server: str, headers: dict[str, str]) -> None:
    res = httpx.post(server + "/api/check", json={"text": "hi"}, headers={"Origin": "https://evil.example", **headers})
    assert res.status_code == 403


def test_a_foreign_host_is_refused(server: str) -> None:
    """DNS rebinding: a page on evil.example that resolves to 127.0.0.1 still sends its own Host."""
    port = server.rsplit(":", 1)[1]
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}"):
        assert httpx.get(server + "/", headers={"Host": host}).status_code == 421
    assert httpx.get(server + "/", headers={"Host": f"localhost:{port}"}).status_code == 200


def test_bad_input_gets_one_sentence(server: str) -> None:
    token = csrf_token(server)
    for body in ({"text": ""}, {"text": 5}, {"nothing": 1}, {"text": "x" * 25_000}):
        res = httpx.post(server + "/api/check", json=body, headers={"X-CSRF-Token": token})
        assert res.status_code == 400
        error = res.json()["error"]
        assert error.endswith(".") and "\n" not in error and "Traceback" not in error
    res = httpx.post(server + "/api/check", content=b"{not json", headers={"X-CSRF-Token": token})
    assert res.status_code == 400 and res.json()["error"] == "The request was not JSON."


def test_a_mixed_draft_is_read_on_its_english_part(server: str) -> None:
    token = csrf_token(server)
    draft = "You never listen to me. Je ne sais pas quoi faire."
    got = httpx.post(server + "/api/check", json={"text": draft}, headers={"X-CSRF-Token": token})
    assert got.status_code == 200
    data = got.json()
    assert data["unread"] == [{"start": 24, "end": 50, "text": "Je ne sais pas quoi faire.", "reason": "not English"}]
    assert data["signals"][0]["kind"] == "criticism" and data["signals"][0]["end"] <= 22
    french = httpx.post(server + "/api/check", json={"text": "Je suis fatigué. Je ne sais pas quoi faire."},
                        headers={"X-CSRF-Token": token})
    assert french.status_code == 400
    assert "English" in french.json()["error"] and french.json()["error"].endswith(".")
