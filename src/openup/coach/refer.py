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
from openup.coach.heard_verbs import find_verb
from openup.coach.heard_words import word_set

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
    for clause in _AND.split(event, maxsplit=1):
        found = _reference(clause.strip(" ,"), death=death)
        if found:
            return found
    return None


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
# ("your manager *again* gave your work ...", "your visa came out *this morning*", "*so* hard").
_TRIMMED = re.compile(
    r",?\s*(?<!^)\b(?:this (?:morning|afternoon|evening)|today|tonight|yesterday|last night|right now|rn|again|"
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
    """
    if not _TRIMMED.search(clause):
        return clause
    out = re.sub(r"\s{2,}", " ", _TRIMMED.sub(" ", clause)).strip(" ,")
    out = re.sub(r"\s+([,.!?])", r"\1", out)
    return out if len(out.split()) >= 3 and len(out.split()) >= len(clause.split()) // 2 else clause


__all__ = ["reference", "trimmed"]
