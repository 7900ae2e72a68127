"""The blind sets: their shape (sizes, registers, constructs, a dev/test split nobody chose) and the
scoring that `openup eval` reports first. The test halves are scored here only on synthetic folders;
their lines are never printed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from openup.evaluation.blind import (
    BLIND_DIR,
    TYPINGS,
    blind_markdown,
    evaluate_blind,
    evaluate_replies_blind,
    read_set,
    replies_blind_markdown,
)

REGIONS = ("british", "australian", "irish", "indian", "nigerian", "american", "south_african")


def _both(name: str) -> list[dict[str, object]]:
    return read_set(name, "dev") + read_set(name, "test")


def test_sizes_the_issue_asks_for() -> None:
    assert len(_both("coaching")) >= 2000
    assert len(_both("safety")) >= 800
    assert len(_both("replies")) >= 300


def test_dev_and_test_do_not_share_a_line() -> None:
    for name in ("coaching", "safety", "replies"):
        dev = {str(r["text"]).strip().casefold() for r in read_set(name, "dev")}
        test = {str(r["text"]).strip().casefold() for r in read_set(name, "test")}
        assert dev and test and not dev & test


def test_registers_at_least_half_texting_and_each_other_at_least_three_percent() -> None:
    rows = _both("coaching")
    reg = Counter(str(r["register"]) for r in rows)
    assert reg["texting"] >= len(rows) / 2
    for name in (*REGIONS, "long", "reported", "sarcasm", "noqmark"):
        assert reg[name] >= 0.03 * len(rows), name


def test_every_coaching_kind_and_safety_construct_is_covered() -> None:
    from openup.evaluation.blind import coaching_kinds

    kinds = Counter(k for r in _both("coaching") for k in r["kinds"])  # type: ignore[attr-defined]
    assert all(kinds[k] >= 25 for k in coaching_kinds())
    constructs = Counter(str(r.get("construct")) for r in _both("safety"))
    for c in ("threat_kill", "threat_leaving", "strangulation", "weapons", "forced_sex", "jealousy_control",
              "harm_children_pets", "stalking", "monitoring", "isolation", "money", "micro_rules",
              "image_threats", "eggshells", "afraid_home", "self_silencing", "wish_dead", "passive_ideation",
              "active_thoughts", "method", "intent", "plan", "self_harm_behaviour"):
        assert constructs[c] >= 25, c
    levels = Counter(str(r["level"]) for r in _both("safety"))
    assert levels["none"] >= 250 and levels["crisis"] >= 200


def _write(folder: Path, name: str, part: str, rows: list[dict[str, object]]) -> None:
    (folder / f"{name}.{part}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_scoring_on_a_known_folder(tmp_path: Path) -> None:
    _write(tmp_path, "coaching", "test", [
        {"text": "You're so lazy", "kinds": ["criticism"], "register": "american"},
        {"text": "ur so lazy", "kinds": ["criticism"], "register": "texting"},
        {"text": "thanks for cooking tonight", "kinds": ["appreciation"], "register": "texting"},
    ])
    _write(tmp_path, "safety", "test", [
        {"text": "I'll kill you if you leave", "level": "danger", "kinds": ["threat"], "register": "x",
         "construct": "threat_leaving"},
        {"text": "this traffic is killing me", "level": "none", "kinds": [], "register": "x", "construct": "idiom"},
    ])
    res = evaluate_blind(None, ["lexical"], "test", folder=tmp_path)
    assert res is not None
    crit = res.kind("criticism", "lexical")
    assert crit is not None and crit.tp == 2 and crit.fp == 0
    danger = next(r for r in res.levels if r.name == "danger")
    assert (danger.n, danger.caught) == (1, 1)
    alarms = next(r for r in res.false_alarms if r.name == "hard negatives")
    assert (alarms.n, alarms.caught) == (1, 0)
    page = blind_markdown(res)
    assert page.index("### Safety screen") < page.index("### Coaching kinds")
    assert "| texting | 2 |" in page


def test_each_batch_is_scored_on_its_own(tmp_path: Path) -> None:
    """A new batch, written after every change it is scored on, is reported beside the older ones."""
    _write(tmp_path, "coaching", "test", [
        {"text": "You're so lazy", "kinds": ["criticism"], "register": "american", "batch": 1},
        {"text": "thanks for cooking tonight", "kinds": ["appreciation"], "register": "texting", "batch": 1},
        {"text": "ur so lazy", "kinds": ["criticism"], "register": "texting", "batch": 2},
        {"text": "lovely weather", "kinds": ["appreciation"], "register": "texting", "batch": 2},
    ])
    _write(tmp_path, "safety", "test", [
        {"text": "I'll kill you if you leave", "level": "danger", "kinds": ["threat"], "register": "x", "batch": 1},
        {"text": "this traffic is killing me", "level": "none", "kinds": [], "register": "x", "batch": 1},
        {"text": "he keeps a bat by the bed and taps it when he's cross", "level": "danger", "kinds": ["violence"],
         "register": "x", "batch": 2},
        {"text": "the match tonight was a massacre", "level": "none", "kinds": [], "register": "x", "batch": 2},
    ])
    res = evaluate_blind(None, ["lexical"], "test", folder=tmp_path)
    assert res is not None
    first = next(r for r in res.batches if r.name == "1: danger")
    assert (first.n, first.caught) == (1, 1)
    alarms = {r.name: (r.n, r.caught) for r in res.batches if r.name.endswith(": none")}
    assert alarms == {"1: none": (1, 0), "2: none": (1, 0)}
    assert [b for b, *_ in res.coaching_batches] == ["1", "2"]
    one, two = res.coaching_batches
    assert one[2] == two[2] == 2 and one[3] > 0  # "You're so lazy" is read, so batch 1's hurts F1 is not 0
    page = blind_markdown(res)
    assert "| 1 | 100.0% of 1 |" in page and "| 2 |" in page
    assert page.count("Per batch") == 2


def test_lines_typed_other_ways_are_scored_and_reported(tmp_path: Path) -> None:
    _write(tmp_path, "coaching", "test", [
        {"text": "You're so lazy", "kinds": ["criticism"], "register": "american"},
        {"text": "thanks for cooking tonight", "kinds": ["appreciation"], "register": "texting"},
    ])
    _write(tmp_path, "safety", "test", [
        {"text": "I'll kill you if you leave", "level": "danger", "kinds": ["threat"], "register": "x",
         "construct": "threat_leaving"},
        {"text": "this traffic is killing me", "level": "none", "kinds": [], "register": "x", "construct": "idiom"},
    ])
    res = evaluate_blind(None, ["lexical"], "test", folder=tmp_path, typings=True)
    assert res is not None and [t.typing for t in res.typings] == list(TYPINGS)
    curly = res.typings[0]
    # the lexical tier straightens a phone's quotes: the same reading as typed
    assert curly.caught["danger"] == 1.0 and curly.hurts_f1 == res.macro_f1(["criticism"], "lexical")
    assert curly.hard_negative_alarms == 0.0
    page = blind_markdown(res)
    assert "### The same lines typed other ways (lexical)" in page and "| curly quotes (a phone's keyboard) |" in page
    assert evaluate_blind(None, ["lexical"], "test", folder=tmp_path).typings == []  # only when asked


def test_typings_rewrite_only_the_typing() -> None:
    rewrite = dict(TYPINGS)
    assert rewrite["no apostrophes (dont, im)"]("I'm sure it's 'fine'") == "Im sure its 'fine'"
    stops = rewrite["no punctuation at the ends of words"]
    assert stops("ok. fine, whatever!! 3.5 stars") == "ok fine whatever 3.5 stars"
    assert rewrite["curly quotes (a phone's keyboard)"]("don't") == "don\u2019t"


def test_reply_scoring_on_a_known_folder(tmp_path: Path) -> None:
    _write(tmp_path, "replies", "test", [
        {"text": "fine", "register": "texting", "topic": "guarded", "guarded": True, "good_news": False,
         "event": None, "event_words": [], "acceptable_feelings": [], "wrong_feelings": ["devastated"]},
        {"text": "My boss yelled at me in front of everyone", "register": "plain", "topic": "work",
         "guarded": False, "good_news": False, "event": "boss yelled at them in public", "event_words": ["boss"],
         "acceptable_feelings": ["humiliated", "embarrassed", "hurt", "angry"], "wrong_feelings": ["excited"]},
    ])
    res = evaluate_replies_blind("test", folder=tmp_path)
    assert res is not None and res.lines == 2 and res.guarded == 1 and res.events == 1
    assert res.guarded_named == 0
    assert "guarded messages get no named feeling" in replies_blind_markdown(res)


def test_the_folder_is_where_eval_looks() -> None:
    assert (BLIND_DIR / "README.md").is_file()
    assert BLIND_DIR.name == "blind" and BLIND_DIR.parent.name == "data"


@pytest.mark.parametrize("name", ["coaching", "safety", "replies"])
def test_each_line_names_its_writer_and_batch(name: str) -> None:
    rows = _both(name)
    assert all(r.get("writer") and isinstance(r.get("batch"), int) and r["batch"] >= 1 for r in rows)


def test_safety_batches_after_the_first_were_labelled_twice_and_kept_where_both_agreed() -> None:
    """From batch 2 on, every safety line was labelled again by someone who saw only the definitions and the
    text, and kept only when the writer and that labeller gave it the same level."""
    later = [r for r in _both("safety") if int(r["batch"]) >= 2]  # type: ignore[call-overload]
    assert len(later) >= 600
    assert all(r.get("labeller_agreed") is True for r in later)
    assert Counter(str(r["writer"]) for r in later).keys() >= {"s5", "s6", "s7", "s8"}


def test_event_words_given_as_one_string_are_one_phrase(tmp_path: Path) -> None:
    """Some writers gave `event_words` as a string: read whole, it is echoed only when its words are said back,
    never because the say-back holds one of its letters."""
    row = {"text": "My boss yelled at me in front of everyone", "register": "plain", "topic": "work",
           "guarded": False, "good_news": False, "event": "boss yelled at them", "acceptable_feelings": [],
           "wrong_feelings": [], "event_words": "zzqx vvbj"}  # words no say-back holds, letters every one does
    _write(tmp_path, "replies", "test", [row])
    res = evaluate_replies_blind("test", folder=tmp_path)
    assert res is not None and res.events == 1 and res.echoed == 0
    _write(tmp_path, "replies", "test", [{**row, "event_words": "boss yelled at me"}])
    res = evaluate_replies_blind("test", folder=tmp_path)
    assert res is not None and res.events == 1 and res.echoed == 1


def test_the_terminal_summary_names_each_false_alarm_set(tmp_path: Path) -> None:
    """Each everyday set's false alarms keep their own name on the one summary line (not "ordinary chat" twice)."""
    from openup.evaluation.blind import blind_summary_lines

    _write(tmp_path, "safety", "test", [
        {"text": "this traffic is killing me", "level": "none", "kinds": [], "register": "x", "construct": "idiom"},
    ])
    data = tmp_path / "data"
    (data / "goemotions").mkdir(parents=True)
    (data / "goemotions" / "test.tsv").write_text("I love this song\t0\tid1\nwhat a day\t27\tid2\n", encoding="utf-8")
    res = evaluate_blind(data, ["lexical"], "test", folder=tmp_path)
    assert res is not None
    line = blind_summary_lines(res)[1]
    assert "hard negatives 0.0%" in line and "GoEmotions 0.0%" in line
    assert line.count("ordinary chat") == 0
