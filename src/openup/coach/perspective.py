"""Say back what your partner said: "my boss yelled at me" -> "your boss yelled at you".

First person becomes second person (I/me/my/mine/myself and their contractions, with "am" -> "are" and
"was" -> "were" where the subject changes), and second person becomes first person ("you never listen"
-> "I never listen"), in one pass so nothing is shifted twice. Third parties are kept as they are.

"we" is the careful case: when the message is about the two of you ("we never talk any more", "you and
I", "us") it stays "we"; otherwise it is your partner and someone else ("we had a deadline at work"), and
becomes "you".

>>> to_second_person("My boss yelled at me and I was so embarrassed")
'Your boss yelled at you and you were so embarrassed'
"""

from __future__ import annotations

import re

from openup.coach.heard_words import word_set

# Digits belong to the word they touch: "6am" is a time, not "6" and "am" (which would turn into "are").
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[^A-Za-z0-9]+")
_WORD = re.compile(r"[A-Za-z]")

# Plain swaps that do not depend on their neighbours.
_FIRST_TO_SECOND = {
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "me": "you",
    "i'm": "you're",
    "im": "you're",
    "i've": "you've",
    "ive": "you've",
    "i'll": "you'll",
    "i'd": "you'd",
    "i": "you",
}
_WE_TO_YOU = {
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
    "we're": "you're",
    "we've": "you've",
    "we'll": "you'll",
    "we'd": "you'd",
}
_SECOND_TO_FIRST = {
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "ur": "my",
    "you're": "I'm",
    "youre": "I'm",
    "you've": "I've",
    "you'll": "I'll",
    "you'd": "I'd",
}
# After these, "you" is an object ("told you", "with you"); elsewhere it is a subject.
_OBJECT_BEFORE = frozenset(
    [
        "to",
        "with",
        "for",
        "at",
        "about",
        "from",
        "of",
        "on",
        "in",
        "by",
        "without",
        "against",
        "like",
        "than",
        "love",
        "hate",
        "miss",
        "tell",
        "told",
        "ask",
        "asked",
        "give",
        "gave",
        "show",
        "showed",
        "call",
        "called",
        "text",
        "texted",
        "see",
        "saw",
        "hear",
        "heard",
        "need",
        "needed",
        "want",
        "wanted",
        "thank",
        "thanks",
        "help",
        "helped",
        "trust",
        "trusted",
        "blame",
        "blamed",
        "let",
        "make",
        "made",
        "get",
        "got",
        "bother",
        "bothered",
        "leave",
        "left",
        "know",
        "knew",
        "hug",
        "meet",
        "met",
        "when",
    ]
)
# Adverbs that may stand between a subject and its verb ("I really was").
_ADVERBS = frozenset(
    [
        "really",
        "just",
        "also",
        "still",
        "even",
        "honestly",
        "actually",
        "literally",
        "so",
        "never",
        "always",
        "kind",
        "sort",
    ]
)
_CONJ_BEFORE_SUBJECT = frozenset(
    ["and", "but", "or", "so", "because", "when", "if", "that", "then", "while", "though", "although"]
)
# Signs that "we" includes the listener: the message is about the couple.
_COUPLE = re.compile(
    r"\b(?:you and (?:i|me)|(?:i|me) and you|between us|(?:our|this) relationship|the two of us|both of us)\b"
    r"|\byou(?:'re|'ve|'ll|'d)?\b|\bus\b",
    re.IGNORECASE,
)


# Signs that "we" is your partner and other people: a third party, work, a group.
_OTHERS = re.compile(
    r"\b(?:my|our) (?:boss|manager|team|class|friends?|family|parents|kids|children|son|daughter|mom|mum|dad|"
    r"mother|father|brother|sister|wife|husband|girlfriend|boyfriend|partner|coworkers?|co-workers?|colleagues?|"
    r"uncle|aunt|auntie|cousins?|grandma|grandpa|gran|granny|nan|nana|grandmother|grandfather|dog|cat|"
    r"work|job|office|shift|deadline|meeting|class|school|"
    r"roommates?|housemates?|group|company|department|neighbou?rs?|landlord|teacher|coach)\b"
    r"|\bat (?:work|school|the office|uni|college)\b|\b(?:he|she|they|coworkers?|colleagues?|everyone)\b",
    re.IGNORECASE,
)


# What "our" shares with the listener whoever else is in the story: the home, its money, its children and pets
# ("my neighbour keeps parking across our driveway" is our driveway).
HOME = frozenset({"house", "home", "flat", "apartment", "place", "driveway", "garden", "kitchen", "bathroom",
                   "rent", "mortgage", "bills", "bill", "savings", "budget", "landlord", "street", "road", "car",
                   "boiler", "roof", "fridge", "wifi", "sofa", "bed", "neighbour", "neighbours", "neighbor",
                   "neighbors", "dog", "cat", "kids", "baby", "son", "daughter", "wedding", "holiday"})


def about_the_couple(text: str) -> bool:
    """True when "we" in `text` most likely means the two of you (the default, unless others are named)."""
    norm = text.replace("’", "'")
    return bool(_COUPLE.search(norm)) or not _OTHERS.search(norm)


def _case_like(src: str, out: str, at_start: bool) -> str:
    if out == "I" or out.startswith("I'"):
        return out
    if at_start and src[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def _ends_sentence(gap: str, first: bool) -> bool:
    """Whether the non-word token `gap` closes a sentence (or is leading space before the first word)."""
    stripped = gap.strip()
    return (first and not stripped) or stripped[-1:] in (".", "!", "?") or "\n" in gap


_AFTER_OBJECT = frozenset(
    [
        "for",
        "to",
        "and",
        "but",
        "or",
        "so",
        "too",
        "again",
        "back",
        "now",
        "today",
        "tonight",
        "anymore",
        "any",
        "more",
        "that",
        "in",
        "at",
        "on",
        "with",
        "about",
        "a",
        "the",
        "this",
        "all",
        "so",
        "much",
        "more",
        "than",
        "as",
        "like",
        "from",
        "over",
        "when",
        "if",
    ]
)


# A finite verb right after "you" makes it a subject, whatever came before ("I know you are right").
_FINITE_AFTER_SUBJECT = frozenset(
    [
        "are", "were", "aren't", "weren't", "have", "haven't", "had", "hadn't", "do", "don't", "did", "didn't",
        "can", "can't", "could", "couldn't", "will", "won't", "would", "wouldn't", "should", "shouldn't",
        "must", "might",
    ]
)  # fmt: skip
# Words that are a preposition before an object ("like you", "than you") or a conjunction before a
# subject ("like you said", "more than you know").
_LIKE = frozenset(["like", "than"])


def _you_is_object(words: list[str], i: int) -> bool:
    """Whether "you" at index `i` is an object ("told you", "accept you for") rather than a subject."""
    prev = words[i - 1] if i > 0 else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if prev in _CONJ_BEFORE_SUBJECT or prev == "":
        return False
    if nxt in _FINITE_AFTER_SUBJECT and prev not in ("to", "with", "for", "at", "about", "from", "of"):
        return False
    if prev in _LIKE:
        return nxt in _AFTER_OBJECT or nxt == ""
    if prev in _OBJECT_BEFORE:
        return True
    return nxt in _AFTER_OBJECT or nxt == ""


def to_second_person(text: str, *, we_is_couple: bool | None = None) -> str:
    """Say `text` back to the person who wrote it; see the module docstring.

    >>> to_second_person("I'm tired and you never help me")
    "You're tired and I never help you"
    """
    if we_is_couple is None:
        we_is_couple = about_the_couple(text)
    tokens = _TOKEN.findall(text)
    word_idx = [k for k, t in enumerate(tokens) if _WORD.match(t)]
    words = [tokens[k].lower().replace("’", "'") for k in word_idx]
    out = list(tokens)
    subject_shifted: set[int] = set()  # word indexes whose subject changed person (for am/was/are/were)
    for i, w in enumerate(words):
        src = tokens[word_idx[i]]
        new: str | None = None
        if w in ("you", "u", "ya"):
            if i + 2 < len(words) and words[i + 1] == "and" and words[i + 2] in ("i", "me"):
                new = "you"  # "you and I" is the same pair from either side
            elif (i >= 2 and words[i - 1] == "and" and words[i - 2] in ("i", "me")) or (
                i > 0 and words[i - 1] in ("thank",)
            ):
                new = "you"
            elif _you_is_object(words, i):
                new = "me"
            else:
                new = "I"
                subject_shifted.add(i)
        elif w in ("i", "i'm", "im", "i've", "ive", "i'll", "i'd"):
            if w == "i" and i >= 2 and words[i - 1] == "and" and words[i - 2] in ("you", "u"):
                new = "I"  # tail of "you and I", kept above
                out[word_idx[i]] = new
                continue
            new = _FIRST_TO_SECOND[w]
            subject_shifted.add(i)
        elif w == "me" and i + 1 < len(words) and words[i + 1] in _OWNED_AFTER_ME and (
            i == 0 or words[i - 1] in _BEFORE_OWNER or _ends_sentence(tokens[word_idx[i] - 1], False)
        ):
            new = "your"  # "me sister's giving out to me" -> "your sister's giving out to you"
        elif w == "me" and _owned_after_verb(words, i):
            new = "your"  # "passed me test" -> "passed your test"; "gave me money" stays "gave you money"
        elif w in _FIRST_TO_SECOND:
            new = _FIRST_TO_SECOND[w]
        elif w in _SECOND_TO_FIRST:
            new = _SECOND_TO_FIRST[w]
        elif w in _WE_TO_YOU and not we_is_couple and not (
            w == "our" and i + 1 < len(words) and words[i + 1] in HOME
        ):
            new = _WE_TO_YOU[w]  # but "our driveway", "our rent": the home is the listener's too
        elif w in ("am", "was", "wasn't", "were", "weren't", "are", "aren't"):
            new = _verb(words, i, subject_shifted)
        elif _bare_kin(words, i):
            new = "your " + src.lower()
        if new is not None:
            k = word_idx[i]
            out[k] = _case_like(src, new, k == 0 or (k >= 1 and _ends_sentence(tokens[k - 1], k == 1)))
    return "".join(out)


_KIN_NAMES = word_set("perspective", "kin_names")
# words after which "me" + a noun is "my" + noun; after a verb it is an object ("he told me dad was there")
_BEFORE_OWNER = frozenset({"and", "but", "so", "cause", "cos", "coz", "with", "at", "for", "of", "about", "from",
                           "like", "then", "sure", "says", "said", "by", "on", "in", "into", "after", "off"})
_OWNED_AFTER_ME = _KIN_NAMES | word_set("perspective", "owned_after_me") | word_set("sayback", "roles")
_WHOSE = frozenset({"my", "your", "ur", "his", "her", "their", "our", "the", "a", "an", "to", "dear", "you", "u",
                    "me", "other",
                    "hi", "hey", "thanks", "love", "yo"})


_OWNED_ANY_ME = word_set("perspective", "owned_any_me")
_ME_OBJECT_AFTER = word_set("perspective", "me_object_after")
_HURT_BACK = frozenset({"hurt", "hurting", "hurts", "pulled", "strained", "wrecked", "injured", "twisted", "did",
                        "done", "broke", "broken", "bad"})
# After these, "me" + a person or an occasion of theirs is "my" ("told me da", "texted me mam", "asked me boss").
_ME_THEIR_AFTER = word_set("perspective", "me_their_after")
_THEIR_PEOPLE = word_set("perspective", "me_their_people")
# A word after the person that makes them the subject of what was told: "told me dad was there".
_CLAUSE_AFTER = word_set("perspective", "me_their_clause")
_DRIVING = frozenset({"test", "licence", "license", "lesson", "lessons", "instructor", "theory"})


def _owned_after_verb(words: list[str], i: int) -> bool:
    """Whether "me" at `i` is "my" before a thing, a body part or a person of their own ("passed me test", "banged me
    head", "lost me keys", "failed me driving test"), and not the object of a verb that gives, tells or names
    ("gave me money", "told me dad was there", "let me phone you"). After telling, asking or ringing, "me" before a
    person or a day of theirs is "my" too, unless that person starts a clause ("told me da about us", "rang me mam",
    "on me day off"; but "told me dad was there")."""
    if i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    after = words[i + 2] if i + 2 < len(words) else ""
    if nxt == "day" and after in ("off", "out"):
        return True  # "rang me on me day off" -> "your day off"
    if i and words[i - 1] in _ME_OBJECT_AFTER:
        return (
            words[i - 1] in _ME_THEIR_AFTER
            and nxt in _THEIR_PEOPLE
            and after not in _CLAUSE_AFTER
            and not after.endswith(("'s", "'d", "'ll"))
        )
    if nxt == "back":  # "hurt me back" is "your back"; "kept me back", "ring me back" are not
        return i > 0 and words[i - 1] in _HURT_BACK
    return nxt in _OWNED_ANY_ME or (nxt == "driving" and i + 2 < len(words) and words[i + 2] in _DRIVING)


def _bare_kin(words: list[str], i: int) -> bool:
    """A family word used as a name ("dad", "mums"), with nothing before it saying whose."""
    w = words[i]
    base = w.removesuffix("'s") if w not in _KIN_NAMES else w  # "mum's" yes; "the other mums" is plural
    if base not in _KIN_NAMES:
        return False
    prev = words[i - 1] if i else ""
    if prev in _WHOSE or prev.endswith("'s") or (prev == "and" and i >= 2 and words[i - 2] in _KIN_NAMES):
        return False
    return not (prev.endswith("s") and prev not in _KIN_NAMES and len(prev) > 3 and prev not in ("was", "has", "is"))


def _subject_of(words: list[str], i: int) -> int | None:
    """Index of the subject pronoun just before (skipping adverbs) or just after (a question) word `i`."""
    j = i - 1
    while j >= 0 and words[j] in _ADVERBS:
        j -= 1
    if j >= 0 and words[j] in ("i", "you", "u"):
        return j
    if i + 1 < len(words) and words[i + 1] in ("i", "you", "u"):
        return i + 1
    return None


def _verb(words: list[str], i: int, shifted: set[int]) -> str | None:
    w = words[i]
    subj = _subject_of(words, i)
    if subj is None or words[subj] == "we":
        return None
    if words[subj] == "i":
        return {"am": "are", "was": "were", "wasn't": "weren't"}.get(w)
    # The subject was "you" (now "I"): "you are" -> "I am", "were you" -> "was I".
    if subj not in shifted and subj != i + 1:
        return None
    return {"are": "am", "aren't": "am not", "were": "was", "weren't": "wasn't"}.get(w)


__all__ = ["HOME", "about_the_couple", "to_second_person"]
