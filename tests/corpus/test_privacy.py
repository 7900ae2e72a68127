"""Privacy by default: names are salted pseudonyms, the salt stays in DIR/.salt (0600), no message text in
any output unless --keep-text; the corpus report is escaped by construction under a strict CSP."""

from __future__ import annotations

import csv
import re
import shutil
import stat
import zipfile
from html import unescape
from pathlib import Path

import pyarrow as pa
import pytest
from tests.corpus.helpers import make_corpus

from openup.chats import load_chat
from openup.corpus import plan, read_table, run_corpus, run_task
from openup.corpus.pseudonyms import load_salt, pseudonym
from openup.corpus.report import histogram, write_corpus_report
from openup.corpus.writers import TABLES, write_rows


def _strings(out: Path) -> list[str]:
    cells: list[str] = []
    for table in TABLES:
        t = read_table(out, table)
        for col in t.columns:
            if pa.types.is_string(col.type):
                cells += [v for v in col.to_pylist() if v]
            elif pa.types.is_list(col.type):
                cells += [v for vs in col.to_pylist() if vs for v in vs]
    return cells


def test_no_names_no_text_no_salt_in_outputs(tmp_path: Path) -> None:
    src = tmp_path / "src"
    manifest = make_corpus(src, chats=4)
    out = tmp_path / "out"
    run_corpus(manifest, out, model=False, processes=2)
    salt_file = out / ".salt"
    assert stat.S_IMODE(salt_file.stat().st_mode) == 0o600
    salt = load_salt(out)
    texts = {m.text for p in sorted(src.glob("chat*.txt")) for m in load_chat(p).messages if len(m.text) > 12}
    cells = _strings(out)
    assert cells and not any(c in texts for c in cells)
    assert not any(re.search(r"\b(Alex|Sam)\b", c) for c in cells)
    assert pseudonym(salt, "Alex") in cells and pseudonym(salt, "Sam") in cells
    html = (out / "report.html").read_text(encoding="utf-8")
    every = [html, *(p.read_bytes().decode("latin-1") for p in out.rglob("*.parquet"))]
    assert not any(salt.hex() in x or "Alex" in x or "Sam" in x for x in every)
    # the same salt and so the same pseudonyms on a rerun into the same folder; another folder, another salt
    assert load_salt(out) == salt
    assert pseudonym(load_salt(tmp_path / "other"), "Alex") != pseudonym(salt, "Alex")


def test_keep_text_writes_the_messages(tmp_path: Path) -> None:
    manifest = make_corpus(tmp_path / "src", chats=2)
    out = tmp_path / "out"
    run_corpus(manifest, out, model=False, keep_text=True, processes=1)
    msgs = read_table(out, "messages").to_pylist()
    conv = read_table(out, "conversations").to_pylist()
    assert len(msgs) == sum(r["messages"] for r in conv)
    assert all(m["text"] is not None for m in msgs) and {m["role"] for m in msgs} == {"me", "partner"}
    assert {r["file"] for r in conv} == {"chat00.txt", "chat01.txt"}
    salt = load_salt(out)
    assert {m["person"] for m in msgs} == {pseudonym(salt, "Alex"), pseudonym(salt, "Sam")}


def test_corpus_report_draws_references_and_escapes(tmp_path: Path) -> None:
    manifest = make_corpus(tmp_path / "src", chats=6)
    out = tmp_path / "out"
    run_corpus(manifest, out, model=False, processes=2, report=False)
    # a hostile value in a table is shown as text, never as markup
    write_rows(out, "failures", "f" * 32, [{"conversation": "f" * 32, "file": "<img src=x onerror=alert(1)>",
                                           "row": 1, "kind": "<script>alert(1)</script>", "reason": "x"}])
    html = write_corpus_report(out).read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    policy = unescape(csp.group(1)) if csp else ""
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy and "script-src 'sha256-" in policy
    assert "<script>" not in html  # the only script block is the data, as JSON
    assert "about 5 to 1" in html and "stayed together: about 86%" in html and "split: about 33%" in html
    assert "no published reference" in html and html.count('class="bar"') >= 4
    conv = read_table(out, "conversations")
    measured = [v for v in conv.column("turn_toward_pct").to_pylist() if v is not None]
    assert sum(histogram(measured, [float(x) for x in range(0, 101, 10)]).counts) == len(measured)
    assert f"{len(measured)} couples measured" in html


def test_histogram_bins() -> None:
    h = histogram([0, 0.4, 1, 5, 5, 30], [0, 1, 5, 10], open_end=True)
    assert h.counts == (2, 1, 3) and h.label(2) == "5+"
    assert histogram([100.0, 101.0], [0, 50, 100]).counts == (0, 1)


def _hostile_exports(src: Path) -> Path:
    """Exports that fail, each with a name in what a parser would quote: the file's name, a zip's and a
    folder's members, the `chat` and `since` cells."""
    from bench.bench_analyze import generate_chat

    src.mkdir()
    chat = generate_chat(src / "chat.txt", 120, seed=7)
    (src / "WhatsApp Chat with Samantha.txt").write_text("not a chat at all\n" * 20, encoding="utf-8")
    (src / "Samantha.txt").write_text("", encoding="utf-8")
    with zipfile.ZipFile(src / "two.zip", "w") as z:
        z.write(chat, "WhatsApp Chat with Samantha.txt")
        z.write(chat, "WhatsApp Chat with Jordan.txt")
    (src / "Jordan").mkdir()
    for who in ("Samantha", "Jordan"):
        shutil.copy(chat, src / "Jordan" / f"WhatsApp Chat with {who}.txt")
    manifest = src / "manifest.csv"
    rows = [["path", "me", "since", "chat"], ["WhatsApp Chat with Samantha.txt", "Alex", "", ""],
            ["Samantha.txt", "Alex", "", ""], ["two.zip", "Alex", "", ""], ["Jordan", "Alex", "", ""],
            ["Samantha gone.txt", "Alex", "", ""], ["chat.txt", "Alex", "Samantha", ""]]
    with manifest.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return manifest


@pytest.mark.parametrize("keep_text", [False, True], ids=["default", "keep-text"])
def test_failure_reasons_quote_no_file_member_or_value(tmp_path: Path, keep_text: bool) -> None:
    manifest = _hostile_exports(tmp_path / "src")
    out = tmp_path / "out"
    outcomes = [run_task(t) for t in plan(manifest, out, model=False, keep_text=keep_text)]
    assert [o.status for o in outcomes] == ["failed"] * 6
    reasons = [f["reason"] for f in read_table(out, "failures").to_pylist()]
    assert len(reasons) == 6 and all(r.endswith(".") for r in reasons)
    leaks = [r for r in reasons if re.search(r"Samantha|Jordan|src", r)]
    if keep_text:  # the parser's own sentence, as `openup analyze` says it
        assert len(leaks) == 6, reasons
    else:
        assert not leaks, leaks
        assert set(reasons) >= {"This export is empty.", "This export does not exist; check its path.",
                                "This export holds several chats; name the one to analyse in `chat`."}
