"""When the listener or the two of you are part of the story, the reply takes part (`coach/about_us.py`): a complaint
about you is owned, with an apology and something you will do; a hope or a plan for the two of you gets a yes; a
doubt about us is taken seriously; a problem that is ours is faced with "we"; their nerves about your own people
are calmed from the inside. A complaint about someone else, or what the safety screen flags, is not about us. The
messages are written for these tests.
"""

from __future__ import annotations

import pytest
from reply_helpers import composed

from openup.coach.listen import reply


def _said(text: str) -> dict[str, str]:
    return composed(text)


def _us(text: str) -> str:
    from openup.coach.about_us import us_of  # the reading itself: missing before this change

    return us_of(reply(text, llm=False).heard)


_MIRRORED = ("It sounds like you feel", "Sounds like sometimes you feel", "It sounds like you were hurt")
_OUTSIDE = ("I'd have felt the same", "That sounds really hard, love. I'm sorry.", "What would help you unwind",
            "I can see why that got to you", "How are you holding up", "What's going through your head")
_COMMITS = ("I'll", "I'm going to", "Let me", "Next time I")


@pytest.mark.parametrize(
    "message",
    [
        "u promised ud come to my match n then just didnt show",
        "you said you'd be at my recital and you never turned up",
        "Honestly, I feel like I'm always the one who says sorry first, even when you started it.",
        "im always the one reaching out first after we fight. every time",
        "sometimes it feels like i'm the only one who ever makes plans for us",
    ],
)
def test_a_complaint_about_you_is_owned_with_an_apology_and_a_promise(message: str) -> None:
    said = _said(message)
    assert said["reflect"].startswith(("You're right", "I'm sorry")) and "sorry" in said["reflect"].lower(), said
    assert not any(m in said["reflect"] for m in _MIRRORED), said
    assert not any(o in " ".join(said.values()) for o in _OUTSIDE), said
    assert said["ask"] != "What would help most from me now?" and any(c in said["ask"] for c in _COMMITS), said


@pytest.mark.parametrize(
    ("message", "promise"),
    [
        ("You said you'd come to my netball final and then you just... didn't show up.", "I'll be there"),
        ("you keep talking over me every time i tell a story", "finish"),
        ("you never say sorry first. never. its always me", "first"),
        ("u didnt even notice my new haircut", "suits you"),
    ],
)
def test_what_you_will_do_fits_what_you_did(message: str, promise: str) -> None:
    said = _said(message)
    assert promise in said["ask"], said
    assert "I'd have felt the same" not in said["validate"], said


@pytest.mark.parametrize(
    "message",
    [
        "my boss never listens to a word I say",
        "my sister always interrupts me at dinner",
        "My flatmate is always the one who forgets the bins and it drives me up the wall",
    ],
)
def test_a_complaint_about_someone_else_is_not_about_you(message: str) -> None:
    assert _us(message) == ""
    said = _said(message)
    assert not said["reflect"].startswith("You're right"), said
    assert "from me" not in said.get("validate", ""), said


def test_control_and_fear_keep_the_safety_answer() -> None:
    controlled = "you check my phone every night and get angry if i talk to my friends"
    r = reply(controlled, llm=False)
    assert r.safety.level != "none" and _us(controlled) == ""
    assert not any(s.text.startswith("You're right") for s in r.suggestions), r.suggestions
    afraid = reply("you pushed me against the wall last night and im scared of you", llm=False)
    assert afraid.safety.level == "danger" and afraid.suggestions == ()


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("can we have a phones-away night", "proposal"),
        ("Could we do a date night every Friday?", "proposal"),
        ("shall we start a sunday walk thing, just us two", "proposal"),
        ("i think we should try couples therapy. not because its over, because i want us to last", "counsel"),
        ("What if we saw a marriage counsellor? I really want us to work.", "counsel"),
    ],
)
def test_a_hope_for_the_two_of_you_gets_a_yes(message: str, kind: str) -> None:
    assert _us(message) == kind
    said = _said(message)
    assert said["reflect"].startswith("Yes"), said
    assert not any(o in " ".join(said.values()) for o in _OUTSIDE), said
    assert "It sounds like" not in " ".join(said.values()), said
    if kind == "counsel":
        assert "together" in said["ask"] or "look" in said["ask"], said


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("I don't know if we want the same future anymore.", "doubt"),
        ("idk if we're even right for each other anymore", "doubt"),
        ("feels like we're just flatmates lately", "drift"),
        ("we never go out anymore", "drift"),
        ("i feel like we havent had a proper conversation in ages", "drift"),
    ],
)
def test_a_worry_about_us_is_taken_up_by_the_other_half(message: str, kind: str) -> None:
    assert _us(message) == kind
    said = _said(message)
    assert not said["reflect"].startswith(("It sounds like", "Sounds like")), said
    assert "not sure" not in said["reflect"], said
    assert "How are you holding up" not in said["ask"] and ("we" in said["ask"] or "us" in said["ask"]), said


def test_we_with_someone_else_is_not_us() -> None:
    message = "My cousin rang today. We haven't really talked since the wedding and it was so nice to catch up."
    assert _us(message) == ""
    assert "missed us" not in " ".join(_said(message).values())


@pytest.mark.parametrize(
    "message",
    [
        "rent's going up by 150 from march. love that for us",
        "the boiler's died and the quote is 2 grand, we're skint till payday",
        "my dad wants to come and stay with us for a month after his op",
        "Mum's asking if she can move in with us till the house sale goes through.",
    ],
)
def test_a_problem_that_is_ours_is_faced_with_we(message: str) -> None:
    assert _us(message) in ("ours", "ours_money")
    said = _said(message)
    text = " ".join(said.values())
    assert not any(o in text for o in _OUTSIDE), said
    assert " we " in f" {said['ask'].lower()} " or " us" in said["ask"], said
    assert " us" in said["reflect"] or "both of us" in said["reflect"], said


@pytest.mark.parametrize(
    ("message", "who"),
    [
        ("meeting your parents on saturday and im actually terrified they wont like me", "My parents"),
        ("what if your sister thinks I'm boring at the wedding?", "my sister"),
        ("Bit nervous about your mum's birthday do. what if she doesn't like me", "My mum"),
        ("lunch w your whole family tmrw and im bricking it. what if your nan hates me", "my nan"),
    ],
)
def test_nerves_about_your_own_people_are_calmed_from_the_inside(message: str, who: str) -> None:
    assert _us(message) == "your_people"
    said = _said(message)
    assert who in said["reflect"] and "love you" in said["reflect"], said
    assert "next to you" in said["validate"] or "by your side" in said["validate"], said
    assert "What's going through your head" not in said["ask"], said


def test_nerves_about_their_own_people_are_not_yours() -> None:
    message = "meeting my dad's new girlfriend on saturday and im so nervous. what if she hates me"
    assert _us(message) == ""
    assert "will love you" not in _said(message)["reflect"]


@pytest.mark.parametrize(
    "message",
    ["your mum is so nervous about the op tomorrow", "what if your dad needs surgery after all"],
)
def test_your_peoples_own_worries_are_not_their_nerves_about_them(message: str) -> None:
    assert _us(message) == ""
    assert "will love you" not in " ".join(_said(message).values())


def test_praise_of_you_is_not_a_complaint() -> None:
    assert _us("you were so calm today, i dont know how you do it") == ""


@pytest.mark.parametrize(
    "message",
    ["ur phone was off all afternoon and i genuinely thought you'd been in a crash",
     "Your phone went dead and I was frantic. I nearly rang the hospital."],
)
def test_a_fright_you_caused_is_owned_and_put_right(message: str) -> None:
    assert _us(message) == "fright"
    said = _said(message)
    assert "scary" in said["validate"] or "horrible" in said["validate"], said
    assert "I'll" in said["ask"], said
    assert "What's going through your head" not in said["ask"], said


@pytest.mark.parametrize(
    "message",
    ["our daughter's been crying before school every morning this week. i keep wondering if we missed something",
     "Our boy is being left out at break again and I can't stop thinking about whether we should have moved him."],
)
def test_a_worry_about_our_child_is_faced_together(message: str) -> None:
    assert _us(message) == "ours_child"
    said = _said(message)
    assert "together" in said["validate"] or "together" in said["ask"], said
    assert "How are you doing with it all" not in said["ask"], said
