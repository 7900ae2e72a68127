"""Long messages answered at their weight (issue: long messages rated worst): the turn of the story is said back,
not its setting; an explicit request ("I'm not after a solution", "I'd rather just not") is honoured; irony told
at length is taken as irony; a long telling that comes to what to do is worked out together; a doubt on the way
("I don't know how it got this bad") is not answered as a choice; what the listener did is owned. The messages are
written for these tests, in several registers.
"""

from __future__ import annotations

import pytest
from reply_helpers import composed

from openup.coach.echo import candidates
from openup.coach.irony import verdict_at
from openup.coach.listen import reply

STOCK_DOUBT = ("hardest part to figure out", "you'd feel unsure", "it sounds like you're not sure")


def _texts(text: str) -> list[str]:
    return list(composed(text).values())  # the say-back as composed, and the rest


def _reflect(text: str) -> str:
    s = reply(text, llm=False).said_back  # the say-back as composed
    assert s is not None, text
    return s.text


@pytest.mark.parametrize(
    "message",
    [
        # plain
        "Something's been off with me since the move and I can't put my finger on it. Nothing's actually wrong, the "
        "flat's lovely and work is fine. I just feel flat most evenings. I'm not after a solution, I just wanted you "
        "to know.",
        # British
        "I know you mean well, love, and I'm grateful. But every time I go over it I get more wound up, so I'd rather "
        "just not. It's a work thing and it'll sort itself out. Can we just have a normal evening?",
        # Irish
        "Ah the week has been savage. The car failed the NCT, the boiler is making that noise again, and my mam is on "
        "at me about Christmas already. I'm not asking you to fix any of it. I just needed to say it to someone.",
    ],
)
def test_a_request_not_to_be_fixed_or_asked_gets_no_question(message: str) -> None:
    said = _texts(message)
    assert said, message
    assert not any(t.rstrip().endswith("?") for t in said), said
    assert not any("rather just not" in t for t in said), said  # the request is honoured, not said back


@pytest.mark.parametrize(
    ("message", "turn"),
    [
        ("My sister rang for the first time since the wedding. We talked for a while about the weather and her "
         "garden, nothing much. But right at the end she said she was sorry. I've no idea what to do with that. Part "
         "of me wants to ring her straight back and part of me is still furious.", "your sister said she was sorry"),
        ("So the landlord finally came round about the damp in the bedroom. He had a look, took some photos, nodded a "
         "lot. Then on his way out he told me the rent is going up in March. I just stood there holding the door.",
         "he told you the rent is going up in March"),
    ],
)
def test_the_turn_of_a_long_story_is_said_back_not_its_setting(message: str, turn: str) -> None:
    said = candidates(message, news=True)
    assert said and said[0] == turn, said


def test_a_turn_with_mixed_feelings_is_met_as_both() -> None:
    message = ("My sister rang for the first time since the wedding. We talked for a while about the weather and her "
               "garden, nothing much. But right at the end she said she was sorry. I've no idea what to do with that. "
               "Part of me wants to ring her straight back and part of me is still furious.")
    said = _texts(message)
    assert "your sister said she was sorry" in said[0], said
    assert "rough" not in said[0] and "frustrating" not in " ".join(said), said
    assert not any(s in " ".join(said) for s in STOCK_DOUBT), said


@pytest.mark.parametrize(
    "message",
    [
        "Oh it was brilliant. The train was cancelled so I got a replacement bus that took two hours, I missed the "
        "start of the interview, and then the panel emailed this evening to say they'd reconsider in the new year. "
        "Truly a day for the scrapbook.",
        "Great news everyone, the school has cancelled the residential trip the kids have been saving for since "
        "September. So that's forty quid of pocket money gone. I rang the office and everything. The woman said "
        "'these things happen'.",
    ],
)
def test_irony_told_at_length_is_taken_as_irony(message: str) -> None:
    coaching = reply(message, llm=False)
    assert not coaching.heard.good_news
    said = [s.text for s in coaching.suggestions]
    assert not any(s.move == "celebrate" for s in coaching.suggestions), said
    assert not any(w in " ".join(said) for w in ("I love that", "That's brilliant", "So glad")), said
    assert coaching.said_back is not None and "what a day" in coaching.said_back.text.lower(), said


def test_a_glowing_day_told_at_length_is_not_irony() -> None:
    message = ("Honestly, it was wonderful. We walked the cliff path all morning and had chips on the harbour wall. "
               "The sun came out just as we got to the top. Truly a day for the scrapbook.")
    assert "what a day" not in " ".join(_texts(message)).lower()
    assert verdict_at("It was wonderful. We walked for hours.") is None  # too short to be told at length


@pytest.mark.parametrize(
    ("message", "work_out"),
    [
        ("Dev asked me to be godparent to the baby today. It's such an honour and I said yes straight away. But the "
         "christening is in Lagos in March and the flights alone are eight hundred quid, and we've only just cleared "
         "the credit card. I don't want to be the one who lets them down. I don't know how to tell him without "
         "sounding like I don't care.", "how to tell him without sounding like you don't care"),
        ("Dad's been getting more forgetful and today he left the front door wide open again. Mum keeps saying it's "
         "nothing. I feel like I'm the only one who's worried and I don't know how to raise it without starting a "
         "row.", "how to raise it without starting a row"),
    ],
)
def test_a_long_telling_that_comes_to_what_to_do_is_worked_out_together(message: str, work_out: str) -> None:
    said = " ".join(_texts(message))
    assert "work out" in said and f"{work_out}?" in said, said
    assert not any(s in said for s in STOCK_DOUBT), said


def test_news_with_a_doubt_at_the_end_is_still_said_back() -> None:
    message = ("Weird day. My manager called me in this afternoon and told me the whole office is closing in June. "
               "I'm furious that nobody said anything sooner. I don't know what to tell the kids yet.")
    said = _texts(message)
    assert "closing in June" in said[0], said
    assert "what to tell the kids?" in " ".join(said), said  # the "yet" is not carried into the offer


def test_a_doubt_on_the_way_is_not_answered_as_a_choice() -> None:
    message = ("I finally opened the overdraft letters I've been shoving in the drawer. It's worse than I thought, "
               "nearly four grand. I don't know how it got this bad. I feel sick even writing it down.")
    said = _texts(message)
    assert "worse than you thought" in said[0], said
    assert not any(s in " ".join(said) for s in STOCK_DOUBT), said


@pytest.mark.parametrize(
    "message",
    [
        "I'm not trying to start a row, but I need to say it. This is the third time this month you've said yes to "
        "your brother's plans for us without asking me. I found out about Sunday from his girlfriend. I felt like a "
        "guest in my own life. I just want to be asked.",
        "I know work has been mad and I'm not looking for a fight. But you said you'd ring the garage about the car, "
        "and now they're texting me asking why nobody came to collect it. I just feel like I'm always the last to "
        "know.",
    ],
)
def test_what_the_listener_did_is_owned_in_a_long_message(message: str) -> None:
    said = _reflect(message)
    assert said.startswith(("You're right", "I'm sorry", "I'm so sorry")), said


def test_a_short_request_is_answered_in_its_own_words() -> None:
    # not parroted back ("you need me to listen without fixing it this time"): said yes to, in its own terms
    said = _texts("I need you to listen without fixing it this time.")
    assert "fixing" in said[0] and "listening" in said[0], said
    assert not any("you need me to" in s for s in said), said
