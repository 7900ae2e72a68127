"""`check`'s rewrite keeps what the draft said and drops what only repeats the dig.

Read as a user would on the blind coaching dev half: the rewrite of "text back. NOW" kept "NOW", of
"ok Mr. Know-it-all, ..." began "ok Mr.", and "how r u feeling abt the move" lost the move. Messages here are
our own, written for these tests.
"""

from __future__ import annotations

import pytest

from openup.coach.review import check
from openup.coach.rewrite import rewrite_candidates, sentences
from openup.text.detect import detect


def _rewrite(text: str) -> str:
    out = check(text).rewrite
    assert out is not None, text
    return out


@pytest.mark.parametrize(
    ("draft", "gone"),
    [
        ("we need to talk about this tonight. NOW", "NOW"),
        ("Stop ignoring me, Sam. Call me. Today.", "Today"),
        ("u told me ur scared of ending up like ur dad. it shows", "it shows"),
        ("you never finish anything you start. classic", "classic"),
        ("oh sure, blame me again. typical", "typical"),
    ],
)
def test_a_short_tail_that_repeats_the_dig_goes_with_it(draft: str, gone: str) -> None:
    assert gone not in _rewrite(draft)


@pytest.mark.parametrize(
    ("draft", "kept"),
    [
        ("ur so lazy sometimes. love u tho", "love u tho"),  # affection beside the dig stays
        ("you never listen to me. sorry", "sorry"),  # so does an apology
    ],
)
def test_kind_words_beside_a_dig_are_kept(draft: str, kept: str) -> None:
    assert kept in _rewrite(draft)


def test_a_short_word_beside_advice_is_kept() -> None:
    # Advice is a lapse in listening, not a dig: a word of sympathy beside it is no tail to drop.
    assert _rewrite("Eish. just tell your manager you need a day off").startswith("Eish.")


def test_a_stray_closing_quote_is_not_left_behind() -> None:
    out = _rewrite('He asked what was wrong and I said "have you tried just not worrying about it."')
    assert not out.rstrip().endswith('"') or out.count('"') % 2 == 0


@pytest.mark.parametrize(
    ("draft", "name"),
    [
        ("ok Mr. Know-it-all, explain it to me again then", "Know-it-all"),
        ("Sure thing, Dr. Perfect. Whatever.", "Perfect"),
    ],
)
def test_an_abbreviation_does_not_end_the_sentence(draft: str, name: str) -> None:
    assert name in sentences(draft)[0].text
    assert not _rewrite(draft).startswith(("ok Mr.", "Sure thing, Dr."))


def test_sentences_still_split_at_full_stops() -> None:
    assert [s.text.strip() for s in sentences("I'm home. Dr. Lee said it's fine. See you soon")] == [
        "I'm home.", "Dr. Lee said it's fine.", "See you soon",
    ]


@pytest.mark.parametrize(
    ("draft", "want"),
    [
        ("how r u feeling abt the new job now its real", "What do you think about the new job now"),
        ("how did u feel when ur boss said that in the meeting", "What went through your head when your boss said"),
        ("does it make u sad when i'm away for work", "What goes through your head when i'm away for work"),
        ("how did that mess with the landlord make u feel", "What did you make of that mess with the landlord"),
        ("are you upset with me about the wedding plans", "What do you think about the wedding plans"),
        ("how are you feeling about your sister's news lol 😅", "What do you think about your sister's news?"),
    ],
)
def test_a_feeling_question_becomes_a_thought_question_about_the_same_thing(draft: str, want: str) -> None:
    assert want in _rewrite(draft)


@pytest.mark.parametrize("draft", ["r u mad at me", "are you angry with me"])
def test_a_question_about_me_never_asks_what_you_think_about_me(draft: str) -> None:
    out = check(draft).rewrite or ""
    assert "about me" not in out and "of me" not in out


def test_a_feeling_question_inside_thanks_keeps_the_thanks() -> None:
    draft = "just wanted to say im so proud of you for the interview, you smashed it, how are you feeling"
    candidates = rewrite_candidates(draft, detect(draft))
    assert all("proud of you" in c for c in candidates)
