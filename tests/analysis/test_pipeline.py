"""Detection once per distinct text, roles, bad input, and the three output files."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from tests.analysis.helpers import alternate, conv

from openup.analysis import analyze, features, write_report
from openup.analysis.features import names, text_masks
from openup.errors import UserError
from openup.text.signal import Signal


# -- detection ---------------------------------------------------------------------------------------------
def test_each_distinct_text_detected_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import openup.text

    seen: list[str] = []
    real = openup.text.detect_many

    def counting(texts: Sequence[str], model: bool | None = None, reader: str = "full") -> list[list[Signal]]:
        seen.extend(texts)
        return real(texts, model=model, reader=reader)

    monkeypatch.setattr(openup.text, "detect_many", counting)
    rows = alternate(["ok", "love you", "ok", "ok"], ["lol", "lol", "love you", "<Media omitted>"])
    rows[-1] = ("Sam", rows[-1][1], "<Media omitted>", "media")  # type: ignore[assignment]
    analyze(conv(rows), me="Alex", model=False)
    assert sorted(seen) == ["lol", "love you", "ok"]  # media never reaches the detector


def test_pool_gives_the_same_masks_as_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [f"I feel so lonely about thing {i}" if i % 3 else f"you're so lazy {i}" for i in range(300)]
    monkeypatch.setattr(features, "CHUNK", 50)
    serial = text_masks(texts, workers=1)
    pooled = text_masks(texts, workers=2)
    assert pooled == serial
    assert "criticism" in names(serial["you're so lazy 0"])


# -- roles -------------------------------------------------------------------------------------------------
def test_me_missing_names_the_participants() -> None:
    c = conv(alternate(["hi"], ["hey"]), me=None)
    with pytest.raises(UserError, match=r"Alex, Sam|Sam, Alex"):
        analyze(c, model=False)


def test_me_from_the_chat_and_case_insensitive_names() -> None:
    c = conv(alternate(["hi"], ["hey"]), me="Alex")
    assert analyze(c, model=False).me == "Alex"
    assert analyze(c, me="sam", model=False).partner == "Alex"
    with pytest.raises(UserError, match="both you and your partner"):
        analyze(c, me="Alex", partner="alex", model=False)
    with pytest.raises(UserError, match="not a participant"):
        analyze(c, me="Bob", model=False)


def test_group_chat_two_most_active_with_a_note() -> None:
    rows = [
        ("Alex", 0, "hi all"),
        ("Sam", 1, "hey"),
        ("Jo", 2, "yo"),
        ("Sam", 3, "what's up?"),
        ("Alex", 4, "not much"),
        ("Jo", 5, "same"),
    ]
    rows = rows + [("Sam", 10 + i, "ok") for i in range(3)]
    a = analyze(conv(rows), me="Alex", model=False)
    assert a.partner == "Sam"
    assert any("group chat" in n for n in a.notes)
    assert a.counts["other people"] == 2
    b = analyze(conv(rows), me="Alex", partner="Jo", model=False)
    assert b.partner == "Jo" and b.volume.people[1].messages == 2


# -- bad input ---------------------------------------------------------------------------------------------
def _report(a, tmp_path: Path) -> tuple[str, dict]:  # type: ignore[no-untyped-def, type-arg]
    paths = write_report(a, tmp_path)
    return paths["report"].read_text(encoding="utf-8"), json.loads(
        paths["metrics"].read_text(encoding="utf-8")
    )


def test_single_person_chat(tmp_path: Path) -> None:
    rows = [("Alex", i, "note to self") for i in range(5)]
    a = analyze(conv(rows, me=None), model=False)
    assert a.me == "Alex" and a.partner is None
    html, metrics = _report(a, tmp_path)
    assert "Only one person wrote" in html
    assert 'id="chart-latency"' not in html and 'id="chart-bids"' not in html
    assert metrics["partner"] is None and metrics["summary"]["turn_toward_pct"] is None
    assert {r["person"] for r in metrics["weekly"]} == {"Alex"}


def test_one_day_chat_has_no_trend_charts(tmp_path: Path) -> None:
    a = analyze(conv(alternate(["hi", "how did the meeting go?"], ["hey", "fine"])), me="Alex", model=False)
    html, metrics = _report(a, tmp_path)
    assert "single week" in html
    assert "<svg" not in html
    assert metrics["summary"]["weeks"] == 1
    assert "latency" in metrics["limits"]  # two replies are too few for reply times


def test_media_only_chat(tmp_path: Path) -> None:
    rows = [("Alex" if i % 2 else "Sam", i * 60 * 24 * 3, "<Media omitted>", "media") for i in range(10)]
    a = analyze(conv(rows), me="Alex", model=False)
    html, metrics = _report(a, tmp_path)
    assert "no text messages" in html.lower()
    assert "openness" in metrics["limits"] and "appreciation" in metrics["limits"]
    assert 'id="chart-openness"' not in html and 'id="chart-ratio"' not in html
    assert metrics["summary"]["messages"] == 10
    assert a.bids.people[0].bids == 5  # photos are bids even without text


def test_empty_after_since(tmp_path: Path) -> None:
    a = analyze(conv(alternate(["hi"], ["hey"])), me="Alex", since="2030-01-01", model=False)
    html, metrics = _report(a, tmp_path)
    assert metrics["summary"]["messages"] == 0 and "all" in metrics["limits"]
    assert "no messages from the two of you" in html


def test_bad_since() -> None:
    with pytest.raises(UserError, match="YYYY-MM-DD"):
        analyze(conv(alternate(["hi"], ["hey"])), me="Alex", since="March", model=False)


# -- outputs -----------------------------------------------------------------------------------------------
def _rich_conv():  # type: ignore[no-untyped-def]
    rows = []
    t = 0.0
    for week in range(4):
        t = week * 7 * 24 * 60.0
        rows += [
            ("Sam", t, "I feel so lonely lately"),
            ("Alex", t + 1, "you should just quit"),
            ("Sam", t + 3, "guess what, I got the job"),
            ("Alex", t + 4, "You're so lazy"),
            ("Alex", t + 5, "thank you so much"),
            ("Sam", t + 6, "what did your boss say?"),
            ("Alex", t + 8, "that must have been hard"),
            ("Sam", t + 9, "lol"),
            ("Alex", t + 60, "answer me"),
            ("Sam", t + 200, "ok <b>&</b></script>"),
        ]
    return conv(rows)


def test_metrics_json_schema(tmp_path: Path) -> None:
    a = analyze(_rich_conv(), me="Alex", model=False)
    _, m = _report(a, tmp_path)
    assert m["me"] == "Alex" and m["partner"] == "Sam"
    for k in ("messages", "weeks", "appreciation_to_criticism", "turn_toward_pct", "pursue_withdraw"):
        assert k in m["summary"]
    assert m["summary"]["messages"] == 40 and m["summary"]["weeks"] == 4
    cols = {
        "week",
        "person",
        "messages",
        "words",
        "median_latency_s",
        "openness",
        "self_disclosure",
        "appreciation",
        "criticism",
        "pursuit",
        "bids",
        "turned_toward",
    }
    assert len(m["weekly"]) == 8 and all(cols <= set(r) for r in m["weekly"])
    assert all(re.fullmatch(r"\d{4}-W\d{2}", r["week"]) for r in m["weekly"])
    assert sum(r["messages"] for r in m["weekly"]) == 40
    assert sum(r["criticism"] for r in m["weekly"] if r["person"] == "Alex") == 4
    for p in m["priorities"]:
        assert set(p) >= {"principle", "finding", "evidence"} and p["evidence"]
        assert all(isinstance(i, str) for i in p["evidence"])
    assert {"msg_id", "ts", "sender", "text"} <= set(m["small_wins"][0]) if m["small_wins"] else True


def test_messages_csv(tmp_path: Path) -> None:
    a = analyze(_rich_conv(), me="Alex", model=False)
    paths = write_report(a, tmp_path)
    with paths["messages"].open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["msg_id", "ts", "sender", "kind", "words", "signals"]
    assert len(rows) == 40
    assert rows[0]["msg_id"] == "m1" and rows[0]["sender"] == "Sam"
    assert "self_disclosure" in rows[0]["signals"].split(";")
    assert rows[3]["signals"] == "criticism"


def test_html_is_self_contained_and_escaped(tmp_path: Path) -> None:
    a = analyze(_rich_conv(), me="Alex", model=False)
    html, _ = _report(a, tmp_path)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert '</script>"' not in html and "<b>&</b></script>" not in html  # message text cannot break out
    blob = html.split('<script type="application/json" id="evidence">')[1].split("</script>")[0]
    data = json.loads(blob)
    # only referenced messages are embedded, and every referenced id is there
    referenced = {i for lst in data["lists"].values() for ex in lst["ex"] for i in ex}
    assert referenced == set(data["msgs"])
    assert set(re.findall(r'data-ev="([^"]+)"', html)) <= set(data["lists"])


def test_evidence_is_capped_with_true_count(tmp_path: Path) -> None:
    rows = alternate(["You're so lazy"] * 120, ["ok"] * 120, gap_min=1)
    a = analyze(conv(rows), me="Alex", model=False)
    ev = a.book.get("ratio.critical.0")
    assert ev is not None and ev.count == 120 and len(ev.examples) == 50
    html, _ = _report(a, tmp_path)
    data = json.loads(html.split('id="evidence">')[1].split("</script>")[0])
    assert (
        data["lists"]["ratio.critical.0"]["n"] == 120 and len(data["lists"]["ratio.critical.0"]["ex"]) == 50
    )
    # the most recent come first
    assert data["lists"]["ratio.critical.0"]["ex"][0] == ["m239"]


def test_weekly_frame() -> None:
    a = analyze(_rich_conv(), me="Alex", model=False)
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install pandas"):
            a.weekly_frame()
        return
    df = a.weekly_frame()
    assert len(df) == 8 and {"week", "person", "messages"} <= set(df.columns)


def test_safety_section_on_top(tmp_path: Path) -> None:
    rows = alternate(["ok", "I'm scared of you"], ["lol", "I kill myself"])
    a = analyze(conv(rows), me="Alex", model=False)
    pytest.importorskip("openup.coach.safety", reason="the safety screen is not installed yet")
    html, m = _report(a, tmp_path)
    assert m["safety"]["level"] != "none" and m["safety"]["evidence"]
    assert html.index('id="safety"') < html.index("<header>")


def test_flagged_chat_withholds_soft_side_room_and_appreciation_coaching() -> None:
    from openup.coach.safety import WITHHELD_PRINCIPLES

    # Plenty of pursuit and criticism, which would normally bring give-room and appreciate priorities.
    mine = ["answer me", "answer me!!", "why aren't you answering", "you're so lazy", "you never help"] * 20
    theirs = ["ok", "fine", "k", "he hit me again last night", "ok"] * 20
    flagged = analyze(conv(alternate(mine, theirs)), me="Alex", model=False)
    assert flagged.safety.level != "none"
    assert not {f.principle for f in flagged.priorities} & WITHHELD_PRINCIPLES
    calm = analyze(conv(alternate(mine, ["ok", "fine", "k", "busy", "ok"] * 20)), me="Alex", model=False)
    assert calm.safety.level == "none"
    assert {f.principle for f in calm.priorities} & WITHHELD_PRINCIPLES  # the filter is what removed them


def test_columnar_and_row_conversations_give_the_same_analysis(tmp_path: Path) -> None:
    from dataclasses import replace

    from openup.chats import load_chat

    lines = []
    texts = ["guess what, I got the job", "that must have been hard", "You're so lazy", "<Media omitted>",
             "I feel so lonely lately", "answer me", "thank you so much", "what did your boss say?", "ok"]
    for i in range(300):
        who = "Alex" if i % 3 else "Sam"
        lines.append(f"{1 + i // 40:02d}/03/2024, {8 + (i % 40) // 4:02d}:{(i * 7) % 60:02d} - {who}: "
                     f"{texts[i % len(texts)]}")
    path = tmp_path / "chat.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_chat(path, me="Alex")
    as_rows = replace(loaded, messages=list(loaded.messages))
    col, row = analyze(loaded, model=False), analyze(as_rows, model=False)
    a, b = col.to_dict(), row.to_dict()
    assert a == b
    assert a["summary"]["messages"] == 300
    pa, pb = write_report(col, tmp_path / "a"), write_report(row, tmp_path / "b")
    assert pa["messages"].read_text(encoding="utf-8") == pb["messages"].read_text(encoding="utf-8")
    assert pa["report"].read_text(encoding="utf-8") == pb["report"].read_text(encoding="utf-8")


def test_role_errors_are_typed_and_speak_the_domain_not_the_cli() -> None:
    from openup.commands.errors import sentence
    from openup.errors import ParticipantNeeded, SamePerson, UnknownParticipant

    c = conv(alternate(["hi"], ["hey"]), me=None)
    with pytest.raises(ParticipantNeeded) as needed:
        analyze(c, model=False)
    with pytest.raises(UnknownParticipant) as unknown:
        analyze(c, me="Bob", model=False)
    with pytest.raises(SamePerson) as same:
        analyze(c, me="Alex", partner="alex", model=False)
    assert set(needed.value.people) == {"Alex", "Sam"} and unknown.value.role == "me" and same.value.name == "Alex"
    for err in (needed.value, unknown.value, same.value):
        assert "--" not in str(err)  # the library names no command-line option
    assert sentence(unknown.value).startswith("--me 'Bob' is not a participant")
    assert sentence(same.value) == "--partner 'Alex' is the same person as --me; choose the other person."


def test_since_that_is_not_a_date() -> None:
    from openup.errors import NotADate

    with pytest.raises(NotADate, match="'March' is not a date") as err:
        analyze(conv(alternate(["hi"], ["hey"])), since="March", model=False)
    assert err.value.field == "since"
