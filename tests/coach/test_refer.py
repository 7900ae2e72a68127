"""A listener refers back to what happened in a few words, not the partner's clause said back whole."""

from reply_helpers import said_back

from openup.coach.refer import reference, trimmed


def _reflect(text: str) -> str:
    return said_back(text, llm=False)


def test_a_death_names_who_died_not_the_news() -> None:
    said = _reflect("uncle femi passed yesterday evening. dad hasn't stopped crying")
    assert "Uncle Femi" in said
    assert "passed" not in said and "yesterday" not in said


def test_good_news_is_referred_to_by_the_thing() -> None:
    said = _reflect("the council approved my planning permit this afternoon!!! so happy")
    assert said.lower().startswith("your planning permit!")
    assert "this afternoon" not in said


def test_reference_picks_the_thing_they_got() -> None:
    assert reference("you got tickets and row A bby") == "tickets"
    assert reference("you got the seats for the final") == "the seats for the final"
    assert reference("they offered you the lead role") == "the lead role"
    assert reference("your little sister got into medical school") is None  # "medical school": no the/your


def test_reference_leaves_out_a_person_alone_and_a_bare_verb() -> None:
    assert reference("your coworker yelled at you") is None  # "your coworker" is not what happened
    assert reference("your coworker ate your sandwich") == "your sandwich"
    assert reference("you want to quit") is None


def test_said_back_clause_drops_time_words_and_intensifiers() -> None:
    assert trimmed("your landlord again raised the rent this morning") == "your landlord raised the rent"
    assert trimmed("you trained so hard for it") == "you trained hard for it"
    assert trimmed("it was today") == "it was today"  # too little left: as it was
