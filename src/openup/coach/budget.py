"""How much of the partner's message a suggestion may say back: a short span, never the message itself.

A partner who hears "I got pulled over and got a ticket for going 9 over" says "Nine?! That's so unfair.",
not "Ugh, you got pulled over and got a ticket for going 9 over." Said back nearly whole, a message reads as
parroted, a form letter. So what is said back of their words has a budget, the same for every message: at
most `COPY_RUN_MAX` of their words in a row, and at most `COPY_SHARE_MAX` of the words of their message in
all. Their words are matched as said back ("your" for their "my", "you're" for "im", "2 hours" for "2 hrs"),
and a single word in common ("the", "cake") is no copy: only runs of two words or more count.

What is over budget is said back shorter (its core, its short noun phrase, the detail that stings) or not
at all, and the reply reacts in its own words (`listen`).

>>> within_budget("you got pulled over and got a ticket for going 9 over",
...               "I got pulled over and got a ticket for going 9 over. Nine! There were people flying past me.")
False
>>> within_budget("the cake", "I burnt the cake for Ellie's party. The one I stayed up making.")
True
>>> copy_of("your back is killing you and you can't even sit at your desk",
...         "back is killing me cant even sit at my desk")
(7, 10, 10)
"""

from __future__ import annotations

import re

# The budget, chosen on the dev messages (tests/data/blind/replies.dev.jsonl and a strict rater's reasons on 200 of
# them): a run of six words says back a point ("your parents are getting divorced", "you've been at the vet since
# eight"); seven or more is a clause copied over, and 45 of the 59 replies the rater called parroting copied more than
# six in a row, against 16 of the 82 they passed. And what is said back is at most half of what they wrote, so a
# short message is reacted to rather than repeated ("back is killing me cant even sit at my desk" is not said back in
# two pieces). A share of 0.4 or 0.45 left many short messages with nothing of their point said back at all.
COPY_RUN_MAX = 6
COPY_SHARE_MAX = 0.5
# Of a very short message ("my laptop died"), a short noun phrase may still be named ("Oh no, your laptop!").
COPY_SHARE_FLOOR = 3
COPY_MIN_RUN = 2  # a single word in common is no copy

_TOKEN = re.compile(r"[a-z0-9£$€%]+(?:'[a-z]+)?")
# Their words as said back to them: the teller's "I" is our "you", their typed forms are the words meant.
_SAME = {
    "i": "you", "me": "you", "u": "you", "ya": "you", "we": "you", "us": "you",
    "my": "your", "ur": "your", "yr": "your", "our": "your", "mine": "yours", "ours": "yours",
    "i'm": "you're", "im": "you're", "we're": "you're", "youre": "you're", "i've": "you've", "ive": "you've",
    "we've": "you've", "i'd": "you'd", "id": "you'd", "we'd": "you'd", "i'll": "you'll", "we'll": "you'll",
    "myself": "yourself", "ourselves": "yourself",
    "w": "with", "n": "and", "min": "minutes", "mins": "minutes", "hr": "hours", "hrs": "hours", "wk": "weeks",
    "wks": "weeks", "yrs": "years", "bc": "because", "cos": "because", "coz": "because", "cuz": "because",
    "tmrw": "tomorrow", "tmr": "tomorrow", "abt": "about", "bf": "boyfriend", "gf": "girlfriend",
    "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
    "wasnt": "wasn't", "havent": "haven't", "hasnt": "hasn't", "its": "it's", "thats": "that's", "hes": "he's",
    "shes": "she's", "theyre": "they're", "theres": "there's", "whats": "what's", "gonna": "going",
    "wanna": "want", "gotta": "got", "gotten": "got",
}
# Words a listener puts in when saying it back, which the teller left out ("boss emailed me" is "your boss
# emailed you"): skipped inside a run of their words, so a copied clause is counted as one run.
_ADDED = frozenset({"your", "you", "the", "you're", "you've", "it's", "to", "and", "a", "is", "has", "have"})


def _words(text: str) -> list[str]:
    low = text.lower().replace("’", "'").replace("‘", "'")
    return [_SAME.get(w, w) for w in _TOKEN.findall(low)]


def copy_of(said: str, told: str) -> tuple[int, int, int]:
    """(the longest run of their words said back in a row, how many words of `told` are said back in runs of
    `COPY_MIN_RUN` or more, how many words `told` has). A word the listener adds inside a run of theirs ("your",
    "the": `_ADDED`) neither breaks the run nor counts."""
    ours, theirs = _words(said), _words(told)
    if not ours or not theirs:
        return 0, 0, len(theirs)
    longest = 0
    covered: set[int] = set()
    i = 0
    while i < len(ours):
        best: list[int] = []  # the longest run of theirs said back from here, as positions in `theirs`
        used = 1
        for j in range(len(theirs)):
            a, b, span = i, j, []
            while a < len(ours) and b < len(theirs):
                if ours[a] == theirs[b]:
                    span.append(b)
                    a, b = a + 1, b + 1
                elif span and ours[a] in _ADDED and a + 1 < len(ours) and ours[a + 1] == theirs[b]:
                    a += 1  # "your" put before their "boss"
                else:
                    break
            if len(span) > len(best):
                best, used = span, a - i
        if len(best) >= COPY_MIN_RUN:
            covered.update(best)
            longest = max(longest, len(best))
            i += used
        else:
            i += 1
    return longest, len(covered), len(theirs)


def within_budget(said: str, told: str) -> bool:
    """Whether `said`, what a suggestion says back of `told`, copies no more than the budget: at most
    `COPY_RUN_MAX` of their words in a row and `COPY_SHARE_MAX` of their message (at least `COPY_SHARE_FLOOR`
    words of a very short one)."""
    run, covered, total = copy_of(said, told)
    return run <= COPY_RUN_MAX and covered <= max(COPY_SHARE_FLOOR, COPY_SHARE_MAX * total)


__all__ = ["COPY_RUN_MAX", "COPY_SHARE_MAX", "copy_of", "within_budget"]
