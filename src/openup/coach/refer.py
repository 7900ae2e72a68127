"""A short reference to what happened, the way a person says it back: the thing or the person, not the
clause ("I'm so sorry about Aunty Rita.", "The layoffs? That's a horrible thing to sit with.", "Front row!").

Repeating the partner's clause back ("Oh no, aunty rita passed this morning.") reads as a parrot. A listener
names what it was about in a few words of their own and responds to it. `reference` takes the event, said
back in second person ("your visa came out this morning"), and finds its key noun phrase: the thing it
happened to ("your visa"), what they got or lost ("tickets", "your wallet"), or who died ("Aunty Rita").
Fillers, intensifiers, slang and time words are left out, names are capitalised, and a phrase that does not
end cleanly within a few words is not used at all: then the reply responds without an echo. Word lists:
`[refer]` in `coach/heard_words.toml`.

>>> reference("your visa came out this morning"), reference("you got tickets and front row bby")
('your visa', 'tickets')
>>> reference("aunty rita passed this morning", death=True), reference("you think it's fine") is None
('Aunty Rita', True)
"""

from __future__ import annotations

import re

from openup.coach.heard_clauses import common_words
from openup.coach.heard_verbs import find_verb, has_subject
from openup.coach.heard_words import word_set
from openup.coach.news import turned

MAX_WORDS = 5  # a reference is a few words; a longer noun phrase is a clause said back
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?(?:-[A-Za-z]+)*|,")
_DETERMINERS = word_set("refer", "determiners")
_PRONOUNS = word_set("refer", "pronoun_subjects")
_ENDS = word_set("refer", "ends")  # a word that ends the noun phrase: a preposition, a conjunction, a time word
_DROPPED = word_set("refer", "dropped")  # intensifiers, fillers and slang, left out of the phrase
_SKIPPED = word_set("refer", "after_verb")  # particles and helpers between the verb and its object
_NOT_HEADS = word_set("refer", "not_heads")  # words a phrase cannot be, or end on
_PREPOSITIONS = word_set("refer", "object_prepositions")  # "qualified for Comrades", "got into college"
_TITLES = word_set("refer", "titles")  # "aunty rita" -> "Aunty Rita"
_APPOSITION = re.compile(r",\s*((?:[A-Z][\w.']*\s*){1,3}?)\s*,?\s*$")
_PEOPLE = word_set("refer", "people")
_THINGS = word_set("sayback", "things") | word_set("refer", "things")
_GETTING = word_set("refer", "getting")
_NEVER = frozenset({"it's", "you've", "you're", "you'd", "you'll", "i'm", "i've", "we're", "they're", "kids"})
_OBJECT_PRONOUNS = frozenset({"you", "me", "him", "her", "them", "us"})
_IRREGULAR_PAST = word_set("verbs", "irregular_past")
_PARTICIPLES = word_set("verbs", "participles")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.replace("’", "'"))


def _verb_index(tokens: list[str], event: str) -> int | None:
    verb = find_verb(event)
    if verb is None:
        return None
    low = [t.lower() for t in tokens]
    # the verb is the word with exactly `after` words following it (contractions are one word in both)
    i = len(low) - len(verb.after) - 1
    if 0 <= i < len(low) and (low[i] == verb.word or low[i].endswith("'" + verb.word[-1:]) or verb.word in low[i]):
        return i
    try:
        return low.index(verb.word)
    except ValueError:
        return None


def _looks_verb(word: str) -> bool:
    w = word.lower()
    return w in _IRREGULAR_PAST or w in _PARTICIPLES or (len(w) > 4 and w.endswith(("ed", "ing")))


def _phrase(words: list[str], *, bare_ok: bool, who: bool = False) -> list[str] | None:
    """The noun phrase at the start of `words`, cut where it ends; None when it does not end cleanly."""
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        low = w.lower()
        if low in _DROPPED:
            i += 1
            continue
        if w == "," or low in _ENDS or (low in _PRONOUNS and out and low != "it"):
            place = _place(words[i:]) if low in _PLACE_PREPOSITIONS and 0 < len(out) <= 2 else None
            if place:
                out += place  # "a 94 *on the exam*", "the place *in the course*"
            break
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        possessive = low.endswith("'s") and low != "it's" and nxt and nxt not in _ENDS and nxt not in _SKIPPED \
            and not _is_aux(nxt) and not _looks_verb(nxt)  # "your mum's sister"
        if out and low not in _DETERMINERS and not possessive and (
                low.endswith("n't") or low in _SKIPPED or _is_aux(low)):
            break  # the next verb: "your boss *is* ..."
        if out and _looks_verb(w) and not (i + 1 < len(words) and words[i + 1].lower() not in _ENDS
                                           and not _is_aux(words[i + 1].lower())):
            break  # "the bus *drove*"; but "a cracked lens" keeps its adjective
        out.append(w)
        i += 1
        if len([x for x in out if x.lower() not in _DETERMINERS]) > MAX_WORDS - 1:
            return None  # runs on: a clause, not a reference
    while out and out[-1].lower() in _DETERMINERS | {"of"}:
        out.pop()
    if not out or out[-1].lower() in _NOT_HEADS or _looks_verb(out[-1]):
        return None
    if not any(x.lower() not in _DETERMINERS and x.lower() not in _NOT_HEADS for x in out):
        return None
    if not who and out[0].lower() not in _DETERMINERS and "'" not in out[0] and not out[0][:1].isupper() and not (
        bare_ok and len(out) == 1 and out[0].lower().endswith("s") and not out[0].lower().endswith("ss")
    ):
        return None  # "want to *quit*", "took *credit*": without "the" or "your" a bare word may be a verb
    return out


_AUX = frozenset({"is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does", "did", "will",
                  "would", "can", "could", "should", "may", "might", "must", "keeps", "kept", "gets", "got"})


_PLACE_PREPOSITIONS = frozenset({"on", "in", "at", "from", "for"})


def _place(words: list[str]) -> list[str] | None:
    """A short phrase after a preposition that ends cleanly: "on the exam", "from Cancun"."""
    rest = words[1:]
    n = 0
    while n < len(rest) and n < 3 and rest[n] != "," and rest[n].lower() not in _ENDS and not _is_aux(
            rest[n].lower()) and rest[n].lower() not in _DROPPED and rest[n].lower() not in _PRONOUNS:
        n += 1
    if n == 0 or (n < len(rest) and rest[n] != "," and rest[n].lower() not in _ENDS | _PRONOUNS):
        return None
    head = rest[:n]
    if head[-1].lower() in _DETERMINERS or head[-1].lower() in _NOT_HEADS or _looks_verb(head[-1]):
        return None
    if head[0].lower() not in _DETERMINERS and not head[0][:1].isupper():
        return None
    return [words[0], *head]


def _is_aux(word: str) -> bool:
    return word in _AUX or (word.endswith(("'s", "'re", "'ve", "'ll", "'d")) and word not in ("it's",))


# Who died, when the clause reader finds no verb ("aunty rita passed this morning").
_DEATH = re.compile(r"^(?P<who>.+?)\s+(?:has |have |had |just |finally )*(?:died|passed|passed away|is gone)\b", re.I)


def _capitalised(words: list[str]) -> str:
    out = []
    for k, w in enumerate(words):
        low = w.lower()
        if low in _DETERMINERS or low in _ENDS or low == "of":
            out.append(w)
            continue
        base = low.split("'")[0]
        before = words[k - 1].lower() if k else ""
        after_title = before in _TITLES and base not in common_words()
        # a name takes no "the" or "your" ("your nani", "the physio" are not names)
        name = after_title
        title = low in _TITLES and k + 1 < len(words) and words[k + 1].lower().split("'")[0] not in common_words()
        out.append(w[:1].upper() + w[1:] if (name or title) and w.islower() else w)
    return " ".join(out)


def reference(event: str, *, death: bool = False) -> str | None:
    """The few words that name what `event` (second person, as said back) is about, or None when no
    short, clean phrase names it; see the module docstring. `death`: the event tells of a death, so the
    reference is who died. Two clauses joined ("God did it and your visa came out") are tried in turn."""
    event = _EXERCISE.sub(r"\1-\2", event)  # "a pull up" is one thing, "a pull-up", not "a pull"
    for clause in _AND.split(event, maxsplit=1):
        found = _reference(clause.strip(" ,"), death=death)
        if found:
            return found
    return None


_EXERCISE = re.compile(r"\b(pull|push|press|sit|chin|muscle|step)\s+(ups?)\b", re.IGNORECASE)
_AND = re.compile(r",? (?:and|but|so) (?:then )?(?=(?:your|my|our|the|his|her|their|you|we|they|he|she)\b)")


def _reference(event: str, *, death: bool = False) -> str | None:
    tokens = _tokens(event)
    if death and (m := _DEATH.match(event.strip())):
        named = _APPOSITION.search(m.group("who"))
        if named:
            return named.group(1)  # "our old neighbor, Mrs. Alvarez, passed away"
        who = _phrase(_tokens(m.group("who")), bare_ok=True, who=True)
        if who and who[0].lower() not in _PRONOUNS and not any(w.lower() in _NEVER for w in who):
            return _capitalised(who)
    vi = _verb_index(tokens, event)
    if vi is None or vi == 0:
        return None
    subject = [t for t in tokens[:vi] if t.lower() not in _DROPPED]
    pronoun = not subject or subject[0].lower() in _PRONOUNS
    if death:
        found = _object(tokens[vi + 1:]) if pronoun else _phrase(subject, bare_ok=True)
        if found is None or not (_person(found) or any("'" in w or w[:1].isupper() for w in found)):
            return None  # "it's been a year since ...": not who died
        return _capitalised(found)
    if pronoun:
        found = _object(tokens[vi + 1:])
    else:
        found = _phrase(subject, bare_ok=True)
        if found is not None and (_person(found) or (not _placed(found) and not any(w[:1].isupper() for w in found))):
            # a person alone is not what happened ("Ugh, your coworker."): only what they got is named
            # ("your brother got into *college*"); a thing without "the" or "your" may be a verb ("sit")
            found = _object(tokens[vi + 1:]) if tokens[vi].lower() in _GETTING else None
        elif found is None:
            found = _object(tokens[vi + 1:])
        elif found[-1].lower() not in _THINGS:
            # a thing that came to them ("your visa came out"), not one it happened at ("the dentist")
            found = _object(tokens[vi + 1:]) if tokens[vi].lower() in _GETTING else None
    if found is None or any(w.lower() in _NEVER for w in found) or found[0][:1].isdigit():
        return None
    return _capitalised(found)


def _person(phrase: list[str]) -> bool:
    head = phrase[-1].lower().split("'")[0]
    return head in _PEOPLE or (len(phrase) == 1 and phrase[0][:1].isupper())


def _placed(phrase: list[str]) -> bool:
    """Whether the phrase says which or whose ("the", "your"): a noun, not a bare word that may be a verb."""
    return phrase[0].lower() in _DETERMINERS or "'" in phrase[0]


def _object(after: list[str], bare: bool = True) -> list[str] | None:
    """The object after the verb: "got *tickets*", "qualified for *Comrades*", "lost *your wallet*"."""
    i = 0
    while i < len(after) and (after[i].lower() in _SKIPPED or after[i].lower() in _DROPPED):
        i += 1
    bare_ok = bare
    if i < len(after) and after[i].lower() in _PREPOSITIONS:
        bare_ok = bare and after[i].lower() != "to"  # "to quit" is a verb, "to vancouver" a place (a name)
        i += 1
    rest = after[i:]
    if len(rest) > 1 and rest[0].lower() in _OBJECT_PRONOUNS and rest[1].lower() in _DETERMINERS:
        rest = rest[1:]  # "gave you the corner office": the thing given
    if not rest or rest[0].lower() in _PRONOUNS or rest[0].lower() in _ENDS:
        return None
    return _phrase(rest, bare_ok=bare_ok)




# Said back, a clause leaves out what only the teller adds: intensifiers, fillers, slang and when it was
# ("your manager *again* gave your work ...", "your visa came out *this morning*", "*so* hard"); not a time a
# "since" or "until" points at ("hasn't answered since yesterday" keeps its "yesterday").
_TRIMMED = re.compile(
    r",?\s*(?<!^)(?<!since )(?<!until )(?<!till )\b(?:this (?:morning|afternoon|evening)|today|tonight|yesterday|"
    r"last night|right now|rn|again|"
    r"literally|actually|basically|honestly|lowkey|totally|or nah|bby|babe|like a million times)\b,?"
    r"|\b(?:so+|really|very|super) (?=[a-z]+(?:ly)?\b(?! (?:much|many)\b))"
    r"(?!(?:much|many|that|far|called|you|you're|i|i'm|we|they|he|she|it|it's|the|my|your|our|a|an|now|then)\b)",
    re.IGNORECASE,
)


def trimmed(clause: str) -> str:
    """`clause` without intensifiers, fillers, slang and time words (`_TRIMMED`), when enough is left.

    >>> trimmed("your manager again gave your work to the new joinee today")
    'your manager gave your work to the new joinee'
    >>> trimmed("you studied so hard"), trimmed("it was today")
    ('you studied hard', 'it was today')
    >>> trimmed("you lost the match today, played awful")
    'you lost the match, played awful'

    """
    if not _TRIMMED.search(clause):
        return clause
    # a clause break the dropped word stood before is kept ("you lost the match today, played awful")
    out = re.sub(r"\s{2,}", " ", _TRIMMED.sub(lambda m: ", " if m.group().endswith(",") else " ", clause)).strip(" ,")
    out = re.sub(r"\s+([,.!?])", r"\1", out)
    return out if len(out.split()) >= 3 and len(out.split()) >= len(clause.split()) // 2 else clause


# Said back short, hard news is the core of its first clause: who did what to what ("your boss chucked a
# wobbly at you"), not the second clause, the when, the where and the why after it ("... in front of the whole
# crew over a delivery that wasn't even yours"). A listener refers back briefly and reacts.
CORE_MAX_WORDS = 12
CORE_MIN_WORDS = 3
CLAUSE_MAX_WORDS = 15
_CLAUSE_BREAK = re.compile(
    r",\s*|;\s*|\s[-–—]\s|\s(?:because|cos|coz|cause|cuz|bc|even though|though|although|plus)\s"
    r"|\s(?:and|but|so|while)(?: then| now| just)?\s(?=(?:you|your|you're|you've|she|she's|he|he's|they|they're|"
    r"it|it's|its|we|we're|our|the|his|her|their|there|there's|everyone|nobody|no one|now|guess)\b)",
    re.IGNORECASE,
)
# When it happened, at the end of a clause: left off when it is said back.
_WHEN = re.compile(
    r",?\s+(?:(?:this|last|next) (?:week|month|year|weekend|morning|night|time)|since (?:morning|yesterday|last \w+)|"
    r"on the weekend|at the weekend|again|yesterday|today|tonight|this quarter|all week|all day)$",
    re.IGNORECASE,
)
_AND_THEN = re.compile(r"\s(?:and|then|and then)\s", re.IGNORECASE)
TURN_MAX_WORDS = 15  # a short story and the slight it turned on, said back together
WHOLE_MAX_WORDS = 10  # two short clauses read as one when said back together: "the results came back and it's ..."
# Where a trailing phrase can be left off: "... at you | in front of the whole crew | over a delivery".
_TAIL = re.compile(r"\s(?:in|at|over|for|from|with|without|on|during|before|into|onto|across|by|all|every|after|until|"
                   r"till|when|while|whenever|that|since)\s",
                   re.IGNORECASE)
# A clause that does not read cleanly on its own in our mouth: a quote, slang, a feeling said twice, the
# teller's own "I" or "me" left in, a bare number.
_SLANG = re.compile(
    r"\b(?:lol|lmao|ngl|idk|tbh|omg|nah|u|ur|urs|rn|smh|fr|wahala|abeg|ya|innit|hey|eh|na|o|sha|sef|abi|shook|nowt|"
    r"owt|n|til|gen|don(?!['’]t)|dey)\b|[?!]",
    re.IGNORECASE,
)
_UNCLEAN = re.compile(rf"{_SLANG.pattern}|\b(?:feel|feels|feeling|i|me|myself|mine|like a|like the)\b", re.IGNORECASE)
_LEADING = re.compile(r"^(?:(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week)|so|just|honestly|"
                      r"basically|well|ok|okay),?\s+)+", re.IGNORECASE)
_OPEN_QUOTE = re.compile(r"(?:^|\s)['‘\"“](?=\w)")
_CLOSE_QUOTE = re.compile(r"(?<=\w)['’\"”](?=[\s,.]|$)")
_QUOTED = re.compile(r"(?:^|(?<=\s))['‘\"“][\w\s]+['’\"”](?=[\s,.]|$)")  # a balanced quote said back whole
_NAME_VERBS = frozenset({"forgot", "quit", "said", "told", "left", "cancelled", "canceled", "didn't", "never", "keeps",
                         "got", "made", "called", "texted", "bailed", "ghosted"})
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|asked|asks|asking|wants|wanted)(?: (?:you|me|us|him|her|them))?(?: that| if)? "
    r"(?:you|your|you're|you'd|we|we'll|we're|she|she's|he|he's|they|they'd|it|it's|the|i|i'm|my|our|there|when|why|"
    r"what|how)\b",
    re.IGNORECASE,
)
_BE = frozenset({"is", "are", "was", "were", "has", "have", "had", "came", "went", "got", "won't", "wont", "keeps",
                 "broke", "died", "left", "took", "ran", "fell"})
# Subjects that belong to no one, said back without "your": the weather, the power, illness, the day.
_NO_OWNER = frozenset({"traffic", "load", "malaria", "covid", "flu", "rain", "snow", "work", "school", "everything",
                       "nothing", "life", "today", "christmas", "power", "nepa", "weather", "panic", "everyone",
                       "nobody", "someone", "people", "council", "government", "landlord", "heating", "internet",
                       "wifi", "electricity", "water", "fuel", "petrol", "diesel", "prices", "price", "inflation",
                       "tuesday", "monday", "friday", "weekend", "week", "day"})
_NUMBERS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "most", "both"})
# A first clause that only says the news came ("your dad phoned"): what it said comes next.
_TELLING = re.compile(r"\b(?:phoned|rang|called|texted|emailed|messaged|wrote|rung)$", re.IGNORECASE)
_CAPITALISED_START = re.compile(r"^[A-Z][A-Za-z]+(?:'s)?\s")
_BAD_ENDS = frozenset({"the", "a", "an", "your", "my", "our", "their", "his", "its", "of", "to", "and", "or",
                       "been", "being", "was", "were", "is", "are", "has", "have", "had", "just", "very", "so", "which",
                       "who", "really", "front", "not", "no", "gone", "got", "get", "getting", "at", "for", "with"})


def _quotes_closed(clause: str) -> bool:
    """Whether every quote opened in `clause` is closed ("said you're 'too emotional'", not "his 'business")."""
    return len(_OPEN_QUOTE.findall(clause)) <= len(_CLOSE_QUOTE.findall(clause))  # "girls' trip" closes none


def rough(clause: str) -> bool:
    """Whether `clause` cannot be said back at all: a quote left open, or slang copied in ("your flatmate
    said 'oh was that urs", "the gen don spoil")."""
    return bool(_SLANG.search(_QUOTED.sub("", clause))) or not _quotes_closed(clause)


def _named(clause: str) -> str:
    """`clause` with a name the partner typed in lower case capitalised ("sarah cancelled on you")."""
    words = clause.split(" ", 2)
    if (
        len(words) > 1 and words[0].isalpha() and words[0].islower() and words[0] not in common_words()
        and words[1] in _NAME_VERBS
    ):
        return words[0].capitalize() + clause[len(words[0]):]
    return clause


def _owned(clause: str) -> str:
    """`clause` with "your" before a thing of theirs told without it ("brain won't switch off", "tax bill came
    in"), not before what belongs to no one ("traffic was a nightmare", "load shedding took out the server")."""
    words = clause.split()
    if (
        len(words) < 3 or has_subject(clause) or not words[0].isalpha() or not words[0].islower()
        or words[0] in _NO_OWNER or words[0] not in common_words() or _looks_verb(words[0])
        or not any(_looks_verb(w) or w.endswith(("'s", "n't")) or w in _BE for w in words[1:3])
    ):
        return clause
    return "your " + clause


def _reads_alone(clause: str, most: int = CORE_MAX_WORDS) -> bool:
    words = clause.split()
    if not CORE_MIN_WORDS <= len(words) <= most or words[-1].lower().strip(",.") in _BAD_ENDS:
        return False
    if _UNCLEAN.search(_QUOTED.sub("", clause)) or not _quotes_closed(clause):
        return False
    if not (
        has_subject(clause) or _CAPITALISED_START.match(clause) or words[0].lower() in _NO_OWNER
        or words[0].isdigit() or words[0].lower() in _NUMBERS
    ):
        return False
    return find_verb(clause) is not None or any(_looks_verb(w) or "'" in w or w.endswith("n't") for w in words[1:])


def core(said: str) -> str | None:
    """The core of the first clause of `said` (what happened, in second person), when it reads cleanly on
    its own in a few words; else None, and the reply reacts without an echo.

    >>> core("your boss chucked a wobbly at you in front of the whole crew over a delivery that wasn't even yours")
    'your boss chucked a wobbly at you'
    >>> core("you've been made redundant, and on top of that the car failed its test"), core("brain won't switch off")
    ("you've been made redundant", "your brain won't switch off")
    """
    text = _WHEN.sub("", _owned(_named(_LEADING.sub("", trimmed(said.strip(" .!?"))))))
    if (
        len(text.split()) <= WHOLE_MAX_WORDS and "," not in text and _reads_alone(text)
        and len(_AND_THEN.findall(text)) == len(_CLAUSE_BREAK.findall(text))
    ):
        return text  # two short clauses read as one: "the results came back and it's diabetes"
    if turned(text) is not None and "," not in text and _reads_alone(text, TURN_MAX_WORDS):
        return text  # a story that turns is said back with its turn: "you lent Jess 300 and she's acting like ..."
    parts = [p.strip() for p in _CLAUSE_BREAK.split(text) if p and p.strip()]
    if len(parts) > 1 and parts[0].lower() in _LONE_SUBJECTS and text.lower().startswith(parts[0].lower() + " and "):
        parts[:2] = [f"{parts[0]} and {parts[1]}"]  # "you and your sister had a fight": one subject, not two clauses
    first: str | None = None
    for part in parts[:2]:
        if len(part.split()) < CORE_MIN_WORDS:
            continue  # "you're gutted, | they've knocked back the planning application"
        if _TELLING.search(part) and len(part.split()) == CORE_MIN_WORDS and part is not parts[-1] and first is None:
            first = part  # "your dad phoned | and he's not coming": the news is next, if it reads
            continue
        part = _WHEN.sub("", _named(trimmed(part)))
        # the clause, then its first verb phrase ("your car made a noise | and then just stopped")
        heads = [part, *[part[: m.start()] for m in _AND_THEN.finditer(part) if m.start() > 0][:1]]
        after = part[len(heads[-1]):].split()[1:]
        if len(heads) > 1 and after and after[0].lower() not in _DETERMINERS and not any(_looks_verb(w) for w in after):
            heads.reverse()  # what follows "and" is no clause: "your bill's come through | and absolute robbery"
        for head in heads:
            if _reads_alone(head) and (head == part or len(head.split()) > CORE_MIN_WORDS):
                return head
            for cut in reversed([m.start() for m in _TAIL.finditer(head)]):
                short = head[:cut].rstrip(" ,")
                last = short.split()[-2:]
                if _REPORTING.search(short) or (_looks_verb(last[-1]) and last[0].lower() not in _DETERMINERS):
                    continue  # what someone said is kept whole or not at all: not "Dr Venn said we'll talk"
                if " and " in short and not _CLAUSE_BREAK.search(short):
                    continue  # not "NEPA took light since morning and fuel": a list cut in the middle
                if CORE_MIN_WORDS + 1 <= len(short.split()) <= CORE_MAX_WORDS and _reads_alone(short):
                    return short
        # one whole clause, clean but a little long, is said back rather than nothing ("your daughter told you
        # she doesn't want you coming to her school events"): only what follows it is left off
        if _reads_alone(part, CLAUSE_MAX_WORDS):
            return part
        break  # the first whole clause does not read short: no later one stands in for it
    if first is not None and _reads_alone(first := _named(first)):
        return first
    # all of it, when it reads cleanly and is not long: better said back than nothing at all
    return text if _reads_alone(text, CLAUSE_MAX_WORDS + 2) else None


SAID_BACK_MAX_WORDS = 12  # longer, what is said back reads as the message repeated, not as having heard it
APPOSITION_MAX_WORDS = 6  # a part this short with no verb is no clause ("the older man down the hall, | Mr. Chen")
CLAUSE_BACK_MAX_WORDS = 14  # one clause, with nothing to cut at, may be a little longer
PAIR_BACK_MAX_WORDS = 14  # two clauses joined by "and" or "but", no comma, read as one when this short
TOLD_BACK_MAX_WORDS = 18  # what someone said, kept whole when its second half points back
# "they said the person they hired didn't work out and they'd like to offer it to you"
_TOLD_AT_START = re.compile(r"^(?:\S+ ){1,2}(?:said|says|told you|tells you)\b(?! it like)", re.IGNORECASE)
# A new clause run on without a comma or an "and" ("bloodwork came back weird | they want you to come in",
# "mikes mom passed | he's not answering"): a subject after a word that ends a clause (a time, a particle, an
# adjective), or after "you" as an object ("what's wrong with you | everything feels heavy").
_RUN_ON_ENDS = frozenset({"weird", "anymore", "again", "today", "tonight", "yesterday", "week", "month", "year", "now",
                          "passed", "died", "left", "weeks", "days", "months", "years", "ages", "out", "back", "up",
                          "off", "away", "done", "over", "gone", "fine", "ok", "okay", "bad", "good", "late", "early",
                          "already", "too", "ever", "lol"})
_TELLS = frozenset({"told", "tell", "tells", "asked", "ask", "showed", "promised", "reminded", "warned", "texted",
                    "messaged", "emailed", "assured", "convinced", "made", "let", "want", "wants", "wanted", "need"})
_RUN_ON_SUBJECT = re.compile(
    r" (?=(?:he|she|they|we|it|he's|she's|they're|we're|it's|everything|everyone|nobody|(?P<the>the|my|your|our))"
    r" (?!(?:and|or|but|too|all|both)\b)\w)",
    re.IGNORECASE,
)
# before "the" or "your", only a time ends a clause ("clicking for weeks | the physio wants ..."), not a verb
# ("you passed the test")
_TIME_ENDS = frozenset({"weeks", "days", "months", "years", "ages", "today", "tonight", "yesterday", "again",
                        "ago", "anymore", "lol"})


def _run_ons_marked(said: str) -> str:
    """`said` with a comma where a clause runs on into the next without one."""
    def mark(m: re.Match[str]) -> str:
        before = said[: m.start()].split()
        prev = before[-1].lower() if before else ""
        if len(before) > 1 and before[-2].lower() in ("and", "but", "so", "then", "or"):
            return " "  # "and now he's hiding" is joined already
        if m.group("the"):
            return ", " if prev in _TIME_ENDS else " "
        if prev in _RUN_ON_ENDS or prev.isdigit() or (
            prev == "you" and len(before) > 1 and before[-2].lower() not in _TELLS
        ):
            return ", "
        return " "

    return _RUN_ON_SUBJECT.sub(mark, said)


# A clause that only frames the news: who rang with it, that they found out, how they feel or what they call
# themselves ("your mum just called, | the surgery went well", "you're an awful eejit, | you booked ...").
_FRAME = re.compile(
    r"^(?:(?:your|the|my) \w+(?: \w+)?|he|she|they|you|someone)(?:'s| has| have| had| is)?(?: just| only)?"
    r" (?:called|rang|rung|phoned|texted|messaged|emailed|wrote|after ringing|after calling|got in touch)$"
    r"|^you(?: just)? (?:found out|heard|did it|know|knew|guess|reckon)$"
    r"|^(?:you're|you are|you feel|you felt)(?: so| such| a| an| totally| absolutely| an awful| a total| a bit)*"
    r"(?: \w+){1,2}$|^nothing(?: big| much)? (?:happened|has happened)$"
    r"|^(?:you're|you are)(?: still| so| just| absolutely| a bit)* (?:chuffed|gutted|shaking|buzzing|thrilled|"
    r"over the moon|delighted|devastated|heartbroken|in bits|in shock|shook|stunned|fuming|raging|livid)\b",
    re.IGNORECASE,
)
_CONTRAST = re.compile(r"\s(?:but|though|although|even though)\s", re.IGNORECASE)
_QUESTION_WORD = re.compile(r"^(?:why|how|what|when|where|who|is|are|do|does|did|should)\b", re.IGNORECASE)


def _clauses(said: str) -> list[tuple[str, bool]]:
    """The clauses of `said`, each with whether it follows a "but" (what it says counts against the first)."""
    marked = _run_ons_marked(_NAMED_APPOSITION.sub(" ", said))
    out: list[tuple[str, bool, str]] = []  # each clause, whether it follows a "but", the break before it
    last, after_but, before = 0, False, ""
    told = _TOLD_BREAK.search(marked)
    for m in [told] if told is not None else list(_BREAK.finditer(marked)):
        out.append((marked[last:m.start()].strip(" ,"), after_but, before))
        after_but = m is told or _CONTRAST.fullmatch(" " + m.group().strip() + " ") is not None
        last, before = m.end(), m.group()
    out.append((marked[last:].strip(" ,"), after_but, before))
    if len(out) > 1 and out[0][0].lower() in _LONE_SUBJECTS and out[1][2].strip().lower() == "and":
        out[:2] = [(out[0][0] + out[1][2] + out[1][0], out[0][1], out[0][2])]  # "you | and your sister had a fight"
    clauses: list[tuple[str, bool]] = []
    for clause, after_but, before in out:
        if clauses and not after_but and not _has_verb(clause):
            clauses[-1] = (clauses[-1][0] + before + clause, clauses[-1][1])  # a list: "her rooibos, her pillow"
            continue
        if j := _JOINER.match(clause):  # ", but you've felt ...": the joiner is not said back
            clause, after_but = clause[j.end():], after_but or j.group(1).lower() != "and"
        if clause:
            clauses.append((clause, after_but))
    return clauses


_LONE_SUBJECTS = frozenset({"you", "i", "we", "me"})
# A name set off by commas after who it is: "the older man down the hall, Mr. Chen, left ..."
_NAMED_APPOSITION = re.compile(r",\s*(?:(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*,\s*")


def _has_verb(clause: str) -> bool:
    return find_verb(clause) is not None or any(_looks_verb(w) or _is_aux(w.lower()) for w in clause.split())


_BREAK = re.compile(_CLAUSE_BREAK.pattern + r"|\sbut\s(?!(?:also|like|just|then|yeah|ok|okay)\b)", re.IGNORECASE)
# "called you into her office and told you | the whole team is being shut down": what they were told is the news
_TOLD_BREAK = re.compile(
    r",? and (?:then )?(?:told|tells|said|says) (?:you |us )?(?:that )?"
    r"(?=(?:the|your|our|you|we|it|it's|there|there's|they|they're)\b)",
    re.IGNORECASE,
)
_FILLERS = re.compile(r"^(?:(?:also|like|just|then|now|still|honestly|tbh)\s+)+", re.IGNORECASE)
_JOINER = re.compile(r"^(and|but|so|then|though|although)\s+", re.IGNORECASE)


def _opens(clause: str) -> bool:
    """Whether `clause` opens on who or what it is about ("your chest ...", "Papa's ...", "traffic ..."), not on
    a verb or a word left over ("can't put any weight on it", "a bit lonesome")."""
    words = clause.split()
    first = words[0].lower()
    return bool(words) and (
        has_subject(clause) or _CAPITALISED_START.match(clause) is not None or first in _NO_OWNER
        or first in _DETERMINERS or first in ("your", "our", "my")
        or (len(words) > 2 and first.isalpha() and (_looks_verb(words[1]) or _is_aux(words[1].lower())
                                                    or words[1].lower() in _BE))  # "bloodwork came back weird"
    ) and not _looks_verb(first) and first not in _DROPPED and not _DEGREE.match(clause)


_DEGREE = re.compile(r"^(?:a (?:bit|little|lot|tad)|kind of|kinda|sort of)\b", re.IGNORECASE)  # "a bit lonesome"


def said_back(said: str) -> str:
    """`said` as a listener says it back: all of it when it is one clause of a few words, or two short ones; else
    the first clause that tells the news, cut to its core (`core`): not a frame around the news ("your mum
    called, | the surgery went well"), and what follows a "but" before what it counters ("it's probably stress
    | but your chest still feels tight"); else all of it (what reads no shorter is said back as it was).

    >>> said_back("your car failed its test")
    'your car failed its test'
    >>> said_back("the power's been out since noon and everything in the freezer has melted all over the floor")
    "the power's been out"
    >>> said_back("your mum's after ringing, your nana had a fall and she's in hospital")
    'your nana had a fall'
    """
    clauses = _clauses(said)
    if len(clauses) == 1 and len(said.split()) <= CLAUSE_BACK_MAX_WORDS:
        return said
    if (
        _TOLD_AT_START.match(said) and len(said.split()) <= TOLD_BACK_MAX_WORDS and not rough(said)
        and len(clauses) == 2 and not clauses[1][1] and _POINTS_BACK.match(clauses[1][0])
    ):
        return said  # what someone said, its second half pointing back: "... and they'd like to offer it to you"
    marked = _run_ons_marked(said)
    run_on = marked.count(",") > said.count(",")  # "bloodwork came back weird they want ...": not said back whole
    joined = len(clauses) == 2 and not run_on and not any(_FRAME.match(c) for c, _ in clauses)
    most = PAIR_BACK_MAX_WORDS if "," not in marked else WHOLE_MAX_WORDS  # a comma splice if longer
    if joined and len(said.split()) <= most and not rough(said):
        return said  # two short clauses read as one: "the results came back and it's type 2 diabetes"
    found: list[str] = []
    for i, (clause, after_but) in enumerate(clauses):
        if _FRAME.match(clause) or _QUESTION_WORD.match(clause) or len(clause.split()) < CORE_MIN_WORDS:
            continue
        if len(clause.split()) <= APPOSITION_MAX_WORDS and not _has_verb(clause):
            continue  # no clause: "the older man down the hall, | Mr. Chen, | left ..."
        if i and _POINTS_BACK.match(clause) and not after_but:
            continue  # "... | they want you to come in" tells more of the clause before it
        short = core(clause)
        if short is None and len(clause.split()) <= SAID_BACK_MAX_WORDS and not rough(clause) and _opens(clause):
            short = _owned(_named(trimmed(clause)))  # "your chest still feels tight": clean, if not a core
        if short is None or len(short.split()) > SAID_BACK_MAX_WORDS or not _opens(short):
            continue
        if after_but and not _QUESTION_WORD.match(_FILLERS.sub("", clause)):
            return short  # not "but also like when is it your turn"
        found.append(short)
    if found:
        return found[0]
    # nothing reads short: the first clause that is news, when it reads cleanly, else all of it
    first = next((c for c, _ in clauses if not _FRAME.match(c) and len(c.split()) >= CORE_MIN_WORDS), said)
    clean = len(first.split()) <= SAID_BACK_MAX_WORDS and not rough(first)
    return first if clean and (_opens(first) or run_on) else said  # a run-on is cut even so: "mikes mom passed"


_POINTS_BACK = re.compile(r"^(?:he|she|they|it|he's|she's|they're|it's|they'd|she'd|he'd)\b", re.IGNORECASE)


__all__ = ["core", "reference", "rough", "said_back", "trimmed"]
