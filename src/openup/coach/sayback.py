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
# What opens a clause of its own after an aside in the middle ("... in the interview omg i called her mum")
_NEW_SUBJECT = re.compile(r"\s*(?:i|i'm|im|i've|my|he|she|they|we)\s", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_MAY_REPEAT = frozenset({"very", "so", "really", "that", "had", "no", "yes", "bye", "ha", "now", "far", "more"})
_REPEATED = re.compile(r"\b(\w+)(?:\s+\1\b){1,}", re.IGNORECASE)


def _own_subject(clause: str) -> str:
    """"boss emailed me" -> "my boss emailed me": a role, body or thing word (a count noun for something a
    person has or goes through: "biopsy came back clear") opening the clause before its verb, with no word
    saying whose; a shared thing takes "the" ("power went out"). Mass nouns and names stay as typed."""
    words = _WORD.findall(clause[:60])
    if len(words) >= 2 and words[0] in ("GP", "HR") and _VERB_NEXT.fullmatch(words[1].lower()):
        return ("my " if words[0] == "GP" else "") + clause  # "GP finally referred me" -> "my GP ..."
    if len(words) < 2 or (words[0].isupper() and words[0].lower() not in _THINGS):
        return clause
    acronym = len(words[0]) > 1 and words[0].isupper()
    lead = clause if acronym else clause[:1].lower() + clause[1:]  # "MRI came back" keeps its capitals
    first = words[0].lower()
    noun, nxt = (words[1].lower(), words[2].lower() if len(words) > 2 else "") if first in _ROLE_ADJECTIVES else (
        first, words[1].lower())
    verb_next = _VERB_NEXT.fullmatch(nxt) is not None or nxt in _PAST
    if first.endswith("'s") and first[:-2] in (_ROLES | _KIN) - _THINGS and not verb_next and len(words) > 2 \
            and _VERB_NEXT.fullmatch(words[2].lower()):
        return "my " + lead  # "Cousin's engagement is next week" -> "my cousin's engagement ..."
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
        if w == "its" and (nxt in _IT_IS_NEXT or nxt in _CLIPPED or nxt.endswith("ing") or nxt.isdigit()):
            new = "it's"
        elif w == "id" and nxt in _ID_NEXT:
            new = "i'd"
        elif w == "were" and nxt in _WERE_NEXT and (prev in _WERE_AFTER or not prev):
            new = "we're"
        elif w in _NEVER_WORDS:
            new = _NEVER_WORDS[w]  # never a word of its own
        elif w == "w" and nxt and nxt not in ("and", "or"):
            new = "with"  # "dinner w the team"
        elif w in _CLIPPED and nxt and prev not in _CLIPPED_NOUN_AFTER:
            new = _CLIPPED[w]  # "its prob just stress", "the driver def saw me"
        elif w == "hed" and nxt not in ("", "of"):
            new = "he'd"
        elif w == "shed" and nxt in _ID_NEXT:
            new = "she'd"
        if new is not None:
            typed = m.group()
            new = new[:1].upper() + new[1:] if typed[:1].isupper() else new
            out = out[: m.start()] + new + out[m.end() :]
    return out


# Clipped adverbs texted before the word they modify; after "a", "the", "no" they are nouns ("no prob").
_CLIPPED = {"prob": "probably", "probs": "probably", "def": "definitely", "defo": "definitely"}
_CLIPPED_NOUN_AFTER = frozenset({"a", "the", "no", "my", "your", "big", "this", "that"})
# A number with a clipped unit: "5 min before the meeting", "a 12 hr shift", "commuting 2hrs a day".
_UNIT = re.compile(r"\b(\d+)\s?(hrs?|mins?|secs?|yrs?|wks?)\b(?:\s(shift|drive|flight|wait|commute|call|meeting|nap|"
                   r"walk|run|delay|journey|trip|break|day|week|anniversary|streak|contract|old))?", re.IGNORECASE)
_UNIT_WORDS = {"hr": "hour", "min": "minute", "sec": "second", "yr": "year", "wk": "week"}


def _unit(m: re.Match[str]) -> str:
    """"5 min" -> "5 minutes", "12 hr shift" -> "12-hour shift", "1 hr" -> "1 hour"."""
    number, unit, noun = m.group(1), _UNIT_WORDS[m.group(2).lower().rstrip("s")], m.group(3)
    if noun and noun.lower() != "old":
        return f"{number}-{unit} {noun}"
    said = f"{number} {unit}" + ("" if number == "1" else "s")
    return f"{said} {noun}" if noun else said


def _shouted(clause: str) -> str:
    """Words typed in capitals for emphasis said in an ordinary voice ("drilling AGAIN", "im SO happy"):
    a known word of four letters or more, a short word from the list, and any known word next to another
    shouted word ("GOT THE JOB", "WE WON THE PUB QUIZ"), or a shouted pronoun ("the landlord picked US",
    but "moving to the US"). An acronym alone ("MRI", "GP", "NCT") stays."""
    words = list(_CAPS.finditer(clause))
    if not words:
        return clause
    known = english_words()
    out = clause
    for i in range(len(words) - 1, -1, -1):
        m = words[i]
        word = m.group()
        near = [words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
        in_run = any(re.fullmatch(r"[^A-Za-z]*", clause[min(m.end(), n.end()):max(m.start(), n.start())])
                     for n in near)
        before = clause[: m.start()].rstrip().lower()
        pronoun = word in _SHOUTED_PRONOUNS and not before.endswith(" the") and before != "the"
        if word in _SHORT_SHOUTS or pronoun or (word.lower() in known and (len(word) >= 4 or in_run)):
            out = out[: m.start()] + word.lower() + out[m.end() :]
    return out


def spoken(clause: str) -> str:
    """`clause` (first person, as the partner wrote it) as it would be said: see the module docstring."""
    clause = _WRY.sub(" ", clause)
    clause = _UNIT.sub(_unit, clause)
    for m in _ASIDES.finditer(clause):
        if len(clause[: m.start()].split()) >= 4 and _NEW_SUBJECT.match(clause, m.end()):
            clause = clause[: m.start()]  # "you said that in the interview | omg | you called her mum": two
            break
    clause = _ASIDES.sub(" ", clause)
    clause = _REPEATED.sub(lambda m: m.group(0) if m.group(1).lower() in _MAY_REPEAT else m.group(1), clause)
    clause = re.sub(r"\s+", " ", clause).strip(" ,")
    clause = _shouted(clause)
    # "my dad and I talked" is said back "you and your dad talked"; "your dad and I had words", "you and my dad"
    clause = _ME_AND.sub(r"I and \1", clause)
    return _own_subject(_kin_possessive(_spell(clause)))


_ME_AND = re.compile(r"^((?:my|your) (?:\w+ )?\w+|(?-i:[A-Z][a-z]+)) and I\b(?!')", re.IGNORECASE)
_CAPS = re.compile(r"\b[A-Z]{2,}\b")
_SHORT_SHOUTS = frozenset({"SO", "NO", "NOT", "AND", "THE", "MY", "ME", "WE", "IS", "IT", "ALL", "BUT", "OMG"})
_SHOUTED_PRONOUNS = frozenset({"US", "HER", "HIM", "YOU", "THEM", "ME", "WE", "HE", "SHE"})


def said_back(clause: str) -> str:
    """`clause` as it would be said, in second person ("boss emailed me" -> "your boss emailed you")."""
    return to_second_person(spoken(clause))


__all__ = ["said_back", "spoken"]
