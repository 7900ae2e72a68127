"""Every importer is total on hostile input: messages read (bad records skipped and counted) or one
`UserError`, never another exception. Hypothesis drives the generator in `hostile.py`; `bench/bench_fuzz.py`
runs the same generator for 10,000 inputs per format with time and memory limits."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.fuzz.hostile import FIXTURES, FORMATS, hostile_export

from openup.chats import load_chat
from openup.errors import UserError

CRASHERS = Path(__file__).resolve().parent / "crashers"


def _load(path: Path, fmt: str | None) -> None:
    try:
        conv = load_chat(path, format=fmt, me="Alex")
    except UserError as exc:
        assert str(exc).strip(), "a UserError must say what is wrong"
        assert "\n" not in str(exc).strip()
        return
    for m in conv.messages:  # a loaded conversation is usable: every message has a time and a kind
        assert m.ts_local is not None and m.kind


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
@given(seed=st.integers(0, 2**32 - 1), forced=st.booleans())
def test_hostile_export_is_read_or_refused(fmt: str, seed: int, forced: bool) -> None:
    # A seed, not st.randoms(): the generator draws a varying number of values, and Hypothesis replaying
    # those draws one by one called the strategy flaky when other tests had run first in the same process.
    with tempfile.TemporaryDirectory() as tmp:
        path = hostile_export(fmt, random.Random(seed), Path(tmp))
        _load(path, fmt if forced and path.suffix != ".zip" else None)


def _crashers() -> list[Path]:
    return sorted(p for p in CRASHERS.rglob("*") if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("path", _crashers(), ids=lambda p: str(p.relative_to(CRASHERS)))
def test_kept_crashers(path: Path) -> None:
    """Every input that once crashed an importer or ran for minutes (`crashers/<format>/<case>/<file>`),
    read both as sniffed and with its format forced."""
    _load(path, None)
    if path.suffix != ".zip":
        _load(path, path.relative_to(CRASHERS).parts[0])


@pytest.mark.parametrize("case", ["jsonl/year1_offset", "jsonl/timestamp_digits", "jsonl/timestamp_inf"])
def test_one_bad_record_does_not_lose_the_rest(case: str) -> None:
    conv = load_chat(next((CRASHERS / case).iterdir()), me="Alex")
    assert [m.text for m in conv.messages] == ["kept"]
    assert conv.skipped.total == 1


def test_an_unreadable_instant_falls_back_to_the_local_date() -> None:
    """Telegram keeps both `date` and `date_unixtime`: an infinite instant loses nothing."""
    clean = load_chat(FIXTURES / "telegram_account.json", me="Alex")
    for case in ("date_unixtime_inf", "date_unixtime_1e400", "date_unixtime_digits"):
        conv = load_chat(CRASHERS / "telegram" / case / "result.json", me="Alex")
        assert len(conv.messages) == len(clean.messages)
        assert conv.skipped.counts == clean.skipped.counts


def test_a_record_in_year_one_is_skipped_and_counted() -> None:
    clean = load_chat(FIXTURES / "telegram_account.json", me="Alex")
    conv = load_chat(CRASHERS / "telegram/year1_offset/result.json", me="Alex")
    assert conv.skipped.total == clean.skipped.total + 1
    assert conv.skipped.counts["message has no readable date"] == 1


@pytest.mark.parametrize(
    ("case", "says"),
    [
        ("whatsapp/lzma_method", "compressed with LZMA"),
        ("whatsapp/lzma_corrupt", "compressed with LZMA"),
        ("whatsapp/strong_encryption", "is encrypted"),
        ("whatsapp/unknown_method", "openup reads only stored or deflated"),
    ],
)
def test_zip_entries_other_than_stored_or_deflated_are_refused_by_name(case: str, says: str) -> None:
    with pytest.raises(UserError, match=says) as err:
        load_chat(CRASHERS / case / "export.zip")
    assert "WhatsApp Chat with Sam.txt" in str(err.value)


@pytest.mark.parametrize("path", _crashers(), ids=lambda p: str(p.relative_to(CRASHERS)))
def test_what_a_crasher_yields_can_be_analysed_and_reported(path: Path, tmp_path: Path) -> None:
    """A hostile file that loads must also analyse and write its report: lone surrogates, year 2 or 9999,
    huge fields and all."""
    from openup.analysis import analyze, write_report

    try:
        conv = load_chat(path, me="Alex", tz="Asia/Tokyo")
    except UserError:
        return
    people = [p for p in conv.participants if p]
    if not people or not conv.messages:
        return
    chats = {m.chat_id for m in conv.messages}
    if conv.platform == "telegram" and len(chats) > 1:  # a couple's measures need one chat: read one
        conv = load_chat(path, me="Alex", tz="Asia/Tokyo", chat=sorted(chats)[0])
        people = [p for p in conv.participants if p]
        if not people or not conv.messages:
            return
    analysis = analyze(conv, me=people[0], model=False)
    out = write_report(analysis, tmp_path / "out")
    assert out["report"].stat().st_size > 0


def test_messages_outside_the_years_a_chat_can_hold_are_left_out_and_said() -> None:
    from openup.analysis import analyze

    conv = load_chat(CRASHERS / "jsonl/year9999/chat.jsonl")
    assert len(conv.messages) == 2 and conv.skipped.total == 1  # year 9999 is refused by the importer
    analysis = analyze(conv, me="A", model=False)  # year 2 is read, and left out of the analysis
    assert any("1 message dated before 1990 or after 2200 left out" in n for n in analysis.notes)


def test_a_json_container_bomb_is_refused(tmp_path: Path) -> None:
    """Megabytes of `[{},{},...]` would cost gigabytes as Python objects: refused before parsing."""
    path = tmp_path / "result.json"
    path.write_text('{"messages": [' + ",".join(["{}"] * 3_000_000) + "]}", encoding="utf-8")
    with pytest.raises(UserError, match="far more than a Telegram export"):
        load_chat(path, format="telegram")


def test_a_string_where_a_list_belongs_is_not_read_letter_by_letter() -> None:
    """Discord `reactions[].users` given as a 4-million-letter string once made 4 million reaction rows
    (10.8 s, 1 GB); a string there is not a list of people."""
    conv = load_chat(CRASHERS / "discord" / "users_string" / "discord.json", me="Alex")
    assert len(conv.messages) < 10
