"""Which answer a message calls for: something urgent happening now (`coach.urgent`), a request for room, an
apology or thanks to you, good news, or the usual reflect, validate and ask; and whether it tells of a loss. The
phrases, kinds and move lists are data (`[situation.*]` and `[loss]` in `method/replies.toml`); this module only
reads them.

>>> is_loss("its been a year today since dad died"), is_loss("my phone died lol")
(True, False)
>>> is_loss("Lost Dad's old dog this arvo"), is_loss("lost my keys again")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from openup.coach.heard_words import alternation
from openup.coach.urgent import act_now, baby_lost
from openup.method import MethodError, read_data
from openup.text.signal import Signal

LAST = ("good_news", "default")  # decided by the caller, after every other situation of the file
_YOU = re.compile(r"\b(?:you|u|ur|your|you're|youre|ya)\b", re.IGNORECASE)
_THANK_YOU = re.compile(r"\bthank(?:s| you| u| ya)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Situation:
    name: str
    moves: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...] = ()
    kinds: frozenset[str] = frozenset()
    unless: tuple[re.Pattern[str], ...] = ()
    about_you: bool = False
    not_negative: bool = False
    not_after_loss: bool = False
    drops_complaint: bool = False
    names_no_feeling: bool = False
    request: bool = False  # the message asks something of you ("can you pick up milk"): answered yes first
    act: str = ""  # something urgent happening now (`coach.urgent`): an `act_now` kind or "baby_lost"
    avoid: str = ""  # what to hold back from, said instead of the usual list ("Reflecting feelings first ...")
    not_flagged: bool = False  # never when the safety screen flags the message or a sign of harm is worded in it

    def acts(self, meant: str) -> bool:
        """Whether the message is this situation's kind of act-now (`coach.urgent`); True when it has none."""
        if not self.act:
            return True
        if self.act == "baby_lost":
            return baby_lost(meant)
        return act_now(meant) == self.act

    def applies(self, meant: str, found: Sequence[Signal], valence: str) -> bool:
        """Whether this situation's own conditions hold (good news and the default are decided by the caller).
        `found`: what the detectors found in `meant`."""
        if self.patterns and not any(p.search(meant) for p in self.patterns):
            return False
        if not self.acts(meant):
            return False
        mine = [s for s in found if s.kind in self.kinds]
        if self.kinds and not mine:
            return False
        if any(p.search(meant) for p in self.unless):
            return False
        if self.about_you and not any(_to_you(meant, s) for s in (mine or list(found))[:_MAX_SIGNALS]):
            return False
        return not (self.not_negative and valence == "negative")


_MAX_SIGNALS = 5  # a hostile message can hold thousands of thank-yous: the first few decide
_WINDOW = 300  # characters around a signal that make up "its sentence"


def _to_you(text: str, sig: Signal) -> bool:
    """Whether a signal is said to you: it opens the message ("thank u for last night"), or its sentence
    names you outside a bare "thank you" ("I love how u make me tea"; not "the note said thank you")."""
    if not text[: sig.start].strip(" \t\n.,!-"):
        return True
    lo, hi = max(0, sig.start - _WINDOW), min(len(text), sig.end + _WINDOW)
    start = max(text.rfind(c, lo, sig.start) for c in ".!?\n") + 1 or lo
    ends = [i for i in (text.find(c, sig.end, hi) for c in ".!?\n") if i >= 0]
    sentence = _THANK_YOU.sub(" ", text[max(start, lo) : min(ends) if ends else hi])
    return _YOU.search(sentence) is not None


def _patterns(raw: object, where: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
        raise MethodError(f"replies.toml: [situation.{where}] must list patterns as strings")
    return tuple(re.compile(p, re.IGNORECASE) for p in raw)


@cache
def situations() -> dict[str, Situation]:
    """Every situation of `replies.toml`, in the order they are tried (the file's)."""
    table = read_data("replies.toml")["situation"]
    if tuple(table)[-len(LAST):] != LAST:
        raise MethodError(f"replies.toml: [situation] must end with {' and '.join(LAST)}; found {list(table)}")
    moves = read_data("replies.toml")["move"]
    out: dict[str, Situation] = {}
    for name, row in table.items():
        unknown = set(row["moves"]) - set(moves)
        if unknown:
            raise MethodError(f"replies.toml: [situation.{name}] names unknown move(s) {sorted(unknown)}")
        out[name] = Situation(
            name,
            tuple(row["moves"]),
            _patterns(row.get("patterns", []), name),
            frozenset(row.get("kinds", ())),
            _patterns(row.get("unless", []), name),
            bool(row.get("about_you", False)),
            bool(row.get("not_negative", False)),
            bool(row.get("not_after_loss", False)),
            bool(row.get("drops_complaint", False)),
            bool(row.get("names_no_feeling", False)),
            bool(row.get("request", False)),
            str(row.get("act", "")),
            " ".join(str(row.get("avoid", "")).split()),
            bool(row.get("not_flagged", False)),
        )
    return out


def situation_of(
    meant: str, found: Sequence[Signal], valence: str, good_news: bool, loss: str = "none", flagged: bool = False
) -> Situation:
    """The first situation that applies to `meant` (the message with the chat register expanded), given what
    the detectors `found` in it (empty when it carries a harmful kind), its tone and whether it is good news.
    `flagged`: the safety screen flagged it, or a sign of harm is worded in it; a situation marked `not_flagged`
    (labour, a fire or someone in the house, answered glad or as if the danger were only outside) is then passed
    over ("I'm in labour and he won't let me call anyone")."""
    table = situations()
    for name, situation in table.items():
        if name in LAST or (situation.not_after_loss and loss != "none") or (situation.not_flagged and flagged):
            continue
        if situation.applies(meant, found, valence):
            return situation
    return table["good_news"] if good_news else table["default"]


def invites_at_end(meant: str) -> bool:
    """Whether the last sentence of a message of several asks you along ("... I walked out feeling ten feet tall.
    Can we get takeaway tonight to celebrate?"): a yes is said first, whatever comes before it.

    >>> invites_at_end("Got the job! Can we get takeaway tonight to celebrate?"), invites_at_end("Got the job!")
    (True, False)
    """
    from openup.coach.heard_clauses import split_sentences

    sentences = split_sentences(meant)
    if len(sentences) < 2:
        return False
    last = sentences[-1].strip()
    return any(p.search(last) for p in situations()["invite"].patterns)


def asks_for(meant: str) -> bool:
    """Whether `meant` asks something of you in words a request situation lists ("can you pick up milk",
    "please don't tell your parents"): a request, not a guarded answer, whatever the feelings reader makes
    of its few words.

    >>> asks_for("please don't say anything about it to your parents ok"), asks_for("im fine")
    (True, False)
    """
    return any(
        p.search(meant) for s in situations().values() if s.request and not s.unless for p in s.patterns
    )


@cache
def _loss_pattern() -> re.Pattern[str]:
    data = read_data("replies.toml")["loss"]
    words, kin, verbs, stop = (alternation(data[k]) for k in ("words", "kin", "verbs", "not_after_verb"))
    near = r"(?:\W++\w++){0,3}?"  # up to three words between (possessive: linear on hostile text)
    told = "|".join(f"(?:{p})" for p in data.get("patterns", []))
    return re.compile(
        rf"\b(?:{words})\b"
        rf"|\b(?:{kin})(?:'?s)?\b{near}\W*+(?:{verbs})\b(?!\s++(?:{stop})\b)"
        rf"|\b(?:{verbs})\s++(?:(?:my|our|his|her|their)\s++)?(?:\w+?'?s\s++)?(?:old\s++)?(?:{kin})\b"
        + (f"|{told}" if told else ""),
        re.IGNORECASE,
    )


def is_loss(meant: str) -> bool:
    """Whether the message tells of a death or the loss of someone (or an animal) they love."""
    return _loss_pattern().search(meant) is not None


_OWN = frozenset({"my", "our"})
_KIN_SUBJECT = re.compile(r"\s+(?:been|gone|passed|died|just)\b", re.IGNORECASE)
_NOT_OWN = frozenset({"his", "her", "their", "the", "a", "an", "your", "ur", "that", "this"})


@cache
def _lost_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = read_data("replies.toml")["loss"]
    nouns = alternation([k for k in data["kin"] if k not in ("he", "she")])
    verbs = alternation(data["verbs"])
    stop = alternation(data["not_after_verb"])
    near = r"(?:\W++\w++){0,3}?"
    before = re.compile(rf"\b(?P<k>{nouns})(?:'?s)?\b{near}\W*+(?:{verbs})\b(?!\s++(?:{stop})\b)", re.IGNORECASE)
    after = re.compile(rf"\b(?:{verbs})\s++(?:(?P<own>my|our)\s++)?(?P<k>{nouns})\b(?!'s)", re.IGNORECASE)
    return before, after


def whose_loss(meant: str) -> str:
    """"own" (they lost someone), "other" (someone else did: "mikes mom passed", "she lost her husband")
    or "none".

    >>> whose_loss("grandpa died this morning"), whose_loss("mikes mom passed last night"), whose_loss("hi")
    ('own', 'other', 'none')
    """
    if not is_loss(meant):
        return "none"
    if lost_one(meant) is not None:
        return "own"
    kin, owned = _owned()
    for m in owned.finditer(meant):
        owner = m.group(1).lower()
        stem = owner.removesuffix("'s").removesuffix("s")
        if owner in ("his", "her", "their") or (
            owner.endswith("s") and stem not in kin and owner not in _NOT_POSSESSIVE
        ):
            return "other"
    return "own"


@cache
def _owned() -> tuple[frozenset[str], re.Pattern[str]]:
    """The kin words, and a word before one of them ("mikes mom", "her husband")."""
    kin = read_data("replies.toml")["loss"]["kin"]
    nouns = alternation([k for k in kin if k not in ("he", "she")])
    owned = re.compile(rf"(?<![\w'])(\w++(?:'s)?)\s++(?:old\s++)?(?:{nouns})\b", re.IGNORECASE)
    return frozenset(k.lower() for k in kin), owned


_NOT_POSSESSIVE = frozenset({"its", "it's", "this", "was", "is", "has", "us", "yes", "as", "his", "always", "plus"})


def lost_one(meant: str) -> str | None:
    """Who they lost, said back ("your dad"), when it is their own: "since dad died", "lost my nan"; never
    someone else's loss ("mikes mom passed", "she lost her husband").

    >>> lost_one("its been a year since dad died"), lost_one("mikes mom passed last night")
    ('your dad', None)
    """
    before, after = _lost_patterns()
    for m in before.finditer(meant):
        words = re.findall(r"[\w']+", meant[: m.start("k")].lower())
        prev = words[-1] if words else ""
        if meant[m.end("k") : m.end("k") + 2].lower() == "'s" and not _KIN_SUBJECT.match(meant, m.end("k") + 2):
            continue  # "my mum's cat died": the cat died, not the mum
        if re.match(r"s\s+(?!(?:passed|died|is|was|has|had)\b)[a-z]", meant[m.end("k") : m.end("k") + 12], re.I) \
                and not _KIN_SUBJECT.match(meant, m.end("k") + 1):
            continue  # "my mums sister died", typed without the apostrophe: the sister died, not the mum
        bare = prev not in _NOT_OWN and not prev.endswith(("'s", "s"))  # "since dad died", "grandpa died"
        if prev in _OWN or bare or prev in ("since", "was", "is"):
            return "your " + m.group("k").lower()
    found = after.search(meant)
    return "your " + found.group("k").lower() if found is not None else None


__all__ = ["LAST", "Situation", "asks_for", "invites_at_end", "is_loss", "lost_one", "situation_of", "situations",
           "whose_loss"]
