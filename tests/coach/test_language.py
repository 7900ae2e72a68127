"""Mixed-language texts: a draft or message partly in another language is read on its English sentences;
the rest is named as not read (spans of the original text); only a text with no English sentence at all is
turned away with one sentence."""

from __future__ import annotations

import json
import time

import pytest
from tests.cli_run import run

from openup.coach.language import english_part, sentence_language, sentence_spans
from openup.coach.listen import reply
from openup.coach.review import check
from openup.errors import NotEnglish, UserError

MIXED = "I'm so tired of this. Je ne sais pas quoi faire."
PURE = [
    "Je suis fatigué. Je ne sais pas quoi faire.",
    "Hoy tuve un día muy difícil en el trabajo y estoy cansada.",
    "Ich bin heute sehr müde und habe keine Lust mehr.",
    "Estoy harta. No sé qué hacer con mi vida.",
    "это сообщение не на английском",
    "我很累，我不知道该怎么办",
]


def test_mixed_draft_is_checked_on_its_english_sentences() -> None:
    review = check(MIXED, model=False)
    assert review.text == MIXED
    assert [(u.start, u.end, u.text, u.reason) for u in review.unread] == [
        (22, 48, "Je ne sais pas quoi faire.", "not English")
    ]
    assert review.signals and all(s.end <= 21 for s in review.signals)
    assert any(s.kind == "self_disclosure" for s in review.signals)
    data = review.to_dict()
    assert data["unread"] == [{"start": 22, "end": 48, "text": "Je ne sais pas quoi faire.", "reason": "not English"}]


def test_flags_and_rewrite_come_from_the_english_part_with_spans_into_the_original() -> None:
    text = "Je suis fatigué. You never listen to me. Je ne sais pas quoi faire."
    review = check(text, model=False)
    assert [u.text for u in review.unread] == ["Je suis fatigué.", "Je ne sais pas quoi faire."]
    criticism = [s for s in review.signals if s.kind == "criticism"]
    assert criticism and text[criticism[0].start : criticism[0].end] == criticism[0].match == "You never listen to me"
    assert all(text[s.start : s.end] == s.match for s in review.signals)
    assert review.rewrite and "listen" in review.rewrite and "Je" not in review.rewrite
    assert any("English sentences only" in n for n in review.notes)
    assert check(review.rewrite, model=False).clean


@pytest.mark.parametrize("text", PURE)
def test_a_text_with_no_english_sentence_is_refused(text: str) -> None:
    for fn in (lambda t: check(t, model=False), lambda t: reply(t, llm=False, model=False)):
        with pytest.raises(NotEnglish) as info:
            fn(text)
        assert isinstance(info.value, UserError) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    "text", ["that was so loco", "I said hola to her mum and she loved it", "te amo, you know that"]
)
def test_english_with_a_word_of_another_language_is_read_whole(text: str) -> None:
    assert check(text, model=False).unread == ()
    assert english_part(text) == (text, ())


@pytest.mark.parametrize(
    "short", ["ok", "lol", "Sam!", "Merci!", "🙂🙂", "Te amo.", "la la la", "Ciao bella!", "Jules."]
)
def test_short_sentences_are_not_called_another_language(short: str) -> None:
    assert sentence_language(short) != "other"
    text = f"You never listen to me. {short}"
    assert check(text, model=False).unread == ()
    assert check(short, model=False).unread == ()  # alone, it is read as before


def test_a_name_in_another_script_beside_english_is_read() -> None:
    assert check("Love you. 美咲", model=False).unread == ()


def test_sentences_and_their_spans() -> None:
    text = "  Hi there!!  Je suis là.\nOk…  what?\"  Fine "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Hi there!!", "Je suis là.", "Ok…", 'what?"', "Fine"]


def test_a_hostile_run_of_marks_is_split_in_linear_time() -> None:
    """Four times the input costs about four times the time (quadratic would be sixteen); a ratio, so a busy
    machine slows both sides alike."""

    def cost(text: str) -> float:
        started = time.perf_counter()
        english_part("I am here. " + text)
        return time.perf_counter() - started

    for unit, end in (("!", "a"), ("a.", ""), ("? ", "")):
        small = min(cost(unit * 25_000 + end) for _ in range(3))
        large = min(cost(unit * 100_000 + end) for _ in range(3))
        assert large < 10 * small + 0.2, (unit, small, large)


def test_reply_reads_the_english_part() -> None:
    result = reply("My boss yelled at me in front of everyone. Je ne sais pas quoi faire.", llm=False, model=False)
    assert [u.text for u in result.unread] == ["Je ne sais pas quoi faire."]
    assert "boss" in (result.heard.event or "")
    assert result.to_dict()["unread"][0]["reason"] == "not English"


def test_cli_check_names_what_was_not_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--no-model", MIXED]) == 0
    out = capsys.readouterr().out
    assert "Not read (not English): 'Je ne sais pas quoi faire.'" in out.splitlines()
    assert run(["check", "--no-model", "--json", MIXED]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["unread"][0]["text"] == "Je ne sais pas quoi faire."
    assert run(["check", "--no-model", "--json", "You never listen to me"]) == 0
    assert json.loads(capsys.readouterr().out)["unread"] == []


@pytest.mark.parametrize("command", ["check", "reply"])
def test_cli_refuses_a_text_with_no_english_in_one_sentence(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([command, PURE[0]]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert err.startswith("openup: ") and len(err.splitlines()) == 1 and "English" in err


def test_cli_reply_names_what_was_not_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["reply", "--no-llm", MIXED]) == 0
    assert "Not read (not English): 'Je ne sais pas quoi faire.'" in capsys.readouterr().out.splitlines()
