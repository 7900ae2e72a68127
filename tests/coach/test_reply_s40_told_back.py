"""Stop 40 (#18): what fresh dev raters failed most in stop 39's replies, pinned on dev messages.

- What happened told back as a statement ("Ah, the school rang about Kofi.", "Your sister had the baby! That's
  huge.") retells the message: the raters passed 8 of 40 such, against 12 of 19 details asked back ("Load shedding
  at 4?"). It is cut (`gistreact.retold_sentences`), and a complaint about you keeps its short ownership.
- Stock lines they failed nearly every time are gone: "It's okay to be annoyed, but it could happen to anyone", "I can
  see why that means a lot to you", "What's worrying you most about it?", "What can I take on this week to help?", and
  "What happened?" after news already told; and a second bare cheer after the first ("That's amazing news!" then
  "Yes!! That's brilliant!").
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from openup.coach.gistreact import retold_sentences
from openup.coach.listen import reply

REPLIES = Path(__file__).resolve().parents[2] / "src" / "openup" / "method" / "replies.toml"


def _said(message: str) -> list[str]:
    return [s.text for s in reply(message, llm=False).suggestions]


def test_a_statement_of_what_happened_retells_it_and_a_detail_asked_back_does_not() -> None:
    told = "So today the school rang again about Kofi. Apparently he's been hiding in the library at lunch."
    assert retold_sentences("Ah, the school rang about Kofi.", told) == ["Ah, the school rang about Kofi."]
    assert retold_sentences("Your sister had the baby! That's huge.", "my sister had the baby!!! its a girl") == [
        "Your sister had the baby!"]
    # asked back short, it is a reaction to the detail, not a retelling
    assert retold_sentences("Load shedding at 4? Ugh, that's rubbish.",
                            "just finished my shift, load shedding at 4 and the fridge is off") == []
    # a statement of a few words that are not the message's own is no retelling
    assert retold_sentences("Ugh, that's so frustrating.", "the printer jammed six times today") == []
    # without `statements`, only a long run or most of a short message counts
    assert retold_sentences("Ah, the school rang about Kofi.", told, statements=False) == []


@pytest.mark.parametrize(
    ("message", "retelling"),
    [
        ("So today the school rang again about Kofi. Apparently he's been hiding in the library at lunch instead "
         "of going out with the others.", "the school rang"),
        ("my sister had the baby!!! its a girl and theyre both healthy", "your sister had the baby"),
        ("I feel strangely calm today. Not sure why, but I'll take it.", "you feel strangely calm"),
        ("tax refund came thru!! like 400 quid more than i thought", "tax refund came through"),
    ],
)
def test_what_happened_is_not_told_back_as_a_statement(message: str, retelling: str) -> None:
    said = _said(message)
    assert said, message
    assert not any(retelling in s.lower() for s in said), said


def test_good_news_told_back_is_still_met_gladly() -> None:
    said = " ".join(_said("my sister had the baby!!! its a girl and theyre both healthy")).lower()
    assert any(w in said for w in ("amazing", "brilliant", "happy", "love", "celebrat")), said


def test_a_complaint_about_you_is_still_owned_in_its_own_few_words() -> None:
    said = _said("i know ur stressed but u snapped at me and i didnt deserve that")
    assert said[0].startswith("I'm sorry I snapped at you"), said


@pytest.mark.parametrize(
    "message",
    ["i made dinner and u ate in front of the tv without saying a word",
     "ur mom made another comment about us not being married yet and u didnt say anything"],
)
def test_a_long_complaint_about_you_is_owned_short_however_the_apology_starts(message: str) -> None:
    said = _said(message)
    assert "sorry" in said[0].lower(), said
    assert "in front of the tv" not in said[0].lower() and "not being married" not in said[0].lower(), said


@pytest.mark.parametrize(
    "message",
    ["the landlord said yes to the dog!!!!!", "uni emailed and my dissertation extension got approved omg",
     "The young fella got picked for the county minors! Over the moon so I am"],
)
def test_good_news_is_cheered_once_not_twice_in_a_row(message: str) -> None:
    got = reply(message, llm=False).suggestions
    moves = [s.move for s in got]
    assert "celebrate" in moves, [(s.move, s.text) for s in got]
    assert "reflect" not in moves or not any(
        w in got[moves.index("reflect")].text for w in ("brilliant!", "I love that for", "Look at you go")), got


@pytest.mark.parametrize(
    ("message", "stock"),
    [
        ("im such an idiot i left my laptop on the train", "It's okay to be annoyed"),
        ("HR told us they're restructuring and my role might not exist after March.", "worrying you most"),
        ("the group chat is planning a stag do in krakow and its £700 each. i cant afford that", "take on this week"),
        ("prof extended the deadline by a week!!! i could cry", "What happened?"),
        ("uni emailed and my dissertation extension got approved omg i can breathe again", "What happened?"),
    ],
)
def test_stock_lines_the_raters_failed_are_not_said(message: str, stock: str) -> None:
    said = _said(message)
    assert said, message
    assert not any(stock in s for s in said), said


def test_the_failed_stock_lines_are_gone_from_the_wordings() -> None:
    text = REPLIES.read_text(encoding="utf-8")
    wordings = [w for move in tomllib.loads(text)["move"].values() for t in move.get("templates", [])
                for w in ([t["text"]] if isinstance(t["text"], str) else t["text"])]
    assert wordings
    for stock in ("It's okay to be annoyed", "I can see why that means a lot to you", "What's worrying you most",
                  "What can I take on this week", "loads on your plate", "I want the whole story. What happened?",
                  "That's so petty", "catching yourself like that", "carrying a lot of grief",
                  "I'm sorry you're going through it. I'm here.", "I'd be {fear} too"):
        assert not any(stock in w for w in wordings), stock


@pytest.mark.parametrize(
    ("message", "thing"),
    [
        ("idk if i can keep doing this job tbh", "this job"),
        ("honestly idk if i can keep doing this job", "this job"),
        ("not sure how much longer i can handle this commute", "this commute"),
        ("not sure how much longer i can do this commute", "this commute"),
        ("idk if i can do this job anymore", "this job"),
        ("i cant keep doing these night shifts anymore", "these night shifts"),
    ],
)
def test_not_knowing_if_they_can_go_on_is_strain_heard_not_a_choice(message: str, thing: str) -> None:
    """The issue's own example: "idk if i can keep doing this job" was met as a decision ("What are you leaning
    towards?"); the job, and the strain, are heard."""
    got = reply(message, llm=False)
    said = " ".join(s.text for s in got.suggestions)
    assert not got.heard.unsure, message
    assert thing in said and "leaning towards" not in said and "stuck" not in said, said


@pytest.mark.parametrize(
    "message",
    ["idk if i should take the job or stay", "idk if im gonna take it, the pay is better but the commute is awful",
     "not sure whether i take the job or stay", "not sure if i'll take the offer"],
)
def test_a_real_choice_is_still_weighed(message: str) -> None:
    """(A second reader's probes: "take" and "do" are how a choice is said, not strain.)"""
    got = reply(message, llm=False)
    said = " ".join(s.text for s in got.suggestions)
    assert got.heard.unsure, message
    assert "worn down" not in said and "had it with" not in said, said


@pytest.mark.parametrize(
    "message",
    ["they offered me the role in london but idk if i can take the role, mum needs me here",
     "idk if i can do the course, its 9 grand",
     "i dont know how much longer i can put up with this house, my dad keeps screaming at us and hitting mum"],
)
def test_accepting_affording_or_a_home_is_not_heard_as_being_worn_down(message: str) -> None:
    said = " ".join(s.text for s in reply(message, llm=False).suggestions)
    assert "worn down" not in said and "had it with" not in said, said


@pytest.mark.parametrize(
    "message",
    ["idk if i can go on like this", "i don't know if i can carry on", "not sure how much longer i can take this",
     "idk if i can do this anymore", "not sure i can keep going tbh", "i cant do this anymore",
     "i can’t do this anymore", "I can’t keep going like this", "i cant go on", "idk how i can go on",
     "cant go on like this", "cant do this anymore", "i cant do this anymore 😭", "i cant do this anymore x",
     "i cant take it anymore", "i dont think i can go on", "eish i cant carry on like this bru",
     "i cant do this anymore im so tired of everything"],
)
def test_not_knowing_if_they_can_go_on_at_all_is_met_warmly_and_asked_about(message: str) -> None:
    """(Reviewers' probes: these were read as a choice, "What are you leaning towards?", or as a plan declined,
    "Okay. No pressure at all." They may hint at much more than a hard week, or be a football score: the answer is
    warm and open enough for both.)"""
    got = reply(message, llm=False)
    said = " ".join(s.text for s in got.suggestions)
    assert got.brief is None, said
    assert "leaning towards" not in said and "gut" not in said and "No pressure" not in said, said
    assert "I'm right here" in said or "I'm here" in said, said
    assert got.suggestion("ask") is not None, said


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("idk if i can go on the trip, money is tight rn", ""),
        ("not sure i can do this saturday, work got moved", ""),
        ("i cant do this anymore 😂 this show is too funny", ""),
        ("they offered me the flat but idk if i can take it, rent is steep", ""),
        ("my mum died on sunday and idk if i can go on without her", "sorry about your mum"),
        ("having a panic attack idk if i can do this", "Breathe"),
        ("my best friend just texted me saying she cant go on like this", ""),
    ],
)
def test_plans_jokes_choices_grief_panic_and_someone_else_keep_their_own_answers(message: str, kept: str) -> None:
    """(A second reader's probes of the first form of `_GOING_ON`: plans, a joke and a choice were answered as a
    crisis, and grief, a panic attack and a friend's words lost their own answers.)"""
    said = " ".join(s.text for s in reply(message, llm=False).suggestions)
    assert "had enough" not in said, said
    assert kept in said, said
