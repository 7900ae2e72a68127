"""The report in headless Chromium: charts draw, numbers open their messages, nothing touches the network."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.analysis.helpers import conv

from openup.analysis import analyze, write_report

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"),
]


def _chat():  # type: ignore[no-untyped-def]
    rows = []
    for week in range(6):
        t = week * 7 * 24 * 60.0
        for k in range(4):
            rows += [("Sam", t, "I feel so lonely lately" if k == week % 4 else "what did your boss say?"),
                     ("Alex", t + 2, "you should just quit" if week % 2 else "that must have been hard"),
                     ("Alex", t + 3, "thank you so much"), ("Sam", t + 5, "guess what, I got the job"),
                     ("Alex", t + 6, "You're so lazy" if week in (2, 3) else "that is great"),
                     ("Alex", t + 40, "answer me"), ("Sam", t + 90, "ok <script>alert(1)</script>")]
            t += 300
    return conv(rows)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    a = analyze(_chat(), me="Alex", model=False)
    return write_report(a, tmp_path_factory.mktemp("report"))["report"]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _open(browser, report: Path):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: errors.append("dialog: " + d.message))
    page.goto(report.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


def test_charts_render_with_data(browser, report: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors, requests = _open(browser, report)
    charts = page.locator("svg.chart")
    assert charts.count() >= 5
    for cid in ("chart-messages", "chart-openness", "chart-ratio", "chart-bids", "chart-pursuit"):
        svg = page.locator(f"#{cid}")
        assert svg.count() == 1, cid
        assert svg.locator("circle").count() >= 6, cid  # one point per week at least
        assert svg.locator("polyline").count() >= 1, cid
        box = svg.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 80
    values = page.eval_on_selector_all("#chart-messages circle", "els => els.map(e => +e.dataset.v)")
    assert sum(values) == 6 * 4 * 7
    assert errors == []
    assert requests == [report.resolve().as_uri()]
    page.close()


def test_clicking_a_number_shows_its_messages(browser, report: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors, requests = _open(browser, report)
    assert page.locator("#panel").is_hidden()
    blob = json.loads(page.locator("#evidence").text_content() or "{}")
    button = page.locator('button.num[data-ev="ratio.critical.0"]').first
    expected = blob["lists"]["ratio.critical.0"]
    assert button.inner_text() == str(expected["n"]) == "8"
    button.click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert "Critical" in (page.locator("#panel-title").text_content() or "")
    msgs = panel.locator(".msg")
    assert msgs.count() == len(expected["ex"]) == 8
    assert all("You're so lazy" in t for t in msgs.all_inner_texts())
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    # a priority's evidence link and a chart point both open the panel
    page.locator("#priorities button.num").first.click()
    assert panel.locator(".msg").count() >= 1
    page.locator("#panel-close").click()
    page.locator("#chart-ratio circle[data-ev]").first.click()
    assert panel.is_visible() and panel.locator(".msg").count() >= 1
    # the week-by-week table is drawn by the script and its cells open their messages too
    page.keyboard.press("Escape")
    page.locator("#weekly summary").click()
    cell = page.locator('#weekly-body button[data-ev^="w.criticism.0."]').first
    assert cell.is_visible()
    cell.click()
    assert all("You're so lazy" in t for t in panel.locator(".msg").all_inner_texts())
    assert page.locator("#weekly-body tr").count() == 12  # 6 weeks x 2 people
    # message text is shown as text, never run as markup
    page.locator('button.num[data-ev="bids.made.1"]').first.click()
    assert page.locator("#panel script").count() == 0
    assert errors == []
    assert requests == [report.resolve().as_uri()]
    page.close()


def test_quick_exit_leaves_the_report(browser, report: Path) -> None:  # type: ignore[no-untyped-def]
    """Esc twice (or the button) replaces the report with a blank page; Back does not bring it back."""
    page = browser.new_page()
    page.goto("about:blank")
    page.goto(report.as_uri())
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("about:blank")
    assert page.evaluate("history.length") == 2
    page.goto(report.as_uri())
    page.click("#quick-exit")
    page.wait_for_url("about:blank")
    page.close()
