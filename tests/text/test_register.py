"""Chat register: texting spellings are read as the words they stand for, and spans stay in the text."""

from __future__ import annotations

import pytest

from openup.text import detect
from openup.text.normalize import normalize
from openup.text.register import expand


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("ur so lazy", "you're so lazy"),
        ("thx for ur help", "thanks for your help"),
        ("dont u dare", "don't you dare"),
        ("idk if i can keep doing this job rn", "i don't know if i can keep doing this job right now"),
        ("ill kill u", "i'll kill you"),
        ("pleeease answer me", "please answer me"),
        ("sooo tired", "so tired"),
        ("coool story", "cool story"),
        ("ur being sooo dramatic", "you're being so dramatic"),
    ],
)
def test_expansion(typed: str, read: str) -> None:
    e = expand(normalize(typed))
    assert e is not None and e.text == read
    assert len(e.starts) == len(e.text) == len(e.ends)
    assert e.span(0, len(e.text)) == (0, len(typed))


@pytest.mark.parametrize("typed", ["i feel ill", "you are fine", "don't you dare", "it's a cool idea", ""])
def test_nothing_to_expand(typed: str) -> None:
    assert expand(normalize(typed)) is None


def test_a_span_inside_the_expansion_maps_to_the_typed_word() -> None:
    typed = "honestly ur the worst"
    e = expand(normalize(typed))
    assert e is not None
    at = e.text.index("you're")
    assert e.span(at, at + len("you're")) == (typed.index("ur"), typed.index("ur") + 2)


@pytest.mark.parametrize(
    ("typed", "kind", "match"),
    [
        ("ur so lazy", "criticism", "ur so lazy"),
        ("calm down ur overreacting", "dismissal", "calm down"),
        ("dont u dare walk out on me", "pressure", None),
        ("im sooo sorry i snapped at u", "apology", None),
    ],
)
def test_detect_reads_chat_register_with_spans_in_the_text(typed: str, kind: str, match: str | None) -> None:
    found = [s for s in detect(typed, model=False) if s.kind == kind]
    assert found, typed
    for s in found:
        assert typed[s.start : s.end] == s.match
    if match is not None:
        assert found[0].match == match


def test_the_register_table_is_data() -> None:
    from importlib import resources

    text = resources.files("openup.text").joinpath("chat_register.toml").read_text("utf-8")
    assert 'idk = "i don\'t know"' in text


@pytest.mark.parametrize(
    "typed",
    ["you  always do this", "you always  do this", "fine.  you  never listen", "you\talways do this"],
)
def test_spacing_does_not_change_the_reading(typed: str) -> None:
    """Double spaces and tabs read as one space: the same kinds, spans still in the user's text."""
    plain = " ".join(typed.split())
    got = [(s.kind, s.match.split()) for s in detect(typed)]
    assert got == [(s.kind, s.match.split()) for s in detect(plain)]
    assert got  # the plain message is read at all
    for s in detect(typed):
        assert typed[s.start : s.end] == s.match


def test_collapsed_spaces_map_back_to_the_whole_run() -> None:
    e = expand(normalize("ur   so lazy"))
    assert e is not None and e.text == "you're so lazy"
    space = e.text.index(" ")
    assert e.span(space, space + 1) == (2, 5)
    assert e.span(0, len(e.text)) == (0, len("ur   so lazy"))


@pytest.mark.parametrize(
    ("typed", "self_harm"),
    [
        ("what is considered low for kms on a used car", False),
        ("drove 300 kms today, so tired", False),
        ("how many kms is it to the coast", False),
        ("lol kms", True),
        ("honestly im gonna kms", True),
        ("thinking of kms", True),
        ("im 17. kms", True),
        ("failed with 40%. kms", True),
        ("ok k kms", True),
    ],
)
def test_kms_is_a_distance_after_a_number_or_a_quantity(typed: str, self_harm: bool) -> None:
    assert ("self_harm" in {s.kind for s in detect(typed, model=False)}) is self_harm


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("dont u dare ignore me 😡", "don't you dare ignore me 😡"),
        ("idk if i can do this job anymore 😞", "i don't know if i can do this job anymore 😞"),
        ("ur late again 🙄🙄", "your late again 🙄🙄"),
        ("né, see u at the café", "né, see you at the café"),  # an accented word is whole: never "n" + "é"
    ],
)
def test_emoji_and_accents_do_not_stop_the_register_being_read(typed: str, read: str) -> None:
    expanded = expand(normalize(typed))
    assert expanded is not None and expanded.text == read
    assert all(len(ch) == 1 for ch in expanded.text)


@pytest.mark.parametrize("typed", ["calm down ur overreacting", "ur being so dramatic rn", "u never listen to me"])
def test_an_emoji_at_the_end_keeps_the_reading(typed: str) -> None:
    plain = {s.kind for s in detect(typed, model=False)}
    assert plain and {s.kind for s in detect(typed + " 😤", model=False)} >= plain
