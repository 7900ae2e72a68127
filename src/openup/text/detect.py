"""`detect()`: one interface over both tiers. Callers never know which tier spoke."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache

from openup.method import group, kinds_with
from openup.text.lexical import lexical_signals
from openup.text.signal import Signal

_OFF = {"off", "0", "false", "no", "none"}


def model_wanted(model: bool | None) -> bool:
    """Whether the learned tier should run: the argument wins, then OPENUP_MODEL, then availability."""
    if model is False:
        return False
    if os.environ.get("OPENUP_MODEL", "").strip().lower() in _OFF:
        return False
    try:
        from openup.text import model as learned
    except ImportError:
        return False
    available = getattr(learned, "available", None)
    return bool(available is not None and available())


def lexical_read(texts: Sequence[str]) -> tuple[list[list[Signal]], list[list[tuple[int, int]]]]:
    """The lexical signals of each text, and the spans the learned tier leaves alone: where a pattern
    found something that helps or hurts, or read such words and turned them down ("I never said you
    were selfish"). The learned tier reads only what the patterns left silent (a restatement phrased
    as a question is still open to it: question kinds are neutral)."""
    settled = kinds_with("helps") | kinds_with("hurts")
    lexical, occupied = [], []
    for text in texts:
        refused: list[tuple[str, int, int]] = []
        found = lexical_signals(text, refused=refused)
        lexical.append(found)
        occupied.append(
            [(s.start, s.end) for s in found if s.kind in settled]
            + [(start, end) for kind, start, end in refused if kind in settled]
        )
    return lexical, occupied


@cache
def _harsh_kinds() -> frozenset[str]:
    return kinds_with("hurts") - frozenset(group("question"))


def hurt_spans(lexical: Sequence[Sequence[Signal]]) -> list[list[tuple[int, int]]]:
    """Per text, where the patterns found a kind that hurts (questions aside): the question heads, which
    read every sentence, leave those alone ("what is wrong with you?" asks nothing)."""
    harsh = _harsh_kinds()
    return [[(s.start, s.end) for s in found if s.kind in harsh] for found in lexical]


def praise_spans(lexical: Sequence[Sequence[Signal]]) -> list[list[tuple[int, int]]]:
    """Per text, where the patterns found praise, thanks, validation or an apology: the contempt head reads
    those words too, for sarcasm (see `_merge`)."""
    return [[(s.start, s.end) for s in found if s.kind in SAID_WITH_CONTEMPT] for found in lexical]


#: Lexical kinds that explain a sentence as harm done to the writer; a learned self-harm reading of the same
#: sentence ("kill me") is then left out, so a threat does not turn into the writer's own crisis.
HARM_TO_WRITER = frozenset({"threat", "violence"})
#: Lexical kinds a sure learned contempt reading of the same words overrules (sarcasm), and how sure it must be.
#: On the blind coaching dev half, 0.5 turned 4 of 11 sarcastic lines read as praise into contempt but called
#: 2 sincere compliments contempt ("You're honestly a brilliant dad."); 0.65 turned 2 and called none there, but a
#: reviewer's sincere thanks read 0.71 and 0.78 ("oh brilliant, thanks so much for picking up the parcel"); 0.8
#: turns 1 of the 11 and keeps those thanks: a kind word misread as contempt costs more than a dig missed.
SAID_WITH_CONTEMPT = frozenset({"appreciation", "validation", "apology"})
SARCASM_BAR = 0.8


def _overlap(a: Signal, b: Signal) -> bool:
    return a.start < b.end and b.start < a.end


def _merge(lexical: list[Signal], learned: Sequence[Signal]) -> list[Signal]:
    """Add learned signals that no lexical signal of the same kind already covers."""
    if not learned:
        return lexical
    kind_words = [s for s in lexical if s.kind in SAID_WITH_CONTEMPT]
    if kind_words and any(s.kind == "contempt" for s in learned):
        # Contempt read in the same words as praise, thanks or an apology: sarcasm when the reading is sure
        # (the kind words are dropped), else the kind words stand and the contempt reading goes.
        sure = [c for c in learned if c.kind == "contempt" and c.score >= SARCASM_BAR]
        lexical = [s for s in lexical if not (s in kind_words and any(_overlap(s, c) for c in sure))]
        learned = [
            c for c in learned
            if not (c.kind == "contempt" and c.score < SARCASM_BAR and any(_overlap(s, c) for s in kind_words))
        ]
    out = list(lexical)
    for sig in learned:
        if any(s.kind == sig.kind and _overlap(s, sig) for s in lexical):
            continue
        if sig.kind == "self_harm" and any(s.kind in HARM_TO_WRITER and _overlap(s, sig) for s in lexical):
            continue  # "he said he'll kill me": the patterns read a threat to the writer, not their own crisis
        out.append(sig)
    out.sort(key=lambda s: (s.start, s.end, s.kind))
    return out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the block (a bulk batch), on again after if it was on.

    A batch of thousands of texts allocates hundreds of thousands of small lists, tuples and signals, which
    sets off the collector again and again, and each of its full passes walks everything alive (the bulk
    reader's cache of 16,384 units, the patterns): about a tenth of the bulk path's time with the encoder's
    vectors served from cache. What the batch leaves behind is collected after, as ever."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def detect(text: str, model: bool | None = None) -> list[Signal]:
    """Find the signals the method cares about in one text, as spans.

    `model=False` keeps the lexical tier alone (also `OPENUP_MODEL=off`); `None` uses the learned tier
    when its model file is installed.

    >>> [(s.kind, s.match) for s in detect("You're so lazy", model=False)]
    [('criticism', "You're so lazy")]
    """
    return detect_many([text], model=model)[0]


def detect_many(texts: Sequence[str], model: bool | None = None, reader: str = "full") -> list[list[Signal]]:
    """`detect()` for many texts at once; the learned tier batches them.

    `reader="bulk"` reads with the encoder's static student and asks the encoder only where the student is
    unsure (`openup.text.model.student`): what analysis uses; every other caller keeps "full"."""
    if not texts or not model_wanted(model):
        return [lexical_signals(t) for t in texts]
    from openup.text import model as learned

    allowed = learned.merged_kinds()
    if reader == "bulk" and learned.get_bulk_reader() is not None:
        with _collector_paused():
            lexical, occupied = lexical_read(texts)
            extra, safety, _ = learned.bulk_signals(
                texts, lexical, occupied, hurt_spans(lexical), signals=bool(allowed), praise=praise_spans(lexical)
            )
            return [
                _merge(lex, [s for s in ext if s.kind in allowed] + found)
                for lex, ext, found in zip(lexical, extra, safety, strict=True)
            ]
    safety = learned.safety_signals(list(texts), reader=reader)
    if not allowed:  # no signal head has earned its place (or an older heads file)
        return [_merge(lexical_signals(t), found) for t, found in zip(texts, safety, strict=True)]
    lexical, occupied = lexical_read(texts)
    extra = learned.learned_signals(
        list(texts), occupied, min_words=learned.MIN_WORDS, hurt=hurt_spans(lexical), reader=reader,
        praise=praise_spans(lexical),
    )
    return [
        _merge(lex, [s for s in ext if s.kind in allowed] + found)
        for lex, ext, found in zip(lexical, extra, safety, strict=True)
    ]
