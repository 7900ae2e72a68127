"""`reply()`: what was heard, three moves that carry their signal, what to avoid, safety first."""

from __future__ import annotations

import json

import pytest

import openup
from openup.coach.gistreact import REACTIONS
from openup.coach.listen import ReplyCoaching, brief_of, briefs, moves, reads_well, reply
from openup.coach.situations import situations
from openup.errors import UserError
from openup.method import kinds
from openup.text.detect import detect

INTENDED = {"reflect": "reflection", "validate": "validation", "ask": "open_question"}
TAKES_IN = {w for m in moves().values() for t in m.templates if t.takes_in for w in t.texts}
# a say-back that would parrot the message is met by a short reaction to its gist instead (`coach/gistreact.py`):
# it reacts ("In front of everyone? Oh, love."), it does not say back
GIST = {w.format(obj=o) for ws in REACTIONS.values() for w in ws for o in ("her", "him", "them")}
MESSAGES = [
    "My boss yelled at me in front of everyone today. I'm so embarrassed.",
    "I got the job!",
    "I'm so stressed about my exam tomorrow",
    "You never listen to me when I talk about my day",
    "My mom is sick again and I can't stop worrying",
    "We had a deadline at work and my manager blamed me for the delay",
    "I feel like such a failure, I failed the test again",
    "hi",
    "What should I do about my job?",
]


@pytest.mark.parametrize("message", MESSAGES)
def test_each_suggestion_carries_its_signal_and_nothing_harmful(message: str) -> None:
    result = reply(message, llm=False)
    expected = list(situations()["good_news" if message == "I got the job!" else "default"].moves)
    if result.retold is not None and result.suggestion("reflect") is None:
        expected.remove("reflect")  # a say-back that would retell the message is left out
    assert [s.move for s in result.suggestions] == expected
    harmful = {k for k, v in kinds().items() if v.harmful}
    for s in result.suggestions:
        found = {x.kind for x in detect(s.text, model=False)}
        # celebrate carries no one signal, and a stated fact taken in is not hedged: only nothing harmful
        # (nor is a say-back cut to the detail that weighs, "Again?": it echoes, it does not reflect whole)
        if s.move in INTENDED and s.wording not in TAKES_IN | GIST and not (s.move == "reflect" and result.retold):
            assert INTENDED[s.move] in found, (s.move, s.text, found)
        assert not found & harmful, (s.move, s.text, found)
    ask = result.suggestion("ask")
    assert ask is not None
    assert "feeling_question" not in {x.kind for x in detect(ask.text, model=False)}


def test_heard_event_and_feelings_in_second_person() -> None:
    result = reply("My boss yelled at me in front of everyone today. I'm so embarrassed.", llm=False)
    assert result.heard.event == "your boss yelled at you in front of everyone today"
    assert result.heard.feelings[0].word == "embarrassed"
    assert result.heard.feelings[0].source == "named"
    reflect = result.said_back  # the say-back as composed
    assert reflect is not None
    assert reflect.text.startswith("Your boss yelled at you")  # what they told is not hedged
    assert "embarrassed" in reflect.text


def test_no_feeling_from_a_keyword() -> None:
    """Without the feelings reader nothing is guessed from a keyword: a loss is said back, no feeling named."""
    result = reply("My dad passed away last week.", llm=False, model=False)
    assert result.heard.feelings == ()
    reflect = result.said_back  # the say-back as composed
    assert reflect is not None and "your dad" in reflect.text  # a loss: who they lost, said back


def test_good_news_is_celebrated_and_complaints_are_not() -> None:
    good = reply("sold my first painting today", llm=False)
    assert next(s.move for s in good.suggestions) == "celebrate"
    # The good-news head celebrates only where it is sure (90% precision out of fold): news it is less sure
    # of is still met gladly, never as a setback.
    glad = reply("I finally paid off my credit card, first time in six years it's at zero!", llm=False)
    said = " ".join(s.text for s in glad.suggestions).casefold()
    assert not any(w in said for w in ("oh no", "sorry", "awful", "worrying", "that's hard", "ugh"))
    assert any(w in said for w in ("good to hear", "happy", "amazing", "huge", "pleased", "proud"))
    sour = reply("thanks for nothing", llm=False)
    assert "celebrate" not in {s.move for s in sour.suggestions}


def test_no_wording_repeats_back_to_back() -> None:
    """Within one conversation the next reply never reuses a wording the previous one used."""
    messages = [
        "my boss moved the deadline up a week and nobody asked",
        "the printer jammed again and i lost the whole report",
        "my sister cancelled on me again last minute",
        "the landlord says the rent goes up next month",
        "my back has been killing me all week",
        "the bus was forty minutes late and i missed the meeting",
    ]
    recent: tuple[str, ...] = ()
    for text in messages:
        result = reply(text, llm=False, recent=recent)
        assert not set(result.wordings) & set(recent), (text, result.wordings, recent)
        recent = result.wordings


def test_thoughts_are_heard() -> None:
    result = reply("I think my sister is avoiding me. Maybe I said something wrong.", llm=False)
    assert any("you think your sister is avoiding you" in t for t in result.heard.thoughts)


def test_avoid_is_specific_to_the_message() -> None:
    hard = reply("My boss yelled at me in front of everyone today.", llm=False)
    kinds_ = {a.kind for a in hard.avoid}
    assert {"advice", "minimizing", "self_focus", "feeling_question"} <= kinds_
    assert any("their boss" in a.text for a in hard.avoid)
    complaint = reply("You never listen to me when I talk about my day", llm=False)
    assert "defensiveness" in {a.kind for a in complaint.avoid}
    good = reply("I got the job!", llm=False)
    assert "minimizing" not in {a.kind for a in good.avoid}


def test_json_shape() -> None:
    data = reply("My boss yelled at me today.", llm=False).to_dict()
    json.dumps(data)
    assert set(data) >= {"text", "heard", "suggestions", "avoid", "safety"}
    assert set(data["heard"]) == {"event", "feelings", "thoughts"}
    assert {tuple(sorted(s)) for s in data["suggestions"]} == {("move", "principle", "source", "text", "title")}
    assert data["safety"]["level"] == "none"


def test_public_api_is_wired() -> None:
    assert openup.reply is reply
    assert openup.ReplyCoaching is ReplyCoaching


@pytest.mark.parametrize(
    "message",
    [
        "I want to kill myself",
        "He hit me again last night and I'm scared to go home",
        "I'm going to end it all tonight",
    ],
)
def test_danger_gives_the_safety_answer_instead_of_coaching(message: str) -> None:
    result = reply(message, llm=False)
    assert result.safety.level == "danger"
    assert result.suggestions == ()
    assert result.safety.resources
    assert result.avoid and result.avoid[0].kind == "safety"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   \n ",
        "это сообщение не на английском",
        "Hoy tuve un día muy difícil en el trabajo y estoy cansada",
        "Je suis très fatiguée aujourd'hui, le travail était dur",
        "🙂🙂🙂",
    ],
)
def test_bad_input_is_a_user_error(bad: str) -> None:
    with pytest.raises(UserError):
        reply(bad, llm=False)


def test_long_message_uses_its_last_sentences_and_says_so() -> None:
    filler = "We went to the shops and bought bread. " * 400
    text = filler + "Then my sister called. She said I ruined the holidays. I'm so hurt."
    result = reply(text, llm=False)
    assert result.notes and "last three sentences" in result.notes[0]
    assert "sister" in (result.heard.event or "") or result.heard.party == "your sister"
    assert result.heard.feelings[0].word == "hurt"


def test_long_message_safety_is_checked_on_the_whole_text() -> None:
    text = "I want to kill myself. " + "Work was busy and the bus was late. " * 50
    assert reply(text, llm=False).safety.level == "danger"


def test_several_paragraphs() -> None:
    text = "Work was fine.\n\nBut then my friend cancelled on me again.\n\nI feel so lonely lately."
    result = reply(text, llm=False)
    assert result.heard.feelings[0].word == "lonely"
    assert len(result.suggestions) == 3


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("Thanks", "thanks"),
        ("thaaank you so much!! x", "thanks"),
        ("Thanks for dinner, it was lovely", "thanks"),
        ("love you", "love"),
        ("xoxo", "love"),
        ("miss u xx", "miss"),
        ("Good night babe \N{SLEEPING FACE}", "goodnight"),
        ("hahaha", "laugh"),
        ("lol", "laugh"),
        ("ok", "okay"),
        ("k.", "okay"),
    ],
)
def test_small_bids_are_answered_in_kind(message: str, kind: str) -> None:
    """"Thanks" or "love you" has nothing to reflect: no "No wonder you're grateful", an answer in kind."""
    result = reply(message, llm=False)
    assert result.brief is not None and result.brief.kind == kind
    assert result.suggestions and {s.move for s in result.suggestions} == {"answer"}
    assert all(s.principle == result.brief.principle for s in result.suggestions)
    assert [a.kind for a in result.avoid] == ["brief"]
    assert result.to_dict()["brief"] == {"kind": kind, "heard": result.brief.heard}


@pytest.mark.parametrize(
    "message",
    [
        "thanks for nothing",  # contempt, not thanks
        "Thanks for dinner, but you were on your phone the whole time and I felt invisible",  # too long
        "ok I guess nobody cares what I think",
        "I love you but I'm so tired of fighting",
        "I want to kill myself lol",  # safety first
        "My boss yelled at me today.",
    ],
)
def test_messages_with_something_to_hear_are_not_small_bids(message: str) -> None:
    result = reply(message, llm=False)
    assert result.brief is None
    assert {s.move for s in result.suggestions} <= set(situations()["default"].moves)


def test_every_small_bid_answer_is_clean_and_reads_well() -> None:
    harmful = {k for k, v in kinds().items() if v.harmful}
    for b in briefs():
        assert b.say and b.principle in {"appreciate", "soft-side", "small-wins", "give-room"}
        for text in b.say:
            found = {x.kind for x in detect(text, model=False)}
            assert not found & harmful, (b.kind, text, found)
            assert reads_well(text), text
            assert brief_of(text) is None or brief_of(text) == b, text


def test_cli_prints_an_answer_in_kind(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.cli_run import run

    assert run(["reply", "thank you so much"]) == 0
    out = capsys.readouterr().out
    assert "Answer in kind" in out and "thanked you" in out
    assert "No wonder" not in out


@pytest.mark.parametrize(
    "text", ["im fine", "nothing", "whatever", "just tired", "dont wanna talk about it", "its nothing really",
             "I'm fine, honestly", "meh", "long day"],
)
def test_guarded_answers_get_a_light_open_door_that_names_nothing(text: str) -> None:
    coaching = reply(text)
    assert coaching.brief is not None and coaching.brief.kind == "guarded", text
    said = " ".join(s.text for s in coaching.suggestions).lower()
    assert "?" not in said  # nothing heavy asked
    assert not any(w in said for w in ("sounds like", "feeling", "on your mind", "no wonder", "must be"))


def test_sarcastic_thanks_is_not_taken_as_a_guarded_answer() -> None:
    assert reply("thanks for nothing").brief is None


@pytest.mark.parametrize(
    "text",
    ["Nah honestly its nothing, dont stress about me",
     "I'd rather not get into it tonight. I'm okay, promise.",
     "all good here, just leave it babe"],
)
def test_guarded_answers_the_patterns_do_not_know_are_read_by_the_learned_reader(text: str) -> None:
    """Guarded wordings no pattern lists get room too, from the feelings reader's guarded head."""
    from openup.text import model

    if not model.available():
        pytest.skip("the learned tier is off")
    coaching = reply(text, llm=False)
    assert coaching.brief is not None and coaching.brief.kind == "guarded", text
    said = " ".join(s.text for s in coaching.suggestions).lower()
    assert "?" not in said and "sounds like" not in said


@pytest.mark.parametrize(
    "text",
    ["my boss yelled at me in front of the whole team today",
     "I'm fine with the new rota, but the kids' school run is going to be chaos",
     "just got back from the dentist, two fillings and my face is numb lol"],
)
def test_messages_that_share_something_are_not_taken_for_guarded(text: str) -> None:
    assert reply(text, llm=False).brief is None, text
