"""What went wrong, named the way a partner texts it back: the thing it happened to, in a few words, not the
clause ("Oh no, not your wrist!", "Your flight got cancelled? Ugh, what a pain.").

Saying the whole clause back with the pronouns turned ("Oh no, you broke your wrist skateboarding.") reads as a
parrot. A listener picks out what it happened to and reacts. Two shapes of hard news are read here, by their
grammar, not their topic:

- a thing of theirs that something went wrong with, as the subject ("the placement fell through", "your paper
  got rejected from the conference in Singapore"): said back as a short question, the thing and what befell it
  and nothing after ("Your paper got rejected?");
- something they lost, broke or hurt ("you broke your wrist skateboarding", "you left your laptop on the train"): the
  thing alone ("your wrist", "your laptop"). Not what they failed, missed or messed up ("you didn't get the part",
  "you messed up the order"): "Oh no, the part!" names a thing where the news is a letdown or their own slip.

Anything else, or a phrase that does not end cleanly within a few words, gives None: the reflection is then built
as before (`listen._slots`).

>>> befell("your paper got rejected from the conference in Singapore")
'your paper got rejected?'
>>> befell("your dad's surgery got moved again")
"your dad's surgery got moved again?"
>>> befell("the deadline got moved up by a week and nobody asked us")
'the deadline got moved up by a week?'

>>> lost_thing("you broke your wrist skateboarding"), lost_thing("you didn't get the Denver job")
('your wrist', None)
>>> befell("your boss yelled at you") is None, lost_thing("you lost the plot") is None
(True, True)
"""

from __future__ import annotations

import re

from openup.coach.heard_words import word_set
from openup.coach.wellformed import well_formed

MAX_THING_WORDS = 4  # "your dad's old dog", "the second accounting module": a thing named, not a clause
# What befalls a thing (a plan, a booking, a thing owned): the participle or verb after it. Kept to what plainly
# went wrong, so "your sister got married" or "the results came back" are not met with "Oh no".
_WENT_WRONG = (
    r"cancelled|canceled|postponed|moved(?: up| back)?|pushed back|delayed|rejected|declined|refused|denied|"
    r"flagged|stolen|nicked|robbed|broken(?: into)?|smashed|cracked|crashed|towed|clamped|hacked|damaged|flooded|"
    r"wrecked|scrapped|shelved|axed|pulled|cut|bumped|lost|written off|bounced|overbooked|knocked back|turned down|"
    r"shut down|closed|called off|binned|deleted|wiped|ruined|destroyed|dented|scratched|leaked|went up|gone up|"
    r"doubled|tripled|stopped working|packed in|packed up"
)
_BEFELL = re.compile(
    r"^(?P<thing>(?:your|the|our) (?:[A-Za-z0-9'-]+ ){0,3}?[A-Za-z0-9'-]+) "
    r"(?P<what>(?:(?:got|has been|have been|was|were|'s been|is being|are being|just got|just) )?"
    rf"(?:{_WENT_WRONG})|fell through|fell apart|broke down|broke|died|crashed|went wrong|went missing|went bad|"
    r"went bust|got worse|flopped|failed)"
    r"(?P<again> again)?(?P<after>[ ,].*)?$"
)
# Said with no "got" or "was", these may take an object ("your insurance denied | the claim") or be a noun ("the
# power cut"): only those that happen to a thing by themselves are said back so.
_BY_ITSELF = frozenset({"fell through", "fell apart", "broke down", "broke", "died", "crashed", "went wrong",
                        "went missing", "went bad", "went bust", "got worse", "flopped", "failed", "flooded", "leaked",
                        "cancelled", "canceled", "closed", "postponed", "went up", "gone up", "doubled", "tripled",
                        "stopped working", "packed in", "packed up"})
_OBJECT_START = re.compile(r"^ (?:the|a|an|your|our|my|his|her|their|it|them|him|me|us|you)\b")
# How far or to when, kept with what befell it: "got moved up | by a week", "got moved | to tomorrow morning".
_BY_HOW_MUCH = re.compile(
    r"^ (?:by|to|until|till) [\w£$€%'-]+(?: [\w£$€%'-]+){0,2}?(?=$|[,.;]| (?:and|but|so|because|starting|from|for|"
    r"nobody|with|"
    r"without|at|on|in|when|while)\b)"
)
# What they lost, broke or hurt: the thing after the verb.
_LOST = re.compile(
    r"^you (?:just |only |finally |totally |completely )?(?:broke|lost|hurt|sprained|twisted|fractured|cut|burnt|"
    r"burned|dropped|cracked|smashed|dented|scratched|crashed|left)"
    r" (?P<thing>(?:your|the) [A-Za-z0-9'-]+(?: [A-Za-z0-9'-]+){0,3}?)(?P<after> .*)?$"
)
# Where the named thing ends: a preposition, a conjunction, a time or place word, or the end.
_ENDS_THING = frozenset({
    "on", "in", "at", "by", "while", "when", "and", "but", "because", "so", "for", "from", "to", "with", "without",
    "somewhere", "again", "today", "tonight", "yesterday", "this", "last", "after", "before", "during", "skateboarding",
    "playing", "running", "cycling", "like", "as", "over", "into", "off", "out", "up", "down", "just", "all", "too",
    "still", "also", "really", "even", "actually", "literally", "never", "always", "finally", "totally",
})
_NOT_THING = frozenset({"the", "your", "our", "a", "an", "of", "my", "plot", "way", "point", "time", "bus", "train",
                        "chance", "boat", "mark", "lot", "rest", "ball", "power",
                        "temper", "nerve", "mind", "head", "cool", "rag", "patience", "bottle", "track", "count",
                         "whole", "one", "same", "other", "first", "last"})
_PEOPLE = word_set("refer", "people")


def _thing_ok(words: list[str]) -> bool:
    """Whether `words` ("your", "dad's", "old", "dog") name a thing: a determiner, one to three more words, no verb or
    filler among them, not a person and not a word that only makes sense in a set phrase ("lost the plot")."""
    if not 2 <= len(words) <= MAX_THING_WORDS:
        return False
    rest = [w.lower() for w in words[1:]]
    if any(w in _ENDS_THING or w in _NOT_THING or (w.endswith("ed") and len(w) > 4) for w in rest[-1:]):
        return False
    for k, w in enumerate(rest):
        placed = w in ("to", "from", "in") and k + 1 < len(rest) and words[k + 2][:1].isupper()  # "to Lisbon"
        if (w in _ENDS_THING and not placed) or w in ("a", "an", "the", "your", "my", "our"):
            return False
    return rest[-1].split("'")[0] not in _PEOPLE


def befell(event: str) -> str | None:
    """A short question naming a thing of theirs and what went wrong with it ("your paper got rejected?"), from
    `event` (what happened, said back in second person); None when it is not that shape or runs on."""
    m = _BEFELL.match(event.strip(" .!?"))
    if m is None or not _thing_ok(m.group("thing").split()):
        return None
    what = m.group("what")
    if " " not in what and what not in _BY_ITSELF:
        return None
    if what in _BY_ITSELF and _OBJECT_START.match(m.group("after") or ""):
        return None
    by = _BY_HOW_MUCH.match(m.group("after") or "") if not m.group("again") else None
    return f"{m.group('thing')} {m.group('what')}{m.group('again') or ''}{by.group(0) if by else ''}?"


def lost_thing(event: str) -> str | None:
    """The thing they lost, broke or hurt ("your wrist", "your laptop"), from `event` (said
    back in second person); None when it is not that shape or the thing does not end cleanly within a few words."""
    m = _LOST.match(event.strip(" .!?"))
    if m is None:
        return None
    words = (m.group("thing") + (m.group("after") or "")).split()
    # the shortest phrase that ends where the clause breaks ("your wallet | somewhere between ...")
    for n in range(2, min(MAX_THING_WORDS, len(words)) + 1):
        head, tail = words[:n], words[n:]
        if head[-1].endswith(","):
            head[-1] = head[-1].rstrip(",")
            return " ".join(head) if _thing_ok(head) else None
        # ... or a new verb phrase: "your phone screen | dropping it in the car park"
        ends = not tail or tail[0].lower() in _ENDS_THING or (tail[0].endswith("ing") and len(tail[0]) > 4)
        if ends and _thing_ok(head):
            return " ".join(head)
    return None


ASKED_MAX_WORDS = 7  # "Your boss had a go at you?": a clause asked back is short, or not asked back at all
ASKED_MIN_WORDS = 3
# Where a trailing phrase starts ("your boss had a go at you | in front of ...", "you got a bill | for 3k"); not
# "until" or "till" ("kept you back | till 9 pm"), nor "over", which may be a particle ("knocked your plant over"),
# nor "from", "with", "by" or "about", whose phrase is often the point ("an old voicemail | from your dad", "she
# called you | by your sister's name").
_TRAIL = re.compile(
    r" (?=(?:in|at|on|for|without|during|before|after|since|like|while|when|because|"
    r"across|outside|behind|near|in front of|right before|just before)\b)"
)
# What a clause cannot end on once its tail is cut: a determiner, a helper, a joiner, a filler.
_NO_END_WORDS = frozenset({
    "a", "an", "the", "my", "your", "our", "his", "her", "their", "its", "this", "that", "these", "those", "of",
    "and", "but", "or", "so", "just", "really", "very", "still", "even", "all", "been", "being", "was", "were", "is",
    "are", "be", "has", "have", "had", "got", "get", "going", "to", "not", "no", "some", "any", "every", "most",
    "told", "said", "asked", "gave", "put", "sent", "made", "took", "brought", "let", "kept", "wants", "wanted",
    "keeps", "having", "doing", "making", "taking", "whole", "first", "last", "next", "more",
    # a word too vague to stand for what happened once the phrase after it is cut ("you made a mistake | in the
    # budget spreadsheet")
    "mistake", "something", "thing", "things", "stuff", "comment", "remark", "decision", "call", "bit", "lot",
})
_PARTICLES = frozenset({"back", "over", "on", "off", "up", "out", "down", "away", "around", "round", "through", "in",
                        "about", "along", "ahead", "apart", "aside", "together", "forward", "home"})
_VERB_END = re.compile(r"(?:ed|ing|en)$")
_PAST = word_set("verbs", "irregular_past") | word_set("verbs", "participles")
_QUOTE = re.compile(r"['‘’\"“”](?=\w)|(?<=\w)['’\"”](?=\s|$)")
# What someone said, cut short, leaves out what they said: "your manager said your 'tone' | in emails ..."
_REPORTED = re.compile(r"\b(?:said|says|told|tells|asked|asks|announced|wrote|texted|emailed|messaged)\b")
# "your" put before what is no thing of theirs: "your for telling everyone", "your everyone's posting"
_ODD_START = re.compile(
    r"^your (?:for|to|at|in|on|by|with|about|everyone|everybody|nobody|someone|it|they|he|she|we)\b", re.IGNORECASE
)
_OBJECTS = frozenset({"you", "him", "her", "them", "it", "us"})
_NEEDS_MORE = frozenset({"put", "puts", "putting", "got", "get", "kept", "keep", "keeps", "left", "leave", "sent",
                         "send", "made", "make", "took", "take", "moved", "move", "let", "set", "gave", "give",
                         "brought", "bring", "dragged", "pushed", "locked", "told", "asked", "had", "have", "has",
                         "stuck", "posted", "placed"})
_SPAN_AFTER = re.compile(
    r"for (?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|\d+|the (?:whole|entire|last|past)|"
    r"over|nearly|almost|about|a whole|the best part of) )+(?:whole )?(?:min|mins|minutes?|hours?|hrs?|days?|nights?|"
    r"weeks?|months?|years?|yrs?|fortnight|ages)\b",
    re.IGNORECASE,
)
_LISTENER = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|mine|us|we|we're|our)\b")


def asked_back(clause: str) -> str | None:
    """What happened, asked back short the way a partner texts it ("Your boss had a go at you?"): `clause` (said
    back, second person) when it is a few words, else its head before a trailing phrase when that is a whole
    clause of three to seven words; None when neither reads cleanly (the reply then says it otherwise).

    >>> asked_back("your boss had a go at you in front of the whole crew")
    'your boss had a go at you?'
    >>> asked_back("your mom compared you to your cousin")
    'your mom compared you to your cousin?'
    >>> asked_back("some guy in a silver Tesla took your parking spot at Costco") is None
    True
    >>> asked_back("your manager just moved on to the next item like you hadn't spoken") is None
    True
    """
    text = clause.strip(" .!?")
    if _ODD_START.match(text) or "," in text or "?" in clause or _LISTENER.search(text) or '"' in text:
        return None
    if "'s after" in text:
        return None  # "she's after deciding": said back as it was, not asked
    words = text.split()
    if len(words) <= ASKED_MAX_WORDS:
        return f"{text}?" if len(words) >= ASKED_MIN_WORDS and well_formed(text) else None
    best: str | None = None
    for m in _TRAIL.finditer(text):
        if _SPAN_AFTER.match(text, m.end()):
            continue  # how long is the weight of it: "the group chat has been dead | for a month" is not cut there
        head = text[: m.start()]
        head_words = head.split()
        n = len(head_words)
        if n > ASKED_MAX_WORDS:
            break
        last = head_words[-1].lower()
        # cut after what was done or to whom ("your boss had a go at you | in front of ..."), never after the verb
        # or its particle ("your manager just moved | on to the next item", "you got pulled | over")
        before = head_words[-2].lower() if n > 1 else ""
        # a particle may end it after its object ("put the rent up"), not straight after its verb ("got pulled over")
        particle_cut = last in _PARTICLES and (_VERB_END.search(before) is not None or before in _PAST)
        # a verb that needs where or what after its object: "they put you | on night shift", "kept you | back"
        particle_cut = particle_cut or (last in _OBJECTS and before in _NEEDS_MORE)
        if n < ASKED_MIN_WORDS or last in _NO_END_WORDS or particle_cut or _VERB_END.search(last) \
                or last in _PAST or _QUOTE.search(head) or _REPORTED.search(head):
            continue
        if well_formed(head):
            best = head
    return f"{best}?" if best is not None else None
