"""The subject and the verb of a clause, and whether it tells of something that happened.

Without a parser: the subject comes first ("i", "my boss", "the pandemic", "Sarah"), then perhaps an
adverb, then the verb. Enough to tell a whole clause from a fragment, and a past happening ("my boss
yelled at me") from a state, a plan or a thought ("i have planned to ..."). The word lists are in
`heard_words.toml` under `[verbs]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openup.coach.heard_clauses import normed
from openup.coach.heard_words import word_map, word_set, word_tuple

_SUBJECT_START = re.compile(
    r"^(?:i|i'm|im|i've|i'll|i'd|we|we're|we've|he|he's|she|she's|they|they're|they've|it|it's|its|there|"
    r"there's|this|that|my|our|his|her|their|the|a|an|someone|somebody|everyone|everybody|nobody|no one|"
    r"people|all|some|both|your|you)\b"
)
_NAME_START = re.compile(
    r"^(?!(?:Problem|Thing|Issue|Point|Reason|Truth|Fact|Question|Answer|Plus|Also)\b)[A-Z][a-z]+ "
    r"(?:\w+ed|said|told|was|is|has|had|got|left|went|came|keeps|never|always|just|did|does|called|texted)\b"
)


def has_subject(clause: str) -> bool:
    """Whether a clause starts with its subject ("my boss yelled"), not with a verb ("will only make")."""
    return bool(_SUBJECT_START.match(normed(clause)) or _NAME_START.match(clause))


WORDS = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|,")
_PRONOUNS = word_set("verbs", "pronouns")
_INDEFINITE = word_set("verbs", "indefinite")
_DETERMINERS = word_set("verbs", "determiners")
_CONTRACTED = word_map("verbs", "contracted")
_NO_APOSTROPHE = word_map("verbs", "no_apostrophe")
_SKIP = word_set("verbs", "skip")
_AUX = word_set("verbs", "aux")
MODALS = word_set("verbs", "modals")
_IRREGULAR_PAST = word_set("verbs", "irregular_past")
_PARTICIPLES = word_set("verbs", "participles")
_STATIVE = word_set("verbs", "stative")
NOT_VERB = word_set("verbs", "not_verb")
_STATIVE_BASE = word_set("verbs", "stative_base")
_BE_PAST = word_tuple("verbs", "be_past")
_HAD = word_tuple("verbs", "had_forms")
_HAD_HAPPENING_NEXT = word_tuple("verbs", "had_happening_next")
_DID = word_tuple("verbs", "did_forms")
_NOT_PAST_ED = word_tuple("verbs", "not_past_ed")
_NOT_VERB_ED = word_tuple("verbs", "not_verb_ed")


@dataclass(frozen=True, slots=True)
class Verb:
    word: str  # the finite verb, contractions spelled out ("'m" -> "am")
    after: tuple[str, ...]  # the words after it


# After "sister's": a verb follows ("my sister's making ...", "dad's been ..."), not a thing ("dad's surgery").
_IS_NEXT = frozenset({"been", "gone", "got", "not", "so", "always", "never", "just", "still", "back", "home", "out",
                      "awake", "asleep", "sick", "ill", "fine", "ok", "okay", "coming", "going", "after", "on", "off"})


def _verbish(word: str, strict: bool) -> bool:
    """Whether a word can be the verb after a noun subject ("my boss *yelled*", "my son *lives*")."""
    if word in NOT_VERB:
        return False
    if word in _AUX or word in _IRREGULAR_PAST or word.endswith(("n't", "'s", "'d", "'ll", "'ve", "'re")):
        return True
    if len(word) > 3 and word.endswith("ed") and word not in _NOT_VERB_ED:
        return True
    return not strict and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


def find_verb(clause: str) -> Verb | None:
    """The finite verb of a clause that starts with its subject, or None for a fragment.

    >>> find_verb("my boss yelled at me").word, find_verb("the second i start to feel better")
    ('yelled', None)
    """
    words = WORDS.findall(normed(clause))
    if not words:
        return None
    first = words[0]
    i: int | None = None
    for ending, full in _CONTRACTED.items():
        if first.endswith(ending) and first[: -len(ending)] in _PRONOUNS | {"what", "who"}:
            return Verb(full, tuple(words[1:]))
    if first in _NO_APOSTROPHE:
        return Verb(_NO_APOSTROPHE[first], tuple(words[1:]))
    if first in ("this", "that", "one") and len(words) > 1 and not _verbish(words[1], strict=False):
        pass  # "that way they ...", "this job": a determiner, handled below
    elif first in _PRONOUNS or first in _INDEFINITE:
        i = 1
    elif first == "no" and words[1:2] == ["one"]:
        i = 2
    elif first not in _DETERMINERS and _NAME_START.match(clause.strip()):
        i = 1
    if i is None and first in _DETERMINERS:
        j = 1
        while j < len(words) and words[j] in _DETERMINERS:
            j += 1
        # After the head word ("my *boss*", "the *said* girl"), the first word that can be a verb; an
        # auxiliary or a past form wins over an -s word ("my older brothers yelled").
        head_end = j + 1
        if j < len(words) and words[j].endswith("'s") and len(words) > head_end and (
            words[head_end].endswith(("ing", "ed")) or words[head_end] in _IS_NEXT
        ):
            # "my sister's making ...", "dad's been ...": the head carries its verb
            return Verb("is", tuple(words[head_end:]))
        window = words[head_end : head_end + 5]
        for strict in (True, False):
            for k, w in enumerate(window):
                if w == "," or w in _PRONOUNS - {"that", "this", "one"}:
                    break  # "my job, my rent, ...": a list; "the second i start ...": a relative clause
                if _verbish(w, strict):
                    i = head_end + k
                    break
            if i is not None:
                break
        if i is None:
            return None
        return Verb(words[i], tuple(words[i + 1 :]))
    if i is None:
        return None
    while i < len(words) and words[i] in _SKIP:
        i += 1
    if i >= len(words) or words[i] in NOT_VERB or words[i] == ",":
        return None
    return Verb(words[i], tuple(words[i + 1 :]))


def is_whole_clause(clause: str) -> bool:
    """Whether `clause` has a subject and a verb ("he'll call"), not only a fragment ("a bit tired")."""
    return find_verb(clause) is not None


def _next_word(after: tuple[str, ...]) -> str:
    return next((w for w in after if w not in _SKIP), "")


def is_happening(verb: Verb) -> bool:
    """Whether the clause tells of something that happened ("my boss yelled at me", "i was let go"), not
    of a state, a plan or a thought ("that was my mistake", "i have planned to ...", "i wish she had")."""
    w = verb.word
    nxt = _next_word(verb.after)
    if w in _BE_PAST:
        # passive or ongoing: "i was let go", "we were fighting"; not "that was my mistake"
        return nxt in _PARTICIPLES or (len(nxt) > 4 and nxt.endswith(("ed", "ing")))
    if w in _HAD:
        return nxt in _HAD_HAPPENING_NEXT or nxt in _PARTICIPLES or (len(nxt) > 3 and nxt.endswith("ed"))
    if w in _DID:
        return nxt not in _STATIVE_BASE  # "my parents didn't come", not "i didn't think about it"
    if w == "got":
        return True
    if w in _STATIVE:
        return False
    return w in _IRREGULAR_PAST or (len(w) > 3 and w.endswith("ed") and w not in _NOT_PAST_ED)


def is_past(verb: Verb) -> bool:
    """Whether the verb is in the past tense ("was", "had", "yelled", "felt")."""
    w = verb.word
    return (
        w in _BE_PAST
        or w in _HAD
        or is_happening(verb)
        or (w in _STATIVE and w.endswith(("ed", "ought", "elt", "new")))
    )


__all__ = [
    "MODALS",
    "NOT_VERB",
    "WORDS",
    "Verb",
    "find_verb",
    "has_subject",
    "is_happening",
    "is_past",
    "is_whole_clause",
]
