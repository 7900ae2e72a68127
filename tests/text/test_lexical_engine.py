"""The lexical engine: exact spans, normalisation, negation, quoted speech, question forms, robustness."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openup.text import Signal, detect
from openup.text.lexical import lexical_signals, negated
from openup.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
with (ROOT / "src" / "openup" / "method" / "signals.toml").open("rb") as _fh:
    KNOWN_KINDS = frozenset(tomllib.load(_fh)["kind"])


def kinds(text: str) -> set[str]:
    return {s.kind for s in detect(text, model=False)}


def spans(text: str, kind: str) -> list[str]:
    return [s.match for s in detect(text, model=False) if s.kind == kind]


def test_spans_are_exact_over_the_whole_suite() -> None:
    lines = (ROOT / "tests" / "data" / "labelled.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        text = json.loads(line)["text"]
        for s in detect(text, model=False):
            assert text[s.start : s.end] == s.match, (text, s)


def test_curly_apostrophe_matches_and_span_keeps_original_characters() -> None:
    text = "Honestly, you\u2019re so lazy."
    [match] = spans(text, "criticism")
    assert match == "you\u2019re so lazy"


@pytest.mark.parametrize("text", ["You don't care about me.", "you dont care about me", "You do not care about me."])
def test_contractions_with_and_without_apostrophe(text: str) -> None:
    assert "criticism" in kinds(text)


@pytest.mark.parametrize("text", ["YOU ARE SO LAZY", "You Are So Lazy", "you are so lazy"])
def test_case_does_not_matter(text: str) -> None:
    assert spans(text, "criticism") == [text]


def test_text_speak_pronouns() -> None:
    assert "criticism" in kinds("ur so inconsiderate")
    assert {"open_question", "generic_question"} <= kinds("how r u")
    assert {"open_question", "thought_question"} <= kinds("what do u think")


def test_eye_roll_emoji_is_contempt_with_exact_span() -> None:
    text = "Sure you will 🙄"
    assert "🙄" in spans(text, "contempt")
    assert spans("🙄", "contempt") == ["🙄"]


def test_thanks_for_nothing_is_contempt_not_appreciation() -> None:
    assert kinds("Wow, thanks for nothing.") == {"contempt"}
    assert "appreciation" in kinds("Thanks for cooking tonight!")


@pytest.mark.parametrize(
    "text",
    ["Thank you so much for nothing. Seriously.", "thank u for nothing", "thanks a lot for ruining the evening",
     "Thanks so much for ruining my birthday."],
)
def test_sarcastic_thanks_variants_are_contempt(text: str) -> None:
    found = kinds(text)
    assert "contempt" in found and "appreciation" not in found


def test_sincere_thanks_for_everything_stays_appreciation() -> None:
    assert kinds("Thank you for everything, really.") >= {"appreciation"}
    assert "contempt" not in kinds("thanks so much for fixing the sink")


@pytest.mark.parametrize(
    "text", ["I don't think you're lazy.", "Nobody thinks you're lazy.", "I never said you were selfish."]
)
def test_negated_criticism_is_dropped(text: str) -> None:
    assert "criticism" not in kinds(text)


def test_a_closed_negation_does_not_reach_the_next_phrase() -> None:
    # "not my fault" ends the negation's scope, so the label after it still counts.
    assert "criticism" in kinds("It's not my fault you're so disorganised.")
    norm = normalize("I don't think you're lazy")
    assert negated(norm, norm.index("you're"))


def test_behaviour_complaints_and_praise_are_not_criticism() -> None:
    assert "criticism" not in kinds("You left the dishes in the sink again.")
    assert "criticism" not in kinds("You never told me the party was at 8.")
    assert kinds("You always know how to cheer me up.") == {"appreciation"}


@pytest.mark.parametrize("quote", ['"', "\u201c"])
def test_quoted_speech_is_dropped_for_style_kinds(quote: str) -> None:
    close = '"' if quote == '"' else "\u201d"
    text = f"My sister told me {quote}you're so selfish{close} and it hurt."
    assert "criticism" not in kinds(text)
    assert "criticism" in kinds("you're so selfish")


def test_at_least_with_a_number_is_not_minimizing() -> None:
    assert "minimizing" not in kinds("At least 5 people came to the talk.")
    assert "minimizing" in kinds("At least you still have a job.")


def test_modesty_after_thanks_is_not_dismissal() -> None:
    assert "dismissal" not in kinds("thanks, it was nothing really")
    assert "dismissal" not in kinds("Oh it was nothing, happy to help.")
    assert "dismissal" in kinds("Stop sulking, it was nothing.")
    assert "dismissal" in kinds("Relax, it's nothing.")


def test_recommendation_is_not_advice() -> None:
    assert "advice" not in kinds("You should see the view from here!")
    assert "advice" in kinds("You should just quit that job.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How did you feel yesterday?", {"feeling_question", "open_question"}),
        ("How did you feel when he said that?", {"feeling_question", "open_question"}),
        ("Were you scared?", {"feeling_question", "closed_question"}),
        ("How was your weekend?", {"generic_question", "open_question"}),
        ("What happened at work today?", {"concrete_question", "open_question"}),
        ("What did you think of the movie?", {"thought_question", "open_question"}),
        ("Did you feed the cat?", {"closed_question"}),
        ("You're coming to the party, right?", {"closed_question"}),
    ],
)
def test_question_kinds_including_the_past(text: str, expected: set[str]) -> None:
    assert kinds(text) == expected


def test_rhetorical_attack_is_not_counted_as_a_question() -> None:
    assert kinds("What is wrong with you?") == {"criticism"}
    assert kinds("Why aren't you answering?") == {"pressure"}


def test_leverage_needs_a_jab_after_the_confidence() -> None:
    assert "leverage" in kinds("You admitted you lied to your ex, so why would this time be different?")
    assert "leverage" not in kinds("You told me you love hiking, so I booked a trail for Saturday.")


def test_normalize_keeps_length() -> None:
    for text in ["You\u2019re \u201cfine\u201d", "\u0130stanbul is GREAT", "a\u00a0b", "🙄🙄"]:
        assert len(normalize(text)) == len(text)


def test_empty_and_whitespace() -> None:
    assert detect("", model=False) == []
    assert detect("   \n ", model=False) == []


def _check_signals(text: str, found: list[Signal]) -> None:
    assert isinstance(found, list)
    for s in found:
        assert isinstance(s, Signal)
        assert s.kind in KNOWN_KINDS
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.match
        assert 0.0 <= s.score <= 1.0
        assert s.source.startswith("lexical:")
    assert found == sorted(found, key=lambda s: (s.start, s.end, s.kind))


CHARS = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ'\"?!.,;:\n\u2019\u201c\u201d\u0130\u00a0🙄❤😒"
WORDS = ["you", "you're", "not", "never", "always", "so", "lazy", "how", "feel", "sorry", "at least", "thanks"]
ALPHABET = st.sampled_from([*CHARS, *WORDS])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_any_wordy_text_gives_valid_signals(text: str) -> None:
    _check_signals(text, lexical_signals(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_string_gives_valid_signals(text: str) -> None:
    _check_signals(text, detect(text, model=False))


def test_anchor_prefilter_changes_nothing_on_the_suites() -> None:
    for name in ("labelled.jsonl", "labelled_holdout.jsonl"):
        for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            assert lexical_signals(text) == lexical_signals(text, _full_scan=True), text


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_anchor_prefilter_changes_nothing_on_generated_text(text: str) -> None:
    assert lexical_signals(text) == lexical_signals(text, _full_scan=True)


def _hits_both(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    from openup.text.word_index import _index

    wordscan = pytest.importorskip("openup.text._wordscan")
    index = _index()
    norm = normalize(text)
    python = [(pos, id(chains)) for pos, chains in index.hits(norm)]
    c = [(pos, id(chains)) for pos, chains in wordscan.hits(norm, index.table)]
    return python, c


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(ALPHABET, max_size=40).map("".join), st.text(max_size=120)))
def test_c_word_scanner_finds_what_the_regex_trigger_finds(text: str) -> None:
    python, c = _hits_both(text)
    assert python == c


def test_c_word_scanner_on_real_messages() -> None:
    found = 0
    for name in ("labelled.jsonl", "labelled_holdout.jsonl"):
        for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines():
            python, c = _hits_both(json.loads(line)["text"])
            assert python == c
            found += len(c)
    assert found > 1000  # the index keys thousands of word starts in the suite


def test_pure_python_path_gives_the_same_signals(monkeypatch: pytest.MonkeyPatch) -> None:
    from openup.text import word_index

    texts = [json.loads(line)["text"] for line in
             (ROOT / "tests" / "data" / "labelled.jsonl").read_text(encoding="utf-8").splitlines()]
    with_c = [lexical_signals(t) for t in texts]
    monkeypatch.setattr(word_index, "_wordscan", None)
    assert [lexical_signals(t) for t in texts] == with_c
    assert sum(map(len, with_c)) > 500


def turned_down(text: str) -> list[tuple[str, int, int]]:
    refused: list[tuple[str, int, int]] = []
    lexical_signals(text, refused=refused)
    return refused


def test_refused_lists_what_a_guard_turned_down() -> None:
    assert [k for k, _, _ in turned_down("I don't think you're lazy")] == ["criticism"]
    kinds_quoted = {k for k, _, _ in turned_down('she said "you are pathetic" to me')}
    assert "contempt" in kinds_quoted
    assert turned_down("you are so lazy") == []  # found, not refused
    assert turned_down("") == []
    text = "I never said you were selfish"
    for _, start, end in turned_down(text):
        assert 0 <= start < end <= len(text)
