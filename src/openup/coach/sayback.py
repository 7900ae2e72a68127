"""A clause of the partner's message made ready to be said back: texting spelled the way it is said, and
the small words a listener adds without thinking.

The message has already been read through the chat register (`typed.as_meant`: "idk" is "i don't know",
"cant" is "can't"). What is left is for the ear of the person hearing it back: "its been a year" is
"it's been a year", "boss emailed me" is "my boss emailed me" ("your boss emailed you" once said back),
"dads surgery" is "dad's surgery" (said back as "your dad's surgery"), and a laugh or an "oh my god"
in the middle of what happened is not repeated. The word lists are `[sayback]` in `coach/heard_words.toml`.

>>> spoken("boss emailed me at 11pm lmao")
'my boss emailed me at 11pm'
>>> spoken("its been a year since dads funeral")
"it's been a year since dad's funeral"
"""

from __future__ import annotations

import re

from openup.coach.heard_words import word_set
from openup.coach.perspective import to_second_person
from openup.text.register import english_words

_ROLES = word_set("sayback", "roles")
_PAST = word_set("verbs", "irregular_past")
_BODY = word_set("sayback", "body")
_KIN = word_set("perspective", "kin_names")
_ROLE_ADJECTIVES = word_set("sayback", "role_adjectives")
_THINGS = word_set("sayback", "things")
_SHARED = word_set("sayback", "shared")
# Verbs whose subject is a person: "priya called", "mark texted" are names, never "your mark".
_PERSON_VERBS = frozenset({"said", "says", "told", "called", "texted", "asked", "rang", "emailed", "messaged",
                           "replied", "wants", "thinks", "wanted", "thought"})
_KIN_POSSESSIVE = re.compile(
    r"(?<!\bboth )(?<!\btwo )\b(" + "|".join(sorted(_KIN, key=len, reverse=True)) + r")s\b"
    r"(?= (?!(?:are|were|have|had|and|both|who|said|say|do|did|don't|didn't)\b)[a-z])",
    re.IGNORECASE,
)
# A verb right after a bare role noun shows it is the subject ("boss emailed", "doc wants", "back is").
_VERB_WORDS = (
    r"is|are|was|were|has|have|had|keeps|kept|won't|wont|can't|cant|didn't|didnt|doesn't|doesnt|just|"
    r"still|never|always|finally|again|says|said|told|wants|wanted|called|texted|asked|thinks|hurts|"
    r"killing|being|went|got|gave|took|made|put|[a-z]{2,}ed"
)
_VERB_NEXT = re.compile(rf"(?:{_VERB_WORDS}|[a-z]{{3,}}s)$")
# After a thing word, any word in -s is as often a plural noun as a verb ("run errands all morning", "flat
# whites are my weakness"): only a verb from the list says the thing is the subject.
_VERB_NEXT_THING = re.compile(rf"(?:{_VERB_WORDS})$")
_IT_IS_NEXT = word_set("sayback", "it_is_next")
_NEVER_WORDS = {"thats": "that's", "everythings": "everything's", "nothings": "nothing's", "itd": "it'd",
                "theyre": "they're"}
_ID_NEXT = word_set("sayback", "id_next")
_WERE_NEXT = word_set("sayback", "were_next")
_WERE_AFTER = word_set("sayback", "were_after")
# Asides said to the listener, not part of what happened: a laugh, "oh my god", "to be honest".
_ASIDES = re.compile(
    r"(?:,\s*)?\b(?:lmf?ao+|lol+|rofl|haha+|hehe+|ugh+|smh|fml|oh my god|oh my gosh|omfg|not gonna lie|"
    r"to be honest|for real|i swear|jk|bruh|oof|yikes|yay+)\b,?",
    re.IGNORECASE,
)
# A wry tag after what happened: "... in front of the whole team lol cool cool", "... great start yay".
_WRY = re.compile(
    r"(?:\s*\b(?:lol|lmao|haha+)\b)?\s*\b(?:(cool|great|fun|nice|yay|lovely|brilliant|perfect|awesome|fab)(?:\s+\1\b)+|"
    r"(?<=\blol )(?:cool|great|fun|nice|yay|lovely|brilliant|perfect|awesome|fab)\b|love that for me|living the dream)"
    r"[\s.!]*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_MAY_REPEAT = frozenset({"very", "so", "really", "that", "had", "no", "yes", "bye", "ha", "now", "far", "more"})
_REPEATED = re.compile(r"\b(\w+)(?:\s+\1\b){1,}", re.IGNORECASE)


def _own_subject(clause: str) -> str:
    """"boss emailed me" -> "my boss emailed me": a role, body or thing word (a count noun for something a
    person has or goes through: "biopsy came back clear") opening the clause before its verb, with no word
    saying whose; a shared thing takes "the" ("power went out"). Mass nouns and names stay as typed."""
    words = _WORD.findall(clause[:60])
    if len(words) < 2 or (words[0].isupper() and words[0].lower() not in _THINGS):
        return clause
    acronym = len(words[0]) > 1 and words[0].isupper()
    lead = clause if acronym else clause[:1].lower() + clause[1:]  # "MRI came back" keeps its capitals
    first = words[0].lower()
    noun, nxt = (words[1].lower(), words[2].lower() if len(words) > 2 else "") if first in _ROLE_ADJECTIVES else (
        first, words[1].lower())
    verb_next = _VERB_NEXT.fullmatch(nxt) is not None or nxt in _PAST
    if (noun in _ROLES or noun in _BODY) and verb_next:
        return "my " + lead
    if verb_next and nxt not in _PERSON_VERBS:
        if noun in _SHARED:
            return "the " + lead  # "power went out" -> "the power went out"
        if noun in _THINGS and (_VERB_NEXT_THING.fullmatch(nxt) or nxt in _PAST):
            return "my " + lead  # "biopsy came back clear" -> "my biopsy ..."
    if first == "new" and noun not in _ROLES and len(words) > 2:
        return "the " + clause[:1].lower() + clause[1:]  # "new girl at work asked me" -> "the new girl at work"
    return clause


def _kin_possessive(clause: str) -> str:
    """"dads surgery" -> "dad's surgery" (said back as "your dad's surgery"); "my dads are" stays."""
    return _KIN_POSSESSIVE.sub(lambda m: m.group(1) + "'s", clause)


def _spell(clause: str) -> str:
    """Contractions typed without their apostrophe where the chat register leaves them (they can be
    words too): "its been" -> "it's been", "id never" -> "i'd never", "how were gonna" -> "how we're gonna"."""
    words = list(_WORD.finditer(clause))
    out = clause
    for i in range(len(words) - 1, -1, -1):
        m = words[i]
        w = m.group().lower()
        nxt = words[i + 1].group().lower() if i + 1 < len(words) else ""
        prev = words[i - 1].group().lower() if i else ""
        new = None
        if w == "its" and (nxt in _IT_IS_NEXT or nxt.endswith("ing") or nxt.isdigit()):
            new = "it's"
        elif w == "id" and nxt in _ID_NEXT:
            new = "i'd"
        elif w == "were" and nxt in _WERE_NEXT and (prev in _WERE_AFTER or not prev):
            new = "we're"
        elif w in _NEVER_WORDS:
            new = _NEVER_WORDS[w]  # never a word of its own
        elif w == "w" and nxt and nxt not in ("and", "or"):
            new = "with"  # "dinner w the team"
        elif w == "hed" and nxt not in ("", "of"):
            new = "he'd"
        elif w == "shed" and nxt in _ID_NEXT:
            new = "she'd"
        if new is not None:
            typed = m.group()
            new = new[:1].upper() + new[1:] if typed[:1].isupper() else new
            out = out[: m.start()] + new + out[m.end() :]
    return out


def spoken(clause: str) -> str:
    """`clause` (first person, as the partner wrote it) as it would be said: see the module docstring."""
    clause = _WRY.sub(" ", clause)
    clause = _ASIDES.sub(" ", clause)
    clause = _REPEATED.sub(lambda m: m.group(0) if m.group(1).lower() in _MAY_REPEAT else m.group(1), clause)
    clause = re.sub(r"\s+", " ", clause).strip(" ,")
    clause = _CAPS.sub(_calm, clause)
    # "my dad and I talked" is said back "you and your dad talked"; "your dad and I had words", "you and my dad"
    clause = _ME_AND.sub(r"I and \1", clause)
    return _own_subject(_kin_possessive(_spell(clause)))


_ME_AND = re.compile(r"^((?:my|your) (?:\w+ )?\w+) and I\b", re.IGNORECASE)
_CAPS = re.compile(r"\b[A-Z]{2,}\b")
_SHORT_SHOUTS = frozenset({"SO", "NO", "NOT", "AND", "THE", "MY", "ME", "WE", "IS", "IT", "ALL", "BUT", "OMG"})


def _calm(m: re.Match[str]) -> str:
    """A word typed in capitals for emphasis ("drilling AGAIN", "im SO happy") said in an ordinary voice; an
    acronym ("MRI", "GP", "NCT") stays."""
    word = m.group()
    if word in _SHORT_SHOUTS or (len(word) >= 4 and word.lower() in english_words()):
        return word.lower()
    return word


def said_back(clause: str) -> str:
    """`clause` as it would be said, in second person ("boss emailed me" -> "your boss emailed you")."""
    return to_second_person(spoken(clause))


__all__ = ["said_back", "spoken"]
