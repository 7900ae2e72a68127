"""Long messages: what is said back of their setting is short, never the whole clause with its trailing
phrases copied. The messages are written for these tests."""

from __future__ import annotations

from reply_helpers import said_back

from openup.coach.listen import long_message, without_tail


def _first(text: str) -> str:
    return said_back(text, llm=False)  # the say-back as composed


def test_a_long_messages_setting_is_said_back_without_its_trailing_phrases() -> None:
    text = (
        "I finally told my sister about the money worries over dinner at her place on Sunday night. She went very "
        "quiet and then changed the subject to her kitchen extension. I sat there feeling about six years old. "
        "I wish I had never said anything."
    )
    first = _first(text)
    assert "sister" in first
    assert "Sunday" not in first and "dinner" not in first


def test_a_trailing_phrase_is_cut_where_a_whole_clause_is_left() -> None:
    said = "your neighbour just walked past you at the bus stop like he'd never met you"
    assert without_tail(said) == "your neighbour just walked past you at the bus stop"


def test_a_person_described_then_named_is_said_back_by_name() -> None:
    said = "the woman next door, Ines, fixed your gate latch with a screwdriver from her shed"
    assert without_tail(said) == "Ines fixed your gate latch with a screwdriver"


def test_no_cut_leaves_a_clause_hanging_on_its_verb() -> None:
    assert without_tail("the shed you've been building for six weekends blew over in the storm") is None


def test_a_long_message_is_several_sentences_of_forty_words_or_more() -> None:
    short = "The boiler's gone again. Engineer can't come till Friday. Cold showers all week, great."
    long = (
        "The boiler went again this morning, for the third time this winter. The engineer can't come out until "
        "Friday at the earliest. So it's cold showers all week and the kids are moaning. I honestly don't know "
        "why we keep paying for the cover plan."
    )
    assert not long_message(short)
    assert long_message(long)
    assert not long_message(long.replace(". ", ", "))


def test_what_was_done_with_a_thing_is_left_out_before_what_happened_to_it() -> None:
    said = "the quilt you spent all winter stitching for your niece got ruined in the wash"
    assert without_tail(said) == "the quilt got ruined in the wash"


def test_for_the_first_time_is_not_left_without_its_since() -> None:
    said = "you went round to your dad's for the first time since the funeral"
    assert without_tail(said) == "you went round to your dad's"
