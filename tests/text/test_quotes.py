"""Quoted speech: other people's words in quotes are reported, not the writer's act; words the writer says
they said ("I told him \"...\"") are the writer's own and read like the rest of the message."""

from __future__ import annotations

import time

import pytest

from openup.text import detect
from openup.text.guards import quote_spans
from openup.text.normalize import normalize


def kinds(text: str) -> set[str]:
    return {s.kind for s in detect(text, model=False)}


@pytest.mark.parametrize(
    "text",
    [
        'I told Dev straight up "you\'re a selfish pig" and slammed the door.',
        'i just went "ur so lazy it\'s unreal" and left it there',
        'My answer was "you never help with anything."',
        'We texted back "you always do this" and blocked the group.',
        'I snapped at him, "you\'re such a child."',
        'All I said was "you\'re pathetic."',
    ],
)
def test_the_writers_own_quoted_words_are_read(text: str) -> None:
    assert kinds(text) & {"criticism", "contempt"}, text


@pytest.mark.parametrize(
    "text",
    [
        'He said "you\'re a selfish pig" and it really stung.',
        'she told me "you never help with anything" and walked off',
        'Mum always says "you\'re so lazy" about my brother.',
        'The sign on the door said "you never listen".',
        'I\'m sorry I said "you\'re lazy", it was unfair of me.',
        'I wish I hadn\'t told you "you always do this".',
        # someone else between the writer and the words
        'I can\'t believe you said "you\'re a selfish pig"',
        'I heard him say "you\'re a selfish pig"',
        'I hate it when you say "you never help with anything"',
        'I told him you said "you\'re so lazy"',
        'I asked why you said "you always do this"',
        'I told the counsellor he says "you\'re pathetic"',
        'I went to the shop and he yelled "you\'re a selfish pig"',
    ],
)
def test_other_peoples_words_and_words_taken_back_are_not_the_writers_act(text: str) -> None:
    assert not kinds(text) & {"criticism", "contempt"}, text


def test_spans_mark_only_other_peoples_quotes() -> None:
    norm = normalize('I told him "you\'re late again" and he said "you\'re a nag"')
    spans = quote_spans(norm)
    assert len(spans) == 1
    assert norm[spans[0][0] : spans[0][1]] == '"you\'re a nag"'


def test_a_hostile_run_of_quotes_is_read_in_linear_time() -> None:
    # Many quotes, each preceded by a long run of speech-like words: the look-back is bounded.
    unit = 'i said i told i texted i went i asked ' * 3 + '"x" '
    small, large = normalize(unit * 200), normalize(unit * 800)
    began = time.perf_counter()
    quote_spans(small)
    t_small = time.perf_counter() - began
    began = time.perf_counter()
    quote_spans(large)
    t_large = time.perf_counter() - began
    assert t_large < max(8 * t_small, 0.05)
