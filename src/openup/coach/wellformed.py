"""The last look at what is said back of the partner's own words: a short, whole clause in our mouth, or nothing.

What happened, said back ("Oh no, {gist}."), is cut from their message by several readers (`refer`, `sayback`,
`heard_event`); each cut is careful, but together they still leave clauses no one would text back: a clause cut
before its end ("christmas at your parents was", "they cut your hours to twenty a week starting"), two sentences
run together ("your oga has not paid salary ... and this country", "you quit just walked out"), a comma splice
("you've stuffed up the tax return, ATO's sent a letter"), a quote left open, a typo copied ("its covered in
red", "everyones posting"), a vocative kept ("mate the footy trip's off"), or a hedge said twice ("what you
think you should have said"). `repaired` mends what can be mended in place (a typo, a filler "like 4 times",
a leading vocative, "Mum's" said as "your mum's"); `well_formed` says whether what is left may be shown. A
clause that is not is dropped, and the reply falls back to a wording that does not say it back.

>>> repaired("the car needs a new gearbox and its 1800 quid")
"the car needs a new gearbox and it's 1800 quid"
>>> well_formed("christmas at your parents was"), well_formed("your boss yelled at you")
(False, True)
"""

from __future__ import annotations

import re
from functools import lru_cache

from openup.coach.heard_clauses import common_words
from openup.coach.heard_verbs import find_verb, has_subject
from openup.coach.heard_words import word_set
from openup.text.register import english_words

_PARTICIPLES = word_set("verbs", "participles")
_NOT_NAMES = word_set("perspective", "kin_names") | word_set("sayback", "roles") | word_set("sayback", "things")
_IRREGULAR_PAST = word_set("verbs", "irregular_past")

# Spellings typed without the apostrophe, said back as meant ("everyones" is "everyone's"); "its" only where it
# stands for "it is" (`_ITS_IS`), "id" and "im" are the teller's own "I'd" and "I'm", said back to them as "you".
_TYPED = {
    "everyones": "everyone's", "someones": "someone's", "nobodys": "nobody's", "thats": "that's",
    "whats": "what's", "theres": "there's", "shes": "she's", "hes": "he's", "theyre": "they're",
    "youre": "you're", "dont": "don't", "didnt": "didn't", "doesnt": "doesn't", "cant": "can't",
    "wont": "won't", "isnt": "isn't", "wasnt": "wasn't", "werent": "weren't", "arent": "aren't",
    "hasnt": "hasn't", "havent": "haven't", "hadnt": "hadn't", "shouldnt": "shouldn't", "couldnt": "couldn't",
    "wouldnt": "wouldn't", "id": "you'd", "im": "you're", "ive": "you've",
}
# "id" is "I'd" only before a verb ("you said id stop"), not in "your id card"
_TYPO = re.compile(
    r"\b(?:" + "|".join(w for w in _TYPED if w != "id") + r")\b"
    r"|\bid(?= (?:stop|be|have|rather|love|like|go|come|do|get|never|always|just|probably|really|need|want|say|tell|"
    r"make|take|try|give|ever|already|still|even|not|finished|done|left|gone|been|forgotten|thought)\b)"
)
# "its covered in red", "its 1800 quid", "its not fair": "it's"; "its engine" stays
_ITS_IS = re.compile(
    r"\bits (?=(?:a|an|the|not|so|been|just|all|only|really|too|like|ok|okay|fine|over|gone|going|getting|"
    r"always|never|still|actually|literally|my|your|our|their|his|her|what|how|been|time|[0-9£$€]|\w+(?:ed|ing)\b))"
)
_LIKE_COUNT = re.compile(r"\blike (?=(?:[0-9]+|a (?:million|hundred|thousand)|two|three|four|five|six|ten)\b)")
# A word said to them, left at the start: "mate the footy trip's off", "yaar the appraisal came".
_VOCATIVE = re.compile(
    r"^(?:mate|babe|bro|hun|hon|love|yaar|guys|dude|girl|man|omg|oh|ugh|well|ok|okay|so|right|listen|honestly|"
    r"lol|haha|ah|aw|shame)\b,? +(?=(?:the|your|my|our|you|we|he|she|they|it|this|that|[A-Z])\b)",
    re.IGNORECASE,
)
# A family word typed as a name ("heading to Mum's"), said back as theirs: "your mum's".
_KIN_NAME = re.compile(
    r"(?<!\byour )(?<!\bmy )(?<!\bour )(?<!\bhis )(?<!\bher )(?<!\btheir )"
    r"\b(Mum|Mom|Mam|Mummy|Mommy|Dad|Daddy|Nan|Nana|Gran|Granny|Grandma|Grandad|Grandpa)(?='s\b)"
)
_SHOUTED = re.compile(r"\b[A-Z]{5,}\b")  # "like COVERED": not shouted back
# The Irish "your man", "your one" (that fella, that woman): theirs, not the listener's "my man" (`repaired`).
YOUR_ONE = re.compile(r"\b[Yy]our (man|one|woman|lad|fella)\b")

# A clause cannot end on these: a helping verb with its verb cut off ("... was"), a preposition or article left
# hanging ("... starting", "... to"), a joiner with nothing after it.
_DANGLING = frozenset({
    "was", "were", "is", "are", "am", "been", "being", "the", "a", "an", "your", "my", "our", "their",
    "its", "from", "into", "than", "starting", "until", "till", "like", "and", "or", "but", "because", "cos",
    "if", "whether", "just", "that's", "it's", "there's", "you're", "you've", "you'd", "you'll", "very", "such",
    "think", "thinks", "reckon", "reckons", "says",  # "my parents think." (what they think was cut off)
    "believe",  # "you can't quite believe" (what they can't believe was cut off)
})
_CUT_VERBS = frozenset({"believe", "think", "thinks", "reckon", "reckons", "says"})  # what follows was cut off
_WH = re.compile(r"\b(?:what|where|who|how|which|whatever|wherever)\b", re.IGNORECASE)
_WORD_CHAR = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'%")


def _last_word(text: str) -> str:
    """The last run of word characters (letters, digits, ' and %), found from the end: linear on any input."""
    end = len(text)
    while end and text[end - 1] not in _WORD_CHAR:
        end -= 1
    start = end
    while start and text[start - 1] in _WORD_CHAR:
        start -= 1
    return text[start:end]


_AUX = frozenset({"is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does", "did", "will",
                  "would", "can", "could", "should", "may", "might", "must", "shall", "says", "said"})
# two verbs told one after the other, no joiner: "you quit just walked out"
_RUN_ON_VERBS = re.compile(
    r"\b([a-z]+)(?: (?:today|tonight|yesterday|just|then|literally|basically|straight))+ ([a-z]+)\b"
)
_NOT_FIRST = frozenset({"was", "were", "had", "has", "have", "is", "are", "got", "get", "be", "been", "being", "did",
                        "do", "does", "it", "that", "you", "and", "but", "or", "so"})
# "and" followed by no clause at all: "... for two months now and this country", "... your leave and two full
# weeks" (sentences of the message run together)
_AND_TAIL = re.compile(
    r"\band ((?:this|that|these|those|[0-9]\w*|two|three|four|five|six|seven|eight|nine|ten)\b(?: [^\s,;]+){0,2})$",
    re.IGNORECASE,
)
# the same hedge twice: "what you think you should have said" after "thinking about"
_HEDGE = re.compile(r"\b(?:think(?:ing|s)?|wonder(?:ing|s)?|worr(?:y|ying|ied)|going over|replaying)\b", re.IGNORECASE)
_YOU_THINK = re.compile(r"\byou think\b", re.IGNORECASE)
_FEELS_LIKE = re.compile(r"\bfeels? like\b", re.IGNORECASE)


def _hedged_twice(text: str) -> bool:
    """A hedge and then "you think", or "feels like" twice (each a search from where the last ended: linear)."""
    if (m := _HEDGE.search(text)) is not None and _YOU_THINK.search(text, m.end()):
        return True
    return (m := _FEELS_LIKE.search(text)) is not None and _FEELS_LIKE.search(text, m.end()) is not None


# "you go miss your cousin wedding": Nigerian Pidgin's "go" before a verb, not English to say back
_PIDGIN_GO = re.compile(
    r"\b(?:you|we|they|he|she|i) go (?!(?:to|and|home|back|out|in|up|down|for|on|off|with|through|over|away|ahead|"
    r"there|here|crazy|mad|quiet|first|straight|round|around|outside|inside|together|now|again)\b)[a-z]+\b(?<!ing)"
)
_OPEN_QUOTE = re.compile(r"(?:^|\s)['‘\"“](?=\w)")
_CLOSE_QUOTE = re.compile(r"(?<=\w)['’\"”](?=[\s,.!?]|$)")
_COMMA = re.compile(r",\s+")
# A hedge or aside that opened their message, not part of what happened: "(gonna be honest) the new job is boring",
# "(don't laugh but) you won the pub quiz", "(not to brag but) you fixed the sink".
_ASIDE = re.compile(
    r"^(?:(?:you're |you are )?(?:going to|gonna|got to|gotta) be honest|to be honest|not (?:going to|gonna) lie|"
    r"ngl|tbh|lowkey|low key|not to brag|(?:you )?don'?t (?:laugh|judge|hate (?:me|you))|real talk)\b,?(?: but\b)?,? +",
    re.IGNORECASE,
)
# "you are running on fumes" said back uncontracted reads stiff in a text
_YOU_ARE = re.compile(
    r"(?<!\bwhere )(?<!\bthan )(?<!\bas )(?<!\bwho )(?<!\bwhat )(?<!\bhow )(?<!\bwherever )\byou are "
    r"(?!(?:about|there|here|in|at|on|to|with|for|from|now|today|too|and|but|or)\b)(?=[a-z])"
)
# A name typed in lower case ("tell leah", "moving to melbourne", "maya lost her tooth"), found where names
# stand: after a word that takes one, or opening the clause before a verb told of someone.
_NAME_SPOT = re.compile(
    r"\b(?:to|from|in|tell|told|telling|visit|visiting|named|called|meet|met|asked|texted|(?:you|me) and|lent|loaned|"
    r"gave|owe|owes|paid|blocked|invited|hugged)\s+"
    r"(?!(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|jest|bits|pieces|tears|shock|person|public|labou?r)\b)"
    r"([a-z]{3,})(?='s\b|\b)"
)
# A clause opening on a preposition or joiner is a piece of a sentence: "for telling everyone at dinner",
# "if you try to explain it'll come out wrong".
_FRAGMENT_START = re.compile(
    r"^(?:for|about|with|by|because|cos|since|if|when|after|before|from|of|at|than|as|unless|until|while)\b",
    re.IGNORECASE,
)
# Hiberno-English "after doing" (just done): "what you're after doing on her" is not ours to say back
_AFTER_DOING = re.compile(r"\b(?:you're|you are|you've) after [a-z]+ing\b",
                          re.IGNORECASE)
# "inverter not working": a "not ...ing" with nothing to hang on ("the inverter's not working" has)
_BARE_NOT = re.compile(r"(?:^|\band )(?:(?:the|your|my|our|a|an) )?([a-z']+) (?:also |still )?not [a-z]+ing\b",
                       re.IGNORECASE)
# "your white shirt 5 minutes": a time cut off from what it was before or after
_CUT_TIME = re.compile(
    r"\b([a-z]+) (?:[0-9]+|a few|two|three|four|five|ten|twenty) (?:min|mins|minutes|hours|hrs|seconds|secs)$",
    re.IGNORECASE,
)
_TIME_BEFORE = frozenset({"for", "in", "after", "about", "than", "to", "within", "over", "under", "only", "just",
                          "like", "wait", "waited", "waiting", "took", "take", "takes", "spent", "spend", "every",
                          "last", "first", "next", "another", "the", "a", "by", "around", "nearly", "almost", "least",
                          "lasted", "late", "early", "ran", "run", "slept", "sleep", "cried", "talked", "yelled",
                          "shouted", "screamed", "stood", "sat", "queued", "drove", "walked", "ago", "extra"})


@lru_cache(maxsize=2048)  # the same clause fills several slots of one reply
def repaired(said: str, told: str = "") -> str:
    """`said` (their words, said back in second person) with what can be mended in place mended: a typo copied
    ("its" for "it's", "everyones"), a filler before a count ("like 4 times"), a vocative or interjection left at
    its start ("mate the footy trip's off"), a family word typed as a name ("Mum's" is "your mum's"), a word
    shouted in capitals, and the Irish "your man" (that fella), which is not the listener's "my man".

    >>> repaired("you told me about the appointment like 4 times")
    'you told me about the appointment 4 times'
    >>> repaired("mate the footy trip's off"), repaired("you're heading to Mum's for the arvo")
    ("the footy trip's off", "you're heading to your mum's for the arvo")
    """
    out = _TYPO.sub(lambda m: _TYPED[m.group()], _ITS_IS.sub("it's ", said))
    out = _LIKE_COUNT.sub("", out)
    opened = list(_OPEN_QUOTE.finditer(out))
    if len(opened) > len(_CLOSE_QUOTE.findall(out)) and not _CLOSE_QUOTE.search(out, opened[-1].end()):
        quote = opened[-1].group().strip()
        out = out.rstrip(" .!?") + {"‘": "’", "“": "”"}.get(quote, quote)  # "your 'energy' is 'a lot": closed
    out = _VOCATIVE.sub("", out)
    if (aside := _ASIDE.sub("", out)) != out and len(aside.split()) >= 3:
        out = aside
    out = _YOU_ARE.sub("you're ", out)
    out = _THEY_ARE.sub(_contracted, out)
    out = _BARE_PASSIVE.sub(lambda m: m.group(1) + "'s " + m.group(2), out)
    out = _OKAY_JUST.sub(r"okay, \1 ", out)
    out = _WITH_OUT.sub("without", out)
    out = _WHEN_REACH.sub("when you got there", out)  # Nigerian English "when I reach": when I got there
    out = _HEADLINE.sub(lambda m: f"the {m.group(1).lower()}'s {m.group(2)}", out)
    spliced = _SHORT_SPLICE.match(out)
    if spliced is not None and ("'s " in spliced.group(1) or _BARE_PASSIVE.search(spliced.group(1))):
        out = spliced.group(1) + " and " + out[spliced.end():]  # "the sale's agreed and you're still shaking"
    out = _common_start(out)
    out = _NAME_SPOT.sub(_named, out)
    out = _KIN_NAME.sub(lambda m: "your " + m.group(1).lower(), out)
    out = _SHOUTED.sub(lambda m: m.group().lower(), out)
    out = spelled_out(out)
    out = unowned_names(out)
    out = _JUST_DONE.sub(_just_done, out)
    out = _WORK_TOLD_US.sub(lambda m: m.group(1) + "you all", out)
    out = _NAME_SUBJECT.sub(_subject_named, out)
    if (m := _QUOTE_RUN_ON.search(out)) is not None and len(out[: m.start()].split()) >= 4:
        out = out[: m.start() + 1]  # "... articles about 'young people and debt' | you get it your dad"
    if told and (m := YOUR_ONE.search(told)):
        out = re.sub(rf"\bmy {m.group(1)}\b", f"your {m.group(1)}", out)
    parts = _COMMA.split(out)
    if len(parts) > 1 and _splice(parts) and len(parts[0].split()) >= 3 and not _verbless(parts[0]):
        out = parts[0]  # a comma splice is cut to its first clause: "you've stuffed up the tax return"
    if (m := _AND_TAIL.search(out)) is not None and _verbless(m.group(1), lenient=False):
        head = out[: m.start()].rstrip(" ,")
        if len(head.split()) >= 3 and not _verbless(head):
            out = head  # two sentences run together: "your oga finally signed your leave | and two full weeks"
    if _last_word(out).lower() in _CUT_VERBS and " and " in out:
        head = out.rsplit(" and ", 1)[0].rstrip(" ,")
        if len(head.split()) >= 3 and not _verbless(head):
            out = head  # "your nan's funeral's been sorted for Friday | and you can't quite believe"
    if (m := _run_on(out)) is not None and len(out[: m.start(2)].split()) >= 2:
        out = out[: m.end(1)]  # "you quit | today just walked out"
    return out


# Texting shorthand said back in full: "lonely n don't know why", "the biopsy thurs", "starts in feb", "tv".
_AND_N = re.compile(r"(?<=[a-z']) n (?=[a-z])")
_DAYS = {"tues": "Tuesday", "tue": "Tuesday", "weds": "Wednesday", "thurs": "Thursday", "thur": "Thursday",
         "thu": "Thursday"}
_DAY_SHORT = re.compile(
    r"\b(?:(on|this|next|by|til|till|until|since|from|last) )?(tues|tue|weds|thurs|thur|thu)\b(?!')", re.IGNORECASE
)
_DAY_NAME = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(s?)\b")
_MONTHS = {"jan": "January", "feb": "February", "mar": "March", "apr": "April", "jun": "June", "jul": "July",
           "aug": "August", "sep": "September", "sept": "September", "oct": "October", "nov": "November",
           "dec": "December", "january": "January", "february": "February", "march": "March", "april": "April",
           "june": "June", "july": "July", "august": "August", "september": "September", "october": "October",
           "november": "November", "december": "December"}
_MONTH = re.compile(
    r"\b(in|by|til|till|until|since|from|of|early|late|mid|end of|start of|next|this|last) "
    r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b(?!')"
)
_HOLIDAY = re.compile(r"\b(thanksgiving|christmas|easter|diwali|eid|halloween|hanukkah|ramadan|passover|xmas)\b")
_SHORT_FORMS = re.compile(r"\b(?:tv|mat leave|uni)\b")
_SHORT_SAID = {"tv": "TV", "mat leave": "maternity leave", "uni": "uni"}


def spelled_out(said: str) -> str:
    """Texting shorthand said back in full, the way a partner would say it.

    >>> spelled_out("you feel lonely n don't know why")
    "you feel lonely and don't know why"
    >>> spelled_out("you're scared about the biopsy thurs"), spelled_out("the new one starts in feb")
    ("you're scared about the biopsy on Thursday", 'the new one starts in February')
    """
    out = _AND_N.sub(" and ", said)
    out = _DAY_SHORT.sub(lambda m: f"{m.group(1) or 'on'} {_DAYS[m.group(2).lower()]}", out)
    out = _DAY_NAME.sub(lambda m: m.group(1).capitalize() + m.group(2), out)
    out = _MONTH.sub(lambda m: f"{m.group(1)} {_MONTHS[m.group(2)]}", out)
    out = _HOLIDAY.sub(lambda m: "Christmas" if m.group(1) == "xmas" else m.group(1).capitalize(), out)
    return _SHORT_FORMS.sub(lambda m: _SHORT_SAID[m.group()], out)


# "your Alfie", "your Coach Harris": a name is nobody's to own once said back ("Our Alfie scored" is Alfie)
_YOUR_NAME = re.compile(r"\b[Yy]our ((?:(?:Coach|Mr|Mrs|Ms|Dr|Miss|Pastor|Professor|Sir)\.? )?([A-Z][a-z]+))\b(?!')")


def unowned_names(said: str) -> str:
    """`said` with "your" left off before a name ("your Coach Harris" -> "Coach Harris"); a family word used as a
    name ("your Mum", "your Nana") and a word in common use ("your Honda") keep it.

    >>> unowned_names("your Alfie scored his first goal"), unowned_names("your Mum rang")
    ('Alfie scored his first goal', 'your Mum rang')
    """
    def drop(m: re.Match[str]) -> str:
        name = m.group(2).lower()
        titled = m.group(1) != m.group(2)
        if name in _NOT_NAMES or (not titled and name in common_words()):
            return m.group()
        return m.group(1)

    return _YOUR_NAME.sub(drop, said)


# The Irish "after doing" (just done) said back in plain English: "your mam's after asking you" is "your mam's just
# asked you"; their own "you're after saying" and a verb not listed are left to `well_formed`.
_DONE = {"telling": "told", "asking": "asked", "saying": "said", "ringing": "rung", "calling": "called",
         "texting": "texted", "leaving": "left", "breaking": "broken", "doing": "done", "getting": "got",
         "making": "made", "sending": "sent", "finding": "found", "buying": "bought", "booking": "booked",
         "losing": "lost", "giving": "given", "taking": "taken", "eating": "eaten", "selling": "sold",
         "falling": "fallen", "crashing": "crashed", "landing": "landed", "quitting": "quit", "announcing": "announced"}
_JUST_DONE = re.compile(r"(?<!\byou)(?<!\bwe)\b(is|'s|was) after (" + "|".join(_DONE) + r")\b")


def _just_done(m: re.Match[str]) -> str:
    has = {"is": "has", "'s": "'s", "was": "had"}[m.group(1)]
    return f"{has} just {_DONE[m.group(2)]}"


# "us" when a boss or the company tells it is the partner and their workmates, not the two of you
_WORK_TOLD_US = re.compile(
    r"\b((?:the|your|their) (?:boss|manager|management|company|ceo|director|hr|owner|owners|supervisor|principal|"
    r"head|bosses|firm)\b(?: has| have| had)?(?: just)? (?:told|tells|telling|emailed|called|gave|asked|informed|"
    r"warned|sent|promised|showed) )us\b",
    re.IGNORECASE,
)


# "he is selling the house", "it is stressful" said back uncontracted read stiff: "he's selling", "it's stressful"
_CONTRACTED = {"he is": "he's", "she is": "she's", "it is": "it's", "they are": "they're", "that is": "that's",
               "there is": "there's", "we are": "we're"}
_THEY_ARE = re.compile(
    r"(?<!\bwhere )(?<!\bthan )(?<!\bas )(?<!\bwho )(?<!\bwhat )(?<!\bhow )(?<!\bwherever )(?<!\bwhether )"
    r"(?<!\bif )(?<!\bin )(?<!\bof )(?<!\bon )(?<!\bat )(?<!\bwith )(?<!\bfor )(?<!\babout )(?<!\bfrom )(?<!\bto )"
    r"(?<!\bby )\b(he|she|it|they|that|there|we) (is|are) "
    r"(?!(?:about|there|here|in|at|on|to|with|for|from|now|today|too|and|but|or|what|who|how)\b)(?=[a-z])"
)


def _contracted(m: re.Match[str]) -> str:
    said = _CONTRACTED.get(f"{m.group(1).lower()} {m.group(2)}")
    if said is None:
        return m.group()  # "there are", "he are": as typed
    return (said[:1].upper() + said[1:] if m.group(1)[:1].isupper() else said) + " "

# A texted "flight delayed 5 hours", "train cancelled": a thing that was held up or called off, said with its verb
_BARE_PASSIVE = re.compile(
    r"\b((?:your|the|our|my) (?:flight|train|bus|surgery|operation|appointment|delivery|order|parcel|package|"
    r"salary|paycheck|payment|meeting|interview|class|exam|match|game|gig|show|wedding|trip|holiday)) "
    r"(delayed|cancelled|canceled|postponed|rescheduled)\b(?! (?:it|us|me|you|him|her|them|the|our|your|my)\b)"
)
# "you're ok just drained": the turn to what is true is marked ("you're okay, just drained")
_OKAY_JUST = re.compile(r"(?<=\byou're )(?:ok|okay) (just|only|but|mostly)\b ")


# "it's just that Marisol": what "it's just that" led to was cut off after its first word
_THAT_CUT = re.compile(r"\b(?:it's|it is|thing is|the thing is)(?: just| only)? that \S+$", re.IGNORECASE)
# A texted headline: "Sale agreed, ..." is "the sale's agreed"
_HEADLINE = re.compile(
    r"^(?i:(sale|offer|mortgage|loan|visa|application|flight|train|surgery|contract|deal|bid|claim|refund|appeal)) "
    r"(agreed|accepted|approved|rejected|declined|refused|cancelled|canceled|delayed|postponed|granted|denied)\b"
)
# Two short clauses joined by a comma alone, the second with its own subject: joined by "and" as said aloud
_SHORT_SPLICE = re.compile(
    r"^((?:\S+ ){1,3}\S+), (?=(?:you|you're|you've|we|we're|we've|they|they're|she|she's|he|he's)\b)"
)
_YOUR_AT = re.compile(r"\byour (?:so |really |too )?(?:bad|good|rubbish|terrible|awful|useless) at\b")  # "you're"
_WHEN_REACH = re.compile(r"\bwhen you reach(?:ed)?$")
_DO_BE = re.compile(r"\b(?:you|I|we) (?:don't|do not|do) be\b", re.IGNORECASE)
_WITH_OUT = re.compile(r"\bwith out\b(?! (?:of|the window|the door|loud)\b)")  # a texted "w out" is "without"
# who says or asks: a capitalised first word before one of these may be a name ("Will said", "Grace rang")
_TELLS = frozenset({"said", "says", "told", "tells", "asked", "asks", "called", "rang", "texted", "thinks", "wants",
                    "and"})


def _common_start(said: str) -> str:
    """The capital of the message's first word left off when it is said back mid-sentence and is a common word,
    not a name or a family word: "Appraisal meeting happened" -> "appraisal meeting happened"."""
    m = re.match(r"([A-Z][a-z]+)('s)?\b(?: (\w+))?", said)
    if m is None:
        return said
    word, nxt = m.group(1).lower(), (m.group(3) or "").lower()
    if word in _NOT_NAMES or word in _KEEP_CAPITAL or nxt in _TELLS or (m.group(3) or "x")[:1].isupper():
        return said
    # a rarer word ("Appraisal") only before a noun it names ("meeting"), never before a verb ("Sarah cancelled")
    noun_next = m.group(2) is None and nxt in common_words() and not nxt.endswith(("ed", "s")) \
        and nxt not in _IRREGULAR_PAST and nxt not in _AUX and nxt not in _SAME_PAST and find_verb(nxt) is None
    if word in common_words() or (word in english_words() and noun_next):
        return said[:1].lower() + said[1:]
    return said


_KEEP_CAPITAL = frozenset({"i", "god", "dr", "mr", "mrs", "ms", "miss", "coach", "edit",
                           "christmas", "easter", "monday", "tuesday", "wednesday", "thursday", "friday",
                           "saturday", "sunday", "mum", "mom", "dad", "nan", "gran", "mam", "da"})


# A name typed in lower case as the subject of a clause: "sarah presented it", "and jake bailed on us".
_NAME_SUBJECT = re.compile(
    r"(?:^|(?<=\band )|(?<=\bbut )|(?<=\bthat )|(?<=\bso )|(?<=\bwhen ))([a-z]{3,})(?= (?:is|was|has|had|keeps|kept|"
    r"said|says|told|asked|texted|called|rang|presented|bailed|cancelled|canceled|forgot|left|quit|yelled|shouted|"
    r"cried|laughed|won't|didn't|doesn't|never|just|still|wants|wanted|thinks|thought|got|gets|took|started|"
    r"starts|stopped|lost|broke|ignored|blanked|snapped|posted|invited|messaged|replied|came|went|[a-z]{3,}ed)\b)"
)
# A quote closed and a new clause run on after it with no joiner: "... about 'young people and debt' you get it"
_QUOTE_RUN_ON = re.compile(r"(?<=\w)['’\"”] (?:you|i|he|she|they|we)\b (?:\w+ )*\w+$")


def _subject_named(m: re.Match[str]) -> str:
    """A lower-case subject capitalised only when it is a known word yet no common one ("sarah", "jake"): a rare
    noun ("bloodwork came back") is left as typed."""
    return _named(m) if m.group(1) in english_words() else m.group()


def _named(m: re.Match[str]) -> str:
    """A word in a name's place kept as typed unless it is no common word ("leah", "dundee"): then a name."""
    word = m.group(1)
    if word in common_words() or word in _TYPED or not word.isalpha() or word.endswith(("ed", "ing", "ly", "ty")) \
            or word in _NOT_NAMES:
        return m.group()
    return m.group()[: m.start(1) - m.start()] + word.capitalize()


def _run_on(text: str) -> re.Match[str] | None:
    """Two verbs told one after the other with no joiner ("you quit just walked out"): the match, or None."""
    for m in _RUN_ON_VERBS.finditer(text.lower()):
        first, second = m.group(1), m.group(2)
        past = first in _IRREGULAR_PAST or first in _SAME_PAST or (first.endswith("ed") and len(first) > 4)
        if past and first not in _NOT_FIRST and (second in _IRREGULAR_PAST or second.endswith("ed")):
            return m
    return None


def _subject_first(part: str) -> bool:
    return has_subject(part) or re.match(r"^[A-Z][A-Za-z]*(?:'s)? ", part) is not None


def _splice(parts: list[str]) -> bool:
    """Whether two whole clauses of some length are joined by a comma alone ("sale agreed, you're shaking" is
    short enough to read as one)."""
    return len(parts[0].split()) >= SPLICE_MIN_WORDS and not _verbless(parts[0]) and any(
        len(p.split()) >= SPLICE_MIN_WORDS and _subject_first(p) and not _verbless(p, lenient=False) for p in parts[1:])


SPLICE_MIN_WORDS = 4


def _verbless(part: str, lenient: bool = True) -> bool:
    """Whether no word of `part` can be its verb (`lenient`: any "-s" word may be one, "payments restart")."""
    words = [w.lower().strip(",.!?") for w in part.split()]
    return (not lenient or find_verb(part) is None) and not any(
        w in _AUX or w in _PARTICIPLES or w in _IRREGULAR_PAST or w in _SAME_PAST
        or w.endswith(("ed", "ing", "n't", "en")) or (lenient and len(w) > 3 and w.endswith("s"))
        or re.search(r"'(?:s|re|ve|ll|d|m)$", w) for w in words
    )


# A report with no verb may still read as a phrase when it opens on what it is about: "three hours on the bridge",
# "the promotion", "your first paycheck".
_NOUN_OPENERS = frozenset({"the", "a", "an", "your", "our", "my", "his", "her", "their", "this", "that", "two", "three",
                           "four", "five", "six", "seven", "eight", "nine", "ten", "another", "first", "no"})
_SAME_PAST = frozenset({"read", "put", "cut", "hit", "set", "let", "quit", "shut", "hurt", "cost", "split", "spread"})


# A "was" or "has" cut from what it said, left before a joiner: "your birthday was | and your dad".
# ... or with only a time left after it, and a bare someone after the joiner: "your birthday was yesterday | and
# your dad".
_BE_CUT = re.compile(
    r"\b(?:was|were|is|are|has|have|had|been)\s+(?:and|but|or|because)\b"
    r"|\b(?:was|were|is|are)\s+(?:yesterday|today|tonight|last \w+|this \w+) (?:and|but) "
    r"(?:your|the|his|her|their|our) [\w']+$",
    re.IGNORECASE,
)
# Two sentences run together at a time phrase: "your anxiety has been bad this week | you couldn't even go".
_TIME_RUN_ON = re.compile(
    r"\S \b(?:this|last|all|every) (?:week|month|year|morning|night|day|weekend|evening|afternoon) "
    r"(?:you|you're|you've|he|she|they|we|it)\b",
    re.IGNORECASE,
)


# A subject left over from what was cut before it: "you | she and Marcus are separating".
_TWO_SUBJECTS = re.compile(r"^you (?:she|he|they|we|it|i)\b", re.IGNORECASE)
# What they saw or heard, cut after its first word: "you saw on insta that jess".
_SAW_THAT_CUT = re.compile(
    r"\b(?:saw|seen|heard|read|found out|noticed|realised|realized)\b(?: on \w+)? that [A-Za-z]+$", re.IGNORECASE
)


@lru_cache(maxsize=2048)
def well_formed(said: str) -> bool:
    """Whether `said`, their words as said back, reads as a whole clause in our mouth (see the module docstring).

    >>> [well_formed(s) for s in ("they cut your hours to twenty a week starting", "you quit just walked out",
    ...                           "your oga has not paid salary for two months now and this country")]
    [False, False, False]
    >>> [well_formed(s) for s in ("you've stuffed up the tax return, ATO's sent a letter", "you got the job")]
    [False, True]
    >>> [well_formed(s) for s in ("your birthday was and your dad", "it's been bad this week you couldn't go out",
    ...                           "your birthday was yesterday and your dad", "you she and Marcus are separating",
    ...                           "you saw on insta that jess")]
    [False, False, False, False, False]
    """
    text = said.strip(" .!?")
    if not text:
        return False
    # "... where it is", "... who you are" end cleanly on "is"; "... at your parents was" does not
    if _last_word(text).lower() in _DANGLING and not _WH.search(text):
        return False
    if len(_OPEN_QUOTE.findall(text)) > len(_CLOSE_QUOTE.findall(text)):
        return False  # "the client emailed to say they'd 'reconsider the partnership"
    if _hedged_twice(text) or _PIDGIN_GO.search(text.lower()) or _AFTER_DOING.search(text):
        return False
    if _DO_BE.search(text) or _THAT_CUT.search(text) or _YOUR_AT.search(text):
        return False  # their "don't be giving me advice" said back as "you don't be giving you advice"
    if _FRAGMENT_START.match(text):
        return False  # "for telling everyone at dinner about your rash"
    if (m := _BARE_NOT.search(text)) is not None and m.group(1).lower() not in _AUX and "'" not in m.group(1) \
            and m.group(1).lower() not in ("why", "or", "if", "whether", "but", "just", "still", "really"):
        return False  # "the power cut since morning and inverter not working"
    if (m := _CUT_TIME.search(text)) is not None and m.group(1).lower() not in _TIME_BEFORE \
            and _verbless(m.group(1), lenient=False):
        return False  # "you spilled coffee all over your white shirt 5 minutes"
    conjuncts = text.split(" and ")
    for k, part in enumerate(conjuncts[1:-1], start=1):
        if len(part.split()) <= 3 and _verbless(part, lenient=False) and has_subject(conjuncts[k + 1]):
            return False  # "you can't sleep and 3am and your brain won't shut up"
    if (m := _AND_TAIL.search(text)) is not None and _verbless(m.group(1), lenient=False):
        return False
    if _run_on(text) is not None:
        return False  # "you quit just walked out"
    if _BE_CUT.search(text) or _TIME_RUN_ON.search(text) or _TWO_SUBJECTS.match(text) or _SAW_THAT_CUT.search(text):
        # "your birthday was and your dad", "your anxiety has been bad this week you couldn't go", "you she and Marcus
        # are separating", "you saw on insta that jess"
        return False
    parts = _COMMA.split(text)
    if len(parts) > 1 and _splice(parts):
        return False  # a comma splice: "you've stuffed up the tax return, ATO's sent a letter"
    words = text.split()
    if len(words) >= 3 and _verbless(text) and words[0].lower() not in _NOUN_OPENERS and not words[0][:1].isdigit():
        return False  # no clause at all: "meh, no idea why", "low for no reason"
    head = re.split(r" and | but ", text, maxsplit=1)[0]
    return not (len(head.split()) >= 3 and "," not in head and _verbless(head))  # "you still no reply from hr"


# the teller's words and ours for the same thing, so a clause said back is matched against what they typed
_AS_TOLD = {"you": "i", "you're": "i'm", "you've": "i've", "you'd": "i'd", "you'll": "i'll", "your": "my",
            "yourself": "myself"}
_TOKEN = re.compile(r"[a-z0-9']+")
COPY_FROM_THEM = 0.85  # of the clause said back is their words ...
COPY_OF_THEIRS = 0.6  # ... and it says back this much of a message no longer than
COPY_MAX_WORDS = 18


def copied(said: str, told: str) -> bool:
    """Whether `said`, a clause said back, is little more than their message copied ("Sounds like you've been
    having headaches every afternoon this week." for "I've been having headaches every afternoon this week."):
    nearly all of it their words, and most of what they wrote. A reflection that only parrots is better left out.

    >>> copied("you've been having headaches every afternoon this week",
    ...        "I've been having headaches every afternoon this week.")
    True
    >>> copied("you think layoffs are coming", "ngl i think layoffs are coming. everyone in my dept is whispering")
    False
    """
    theirs = [_typed(w) for w in _TOKEN.findall(told.lower().replace("’", "'"))]
    ours = [_AS_TOLD.get(w, w) for w in _TOKEN.findall(said.lower().replace("’", "'"))]
    if not theirs or not ours or len(theirs) > COPY_MAX_WORDS:
        return False
    mine = {w.replace("'", "") for w in ours}
    told_set = {w.replace("'", "") for w in theirs}
    from_them = sum(w.replace("'", "") in told_set for w in ours) / len(ours)
    of_theirs = sum(w.replace("'", "") in mine for w in theirs) / len(theirs)
    return from_them >= COPY_FROM_THEM and of_theirs >= COPY_OF_THEIRS


# their typed words as the words said back, for `copied` (built once, not per word)
_AS_TYPED = {"im": "i'm", "ive": "i've", "id": "i'd", "u": "you", "ur": "your", "bf": "boyfriend", "gf": "girlfriend",
             "w": "with", "min": "minutes", "mins": "minutes", "hrs": "hours", "bc": "because", "tmrw": "tomorrow",
             "dont": "don't", "cant": "can't", "wont": "won't", "its": "it's"}


def _typed(word: str) -> str:
    return _AS_TYPED.get(word, word)


__all__ = ["YOUR_ONE", "copied", "repaired", "spelled_out", "unowned_names", "well_formed"]
