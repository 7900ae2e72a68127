"""The README's screenshots: every page of the web app at 375 px, with ordinary content, in Debian Chromium.

    .venv/bin/python scripts/screenshots.py      # writes docs/screenshots/*.png
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "docs" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
CHAT = ROOT / "tests" / "chats" / "fixtures"


def main() -> int:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from openup.practice import Journal
    from openup.web import create_app

    data = Path(tempfile.mkdtemp(prefix="openup-shots-"))
    with Journal(data) as j:
        j.set("start", (date.today() - timedelta(days=2)).isoformat())
        j.add("Thanked Sam for fixing the bike. Sam smiled and told me about the new job worries.",
              date.today() - timedelta(days=1), 4, model=False)
        j.add("Asked about the meeting instead of 'how was your day'. We talked for half an hour.",
              date.today() - timedelta(days=2), 3, model=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(port=port, data=data), host="127.0.0.1", port=port,
                                        log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    OUT.mkdir(parents=True, exist_ok=True)
    export = Path(data) / "WhatsApp Chat with Sam.txt"
    lines = []
    for week in range(8):
        for k in range(12):
            day = 1 + (week * 7 + k % 7) % 28
            lines.append(f"{day:02d}/{1 + week // 4:02d}/2024, 18:{k * 4:02d} - Alex: how did the meeting go?")
            lines.append(f"{day:02d}/{1 + week // 4:02d}/2024, 18:{k * 4 + 2:02d} - Sam: long, my boss was harsh again")
            lines.append(f"{day:02d}/{1 + week // 4:02d}/2024, 18:{k * 4 + 3:02d} - Alex: "
                         + ("that sounds exhausting, what did he say?" if week % 3 else "you always complain"))
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 375, "height": 800})
        page.goto(base + "/")
        page.fill("#draft", "You never listen to me. Calm down, it's not a big deal.")
        page.wait_for_selector("#marked mark")
        page.screenshot(path=str(OUT / "check-375.png"), full_page=True)
        page.fill("#draft", "he said he will kill me if i leave him")
        page.wait_for_selector("#safety:not([hidden])")
        page.screenshot(path=str(OUT / "check-safety-375.png"), full_page=True)
        page.goto(base + "/reply")
        page.fill("#message", "My boss yelled at me in front of everyone")
        page.click("#coach")
        page.wait_for_selector("#moves li")
        page.screenshot(path=str(OUT / "reply-375.png"), full_page=True)
        page.goto(base + "/chats")
        page.set_input_files("#file", str(export))
        page.fill("#me", "Alex")
        page.click("#upload button[type=submit]")
        page.wait_for_selector("#done:not([hidden])", timeout=60_000)
        page.screenshot(path=str(OUT / "chats-375.png"), full_page=True)
        page.goto(base + "/practice")
        page.screenshot(path=str(OUT / "practice-375.png"), full_page=True)
        page.goto(base + "/safety?country=GB")
        page.screenshot(path=str(OUT / "safety-375.png"), full_page=True)
        browser.close()
    srv.should_exit = True
    print(f"wrote {len(list(OUT.glob('*.png')))} screenshots to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
