"""What a reply is built from: the message as the partner meant it, what happened in it, the feeling to
name (if any), its tone, and whether it is good news.

`hear()` reads the message with small rules; this module adds what rules cannot: the chat register is
expanded first (`typed.as_meant`), the part to echo is the sentence richest in content
(`echo.what_happened`) when the rules found no better event, and the feeling comes from the feelings
reader (`feelings.read_feeling`), never from a keyword.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import cache

from openup.coach.echo import candidates, content_words
from openup.coach.feelings import FeelingRead, read_feeling, taken_back, vocabulary
from openup.coach.feelings import good_news as reader_good_news
from openup.coach.feelings import good_news_chance as reader_good_news_chance
from openup.coach.fitting import grave_news
from openup.coach.gistreact import CONDESCENDED
from openup.coach.heard import NOT_SURE_LEAD, SELF_JUDGEMENT, Heard, hear
from openup.coach.heard_clauses import split_sentences
from openup.coach.heard_event import CHITCHAT, PAST, VERBISH
from openup.coach.heard_feelings import HARD_HINT, Feeling, feeling_lists, likely_feelings
from openup.coach.heard_verbs import find_verb, is_happening, is_past, is_whole_clause
from openup.coach.heard_words import alternation, word_tuple
from openup.coach.irony import cheered_at, setback_in, verdict_at
from openup.coach.news import fell_short, good_news_said, good_news_told, good_part, is_long, says_good, turned
from openup.coach.perspective import to_second_person
from openup.coach.situations import lost_one, whose_loss
from openup.coach.typed import as_meant
from openup.method import read_data

READER_WHOLE_WORDS = 60  # a message up to this long is read whole by the feelings reader (its lines were whole)
TONE_TOP = 5  # words of the reader whose tone decides the message's tone
TONE_MIN = 0.25  # the top word's probability below which the tone is left neutral
GOOD_NEWS_SHARE = 0.65  # share of the top words' weight that must be pleasant for good news
# ... and at most this share for a hard tone: between the two the reader is torn ("i fixed the sink myself":
# proud, frustrated, annoyed), and the reply says back what happened without "oh no" or cheer. Chosen on the
# dev half: of 21 messages it moves to neutral, 9 were good news met as a setback; most of the rest were mixed
# or joking ("wrecked me in a good way"), and none is answered with cheer.
HARD_SHARE = 0.4
# The good-news head's chance that is enough when the message is told with excitement and a glad tone (below
# the head's own cut-off): "omg they gave me the corner office im screaming", "my sourdough finally rose!!!".
# Chosen on the dev half: it finds 14 more of its good news and no message that was not (and 2 of the first
# 1,500 public partner texts, where "!" is common).
GOOD_NEWS_EXCITED = 0.4
_EXCITED = re.compile(r"!|(?<!\w)(?:" + alternation(word_tuple("news", "excited")) + r")(?!\w)", re.IGNORECASE)
_SHOUTED = re.compile(r"\b[A-Z]{2,}(?:'[A-Z]+)?\s+[A-Z]{2,}(?:'[A-Z]+)?\b")  # two words in capitals: "GOT TICKETS"


def told_excitedly(text: str) -> bool:
    """Whether `text` is told with excitement: an exclamation mark, two words in capitals, or a word of
    `[news] excited` ("omg", "finally", "🎉").

    >>> told_excitedly("omg they gave me the corner office"), told_excitedly("the meeting ran late")
    (True, False)
    """
    return _EXCITED.search(text) is not None or _SHOUTED.search(text) is not None


@dataclasses.dataclass(frozen=True, slots=True)
class Reading:
    """`heard` with its event, feelings and valence replaced by what the reply will use, and whether the
    message is good news."""

    heard: Heard
    good_news: bool
    mocked: bool = False  # cheer or praise said of a setback (`cheered_setback`): no good news, no praise of you


@cache
def mood_table() -> dict[str, str]:
    """Feeling word -> mood, from `[moods]` in `method/replies.toml`."""
    table = read_data("replies.toml")["moods"]
    return {str(w): str(mood) for mood, words in table.items() for w in words}


def _tone(read: FeelingRead) -> tuple[str, float]:
    """(negative | positive | neutral, share of pleasant weight among the reader's top words)."""
    vocab = vocabulary()
    if read.word is not None:
        tone = vocab[read.word]
        return ("neutral" if tone == "mixed" else tone), (1.0 if tone == "positive" else 0.0)
    top = read.scores[:TONE_TOP]
    if not top or top[0][1] < TONE_MIN:
        return "neutral", 0.5
    pos = sum(p for w, p in top if vocab.get(w) == "positive")
    neg = sum(p for w, p in top if vocab.get(w) == "negative")
    share = pos / (pos + neg) if pos + neg else 0.5
    return ("positive" if share >= 0.5 else "negative"), share


def tells_something(clause: str) -> bool:
    """A clause worth saying back: a subject and a verb, or a verb and two content words ("Rohan didn't
    even call for your birthday", where the rules find no subject in a name), never a bare fragment."""
    told = VERBISH.search(clause) is not None or PAST.search(clause.lower()) is not None
    return is_whole_clause(clause) or (told and len(content_words(clause)) >= 2)


def _echo(meant_whole: str, skip: str | None = None, *, news: bool = False) -> str | None:
    """The best part of the message to say back whose reflection the detectors read as harmless
    (reported speech such as "the doctor said I need to rest" reads as advice when said back). `skip`: a
    part already said back another way (what they are unsure about), left to its own template. `news`:
    only a part that carries the news of a long message (`echo.candidates`)."""
    from openup.coach.listen import harmless_said_back

    harmless: str | None = None
    for echo in candidates(meant_whole, news=news)[:3]:
        if CHITCHAT.match(echo) or not tells_something(echo):
            continue  # "thanks", "good point", "in front of everybody": nothing to say back
        if _LISTENER_SUBJECT.search(echo) and not _THEIR_OWN_ACT.match(echo):
            continue  # "you hope I have a good day": a pleasantry to you, not their story
        if skip:
            echo = _UNSURE_TAIL.sub("", echo)  # "... and you don't know what you did": the doubt has its own words
            if set(content_words(echo)) <= set(content_words(skip)) | _UNSURE_WORDS:
                continue
        theirs = _SAYS_YOU.match(echo) is not None  # said back, it reads as a reflection of their story
        if harmless is not None and not theirs:
            continue
        if _REQUEST.match(echo) or not harmless_said_back("It sounds like ", echo):
            continue
        if harmless is None:
            harmless = echo
            if news or theirs or len(content_words(echo)) > WEAK_ECHO_WORDS or _ACTION.search(echo):
                return echo  # `news`: already ranked by what carries the news ("the school rang about Kofi")
        else:
            return echo  # "funeral is Thursday" says little; "you've got to do the eulogy" is their story
    return harmless


_UNSURE_WORDS = frozenset({"sure", "idea", "clue", "don't", "know"})
_UNSURE_TAIL = re.compile(r",? and (?:you don't know|you're not sure|you have no idea)\b.*$")
# A request to the listener ("please don't try to fix it", "just listen na"): answered, not said back.
_REQUEST = re.compile(r"^(?:please |pls )?(?:don't|do not|just listen|no (?:advice|questions)|can I|let me)\b", re.I)
_SAYS_YOU = re.compile(r"^[^.!?]{0,36}\b(?:you|your|you're|you've|yours|yourself)\b")
# An echo with this many content words or fewer and no action ("funeral is Thursday") gives way to one that
# is their own story ("you've got to do the eulogy"); "the neighbours are drilling again" is an action.
WEAK_ECHO_WORDS = 3
_ACTION = re.compile(r"\b\w{3,}(?:ed|ing)\b")
# The listener as the one who acts ("I"): said back, the clause is about you, not them ("my dad said" is
# still their story).
# People (and work) of the one who says "my": "my dad said ..." is still the speaker's story about them.
MY_PEOPLE = (r"(?:mum|mom|mam|ma|da|dad|mother|father|parents|family|sister|brother|friends?|mates?|gran\w*|"
             r"grandma|grandpa|nan\w*|aunt\w*|uncle|cousins?|boss|ex|kids?|son|daughter|work|job|folks)")
_LISTENER_SUBJECT = re.compile(rf"\b(?:I|I'm|I've|I'd|I'll|myself|mine)\b|\bmy\b(?! {MY_PEOPLE}\b)")
# What they did, even to you: "you didn't sleep and took it out on me" is their story.
_THEIR_OWN_ACT = re.compile(
    r"^you (?:\w+ly )?(?:\w+ed|went|got|took|made|said|told|did|didn't|was|were|had|lost|left)\b"
)
# A question or a request to the listener, said as what it is about: "why didnt u tell me" is about
# "you didn't tell me"; "can u not make plans without asking me" about "you make plans without asking me".
_DID_INSTEAD = {"have": "you had", "be": "you were", "get": "you were", "say": "you said", "make": "you made",
                "do": "you did", "tell": "you told"}
_ASKED_OF_YOU: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"^(?:so )?why (?:didn't|did not) you\b", re.I), "you didn't"),
    (re.compile(r"^(?:so )?why (?:don't|do not) you\b", re.I), "you don't"),
    (re.compile(r"^(?:so )?why (?:won't|will not) you\b", re.I), "you won't"),
    (re.compile(r"^(?:so )?why (?:do|did) you\b", re.I), "you"),
    (re.compile(r"^(?:so )?why (?:are|were) you\b", re.I), "you were"),
    (re.compile(r"^(?:can|could|would) you (?:please )?not\b", re.I), "you"),
    # "you didn't have to get so angry" is about "you were so angry"
    (re.compile(r"^you didn't have to (have|be|get|say|make|do|tell)\b", re.I),
     lambda m: _DID_INSTEAD[m.group(1).lower()]),
)
# What you did opens the clause ("I was on my phone"), or follows what they did ("you made dinner and I ate
# in front of the tv").
# "would've been nice if you'd made me a cuppa" is about "you didn't make me a cuppa".
_WISHED = re.compile(
    r"^(?:it )?(?:would(?:'ve| have) been|would be) nice if you(?:'d| had)? (\w+)\b", re.IGNORECASE
)
_BASE = {"made": "make", "asked": "ask", "told": "tell", "called": "call", "helped": "help", "said": "say",
         "noticed": "notice", "texted": "text", "checked": "check", "offered": "offer", "cleaned": "clean",
         "cooked": "cook", "listened": "listen", "thanked": "thank", "remembered": "remember", "came": "come",
         "did": "do", "got": "get", "took": "take", "gave": "give", "planned": "plan", "booked": "book",
         "picked": "pick", "mentioned": "mention", "included": "include", "invited": "invite", "tried": "try",
         "backed": "back", "stood": "stand", "showed": "show", "looked": "look", "bought": "buy"}


# How they feel about what you did leads into it: "i feel like you don't take my job seriously", "it just feels
# like your friends come first", "im just disappointed that you told your mum before me". The feeling is said
# back as something you made them feel ("I've made you feel like I don't take your job seriously"); the
# disappointment as what you did ("I told my mum before you").
_FELT_LEAD = re.compile(
    r"^(?:(?:and|but|so|honestly|tbh|just|like)\W+)*(?:i (?:just |really |kind of |kinda |sometimes |always )*feel"
    r"(?: like| as if| that)?|it (?:just |really |kind of |kinda |sometimes |always )*feels (?:like|as if))\s+"
    r"(?=(?:you|your)\b)",
    re.IGNORECASE,
)
_UPSET_THAT = re.compile(
    r"^(?:(?:and|but|so|honestly|tbh)\W+)*i'?m (?:just |really |so |a bit |kind of |kinda )*(?:disappointed|hurt|"
    r"upset|annoyed|gutted|sad|angry|mad|pissed off|fuming) (?:that|because|when|how) (?=you\b)",
    re.IGNORECASE,
)
_PUT_SECOND = re.compile(r"\b(?:come|comes|came|coming) (?:first|before me)\b|\b(?:anymore|any more)\b", re.IGNORECASE)
# A concession before the complaint: "i know you're stressed but you snapped at me".
_GRANTED = re.compile(
    r"^(?:i know|i get (?:it|that)|i understand|i know that)\b[^.!?]{0,60}?,?\s+but\s+(?=you\b)", re.IGNORECASE
)
# "..., and i didn't deserve that": how it landed, after what you did, is not said back as part of it
_DESERVED = re.compile(r",? and (?:you|i) (?:didn't|did not) deserve (?:that|it|any of (?:it|that))$", re.IGNORECASE)
# They had to say it again and again: "i told you about the appointment like 4 times", "i asked you three times
# this week to sort the car insurance, and you said you would": you did not listen, or did not do it.
_TIMES = r"(?:like |about |literally )?(?:\d+|two|three|four|five|six|ten|a (?:hundred|million|thousand)|so many|" \
    r"multiple|several|a few) times|twice|already|before|again and again"
_TOLD_TIMES = re.compile(
    rf"^i(?:'ve| have)? (told|reminded) you (?:(?:{_TIMES}) )?(about [^,.;!?]+?|that [^,.;!?]+?)\s+(?:{_TIMES})\b",
    re.IGNORECASE,
)
_ASKED_TIMES = re.compile(
    rf"^i(?:'ve| have)? asked you (?:{_TIMES})(?: (?:this|last) (?:week|month)| today)? to ([^,.;!?]+?)"
    rf"(?:,? and you (?:said|promised|swore)\b.*)?$",
    re.IGNORECASE,
)
# A question that says what you did: "wait did you actually tell your brother about my loan??"
_DID_YOU = re.compile(
    r"^(?:(?:wait|so|hold on|um+|hang on|hold up|sorry but|seriously)\W+)*did you (?:actually |really |seriously |"
    r"just |honestly |literally )*([a-z]+)\b(.*)$",
    re.IGNORECASE,
)
_IN_DISBELIEF = re.compile(
    r"\?\?|\?!|!\?|\b(?:asked|told) (?:you|u) not to\b|\bbehind my back\b|\bwithout (?:asking|telling) me\b"
    r"|\bhow could (?:you|u)\b|\bwhy would (?:you|u)\b",
    re.IGNORECASE,
)
_PAST_OF = {**{base: past for past, base in {
    "made": "make", "told": "tell", "said": "say", "came": "come", "did": "do", "got": "get", "took": "take",
    "gave": "give", "stood": "stand", "bought": "buy"}.items()},
    "go": "went", "leave": "left", "forget": "forgot", "eat": "ate", "spend": "spent", "break": "broke",
    "lose": "lost", "sell": "sold", "throw": "threw", "see": "saw", "read": "read", "send": "sent",
    "show": "showed", "put": "put", "let": "let", "bring": "brought", "drink": "drank", "hide": "hid",
    "cancel": "cancelled"}
# What a "did you ...?" question may accuse you of (not "did you see the game?", "did you get my text?")
_ACCUSED = frozenset({"tell", "say", "go", "leave", "forget", "eat", "spend", "break", "lose", "sell", "throw",
                      "read", "send", "show", "bring", "drink", "hide", "take", "give", "invite", "cancel", "lie",
                      "delete", "use", "post", "share", "mention", "promise", "agree", "book", "move", "skip"})


_EMOJI_BREAK = re.compile(r"\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s+(?=[A-Z])")
# What you said or want, granted before their own view ("I know you said we should wait till spring but ..."): not
# a complaint about you.
_CONCEDED = re.compile(
    r"\bi know (?:you|u) (?:said|say|wanted|want|think|thought|told me|were worried)\b[^.!?]{0,80}?(?=,?\s+but\b)",
    re.IGNORECASE,
)
# What you made them feel, or did that they ask about in disbelief ("did you actually ..."), is a grievance
# however glad the reader hears its words.
_MADE_FEEL = re.compile(r"^I've made you feel\b")
_ACCUSING = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:wait|so|hold on|um+|hang on|hold up|seriously)\W+)*did you (?:actually|really|seriously|"
    r"honestly|literally|just)\b",
    re.IGNORECASE,
)


def _past_of(verb: str) -> str:
    verb = verb.lower()
    if verb in _PAST_OF:
        return _PAST_OF[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _told_of_you(sentence: str, accusing: bool = False) -> str:
    """A complaint about you said in a roundabout way, said plainly in their voice: "i feel like you don't take
    my job seriously" -> "you've made me feel like you don't take my job seriously"; "did you actually tell your
    brother about my loan" -> "you told your brother about my loan"; other text as it is."""
    plain = _GRANTED.sub("", sentence)
    if (m := _UPSET_THAT.match(plain)) is not None:
        return plain[m.end():]
    if (m := _FELT_LEAD.match(plain)) is not None and (
        _GRIEVANCE.search(plain[m.end():]) or _PUT_SECOND.search(plain[m.end():])
    ):
        # a hurt, not "i feel like you really get me"
        return "you've made me feel like " + plain[m.end():]
    if (m := _TOLD_TIMES.match(plain)) is not None:
        return f"you didn't listen when i {m.group(1).lower()} you {m.group(2)}"
    if (m := _ASKED_TIMES.match(plain)) is not None:
        return f"you didn't {m.group(1)} when i asked you"
    if accusing and (m := _DID_YOU.match(plain)) is not None and m.group(1).lower() in _ACCUSED:
        return f"you {_past_of(m.group(1))}{m.group(2)}"
    return plain


def _wished(sentence: str) -> str:
    """ "would've been nice if you'd made me a cuppa" -> "you didn't make me a cuppa"; other text as it is."""
    m = _WISHED.match(sentence)
    if m is None or m.group(1).lower() not in _BASE:
        return sentence
    tense = "didn't" if re.search(r"would(?:'ve| have) been", m.group(0), re.I) else "don't"
    rest = re.sub(r"\s*\bfor once\b", "", sentence[m.end():])  # "didn't ask ... for once" is not said
    return f"you {tense} {_BASE[m.group(1).lower()]}" + rest


# "when we're at your friends' houses I disappear and leave you ...": what I do, without when it happens
_WHEN_I_DO = re.compile(r"^(?:when|whenever|every time)\b[^,]+?,?\s+(?=I\b)")
_AND_I_THINK = re.compile(r",? and I (?:think|act like|pretend|say)\b.*$")
_LISTENER_DID = re.compile(r"^(?:I\b|you [^,.]{1,40}? and I\b)")
_GRIEVANCE = re.compile(
    r"\b(?:never|always|don't|doesn't|didn't|won't|wouldn't|can't|not|keep|keeps|only|even|again|forgot|missed|without|"
    r"every (?:day|evening|night|morning|time|weekend))\b"
)
_HURT_WHEN = re.compile(r"^(?:it|that) (?:\w+ )?(?:hurt|stung|sucked|upset you|bothered you) (?:when|that|how) (?=I\b)")
_PROMISED = re.compile(r"^I (?:said|promised)(?: you)? (?:I'?d|I'll|I would|I will)\b", re.I)
# A promise or a "said" told with what came of it ("I said I'd call and didn't", "... but I cancelled"): an act,
# not only words. `listen` reads the tense of a complaint with it too.
KEPT = re.compile(r"\b(?:didn't|did not|never|wasn't|and then|but)\b", re.I)
SAY_BACK_MAX_WORDS = 18
SHORT_EVENT_WORDS = 12  # an event this short is said back with the doubt beside it (`listen`, the short_event slot)
COMPLAINT_MAX_CHARS = 1200


# Their message opens by granting you were right ("ok youre right, i was out of line", "you were right about
# her"): a concession or an apology of theirs, not something you did.
_GRANTS_YOU_RIGHT = re.compile(
    r"^\W*(?:(?:ok|okay|fine|yeah|yes|alright|honestly|look|so)\W+)*(?:you'?re|youre|ur|you are|you were|u were|u r)"
    r" (?:so |totally |completely |probably |actually |dead |100% )?right\b",
    re.IGNORECASE,
)


# What leads into what you did, in a long telling: a turn ("But you said ...") or a count ("This is the third time
# this month you've made plans without asking me").
_COMPLAINT_FRAME = re.compile(
    r"^(?:(?:but|and|so|and now|now)\b,?\s+(?=you\b|you'(?:ve|d|re)\b)|"
    r"(?:this is|that's|that is|it's|it is) (?:the |like the )?(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)|"
    r"hundredth|millionth|umpteenth|nth) time(?: (?:this|that|in a) (?:week|month|year|row)| today| now)?,? "
    r"(?:that )?(?=you\b|you'(?:ve|d|re)\b))",
    re.IGNORECASE,
)


_AND_NOW = re.compile(r",? and (?:now|then) (?=(?:he|she|they|it|my|your|everyone|nobody)\b)", re.IGNORECASE)


# Thanks said in sarcasm for what you did ("thx for telling everyone about my rash btw. really appreciated that 👍",
# "oh sure, thanks SO much for telling me an hour before"): what you did, owned; never taken as thanks.
_SARCASTIC_THANKS = re.compile(
    r"\b(?:thanks|thank you|thank u|thx|ta|cheers)(?: (?:so|SO|very|soo+) much| a lot| a bunch| heaps)?"
    r" for (?P<verb>[a-z]+ing)\b(?P<rest>[^.!?,;\n]*)",
    re.IGNORECASE,
)
# Only plain marks of sarcasm: "really appreciated that" and "btw" close sincere thanks as often as mocking ones
# ("thanks for taking the knife off me last night. really appreciated that"), so they are no cue.
_SARCASM_CUE = re.compile(r"\b(?:oh sure|oh great|great job|love that for me|cool cool|SO much|a LOT)\b|🙄|🙃")
_SARCASM_TAIL = re.compile(r"\s*\b(?:btw|by the way|lol|tho|though)\s*$", re.IGNORECASE)
# What you did, from the "-ing" of the thanks: only verbs whose past is known, so nothing is said back garbled.
_THANKED_FOR = {
    "telling": "tell", "leaving": "leave", "forgetting": "forget", "eating": "eat", "taking": "take",
    "making": "make", "letting": "let", "giving": "give", "bringing": "bring", "showing": "show",
    "inviting": "invite", "sharing": "share", "posting": "post", "mentioning": "mention", "announcing": "announce",
    "cancelling": "cancel", "booking": "book", "ignoring": "ignore", "using": "use", "finishing": "finish",
    "drinking": "drink", "breaking": "break", "losing": "lose", "spending": "spend", "saying": "say",
    "sending": "send", "warning": "warn", "asking": "ask", "checking": "check", "waiting": "wait",
}


def sarcastic_thanks(meant_whole: str) -> str | None:
    """What you did, told as sarcastic thanks ("thanks SO much for telling me an hour before"), as a plain
    complaint ("you told me an hour before"); None when there is no such thanks or its verb is not known.

    >>> sarcastic_thanks("oh great, thanks for eating the last slice btw")
    'you ate the last slice'
    >>> sarcastic_thanks("thanks for making dinner, it was lovely") is None
    True
    """
    m = _SARCASTIC_THANKS.search(meant_whole)
    if m is None or not _SARCASM_CUE.search(meant_whole):
        return None
    before = meant_whole[: m.start()]
    if re.search(r"\b(?:no|not|never)\b\W*$", before, re.IGNORECASE):
        return None  # "no thanks for ...": not thanks at all, and not this
    verb = m.group("verb").lower()
    base = _THANKED_FOR.get(verb)
    rest = _SARCASM_TAIL.sub("", m.group("rest")).rstrip(" ,;:")
    if base is None or not rest.strip():
        return None
    return f"you {_past_of(base)}{rest}"


def listener_complaint(meant_whole: str) -> str | None:
    """What your partner says you did or do, said back ("I was on my phone the whole dinner"), when their
    message is about you; None otherwise.

    >>> listener_complaint("you were on your phone the whole dinner tonight")
    'I was on my phone the whole dinner tonight'
    >>> listener_complaint("you said you'd be home by 7. its 9:40")
    "I said I'd be home by 7 and didn't keep to it"
    >>> listener_complaint("my sister didn't invite me") is None
    True
    >>> listener_complaint("ok you were right, i overreacted") is None  # a concession, not a complaint
    True
    """
    mocked_thanks = sarcastic_thanks(meant_whole)
    if mocked_thanks is not None:
        meant_whole = mocked_thanks  # what you did, thanked for in sarcasm: the complaint
    if not re.search(r"\b(?:you|your|you're|you'd|you've)\b", meant_whole, re.I):
        return None
    if _GRANTS_YOU_RIGHT.match(meant_whole):
        return None
    sentences = []
    accusing = _IN_DISBELIEF.search(meant_whole) is not None  # "did you actually go to the gym?" is only asked
    for sent in split_sentences(meant_whole):
        # "But you said you'd ...", "This is the third time this month you've ...": what you did, without its frame
        plain = _wished(_COMPLAINT_FRAME.sub("", sent.strip().rstrip("?!. ")))
        told = _told_of_you(plain, accusing)
        for pattern, said in _ASKED_OF_YOU:
            if pattern.match(plain):
                plain = pattern.sub(said, plain, count=1)
                break
        else:
            if told == plain and sent.rstrip().endswith("?"):
                continue  # a question to you ("what did that mean?") is answered, not said back
            plain = told
        # "you said you'd talk to your mum, and now she's texting me": what you did, apart from what came of it
        sentences.extend(_AND_NOW.split(plain))
    for echo in candidates(". ".join(sentences), bare=True)[:4]:
        echo = _HURT_WHEN.sub("", echo)  # "it hurt when I laughed at your idea": what I did is the complaint
        habit = _WHEN_I_DO.match(echo) is not None  # what I do whenever it happens: a grievance, in any tense
        echo = _WHEN_I_DO.sub("", echo)
        echo = _AND_I_THINK.sub("", echo)  # "... and I think it's no big deal": their reading of you, not an act
        echo = _DESERVED.sub("", echo)  # "I snapped at you, and you didn't deserve that": what I did
        if not _LISTENER_DID.match(echo) or len(echo.split()) > SAY_BACK_MAX_WORDS or not is_whole_clause(echo):
            continue
        if not (PAST.search(echo.lower()) or _GRIEVANCE.search(echo) or habit or mocked_thanks is not None):
            continue  # "you're probably right": said of you, but not something you did
        echo = re.sub(r"^I (said|promised)( you)? I'll\b", r"I \1\2 I'd", echo)  # "said I'll come" -> "said I'd come"
        if _PROMISED.match(echo) and not KEPT.search(echo):
            # "I promised I'd come to the recital and she looked for me": the promise, and that it was not kept
            echo = echo.split(" and ", 1)[0] + " and didn't keep to it"
        return echo
    return None


_PRONOUN_START = re.compile(r"^(?:he|she)(?= (?:\w+ )?(?:passed|died|was gone|is gone|went))")
_TIME = re.compile(
    r"\b(?:yesterday|last (?:night|week|month|year)|ago|today|tonight|this (?:morning|afternoon|week))\b"
)


def told_in_past(echo: str) -> tuple[bool, bool]:
    """(told in the past tense, tells of something that happened) for a clause said back: "your surgery
    got moved" is both; "you're a bit down today" neither, whatever "today" says.

    >>> told_in_past("your dad's surgery got moved again"), told_in_past("you're a bit down today")
    ((True, True), (False, False))
    """
    plain = _TIME.sub(" ", echo.lower())
    verb = find_verb(plain)
    if verb is not None:
        return is_past(verb), is_happening(verb)
    past = PAST.search(plain) is not None
    return past, past


_GLAD_IDIOM = re.compile(
    r"\b(?:feel(?:s|ing)?|felt) like a (?:whole )?new (?:woman|man|person|human)\b|\bmade my (?:whole |entire )?"
    r"(?:day|week|month|year)\b(?!\s*(?:harder|worse|hell|miserable))",
    re.IGNORECASE,
)
# What a therapist said of them, and that they had not seen it (`read_message`): an insight, not bad news.
_INSIGHT = re.compile(
    r"\b(?<!physical )(?<!physio )(?:therapist|counsell?or|counselor|psychologist|psychotherapist)\b[^.!?]{0,20}?\b"
    r"(?:said|says|told me|pointed out|thinks|reckons|noticed)\b(?: that)? (?:i|i'?m|im|i'?ve|ive|my)\b",
    re.IGNORECASE,
)
_GRAVE_INSIGHT = re.compile(r"\b(?:bad|worse|worst|serious\w*|fail\w*|die|dying|death|cancer|diagnos\w*|disorder|"
                            r"hospital|unsafe|abus\w*|danger\w*)\b", re.IGNORECASE)
_REALISED = re.compile(
    r"\b(?:didn'?t|didnt|did not|never|hadn'?t|had not)(?: even| really)? "
    r"(?:realis|realiz|know|notice|see|think of)\w*",
    re.IGNORECASE,
)
SHORT_FEELING = "disappointed"  # a result that fell short (`news.fell_short`) when the reader names nothing else
SETBACK_FEELINGS = frozenset({"disappointed", "heartbroken"})  # cues of a failure or a loss ("didn't pass")


def setback_feeling(told: str) -> bool:
    """Whether `told` carries a strong cue of a failure or a loss (`SETBACK_FEELINGS`): never met gladly."""
    return bool(SETBACK_FEELINGS & set(likely_feelings(told, strong=True)))


def setback_told(told: str) -> bool:
    """A result that fell short ("got a 41 on the chem test") or a cue of a failure or a loss: never good news."""
    return fell_short(told) or setback_feeling(told)
MOOD_TOP = 6  # the reader's top words that vote for the mood
MOOD_MIN = 0.45  # the winning mood's summed probability needed before it is used
MOOD_LEAD_MIN = 0.4  # the reader's likeliest word decides the mood alone when it is this likely ...
MOOD_LEAD = 0.12  # ... and this far ahead of the next word (a hurt among angry words stays anger: either is fair)
_HURT_OR_ANGER = frozenset({"hurt", "anger"})
_NO_LEAD = frozenset({"surprised"})  # surprise tells no kind of feeling alone ("he changed his mind AGAIN")


def mood_word(scores: tuple[tuple[str, float], ...], mood: str) -> tuple[str, float] | None:
    """The reader's likeliest word of `mood` among its top words, with its probability: which fear it is
    ("nervous" before an interview, "scared" of a scan), so a line names only the one the words show."""
    moods = mood_table()
    return next(((w, p) for w, p in scores[:MOOD_TOP] if moods.get(w) == mood), None)


def mood_of(scores: tuple[tuple[str, float], ...], meant: str) -> str:
    """The kind of feeling in the message (anger, hurt, fear, shame, tired, unsure, glad), to choose what
    to validate and ask without naming a feeling; "" when nothing stands out. From the reader's top words
    when it ran, else from the likely-feeling cues."""
    moods = mood_table()
    if scores:
        sums: dict[str, float] = {}
        for word, p in scores[:MOOD_TOP]:
            mood = moods.get(word)
            if mood:
                sums[mood] = sums.get(mood, 0.0) + p
        if not sums:
            return ""
        best = max(sums, key=lambda m: sums[m])
        top, p_top = scores[0]
        if moods.get(top) and top not in _NO_LEAD and moods[top] != best and {moods[top], best} != _HURT_OR_ANGER \
                and p_top >= MOOD_LEAD_MIN and (len(scores) < 2 or p_top - scores[1][1] >= MOOD_LEAD):
            # one word well ahead of the rest is the feeling, however its neighbours add up: "omg i called her
            # mum" is embarrassed (0.45) before nervous and anxious, not fear by their sum
            return moods[top]
        leading = {moods.get(word) for word, _ in scores[:2]}  # the mood must hold one of the two likeliest words
        return best if sums[best] >= MOOD_MIN and best in leading else ""
    return next((moods[w] for w in likely_feelings(meant) if w in moods), "")


_IRONY = re.compile(r"(?<!\w)(?:" + alternation(word_tuple("irony", "markers")) + r")(?!\w)", re.IGNORECASE)
_TURN = re.compile(r"\b(?:" + alternation(word_tuple("irony", "turns")) + r")\b([^.!?\n]*)", re.IGNORECASE)
_TAKEN_BACK = re.compile(r"\b(?:" + alternation(word_tuple("irony", "taken_back")) + r")\b", re.IGNORECASE)
_YOUR = re.compile(r"\byour\b", re.IGNORECASE)
MIXED_MAX_WORDS = 16  # a win and a loss said back together at most this long; else the loss alone
_EARNEST = frozenset(w.lower() for w in word_tuple("irony", "earnest_beside_good"))


_TAG = re.compile(r"[\s,]*\b(?:no|na|nah|right|innit|eh|hey|ya)\s*\?*\s*$", re.IGNORECASE)


def good_taken_back(text: str) -> bool:
    """Whether the cheer of a message is ironic ("yay?? 🙃", "perfect timing") or taken back after a turn
    ("the hen was mighty but I'm in bits today"): not good news, and not a glad tone.

    >>> good_taken_back("got the flat but its miles from work so that's my sleep gone"), good_taken_back(
    ...     "legs are jelly but i did it")
    (True, False)
    """
    for m in _IRONY.finditer(text):
        # cheer that is earnest beside good news said plainly ("we got the house!!! love that for us")
        if m.group(0).lower() not in _EARNEST or not good_news_said(as_meant(text)):
            return True
    for m in _TURN.finditer(text):
        said = _TAG.sub("", m.group(1))  # "small amount only but it's a start, no?": the "no" asks agreement
        if _TAKEN_BACK.search(said) or HARD_HINT.search(said.replace("’", "'").lower()):
            return True
    return False


# A question asked for effect ("why is it always me who has to plan everything", "how is it only tuesday") is
# said back as what it says ("it's always you who has to plan everything").
_RHETORICAL = (
    (re.compile(r"^(?:(?:so|but|like|ok|honestly),? )*why is it that\s+(?=\w)", re.I), ""),
    (re.compile(r"^(?:(?:so|but|like|ok|honestly),? )*(?:why|how) (?:is|was) it (?=always|only|never|still|already|"
                r"just|me|us|so)", re.I), "it's "),
    (re.compile(r"^(?:(?:so|but|like|ok|honestly),? )*why (?:do|does) (I|we) "
                r"(?=always|never|keep|even|still|have)", re.I), r"\1 "),
    (re.compile(r"^(?:(?:so|but|like|ok|honestly),? )*why am I (?=always|so|the only|still|like)", re.I), "I'm "),
)
# A yes-or-no question to the listener ("do u still find me attractive", "are we ok"): what they are wondering.
_ASKS_YOU = re.compile(
    r"^(?:(?:so|ok|okay|honestly|like|hey|um),? )*(do you|are you|are we|have you|is it just me|am I)\b\s*([^.!?]*)",
    re.I,
)
_ASKED_AS = {"do you": "you", "are you": "you're", "are we": "we're", "have you": "you've", "am i": "I'm"}
_JUST_ME = re.compile(r",? or (?:is (?:it|that) )?(?:just me|not)\b.*$", re.I)


_DANGLING = re.compile(r"\b(?:just|like|a|an|the|and|or|but|so|to|of|with|my|your)$", re.I)  # cut mid-way


_NEW_SUBJECT = re.compile(r"(?<=\w)\s+(?=(?:you|I|I'm|he|she|they)\s+\w)", re.I)
_ABOUT_US = re.compile(r"\b(?:me|us|my|our|ours|together|we)\b", re.I)


def rhetorical_said(text: str) -> str:
    """`text` with each question asked for effect made the statement it stands for.

    >>> rhetorical_said("why do i always get the late shift smh. ugh")
    'i always get the late shift smh. ugh'
    """
    out = []
    changed = False
    for sent in split_sentences(text):
        plain = sent.strip()
        for pattern, said in _RHETORICAL:
            if pattern.match(plain):
                plain = pattern.sub(said, plain, count=1).rstrip("?! ")
                changed = True
                break
        out.append(plain)
    return " ".join(out) if changed else text


def wondered(text: str) -> str | None:
    """What a yes-or-no question to you asks, said back from your side ("whether I still find you attractive"),
    when the message opens with one; None otherwise.

    >>> wondered("do you ever think about getting a dog together or is that just me")
    'whether I ever think about getting a dog together'
    >>> wondered("are we ok"), wondered("have you eaten yet")
    ("whether we're ok", None)
    """
    sentences = split_sentences(text)
    first = sentences[0] if sentences else ""
    m = _ASKS_YOU.match(first.strip())
    if m is None or m.group(1).lower() == "is it just me":
        return None
    rest = _NEW_SUBJECT.split(_JUST_ME.sub("", m.group(2)), maxsplit=1)[0].strip(" ,?")  # "are we ok u seem ..."
    about_us = m.group(1).lower() in ("are we", "am i") or _ABOUT_US.search(rest)
    if not rest or _DANGLING.search(rest) or not about_us:  # "have you eaten yet" asks nothing about the two of you
        return None
    clause = f"{_ASKED_AS[m.group(1).lower()]} {rest}"
    said = candidates(clause, bare=True)
    if not said or len(said[0].split()) > SAY_BACK_MAX_WORDS:
        return None
    return "whether " + said[0]


# The good-news head's chance below which a message it does not call good news may be read as a setback: the
# rest of a cheered message that may tell a mishap ("yay, the kids are sick AGAIN", `cheered_setback`), or a
# setback the reader hears as glad, torn between pleasant and hard words (`_glad_misread`: "kids drew on the wall
# lmao": happy, proud, frustrated; "Oga said I must redo the whole report because of one typo": relieved,
# embarrassed, angry).
SETBACK_NEWS_CHANCE = GOOD_NEWS_EXCITED


def cheered_setback(told: str, *, model: bool) -> str | None:
    """The rest of `told` (as meant) without its cheer when the cheer is said of a setback: irony or
    self-mockery ("congrats to me i guess, got passed over for promotion AGAIN", "well done me, locked myself
    out again lol"); None otherwise (`coach/irony.py`). A setback said plainly ("passed over", "locked out",
    "redo") is enough; one that may be a mishap ("again", "late") is when the feelings reader does not hear
    the rest as glad and its good-news head is far from calling it good news ("yay, back to lisbon again!" is
    not irony).

    >>> cheered_setback("well done me, locked myself out again lol", model=False)
    'locked myself out again lol'
    >>> cheered_setback("well done you, that dinner was amazing", model=False) is None
    True
    """
    rest = cheered_at(told)
    told_at_length = False
    if rest is None:
        # irony told at length ("Oh it was wonderful. ... Truly a day for the scrapbook."): the verdict is
        # irony when the rest is heard as hard, whatever words of a setback it has
        rest = verdict_at(told)
        told_at_length = rest is not None
    if rest is None:
        return None
    how = setback_in(rest)
    if how == "plain":
        return rest
    if told_at_length and good_taken_back(rest):
        return rest  # "Great news everyone, ... So that's our sunlight gone."
    if how != "maybe" or not model:
        return None  # no word of a setback: the reader alone hears "go me, lost 3 stone since january" as sad
    read = read_feeling(as_meant(rest), (), model=True, typed=rest)
    hard = bool(read.scores) and _tone(read)[0] != "positive"  # a word that may tell a mishap, not heard as glad
    chance = reader_good_news_chance(rest)
    return rest if hard and chance is not None and chance < SETBACK_NEWS_CHANCE else None


def _glad_misread(read: FeelingRead, valence: str, mood: str, told: str, typed: str, *, model: bool) -> bool:
    """Whether the reader hears as glad what tells a setback plainly ("kids drew on the wall lmao", "grazed my
    knee and my pride"): torn between glad and hard words (or glad only by a word that names no feeling of
    theirs, "my pride"), its own words not glad, and its good-news head far from calling it good news."""
    if not model or setback_in(told) != "plain":
        return False
    # glad only by the feeling word it settled on ("my pride"), its own words hard; or torn between glad and hard
    scores = read.scores or read_feeling(as_meant(typed), (), model=True, typed=typed).scores  # beside a word named
    by_word = vocabulary().get(read.word or "") == "positive" and _tone(FeelingRead(None, "read", scores))[
        0] == "negative"
    torn = by_word or (valence == "neutral" and mood == "glad")
    chance = reader_good_news_chance(typed)
    return torn and chance is not None and chance < SETBACK_NEWS_CHANCE


def _not_glad(scores: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    """The reader's words without the pleasant ones: what is left of its reading of a setback."""
    vocab = vocabulary()
    return tuple((w, p) for w, p in scores if vocab.get(w) != "positive")


DOUBT_LONG_WORDS = 40  # a message this long, of three sentences or more, is a telling, not a question put to you
# A doubt about what to do ("how to bring it up", "whether to go", "if that's a good reason to say no"), not about
# what it is or how it came about ("how it got that high", "what it means", "what to do with it yet").
_ACTING = re.compile(
    r"^(?:how to|what to (?!do with (?:it|that|this|myself|all)\b)|whether|where to|when to|who to|which|"
    r"if (?:you|I|we) should|if (?:that|it|this)(?:'s| is) (?:a good|the right|enough|fair|okay|ok)\b)",
    re.IGNORECASE,
)


# A label the message opens with is no part of the news: "small win: i cleared my inbox", "update: the boiler is
# fixed", "quick one - the car failed its mot". Said back, it read "Ah, : he only checked ..." or "Oh, update: ...".
_LABEL = re.compile(
    r"^\W*(?:(?:(?:small|tiny|little|big|quick|major|minor|random|weird|sad|good|bad|funny|mini|slight) )?"
    r"(?:win|victory|update|news|one|thing|q|question|rant|vent|confession|story time|fyi|psa|random|tea)"
    r"|ok so|okay so|so|anyway|btw|lol)\s*(?:[:\-\u2013\u2014]+)\s*"
    r"|^[\s:;,.\-\u2013\u2014]+",
    re.IGNORECASE,
)


def unlabelled(event: str) -> str:
    """`event` without a label it opens with ("small win:", "update -") or stray marks before its first word.

    >>> unlabelled(": he only checked your location twice"), unlabelled("update: the boiler is fixed")
    ('he only checked your location twice', 'the boiler is fixed')
    >>> unlabelled("so the car failed its mot")
    'so the car failed its mot'
    """
    return _LABEL.sub("", event, count=1).strip()


def read_message(focus: str, *, model: bool, whole: str | None = None) -> Reading:
    """Hear `focus` (the part of the message replies are built from) for a reply; what happened is
    chosen from `whole` (the full message) when given: a long message often leads with the news."""
    meant = as_meant(focus)
    heard = hear(meant)
    if heard.complaint and (m := _CONCEDED.search(as_meant(whole) if whole is not None else meant)) is not None \
            and set(content_words(heard.complaint)) <= set(content_words(to_second_person(m.group(0)))):
        heard = dataclasses.replace(heard, complaint=None)  # "I know you said we should wait, but look at her face"
    named = tuple(f.word for f in heard.feelings if f.source == "named")
    # The learned reader reads the message as typed, and whole when it is short: "booked it. ljubljana. 4
    # nights. dont try and talk me out of it" loses its news with its first sentence.
    typed = whole if whole is not None and len(whole.split()) <= READER_WHOLE_WORDS else focus
    read = read_feeling(meant, named, model=model, typed=typed)
    changes: dict[str, object] = {}
    told = as_meant(whole) if whole is not None else meant
    # Cheer said of a setback: the setback is what is read, said back and felt, without the cheer.
    mocked = cheered_setback(told, model=model)
    if mocked is not None:  # a feeling named in the cheer ("so proud of myself") is no feeling about the setback
        named = tuple(f.word for f in hear(as_meant(mocked)).feelings if f.source == "named")
        read = read_feeling(as_meant(mocked), named, model=model, typed=mocked)
    # The rules' own readings (a complaint about you, a plan, a harsh word about themselves, a feeling with
    # its reason) have templates of their own; otherwise the richest part of the message is said back, or
    # what they say you did.
    loss = whose_loss(told)
    # What they say you did is told in a few sentences; a long message is read for it in its last ones.
    complaint = listener_complaint(told if len(told) <= COMPLAINT_MAX_CHARS else meant) if loss == "none" else None
    if heard.complaint and complaint and set(content_words(heard.complaint)) <= set(content_words(complaint)):
        # "I said I'll come ... and then I cancelled": the whole of it, not the promise alone
        heard = dataclasses.replace(heard, complaint=None)
    if complaint and not (heard.complaint or heard.plan or heard.self_judgement):
        # what they say you did comes first, even beside a feeling ("I felt alone. You disappeared")
        past = bool(PAST.search(complaint.lower()))
        changes.update(complaint=complaint, event=None, happened=False, feeling_clause=None,
                       tense="past" if past else "present")
    special = (heard.complaint, heard.plan, heard.feeling_clause, complaint)
    news = None
    # "im such an idiot i left my laptop on the train": what happened, without the harsh word
    # what is said back leaves out a cheer said of it ("well done me, ran my first 10k", "great. locked out")
    cheered = mocked if mocked is not None else cheered_at(told)
    plain = as_meant(cheered) if cheered is not None else told
    said = SELF_JUDGEMENT.sub(", ", plain) if heard.self_judgement else plain  # a clause break where it stood
    said = rhetorical_said(said)
    long_told = is_long(told)
    if long_told and not (heard.complaint or heard.plan or complaint):
        # A long message: the news is often in the middle, after a lead-in, or before a feeling about it
        # ("... I'm relieved to know, but I'm so angry it took this long"); said back before that feeling.
        news = _echo(said, heard.dilemma, news=True)
        if news is not None:
            past, happened = told_in_past(news)
            changes.update(event=news, tense="past" if past else "present", happened=happened, feeling_clause=None)
            if heard.dilemma and len(news.split()) > SHORT_EVENT_WORDS:
                # too long to say with the doubt in one breath: what happened is said back, the doubt is
                # still heard (`unsure`) by the other moves
                changes["dilemma"] = None
    if news is None and not any(special):
        echo = _echo(said, heard.dilemma)
        richer = heard.event is None or len(content_words(echo or "")) >= len(content_words(heard.event)) - 1
        turn = turned(said)
        if turn is not None and set(content_words(turn[1])) <= set(content_words(echo or "")):
            richer = True  # the turn of the story is its point, however few its words
        if echo and grave_news(said) and good_news_said(said) and not grave_news(_YOUR.sub("my", echo)):
            # a loss beside a win ("new pb on the erg. also lost my job lol") is mixed news: the loss is said back
            # with it, never dropped
            grave = next((c for c in candidates(said) if grave_news(_YOUR.sub("my", c))), None)
            if grave is not None:
                both = f"{echo.rstrip(',;:')}, and {grave}"
                echo = both if len(both.split()) <= MIXED_MAX_WORDS else grave
                richer = True
        if echo and (richer or heard.self_judgement):
            past, happened = told_in_past(echo)
            changes.update(event=echo, tense="past" if past else "present", happened=happened)
    if changes.get("event", heard.event) is None and not any(special) and heard.dilemma is None:
        asked = wondered(told)
        if asked is not None:
            changes.update(dilemma=asked, unsure=True)  # "It sounds like you're not sure whether we're ok."
    feelings = (Feeling(read.word, "named" if read.source == "named" else "likely"),) if read.word else ()
    if read.scores:
        valence, share = _tone(read)
    else:  # no reader: only a feeling they named sets the tone
        valence = heard.valence if named else "neutral"
        share = 1.0 if valence == "positive" else 0.0
    if read.word is None and valence == "positive" and share < GOOD_NEWS_SHARE:
        valence = "neutral"
    ironic = good_taken_back(told)
    if valence == "positive" and ironic and read.source != "named":
        valence = "neutral"
    if read.word is None and valence == "negative" and share > HARD_SHARE:
        valence = "neutral"
    if news is not None and valence == "negative" and good_news_told(news):
        valence = "neutral"  # "the bank approved the loan", told with worry: not "oh no"
    mood = mood_of(read.scores, meant)
    if valence == "positive" and grave_news(told):
        valence = "negative"  # "congrats to me, the biopsy came back and it's cancer": the news, not its words
    short = fell_short(told)  # "got a 58 on the midterm", "my nephew didn't pass maths": never met gladly
    short_glad = short and (valence == "positive" or mood == "glad") and read.source != "named"
    if mocked is not None or short_glad or _glad_misread(read, valence, mood, told, typed, model=model):
        # a setback, cheered in irony or heard as glad: met as the setback it is, with what the reader heard
        # of it that is not glad ("Oga said I must redo the whole report": embarrassed, angry)
        valence = "negative"
        if mood == "glad":
            mood = mood_of(_not_glad(read.scores), meant)
        if read.word is not None and vocabulary().get(read.word) == "positive":
            feelings = ()  # "grazed my knee and my pride": no pride to name
    if CONDESCENDED.search(told) and read.source != "named" and valence != "negative":
        # "told me that at 52 I should 'be realistic'", "he said it like he was doing us a favour": talked down to,
        # never glad news nor a plain report
        valence = "negative"
        if mood in ("glad", ""):
            mood = "anger"
        if read.word is not None and vocabulary().get(read.word) == "positive":
            feelings = ()
    said_of_you = str(changes.get("event", heard.event) or "").startswith("you ")
    if short_glad and not feelings and not mood and said_of_you:
        # their own mark or test that fell short, with nothing else heard of it: the letdown it is (not a cousin's)
        feelings = (Feeling(SHORT_FEELING, "likely"),)
    if valence != "positive" and not named and _GLAD_IDIOM.search(told) and not ironic and mocked is None:
        # "i feel like a new woman", "made my whole week": glad in an idiom the reader may hear as hard words
        valence, mood = "positive", "glad"
    if valence == "negative" and not named and _INSIGHT.search(told) and _REALISED.search(told) \
            and not _GRAVE_INSIGHT.search(told):
        # something a therapist helped them see about themselves ("my counsellor said I'm allowed to be angry ... I
        # didn't know I needed someone to say that"): taken in with them, not met as bad news ("Oh no", "Come here")
        valence, mood = "neutral", ""
    grievance = isinstance(complaint, str) and (
        _GRIEVANCE.search(complaint) or _PROMISED.match(complaint) or _MADE_FEEL.match(complaint)
        or (_ACCUSING.search(told) and _IN_DISBELIEF.search(told))
    )
    if complaint and changes.get("complaint") == complaint and valence == "positive" and not grievance:
        # "the way you looked at me tonight ...": said of you, but glad; not a complaint
        changes.update(complaint=None, event=heard.event)
    lost = lost_one(told) if loss == "own" else None
    event = changes.get("event", heard.event)
    actor = feeling_lists().party_re.match(event.replace("your ", "my ", 1)) if isinstance(event, str) else None
    if actor is not None:
        changes["party"] = "your " + actor.group(1)  # "your mom compared you to your cousin": the mom
    if lost and isinstance(event, str) and _PRONOUN_START.match(event):
        changes["event"] = _PRONOUN_START.sub(lost, event, count=1)  # "she passed away" -> "your mother passed away"
    changes.update(feelings=feelings, valence=valence, loss=loss, lost=lost, mood=mood)
    told_at_length = long_told or (len(told.split()) >= DOUBT_LONG_WORDS and len(split_sentences(told)) >= 3)
    if heard.unsure and told_at_length and not _ACTING.match(heard.dilemma or ""):
        # in a long message, "I don't know how it got that high" or "... if we're fixed or just pretending" is
        # how it feels on the way, not a choice put to you: the weight of the message is answered, not the doubt
        changes.update(unsure=False, dilemma=None)
    elif heard.unsure and told_at_length and heard.dilemma:
        # a long telling that comes to what to do ("I don't know how to bring it up without sounding ungrateful"):
        # worked out together (`fitting.fit_of`, "work_out"), not asked about as a doubt
        changes["extra"] = {**heard.extra, "doubt": heard.dilemma}
    if mood and read.scores and (leading := mood_word(read.scores, mood)) is not None:
        # which word of the mood the reader heard, and how surely: a line names a feeling only when it was heard
        extra = changes.get("extra")
        base = extra if isinstance(extra, dict) else heard.extra
        changes["extra"] = {**base, "mood_word": leading[0], "mood_chance": leading[1]}
    event = changes.get("event", heard.event)
    if isinstance(event, str) and (lead := NOT_SURE_LEAD.match(event)) is not None:
        # "not sure what's up, | you've just been unmotivated all week": what they told, not what they don't know,
        # whichever reading of the event was kept
        changes["event"] = event[lead.end():]
    heard = dataclasses.replace(heard, **changes)  # type: ignore[arg-type]
    hard_named = any(w not in feeling_lists().positive for w in named)  # "i felt invisible"
    # "im happy for her but also why is everyone moving on without me": glad, and then not
    hard_named = hard_named or any(taken_back(w, meant) for w in named)
    # Good news: the reader's own head when it has one (trained on what writers called good news), else the
    # tone; never with a complaint, a doubt, a hard feeling they named or a loss ("the funeral was lovely").
    learned = reader_good_news(typed) if model else None  # as typed, as its head was trained
    mood = heard.mood
    glad_tone = valence == "positive" or (valence == "neutral" and mood == "glad")
    if learned is False and glad_tone and heard.happened and told_excitedly(whole if whole is not None else focus):
        # something that happened, told with excitement and a glad tone: the head's chance need not reach its
        # own cut-off ("Have a merry christmas!!" tells nothing that happened)
        chance = reader_good_news_chance(typed)
        learned = chance is not None and chance >= GOOD_NEWS_EXCITED
    glad = (learned and valence != "negative") if learned is not None else valence == "positive"
    # good news said plainly ("so, the promotion went through. trying to act normal about it") is good news, whatever
    # tone its few words carry, unless they named a hard feeling
    said_good = not glad and not named and good_news_said(told)
    glad = glad or said_good
    # Never with a cue of a setback either ("didn't pass maths", "lent maria 500").
    good_news = bool(
        glad and not ironic and mocked is None and heard.complaint is None and not heard.unsure
        and not (heard.weighing and not said_good)
        and not hard_named and loss == "none"
        and not setback_feeling(told) and not short
        and not grave_news(told)  # a loss beside a win is mixed news ("new pb on the erg. also lost my job lol")
    )
    if good_news and said_good and not says_good(heard.event or ""):
        # the news said back is the good news itself, not what they said around it ("trying to act normal")
        # an emoji before a capital ends a sentence: "... the new 2IC at the clinic 😎 Got the call this arvo!"
        good = next((c for c in candidates(_EMOJI_BREAK.sub(". ", said)) if says_good(c)), None)
        if good is not None:
            past, happened = told_in_past(good)
            heard = dataclasses.replace(heard, event=good, tense="past" if past else "present", happened=happened)
    if good_news and said_good and heard.event and (good := good_part(heard.event)) != heard.event:
        heard = dataclasses.replace(heard, event=good)  # not the setback before it ("the person they hired ...")
    if good_news and said_good and heard.valence == "negative":
        # good news said plainly, heard by the reader as hard ("he only charged me twenty. i was expecting a grand"):
        # not met with "ugh" or "I'm sorry"
        heard = dataclasses.replace(heard, valence="neutral")
    if heard.event and (plain := unlabelled(heard.event)) != heard.event and plain:
        heard = dataclasses.replace(heard, event=plain)
    return Reading(dataclasses.replace(heard, good_news=good_news), good_news, mocked=mocked is not None)


__all__ = ["KEPT", "Reading", "read_message", "tells_something"]
