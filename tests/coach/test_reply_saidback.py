"""Said-back text reads as a sentence: capitals carried from the start of the partner's sentence, the ask
after their own achievement, and verbless news said back."""

from __future__ import annotations

import pytest
from reply_helpers import composed

from openup.coach.heard_clauses import lower_first
from openup.coach.listen import reply


def _reflect(text: str) -> str:
    s = reply(text, llm=False).said_back  # the say-back as composed
    assert s is not None
    return s.text


@pytest.mark.parametrize(
    ("clause", "said"),
    [
        ("Malaria has knocked me flat", "malaria has knocked me flat"),
        ("Petrol went up again", "petrol went up again"),
        ("Transport costs are eating my pay", "transport costs are eating my pay"),
        ("Interview is at nine tomorrow", "interview is at nine tomorrow"),
        ("Priya moved out on Sunday", "Priya moved out on Sunday"),
        ("Lagos traffic was brutal", "Lagos traffic was brutal"),
        ("Tuesday was a write-off", "Tuesday was a write-off"),
        ("Dad's selling the house", "Dad's selling the house"),
        ("God knows why", "God knows why"),
        ("Dr Osei rang back", "Dr Osei rang back"),  # a title and a name
        ("Grace told everyone at work", "Grace told everyone at work"),  # a bare word before "told": a name
        ("NHS letter came", "NHS letter came"),
        ("I lost my keys", "I lost my keys"),
    ],
)
def test_lower_first_keeps_names_and_lowers_common_words(clause: str, said: str) -> None:
    assert lower_first(clause) == said


def test_common_word_at_sentence_start_is_not_capitalised_mid_reply() -> None:
    text = _reflect("Electricity bill arrived and it is nearly double.")
    # said back mid-sentence it is lower case; asked back first ("Electricity bill arrived ...?") it opens the reply
    assert "electricity bill arrived" in text.lower() and "Electricity" not in text[1:]


def test_name_at_sentence_start_keeps_its_capital() -> None:
    # (not "Amara cancelled on me again": a letdown, met by a reaction to it, `coach/gistreact.py`)
    assert "Amara" in _reflect("Amara changed the plans again at the last minute.")


def _ask(text: str) -> str:
    s = reply(text, llm=False).suggestion("ask")
    assert s is not None
    return s.text


OWN_ASKS = {"How does it feel now that you've done it?", "How did you pull it off? Tell me everything.",
            "What was it like in the moment?", "What are you proudest of in how you did it?",
            # what we did together is asked about as ours
            "How does it feel now that we've done it?", "What was the best bit for you?", "How shall we celebrate?",
            # the stock "How did you pull it off?" and "What are you proudest of ...?" replaced (s33)
            "How did it go down? I want details.", "What are you going to do to treat yourself?",
            # pride, not a question, for a win told whole already (s39: dev raters 7 -> 16 of 19 with it)
            "I'm so proud of you, love.", "So proud of you. We're celebrating tonight, yeah?"}


@pytest.mark.parametrize(
    "text",
    [
        "Swam a whole mile this morning without stopping!!",
        "I finally fixed the bike myself, no help from anyone!",
        "we won the five-a-side final tonight!!",
        "Passed my citizenship test today!",
        "Got the job at the library!!",
    ],
)
def test_own_achievement_is_not_asked_how_they_found_out(text: str) -> None:
    assert _ask(text) in OWN_ASKS


def test_own_achievement_asks_vary() -> None:
    texts = ["Swam a whole mile this morning!!", "Passed my citizenship test today!", "Got the job at the library!!",
             "we won the five-a-side final tonight!!", "Sold my old guitar for a great price today!",
             "Finished my first marathon today!!"]
    assert len({_ask(t) for t in texts}) >= 2


@pytest.mark.parametrize(
    "text",
    ["My sister passed her driving test!!", "Got my visa approved today!!", "Got the all clear from the dentist!"],
)
def test_news_from_others_keeps_the_other_asks(text: str) -> None:
    assert _ask(text) not in OWN_ASKS


@pytest.mark.parametrize(
    ("text", "said", "not_said"),
    [
        ("been at the vet since eight with the cat. still no news", "you've been at the vet since eight", "like been"),
        ("been 3 days and my back still hurts", "it's been 3 days", "like been"),
        ("10 days no vaping. not that anyone's counting", "10 days without vaping", "days no vaping"),
        ("my bonus came through and it was double what I thought lol time for a holiday", "double what you thought",
         "holiday"),
        ("btw the landlord fixed the boiler!!", "the landlord fixed the boiler", "btw"),
        ("Crikey, the storm took half the fence down last night.", "the storm took half the fence down", "rikey"),
        ("Bro I finally finished the shed!", "the shed", "Bro"),
        ("lowkey think I messed up the presentation", "you think you messed up", "like think"),
    ],
)
def test_said_back_is_a_clause(text: str, said: str, not_said: str) -> None:
    reflect = " ".join(t[:1].lower() + t[1:] for t in composed(text).values())  # the say-back as composed
    assert said in reflect and not_said not in reflect
