"""The detail that carries the weight of a hard message, said back short, the way a partner reacts to it.

A listener who hears "the car's been in the garage for three weeks and they still haven't looked at it" does
not say the whole of it back; they catch the part that stings: "Three weeks?". The detail is found by its
shape, not by topic: something happening again ("AGAIN", "the third time this month"), a span of time ("for
two hours", "twenty years", "a whole week") or a sum of money or a share ("£1800", "40%", "nine thousand
rand"). It opens the reflection ("Three weeks? Ugh, ..."), never stands for it, and is only said when the
reflection does not say it already.

>>> salient("the printer jammed AGAIN right before my presentation")
'Again?'
>>> salient("my knee's playing up, 4th time this month")
'Fourth time this month?'
>>> salient("sat in the waiting room for 3 hrs and they sent me home")
'Three hours?'
>>> salient("the garage wants £1,800 to fix the gearbox")
'£1,800?'
>>> salient("I've been there twenty years and they let me go by email")
'Twenty years.'
>>> salient("we're meeting at 3 tomorrow") is None
True
"""

from __future__ import annotations

import re

_NUMBER_WORDS = {
    "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight",
    "9": "nine", "10": "ten", "11": "eleven", "12": "twelve", "15": "fifteen", "20": "twenty", "30": "thirty",
    "40": "forty", "50": "fifty", "60": "sixty", "90": "ninety",
}
_ORDINALS = {
    "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth", "6th": "sixth", "7th": "seventh",
    "8th": "eighth", "9th": "ninth", "10th": "tenth",
}
_COUNT_WORD = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"twenty-[a-z]+|thirty-[a-z]+"
)
_UNITS = {"min": "minutes", "mins": "minutes", "hr": "hours", "hrs": "hours", "wk": "weeks", "wks": "weeks",
          "yr": "years", "yrs": "years"}
# "again" that tells of a thing come back to annoy or hurt; not "see you again", "feel like myself again"
_AGAIN = re.compile(r"\b(?:again|AGAIN)\b")
_NOT_AGAIN = re.compile(
    r"\b(?:never|not|see (?:you|u|them|her|him)|feel(?:ing)? (?:\w+ )?(?:better|normal|myself|human|okay|ok)|"
    r"back|try|tried|trying|do it|do that|all over|once|here we go|start|started|starting|walk|run|sleep|come in|"
    r"breathe|smile|laugh|talk(?:ing)?|speak(?:ing)?|play(?:ing)?|date|dating|work(?:ing)?)\s+(?:\w+\s+)?again\b",
    re.IGNORECASE,
)
# Never a letdown to be fed up with, however often it happens: an eating disorder, self-harm, a relapse, a
# partner's abuse or control, a job lost ("i binged and purged again", "he called me a whore again", "he went
# through my phone again"). Met with care, never "Again? Ugh".
NOT_A_LETDOWN = re.compile(
    r"\b(?:bing\w*|purg\w*|made myself (?:sick|throw up|vomit)|threw up (?:on purpose|after)|starv\w*|"
    r"restrict\w*|laxatives?|skipp\w* (?:meals|eating)|not eating|relaps\w*|self[- ]?harm\w*|"
    r"(?:cut|cutting|burn\w*|hurt\w*|harm\w*) myself|cuts|scars?|overdos\w*|suicid\w*|kill myself|"
    r"drank|drinking|"
    r"called me (?:a |an |his |her )?(?:\w+ )?(?:whore|slut|bitch|cunt|names|fat|ugly|stupid|worthless|useless|"
    r"pathetic|psycho|crazy)|"
    r"(?:took|takes|taking|went through|goes through|going through|checked|checks|checking|read|reads|grabbed|"
    r"smashed|broke) (?:my|me) (?:phone|messages|texts|emails|bank|money|cards?|keys)|"
    r"(?:went|goes|going) through (?:it|them)|"
    r"track\w* (?:me|my)|(?:won'?t|wouldn'?t|doesn'?t|didn'?t|never) let(?:s)? me|locked me|kept me from|"
    r"hit me|hits me|pushed me|shoved me|slapped|punched|kicked me|choked|strangl\w*|grabbed me|threw|"
    r"threaten\w*|forced|made me|"
    # a job lost again is a blow, not a letdown to roll the eyes at ("Again?" would judge them)
    r"lost (?:my|our|his|her|their) job|fired|sacked|laid off|redundan\w*|"
    # an illness come back is a blow too ("getting panic attacks again", "the cancer's back again")
    r"panic attacks?|seizures?|cancer|tumou?r|chemo)\b",
    re.IGNORECASE,
)
_NTH_TIME = re.compile(
    r"\b(?:the\s+)?(2nd|3rd|4th|5th|6th|7th|8th|9th|10th|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"\s+time\b(\s+(?:this|in a|in the last)\s+(?:week|month|year|fortnight|morning|day|shift)|\s+today)?",
    re.IGNORECASE,
)
# a span: "3 hrs", "two whole weeks", "a whole month", "twenty years"; not "2 years ago" or "in 3 weeks" (ahead)
_SPAN = re.compile(
    rf"(?<![\w£$€%/.-])(?<!like )(?<!than )"
    rf"(?:(?P<n>\d{{1,2}}|{_COUNT_WORD})\s?(?P<whole>whole\s+|full\s+|straight\s+)?|a\s+(?P<a>whole|full)\s+)"
    r"(?P<u>minutes|mins?|hours|hrs?|days|nights|weeks|wks?|months|years|yrs?|"
    r"minute|hour|day|night|week|month|year)\b(?![-\w])"
    r"(?!\s+(?:ago|old|from now|later|off|away|long|at a time|shift|drive|flight|commute|call|meeting|nap|walk|run|"
    r"journey|trip|break|anniversary|streak|contract|course|scan|wait|round trip)\b)",
    re.IGNORECASE,
)
_AHEAD = re.compile(r"\b(?:in|for the next|next|within|every|per|a|each)\s+$", re.IGNORECASE)
# money or a share: "£1,800", "$600", "1800 quid", "40%", "nine thousand", "5k"
_MONEY = re.compile(
    r"(?<![\w.])(?:[£$€₦R]\s?\d(?:[\d,]*\d)?(?:\.\d\d)?(?:k\b)?(?!\d)|\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:quid|bucks|dollars|pounds|euros|"
    r"rand|naira|grand)\b|\d{1,3}(?:\.\d)?\s?%|\d{1,3} per ?cent\b|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a) (?:hundred|thousand|grand)"
    r"(?: (?:quid|bucks|dollars|pounds|euros|rand|naira))?)",
    re.IGNORECASE,
)
# a span they have given (of service, of care, of work): met with its weight, not disbelief
_GIVEN = re.compile(r"\b(?:been there|worked there|given|gave)\b", re.IGNORECASE)
_OF = re.compile(r"\s+(?:of|running|together|married|in a row)\b", re.IGNORECASE)
# a sentence about what may come or what is wished: its "again" or its span is not what they went through
_MAYBE = re.compile(
    r"\b(?:if|will|'ll|gonna|going to|might|would|could|should|can't|cant|cannot|never|then again|say it|"
    r"the same|hope|hopefully|wish|next|maybe|guess|probably)\b",
    re.IGNORECASE,
)
# a clause of a sentence: what may come is read clause by clause ("... AGAIN | and my mom says i should help him")
_SENTENCE = re.compile(r"(?:[^.!?\n,;]|,(?!\s))+?(?:[.!?;]+|,(?=\s)|\s(?=(?:and|but|so)\s)|$)", re.IGNORECASE)
# "again" that asks to be reminded is no letdown: "where is the shut off valve again", "what's her name again"
_ASKED_AGAIN = re.compile(
    r"\b(?:where|what|who|when|which|how)(?:'s|\s+(?:is|are|was|were|do|did|does))\s+[^.!?]*\bagain\b"
    r"|\bremind me\b[^.!?]*\bagain\b",
    re.IGNORECASE,
)
_NOT_BEEN = re.compile(r"\b(?:haven't|hasn't|hadn't|havent|hasnt|not|never) been\b", re.IGNORECASE)
MAX_WORDS = 30  # a longer message carries more than one detail: which one weighs most is not read by its shape
MIN_WORDS = 4


def _spelled(number: str) -> str:
    return _NUMBER_WORDS.get(number, number)


def _span(m: re.Match[str]) -> str:
    unit = m.group("u").lower()
    unit = _UNITS.get(unit, unit)
    if m.group("a"):
        return f"A {m.group('a').lower()} {unit.rstrip('s') if unit.endswith('s') else unit}"
    n = _spelled(m.group("n").lower())
    if n == "one":
        return ""
    if not unit.endswith("s"):
        unit += "s"
    whole = (m.group("whole") or "").strip().lower()
    said = f"{n} {whole + ' ' if whole else ''}{unit}"
    return said[:1].upper() + said[1:]


def salient(told: str) -> str | None:
    """The detail of `told` to react to first ("Again?", "Three weeks?", "£1,800?"), or None."""
    text = told.replace("’", "'")
    if not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
        return None
    letdown = NOT_A_LETDOWN.search(text) is None  # "i binged and purged again": never "Again?"
    if letdown and (m := _NTH_TIME.search(text)) is not None:
        nth = _ORDINALS.get(m.group(1).lower(), m.group(1).lower())
        said = f"{nth} time{(m.group(2) or '').lower()}"
        return said[:1].upper() + said[1:] + "?"
    sentences = [s.group() for s in _SENTENCE.finditer(text)]
    told_of = [s for s in sentences if not _MAYBE.search(s)]  # what happened, not what may
    if letdown and any(_AGAIN.search(s) and not _NOT_AGAIN.search(s) and not _ASKED_AGAIN.search(s) for s in told_of):
        return "Again?"
    for sentence in told_of:
        if (m := _MONEY.search(sentence)) is not None:
            said = re.sub(r"\s+", " ", m.group().strip())
            return said[:1].upper() + said[1:] + "?"
    for sentence in told_of:
        if _NOT_BEEN.search(sentence):
            continue  # "I haven't been anxious for over 20 years": a span of what did not happen
        for m in _SPAN.finditer(sentence):
            if _AHEAD.search(sentence[: m.start()]) and not m.group("a"):
                continue  # "in 3 weeks", "every 2 hours": what is to come or how often, not what they went through
            said = _span(m)
            if not said:
                continue
            given = _GIVEN.search(text) or _OF.match(sentence, m.end())
            return said + ("." if given else "?")  # "Six years of rehearsals": its weight, not disbelief
    return None


def says_already(text: str, detail: str) -> bool:
    """Whether `text` (the reflection) already says `detail`: its number in words or digits ("five hours" is
    said by "a 5-hour wait"), or its "again".

    >>> says_already("Oh no, your 10-year anniversary went unnoticed.", "Ten years?")
    True
    """
    low = text.lower()
    core = detail.rstrip("?.!").lower()
    if core in low:
        return True
    said = set(re.findall(r"[a-z0-9£$€%,]+", low.replace("-", " ")))
    reverse = {v: k for k, v in _NUMBER_WORDS.items()} | {v: k for k, v in _ORDINALS.items()}
    words = [w for w in re.findall(r"[a-z0-9£$€%,]+", core) if w not in ("a", "whole", "full", "time", "this")]
    counts = [w for w in words if w in reverse or w[:1].isdigit() or w[:1] in "£$€"]
    if counts:
        return any(w in said or reverse.get(w, "") in said for w in counts)
    return bool(words) and words[0] in said


__all__ = ["NOT_A_LETDOWN", "salient", "says_already"]
