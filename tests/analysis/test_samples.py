"""End to end on every real chat sample in /work/shared/chatsamples: load, analyse, write the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from openup.analysis import analyze, write_report
from openup.errors import UserError

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "chatsamples"
FILES = sorted(
    p for p in SAMPLES.rglob("*")
    if p.is_file() and p.suffix in (".txt", ".json") and p.name != "target.json"
) if SAMPLES.is_dir() else []
MUST_WORK = ("whatsapp", "telegram")


@pytest.mark.skipif(not FILES, reason=f"no chat samples at {SAMPLES}")
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_sample_end_to_end(path: Path, tmp_path: Path) -> None:
    from openup.chats import load_chat

    kinds = ("whatsapp", "telegram", "instagram", "signal")
    platform = next((k for k in kinds if k in str(path).lower()), "")
    try:
        conv = load_chat(path)
    except (NotImplementedError, ImportError) as exc:
        if platform in MUST_WORK:
            raise
        pytest.skip(f"{platform or path.suffix} parser not available yet: {exc}")
    people = [p for p, _ in conv.people().most_common()]
    assert people, "every sample has at least one sender"
    a = analyze(conv, me=people[0], model=False)
    paths = write_report(a, tmp_path)
    html = paths["report"].read_text(encoding="utf-8")
    metrics = json.loads(paths["metrics"].read_text(encoding="utf-8"))
    assert metrics["me"] == people[0]
    assert metrics["summary"]["messages"] == len(a.timeline) > 0
    assert sum(r["messages"] for r in metrics["weekly"]) == metrics["summary"]["messages"]
    assert "<header>" in html and 'id="evidence"' in html
    lines = paths["messages"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(a.timeline) + 1
    if len(people) > 2:
        assert a.partner == people[1] and any("group chat" in n for n in a.notes)


@pytest.mark.skipif(not FILES, reason=f"no chat samples at {SAMPLES}")
def test_sample_without_me_explains_the_choice() -> None:
    from openup.chats import load_chat

    path = next(p for p in FILES if "whatsapp" in str(p) and p.name == "_chat.txt")
    with pytest.raises(UserError, match="Alice Placeholder"):
        analyze(load_chat(path), model=False)
