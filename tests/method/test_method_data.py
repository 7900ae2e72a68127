"""The method is data: its files are checked when loaded, and a kind added with a group is counted by every
measure of that group without touching code."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import openup
import openup.method as method
from openup.method import MethodError

PACKAGE = Path(openup.__file__).resolve().parent


@pytest.fixture()
def edited(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, dict[str, Any]]]:
    """The parsed method files, editable by the test; the caches are cleared before and after."""
    names = ("signals.toml", "principles.toml", "safety.toml", "rewrites.toml")
    files = {name: copy.deepcopy(method.read_data(name)) for name in names}
    caches = (method.principles, method.kinds, method.groups, method.group, method.references, method.safety_wording,
              method.rewrite_table)

    def clear() -> None:
        for fn in caches:
            fn.cache_clear()

    clear()
    monkeypatch.setattr(method, "read_data", lambda name: files[name])
    yield files
    clear()


def test_shipped_method_loads() -> None:
    assert method.KIND_NAMES[0] == "criticism" and len(method.KIND_NAMES) == 25
    assert method.group("harsh") == ("criticism", "contempt", "dismissal")
    assert set(method.group("safety")) == method.SAFETY_KINDS
    assert method.references().appreciation_to_criticism == 5.0
    assert "give-room" in method.safety_wording().withheld_principles
    for name, kind in method.kinds().items():
        assert kind.groups, name


def test_a_kind_without_a_group_fails_at_load(edited: dict[str, dict[str, Any]]) -> None:
    edited["signals.toml"]["kind"]["apology"]["groups"] = []
    with pytest.raises(MethodError, match="'apology' belongs to no group"):
        method.kinds()


def test_an_undeclared_group_fails_at_load(edited: dict[str, dict[str, Any]]) -> None:
    edited["signals.toml"]["kind"]["apology"]["groups"] = ["polite", "sweet"]
    with pytest.raises(MethodError, match=r"group\(s\) \['sweet'\] are not declared"):
        method.kinds()


def test_an_unknown_key_fails_at_load(edited: dict[str, dict[str, Any]]) -> None:
    edited["signals.toml"]["kind"]["criticism"]["severty"] = 3
    with pytest.raises(MethodError, match=r"unknown key\(s\) \['severty'\]"):
        method.kinds()


def test_a_missing_principle_fails_at_load(edited: dict[str, dict[str, Any]]) -> None:
    edited["signals.toml"]["kind"]["criticism"]["principle"] = "no-crit"
    with pytest.raises(MethodError, match="unknown principle 'no-crit'"):
        method.kinds()


def test_a_safety_kind_needs_its_level(edited: dict[str, dict[str, Any]]) -> None:
    del edited["signals.toml"]["kind"]["threat"]["level"]
    with pytest.raises(MethodError, match="safety kind needs level"):
        method.kinds()


def test_safety_wording_names_known_principles(edited: dict[str, dict[str, Any]]) -> None:
    edited["safety.toml"]["withheld_principles"] = ["give-room", "be-nice"]
    with pytest.raises(MethodError, match="be-nice"):
        method.safety_wording()


def test_references_are_checked(edited: dict[str, dict[str, Any]]) -> None:
    del edited["principles.toml"]["reference"]["turn_toward_split"]
    with pytest.raises(MethodError, match="turn_toward_split"):
        method.references()


CHAT = """\
04/03/2024, 09:00 - Alex: I feel so scared about my exam tomorrow, I have been anxious all week
04/03/2024, 09:02 - Sam: wow what a snollygoster thing to say
04/03/2024, 09:05 - Alex: thank you for listening
04/03/2024, 09:06 - Sam: you snollygoster
"""


def test_a_new_kind_in_a_group_is_counted_by_that_groups_measures(tmp_path: Path) -> None:
    """A copy of the package with one kind added only in data (signals.toml and a pattern file): the ratio,
    the report and metrics.json count it with the other harsh kinds."""
    pkg = tmp_path / "site" / "openup"
    big = {".onnx", ".npz", ".so"}
    shutil.copytree(PACKAGE, pkg, ignore=shutil.ignore_patterns("__pycache__", *(f"*{x}" for x in big)))
    for path in PACKAGE.rglob("*"):
        if path.suffix in big:
            (pkg / path.relative_to(PACKAGE)).symlink_to(path)
    signals = pkg / "method" / "signals.toml"
    signals.write_text(signals.read_text(encoding="utf-8") + """
[kind.scorn]
principle = "no-criticism"
polarity = "hurts"
groups = ["hurtful", "harsh", "listen_bad", "unfit_reply"]
severity = 4
label = "scorn"
advice = "Scorn tells your partner that sharing gets punished."
""", encoding="utf-8")
    (pkg / "text" / "patterns" / "scorn.toml").write_text(
        'kind = "scorn"\nscore = 0.9\n\n[[pattern]]\nid = "word"\nre = \'\'\'\\bsnollygoster\\b\'\'\'\n',
        encoding="utf-8")
    chat = tmp_path / "WhatsApp Chat with Sam.txt"
    chat.write_text(CHAT, encoding="utf-8")
    out = tmp_path / "report"
    env = {**os.environ, "PYTHONPATH": str(pkg.parent)}
    code = ("import sys, openup, openup.cli; assert openup.__file__.startswith(sys.argv[1]); "
            "sys.argv = ['openup', *sys.argv[2:]]; openup.cli.main()")
    done = subprocess.run([sys.executable, "-c", code, str(pkg), "analyze", str(chat), "--me", "Sam",
                           "--no-model", "--out", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    sam = metrics["measures"]["appreciation"]["people"][0]
    assert sam["scorn"] == 2 and sam["critical_messages"] == 2
    assert metrics["measures"]["listening"]["harmful_moves"]["scorn"] == 1  # Sam's answer to Alex's rough day
    assert "Messages with scorn" in (out / "report.html").read_text(encoding="utf-8")


def test_an_unknown_table_in_a_method_file_fails_at_load() -> None:
    method.check_top_level("replies.toml", {"move": {}, "avoid": []})
    with pytest.raises(MethodError, match=r"replies.toml: unknown table\(s\) \['moves'\]"):
        method.check_top_level("replies.toml", {"moves": {}})


def test_rewrites_name_kinds_that_hurt(edited: dict[str, dict[str, Any]]) -> None:
    edited["rewrites.toml"]["kind"]["appreciation"] = {"templates": ["Thanks!"]}
    with pytest.raises(MethodError, match="'appreciation' is not a kind that hurts"):
        method.rewrite_table()
