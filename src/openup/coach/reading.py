"""What a reply is built from: the message as the partner meant it, what happened in it, the feeling to
name (if any), its tone, and whether it is good news.

`hear()` reads the message with small rules; this module adds what rules cannot: the chat register is
expanded first (`typed.as_meant`), the part to echo is the sentence richest in content
(`echo.what_happened`) when the rules found no better event, and the feeling comes from the feelings
reader (`feelings.read_feeling`), never from a keyword.
"""

from __future__ import annotations

import dataclasses

from openup.coach.echo import candidates, content_words
from openup.coach.feelings import FeelingRead, read_feeling, vocabulary
from openup.coach.feelings import good_news as reader_good_news
from openup.coach.heard import ABOUT_LISTENER, Heard, hear
from openup.coach.heard_event import CHITCHAT, PAST, VERBISH
from openup.coach.heard_feelings import Feeling, feeling_lists
from openup.coach.heard_verbs import is_whole_clause
from openup.coach.situations import lost_one, whose_loss
from openup.coach.typed import as_meant

TONE_TOP = 5  # words of the reader whose tone decides the message's tone
TONE_MIN = 0.25  # the top word's probability below which the tone is left neutral
GOOD_NEWS_SHARE = 0.65  # share of the top words' weight that must be pleasant for good news


@dataclasses.dataclass(frozen=True, slots=True)
class Reading:
    """`heard` with its event, feelings and valence replaced by what the reply will use, and whether the
    message is good news."""

    heard: Heard
    good_news: bool


def _tone(read: FeelingRead) -> tuple[str, float]:
    """(negative | positive | neutral, share of pleasant weight among the reader's top words)."""
    vocab = vocabulary()
    if read.word is not None:
        tone = vocab[read.word]
        return ("neutral" if tone == "mixed" else tone), (1.0 if tone == "positive" else 0.0)
    top = read.scores[:TONE_TOP]
    if not top or top[0][1] < TONE_MIN:
        return "neutral", 0.5
    pos = sum(p for w, p in top if vocab.get(w) == "positive")
    neg = sum(p for w, p in top if vocab.get(w) == "negative")
    share = pos / (pos + neg) if pos + neg else 0.5
    return ("positive" if share >= 0.5 else "negative"), share


def tells_something(clause: str) -> bool:
    """A clause worth saying back: a subject and a verb, or a verb and two content words ("Rohan didn't
    even call for your birthday", where the rules find no subject in a name), never a bare fragment."""
    return is_whole_clause(clause) or (VERBISH.search(clause) is not None and len(content_words(clause)) >= 2)


def _echo(meant_whole: str) -> str | None:
    """The best part of the message to say back whose reflection the detectors read as harmless
    (reported speech such as "the doctor said I need to rest" reads as advice when said back)."""
    from openup.coach.listen import carries

    for echo in candidates(meant_whole)[:4]:
        if CHITCHAT.match(echo) or not tells_something(echo) or ABOUT_LISTENER.search(echo):
            continue  # "thanks", "good point", "in front of everybody": nothing to say back
        if carries(f"It sounds like {echo}.", "")[0]:
            return echo
    return None


def read_message(focus: str, *, model: bool, whole: str | None = None) -> Reading:
    """Hear `focus` (the part of the message replies are built from) for a reply; what happened is
    chosen from `whole` (the full message) when given: a long message often leads with the news."""
    meant = as_meant(focus)
    heard = hear(meant)
    named = tuple(f.word for f in heard.feelings if f.source == "named")
    read = read_feeling(meant, named, model=model)
    changes: dict[str, object] = {}
    # The rules' own readings (a complaint about you, a thought, a plan, a doubt, a harsh word about
    # themselves, a feeling with its reason) have templates of their own; otherwise the richest part wins.
    special = (heard.complaint, heard.dilemma, heard.plan, heard.self_judgement, heard.feeling_clause)
    if not any(special) and not heard.thoughts:
        echo = _echo(as_meant(whole) if whole is not None else meant)
        if echo and (heard.event is None or len(content_words(echo)) > len(content_words(heard.event))):
            past = bool(PAST.search(echo.lower()))
            changes.update(event=echo, tense="past" if past else "present", happened=past)
    feelings = (Feeling(read.word, "named" if read.source == "named" else "likely"),) if read.word else ()
    if read.scores:
        valence, share = _tone(read)
    else:  # no reader: only a feeling they named sets the tone
        valence = heard.valence if named else "neutral"
        share = 1.0 if valence == "positive" else 0.0
    if read.word is None and valence == "positive" and share < GOOD_NEWS_SHARE:
        valence = "neutral"
    told = as_meant(whole) if whole is not None else meant
    loss = whose_loss(told)
    changes.update(feelings=feelings, valence=valence, loss=loss, lost=lost_one(told) if loss == "own" else None)
    heard = dataclasses.replace(heard, **changes)  # type: ignore[arg-type]
    hard_named = any(w not in feeling_lists().positive for w in named)  # "i felt invisible"
    # Good news: the reader's own head when it has one (trained on what writers called good news), else the
    # tone; never with a complaint, a doubt, a hard feeling they named or a loss ("the funeral was lovely").
    learned = reader_good_news(meant) if model else None
    glad = (learned and valence != "negative") if learned is not None else valence == "positive"
    good_news = (
        glad and heard.complaint is None and not heard.unsure and not heard.weighing
        and not hard_named and loss == "none"
    )
    return Reading(heard, good_news)


__all__ = ["Reading", "read_message", "tells_something"]
