"""What the message does first, read by the act reader where no pattern listed it (`coach/acts.py`).

Dev raters (stop 38) failed answers that met a request as news ("pls can u grab milk ... im dead on the sofa" got
"Oh, love. That sounds like a lot."), affection with sympathy ("ngl i really miss u today" got "That's really hard.
I'm sorry."), news in passing as a hardship ("fire alarm at work ... will text when back in" got "I'm right here
with you, love."), and a mishap told for a laugh with heavy sympathy. The act reader is a head per act over the
shipped encoder (`scripts/train_acts.py`), trained on lines written by helpers who saw only the act definitions and
on the blind dev half labelled by two helpers each (kept where both agreed).
"""

from __future__ import annotations

import pytest

from openup.coach.acts import Told, situation_for
from openup.coach.feelings import act_of
from openup.coach.listen import reply
from openup.text.model import get_feeling_heads
from openup.text.model.heads import FEELING_HEADS_FILE, load_heads

ROUTED = ("request", "invite", "affection", "update", "joking", "good_news")


def test_the_shipped_reader_has_a_usable_head_for_every_act_it_routes() -> None:
    heads = load_heads(FEELING_HEADS_FILE)
    acts = {heads.names[i].removeprefix("act_"): float(heads.threshold[i]) for i in heads.in_group("act")}
    for act in ROUTED:
        assert act in acts, act
        assert 0.3 <= acts[act] < 1.0, (act, acts[act])  # a cut-off some message reaches
    assert heads.in_group("feeling") and heads.in_group("attribute")  # the act heads were added, nothing dropped
    meta = heads.meta["acts"]["out_of_fold"]
    for act in ROUTED:
        assert meta[act]["precision"] >= 0.9 - 1e-6, (act, meta[act])  # stored as float32


@pytest.mark.parametrize(
    ("message", "act"),
    [
        ("pls can u grab milk and bin bags on ur way home im dead on the sofa", "request"),
        ("just found the note u hid in my lunchbox 🥺 ur the best", "affection"),
        ("the cat brought a LIVE frog into the bedroom at 2am and now its under the wardrobe HELP", "joking"),
    ],
)
def test_the_act_reader_reads_what_the_message_does(message: str, act: str) -> None:
    got = act_of(message)
    assert got is not None and got[0] == act, got


@pytest.mark.parametrize(
    ("message", "situation"),
    [
        ("pls can u grab milk and bin bags on ur way home im dead on the sofa", "request"),
        ("would you ever ring the GP for me in the morning, I can't face it and the chest is still at me", "request"),
        ("just found the note u hid in my lunchbox 🥺 ur the best", "praise"),
        ("presentation in 20 mins and my hands wont stop sweating send good vibes pls", "luck"),
    ],
)
def test_what_no_pattern_lists_gets_the_answer_it_asks_for(message: str, situation: str) -> None:
    assert reply(message, llm=False).situation == situation


def test_a_mishap_told_for_a_laugh_is_met_lightly() -> None:
    r = reply("the cat brought a LIVE frog into the bedroom at 2am and now its under the wardrobe HELP", llm=False)
    said = " ".join(s.text for s in r.suggestions)
    assert "Ha" in said, said
    assert "rough" not in said and "sorry" not in said.lower(), said


@pytest.mark.parametrize(
    "message",
    [
        # sarcasm is never taken as thanks
        "wow so fun being the only one who remembers to feed the cat. really living the dream over here",
        "nice of your friends to talk about their ski trip for 2 hrs while I sat there. really felt included",
        "fantastic, the washing machine has decided to die mid cycle with all my work clothes in it. perfect timing",
    ],
)
def test_sarcasm_is_never_received_as_kind_words(message: str) -> None:
    r = reply(message, llm=False)
    assert r.situation not in ("praise", "thanks", "love_you", "lucky_you", "miss_you"), r.situation
    assert not any("Thank you for saying that" in s.text or "made my day" in s.text for s in r.suggestions)


@pytest.mark.parametrize(
    "message",
    [
        "got passed over for the promo again. they gave it to the guy who started 6 months ago",
        "The nurse said they're keeping Grandma in overnight, just to be safe.",
        "URGENT the kitchen tap just snapped off and water is going EVERYWHERE where is the shut off valve again",
        "the kitchen is flooding theres water pouring out from under the sink HELP what do i turn off",
        "can u not do the thing where u fix it. i just want u to say that sucks",
    ],
)
def test_hard_or_urgent_news_is_never_cheered_noted_or_agreed_to(message: str) -> None:
    r = reply(message, llm=False)
    assert r.situation not in ("good_news", "update", "request", "invite"), r.situation
    said = " ".join(s.text for s in r.suggestions)
    for light in ("so happy for you", "heads-up", "Thanks for letting me know", "I'm on it", "Leave it with me"):
        assert light not in said, said


def test_what_else_was_heard_keeps_an_act_from_choosing_the_answer() -> None:
    assert situation_for("request", "can you grab milk on your way") == "request"
    assert situation_for("request", "can you grab milk on your way", Told(sour=True)) is None
    assert situation_for("request", "help what do i turn off") is None  # a question to answer, not a yes
    assert situation_for("update", "dentist moved to thursday") == "update"
    assert situation_for("update", "dentist moved to thursday", Told(heavy=True)) is None
    assert situation_for("invite", "we should see someone", Told(ours=True)) is None
    assert situation_for("affection", "miss you so much", Told(valence="negative")) is None
    assert situation_for("affection", "i love you so much") == "love_you"
    assert situation_for("hard", "work was awful") is None


def test_wished_luck_only_for_what_is_not_grave() -> None:
    assert reply("driving test at 3 wish me luck!!", llm=False).situation == "luck"
    assert reply("biopsy results tomorrow, fingers crossed", llm=False).situation != "luck"


def test_without_the_learned_tier_no_act_is_read() -> None:
    assert get_feeling_heads() is not None
    r = reply("just found the note u hid in my lunchbox 🥺 ur the best", llm=False, model=False)
    assert r.situation != "praise"


# Stop-39 dev raters, old against new on 174 changed dev answers, fitting and natural by both: a complaint about you
# owned short 5 -> 14 of 36; a reaction said once 15 -> 26 of 84; the act reader's answers 16 -> 23 of 53.


@pytest.mark.parametrize(
    ("message", "retold"),
    [
        ("u forgot to pick up the dry cleaning AGAIN and my interview shirt is in there. tmrw morning", "dry cleaning"),
        ("You didn't even ask how my exam went. I've been telling you about it since last month.", "exam"),
    ],
)
def test_a_complaint_about_you_is_owned_without_telling_it_back(message: str, retold: str) -> None:
    r = reply(message, llm=False)
    shown = r.suggestion("reflect")
    assert shown is not None and retold not in shown.text and "sorry" in shown.text.lower(), shown
    assert r.said_back is not None and retold in r.said_back.text  # as composed, it said it back


@pytest.mark.parametrize(
    "message",
    [
        "printer jammed 6 times and im the only one who knows how to fix it 🙄",
        "Rego, insurance and the car service all due the same week. Of course they are.",
        "bro the new manager rewrote my whole report and put HIS name on it",
    ],
)
def test_a_bare_reaction_is_said_once(message: str) -> None:
    from openup.coach.listen import _reaction_only

    r = reply(message, llm=False)
    bare = [s.text for s in r.suggestions if s.move in ("reflect", "validate") and _reaction_only(s.text)]
    assert len(bare) <= 1, r.suggestions
    assert not any("I hear you" in s.text for s in r.suggestions), r.suggestions


def test_most_of_a_short_message_is_not_said_back() -> None:
    r = reply("got laid off today", llm=False)
    assert not any("got laid off" in s.text for s in r.suggestions), r.suggestions
    assert r.said_back is not None and "laid off" in r.said_back.text  # as composed


@pytest.mark.parametrize(
    ("message", "situation"),
    [
        ("are you still annoyed about this morning", "cross"),  # answered, not "That sounds really hard"
        ("pls can u just hug me when u get home. no talking", "hug"),
    ],
)
def test_a_question_or_an_ask_to_you_is_answered(message: str, situation: str) -> None:
    assert reply(message, llm=False).situation == situation
