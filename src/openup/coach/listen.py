"""`reply()`: your partner shared something; what to say back (principle `listen`, with `thoughts-first`).

Three moves, each a suggestion built from your partner's own words: `reflect` (say back what you heard and
name a feeling), `validate` (why the feeling makes sense) and `ask` (one open, thought-first question
about what they said). Plus what to hold back from for this message. Templates are data
(`method/replies.toml`); every filled template is run through openup's own detectors and used only if it
carries no harmful signal (harm the detectors read inside the partner's own words said back, "you keep
checking on him", does not count) and its move's signal, in the filled text or in the wording itself
when the partner's words push the cue out of the detector's reach; else the next template is tried. Safety
comes first: when the message shows danger or self-harm, the answer is the safety section and no coaching.

A say-back that would retell the message is met by a reaction, cut to its detail or to the feeling they named,
or left out (`_untold`); the one composed stays on the result as `retold`:

>>> r = reply("My boss yelled at me in front of everyone today. I'm so embarrassed.")
>>> r.suggestions[0].text
'You must have felt so embarrassed.'
>>> r.retold.text
'Your boss yelled at you in front of everyone. You must have felt so embarrassed.'
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from openup.coach.about_us import slots_of as us_slots
from openup.coach.about_us import us_of
from openup.coach.acts import LIGHT, Told, situation_for
from openup.coach.feelings import act_of
from openup.coach.feelings import guarded as reader_guarded
from openup.coach.feelings import vocabulary as feeling_vocabulary
from openup.coach.fitting import (
    DOUBT_WORDS,
    DOUBTING,
    HARD_NEWS,
    STARVED,
    fit_of,
    grave_news,
    harm_signs,
    told_both_ways,
)
from openup.coach.gistreact import kind_of, parrots, reaction, retold_sentences, said_sentences, untold
from openup.coach.heard import ABOUT_LISTENER, Heard, focus_of
from openup.coach.heard_clauses import clean_clause
from openup.coach.heard_event import PAST
from openup.coach.heard_feelings import HARD_HINT
from openup.coach.heard_words import alternation, word_set, word_tuple
from openup.coach.irony import cheers_self, self_mocked
from openup.coach.language import Unread, english_part, outside_unread
from openup.coach.news import good_news_said, is_long, tells_news, turned
from openup.coach.perspective import HOME, about_the_couple
from openup.coach.polish import said_once
from openup.coach.reading import (
    KEPT,
    MY_PEOPLE,
    SHORT_EVENT_WORDS,
    good_taken_back,
    listener_complaint,
    read_message,
    sarcastic_thanks,
    setback_told,
    told_excitedly,
)
from openup.coach.refer import core, reference, rough, said_back, trimmed
from openup.coach.salient import salient, says_already
from openup.coach.sayback import said_back as said_as_heard
from openup.coach.shortgist import asked_back, befell, lost_thing
from openup.coach.situations import asks_for, invites_at_end, situation_of, situations
from openup.coach.sorts import gripe, laughed, no_talk, sort_of, weighty
from openup.coach.typed import as_meant
from openup.coach.urgent import act_now
from openup.coach.wellformed import YOUR_ONE, copied, repaired, unowned_names, well_formed
from openup.errors import UserError
from openup.method import SAFETY_KINDS, kinds, kinds_with, read_data
from openup.text.detect import detect, model_wanted
from openup.text.guards import every_quote
from openup.text.normalize import normalize
from openup.text.signal import Signal
from openup.text.validate import validate_message

if TYPE_CHECKING:
    from openup.coach.llm import LLMClient
    from openup.coach.safety import Safety

MAX_REPLY_CHARS = 200_000
_SLOT = re.compile(r"\{(\w+)\}")
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b(?!')", re.IGNORECASE)  # "you you're" is two words
_CUT_CLAUSE = re.compile(r"\b(?:but|and|is|are|the|a),")  # a clause cut mid-way: "he is but, has been ..."
# A sentence cut mid-way: "... outside your door with a.", "... leave your trolley and."
_CUT_END = re.compile(r"\b(?:a|an|the|and|or|but|your|my)[.!]")
# "It sounds like it just feels like ...": a hedge put before their own hedge
_HEDGE_ON_HEDGE = re.compile(
    r"\bsounds like (?:it |this |that )?(?:just |really |kind of |kinda )?(?:feels|seems|looks) like\b", re.IGNORECASE
)
_ALLOWED_DOUBLES = frozenset({"that", "had", "very", "so", "really", "bye", "ha", "no", "yes", "la", "blah", "now"})


@dataclass(frozen=True, slots=True)
class Template:
    texts: tuple[str, ...]  # several wordings of one template; which one is said varies (see `template_suggestion`)
    slots: tuple[str, ...]
    valence: str | None = None
    tense: str | None = None
    unsure: bool | None = None
    self_critical: bool | None = None
    needs_complaint: bool = False
    unless: tuple[str, ...] = ()
    happened: bool | None = None
    weighing: bool | None = None
    loss: str | None = None  # own | other | none
    mood: tuple[str, ...] = ()  # any of these moods (`reading.mood_of`); "" is no clear mood
    good_news: bool | None = None
    own: bool | None = None  # what happened is their own doing (`own_doing`)
    shared: bool | None = None  # what happened is ours, the listener's too ("we closed on the house")
    takes_in: bool = False  # takes in a fact they stated ("Oh no, your flight got cancelled."): no hedge,
    # so the move's signal is not asked of it, only that it carries no harm
    ahead: bool | None = None  # the good thing is still to come ("got tickets for saturday", `looks_ahead`)
    playful: bool | None = None  # the message is told as a joke or with a laugh (`playful`)
    everyday: bool | None = None  # a small mishap of the day that no one did to them (`everyday`)
    fit: str | None = None  # the kind of hard thing told (`fitting.fit_of`): unwell, missing, ours, low, ...
    wry: bool | None = None  # a moan made a joke of ("... i am going to become a villain", `wry`)
    someone: bool | None = None  # someone did what hurt them ("dad forgot my birthday", `by_someone`)
    steady: bool | None = None  # they say they are okay, or numb ("grandpa died. im ok. i think", `steady`)
    disclosed: bool | None = None  # they told of a hard feeling or a struggle of their own (`disclosed`)
    at_you: bool | None = None  # a complaint about you, to be owned ("disappointed in you", `at_you`)
    light: bool | None = None  # told with a laugh ("that film made me cry lol", `light`)
    glad: bool | None = None  # love, pride or big news of their own ("we're having a baby!", `glad`)
    sort: str | None = None  # the sort of small hard thing told (`sorts.sort_of`): joking, petty, ...; "any" is any
    no_talk: bool | None = None  # they said they do not want to talk about it (`sorts.no_talk`)
    us: tuple[str, ...] | None = None  # any of these: how you or the two of you are part of it (`about_us.us_of`)
    gripe: bool | None = None  # a small nuisance moaned about lightly ("microwaving fish again 😭", `sorts.gripe`)
    needs: tuple[str, ...] = ()  # slots that must be filled though the wording does not say them ("worry")
    # The readings of the message (`_READINGS`) this template sets, in their order: `_applies` runs for every
    # template of every move of a reply and looks at these alone, not at all seventeen.
    asks: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        asks = tuple(name for name, _ in _READINGS if getattr(self, name) is not None)
        object.__setattr__(self, "asks", asks)


@dataclass(frozen=True, slots=True)
class Move:
    name: str
    principle: str
    signal: str
    templates: tuple[Template, ...]
    title: str = ""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One thing you could say back, for one move, and the principle it serves."""

    move: str  # reflect | validate | ask
    text: str
    principle: str
    signals: tuple[str, ...] = ()  # the kinds the detectors found in `text`
    source: str = "template"  # template | llm
    wording: str = ""  # the template wording it was filled from ("" for an LLM answer)
    title: str = ""  # what the move does, for the person reading it ("Say back what you heard")

    def to_dict(self) -> dict[str, Any]:
        return {"move": self.move, "title": self.title, "text": self.text, "principle": self.principle,
                "source": self.source}


@dataclass(frozen=True, slots=True)
class Avoid:
    """Something to hold back from when answering this message."""

    kind: str
    principle: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "principle": self.principle, "text": self.text}


@dataclass(frozen=True, slots=True)
class Brief:
    """A short message that is a small bid or a sign-off ("thanks", "love you", "ok"), from replies.toml."""

    kind: str
    pattern: re.Pattern[str]
    principle: str
    heard: str
    say: tuple[str, ...]
    avoid: str


@dataclass(frozen=True, slots=True)
class ReplyCoaching:
    """The result of `reply()`; `to_dict()` is the JSON shape of `openup reply --json`."""

    text: str
    heard: Heard
    suggestions: tuple[Suggestion, ...]
    avoid: tuple[Avoid, ...]
    safety: Safety
    notes: tuple[str, ...] = field(default=())
    brief: Brief | None = None  # set when the message is a small bid: answer in kind, nothing to reflect
    situation: str = ""  # which answer it called for (`coach.situations`): default, good_news, sorry, thanks, room
    unread: tuple[Unread, ...] = ()  # parts of `text` not read (sentences not in English)
    # the say-back as composed, when it would have retold the message and was cut to its detail or left out
    # (`coach/gistreact.retold_sentences`), or was a bare reaction the validation says better (`_felt_again`);
    # not shown, and not part of `to_dict()`
    retold: Suggestion | None = None

    @property
    def wordings(self) -> tuple[str, ...]:
        """The template wordings used; pass them as `recent` to the next `reply()` of the conversation so
        no wording is said twice in a row."""
        return tuple(s.wording for s in self.suggestions if s.wording)

    def suggestion(self, move: str) -> Suggestion | None:
        """The suggestion for one move, if there is one."""
        return next((s for s in self.suggestions if s.move == move), None)

    @property
    def said_back(self) -> Suggestion | None:
        """The say-back as composed: the one shown, or the one cut or left out because it retold the message."""
        return self.retold or self.suggestion("reflect")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "heard": self.heard.to_dict(),
            "suggestions": [s.to_dict() for s in self.suggestions],
            "avoid": [a.to_dict() for a in self.avoid],
            "safety": self.safety.to_dict(),
            "notes": list(self.notes),
            "brief": {"kind": self.brief.kind, "heard": self.brief.heard} if self.brief else None,
            "situation": self.situation,
            "wordings": list(self.wordings),
            "unread": [u.to_dict() for u in self.unread],
        }


def _template(t: dict[str, Any]) -> Template:
    raw = t["text"]
    texts = (str(raw),) if isinstance(raw, str) else tuple(str(x) for x in raw)
    slots = tuple(_SLOT.findall(texts[0]))
    if any(set(_SLOT.findall(x)) != set(slots) for x in texts):
        raise ValueError(f"replies.toml: the wordings of {texts[0]!r} must use the same slots")
    return Template(
        texts,
        slots,
        t.get("valence"),
        t.get("tense"),
        t.get("unsure"),
        t.get("self_critical"),
        bool(t.get("needs_complaint", False)),
        tuple(t.get("unless", ())),
        t.get("happened"),
        t.get("weighing"),
        t.get("loss"),
        (t["mood"],) if isinstance(t.get("mood"), str) else tuple(t.get("mood", ())),
        t.get("good_news"),
        t.get("own"),
        t.get("shared"),
        bool(t.get("takes_in", False)),
        t.get("ahead"),
        t.get("playful"),
        t.get("everyday"),
        t.get("fit"),
        t.get("wry"),
        t.get("someone"),
        t.get("steady"),
        t.get("disclosed"),
        t.get("at_you"),
        t.get("light"),
        t.get("glad"),
        t.get("sort"),
        t.get("no_talk"),
        (t["us"],) if isinstance(t.get("us"), str) else tuple(t["us"]) if t.get("us") else None,
        needs=tuple(t.get("needs", ())),
        gripe=t.get("gripe"),
    )


@cache
def moves() -> dict[str, Move]:
    """Every move and its templates, from `method/replies.toml`."""
    data = read_data("replies.toml")["move"]
    assert isinstance(data, dict)
    out: dict[str, Move] = {}
    for name in data:
        row = data[name]
        templates = tuple(_template(t) for t in row["templates"])
        last = templates[-1]
        if (
            last.slots
            or last.valence
            or last.tense
            or last.unsure
            or last.self_critical
            or last.needs_complaint
            or last.happened is not None
            or last.weighing is not None
            or last.loss is not None
            or last.mood
            or last.good_news is not None
            or last.own is not None
            or last.ahead is not None
            or last.playful is not None
            or last.everyday is not None
            or last.fit is not None
            or last.wry is not None
            or last.someone is not None
            or last.steady is not None
        ):
            raise ValueError(f"replies.toml: the last {name} template must need no slot and no condition")
        out[name] = Move(name, str(row["principle"]), str(row["signal"]), templates, str(row.get("title", "")))
    return out


@cache
def _avoid_rows() -> tuple[dict[str, str], ...]:
    rows = read_data("replies.toml")["avoid"]
    assert isinstance(rows, list)
    return tuple({k: str(v) for k, v in r.items()} for r in rows)


BRIEF_MAX_WORDS = 8
GUARDED_MAY_CARRY = frozenset({"dismissal", "minimizing"})
_NOT_WORD = re.compile(r"[^a-z' ]+")
_RUN = re.compile(r"([a-z])\1{2,}")


@cache
def answer_title() -> str:
    """The title of a small bid's answers (`Brief.say`), from `[answer]` in replies.toml."""
    return str(read_data("replies.toml")["answer"]["title"])


@cache
def briefs() -> tuple[Brief, ...]:
    table = read_data("replies.toml")["brief"]
    assert isinstance(table, dict)
    return tuple(
        Brief(kind, re.compile(str(row["pattern"])), str(row["principle"]), str(row["heard"]),
              tuple(str(t) for t in row["say"]), str(row["avoid"]))
        for kind, row in table.items()
    )


def brief_of(text: str) -> Brief | None:
    """The small bid `text` is ("thaaanks!! x" is thanks), or None when it shares something to listen to."""
    plain = " ".join(_NOT_WORD.sub(" ", normalize(text)).split())
    if not plain or len(plain.split()) > BRIEF_MAX_WORDS + AFFECTION_MORE_WORDS:
        return None
    plain = _RUN.sub(r"\1", plain)
    found = next((b for b in briefs() if b.pattern.fullmatch(plain)), None) if len(
        plain.split()) <= BRIEF_MAX_WORDS else None
    if found is None and "." in text:
        # "i miss u. like a stupid amount. 3 more days": the bid, and a few light words after it
        first, _, rest = text.partition(".")
        bid = brief_of(first) if rest.strip() and first.strip() else None
        if bid is not None and bid.kind in AFFECTION_BIDS and not HARD_HINT.search(normalize(rest)) \
                and not _BESIDE_LOVE.search(normalize(rest)):
            return bid
    return found


AFFECTION_BIDS = frozenset({"love", "miss"})
# After "love you." or "miss u.", words that make the rest more than light ("love you. he's coming up the stairs",
# "miss you. im bleeding a lot", "love you. call 999 please", "love you. i've left you a note"): not a bid.
_BESIDE_LOVE = re.compile(
    r"\b(?:he|she|they|him|her|them|police|ambulance|hospital|a ?& ?e|fire|smoke|blood|bleed\w*|knife|gun|hid\w*|"
    r"stairs|downstairs|upstairs|door|scared|afraid|safe|note|goodbye|bye|gone|forever|last|tired|"
    r"sleep(?:ing)? (?:forever|for (?:a )?(?:long|good|ever))|long sleep|"
    r"better off|find me|over soon|pills|tablets|rope|bridge|roof)\b|\b(?:999|911|112|000|111)\b"
)
AFFECTION_MORE_WORDS = 8  # light words after "i miss u." that keep it a bid


GUARDED_MAX_WORDS = 45  # the learned reader may take a few sentences for guarded ("I'm okay. Can we not?")


def _holds_back(text: str, heard: Heard) -> bool:
    """Whether a message may be read as guarded by the learned reader: a few words to a few sentences
    (a single word is the patterns' to judge: "hi" is a greeting), in which the rules heard no thought,
    complaint, named feeling, doubt or loss ("ok I guess nobody cares what I think" says something)."""
    words = len(text.split(None, GUARDED_MAX_WORDS))
    named = any(f.source == "named" for f in heard.feelings)
    said = heard.thoughts or heard.complaint or heard.self_judgement or heard.dilemma or heard.feeling_clause
    # hard news is never a guarded "fine" ("the treatment's not doing anything")
    hard = HARD_NEWS.search(text.replace("’", "'")) is not None
    # nor is good news said plainly ("we're pregnant", "got the job")
    good = good_news_said(as_meant(text))
    return 2 <= words <= GUARDED_MAX_WORDS and not (
        said or named or heard.unsure or heard.loss != "none" or hard or good
    )


def _guarded_brief() -> Brief | None:
    return next((b for b in briefs() if b.kind == "guarded"), None)


# Harm the patterns read that makes glad words no news to celebrate ("thanks for nothing", "oh great, you forgot
# again"). Only the patterns' reading counts: the learned heads read excited news told with a laugh as contempt
# or advice ("passed my driving test on the third try lmaooo", "Got the job at the hospital! Stoked."), which had
# kept 14 of the 152 good-news messages of the blind reply dev set from being celebrated; and pressure or
# minimizing in their own words ("stock my cookies??? like regularly???", "its only a small blog but still") is
# how people tell good news, not a sign against it.
_SOURS_NEWS = frozenset({"contempt", "criticism", "dismissal", "defensiveness", "leverage"})


# How near (in calibrated logits below a safety head's threshold) a message may come to a sign before the answers
# that own a complaint, agree to a plan for us, joke or cheer are kept away from it (`harm_signs` keeps them from a
# sign worded in it). Chosen on the blind reply dev set: at 1.5 logits 4.4% of its everyday messages lose those
# answers (they get the usual ones), and 4 of 15 messages a reviewer wrote of harm the screen misses are kept from
# them by it alone; at 3 logits 13% and 9 of 15, but then ordinary complaints ("you didn't show") lose being owned.
NEAR_SIGN = 1.5


def _near_sign(text: str) -> bool:
    from openup.text.model import safety_gaps

    return safety_gaps([text])[0] > -NEAR_SIGN


def _harmful_kinds() -> frozenset[str]:
    """The harmful kinds: asked for every filled template (`_fits`, `carries`), so read once per kinds table
    (`kinds()` is itself read once, unless a test reloads the method files)."""
    global _harmful
    table = kinds()
    if _harmful is None or _harmful[0] is not table:
        _harmful = (table, frozenset(k for k, v in table.items() if v.harmful))
    return _harmful[1]


_harmful: tuple[object, frozenset[str]] | None = None


def carries(text: str, signal: str, found: list[Signal] | None = None) -> tuple[bool, tuple[str, ...]]:
    """(whether `text` carries `signal` and no harmful signal, the kinds found)."""
    found = detect(text, model=False) if found is None else found
    present = tuple(dict.fromkeys(s.kind for s in found))
    ok = (not signal or signal in present) and not (set(present) & _harmful_kinds())
    return ok, present


def reads_well(text: str) -> bool:
    """Cheap checks for a filled template: no doubled word ("you you"), no stray symbols, not too long."""
    for m in _DOUBLED.finditer(text):
        if m.group(1).lower() not in _ALLOWED_DOUBLES:
            return False
    if _CUT_CLAUSE.search(text) or _CUT_END.search(text) or _HEDGE_ON_HEDGE.search(text):
        return False
    return len(text.split()) <= 45 and "{" not in text and " ," not in text and ",," not in text




_STEM = re.compile(r"[a-z]+")


def _echoes_feeling(feeling: str, event: str) -> bool:
    """Whether the event already says the feeling ("you do worry about money" + "worried")."""
    stems = {w[:4] for w in _STEM.findall(feeling.lower()) if len(w) >= 3}
    return any(w[:4] in stems for w in _STEM.findall(event.lower()) if len(w) >= 3)


def _slots(heard: Heard) -> dict[str, str]:
    slots: dict[str, str] = {}
    for name in ("event", "complaint", "feeling_clause", "topic", "party", "place", "dilemma", "plan", "lost"):
        value = getattr(heard, name)
        if value:
            slots[name] = value
    if "complaint" in slots and _NOT_AN_ACT.search(slots["complaint"].lower()) and not KEPT.search(
        slots["complaint"].lower()
    ):
        del slots["complaint"]  # "you feel I said I'd be home by 7" says back the wrong part
    if "place" in slots and is_long(heard.told):
        del slots["place"]  # a place in a long telling is a detail of it ("a biscuit in the office"), not its point
    if heard.event and len(heard.event.split()) <= SHORT_EVENT_WORDS:
        slots["short_event"] = heard.event
    if heard.event and (said := gist(trimmed(heard.event))):
        slots["gist"] = said
        if _DEATH.search(said) and not _NOT_DEATH.search(said):
            slots["death"] = said
        if _MINE.match(said):
            slots["mine"] = said
        if not _ABOUT_THEM.match(said):
            slots["news"] = said
    death = "death" in slots and heard.loss != "none"
    # what happened said back in second person, for hard news (both its uses below are for nothing glad, no death)
    back = said_back(heard.event) if heard.event and not heard.good_news and not death else ""
    if back and (short := core(back)):
        slots["core"] = short  # hard news said back short: "your whole team split up", not all of it
    elif "gist" in slots and rough(slots["gist"]):
        slots["rough"] = slots["gist"]  # nothing of it reads cleanly said back: it is reacted to alone
    hard = bool(heard.event) and heard.valence != "positive" and not heard.good_news and not death
    # the detail that carries the weight of hard news ("Third time this month?"), which opens the reflection instead
    detail = salient(heard.told) if hard else None
    if hard:
        # what went wrong named short, in the listener's words, not the clause (`coach/shortgist.py`): "Your paper
        # got rejected? Oh no, I'm so sorry.", "Oh no, not your wrist."
        if detail is None and (q := befell(back)) is not None and well_formed(q.rstrip("?")):
            slots["befell"] = q
        elif (thing := lost_thing(trimmed(back))) is not None:  # "again" is kept for the question, not the thing
            slots["lost_thing"] = thing
    if heard.event and (ref := reference(heard.event, death=death)) and not _SELF_DONE.search(ref) \
            and not _WHEN_ONLY.match(ref):  # "He died on Sunday": not "I'm so sorry about Sunday"
        # not "The sink yourself!": what they did is said back whole
        slots["who" if death else "ref"] = unowned_names(ref)
    elif death and heard.lost:
        slots["who"] = unowned_names(heard.lost)
    ours = any(name in slots for name in _SAID_BACK) and (
        fit_of(heard) == "ours" or us_of(heard) in ("ours", "ours_money", "ours_child")
    )
    for name in _SAID_BACK:
        if name in slots:
            said = _KIN_AFTER_YOUR.sub(lambda m: m.group(1) + m.group(2).lower(), said_back(slots[name]))
            slots[name] = _SPOKEN.sub(lambda m: _SPOKEN_AS[m.group().lower()], said)  # not "gonna" in our mouth
            if ours:  # a problem that is ours too: "our rent went up", not "your rent"
                slots[name] = _YOUR_HOME.sub("our ", slots[name])
            # their in-laws are your own parents: "my parents came over", not "your in laws came over"
            slots[name] = _IN_LAWS.sub(_your_parents, slots[name])
    if "party" in slots:
        slots["party"] = _IN_LAWS.sub(_your_parents, slots["party"])
    irish = heard.told if YOUR_ONE.search(heard.told) else ""  # `repaired` keeps their "your man" as theirs
    for name in (*_SAID_BACK, "complaint", "feeling_clause"):
        if name in slots:
            # the last look: a whole clause, mended where it can be, or nothing said back (`wellformed`)
            mended = repaired(slots[name], irish)
            if well_formed(mended):
                slots[name] = mended
            else:
                del slots[name]
    for name in ("gist", "core", "news"):
        if name in slots and (m := _AND_MIXED.search(slots[name])) is not None and m.start() > 0:
            slots[name] = slots[name][: m.start()]  # "mum is moving in, and you have mixed feelings": said once
    if long_message(heard.told) and heard.complaint is None and not heard.about_you:
        for name in _SAID_BACK:
            # what you did is owned in full ("you found out about Saturday from her, not from me")
            if name in slots and len(slots[name].split()) > LONG_SAID_BACK_WORDS and not _LISTENER.search(slots[name]):
                # a long message is answered at its point, not its setting copied back: a long clause is said
                # back without its trailing phrase ("your manager just moved on to the next item"), or not at all
                if (short := without_tail(slots[name])) is not None:
                    slots[name] = short
                elif len(slots[name].split()) > LONG_COPY_WORDS:
                    del slots[name]
    if heard.valence == "negative" and not heard.good_news and heard.loss == "none" and "core" in slots \
            and not heard.about_you and heard.complaint is None \
            and not any(f.source == "named" for f in heard.feelings) \
            and "befell" not in slots and "lost_thing" not in slots and detail is None \
            and heard.happened and not _OWN_ACT.match(slots["core"]) \
            and (short_q := asked_back(slots["core"])) is not None \
            and not _MORE_AFTER.search(slots["core"][len(short_q) - 1:] + " " + _after_core(heard.event or "",
                                                                                        slots["core"])):
        # (a detail that carries the weight opens the reflection instead: "Third time this month? Ugh, ..."; a feeling
        # they named is said back with what happened, "... You must have felt so embarrassed."; a state, "you don't
        # think you're good at this job", is not asked back as if in doubt)
        slots["short_q"] = short_q  # hard news asked back short, then reacted to: "Your boss had a go at you? ..."
    if "gist" in slots and _VIEW.match(slots["gist"]):
        slots["view"] = slots["gist"]  # how they see it ("you feel like you're the only one ..."): may be hedged
    said = slots.get("core", slots.get("gist", ""))
    if heard.valence == "negative" and heard.mood in ("anger", "hurt") and _IN_LAWS.search(heard.event or "") and (
        m := _MY_PARENTS_DID.match(said)
    ):
        slots["my_people"] = m.group(0)  # "my parents criticised everything": owned, they are yours
    if heard.valence == "negative" and heard.loss == "none" and heard.mood in ("anger", "hurt", "") and (
        m := _YOUR_KIN_DID.search(heard.told.replace("’", "'"))
    ) is not None and not _VIOLATED.search(heard.told.replace("’", "'")):
        # "your mum told me I look tired three times": their grievance is with your own people, so it is owned
        # ("Sorry, that's my mum"), never asked about as theirs ("How are things with your mum now?")
        kin = m.group(1).lower()
        slots["my_kin"] = "my " + _KIN_SAID.get(kin, kin)
        slots["kin_them"] = _KIN_THEM.get(kin, "them")
    elif heard.valence != "positive" and heard.loss == "none" and (
        m := _IN_LAWS_DID.search(heard.told.replace("’", "'"))
    ) is not None:
        # "my mother-in-law is again comparing my cooking": their in-laws are your own parents, however the reader
        # hears the tone ("I smiled but inside I was boiling" reads as glad to it)
        kin = re.sub(r"[- ]", "", m.group(1).lower())
        slots["my_kin"], slots["kin_them"] = _IN_LAW_IS.get(kin, ("my parents", "them"))
    if (m := _DAY.search(heard.told)) is not None:
        day = m.group(1).lower()
        # "the biopsy thurs": "I'm coming with you on Thursday"
        slots["day"] = next((f"on {d}" for d in _DAYS if d.lower().startswith(day[:3])), "tomorrow")
    if (m := _SICK_KIN.search(heard.told)) is not None:
        slots["sick_kin"] = "your " + m.group(1).lower()  # "Nana had a fall": is your nana okay?
    if heard.mood == "fear" and (fear := _fear_of(heard)) is not None:
        slots["fear"], slots["scary"] = fear  # "nervous", "nerve-racking": the fear the words show, or none
        if fear[0] != "nervous":
            slots["worry"] = fear[0]  # "What's worrying you most?" asks about a worry, not nerves before a big day
    if _LISTEN_ASKED.search(heard.told.replace("’", "'")):
        slots["listen_asked"] = "yes"  # "just listen", "no advice pls": the room asked for is given in its words
    if heard.mood == "hurt" and _heavy(heard):
        slots["heavy"] = "yes"  # "Oh, love. Come here." only for a hurt the words show as heavy
    whole = str(heard.extra.get("told") or heard.told).replace("’", "'")  # the whole message, not its focus
    if heard.mood == "glad" and heard.loss == "none" and _GLAD_TOLD.search(whole) \
            and not _BUT.search(whole) and not wry(whole) and not heard.extra.get("near_sign"):
        slots["glad_told"] = "yes"  # "something nice happened today ...": asked about as the lovely thing it was
    if (m := _WHAT_IF.search(whole)) is not None and not heard.extra.get("near_sign") \
            and not heard.extra.get("flagged") and heard.loss == "none":
        slots["what_if_me" if m.group(1) else "what_if"] = "yes"  # a worry asked outright is answered first
    if (m := _STRAIN.search(whole)) is not None and heard.valence != "positive" and not heard.extra.get("near_sign") \
            and not heard.extra.get("flagged") and heard.loss == "none" and not harm_signs(whole):
        slots["strain"] = said_as_heard(next(g for g in m.groups() if g).lower())  # "idk if i can keep doing this job"
    if going_on(whole) and not heard.good_news and heard.loss == "none" and fit_of(heard) != "panic":
        slots["going_on"] = "yes"  # "idk if i can go on like this": heavy, never a choice to weigh or a plan declined
    if _NO_REASON.search(whole):
        slots["no_reason"] = "yes"  # "my anxiety has been so bad", "lonely n dunno why": no "No wonder you feel ..."
    if _ME_TOO.search(whole) and not heard.extra.get("near_sign") and not heard.extra.get("flagged") \
            and heard.valence != "positive":
        slots["me_too"] = "yes"  # "do u ever feel like ur just behind": asked if you feel it too
    if heard.mood == "anger" and _riled(heard):
        slots["riled"] = "annoyed"  # "Ugh, that's so annoying" is said only when the words show it
    if (both := _both(heard)) is not None:
        slots["both"] = both  # "relieved and angry": said back together, not one of them
    elif heard.feelings:
        slots["feeling"] = heard.feelings[0].word
    told = heard.told.replace("’", "'")
    if (m := _SEEN_IN.search(told)) is not None:
        # "i look so old in the zoom grid": "the zoom grid"; "in this dress" is "that dress" from where you stand
        slots["seen"] = re.sub(r"^th(?:is|ese)\b", lambda t: "that" if t.group() == "this" else "those",
                               said_as_heard(clean_clause(m.group(1))))
    if heard.dilemma and heard.dilemma.startswith("whether to ") and (
        " or " in heard.dilemma or len(heard.dilemma.split()) >= _CHOICE_MIN_WORDS
    ) and len(heard.dilemma.split()) <= 14:
        # "should i take the berlin thing or nah": a choice they put to you, answered before it is listened to
        slots["choice"] = _OR_NOT.sub("", heard.dilemma)
    if (m := DOUBTING.search(told)) is not None and (not_so := _not_so(m.group(0))):
        slots["not_so"] = not_so  # "Amn't I mad?" is answered in its own word: "You're not mad at all"
        for name in _SAID_BACK:
            if name in slots and _DOUBT_WORD.findall(m.group(0).lower())[-1] in slots[name].lower():
                del slots[name]  # "are you overreacting and sarah didn't invite you": the question is answered
    if (m := _SHARE_WHAT.search(told)) is not None and len(m.group(1).split()) <= 8:
        slots["share"] = said_as_heard(clean_clause(m.group(1)))  # "plan everything", "has to ring the landlord"
    if "complaint" in slots:
        # "you feel like you do everything ..." is said back by "It sounds like you feel {complaint}": once
        slots["complaint"] = _FEEL_LEAD.sub("", slots["complaint"]) or slots["complaint"]
    if heard.complaint:
        # what they say you left undone: "I didn't even ask how your appointment went", "I forgot to pick up
        # your prescription again"; the answer puts it right ("I really want to hear how your appointment went")
        said = heard.complaint.replace("’", "'")
        if (m := _NOT_ASKED.search(said)) is not None:
            slots["asked"] = _NOT_ASKED_WHEN.sub("", m.group(1))  # "about your day", not "... anymore"
        if (m := _FORGOT.search(said)) is not None and len(m.group(1).split()) <= _REDO_MAX_WORDS:
            slots["redo"] = m.group(1)
    if heard.loss != "none" and (m := _AFFECTED.search(told)) is not None:
        slots["affected"] = "your " + m.group(1).lower()  # "aunty rita passed. mum is in pieces": how is your mum?
    if "complaint" in slots and _DOING_AGAIN.match(slots["complaint"]):
        slots["again"] = slots["complaint"]  # "ur doing it again": owned as it happens, not "you feel I'm ..."
    # A thought about you, the listener, is a pleasantry when the message is not a hurt ("you hope I have a
    # good day"); in a hurt message it is what needs saying back ("you feel like I don't care anymore").
    thought = next(
        (
            t
            for t in heard.thoughts
            if t.startswith("you ") and len(t.split()) <= 16
            and (heard.valence == "negative" or heard.mood in ("anger", "hurt") or not ABOUT_LISTENER.search(t))
        ),
        None,
    )
    if thought and well_formed(mended := repaired(thought, irish)):
        slots["thought"] = mended
    doubt = heard.extra.get("doubt")
    if doubt and _HOW_TO.match(doubt) and len(doubt.split()) <= _WORK_OUT_MAX_WORDS:
        slots["work_out"] = _STILL.sub("", doubt)  # "how to bring it up without sounding ungrateful": together
    if doubt and heard.event and tells_news(heard.event):
        slots["told_news"] = heard.event  # "... told you the whole team is being shut down": the news is said back
    slots.update(us_slots(heard))  # what you will do about it, who of yours: read only by `us` templates
    return slots


# Which fear a message shows, in the line's own words: the words they used first ("terrified", "nervous", "my
# anxiety"), else a fear word they named, else the reader's likeliest fear word when it is sure enough. A fear the
# words do not show is not named: "coach said im not starting saturday" is no "That's so scary".
_FEAR_SAID = (
    (re.compile(r"\b(?:scared|scary|terrified|terrifying|frightened|frightening|afraid|petrified|panick\w*)\b", re.I),
     "scared"),
    (re.compile(r"\b(?:nervous|nerves|jittery|butterflies|dreading|bricking it|shitting it)\b", re.I), "nervous"),
    (re.compile(r"\b(?:worried|worry\w*|anxious|anxiety|uneasy|tensed?|stressing|dread\w*|freak\w* out|on edge|"
                r"keep (?:checking|googling|thinking)|googl\w*|can'?t (?:focus|concentrate|sleep|stop thinking))\b",
                re.I), "worried"),
)
_FEAR_AS = {"worried": "worried", "anxious": "worried", "nervous": "nervous", "scared": "scared", "shaken": "scared"}
_FEAR_ADJ = {"worried": "worrying", "nervous": "nerve-racking", "scared": "scary"}
FEAR_SURE = 0.35  # the reader's chance for its fear word before a line names it unsaid


def _reader_sure(heard: Heard, at: float) -> bool:
    """Whether the feelings reader heard the word of the message's mood (`reading.mood_word`) with at least `at`."""
    chance = heard.extra.get("mood_chance")
    return isinstance(chance, float) and chance >= at


def _fear_of(heard: Heard) -> tuple[str, str] | None:
    """The fear in `heard` as the line would name it ("worried", "nervous", "scared") and its adjective
    ("worrying", ...), or None when the words do not show which (or any) fear it is."""
    told = heard.told.replace("’", "'")
    word = next((w for pattern, w in _FEAR_SAID if pattern.search(told)), None)
    if word is None:
        word = next((_FEAR_AS[f.word] for f in heard.feelings if f.word in _FEAR_AS), None)
    if word is None and _reader_sure(heard, FEAR_SURE):
        word = _FEAR_AS.get(str(heard.extra.get("mood_word")))
    return (word, _FEAR_ADJ[word]) if word is not None else None


# A hurt told as heavy: tears, heartbreak, being left alone or out, a loss.
_HEAVY = re.compile(
    r"\b(?:cr(?:y|ied|ying)|tears?|sobb\w*|heartbr\w*|devastat\w*|gutted|broke my heart|in pieces|crushed|"
    r"(?:so|really|actually) hurt\w*|hurts|hurt me|left out|all alone|on my own|lonely|nobody came|no one came|"
    r"forgot my birthday|dumped|broke up|cheat\w*|betray\w*|passed|died|funeral|miss (?:him|her|them)|"
    r"voicemails?|memor\w*|anniversary|grave|cemetery|ashes|clear(?:ed|ing) out|(?:his|her) things)\b",
    re.IGNORECASE,
)
HURT_SURE = 0.6  # the reader's chance for its hurt word before a hurt is met as heavy unsaid


def _heavy(heard: Heard) -> bool:
    """Whether a hurt is a heavy one: its words show it, it is a loss, or the reader is sure of it."""
    if heard.loss != "none" or _HEAVY.search(heard.told.replace("’", "'")):
        return True
    if _LAUGH_MARK.search(heard.told):
        return False  # "went to brunch without me lol cool": a sting told with a laugh, not "Come here"
    return _reader_sure(heard, HURT_SURE)


_LAUGH_MARK = re.compile(r"\b(?:lol|lmao|lmfao|haha\w*|rofl)\b|[😂🤣😅]", re.IGNORECASE)


# A worry asked outright at the end: "What if they reject again?", "what if i'm just not good at this job" (of
# themselves: group 1).
_WHAT_IF = re.compile(
    r"\bwhat if (i'?m|i am|i'?ve|i have|i'?ll|i will|i can'?t|i don'?t|i never)?\b[^.!?\n]*[.?!]*\s*$", re.IGNORECASE
)


# Not knowing if they can go on with something ("idk if i can keep doing this job", "cant keep doing these night
# shifts anymore", "not sure how much longer i can do this commute"): what wears them down, said back (a group).
# Only what wears on them by the week (a job, a commute, shifts), never a home or a person: "this house" may be where
# harm is ("... can put up with this house, my dad keeps screaming"), and is left to the screen and the listening.
_NOT_KNOWING = r"\b(?:(?:don'?t|dont|do not) know|idk|not sure|no idea|dunno)"
_I_CAN = r" (?:i|im|i'?m|i am) ?(?:can|could|will be able to) "
_WEARING = (
    r"((?:this|that|these|those|my|the) (?:[a-z]+ ){0,2}?(?:job|work|commute|shifts?|course|degree|schedule|"
    r"routine|role|contract|placement|rota|hours))"
)
_STRAIN = re.compile(
    _NOT_KNOWING + r" (?:if|whether)" + _I_CAN + r"(?:keep (?:doing|going with|up with)|cope with|handle) "
    + _WEARING + r"\b"
    + "|" + _NOT_KNOWING + r" (?:how much longer|how long)" + _I_CAN
    + r"(?:keep doing|cope with|handle|do|put up with) "
    + _WEARING + r"\b"
    + "|" + _NOT_KNOWING + r" (?:if|whether)" + _I_CAN + r"do " + _WEARING + r" (?:any ?more|much longer)\b"
    + r"|\b(?:can'?t|cant|cannot) (?:keep (?:doing|going with|up with)|cope with|handle) (?:much )?(?:more of )?"
    + _WEARING + r" (?:any ?more|much longer|for much longer)\b",
    re.IGNORECASE,
)
# Not knowing if they can go on at all, said of themselves and of nothing named ("idk if i can go on like this", "not
# sure i can keep going tbh", "cant do this anymore 😭"): it may hint at much more than a hard week, or be a football
# score ("arsenal are 3 down i cant take this anymore"); words alone do not tell which. The screen reads it only beside
# words of death. The answer is warm and open enough for both ("Oh, love. Sounds like you've really had enough.", "I'm
# right here, love.", "Talk to me, love. What's been going on?"), never "What are you leaning towards?" (it was read
# as a choice) nor "No pressure at all" (as a plan declined). The words must end the clause: "go on the trip", "do
# this saturday", "last till dinner" and "take it, rent is steep" (an offer) are plans and choices.
_GOING_ON = re.compile(
    r"(?:\b(?:(?:don'?t|dont|do not) (?:know|think)|idk|not sure|no idea|dunno)"
    r"(?: if| whether| how| how much longer| how long)? (?:i|im|i'?m|i am) ?(?:can|could) "
    r"|(?:^|[.!?]\s*|\b(?:i|i'?m|im)(?: just| really| honestly| seriously| actually)? )(?:can'?t|cant|cannot) )"
    r"(?:go on|carry on|keep going|keep doing this|take (?:this|much more|any ?more)|do this|cope"
    r"|take it(?= any ?more| much longer))"
    r"(?: like this| any ?more| much longer| any longer| for much longer)?"
    r"(?=\s*(?:$|[.!?,;:…]|[^\w\s]|\bx+\b|\b(?:tbh|honestly|ngl|tho|though|to be honest|i just|i really|idk|love|"
    r"babe|hun|bru|bro|man|mate|yaar|rn|im|i'?m|and i|but i)\b))",
    re.IGNORECASE,
)


def going_on(text: str) -> bool:
    """Whether `text` says they do not know if they can go on at all (`_GOING_ON`), not in fun (no laughter beside
    it, `_LAUGH_MARK`: "i cant do this anymore 😂 this show is too funny").

    >>> going_on("idk if i can go on like this"), going_on("i can’t do this anymore"), going_on("i cant go on")
    (True, True, True)
    >>> going_on("idk if i can go on the trip"), going_on("not sure i can do this saturday")
    (False, False)
    >>> going_on("i cant do this anymore 😂 this show is too funny"), going_on("she cant go on like this")
    (False, False)
    """
    plain = text.replace("’", "'")
    return _GOING_ON.search(plain) is not None and _LAUGH_MARK.search(plain) is None
# A feeling with no reason given, or the feeling itself as what is wrong: "No wonder you feel anxious" says nothing.
_NO_REASON = re.compile(
    r"\bmy (?:anxiety|depression|panic attacks?|ocd|adhd|mental health)\b"
    r"|\b(?:dunno|don'?t know|no idea|not sure) why\b|\bfor no (?:real )?reason\b|\bcan'?t pin it\b|\bout of nowhere\b",
    re.IGNORECASE,
)


# What they did or went through themselves ("you snapped at Tom", "you heard a song in the shop", "you forgot ..."):
# asked back as a question it reads as disbelief or reproach, so only what others or things did to them is asked back.
_OWN_ACT = re.compile(r"^you(?:'ve|'d|'re)?\b", re.IGNORECASE)


# What the event goes on to say after its core, when that is a clause of its own: the turn that is often its point
# ("you joined the climbing thing | and everyone's already in groups", "the lads went to Lahinch | and didn't ask
# you"); a core asked back short would leave it out.
_MORE_AFTER = re.compile(
    r"\b(?:but|yet|though|although)\b|\band (?:then |now |just |still )?(?:she|he|they|hes|shes|theyre|everyone|"
    r"everybody|nobody|no one|someone|didn't|did not|never|not|won't|wouldn't|still)\b",
    re.IGNORECASE,
)


# Asked whether you feel it too: "do u ever feel like ur just. behind", "does that ever happen to you".
_ME_TOO = re.compile(
    r"\b(?:do|does|d') ?(?:you|u|ya) (?:ever |also |too )?(?:feel|get|worry|have days)\b(?! about (?:us|me|we)\b)"
    r"|\b(?:does|do) (?:that|this) ever happen to (?:you|u)\b|\bis it just me\b",
    re.IGNORECASE,
)


# Gladness in their own words, with nothing taken back after it ("It was lovely, but ...").
_GLAD_TOLD = re.compile(
    r"\b(?:lovely|nice|sweet|needed that|so good|made my (?:day|week|night)|proud|so happy|grateful|thankful|"
    r"the best)\b|[❤🥰😊🥹]",
    re.IGNORECASE,
)
_BUT = re.compile(r"\b(?:but|though|except|apart from|lol|haha|jk)\b|[😭🙃🙄]", re.IGNORECASE)


# A listen asked for, not a fix: "I need you to just listen", "pls dont give me advice", "I just need to vent".
_LISTEN_ASKED = re.compile(
    r"\b(?:listen|hear me out|vent|rant)\b|\b(?:no|don't|dont|do not|not|without)(?: \w+){0,3}? "
    r"(?:fix|fixing|advice|suggestions|solutions?|solve|solving)\b"
    # "can u not do the thing where u fix it": you fixing it, further on (not "i dont think the mechanic can fix it")
    r"|\b(?:don't|dont|do not|not)(?: \w+){0,4} (?:you|u) (?:fix|fixing|solve|solving)\b",
    re.IGNORECASE,
)
# Where one sentence of a message ends and the next begins (a stop then a space, or a new line). Its own name: the
# `_SENTENCE_END` further down is another rule, and had shadowed this one in `only_asked`.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def only_asked(meant: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Whether every sentence of `meant` is the ask itself ("I need you to listen without fixing it this time."):
    nothing has been told yet to say back or feel for."""
    parts = [p for p in _SENTENCE_BREAK.split(meant.strip()) if p.strip(" .!?")]
    # a sentence that joins something told to the ask ("work was awful and i dont want to talk about it") tells it
    return bool(parts) and all(
        (_LISTEN_ASKED.search(part) or any(p.search(part) for p in patterns)) and not _TOLD_TOO.search(part)
        for part in parts
    )


_TOLD_TOO = re.compile(r"\b(?:and|but|because|cos|coz|cause|since|after|so)\b", re.IGNORECASE)


# Anger or annoyance the words show: "so annoying", "fuming", "sick of", "ffs", "again!!".
_RILED = re.compile(
    r"\b(?:annoy\w*|irritat\w*|frustrat\w*|infuriat\w*|furious|fuming|livid|angry|mad at|pissed|raging|seething|"
    r"sick (?:of|and tired)|fed up|had enough|ffs|ugh+|argh+|bloody|ridiculous|the nerve|cheek of|unbelievable|"
    r"vex\w*|wahala|unreal|smh|typical|losing it|cool cool|brilliant|fantastic|super cool|what a treat|"
    r"love (?:this|that) for me|of course (?:it|they|he|she)\w*)\b|\bagain\s*!|[🙃🙄😤😡]",
    re.IGNORECASE,
)
_SHOUTED = re.compile(r"\b(?:STILL|AGAIN|EVERY|NEVER|ALWAYS|ONE|WHY|WEEKS?|DAYS?|HOURS?|MONTHS?)\b")  # "day 9, STILL"
_THANKED = re.compile(r"\b(?:thanks|thank (?:you|u)|tysm|ty|love (?:you|u))\b|❤", re.IGNORECASE)
ANGER_SURE = 0.5  # the reader's chance for its anger word before "so annoying" is said unsaid


def _riled(heard: Heard) -> bool:
    """Whether the message shows annoyance or anger: in its words, or the reader is sure of it."""
    if _RILED.search(heard.told) or _SHOUTED.search(heard.told) or wry(heard.told):
        return True
    if any(pattern.search(heard.told) for pattern, _ in _FEAR_SAID) or _THANKED.search(heard.told):
        # "this low-level dread": a fear worded, whatever the reader makes of it, is not annoyance; nor is thanks
        # ("tysm for listening last night ❤️")
        return False
    return _reader_sure(heard, ANGER_SURE)


def _after_core(event: str, said: str) -> str:
    """What `event` says after the words of `said` (its core, said back), or all of it when they are not found."""
    words = said.lower().split()
    low = event.lower().replace("’", "'")
    at = low.find(words[-1], low.find(words[0])) if words and words[0] in low else -1
    return event[at + len(words[-1]):] if at >= 0 else event


_HOW_TO = re.compile(r"^(?:how to|what to|whether|where to|when to|who to|which)\b")
_WORK_OUT_MAX_WORDS = 10
_STILL = re.compile(r"\s+(?:yet|now|still|first|anymore)$")


# Where they saw themselves and did not like it: "i look so old in {the photos from saturday}", "i hate how i look
# in {every single photo from the wedding}". Said back without agreeing: "Sounds like the zoom grid got to you".
_SEEN_IN = re.compile(
    r"\bi (?:look|looked|hate how i look|hate the way i look)\b[^.!?,;]*? in "
    r"((?:the|my|that|those|these|this|every|all|our)\b[^.!?,;]{2,40}?)"
    r"(?=\s*(?:$|[.!?,;]|\b(?:when|and|but|lol|haha|ugh|tbh|honestly|every one|everyone)\b))",
    re.IGNORECASE,
)
# What always falls to them: "why is it always me who {has to plan everything}", "the one who always {has to ring
# the landlord}", "me always being the one who {notices}".
_SHARE_WHAT = re.compile(
    r"\b(?:always me|the one|the only one) (?:who|that) (?:always |ever )?((?:has to |have to |had to )?[a-z]+"
    r"(?: (?!and\b|but\b|lol\b)[a-z']+){0,5}?)"
    r"(?=\s*(?:$|[.!?,;]|\b(?:and|but|lol|just|tbh|like|anymore|round|around)\b))",
    re.IGNORECASE,
)
_CHOICE_MIN_WORDS = 8  # "whether to quit your job and go travelling" is a choice to back; "whether to call him" asks
_OR_NOT = re.compile(r",? or (?:nah|not|no|nope|what)\W*$", re.IGNORECASE)
_DOUBT_WORD = re.compile(r"\b(?:" + "|".join((*DOUBT_WORDS, "normal")) + r")\b")  # "is this normal?" too


def _not_so(asked: str) -> str | None:
    """The answer to "am i mad?" in its own word: "You're not mad at all", "It's not weird at all" ("is it weird
    that ..."), "You're not being too sensitive", "You're not overreacting"."""
    words = _DOUBT_WORD.findall(asked.lower())
    if not words:
        return None
    word = words[-1]
    if word == "normal":
        return "It's more common than you'd think"  # "is this normal?": never "It's not normal at all"
    if word == "overreacting":
        return "You're not overreacting"
    if word == "sensitive":
        return "You're not being too sensitive"
    if asked.lower().startswith(("is ", "would it")):
        return f"It's not {word} at all"
    return f"You're not{' being' if ' being ' in asked.lower() else ''} {word} at all"


_YOUR_HOME = re.compile(r"\byour (?=(?:" + "|".join(sorted(HOME)) + r")\b)")
# "your mum and Dad": a family word typed as a name is not one once "your" is put before the pair
_KIN_AFTER_YOUR = re.compile(r"(\byour (?:mum|mom|mam|dad|da|nan|gran|nana) and )(Mum|Mom|Mam|Dad|Da|Nan|Gran|Nana)\b")
# What happened, said back: one short clause, never the message itself (`refer.said_back`).
_SAID_BACK = ("event", "short_event", "gist", "news", "mine", "core")
# Their casual spellings, said back, read as mimicry: "we're never gonna" is said "we're never going to".
_SPOKEN_AS = {"gonna": "going to", "wanna": "want to", "gotta": "have to", "kinda": "kind of", "sorta": "sort of"}
_SPOKEN = re.compile(r"\b(?:" + "|".join(_SPOKEN_AS) + r")\b", re.IGNORECASE)
_NOT_ASKED_WHEN = re.compile(r"\s+(?:anymore|any more|lately|these days|again|at all|once)$", re.IGNORECASE)
_FEEL_LEAD = re.compile(r"^you (?:feel|felt)(?: like| that| as if)? (?=\S+ \S+ \S+)")
_EVENT_SLOTS = ("event", "short_event", "gist", "complaint")
_NOT_ASKED = re.compile(
    r"\bI (?:didn't|did not|never|don't|do not|haven't) (?:even |once |really )?(?:ask|asked) (?:you )?"
    r"((?:how|about) [^,.;!?]+?)(?:,| and | but |$)"
)
_FORGOT = re.compile(
    r"\bI (?:forgot|forget|didn't remember) to ((?:pick up|get|buy|grab|collect|call|ring|book|pay|post|send|take out|"
    r"take|bring|fix|return|feed|walk|water|order|renew|cancel|text|email|put)\b[^,.;!?]*?)(?: again| AGAIN)?"
    r"(?:,| and | but |$)"
)
_REDO_MAX_WORDS = 8
# Someone else of theirs hit hard by the loss: "mum is in pieces", "my dad's devastated", "nan is not coping".
_AFFECTED = re.compile(
    r"\b(?:my |our )?(mum|mom|mam|mummy|dad|daddy|nan|nana|gran|grandma|grandad|grandpa|sister|brother|aunt|aunty|"
    r"auntie|uncle|cousin)(?:'s| is| was| has been| seems)(?: just| so| really| completely| totally)? "
    r"(?:in pieces|in bits|"
    r"devastated|heartbroken|distraught|a mess|a wreck|not coping|not doing well|struggling|beside (?:herself|himself)|"
    r"broken|inconsolable|wrecked|gutted)\b",
    re.IGNORECASE,
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A day named: in full, or a clear abbreviation ("thurs"); "mon", "wed", "sat", "sun" only in a date's place ("on
# sat", "sat morning"), never "i sat in the car" or "c'mon".
_DAY = re.compile(
    r"(?<!['’])\b(monday|tues|tuesday|weds|wednesday|thurs|thursday|friday|saturday|sunday|tomorrow|tmrw|tmr|tmw|"
    r"(?<=on )(?:mon|tue|wed|thu|fri|sat|sun)|(?<=this )(?:mon|tue|wed|thu|fri|sat|sun)|"
    r"(?<=next )(?:mon|tue|wed|thu|fri|sat|sun)|(?<=till )(?:mon|tue|wed|thu|fri|sat|sun)|"
    r"(?<=until )(?:mon|tue|wed|thu|fri|sat|sun)|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)(?= (?:morning|afternoon|evening|night|eve|am|pm|at \d|\d)))\b(?!['’])",
    re.IGNORECASE,
)
_WHEN_ONLY = re.compile(
    r"^(?:on |last |this |since )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|christmas|easter)$",
    re.IGNORECASE,
)
# "The sink yourself!", "Ten days no vaping as of!": a reference that does not stand alone is not said
_SELF_DONE = re.compile(r"\b(?:yourself|myself|by hand|as of|of|to|for|with|at|from|by|and|the|a|an)$", re.IGNORECASE)
_AND_MIXED = re.compile(
    r",? and you(?:'ve| have)?(?: got)? (?:very |such |really |so |a lot of )?mixed "
    r"(?:feelings|emotions)(?: about it)?$"
)
# Someone of yours, named by your partner ("your mum", "ur sister"), doing what got to them: told, asked, compared.
_YOUR_KIN_DID = re.compile(
    r"\b(?:your|ur|yr) (mum|mom|mam|mother|dad|father|sister|brother|aunt|auntie|aunty|uncle|cousin|nan|nana|gran|"
    r"granny|grandma|grandad|grandpa|family|parents|folks|friend|friends|mate|mates|best mate|boss)(?:'s)? "
    r"(?:(?:just|also|then|literally|actually|again|even|only) )?(?:(?:told|tells|said|says|asked|asks)(?: me)?"
    r"(?: (?:twice|again|once|three times|at \w+|in front of \w+|today|tonight|earlier)){0,3}"
    r"(?: that| whether| if| when| why| how)? "
    r"(?:i|i'm|im|i'd|i've|my|['\"])|keeps|kept|"
    r"commented|comments|criticised|criticized|compared|compares|ignored|ignores|laughed|snapped|shouted|yelled|"
    r"had a go|made a (?:comment|dig|remark)|brought up|corrected|lectured|interrupted|won't stop|wouldn't stop|"
    r"did (?:it|that|this)|does (?:it|that|this)|never|always|still)\b",
    re.IGNORECASE,
)
# What no one owns as a slight ("Sorry, that's my dad"): being touched, grabbed, sent sexual messages, walked in on,
# watched, followed, scared or hurt.
_VIOLATED = re.compile(
    r"\b(?:touch\w*|grab\w*|grop\w*|fondl\w*|feel(?:s|ing)? me up|felt me up|kiss\w*|hug\w*|rub\w*|pinch\w*|"
    r"bum|butt|ass|arse|breasts?|boobs?|chest|crotch|thigh|legs?|body|figure|sexual\w*|sexy|sex|nudes?|naked|dick|penis|"
    r"pics?|photos? of me|shower\w*|bath(?:room)?|undress\w*|changing|bedroom|in my bed|while i (?:sleep|slept)|"
    r"star(?:e|es|ed|ing)|watch(?:es|ed|ing) me|follow\w*|stalk\w*|corner\w*|alone with|hit on|hits on|"
    r"hitting on|made a pass|came on to|comes on to|flirt\w*|creep\w*|perv\w*|leer\w*|harass\w*|assault\w*|"
    r"rap(?:e|ed|ing)|molest\w*|abus\w*|inappropriate|uncomfortable|unsafe|scar(?:es|ed|y) me|scared|afraid|"
    r"frighten\w*|threat\w*|hurt me|hit me|hits me|push\w* me|shov\w*|slap\w*|punch\w*|kick\w*|choke\w*|"
    r"hold me down|held me down|pinned)\b",
    re.IGNORECASE,
)
# Their in-laws, your own parents, doing what gets to anyone: comparing, criticising, nagging, asking again.
_IN_LAWS_DID = re.compile(
    r"\bmy (mother[- ]?in[- ]?law|father[- ]?in[- ]?law|in[- ]?laws)(?:'s)? "
    r"(?:(?:is|are|was|were|has been|have been) )?"
    r"(?:(?:again|always|still|now|constantly) )?(?:compar\w*|criticis\w*|criticiz\w*|nag\w*|judg\w*|interfer\w*|"
    r"lectur\w*|hint\w*|(?:keeps?|kept) (?:asking|saying|telling|bringing|commenting)|"
    r"(?:asking|asked|ask)\b[^.!?]*\bagain\b)",
    re.IGNORECASE,
)
_IN_LAW_IS = {"motherinlaw": ("my mum", "her"), "fatherinlaw": ("my dad", "him"), "inlaws": ("my parents", "them")}
_KIN_SAID = {"mom": "mom", "mam": "mam", "mother": "mum", "father": "dad", "auntie": "aunt", "aunty": "aunt",
             "folks": "parents"}
_KIN_THEM = {"mum": "her", "mom": "her", "mam": "her", "mother": "her", "sister": "her", "aunt": "her",
             "auntie": "her", "aunty": "her", "nan": "her", "nana": "her", "gran": "her", "granny": "her",
             "grandma": "her", "dad": "him", "father": "him", "brother": "him", "uncle": "him", "grandad": "him",
             "grandpa": "him"}
# Someone of theirs who is unwell or hurt ("Nana had a fall", "my dad's in hospital"): asked after by name.
_SICK_KIN = re.compile(
    r"(?:\bmy |\bour |^|[.,!?;]\s+)(nana|nan|gran|granny|grandma|grandpa|grandad|mum|mom|"
    r"mam|dad|papa|mama|sister|brother|son|daughter|uncle|aunty|auntie|aunt)\b"
    r"(?!'s (?:after (?:ringing|calling|phoning|texting|telling|saying)|been calling|been ringing|friend|partner|"
    r"husband|wife|dog|cat))(?! (?:said|says|rang|called|texted|told|thinks|keeps))",
    re.IGNORECASE,
)
_IN_LAWS_ARE = {"in-laws": "my parents", "inlaws": "my parents", "mother-in-law": "my mum", "father-in-law": "my dad"}
_IN_LAWS = re.compile(r"\byour (in[- ]laws|inlaws|mother[- ]in[- ]law|father[- ]in[- ]law)\b", re.IGNORECASE)


def _your_parents(m: re.Match[str]) -> str:
    return _IN_LAWS_ARE[m.group(1).lower().replace(" ", "-")]


_MY_PARENTS_DID = re.compile(
    r"^my (?:parents|mum|dad)\b(?!'s)(?! (?:is|was|has been|are|were) (?:ill|sick|unwell|in hospital)).{3,80}$"
)
_DOING_AGAIN = re.compile(r"^I(?:'m| am) \w+ing\b[^,.;]*\bagain\b")

# A long message (several sentences) has a setting, a turn and a point; a long clause of it said back whole is the
# message copied back ("Oh, you finally told your sister about the money worries over dinner at her place on Sunday
# night"), so it is said back without its trailing phrase ("... about the money worries"), and one that is very
# long and cannot be cut is not said back at all: the reply answers in its own words.
LONG_MESSAGE_WORDS = 40
LONG_MESSAGE_SENTENCES = 3
LONG_SAID_BACK_WORDS = 10
LONG_COPY_WORDS = 16  # ... and one longer than this, that cannot be cut short, is not said back at all
_LISTENER = re.compile(r"\b(?:me|I|I'm|I've|my|mine)\b")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


# Where a trailing phrase of a clause starts ("... all our spending | for the last three months", "... to the next
# item | like you hadn't said anything"); what is left must end on a word a clause can end on.
_TAIL = re.compile(
    r",? (?=(?:for|in|on|at|around|outside|behind|with|from|since|like|after|before|during|until|over|across|near|by|"
    r"to (?=the|a|an|my|your|our|his|her|their|[A-Z]))\b)"
)
_NO_END = re.compile(
    r"(?:\b(?:a|an|the|my|your|our|his|her|their|its|this|that|these|those|of|for|in|on|at|to|from|with|by|about|"
    r"just|really|so|very|right|still|even|and|but|or|been|being|was|were|is|are|be|has|have|had|got|get|going|"
    r"back|out|up|down|off|over|away|around|through|into)|\w+ing|,)$",
    re.IGNORECASE,
)
_TAIL_MIN_WORDS = 5
# A person described, then named: "the older man down the hall, Mr. Chen, left ..." is "Mr. Chen left ...".
_NAMED_ASIDE = re.compile(
    r"^(?:the|a|an|this|that) [^,]{3,40}, ((?:Mr\.?|Mrs\.?|Ms\.?|Dr\.?|[A-Z][a-z]+)(?: [A-Z][a-z]+)?), "
)
# A thing told of by what was done with it, before what happened to it: "the project {you've been working on for eight
# months} got cancelled" is "the project got cancelled".
_WHOSE_THING = re.compile(
    r"^((?:the|your|our) [a-z]+) (?:that )?(?:you|you've|you'd|you're|we|we've|we'd) [^,]{3,50}? "
    r"(?=(?:got|was|has been|fell|went|ended|broke|died) \w)"
)
_FIRST_TIME = re.compile(r" for the (?:first|last) time$")
_MORE_NEWS = re.compile(r"\b(?:and|but|so|then|because)\b")
_PAST_VERBS = word_set("verbs", "irregular_past")  # "the shed blew | over in the storm" is not cut after "blew"
# When, said last: "... on weekends now", "... this month again".
_WHEN_AT_END = re.compile(
    r"(?: (?:now|today|tonight|again|yesterday|last night|this (?:morning|afternoon|evening|week|month|year)))+$"
)


def without_tail(said: str) -> str | None:
    """`said` short: without its trailing phrase, when what is left is a whole clause of 5 to 10 words, and
    without an aside that names or describes what it is about; else None.

    >>> without_tail("your manager just moved on to the next item like you hadn't said anything")
    'your manager just moved on to the next item'
    >>> without_tail("the man down the hall, Mr. Chen, left a bag of oranges outside your door with a note")
    'Mr. Chen left a bag of oranges outside your door'
    >>> without_tail("the project you've been working on for eight months got cancelled")
    'the project got cancelled'
    >>> without_tail("your cousin rang for the first time in nearly three years") is None
    True
    """
    said = _WHEN_AT_END.sub("", _NAMED_ASIDE.sub(r"\1 ", said))  # "Mr. Chen left ...", "... your grandpa"
    said = _WHOSE_THING.sub(r"\1 ", said)  # "the project got cancelled"
    if "," in said:
        return None  # what is left of an aside is not cut round
    if len(said.split()) <= LONG_SAID_BACK_WORDS:
        return said
    best = None
    for m in _TAIL.finditer(said):
        head = said[: m.start()]
        n = len(head.split())
        if n > LONG_SAID_BACK_WORDS:
            break
        if _MORE_NEWS.search(said[m.end():]):
            continue  # "your grandad had a fall | on Sunday and broke his hip": the news goes on after it
        head = _FIRST_TIME.sub("", head)  # "for the first time | since the falling out" is not "for the first time"
        n = len(head.split())
        last = head.split()[-1].lower()
        if n >= _TAIL_MIN_WORDS and not _NO_END.search(head) and last not in _PAST_VERBS \
                and not last.endswith("ed") and well_formed(head):
            best = head
    return best


def long_message(told: str) -> bool:
    """Whether `told` is a long message: 40 words or more over three sentences or more."""
    return len(told.split()) >= LONG_MESSAGE_WORDS and len(_SENTENCE_END.findall(told.strip() + " ")) >= \
        LONG_MESSAGE_SENTENCES


# Where a long event's news ends: the first clause break ("your therapist is moving away | so now ...").
# A cut is made only where a new clause starts with its own subject, so what is kept is a whole clause.
_GIST_CUT = re.compile(
    r",? (?:and|but|so|because|cos|coz|cause|while|plus)(?: then| now)? (?=(?:you|your|you're|you've|she|he|they|"
    r"it|it's|we|we're|our|the|his|her|their|there|everyone|nobody|no one)\b)|;\s|\s[-–—]\s"
)
GIST_MIN_WORDS = 5
GIST_MAX_WORDS = 16  # an event longer than this is cut to its first whole clause, when that is this short
# The event is the death itself: "your grandpa died this morning", "your nani passed away last night".
_DEATH = re.compile(
    r"\b(?:died|passed(?: away| on)?|is gone|has gone|'s gone|lost (?:your|our) (?!job|keys|phone|wallet))\b"
)
_NOT_DEATH = re.compile(r"\b(?:passed (?:my|your|the|a|an|all|it|out|by|through)|didn't|did not|not)\b")
# What is about the partner themselves, or no one ("you think ...", "it's been ..."): how they see it is read.
_ABOUT_THEM = re.compile(
    r"^(?:(?:sometimes|honestly|just|still|maybe|really|kind of|kinda) )*"
    r"(?:you|you're|you've|you'd|you'll|it|it's|its|this|that|there|there's|i|i'm|my)\b|\b(?:feel|feels|felt)\b"
)
# What happened is the listener's own doing or thing: "I was late again", "my phone was on silent" (not a
# person of theirs: "my mum told you ..." is said back, not owned).
_MINE = re.compile(rf"^(?:I|I've|I'd|I was|my (?!{MY_PEOPLE}\b))\b")
_REPORTED = re.compile(r"^\S+(?: \S+)?(?: \S+)? (?:said|says|told|tells|asked|asks)\b")


def _first_clause(event: str, least: int) -> str | None:
    """What `event` says before its first clause break (`_GIST_CUT`) that leaves at least `least` words."""
    for m in _GIST_CUT.finditer(event):
        head = event[: m.start()].rstrip(" ,")
        if len(head.split()) >= least:
            return head
    return None


def gist(event: str) -> str | None:
    """The news in `event`, short enough to say back: all of it when short, else its first clause, else
    nothing (a long event is not repeated in full: that is the message said back, not the news).

    >>> gist("your therapist is moving away at the end of the month so now you've got to start all over again")
    'your therapist is moving away at the end of the month'
    >>> gist("you paid off your card")
    'you paid off your card'
    """
    n = len(event.split())
    if n > GIST_MAX_WORDS and (turn := turned(event)) is not None and len(turn[1].split()) <= GIST_MAX_WORDS \
            and _WHOLE_TURN.match(turn[1]) and _BUT_TURN.search(event[: -len(turn[1])]):
        return turn[1]  # "the new job is grand but you feel like you're not fitting in ...": not its first half
    if n <= GIST_MAX_WORDS or (_REPORTED.search(event) and n <= GIST_MAX_WORDS + 4):
        return event  # what someone said is kept whole: its news is in the second half ("... and they'd like you")
    head = _first_clause(event, GIST_MIN_WORDS)
    return head if head is not None and len(head.split()) <= GIST_MAX_WORDS else None


# What was only said or promised ("I said I'd be home by 7", "I told you I'd call"); "I told my brother about your
# loan" is an act.
_BUT_TURN = re.compile(r"\bbut(?: then)?\s*$", re.IGNORECASE)
_WHOLE_TURN = re.compile(r"^(?:you|you're|you've|she|she's|he|he's|they|they're|nobody|no one|everyone)\b")
_NOT_AN_ACT = re.compile(r"\b(?:said|say|says|told(?= you\b)|have to|had to|would|will|should|could|\w+'ll|\w+'d)\b")


def _tense(heard: Heard) -> str | None:
    """The tense of what happened, or of the complaint about you when nothing else happened. A complaint
    is past only when it tells of something you did ("I forgot our anniversary"), not of something you
    said or had to do ("I said I'd be home by 7")."""
    if heard.event is not None:
        return heard.tense
    if heard.complaint is not None:
        said = heard.complaint.lower()
        acted = not _NOT_AN_ACT.search(said) or KEPT.search(said)
        return "past" if PAST.search(said) and acted else "present"
    return None


def _says_twice(event: str, dilemma: str) -> bool:
    """Whether the doubt already says what happened, or what happened the doubt."""
    a, b = set(_STEM.findall(event.lower())) - _SMALL, set(_STEM.findall(dilemma.lower())) - _SMALL
    return bool(a and b) and (a <= b or b <= a or len(a & b) >= 2)


_CHOICE = re.compile(r"^(?:whether|what to do|what you should)\b|\bor\b")  # a choice they are weighing
_SMALL = frozenset({"you", "your", "you're", "the", "a", "an", "and", "to", "of", "it", "is", "i", "my", "what", "how",
                    "if", "s", "re", "ve", "been", "just", "not"})


# What happened, said back, told as their own doing: "you passed your driving test", "we won the quiz",
# "you've finally paid it off"; not news that came to them ("you heard back", "you got a call").
_OWN_DOING = re.compile(
    r"^(?:you|we)('ve| have)?(?: (?:finally|just|actually|only|officially|really|somehow|all))* "
    r"(?!(?:heard|found|got told|were|was|had|got (?:a |an |the |your |our |some )?(?:call|calls|text|texts|message|"
    r"messages|email|emails|letter|letters|results?|news|word|phone call|reply|offer|invite)\b))(?:\w{3,}ed|got|"
    r"won|ran|did|made|sold|paid|wrote|built|swam|rode|caught|beat|finished|passed|closed|signed|booked|"
    r"bought|fixed|quit|stood|climbed|cooked|baked|drew|sang|learned|learnt|taught|kept|hit|threw|gave|"
    r"took|came (?:first|second|third)|said (?:no|yes)|got through|smashed|nailed|aced|landed|scored)\b",
    re.IGNORECASE,
)


# Got, but given by others: "you got your visa approved", "you got the all clear", "you got your refund back".
_GIVEN = re.compile(r"^\S+ (?:\w+ )*?got\b.*\b(?:approved|back|all clear|cleared|refund|refunded|results?|diagnosis|"
                    r"news|told|paid out|sorted)\b|\bstarted\b", re.IGNORECASE)


def own_doing(heard: Heard) -> bool:
    """Whether what happened is the partner's own doing, so an ask fits how they did it or how it feels,
    not how they found out ("you passed your probation", not "your doc said the scans are clean")."""
    m = _OWN_DOING.match(heard.event or "")
    if m is None or _GIVEN.search(heard.event or ""):
        return False
    return heard.tense == "past" or m.group(1) is not None  # "you've finally finished it"


# What happened is ours as well as theirs: "we closed on the house", "our flight got cancelled".
_SHARED = re.compile(r"\b(?:we|we've|we're|we'd|we'll|our|ours|us)\b", re.IGNORECASE)


# The message says the news is ours ("... WE'RE HOMEOWNERS", "our first flat", "we can do the kitchen").
_OURS = re.compile(
    r"\b(?:we're|we are|we've|we can|we get|we got|we did|our (?:first|new|own|very)|us)\b", re.IGNORECASE
)


def shared(heard: Heard) -> bool:
    """Whether what happened is the listener's too ("we closed on the house"), so it is met as ours."""
    event = heard.event or ""
    # the news, not a comment after it ("every cousin we have")
    news = _first_clause(event, GIST_MIN_WORDS - 1) or event
    if _SHARED.search(news.replace("’", "'")):
        return True
    # a subjectless "Closed on the house!!! ... WE'RE HOMEOWNERS": the message says whose it is
    said = heard.focus.replace("’", "'")
    return bool(heard.event and _OURS.search(said) and about_the_couple(said))


# The good thing is still to come: tickets, a booking, a start date, a day named ahead ("we are SEEING HER",
# "start in a fortnight", "can pick her up on Saturday"). Words in `[news] ahead` of coach/heard_words.toml.
_AHEAD = re.compile(r"(?<!\w)(?:" + alternation(word_tuple("news", "ahead")) + r")(?!\w)", re.IGNORECASE)


def looks_ahead(heard: Heard) -> bool:
    """Whether the good thing in the message is still to come, so a question asks what they look forward to,
    not what the best bit was ("got tickets!! front row", "booked it. ljubljana. 4 nights").

    >>> ahead = [looks_ahead(Heard(None, (), (), focus=t)) for t in ("GOT TICKETS!!!!! front row", "I passed my test")]
    >>> ahead
    [True, False]
    """
    told = heard.told.replace("’", "'")
    return _AHEAD.search(told) is not None and _CHORE.search(told) is None


# What is booked may be a chore done, not a treat to come ("finally booked the dentist", "booked the therapist
# appt"): no "What are you most looking forward to?".
_CHORE = re.compile(
    r"\b(?:dentist|doctor|gp|therapist|therapy|appt|appointment|filling|root canal|smear|scan|blood test|bloods|"
    r"mot|nct|tax return|vaccine|jab|check-?up|physio|counsell?or|counsell?ing)\b",
    re.IGNORECASE,
)


# Told as a joke or with a laugh: "lmaooo the dog ate an entire birthday cake", "send help. or a cold one".
_PLAYFUL = re.compile(r"(?<!\w)(?:" + alternation(word_tuple("news", "playful")) + r")(?!\w)", re.IGNORECASE)


def playful(heard: Heard) -> bool:
    """Whether the message tells a mishap lightly, as a joke or with a laugh (not good news, no loss, nothing
    about you, no hurt, fear or shame): it is met in kind, not as a grievance to solve.

    >>> playful(Heard("the dog ate a whole cake", (), (), focus="lmao the dog ate a whole cake off the counter"))
    True
    >>> playful(Heard("you tend to get too emotional", (), (), focus="i tend to get too emotional lol"))
    False
    """
    # "... i am going to become a villain", or mock outrage at what they were called ("me. competitive. absurd."): a
    # joke made of it, whoever did it
    joke = wry(heard.told) or _MOCK_OUTRAGE.search(heard.told) is not None \
        or (heard.extra.get("act") == "joking" and not laughed(heard.told))  # a laugh in words is read below
    if _SERIOUS.search(heard.told) or STARVED.search(heard.told.replace("’", "'")):
        return False  # a panic attack, a hospital, a threat, not eating: never met as a joke, however it is told
    if heard.loss != "none" or heard.complaint is not None or heard.unsure or (heard.mood in _NOT_LIGHT and not joke):
        return False  # "too scared to open it lol", "gutted ... i trained him lol": a wry laugh, not a joke
    if heard.good_news or ((heard.valence == "positive" or heard.mood == "glad") and not joke):
        return False  # "passed my driving test on the third try lmaooo" is news to celebrate, not a mishap
    if (heard.party is not None or good_taken_back(heard.focus)) and not joke:
        return False  # someone did it to them, or it is said in irony ("... lol cool cool"): a grievance
    if heard.event is None:
        return False
    if heard.valence != "negative":
        # a mishap the reader does not hear as hard is light only when a laugh opens it ("lol so the meeting
        # went 3 hours"), not when it closes a remark ("i tend to get too emotional lol") or cheers ("lol omg yes")
        opens = _PLAYFUL.match(heard.focus.lstrip(" \"'([")) is not None
        return (opens or joke) and not told_excitedly(heard.focus)
    if _named_hard(heard):
        return False
    return joke or _PLAYFUL.search(heard.focus) is not None


def wry(told: str) -> bool:
    """Whether the message makes a joke of a moan ("... pray for me", "i am going to become a villain")."""
    return _WRY.search(told) is not None or _BODY_GONE.search(told) is not None


_WRY = re.compile(r"(?<!\w)(?:" + alternation(word_tuple("news", "wry")) + r")(?!\w)", re.IGNORECASE)
# Tired limbs told exaggerated ("my feet r actually crying", "me feet are in bits", "my calves are screaming"): a joke
# of a long day, not pain to be sorry for.
_BODY_GONE = re.compile(
    r"\b(?:my|me) (?:poor )?(?:feet|legs|calves|thighs|arms|back|shoulders|knees|hamstrings|quads|glutes|bum)"
    r"(?: are| r| is|'s| s| have| has)? (?:actually |literally |officially |now |just |still )?"
    r"(?:crying|screaming|weeping|sobbing|in bits|in pieces|destroyed|jelly|on strike|filing a complaint|"
    r"(?:have |has )?(?:left the chat|given up|quit|resigned))\b",
    re.IGNORECASE,
)
_NOT_LIGHT = frozenset({"hurt", "fear", "shame"})
_SERIOUS = re.compile(
    r"\b(?:panic attack|can'?t breathe|chest pain|hospital|a&e|ambulance|icu|end it|want(?:ing)? to die|kill myself|"
    r"hurt(?:ing)? myself|self[- ]harm\w*|suicid\w*|overdos\w*|bleeding|unconscious|collapsed|abus\w*|hit me|hits me|"
    r"scared of (?:him|her|them|you)|chemo|cancer|tumou?r|lump|biopsy|miscarr\w*|funeral|died|passed away|"
    # a job or a home lost: "i lost my job again lol" is never "Honestly, you couldn't make it up"
    r"lost (?:my|his|her|their|our) (?:job|jobs|home|house|flat)|(?:got|get|getting|been|was|were) (?:fired|sacked|"
    r"laid off)|"
    r"made redundant|redundancy|evict\w*|homeless|repossess\w*|"
    # labour, a fire, a break-in, whoever's: "jess's waters broke at work lol" is no joke either
    r"waters? (?:have |has |just )?(?:broke|broken|gone|went|burst)|contractions?|(?:in|into) labou?r|caught fire|"
    r"in flames|broke(?:n)? in|break-?in|burgl\w*|intruders?)\b",
    re.IGNORECASE,
)
_MOCK_OUTRAGE = re.compile(r"(?:^|[.!?]\s+)me[.?!]+\s+(?:too |so |being )?(?!again\b|too\b|also\b|only\b)"
                           r"[a-z]+[.?!]+(?:\s+[a-z]+[.?!]+)?\s*$",
                           re.IGNORECASE)
# Someone who did it: a pronoun, a name, someone of theirs ("he yelled at you", "Sipho said he'd fetch you").
_SOMEONE = re.compile(
    r"^(?:(?:so|then|and|but|somehow|just) )*(?:he|she|they|someone|somebody|everyone|everybody|nobody|no one|people|"
    r"(?:your|my|our|the|you) (?:\w+ )?(?:boss|manager|mum|mom|mummy|mam|dad|sister|brother|friend|friends|partners?|"
    r"neighbou?rs?|landlord|colleague|coworker|teacher|family|in-laws|in laws|inlaws|mother-in-law|kids?|son|"
    r"daughter|wife|husband|ex)|(?-i:[A-Z][a-z]+))\b",
    re.IGNORECASE,
)


# What goes on and on, or how they see it, is not a mishap of the day ("you're always the one who plans").
_ONGOING = re.compile(
    r"\b(?:feel|feels|felt|feeling|think|always|never|keeps?|every time|anymore|lately|hate|tired of|sick of|fed up|"
    r"months|years|salary|money|owe|debt|again|deserve|deserved|said|says|told|asked|called)\b",
    re.IGNORECASE,
)


def everyday(heard: Heard) -> bool:
    """Whether what happened is a small mishap of the day that no one did to them (the bus, the rain, the
    printer): asked about lightly ("What would make the rest of today better?"), not probed like a grievance.

    >>> everyday(Heard("the bus drove straight past you", (), (), valence="negative", mood="anger", happened=True))
    True
    >>> everyday(Heard("he yelled at you", (), (), valence="negative", mood="anger", happened=True))
    False
    """
    if heard.valence != "negative" or heard.party is not None or heard.complaint is not None or heard.about_you:
        return False
    event = heard.event or ""
    return (
        bool(event) and _SOMEONE.match(event) is None and _ONGOING.search(event) is None
        and ABOUT_LISTENER.search(event) is None
    )


def by_someone(heard: Heard) -> bool:
    """Whether someone else did what hurt them ("dad forgot my birthday", "Rohan didn't call"), so "Anyone would
    be hurt by that" fits; not a loss, a letdown of the day or news ("the vet said she's got weeks left").

    >>> by_someone(Heard("your dad forgot your birthday", (), (), valence="negative", happened=True))
    True
    >>> by_someone(Heard("your interview went bad", (), (), valence="negative", happened=True))
    False
    """
    if heard.complaint is not None:
        return True
    event = heard.event or ""
    if not event or _TOLD_NEWS.match(event) is not None:
        return False
    if _SOMEONE.match(event) is not None or _DONE_TO_YOU.search(event) is not None:
        return True
    # someone of theirs, by any name: "your best mate didn't invite you", "your cousin didn't come"
    m = _WHOSE.match(event)
    return m is not None and any(w in _PEOPLE_WORDS and w not in _NOT_DOERS for w in m.group(1).lower().split())


_WHOSE = re.compile(r"^(?:your|my|his|her|their|our|the) ((?:[\w'-]+ ){0,2}?[\w'-]+) (?:didn't|did not|never|wouldn't|"
                    r"won't|hasn't|haven't|forgot|ignored|left|\w+ed)\b", re.IGNORECASE)
_PEOPLE_WORDS = word_set("refer", "people") | {"mate", "mates", "bestie", "pal", "buddy", "crush", "date", "friend"}
_NOT_DOERS = frozenset({"dog", "cat", "bank", "care", "line", "lead", "company", "council", "doc", "doctor", "gp",
                        "dentist", "nurse", "surgeon", "physio", "therapist", "team"})


# Done to them by someone not named in `_SOMEONE`: "your oga embarrassed you", "the new girl took credit from you".
_DONE_TO_YOU = re.compile(
    r"^(?!you\b|you're\b|you've\b)\S+(?: \S+){0,3} (?:\w+ed|gave|made|left|sent|took|forgot|ignored|"
    r"shouted at|yelled at|laughed at|snapped at)(?: (?:at|on|to|with|about))? you\b(?!['’])",
    re.IGNORECASE,
)


# Someone who only told them the news: "the vet said ...", "the doctor says ...", "they said the results ...".
_TOLD_NEWS = re.compile(r"^(?:the|your|my) (?:vet|doctor|doc|gp|consultant|specialist|nurse|surgeon|hospital)\b",
                        re.IGNORECASE)


# They say they are okay, or feel nothing much: "im ok. i think", "I'm fine, honestly", "just numb".
_STEADY = re.compile(
    r"\b(?:i'?m|im|i am|i feel|feeling|i'?m feeling)(?: (?:actually|honestly|mostly|kind of|kinda|sort of|pretty|"
    r"weirdly|strangely|oddly))? (?:ok|okay|fine|alright|all right|grand|numb|calm)\b"
    r"|\bnumb\b|\bdon'?t (?:really )?feel (?:anything|much)\b|\b(?:not sure|don'?t know) how (?:i'?m )?"
    r"(?:to |supposed to |meant to )?feel\b",
    re.IGNORECASE,
)


def steady(told: str) -> bool:
    """Whether they say they are okay, or numb ("grandpa died this morning. im ok. i think"): met as they are,
    not told how much it must hurt.

    >>> steady("grandpa died this morning. im ok. i think"), steady("I'm not okay")
    (True, False)
    """
    said = told.replace("’", "'")
    m = _STEADY.search(said)
    # "most days I'm fine now ... Then today I saw ...": okay until it turned, which is what they are telling
    if m is None or _TURNS.search(said, m.end()):
        return False
    return not _MOST_DAYS.search(said[max(0, m.start() - 20) : m.start()])


_TURNS = re.compile(r"\b(?:but|then|until|except|till)\b", re.IGNORECASE)
_MOST_DAYS = re.compile(r"\b(?:most days|usually|normally|most of the time|mostly)\b", re.IGNORECASE)


def _both(heard: Heard) -> str | None:
    """The glad and the hard feeling they named together ("relieved and angry"), or None."""
    vocabulary = feeling_vocabulary()
    words = [f.word for f in heard.feelings if f.source == "named"]
    # the feelings they say outright, whether or not the reader named them ("I'm relieved, but I'm also furious")
    words += [w.lower() for w in _SAID_FEELING.findall(heard.told.replace("’", "'"))
              if w.lower() in vocabulary or w.lower() in _HARD_SAID]
    glad = next((w for w in words if w in _feeling_tone_positive()), None)
    hard = next((w for w in words if w not in _feeling_tone_positive()), None)
    return f"{glad} and {hard}" if glad and hard else None


_HARD_SAID = frozenset({"furious", "livid", "raging", "fuming", "gutted", "devastated", "heartbroken", "seething"})


_SAID_FEELING = re.compile(
    r"\b(?:i'?m|im|i am|i feel|i felt|i was)(?: (?:so|really|also|very|kind of|a bit))? ([a-z]+)", re.IGNORECASE
)


# A struggle of their own told outright, which takes some courage to say ("I need support for my depression",
# "I am having a really hard time"): met with "I'm glad you told me", never with "Fair enough".
# A struggle is about their own wellbeing, not a chore ("had a rough time finding parking", "struggling to choose a
# paint colour"), a laugh ("cried laughing") or a name ("lonely planet", "therapy school").
_STRUGGLE = re.compile(
    r"\b(?:depress(?:ed|ion)|anxiety|struggl(?:e|ed|es|ing)(?! to (?!cope|keep going|get out of bed|function)\b)"
    r"|(?:a )?(?:really )?(?:hard|rough|tough) time(?=\s*(?:$|[.,!?;]|lately|recently|of it|right now|at the moment|"
    r"these days|this (?:week|month|year)|since|with (?:it|everything|things|life|myself|my (?:head|mental))\b"
    r"|(?:making friends|sleeping|coping|eating|focusing|getting out of bed)\b))|"
    r"(?:i'?m|im|i am|i was|been|keep) (?:crying|cry)|cried(?! (?:laughing|with laughter|of laughter))"
    r"|lonely(?! planet)|suicid\w*|self[- ]harm|therapy(?! school)|panic attacks?)\b",
    re.IGNORECASE,
)
_LAUGHING = re.compile(r"\b(?:lol|lmao|haha\w*|rofl)\b|😂|🤣", re.IGNORECASE)
_CRY = re.compile(r"\b(?:cry|cried|crying|tears)\b", re.IGNORECASE)
_LAUGHED = re.compile(r"\b(?:cried|crying|cry|wet myself|died|dying) (?:laughing|with laughter|of laughter)\b"
                      r"|\b(?:couldn'?t|can'?t) stop laughing\b", re.IGNORECASE)


def light(told: str) -> bool:
    """Whether it is told with a laugh ("that film made me cry lol", "i cried laughing"): met lightly.

    >>> light("that film made me cry lol"), light("i cried laughing at that video"), light("i cried all night")
    (True, True, False)
    """
    return bool(_LAUGHED.search(told) or (_LAUGHING.search(told) and _CRY.search(told)))


_OTHERS_THERAPY = re.compile(r"\b(?:my|his|her|their) \w+(?:'s| is) (?:\w+ )?(?:therapy|struggl)", re.IGNORECASE)


def disclosed(heard: Heard) -> bool:
    """Whether the partner told of a hard feeling they named or a struggle of their own: telling it took courage.

    >>> [disclosed(Heard(None, (), (), focus=t)) for t in ("had a rough time finding parking lol", "i cried laughing",
    ...  "i'm lonely planet obsessed", "i've been struggling to choose a paint colour",
    ...  "i'm having a hard time lately")]
    [False, False, False, False, True]
    """
    told = heard.told
    if _named_hard(heard):
        return True
    return bool(_STRUGGLE.search(told)) and not _LAUGHING.search(told) and not _OTHERS_THERAPY.search(told)


_AT_YOU = re.compile(
    r"\b(?<!not )(?<!n't )(?<!never )(?:disappointed|angry|mad|upset|annoyed|hurt|fed up|pissed off|cross|furious) "
    r"(?:in|at|with|by) (?:you|u)\b"
    r"|\byou (?:really )?(?:let me down|hurt me|upset me|disappointed me)\b",
    re.IGNORECASE,
)


def at_you(told: str) -> bool:
    """Whether they tell you of a complaint about you, to be owned rather than met as bad news.

    >>> at_you("i'm not angry, just disappointed in you"), at_you("i'm disappointed in the film")
    (True, False)
    >>> at_you("i'm not upset with you, just tired")
    False
    """
    return bool(_AT_YOU.search(told.replace("’", "'")))


# What is told gladly, whatever tone a swear word reads as: love or pride of their own ("i fucking love that man",
# "so proud of myself"), big news ("we're having a baby!", "i'm pregnant"), a glad day ("sunday was lovely").
_GLAD = re.compile(
    r"\bi (?:really |just |so |fucking |absolutely )?(?:love|adore) (?:him|her|them|you|th(?:at|is) "
    r"(?:man|woman|girl|boy|guy)|my (?:\w+ )?(?:husband|wife|partner|boyfriend|girlfriend|kids?|son|daughter|family|"
    r"baby|mum|mom|dad))\b|\bproud of (?:my ?self|us)\b"
    r"|\b(?:i'?m|we'?re|i am|we are) (?:\w+ )?(?:pregnant|engaged)\b"
    r"|\bhaving a baby\b|\bgoing to be (?:grand)?parents\b|\b(?:well )?chuffed\b|\bover the moon\b"
    r"|^(?:\w+day|the weekend|last night|tonight|today|dinner|the wedding|the party) (?:was|has been) "
    r"(?:so |really |just )?(?:lovely|amazing|brilliant|wonderful|perfect)\b|\bcheeky nando'?s\b",
    re.IGNORECASE,
)
_NOT_GLAD = re.compile(
    r"\b(?:not|don'?t|doesn'?t|didn'?t|never|no longer|used to|but|though|hate|miss|lost|died|dead|sick|ill|hurt|"
    r"scared|worried|afraid|terrified|anxious|sad|cry|crying|cried|alone|lonely|miscarri\w*|unplanned|broke up)\b",
    re.IGNORECASE,
)


def glad(heard: Heard) -> bool:
    """Whether love, pride or big news of their own is told ("i love him so much", "we're having a baby!").

    >>> glad(Heard(None, (), (), focus="we're having a baby!")), glad(Heard(None, (), (), focus="i love it, great"))
    (True, False)
    """
    told = heard.told.replace("’", "'")
    return not heard.unsure and heard.self_judgement is None and heard.complaint is None and bool(
        _GLAD.search(told)
    ) and not (
        _NOT_GLAD.search(told) or self_mocked(told)  # "so proud of myself, i forgot the kids at pickup": irony
    )


def _tone(heard: Heard) -> str:
    """The valence a reply meets: love, pride and big news are met gladly, not as bad news read from a swear word
    ("i fucking love that man") nor flatly ("we're having a baby!"); else the valence read."""
    return "positive" if glad(heard) else heard.valence


def _named_hard(heard: Heard) -> bool:
    """Whether the partner named a feeling that is not pleasant ("so angry"): the tone they named wins."""
    return any(f.source == "named" and f.word not in _feeling_tone_positive() for f in heard.feelings)


@cache
def _feeling_tone_positive() -> frozenset[str]:
    return frozenset(w for w, tone in feeling_vocabulary().items() if tone == "positive")


# Conditions a template may set that are read from the message (each reading has a cost): read only when a
# template asks, and once per reply (`known`).
_READINGS: tuple[tuple[str, Callable[[Heard], object]], ...] = (
    ("good_news", lambda h: h.good_news), ("own", own_doing), ("shared", shared), ("ahead", looks_ahead),
    ("playful", playful), ("everyday", everyday), ("fit", fit_of), ("wry", lambda h: wry(h.told)),
    ("someone", by_someone), ("steady", lambda h: steady(h.told)), ("disclosed", lambda h: disclosed(h)),
    ("at_you", lambda h: at_you(h.told)),
    ("light", lambda h: light(h.told)), ("glad", glad), ("sort", sort_of), ("no_talk", lambda h: no_talk(h.told)),
    ("us", us_of), ("gripe", gripe),
)
_READ = dict(_READINGS)
_TONE = "tone"  # `known` also keeps the tone a reply meets (`_tone`): every template with a valence asks it


def _read_once(known: dict[str, object], name: str, heard: Heard, read: Callable[[Heard], object]) -> object:
    """`read(heard)`, read once per reply: kept in `known` under `name`."""
    if name not in known:
        known[name] = read(heard)
    return known[name]


_AFFECTION = frozenset({"miss_you", "love_you", "lucky_you"})  # answered in kind only when nothing else is going on
_KIND_WORDS = _AFFECTION | {"thanks", "praise"}
# Words of danger beside kind words that make the kind words no longer the point ("love you. i'm on the bridge").
_DANGER_BESIDE = re.compile(
    r"\b(?:bleed\w*|blood|ambulance|fire|smoke|knife|gun|note|bridge|roof|good ?bye|"
    r"forever|angry|drunk|scared|afraid|hiding|hide|stairs|trapped|stuck|help me|call (?:9{3}|91{2}|11[2]|0{3}))\b"
)
# What a message near a sign of harm may still be answered as: an emergency, good news (unless a sign is worded in
# it, `harm_signs`), a hug or company asked for, room.
_SIGNED_SITUATIONS = frozenset({"default", "good_news", "hug", "company", "room", "talk", "come", "stop"})
_LIGHT_READINGS = frozenset({"playful", "light", "wry", "glad", "everyday", "gripe"})


def _patterns_flag(signals: Sequence[Signal]) -> bool:
    """Whether a pattern (not a learned head) read a safety sign in the message."""
    return any(s.source.startswith("lexical") and s.kind in SAFETY_KINDS for s in signals)


def _signed(heard: Heard) -> bool:
    return bool(heard.extra.get("flagged") or heard.extra.get("near_sign"))


def _applies(t: Template, heard: Heard, slots: dict[str, str], known: dict[str, object]) -> bool:
    if any(s not in slots for s in t.slots) or any(s in slots for s in t.unless) \
            or any(s not in slots for s in t.needs):
        return False
    if "feeling" in t.slots and any(
        s in t.slots and _echoes_feeling(slots["feeling"], slots[s] if s == "complaint" else heard.event or slots[s])
        for s in _EVENT_SLOTS
    ):
        # "you do worry ..., and that's left you feeling worried" says it twice; so does "both options are having
        # risk, and you're feeling confused" when the message said "I am very confused" (what is said back of
        # what happened is short, but what they said of the feeling counts)
        return False
    if "both" in t.slots and any(s in t.slots and _echoes_feeling(slots["both"], slots[s]) for s in _EVENT_SLOTS):
        return False  # "So you're furious it took nine months. Of course you're relieved and furious"
    if "dilemma" in t.slots and "short_event" in t.slots and (
        _says_twice(slots["short_event"], slots["dilemma"]) or (not heard.happened and _CHOICE.search(slots["dilemma"]))
    ):
        # "you've been unmotivated all week, and you don't know what's up, you've been unmotivated ...", and
        # "more money but you'd be leaving everyone, and you're not sure whether to take the berlin thing"
        return False
    if t.happened is not None and t.happened != heard.happened:
        return False
    if t.weighing is not None and t.weighing != heard.weighing:
        return False
    if t.valence and t.valence != _read_once(known, _TONE, heard, _tone):
        return False
    # "both" (`_both`): feelings that pull both ways ("I'm relieved to know, but I'm also so angry")
    if t.valence == "positive" and (_named_hard(heard) or "both" in slots):
        return False  # "I'm relieved, but I'm also so angry it took this long": no "I love that for you"
    if t.loss is not None and t.loss != heard.loss:
        return False
    if t.mood and heard.mood not in t.mood:
        return False
    for name in t.asks:
        want = getattr(t, name)
        if name not in known:
            # a sign the screen flagged, or one near it, is never met lightly, gladly or as ours to own
            known[name] = False if name in _LIGHT_READINGS and _signed(heard) else _READ[name](heard)
        if want != known[name] and not (want == "any" and known[name]) \
                and not (isinstance(want, tuple) and known[name] in want):  # sort = "any"; us = [...]
            return False
    if t.tense and t.tense != _tense(heard):
        return False
    if t.needs_complaint and heard.complaint is None:
        return False
    if t.self_critical is not None and t.self_critical != (heard.self_judgement is not None):
        return False
    if (t.unsure or "dilemma" in t.slots) and t.fit is None and heard.extra.get("doubt") \
            and fit_of(heard) == "work_out":
        return False  # a long telling that comes to what to do has its own answers ("Want to work out together ...")
    return not (t.unsure is not None and t.unsure != heard.unsure)


def template_suggestion(
    move: Move, heard: Heard, recent: Collection[str] = (), seed: int = 0, taken: Collection[Suggestion] = (),
    slots: dict[str, str] | None = None, known: dict[str, object] | None = None,
) -> Suggestion:
    """The first template for `move` that fills from `heard` and passes the detectors, in one of its
    wordings: the one `seed` points at, or the next one whose wording is not in `recent` and does not
    repeat the suggestions already `taken` for this reply (`repeats`). A reply asking for several moves
    passes the `slots` of `heard` and a `known` dict, so both are read once for all of them."""
    slots = _slots(heard) if slots is None else slots
    known = {} if known is None else known
    # What the reply says already, their words said back included; what this one would add is read in its
    # own words only (their "happy crying" said back makes no "I'm so happy for you" a repetition).
    said_already = [s.text for s in taken]
    first: Suggestion | None = None  # the first that passed, should every later one repeat this reply too
    for t in move.templates:
        if not _applies(t, heard, slots, known):
            continue
        # The wordings are tried from the one `seed` points at; the first that passes, was not said in the
        # previous reply and does not repeat this reply is used (one detector run in the usual case), else
        # the first that passes.
        n = len(t.texts)
        fallback: Suggestion | None = None
        order = [t.texts[(seed + k) % n] for k in range(n)]
        if said_already and n > 1:  # a wording that says a phrase of this reply again is tried last (`restates`)
            order.sort(key=lambda w: restates(_frame(w, slots), said_already))
        for wording in order:
            if fallback is not None and wording in recent:
                continue
            text, said = _fill(wording, slots)
            if _SELF_DOWN.search(text) and not _SELF_DOWN.search(wording):
                continue  # their words about themselves said back as if true: "you look old", "what's wrong with you"
            if _HEDGED_FACT.search(wording):
                continue  # "It sounds like {what they told outright}": a stated fact is reacted to, not hedged
            if _HEDGED_SLOT.search(wording) and _met_in_tone(heard) and any(
                copied(text[a:b], heard.told) for a, b in said
            ):
                continue  # "Sounds like {their whole message}": parroting, not a reflection
            mine = _frame(wording, slots)
            if not reads_well(text) or (fallback is not None and repeats(mine, said_already)):
                continue
            ok, present = _fits(text, said, "" if t.takes_in else move.signal, wording)
            if not ok:
                continue
            found = Suggestion(move.name, text, move.principle, present, wording=wording, title=move.title)
            if wording not in recent and not repeats(mine, said_already):
                return found
            fallback = fallback or found
        if fallback is not None and not repeats(_frame(fallback.wording, slots), said_already):
            return fallback
        first = first or fallback
    if first is not None:
        return first
    raise AssertionError(
        f"replies.toml: no {move.name} template passed the detectors"
    )  # the last one always does


# A partner's self-criticism, said back in second person, agrees with it: "It sounds like you look old in the
# photos", "you're an awful eejit", "you don't know what's wrong with you". Never said back; the wording may say
# "there's nothing wrong with you".
_SELF_DOWN = re.compile(
    r"\bwhat(?:'s| is) wrong (?:with|w) you\b|\bwhy are you like this\b|\bhow you look\b"
    r"|\byou(?:'re| are| look| looked| feel like| felt like| feel| felt)(?: (?!not\b|never\b|no\b)[a-z]+){0,2}? "
    r"(?:old|ancient|ugly|fat|hideous|disgusting|gross|stupid|useless|worthless|pathetic|dumb|"
    r"an? (?:[a-z]+ )?(?:idiot|eejit|fool|failure|mess|loser|disaster|muppet|numpty|moron|joke|burden))\b"
    r"|\blike an? (?:[a-z]+ )?(?:idiot|eejit|fool|muppet|numpty|moron|mushroom|potato)\b|\byou look like an? [a-z]+"
    # someone else's judgement of them said back as right: "my parents were right", "he's right"
    r"|\b(?!you\b|i\b|we\b|that\b)[a-z]+(?: [a-z]+)?(?: were| was| is| are|'s|'re) (?:so |totally |completely |"
    r"probably |actually |dead )?right\b"
    # "you hate your body", "you're a terrible mum": what they said of themselves, said back as fact
    r"|\byou (?:really |just )?hate (?:your ?self|your (?:body|face|looks|life))\b"
    r"|\byou(?:'re| are) (?:such |so |a |an )*(?:terrible|awful|rubbish|crap|bad|useless) (?:your )?"
    r"(?:mum|mom|dad|mother|father|parent|partner|person|friend)\b",
    re.IGNORECASE,
)
_TO_YOU = re.compile(r"\b(?:you|u|ur|your|yours|ya|we|us|our|ours)\b", re.IGNORECASE)  # the teller's words of you


_PAIN = re.compile(r"\b(?:hurts?|hurting|aches?|aching|sore|pain|painful)\b", re.IGNORECASE)


def _met_in_tone(heard: Heard) -> bool:
    """Whether a message can be met in its tone alone ("Oof, that sounds exhausting, love.", "Oh, love. You poor
    thing."), so a reflection that only copies it is left out: a tiring day or being unwell, told of themselves,
    not of you (a hurt or a request is answered, not toned) and not a pain (said back)."""
    if _TO_YOU.search(heard.told) or _PAIN.search(heard.told):
        return False
    return heard.valence == "negative" and (heard.mood == "tired" or fit_of(heard) == "unwell")


# How they see it, not what happened: "you feel like you're the only one who remembers birthdays", "you think you
# bombed it". A view may be hedged ("It sounds like you feel ..."); a fact they told may not (`_HEDGED_FACT`).
_VIEW = re.compile(r"(?:sometimes |just |still )?you (?:feel like|feel that|think|reckon|guess|suppose)\b")
_HEDGED_SLOT = re.compile(r"[Ss]ounds like (?:you're not sure )?\{")
# "Sounds like" before a slot that holds what they told outright (what happened, the news, the gist of it): a
# hedge of a plain fact ("It sounds like you still can't taste anything"). "Sounds like" stays for what is
# inferred: a feeling, a doubt, a thought, what a complaint meant to them.
_HEDGED_FACT = re.compile(r"[Ss]ounds like \{(?:event|short_event|gist|core|news|ref|death)\}")
_OPENER = re.compile(r"(?:^|[.!?]\s+)([a-z']+)[ ,]+(?:(?:so|really|just)[ ,]+)?([a-z']+)")
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _frame(wording: str, slots: dict[str, str]) -> str:
    """`wording` with only the feeling filled in: what the reply says in its own words."""
    return _SLOT.sub(lambda m: slots.get("feeling", "") if m.group(1) == "feeling" else "…", wording)


@cache
def _feeling_names() -> frozenset[str]:
    # words that are also plain verbs or states ("we moved house", "stuck in traffic") are left out
    common = frozenset({"moved", "loved", "calm", "stuck"})
    return (frozenset(feeling_vocabulary()) - common) | {"pleased", "thrilled", "gutted", "upset"}


# Said once in a reply, wherever it falls: a second "I'm sorry" or "glad you told me" reads as a form letter.
_ONCE = ("sorry", "glad you told me", "on your mind", "weighing on you", "a lot to deal with", "that's on me")
# Said once in a reply where another wording of the same template can say it otherwise: a stock phrase ("We'll work
# it out together." then "We'll figure it out together.") or any run of three words (`restates`).
_ONCE_IF_ELSE = ("together", "work it out", "figure it out", "that's a lot", "right here", "makes sense",
                 "i can see why", "tell me more", "tell me everything", "what can i do", "love that", "i hear you",
                 "no wonder", "i'm here")


def _said_again(text: str, taken: Collection[str], phrases: Collection[str]) -> bool:
    """Whether `text` says one of `phrases` that a suggestion already `taken` says too (case aside)."""
    low = text.lower()
    return any(p in low and any(p in t.lower() for t in taken) for p in phrases)


def _openers(text: str) -> set[tuple[str, str]]:
    return {(a, b) for a, b in _OPENER.findall(text.lower().replace("’", "'"))}


_PHRASE = re.compile(r"[a-z']+")


def _phrases(text: str) -> set[tuple[str, str, str]]:
    """The runs of three words in `text` (not across a slot, "…"): a phrase said twice in one reply reads as stock
    ("What a day." twice, "huge for us" twice)."""
    found: set[tuple[str, str, str]] = set()
    for part in text.lower().replace("’", "'").split("…"):
        w = _PHRASE.findall(part)
        found.update(zip(w, w[1:], w[2:], strict=False))
    return found


# A feeling said to be theirs ("You sound really anxious.", "No wonder you're nervous.", "Anyone would feel hurt."),
# not the listener's own ("I'm so proud of you, love.") nor someone else's: the frame, then the feeling word.
_THEIR_FEELING = re.compile(
    r"\b(?:you(?:'re| are| feel| felt| sound| must (?:be|have felt|feel))|(?:left|leave) you(?: feeling)?|"
    r"anyone would (?:feel|be))(?: so| really| pretty| a bit)? ([a-z]+)\b",
    re.IGNORECASE,
)


def _their_feeling(text: str) -> bool:
    """Whether `text` says a feeling of the vocabulary is theirs ("You sound really anxious.")."""
    names = _feeling_names()
    return any(m.group(1).lower() in names for m in _THEIR_FEELING.finditer(text.replace("\u2019", "'")))


def repeats(text: str, taken: Collection[str]) -> bool:
    """Whether `text` repeats a suggestion already given for this message: a sentence that opens the same
    way ("I'm so sorry ..." twice, "No wonder ..." twice, "You sound ..." twice) or the same feeling named
    again ("You sound really relieved." then "Of course you feel relieved."), or a second feeling said to be theirs.

    >>> repeats("I'm so sorry. It makes sense that you're hurting.", ["Oh no. I'm so sorry, that's awful."])
    True
    >>> repeats("Of course you feel relieved.", ["So your visa came. You sound really relieved."])
    True
    >>> repeats("No wonder you're nervous.", ["Two years? You sound really anxious."])
    True
    >>> repeats("So proud of you. We're celebrating tonight, yeah?", ["That's so great, I'm really happy for you."])
    False
    >>> repeats("It makes sense that it hurts this much.", ["Oh no. I'm so sorry."])
    False
    """
    if not taken:
        return False
    if _said_again(text, taken, _ONCE):
        return True
    mine = _openers(text)
    feelings = set(_WORDS.findall(text.lower())) & _feeling_names()
    # a second feeling said to be theirs beside the first ("You sound really anxious." then "No wonder you're
    # nervous.") reads as a guess tried twice (stop 42 dev answers, once the feelings reader named more often)
    theirs = bool(feelings) and _their_feeling(text)
    for other in taken:
        low = other.lower()
        if mine & _openers(low) or feelings & set(_WORDS.findall(low)) or (theirs and _their_feeling(other)):
            return True
    return False


def restates(text: str, taken: Collection[str]) -> bool:
    """Whether `text` (a wording's own words, `_frame`) says a phrase again that a suggestion already `taken` for this
    reply says: a stock phrase (`_ONCE_IF_ELSE`) or any run of three words. Another wording of the same template is
    then chosen; a template is not passed over for it.

    >>> restates("Where do you want to start? We'll figure it out together.", ["We're in this together."])
    True
    >>> restates("Honestly, you couldn't make it up. What a day.", ["Oh no, the bus. What a day."])
    True
    >>> restates("What's worrying you most about it?", ["That sounds really worrying, love."])
    False
    """
    if _said_again(text, taken, _ONCE_IF_ELSE):
        return True
    phrases = _phrases(text)
    return any(phrases & _phrases(t) for t in taken)


def _fill(wording: str, slots: dict[str, str]) -> tuple[str, list[tuple[int, int]]]:
    """`wording` with its slots filled, first letter up, and where the partner's own words sit in it."""
    out: list[str] = []
    said: list[tuple[int, int]] = []
    pos = 0
    for m in _SLOT.finditer(wording):
        out.append(wording[pos : m.start()])
        start = sum(len(p) for p in out)
        out.append(slots[m.group(1)])
        said.append((start, start + len(slots[m.group(1)])))
        pos = m.end()
    out.append(wording[pos:])
    text = "".join(out)
    return text[:1].upper() + text[1:], said


# Harm the detectors read in the partner's own words once said back: "I keep checking on him" is "you keep
# checking on him", which the always-never pattern takes for criticism. Inside their words it is not.
SAID_BACK_HARM = frozenset({"lexical:criticism.always-never"})
# What stands in for each slot when the wording alone is checked for its move (`_wording_carries`).
_STAND_INS = {"feeling": "stressed", "lost": "your dad", "party": "your boss", "topic": "your exam", "place": "work",
              "plan": "quit your job", "dilemma": "what to do"}


def _fits(text: str, said: list[tuple[int, int]], signal: str, wording: str) -> tuple[bool, tuple[str, ...]]:
    """Whether a filled template may be shown: no harm outside what the partner said themselves, and the
    move's signal in the text or, when their words push its cue out of reach ("It sounds like the deadline
    got moved up a week and nobody asked us"), in the wording itself."""
    found = detect(text, model=False)
    present = tuple(dict.fromkeys(s.kind for s in found))
    harmful = _harmful_kinds()
    for s in found:
        if s.kind in harmful and not (
            s.source in SAID_BACK_HARM and any(a <= s.start and s.end <= b for a, b in said)
        ):
            return False, present
    if not signal or signal in present:
        return True, present
    return _wording_carries(wording, signal), present


def harmless_said_back(frame: str, said: str) -> bool:
    """Whether `said` (the partner's words, in second person) said back after `frame` carries no harm, where
    harm the always-never pattern reads inside their own words does not count (see `SAID_BACK_HARM`)."""
    text = f"{frame}{said}."
    return _fits(text, [(len(frame), len(frame) + len(said))], "", "")[0]


@cache
def _wording_carries(wording: str, signal: str) -> bool:
    text = _SLOT.sub(lambda m: _STAND_INS.get(m.group(1), "you had a hard day"), wording)
    return carries(text[:1].upper() + text[1:], signal)[0]


def _about(heard: Heard) -> str:
    """ " about their boss": what the message was about, said of your partner (third person)."""
    target = heard.party or heard.topic
    if not target or len(target.split()) > 6:
        return ""
    third = re.sub(r"\byour\b", "their", target)
    third = re.sub(r"\byourself\b", "themselves", third)
    third = re.sub(r"\byou\b", "them", third)
    return f" about {third}"


def avoid_for(heard: Heard) -> tuple[Avoid, ...]:
    """What to hold back from, for this message, in the order of `replies.toml`."""
    named = any(f.source == "named" for f in heard.feelings)
    when = {
        "always": True,
        "negative": heard.valence == "negative" or (heard.valence == "neutral" and heard.event is not None),
        "positive": heard.valence == "positive",
        "event": heard.event is not None,
        "no_feeling": not named,
        "about_you": heard.about_you,
        "unsure": heard.unsure,
    }
    out: list[Avoid] = []
    seen: set[str] = set()
    about = _about(heard)
    for row in _avoid_rows():
        if not when.get(row["when"], False):
            continue
        text = row["text"].replace("{about}", about)
        if text in seen:
            continue
        seen.add(text)
        out.append(Avoid(row["kind"], row["principle"], text))
    return tuple(out)


def _safety_avoid(safety: Safety) -> tuple[Avoid, ...]:
    if safety.level == "danger":
        why = (
            "Wording tips are held back here. What your partner wrote points to danger or a crisis, and that "
            "comes before how to phrase a reply: take it seriously, stay with them if you can, and use the "
            "help lines shown."
        )
    else:
        why = (
            "Read the safety note first. Listening still helps, but coaching on softening, backing off or "
            "praising more is paused for this message."
        )
    return (Avoid("safety", "safety", why),)


@dataclass(frozen=True, slots=True)
class _Prepared:
    read: str  # the message with sentences not in English blanked out (same length, so spans fit it)
    focus: str
    notes: list[str]
    unread: tuple[Unread, ...]


def _prepare(text: str) -> _Prepared:
    validate_message(text, what="message", max_chars=MAX_REPLY_CHARS)
    if not any(ch.isalpha() for ch in text):
        raise UserError(
            "This message has only emoji or symbols, so there are no words to build a reply from; "
            "ask your partner what they mean, or give the words around it."
        )
    read, unread = english_part(text, what="message")
    notes: list[str] = []
    focus, cut = focus_of(read)
    if cut:
        notes.append(
            "Your partner's message is long; the suggestions are built from its last three sentences. "
            + ("Safety was checked on the whole message." if not unread
               else "Safety was checked on all of its sentences in English.")
        )
    return _Prepared(read, focus, notes, unread)


def prepare(text: str) -> tuple[str, list[str]]:
    """Check the message and pick the part to coach on: (focus text, notes). Raises UserError."""
    ready = _prepare(text)
    return ready.focus, ready.notes


def reply(
    text: str,
    *,
    country: str | None = None,
    model: bool | None = None,
    llm: LLMClient | bool | None = None,
    recent: Collection[str] = (),
) -> ReplyCoaching:
    """Coach a reply to what your partner said: what was heard, three moves, what to avoid.

    A small bid or sign-off ("thanks", "love you", "haha", "ok") has nothing to reflect: it gets answers
    in kind (move "answer") and `brief` says what it is.

    `llm`: None uses the LLM backend when one is configured (`[llm]` in the config file or
    `OPENUP_LLM_URL`); False never does; or pass a client. `model` is handed to `detect()` for the safety
    check of the whole message and says whether the feelings reader may run (None: when installed).
    `recent`: the wordings of the previous reply in this conversation (`ReplyCoaching.wordings`); none is
    used again back to back. Good news gets the moves `celebrate`, `reflect` and `ask`.
    A message partly in another language is coached on its English sentences only (`unread` lists the
    others). Raises `UserError` for empty or unreadable text, `NotEnglish` for text with no English sentence.

    >>> [s.move for s in reply("I got the job!", llm=False).suggestions]
    ['celebrate', 'reflect', 'ask']
    """
    from openup.coach.safety import assess

    ready = _prepare(text)
    focus, notes, read, unread = ready.focus, ready.notes, ready.read, ready.unread
    signals = detect(read, model=model)
    if unread:
        signals = outside_unread(signals, unread)
    safety = assess(read, signals, country=country)
    reading = read_message(focus, model=model_wanted(model), whole=read)
    heard = reading.heard
    if safety.level == "danger":
        # Safety wins: no wording coaching, only the safety answer and why.
        return ReplyCoaching(text, heard, (), _safety_avoid(safety), safety, tuple(notes), unread=unread)
    # Whether a short message is a small bid is for the patterns: a learned head can misread "good night
    # babe" as contempt, and that must not turn a good-night into something to reflect on.
    said_kinds = {s.kind for s in signals if s.source.startswith("lexical")}
    harmful_said = said_kinds & _harmful_kinds()
    # a sign of harm in a small bid ("this is my last message, i love you") is never answered in kind
    signs = harm_signs(read)  # a sign of harm, control or fear worded in it, flagged by the screen or not
    meant = as_meant(read)  # the text with the chat register expanded (the situations and act-now read it)
    # something urgent now ("baby's coming", "toaster's on fire") is never a small bid, however few its words
    urgent = act_now(meant) is not None
    brief = brief_of(read) if safety.level == "none" and not signs and not urgent else None
    # A guarded answer no pattern lists ("ah it's grand, just leave it") is the feelings reader's to see,
    # in a message where the patterns found nothing that helps ("I'm so sorry" is an apology).
    if brief is None and safety.level == "none" and model_wanted(model) and not said_kinds & kinds_with("helps") \
            and not urgent and _holds_back(read, heard) and not asks_for(meant) and not _LISTEN_ASKED.search(meant):
        # (nor a listen asked for: "Please just listen. Don't try to solve it." is answered, not left alone)
        brief = _guarded_brief() if reader_guarded(read) else None  # as typed, as its head was trained
    # A guarded answer ("whatever", "it's nothing") reads as dismissal or minimizing when said to someone;
    # from a partner who does not want to talk, it asks for room. Any other small bid must carry no harm.
    may_carry: frozenset[str] = frozenset()
    if brief is not None and brief.kind == "guarded":
        # "all good" reads as a question when asked; said without a "?" it is a guarded answer
        may_carry = GUARDED_MAY_CARRY | (frozenset({"generic_question"}) if "?" not in read else frozenset())
    if brief is not None and (harmful_said - may_carry or going_on(read)):
        brief = None  # (nor is "not sure i can keep going" a guarded answer to leave be)
    seed = zlib.crc32(text.encode("utf-8", "replace"))  # chooses among wordings, the same for the same message
    if brief is not None:
        # the wordings are alternatives: sent together they say the same thing twice ("Okay. No pressure at all.
        # ... Got it. If you feel like talking later, ..."), so one is given, chosen by the message
        said = brief.say[seed % len(brief.say)]
        answers = (Suggestion("answer", said, brief.principle, title=answer_title()),)
        avoid_brief = (Avoid("brief", brief.principle, brief.avoid),)
        return ReplyCoaching(text, heard, answers, avoid_brief, safety, tuple(notes), brief, unread=unread)
    client = _client(llm)
    suggestions: list[Suggestion] = []
    # "thanks for nothing" is not good news, nor is a moan made a joke of ("... uses it on everything. send wine")
    # nor is hard news about an illness, whatever its words read ("the scan showed no heartbeat")
    # nor news too grave to cheer however it is told ("congrats to me, it's cancer"), nor a sign of harm ("took a load
    # of paracetamol haha")
    act = act_of(read) if safety.level == "none" and model_wanted(model) else None
    # good news the act reader is sure of, in words the reading did not take for it ("hey so i might have gotten the
    # scholarship. like i did. i got it", "the lady at the pharmacy remembered my name 🥺"), unless a hard feeling was
    # heard in it ("got passed over for the promo again") or it is said in irony ("got the promotion but its in
    # leeds. yay?? 🙃"), is met gladly by the usual moves (a positive tone), not by the celebrate answer (situation
    # `good_news`): much of it is a kind moment, not a win ("That's amazing news!" for a stranger's kindness). The
    # usual moves' own glad rows may still ask "How are we celebrating?".
    # Stop-41 dev raters, the act reader with word pieces: fitting and natural by both 40 of 71 changed answers this
    # way, 34 of 84 celebrated, 21-25 for the answers before.
    def cheer_ok() -> bool:  # asked only of what may be good news (its checks are a reply's hot path)
        return not harmful_said & _SOURS_NEWS and not wry(read) and not HARD_NEWS.search(read.replace("’", "'")) \
            and not grave_news(read) and not signs \
            and safety.level == "none"  # never cheered beside what the screen flags ("new PB, then he hid my gym bag")

    good_news = reading.good_news and cheer_ok()
    # A hard tone the feelings reader alone heard (no hard feeling named) yields to good news the act reader is sure
    # of: "I feel ridiculous being this happy about potatoes. But I am." after two years of blight is not met with
    # "Ugh, that's so frustrating".
    # Not where the message is told both ways, asks itself, complains, tells of a loss or of a result that fell short
    # ("got a 41 on the chem test. i actually studied"): the reading's own bars for good news (`reading.read_message`).
    unnamed_hard = heard.valence == "negative" and not any(f.source == "named" for f in heard.feelings) \
        and not heard.unsure and heard.complaint is None and heard.loss == "none" and not told_both_ways(read) \
        and not setback_told(read)
    if act is not None and act[0] == "good_news" and (heard.valence == "neutral" or unnamed_hard) and not good_news \
            and not reading.mocked and not good_taken_back(read) and not cheers_self(meant) \
            and not _SOUR.search(read) and cheer_ok():
        heard = replace(heard, valence="positive")
    if act is not None and act[0] == "hard" and heard.valence == "neutral" and not good_news \
            and not disclosed(replace(heard, extra={**heard.extra, "told": read})):
        # something hard the act reader is sure of, with no feeling named ("the vet said its time for biscuit 😭",
        # "taxes say i owe 2400"): met as hard news, not with "I'm right here" and "How are you doing with it all?"
        # (stop-41 dev raters: fitting and natural by both 20 of the 55 answers this changed, 15 before). A struggle
        # of their own told outright keeps "I'm glad you told me" (`disclosed`).
        heard = replace(heard, valence="negative")
    # what the safety screen flags is never met as a letdown ("Again? Ugh"): `fitting.fit_of`, `_weight_first`
    # near a sign the screen did not flag ("i want us to grow old together, even if you lock me in"): the answers
    # that own a complaint, agree to a plan, joke or cheer stay away (`near_sign`)
    # (good news near a head's threshold keeps its cheer: "still shaking, i got in!!" is near fear, and glad)
    worded = safety.level == "none" and signs
    near = worded or (safety.level == "none" and model_wanted(model) and _near_sign(read))
    heard = replace(heard, good_news=good_news,
                    valence="neutral" if worded and heard.valence == "positive" else heard.valence,
                    # harm, control or fear told of you is not owned as a tiff ("you did it anyway", "you told me
                    # I'm not allowed to see my sister"): plain listening, not an apology script. A sign only the
                    # learned heads read stays owned: they come near many an ordinary complaint ("u said ud pick me
                    # up at 6. its 7:15")
                    complaint=None if worded or _patterns_flag(signals) else heard.complaint,
                    extra={**heard.extra, "told": read, "flagged": safety.level != "none", "near_sign": near})
    if heard.valence == "positive" and _signed(heard):
        # "tiny victory, he didn't check my bank account today lol": a win told beside a sign is heard plainly, never
        # with "That's so lovely" or "I love that for you"
        heard = replace(heard, valence="neutral")
    # The situation is read from the patterns' harm only, and from the text as meant, so spans fit it.
    lexical = [s for s in signals if s.source.startswith("lexical")] if meant == read else None
    found = [] if harmful_said else lexical if lexical is not None else detect(meant, model=False)
    quoted = every_quote(meant)
    if quoted:  # 'I said "I love you" and you just said "ok"': quoted words are not said to you now
        found = [s for s in found if not any(a <= s.start and s.end <= b for a, b in quoted)]
    if reading.mocked or cheers_self(meant):
        # "well done me, locked myself out", "go me, ran my first 10k": no thanks to you
        found = [s for s in found if s.kind != "appreciation"]
    # labour, a fire or someone in the house told beside a sign of harm ("I'm in labour and he won't let me call
    # anyone", "the kitchen's full of smoke, he won't let me leave") is not answered glad or as a danger only
    # outside: the answer that hears the harm (`[situation.act_*] not_flagged`)
    # (what they threw on a fire themselves, or fear of strangers breaking in, is no sign: "I threw a wet towel on it")
    beside_harm = safety.level != "none" or (bool(worded) and harm_signs(_OWN_THROW.sub(" ", read)))
    situation = situation_of(meant, found, heard.valence, heard.good_news, heard.loss, flagged=beside_harm)
    if heard.extra.get("near_sign") and situation.name not in _SIGNED_SITUATIONS \
            and not situation.name.startswith("act_"):
        # "can we go for dinner friday? i need to talk about the pills i've been saving up": not "Yes please!"
        situation = situations()["default"]
    if (situation.name in _AFFECTION and (safety.level != "none" or urgent)) \
            or (situation.name in _KIND_WORDS and _DANGER_BESIDE.search(meant)):
        # "miss you so much. he's taken the car keys", "love you. i'm bleeding a lot": the screen's answer and plain
        # listening, not "miss you too" nor "you've made my day"
        situation = situations()["default"]
    if (situation.name in _KIND_WORDS or heard.complaint is not None) and safety.level == "none" and not near \
            and sarcastic_thanks(meant) is not None:
        # "thanks for telling your sister about my results btw. really appreciated that": owned, not received, and
        # no thanks heard in it ("that would leave you feeling grateful")
        situation = situations()["default"] if situation.name in _KIND_WORDS else situation
        heard = replace(heard, complaint=heard.complaint or listener_complaint(meant), feelings=(),
                        valence="negative" if heard.valence == "positive" else heard.valence)
    if act is not None and situation.name == "default" and not beside_harm and not near and not urgent \
            and heard.loss == "none" and heard.complaint is None and not heard.about_you and not harmful_said:
        # what no pattern listed, the act reader may ("ngl i really miss u today", "grab milk on ur way"): `acts`
        told = Told(
            valence=heard.valence, heavy=weighty(read) or grave_news(read),
            sour=reading.mocked or wry(read) or sarcastic_thanks(meant) is not None or good_taken_back(meant)
            or cheers_self(meant),
            listen=_LISTEN_ASKED.search(meant) is not None, ours=us_of(heard) != "",
            fearful=heard.mood in ("fear", "hurt"))
        routed = situation_for(act[0], meant, told)
        if routed is not None:
            situation = situations()[routed]
        elif act[0] in LIGHT:
            # a mishap told for a laugh in words no list has ("the cat brought a LIVE frog in at 2am HELP"), or with
            # a laugh beside what would read as a grievance ("hahaha the hairdresser gave me a FRINGE"): the moves
            # read it as a joke (`sorts.sort_of`, `playful`)
            heard = replace(heard, extra={**heard.extra, "act": act[0]})
    if situation.drops_complaint:
        heard = replace(heard, complaint=None)  # what they own or praise is not a complaint about you
    if situation.name == "room" and heard.event and long_message(read) \
            and any(p.search(_as_told(heard.event)) for p in situation.patterns):
        # what they asked of you at the end of a long telling ("... so you'd rather just not") is honoured, not
        # said back as their news
        heard = replace(heard, event=None)
    if situation.names_no_feeling:
        heard = replace(heard, feelings=())
    if situation.name == "room" and only_asked(meant, situation.patterns):
        situation = situations()["listen"]  # only the ask, nothing told yet: yes to it, and an ear, not "So rough"
    names = situation.moves
    if situation.name in ("good_news", "default") and heard.valence != "negative" and invites_at_end(meant) \
            and not heard.extra.get("near_sign"):
        names = ("yes_invite", *names[:2])  # "... can we get takeaway tonight to celebrate?": yes, then the news
    slots = _slots(heard)  # read once for every move of the reply, as are the readings in `known`
    known: dict[str, object] = {}
    retold: Suggestion | None = None
    for name in names:
        move = moves()[name]
        if move.principle in safety.withheld:
            continue
        fallback = template_suggestion(move, heard, recent, seed, suggestions, slots, known)
        if name == "reflect":
            fallback = _an(_weight_first(_unparroted(fallback, heard, seed, suggestions), heard))
            short = _untold(fallback, heard, seed, suggestions) if client is None else fallback
            if short is not fallback:
                retold = fallback
            if short is None:
                continue  # said only if nothing else is (every other move withheld), below
            fallback = short
            if client is None and _cheered_twice(fallback, suggestions):
                continue  # "That's amazing news!" then "Yes!! That's brilliant!": cheered once
        elif name == "validate":
            fallback = _not_felt_twice(fallback, heard, seed, suggestions)
            twice = _felt_again(fallback, suggestions) if client is None else None
            if twice == "validate":
                continue  # "Oof, not even asked? That stings." then "Ouch, love. That stings.": said once
            if twice == "reflect":  # "Ugh, I hear you.": the validation says it better
                retold = retold or next(s for s in suggestions if s.move == "reflect")
                suggestions = [s for s in suggestions if s.move != "reflect"]
        if client is not None:
            got, note = _llm_suggestion(client, move, focus, heard, fallback)
            if note:
                notes.append(note)
            suggestions.append(got)
        else:
            suggestions.append(fallback)
    if not suggestions and retold is not None:
        suggestions.append(retold)
        retold = None
    if client is None:  # "love" and an opening "Ha," said once in the answer (`coach/polish.py`)
        suggestions = [s if t == s.text else replace(s, text=t)
                       for s, t in zip(suggestions, said_once([s.text for s in suggestions]), strict=True)]
    # something urgent now (`coach.urgent`) has its own thing to hold back from: reflecting before acting
    avoid = (Avoid(situation.name, "safety", situation.avoid),) if situation.avoid else avoid_for(heard)
    if safety.level != "none":
        avoid = _safety_avoid(safety) + avoid
    return ReplyCoaching(
        text, heard, tuple(suggestions), avoid, safety, tuple(dict.fromkeys(notes)), situation=situation.name,
        unread=unread, retold=retold,
    )


# An eye-roll or an upside-down smile beside news: said in irony, not glad.
_SOUR = re.compile(r"[🙃🙄😒]|\byay\?|\bnot\.\s*$", re.IGNORECASE)
# Something thrown by the teller themselves ("I threw water on it", "we chucked a blanket over it"), or fear of
# strangers in the house ("someone's broken in, I'm so scared of them"): no sign of harm beside an act-now.
_OWN_THROW = re.compile(
    r"\b(?:i|we|i'?ve|we'?ve)(?: (?:just|then|already|quickly))? (?:threw|throw|thrown|chucked)\b"
    r"|\b(?:scared|afraid|terrified|frightened) of them\b",
    re.IGNORECASE,
)


_TOLD_AS = {"you": "I", "you'd": "I'd", "you're": "I'm", "you've": "I've", "your": "my"}
_SAID_YOU = re.compile(r"\b(?:you'd|you're|you've|your|you)\b", re.IGNORECASE)


def _as_told(said: str) -> str:
    """What was said back ("you'd rather just not") in the teller's words again ("I'd rather just not")."""
    return _SAID_YOU.sub(lambda m: _TOLD_AS[m.group().lower()], said)


# A reflection that owns something or takes in a loss is not opened with a reaction to a detail.
_OWNS = re.compile(
    r"^(?:I'm (?:so )?sorry|You're right|I'm so sorry about|Oh, love\. I'm so sorry|I'll back you|Honestly)"
)


_ASKED_FIRST = re.compile(r"^[^.!?]{3,60}\?")


def _weight_first(found: Suggestion, heard: Heard) -> Suggestion:
    """The reflection of hard news opened by the detail that carries its weight, said back short ("Three
    weeks? Ugh, ...", "Again? ..."; `coach/salient.py`), when the reflection does not say it already. Not for
    good news, a loss, a joke, or what is owned as yours."""
    if heard.valence != "negative" or heard.good_news or heard.loss != "none" or heard.about_you:
        return found
    if heard.complaint is not None or playful(heard) or _OWNS.match(found.text) or fit_of(heard) == "doubting" \
            or heard.self_judgement is not None:  # what they called themselves weighs most, not a detail
        return found
    if us_of(heard) not in ("", "ours", "ours_money"):
        return found  # answered as the other half ("Yes, let's", "My gran will love you"), not by a detail
    if _ASKED_FIRST.match(found.text):
        return found  # "Your flight got cancelled? Ugh, ...": it opens on its question already
    detail = salient(heard.told) if not heard.extra.get("flagged") else None
    if detail is None or says_already(found.text, detail):
        return found
    return replace(found, text=f"{detail} {found.text}")


# "a" left before a vowel when a word between was dropped ("a very interesting head shape" -> "a interesting").
_A_VOWEL = re.compile(r"\b([Aa]) (?=(?:[ai]|e(?!u)|o(?!ne\b|nce\b))[a-z])")


def _an(found: Suggestion) -> Suggestion:
    """`found` with "a" before a vowel said "an" ("the barber said you have an interesting head shape")."""
    text = _A_VOWEL.sub(lambda m: m.group(1) + "n ", found.text)
    return found if text == found.text else replace(found, text=text)


# A say-back that opens on an answer to what they asked ("You're not overreacting. ..."): the answer stays.
_ANSWERS_FIRST = re.compile(r"^(?:You're not|You aren't|No, you're not|Not at all)\b")


def _names_back(said: str, heard: Heard) -> bool:
    """Whether `said` says back a feeling the message names ("I'm so embarrassed"): the feeling taken in, not only the
    words of what happened, so it is kept."""
    low = said.lower()
    return any(f.source == "named" and f.word.lower() in low for f in heard.feelings)


def _unparroted(found: Suggestion, heard: Heard, seed: int, taken: Sequence[Suggestion]) -> Suggestion:
    """A say-back that repeats the message nearly word for word answered instead by a short reaction to its gist
    ("Ugh, one of those weeks.", "Look at you!"; `coach/gistreact.py`). Not a loss, anything about you, anything
    flagged, a doubt, or a reflection that owns or takes something in."""
    if not parrots(found.text, heard.told):
        return found
    return _gist_reaction(found, heard, seed, taken) or found


def _gist_reaction(found: Suggestion, heard: Heard, seed: int, taken: Sequence[Suggestion]) -> Suggestion | None:
    """The short reaction to the message's gist that may stand for the say-back `found`, if the message is of a
    kind that has one (`gistreact.kind_of`) and is not a loss, about you, flagged, a doubt, ours, or a say-back that
    owns, answers or names back a feeling."""
    if heard.loss != "none" or heard.about_you or heard.complaint is not None or heard.unsure or not heard.event \
            or heard.extra.get("flagged") or heard.extra.get("near_sign") or _OWNS.match(found.text) \
            or heard.self_judgement is not None or playful(heard) or wry(heard.told) \
            or us_of(heard) != "" or fit_of(heard) in ("ours", "mixed") or _ANSWERS_FIRST.match(found.text) \
            or _names_back(found.text, heard):
        return None  # told both ways ("he said he missed me ... part of me is still angry"): no one-sided reaction
    kind = kind_of(heard.event, heard.told, good=heard.good_news, happened=heard.happened, mood=heard.mood,
                   valence=heard.valence)
    if kind is None:
        return None
    text = reaction(kind, seed, [s.text for s in taken], heard.event)
    return replace(found, text=text, wording=text, signals=())


def _untold(found: Suggestion, heard: Heard, seed: int, taken: Sequence[Suggestion]) -> Suggestion | None:
    """The say-back to show for `found`, the say-back as composed, when a sentence of it retells the message
    (`gistreact.retold_sentences`; raters on the dev half judged 10 of 133 such answers fitting and natural):
    a short reaction to the message's gist when it has one ("Everyone but you? Oof, that stings."), else the detail
    that carries the weight with what else the say-back said ("Forty minutes?", "Again? Go easy on yourself, love.";
    `coach/salient.py`), else a feeling they named said back alone ("You must have felt so embarrassed."), else None:
    the validation and the question answer the message then (what else was left is a reaction the validation says
    again). What owns or answers something stays whole. A complaint about you is heard by owning it: said back
    whole when that does not retell it ("You're right, I said I'd call at 8 and didn't."), else owned short
    (`_OWNED_SHORT`: "You're right, and I'm sorry. That's on me.")."""
    if heard.about_you or heard.complaint is not None:
        if _OWNED.match(found.text) and "?" not in heard.told \
                and retold_sentences(found.text, heard.told, statements=False):
            # owned without telling them their own complaint back (stop-39 dev raters failed 9 of 9 such retellings:
            # "You're right, I forgot to pick up the dry cleaning again and your interview shirt is in there.")
            said = _OWNED_SHORT[seed % len(_OWNED_SHORT)]
            return replace(found, text=said, wording=said, signals=())
        return found
    if _OWNS.match(found.text) or _ANSWERS_FIRST.match(found.text):
        return found
    retold = retold_sentences(found.text, heard.told)
    if not retold:
        return found
    gist = _gist_reaction(found, heard, seed, taken)
    if gist is not None:
        return _an(_weight_first(gist, heard))
    rest = untold(found.text, retold)
    hard = heard.valence == "negative" and not heard.good_news and heard.loss == "none" \
        and not heard.extra.get("flagged") and not playful(heard)
    detail = salient(heard.told) if hard else None
    if detail is None:
        # a feeling they named, taken in ("You must have felt so embarrassed."), is kept without the retelling
        return replace(found, text=rest, wording=rest, signals=()) if rest and _names_back(rest, heard) else None
    if not says_already(rest, detail):
        rest = f"{detail} {rest}".strip()
    return replace(found, text=rest, wording=rest, signals=())


# A complaint about you owned by saying it back ("You're right, I ...", "I'm sorry I ...", "I'm sorry you made dinner
# and I ...", "I'm sorry my mom ..."), and the same owned short.
_OWNED = re.compile(r"^(?:You're right, (?:I|you|my|your)\b|I'm (?:so )?sorry (?:I|you|my|your)\b)")
_OWNED_SHORT = ("You're right, and I'm sorry. That's on me.", "You're right. I'm really sorry, love.",
                "That's fair. I'm sorry, love.")


# A bare reaction to how bad it is ("That's so rough, love.", "Honestly, that's maddening."): said after a say-back that
# reacts already ("Ugh, ... That's rubbish.", "... I'm sorry."), it says the same feeling twice.
_BARE = re.compile(
    r"^(?:Ugh, |Honestly, |Aw, love\. |Oh, love\. )?(?:that's|that is|that sounds) (?:so |really |just )?"
    r"(?:rough|rubbish|annoying|maddening|frustrating|awful|horrible|the worst feeling|a rough one|not on)"
    r"(?:, love)?\.(?: I'm sorry\.)?$",
    re.IGNORECASE,
)
_REACTS = re.compile(
    r"\b(?:ugh|rough|rubbish|annoying|maddening|frustrating|awful|horrible|gutting|so not on|sorry|nightmare|"
    r"drive (?:me|anyone) up the wall|wear anyone down)\b",
    re.IGNORECASE,
)
# What the middle line says instead: why the feeling fits, not the feeling again.
_WHY_FELT = {
    "anger": ("Anyone would be cross about that, love.",),
    "again": ("Anyone would be fed up with that, love.", "No wonder you're fed up, love."),
    "shame": ("Be kind to yourself, love. I'm here.",),
}
# Someone else's doing that shamed them ("aunt deb made a comment abt my weight in front of everyone").
_PUT_DOWN = re.compile(r"\b(?:made a comment|comment\w* (?:on|about|abt)|told me|laughed at|called me|in front of)\b",
                       re.IGNORECASE)
# What goes on and on ("again", "keeps", "three weeks"): fed up, not only cross.
_GOES_ON = re.compile(r"\b(?:again|keeps?|always|never|every (?:time|day|week)|third|running|all (?:day|week)|"
                      r"(?:weeks|months|years)(?! old\b| before\b| ago\b| away\b))\b", re.IGNORECASE)


def _not_felt_twice(found: Suggestion, heard: Heard, seed: int, taken: Sequence[Suggestion]) -> Suggestion:
    """A validation that only reacts again ("That's so rough, love." after "Ugh, ... I'm sorry.") said instead as why
    the feeling fits ("Anyone would be fed up with that, love."); for a moan or a slip, not a loss or a hurt."""
    mood = "again" if heard.mood == "anger" and _GOES_ON.search(heard.told) else heard.mood or ""
    lines = _WHY_FELT.get(mood)
    said = [s.text for s in taken if s.move == "reflect"]
    if lines is None or not said or heard.loss != "none" or heard.valence != "negative" or heard.about_you \
            or heard.complaint is not None or heard.extra.get("flagged") or heard.extra.get("near_sign") \
            or _SERIOUS.search(heard.told) or harm_signs(heard.told) or STARVED.search(heard.told) \
            or not _BARE.match(found.text) or not _REACTS.search(said[0]):
        return found
    if mood == "anger" and not by_someone(heard):
        return found  # a mishap no one did ("the cat brought a live frog in"): no "Anyone would be cross"
    if heard.mood == "shame" and (heard.extra.get("flagged") or heard.party is not None or by_someone(heard)
                                  or _PUT_DOWN.search(heard.told)):
        return found  # put down by someone ("my oga embarrassed me"): not theirs to go easy on themselves for
    for k in range(len(lines)):
        text = lines[(seed + k) % len(lines)]
        ok, present = carries(text, moves()["validate"].signal)
        if ok and not repeats(text, said) and not restates(text, said):
            return replace(found, text=text, wording=text, signals=present)
    return found


# A say-back that has reacted to the hurt already ("Oof, not even asked? That stings.", "Again? Oh, love. That really
# hurts.") and a validation that only says sympathy ("Ouch, love. That stings.", "That's really hard. I'm sorry.").
_HURT_SAID = re.compile(r"\b(?:stings?|hurts?|gutting|rough|rubbish|awful|horrible|so not on)\b", re.IGNORECASE)
_SYMPATHY_ONLY = re.compile(
    r"^(?:Ouch, love\. That stings|That's really hard\. I'm sorry|Oh, love\. That's (?:hard|rough)|"
    r"That sounds really hard(?:, love)?\. I'm sorry|Oh, love\. That sounds really hard|"
    r"Aw, love\. That's a rough one)\.$"
)


_REACTION_WORDS = word_set("sayback", "reaction_words")  # a bare reaction's words ("Ugh, that's so frustrating.")


def _reaction_only(text: str) -> bool:
    """Whether `text` is made only of a bare reaction's words (`_REACTION_WORDS`)."""
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    return bool(words) and all(w in _REACTION_WORDS for w in words)


def _felt_again(found: Suggestion, taken: Sequence[Suggestion]) -> str | None:
    """Which of the say-back and the validation `found` to leave out when, sent together, they would say the same
    thing twice: "validate" when `found` only says sympathy after a say-back that reacted to the hurt already (6 of
    6 such answers failed with the stop-38 dev raters), or is a bare reaction after a say-back that reacts (stop-39
    dev raters: "The printer jammed 6 times? Ugh, that's so frustrating." then "Honestly, that's maddening.");
    "reflect" when the say-back is itself only a reaction ("Ugh, I hear you." then "Ugh, that's so frustrating."):
    the validation says it better. None when each says something of its own."""
    said = next((s.text for s in taken if s.move == "reflect"), "")
    if not said:
        return None
    if _HURT_SAID.search(said) is not None and _SYMPATHY_ONLY.match(found.text) is not None:
        return "validate"
    if not _reaction_only(found.text):
        return None
    if _reaction_only(said) and "?" not in said:  # "Again?", "Ugh, seriously? ...": a reaction to the detail stays
        return "reflect"
    return "validate" if _REACTS.search(said) is not None else None


# A sentence that only cheers ("Yes!! That's brilliant!", "I love this for you!", "Look at you go!"), with nothing of
# the news in it.
_CHEER_ONLY = re.compile(
    r"^(?:(?:yes|yay|no way|ooh|oh|aw|wow)\b[!,.]*\s*)?(?:(?:that's|that is|this is) (?:so |really |just |such )?"
    r"(?:amazing|brilliant|huge|great|fantastic|wonderful|incredible|exciting|the best)(?: news)?"
    r"|i love (?:this|that)(?: for (?:you|him|her|them|us))?|look at you go|of course you did"
    r"|(?:i'm )?(?:so |really )?(?:happy|glad|thrilled) for (?:you|him|her|them)"
    r"|that's so great, i'm really happy for you)?[!.]*$",
    re.IGNORECASE,
)


def _cheer_only(text: str) -> bool:
    """Whether every sentence of `text` only cheers (`_CHEER_ONLY`)."""
    parts = said_sentences(text)
    return bool(parts) and all(_CHEER_ONLY.match(p) for p in parts)


def _cheered_twice(found: Suggestion, taken: Sequence[Suggestion]) -> bool:
    """Whether the say-back `found` only cheers after a celebration that only cheers: sent together they say the
    same thing twice ("That's amazing news!" then "Yes!! That's brilliant!"; "I love this for you!" then "Oh, I love
    that for him!"), which stop-40 dev raters failed as repeating the line before.

    >>> a = Suggestion("celebrate", "That's amazing news!", "listen")
    >>> _cheered_twice(Suggestion("reflect", "Yes!! That's brilliant!", "listen"), [a])
    True
    >>> _cheered_twice(Suggestion("reflect", "The masters program! That's amazing.", "listen"), [a])
    False
    """
    return _cheer_only(found.text) and any(s.move == "celebrate" and _cheer_only(s.text) for s in taken)


def _client(llm: LLMClient | bool | None) -> LLMClient | None:
    if llm is False:
        return None
    from openup.coach.llm import LLMClient, client_from_config

    if isinstance(llm, LLMClient):
        return llm
    return client_from_config()


def _llm_suggestion(
    client: LLMClient, move: Move, focus: str, heard: Heard, fallback: Suggestion
) -> tuple[Suggestion, str | None]:
    """Ask the LLM for one move; keep its answer only if our detectors accept it."""
    from openup.coach.llm import generate_checked, reply_prompt

    check: Callable[[str], tuple[bool, str]] = lambda t: accepts(t, move, focus)  # noqa: E731
    result = generate_checked(client, reply_prompt(move.name, focus, heard), check)
    if result.text is None:
        return fallback, f"{move.name}: {result.note}" if result.note else None
    _, present = carries(result.text, move.signal)
    return Suggestion(move.name, result.text, move.principle, present, "llm"), None


def accepts(text: str, move: Move, focus: str = "") -> tuple[bool, str]:
    """Whether a generated suggestion may be shown: it carries its move, nothing harmful, reads as
    cleanly as a template would, and speaks to the partner rather than repeating their words."""
    ok, present = carries(text, move.signal)
    if ok:
        if not reads_well(text):
            return False, "it did not read cleanly"
        parts = [p.strip().lower() for p in re.split(r"(?<=[.!?])\s+", text) if p.strip()]
        if len(parts) != len(set(parts)):
            return False, "it repeated itself"
        if _echoes(text, focus):
            return False, "it repeated your partner's own words back as if they were yours"
        return True, ""
    bad = sorted(set(present) & _harmful_kinds())
    if bad:
        return False, "it contained " + ", ".join(k.replace("_", " ") for k in bad)
    return False, f"it did not read as {move.signal.replace('_', ' ')}"


def _echoes(text: str, said: str, span: int = 5) -> bool:
    """True when `text` repeats `span` or more words of what the partner said, word for word."""
    words = re.findall(r"[a-z']+", said.lower())
    if len(words) < span:
        return False
    norm = " ".join(re.findall(r"[a-z']+", text.lower()))
    return any(" ".join(words[i : i + span]) in norm for i in range(len(words) - span + 1))


__all__ = ["Avoid", "ReplyCoaching", "Suggestion", "accepts", "avoid_for", "carries", "moves", "reply"]
