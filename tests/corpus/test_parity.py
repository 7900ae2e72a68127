"""Same numbers as one at a time: every corpus row equals `openup analyze --json` on the same export."""

from __future__ import annotations

import csv
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from tests.cli_run import run
from tests.corpus.helpers import SAMPLES, sample_files

from openup.analysis.features import BIT
from openup.chats import load_chat
from openup.corpus import read_table, run_corpus
from openup.corpus.pseudonyms import load_salt, pseudonym
from openup.corpus.rows import WEEKLY_MEASURES

FILES = sample_files()


def _manifest(tmp: Path) -> tuple[Path, dict[int, tuple[Path, str]]]:
    """A manifest of every sample (copied beside it: a manifest reads only exports inside its folder),
    `me` its most active sender; line number -> (file, me)."""
    manifest = tmp / "manifest.csv"
    lines: dict[int, tuple[Path, str]] = {}
    with manifest.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["path", "me", "chat", "participant", "since"])
        for n, p in enumerate(FILES, 2):
            copy = tmp / "samples" / p.relative_to(SAMPLES)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, copy)
            me = load_chat(copy).people().most_common(1)[0][0]
            w.writerow([copy.relative_to(tmp).as_posix(), me, "", "", ""])
            lines[n] = (copy, me)
    return manifest, lines


def _single(path: Path, me: str, learned: bool, out: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    args = ["analyze", str(path), "--me", me, "--json", "--out", str(out), *([] if learned else ["--no-model"])]
    assert run(args) == 0
    return dict(json.loads(capsys.readouterr().out))


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return bool(a == b)
    return bool(a == pytest.approx(b, rel=1e-9, abs=1e-9))


@pytest.mark.skipif(not FILES, reason="no chat samples")
@pytest.mark.parametrize("learned", [False, True], ids=["lexical", "as-shipped"])
def test_corpus_rows_equal_single_runs(
    learned: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openup.text.detect import model_wanted

    if learned and not model_wanted(None):
        pytest.skip("the learned tier is not installed")
    manifest, lines = _manifest(tmp_path)
    out = tmp_path / "corpus"
    result = run_corpus(manifest, out, model=None if learned else False, processes=2)
    assert result.failed == 0 and result.done == len(FILES)
    assert result.tier == ("learned" if learned else "lexical")
    salt = load_salt(out)
    conversations = read_table(out, "conversations").to_pylist()
    weekly = read_table(out, "weekly").to_pylist()
    signals = read_table(out, "signals").to_pylist()
    assert len(conversations) == len(FILES)
    for row in conversations:
        path, me = lines[row["row"]]
        single = _single(path, me, learned, tmp_path / f"single-{row['row']}", capsys)
        s, m = single["summary"], single["measures"]
        assert row["me"] == pseudonym(salt, single["me"]) and row["partner"] == pseudonym(salt, single["partner"])
        assert row["platform"] == single["platform"]
        assert row["messages"] == s["messages"] and row["weeks"] == s["weeks"]
        for key in ("appreciation_to_criticism", "appreciation", "criticism", "partner_appreciation_to_criticism",
                    "turn_toward_pct", "partner_turn_toward_pct", "listened_pct", "small_wins", "safety_level",
                    "partner_depth_trend"):
            assert _close(row[key], s[key]), (path.name, key, row[key], s[key])
        assert row["pursue_withdraw_weeks"] == s["pursue_withdraw"]["cycle_weeks"]
        assert _close(row["pursue_withdraw_score"], s["pursue_withdraw"]["score"])
        if "openness" in m:
            assert _close(row["openness"], m["openness"]["people"][0]["openness"])
        assert [row[f"priority_{i}"] for i in (1, 2, 3)][: len(single["priorities"])] == [
            p["principle"] for p in single["priorities"]][:3]
        assert row["unmeasurable"] == sorted(single["limits"])
        # weekly: the same rows as metrics.json's, person as a pseudonym
        mine = sorted((r for r in weekly if r["conversation"] == row["conversation"]),
                      key=lambda r: (r["week"], r["role"]))
        theirs = sorted(single["weekly"], key=lambda r: (r["week"], 0 if r["person"] == single["me"] else 1))
        assert len(mine) == len(theirs)
        for a, b in zip(mine, theirs, strict=True):
            assert a["week"] == b["week"] and a["person"] == pseudonym(salt, b["person"])
            for col in WEEKLY_MEASURES:
                assert _close(a[col], b.get(col)), (path.name, a["week"], col)
        # signals: the counts of messages.csv's signal column, per person and kind
        counted: Counter[tuple[str, str]] = Counter()
        with (tmp_path / f"single-{row['row']}" / "messages.csv").open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                for kind in filter(None, r["signals"].split(";")):
                    if kind in BIT:
                        counted[(str(pseudonym(salt, r["sender"])), kind)] += 1
        got = {(r["person"], r["kind"]): r["messages"] for r in signals if r["conversation"] == row["conversation"]}
        assert {k: v for k, v in got.items() if v} == dict(counted)
        assert len(got) == len(BIT) * (2 if single["partner"] else 1)
