"""The progress bar: on standard error, only when it is a terminal; never in standard output or --json."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from rich.console import Console

from openup.chats import load_chat
from openup.commands.progress import Bar, progress_bar
from openup.evaluation import evaluate

ROOT = Path(__file__).resolve().parents[2]
CHAT = "".join(
    f"{1 + d:02d}/03/2024, 09:{m:02d} - {'Alex' if m % 2 else 'Sam'}: how was your day? {d} {m}\n"
    for d in range(20) for m in range(30)
)


def _terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=120), out


def test_no_terminal_no_bar() -> None:
    out = io.StringIO()
    with progress_bar(Console(file=out)) as bar:
        assert not bar.active
        assert bar.bytes_read("Reading") is None and bar.stages({}) is None and bar.steps("x") is None
        assert bar.outcomes("Conversations", 3, "conversations") is None
        bar.stage("Reading", total=10, unit="messages")
        bar.update(5)
    assert out.getvalue() == ""


def test_on_a_terminal_it_shows_counts_rate_and_time_left() -> None:
    con, out = _terminal()
    with progress_bar(con) as bar:
        update = bar.stages({"detect": ("Reading messages", "messages")})
        assert update is not None
        for done in range(0, 30_001, 1_000):
            update("detect", done, 30_000)
    shown = out.getvalue()
    assert "Reading messages" in shown and "30,000/30,000 messages" in shown
    assert "messages/s" in shown and " left" in shown


def test_corpus_outcomes_count_conversations_messages_and_failures() -> None:
    con, out = _terminal()
    with progress_bar(con) as bar:
        done = bar.outcomes("Conversations", 3, "conversations")
        assert done is not None
        done(1_200, False)
        done(0, True)
        done(800, False)
        assert bar._progress is not None and bar._progress.tasks[0].completed == 3
    shown = out.getvalue()
    assert "3/3 conversations" in shown and "messages/s" in shown and "1 failed" in shown


def test_bytes_never_go_back() -> None:
    con, out = _terminal()
    bar = Bar(con).start()
    read = bar.bytes_read("Reading chat.txt")
    assert read is not None
    read(3_000_000, 4_000_000)
    read(1_000_000, 4_000_000)  # the file opened again from its start
    assert bar._progress is not None and bar._progress.tasks[0].completed == 3_000_000
    bar.stop()
    assert "MB" in out.getvalue()


@pytest.mark.parametrize("kind", ["txt", "zip", "csv"])
def test_load_chat_reports_the_bytes_it_reads_and_reads_the_same(kind: str, tmp_path: Path) -> None:
    if kind == "zip":
        path = tmp_path / "chat.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("_chat.txt", CHAT)
        size = len(CHAT.encode())
    else:
        path = tmp_path / ("chat.txt" if kind == "txt" else "chat.csv")
        text = CHAT if kind == "txt" else "timestamp,sender,text\n" + "".join(
            f"2024-03-{1 + i % 20:02d}T09:{i % 60:02d}:00,{'Alex' if i % 2 else 'Sam'},hi {i}\n" for i in range(600))
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size
    seen: list[tuple[int, int]] = []
    conv = load_chat(path, progress=lambda done, total: seen.append((done, total)))
    plain = load_chat(path)
    assert [m.text for m in conv.messages] == [m.text for m in plain.messages]
    assert seen and all(total == size for _, total in seen) and max(d for d, _ in seen) == size


def test_evaluation_steps_count_up_to_their_total() -> None:
    seen: list[tuple[str, int, int]] = []
    evaluate(None, limit=5, model=False, progress=lambda what, done, total: seen.append((what, done, total)))
    assert seen[-1][0] == "done" and seen[-1][1] == seen[-1][2] > 0
    assert [d for _, d, _ in seen] == sorted(d for _, d, _ in seen)
    assert all(d <= t for _, d, t in seen)


def _openup(args: list[str], cwd: Path, stderr_tty: bool) -> tuple[int, str, bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "100", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    if not stderr_tty:
        done = subprocess.run([sys.executable, "-m", "openup", *args], cwd=cwd, env=env, capture_output=True,
                              timeout=300, stdin=subprocess.DEVNULL)
        return done.returncode, done.stdout.decode(), done.stderr
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "openup", *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    err = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            err += chunk
        elif proc.poll() is not None:
            break
    os.close(master)
    assert proc.stdout is not None
    out = proc.stdout.read().decode()
    return proc.wait(timeout=300), out, err


@pytest.mark.slow
@pytest.mark.parametrize("stderr_tty", [False, True], ids=["piped", "terminal"])
def test_commands_keep_progress_off_stdout(stderr_tty: bool, tmp_path: Path) -> None:
    (tmp_path / "chat.txt").write_text(CHAT, encoding="utf-8")
    code, out, err = _openup(["analyze", "chat.txt", "--me", "Alex", "--no-model", "--json"], tmp_path, stderr_tty)
    assert code == 0, err
    assert json.loads(out)["summary"]["messages"] == 600  # stdout is the JSON and nothing else
    code, out2, err2 = _openup(["import", "chat.txt"], tmp_path, stderr_tty)
    assert code == 0 and out2.startswith("platform: whatsapp") and "\x1b" not in out2
    if stderr_tty:
        for shown in (err, err2):
            assert b"Reading chat.txt" in shown and b" left" in shown
        assert b"Reading messages" in err and b"600/600 messages" in err and b"Measuring" in err
    else:
        assert err == b"" and err2 == b""
