"""Hostile manifests: every export must lie inside the corpus's folder; a path that leads out of it is
its row's failure (kind `outside`) and is never opened; a manifest too large or malformed is one sentence."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from bench.bench_analyze import generate_chat
from tests.cli_run import run

from openup.corpus import plan, read_table, run_task
from openup.corpus import tasks as corpus_tasks


def _manifest(folder: Path, paths: list[str]) -> Path:
    manifest = folder / "manifest.csv"
    with manifest.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["path", "me"])
        w.writerows([p, "Alex"] for p in paths)
    return manifest


def test_paths_leading_out_of_the_manifest_folder_fail_unopened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "elsewhere").mkdir()
    secret = generate_chat(tmp_path / "elsewhere" / "secret.txt", 150, seed=3)  # a chat the manifest must not reach
    src = tmp_path / "src"
    src.mkdir()
    generate_chat(src / "chat.txt", 150, seed=4)
    (src / "sub").mkdir()
    os.symlink(secret, src / "link.txt")
    os.symlink(src / "chat.txt", src / "sub" / "inner.txt")  # a symlink that stays inside is fine
    manifest = _manifest(src, ["../elsewhere/secret.txt", str(secret), "link.txt", "sub/../../elsewhere/secret.txt",
                               "chat.txt", str(src / "chat.txt"), "sub/inner.txt", "/etc/hostname"])
    hashed: list[Path] = []
    real_hash = corpus_tasks.content_hash
    monkeypatch.setattr(corpus_tasks, "content_hash", lambda p: hashed.append(p) or real_hash(p))
    out = tmp_path / "out"
    tasks = plan(manifest, out, model=False, keep_text=True)
    assert not [p for p in hashed if "elsewhere" in str(p.resolve()) or "etc" in p.parts]
    outcomes = {t.entry.row: run_task(t) for t in tasks}
    kinds = {row: o.kind or o.status for row, o in outcomes.items()}
    # chat.txt, its absolute path and the inside symlink are one export (one key): analysed once, on row 6
    assert kinds == {2: "outside", 3: "outside", 4: "outside", 5: "outside", 6: "done", 9: "outside"}, kinds
    failures = read_table(out, "failures").to_pylist()
    assert all("lies outside" in f["reason"] for f in failures) and len(failures) == 5
    assert not read_table(out, "messages").to_pylist() or all(
        r["conversation"] == outcomes[6].key for r in read_table(out, "messages").to_pylist())


def test_a_symlink_out_of_a_folder_of_exports_fails(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    secret = generate_chat(tmp_path / "elsewhere" / "secret.txt", 120, seed=5)
    src = tmp_path / "src"
    src.mkdir()
    generate_chat(src / "chat.txt", 120, seed=6)
    os.symlink(secret, src / "link.txt")
    tasks = plan(src, tmp_path / "out", me="Alex", model=False)
    kinds = {t.entry.shown: run_task(t).kind for t in tasks}
    assert kinds == {"chat.txt": None, "link.txt": "outside"}
    reason = read_table(tmp_path / "out", "failures").column("reason").to_pylist()
    assert reason == ["This export lies outside the corpus folder (the manifest's folder); it was not read."]


def test_malformed_manifests(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "out")
    big = tmp_path / "big.csv"
    big.write_text("path,me\n" + "a" * 200_000 + ",Alex\n", encoding="utf-8")
    assert run(["corpus", str(big), "--out", out]) == 2
    err = capsys.readouterr().err
    assert "not a readable CSV" in err and len(err.strip().splitlines()) == 1
    nul = tmp_path / "nul.csv"
    nul.write_text("path,me\na\0b.txt,Alex\n", encoding="utf-8")
    tasks = plan(nul, tmp_path / "out2", model=False)
    assert [run_task(t).reason for t in tasks] == ["This export does not exist; check its path."]


def test_a_manifest_of_too_many_rows_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from openup.corpus import manifest as corpus_manifest

    monkeypatch.setattr(corpus_manifest, "MAX_ROWS", 3)
    many = _manifest(tmp_path, [f"chat{i}.txt" for i in range(4)])
    assert run(["corpus", str(many), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "has more than 3 rows" in err and len(err.strip().splitlines()) == 1
    assert len(corpus_manifest.read_manifest(_manifest(tmp_path, [f"chat{i}.txt" for i in range(3)]))) == 3
