"""The reply answers the part of the message that carries its weight: a complaint about the listener told in a
roundabout way is owned, good news said plainly is celebrated, a story is said back where it turned, a plea to
be told they are not mad is answered, and stock comfort is kept to where it fits. The messages are written for
these tests.
"""

from __future__ import annotations

import pytest
from reply_helpers import composed

from openup.coach.listen import reply


def _said(text: str) -> dict[str, str]:
    return composed(text)


@pytest.mark.parametrize(
    ("message", "owned"),
    [
        # a concession before it: "i know you're tired but you ..."
        ("i know ur tired but u were so short with me at dinner and i didnt deserve it", "I was so short with you"),
        # asked as a question
        ("wait did u seriously cancel on my parents again??", "I cancelled on your parents again"),
        # how it made them feel, before what you did
        ("im just really hurt that u told ur friends before me", "I told my friends before you"),
        ("i feel like u never take my side with ur family", "I've made you feel like I never take your side"),
        # said again and again
        ("i reminded u about the vet appointment like three times", "I didn't listen when you reminded me"),
        ("I asked you twice this week to call the plumber, and you said you would.", "I didn't call the plumber"),
        # what you are doing again, right now
        ("you're checking your phone again while I'm talking", "You're right, I'm checking my phone again"),
    ],
)
def test_a_complaint_about_the_listener_is_owned(message: str, owned: str) -> None:
    said = _said(message)
    assert owned in said["reflect"], said
    assert "sorry" in said["reflect"].lower(), said
    assert not said["reflect"].startswith(("Ugh", "Oh no", "It sounds like")), said
    assert "going on between us" not in said["ask"], said


@pytest.mark.parametrize(
    "message",
    [
        "So the mortgage went through. Still processing it honestly.",
        "got the internship at the museum. trying to play it cool",
        "The editor wants to publish my essay in the spring issue.",
        "Well. You're talking to the new shift lead 😎 Got the call today!",
    ],
)
def test_good_news_said_plainly_is_celebrated(message: str) -> None:
    coaching = reply(message, llm=False)
    moves = [s.move for s in coaching.suggestions]
    text = " ".join(s.text for s in coaching.suggestions).lower()
    assert "celebrate" in moves, coaching.suggestions
    assert not any(w in text for w in ("tough", "hard", "sorry", "processing", "play it cool")), text


@pytest.mark.parametrize(
    ("message", "good"),
    [
        ("So the mortgage went through. Still processing it honestly.", True),
        ("got the internship at the museum. trying to play it cool", True),
        ("got the promotion but it means moving to Leeds", False),
        ("I didn't get the job.", False),
        ("my brother got into Oxford and nobody even asked how I was", False),
        ("fingers crossed the sale goes through this week", False),
        ("I went through all the old photos today.", False),
        ("We got the call from the school about Max again.", False),
    ],
)
def test_good_news_said_reads_the_words_of_good_news_only(message: str, good: bool) -> None:
    from openup.coach.news import good_news_said

    assert good_news_said(message) is good


@pytest.mark.parametrize(
    ("message", "point"),
    [
        ("my cousin borrowed my car for the weekend and then brought it back with no petrol and didnt even say thanks",
         "brought it back with no petrol"),
        ("i lent marco 200 at christmas and hes acting like it never happened", "acting like it never happened"),
    ],
)
def test_a_story_is_said_back_where_it_turned(message: str, point: str) -> None:
    said = _said(message)
    assert point in said["reflect"], said


def test_a_turn_needs_a_slight() -> None:
    from openup.coach.news import turned

    assert turned("we went to the beach and then had chips") is None
    assert turned("she asked me for help and then blamed me for the delay") == (
        "she asked me for help", "blamed me for the delay")


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("we spent our savings on a camper van. please tell me im not crazy", "not crazy"),
        ("I quit the choir after ten years. I just need you to tell me I'm not being dramatic", "not being dramatic"),
    ],
)
def test_a_plea_to_be_told_they_are_not_mad_is_answered(message: str, answer: str) -> None:
    said = _said(message)
    assert answer in said["reflect"], said


@pytest.mark.parametrize(
    "message",
    [
        "I loved that you stayed up to wait for me last night.",
        "i really liked how you stood up for me at dinner",
        "the way u danced with me at the wedding. honestly. made me feel like teenagers",
    ],
)
def test_something_you_did_that_they_liked_is_taken_in(message: str) -> None:
    assert [s.move for s in reply(message, llm=False).suggestions] == ["receive"]


@pytest.mark.parametrize(
    "message",
    [
        "I'm jealous of my best friend's new house and I hate that I'm jealous.",
        "Saw my old flatmate in town, the one I stopped replying to. She was lovely and I felt awful.",
        "My manager mocked my accent in the meeting. In front of the whole team.",
        "the vet says our old cat has a couple of months left",
        "found a birthday card from my grandad in a drawer today",
        "I'm ashamed of how I spoke to my sister yesterday.",
    ],
)
def test_stock_comfort_is_not_said_where_it_does_not_fit(message: str) -> None:
    text = " ".join(s.text for s in reply(message, llm=False).suggestions)
    assert "could have happened to anyone" not in text, text
    assert "Anyone would" not in text, text


@pytest.mark.parametrize(
    "message",
    [
        "Got the keys to the allotment today! Finally. Can we go to the garden centre on Saturday?",
        "The kids' play went brilliantly, Maya didn't miss a single line. Shall we get pizza to celebrate?",
    ],
)
def test_an_invitation_at_the_end_is_answered_first(message: str) -> None:
    moves = [s.move for s in reply(message, llm=False).suggestions]
    assert moves[0] == "yes_invite", moves


@pytest.mark.parametrize(
    ("message", "owned"),
    [
        ("my in-laws came for lunch and picked apart everything i cooked", "sorry my parents"),
        ("my father in law lectured me about money at dinner again", "sorry my dad"),
    ],
)
def test_their_in_laws_are_your_own_parents(message: str, owned: str) -> None:
    said = _said(message)
    assert owned in said["reflect"], said
    assert "in-law" not in said["reflect"] and "in law" not in said["reflect"], said


@pytest.mark.parametrize(
    ("message", "who"),
    [
        ("grandad passed away this morning. dad is in bits", "your dad"),
        ("Aunty Joy died last night and my mum is devastated", "your mum"),
    ],
)
def test_someone_hit_hard_by_a_loss_is_asked_after(message: str, who: str) -> None:
    said = _said(message)
    assert who in said["ask"], said


def test_what_you_said_granted_before_good_news_is_no_complaint() -> None:
    coaching = reply("We've been approved for the allotment! I know you said we'd never have time for it but we can "
                     "start in March.", llm=False)
    text = " ".join(s.text for s in coaching.suggestions)
    assert "celebrate" in [s.move for s in coaching.suggestions], text
    assert "sorry" not in text.lower() and "on me" not in text, text


@pytest.mark.parametrize(
    "message",
    [
        "i feel like you really get me",
        "did you actually go to the gym today?",
        "it feels like you've been so busy lately",
    ],
)
def test_what_is_not_a_complaint_is_not_owned(message: str) -> None:
    said = _said(message)
    assert "on me" not in said.get("reflect", "") and not said.get("reflect", "").startswith("You're right"), said
