"""What happened, said back: the part of a partner's message a reflection should echo.

A listener repeats the thing that was told ("so the deadline got moved up a week"), not a feeling-free
summary ("you've had a lot on your mind"). `what_happened` chooses the sentence with the most content
words (two short neighbouring ones are joined), cuts a long one to its richest clause, drops small talk
around it ("ngl", "lol", "its fine") and turns it to second person. Questions to the listener and pure
filler are never chosen. Word lists: `[echo]` in `coach/heard_words.toml`.
"""

from __future__ import annotations

import re

from openup.coach.heard_clauses import CLAUSE_SPLIT, clean_clause, lower_first, run_ons, split_sentences, strip_end
from openup.coach.heard_verbs import find_verb, has_subject
from openup.coach.heard_words import alternation, word_map, word_set
from openup.coach.news import STRONG as NEWS_STRONG
from openup.coach.news import news_score, turned
from openup.coach.perspective import about_the_couple, to_second_person
from openup.coach.sayback import spoken
from openup.text.lexical import macros

MAX_WORDS = 18
NEWS_MAX_WORDS = 22  # the news of a long message is said back whole a little longer ("the man down the hall, ...")
# A long message turns: the sentence after "but", "then" or "and now" is what the story comes to ("Then in the
# same breath she told me there's no budget for raises"), and the scene before it only sets it up. A sentence
# that concedes ("I know you've been busy", "I don't mind going, I just want ...") grants something on the way
# to the point: the point is what follows the concession.
TURN_BONUS = 2.0
# A turn that tells something (a verb, some news) in a few words is the point of the story, said back before its
# headline: not one that is only a feeling ("But I'm still so tired") or tells of "us" ("But we're barely keeping up",
# "Now the board is going around us"), which may or may not be the two of you.
TURN_POINT_MIN = 0.75
TURN_POINT_MAX_WORDS = 14
_KIN_LEAD = re.compile(r"^(my|our) (brother|sister|mum|mom|dad|son|daughter|uncle|aunt|auntie|gran|grandad|grandpa|"
                       r"grandma|nan|boss|manager|husband|wife|boyfriend|girlfriend)\b", re.IGNORECASE)
_KIN_IS = {"brother": "he", "dad": "he", "son": "he", "uncle": "he", "grandad": "he", "grandpa": "he",
           "husband": "he", "boyfriend": "he", "sister": "she", "mum": "she", "mom": "she", "daughter": "she",
           "aunt": "she", "auntie": "she", "gran": "she", "grandma": "she", "nan": "she", "wife": "she",
           "girlfriend": "she"}
_HE_SHE = re.compile(r"^(he|she)\b(?!'s|'d)", re.IGNORECASE)
_TELLS_OF_US = re.compile(r"\b(?:we|we're|we've|we'd|us|our|ours)\b", re.IGNORECASE)
CONCEDES_PENALTY = 2.5
_TURNS = re.compile(
    r"^(?:but|then|and then|and now|now|until|except)\b(?!,?\s+(?:when|if|because|as|since|after|before|while|once|"
    r"every time|whenever)\b)",
    re.IGNORECASE,
)
# What was found, said as worse than feared ("It's worse than I thought, almost nine thousand"): the point of the
# story, however few its words of news.
_REVEAL = re.compile(
    r"^(?:and |but |so )?(?:it'?s|it is|it was|they'?re|they are|they were) (?:even |much |way |so much |a lot |far )?"
    r"worse than\b",
    re.IGNORECASE,
)
_CONCEDES = re.compile(
    r"^(?:and |so )?(?:i know\b|i don'?t mind\b|i'?m not (?:trying|asking|after|saying)\b|i should (?:be|just)\b|"
    r"which is\b|i'?m not upset\b)",
    re.IGNORECASE,
)
# When the turn came, before its subject: "then in the same breath she told me", "then an hour later he texted"
_WHEN_TURNED = re.compile(
    r"^((?:but|then|and then|and now|now)\s+)(?:in the same breath|"
    r"(?:an|a|one|two|ten|twenty) (?:minutes?|hours?|days?|weeks?) later|"
    r"halfway through (?:the |a |my |our |his |her )?\w+|(?:right |just )?at the (?:very )?end|right after that|"
    r"after that|"
    r"(?:right |just )?(?:on|as) (?:his|her|their|my|our|the) way (?:out|home|back)|"
    r"(?:right |just )?as (?:he|she|they|I|we) (?:was|were) (?:leaving|going|going out|walking out|hanging up)),?\s+"
    r"(?=(?:he|she|they|we|I|my|his|her|their|our|the)\b)",
    re.IGNORECASE,
)
# A message that tells a loss keeps the loss as what is said back: "then I saw her lead by the door" is how
# the grief came back, not what is grieved.
_LOSS = re.compile(r"\b(?:lost|died|passed|funeral|hospice|been gone|put \w+ down)\b", re.IGNORECASE)
# "I don't mind going, I just want to feel like we're there together": the point after the concession
_CONCESSION_THEN = re.compile(r"^[^,]{3,60}?,\s*(?:but\s+)?(?=i (?:just|really|only) \w+|but\s)", re.IGNORECASE)
JOIN_BEST_MAX_WORDS = 6  # a sentence this short may take its neighbour along ("interview went bad and ...")
JOIN_MAX_WORDS = 14  # ... when the two together stay short enough to say in one breath
_FUNCTION = word_set("echo", "function_words")
_THINGS = word_set("sayback", "things")  # what a person has or goes through: "day 3 of my migraine"
_PAST = word_set("verbs", "irregular_past")
_SUBJECTLESS = re.compile(
    r"^(?:(?:think|thought|reckon|guess) (?=i\b|i'm\b|im\b)|"
    r"had|has|have|can'?t|couldn'?t|need|needs|gotta|got|just|finally|still|keep|kept|miss|wish|didn't|did not|"
    r"don't|haven't|hasn't|wasn't|won't|never)\b|^[a-z]+ed\b"
    r"|^(?:only|also|even|never|barely|nearly|almost|literally|actually) (?:got|had|went|took|made|[a-z]+ed)\b"
)
_LEADS = re.compile(
    r"^(?:(?:not gonna lie|to be honest|oh my god|reckon|eish|ugh+|omg|welp|sigh|guess what|so yeah|ok so|okay so|sure|"
    # exclamations that open a sentence in Nigerian Pidgin and South African English ("Omo this work is ...")
    r"omo|chai|haba|ehn+|ag man|jislaaik|jissis|yoh|haibo|"
    r"ah+|oh+|thanks?|thank you|good point|true|fair enough|"
    # hedges before the news: "ok dont make it a big deal but ...", "i don't want to jinx it, but ..."
    r"(?:ok(?:ay)? )?(?:don't|do not) make (?:it )?(?:a )?(?:big )?(?:deal|thing)(?: (?:out )?of it)?(?: but)?|"
    r"i don't know if (?:this|it)(?:'s| is) (?:a )?(?:big )?deal(?: but)?|not to brag(?: but)?|"
    r"i (?:don't|do not) want to jinx it(?:,? but)?|"
    # "I wasn't going to say anything until it was official, but ...": held back, then told
    r"i (?:wasn't|was not) (?:going|gonna) to (?:say|tell you|mention) anything(?: (?:until|till|yet)[^,.!?]{0,40})?,? "
    r"but|this is (?:probably )?(?:so )?(?:silly|stupid|dumb)(?: but)?|"
    r"(?:ok(?:ay)? )?weird flex(?:,? but)?|(?:small|tiny|little|silly|random) (?:thing|win|update)(?:,? but)?|"
    r"(?:weird|good|bad|random|big|great|lekker|some)(?: but (?:good|bad))? news[:,]?"
    r"(?: (?:bru|mate|babe|guys|everyone|everybody|all))?|"
    r"(?:a )?bit of a (?:weird|strange|random) one|"
    r"i don't know(?! (?:if|what|how|why|whether|where|when|who|which)\b))"
    r"\b[,!.]?\s*)+",
    re.IGNORECASE,
)
# Tags at the end that are said to the listener, not part of what happened ("feeling lonely lately ngl").
# "whatever" is one ("... the 4th time this month whatever") unless a verb or preposition takes it as its
# object ("i'll eat whatever", "they can do whatever", "up for whatever").
_WHATEVER_TAKEN = "".join(
    rf"(?<!\b{w})" for w in ("do", "eat", "say", "wear", "want", "get", "buy", "watch", "order", "pick", "choose",
                             "make", "cook", "like", "think", "is", "be", "for", "with", "to", "about", "of")
)
_TAILS = re.compile(
    r"(?:[,\s]+(?:not gonna lie|to be honest|lol|lmao|haha+|fr|for real|smh|i don't know|idk|tbh|ngl|tho|though|"
    r"honestly|lowkey|highkey|o|sha|sef|jare|yaar|innit|hey|mate|eish|abeg|lah|ya|huh|at least)|"
    r"(?<![\s,])" + _WHATEVER_TAKEN + r"[,\s]+whatever)+\s*$",
    re.IGNORECASE,
)
# A texting sentence that starts with a state drops "I'm": "feeling lonely lately", "bored outta my mind".
_STATE_START = re.compile(
    r"^(?:feeling|thinking|going|trying|getting|having|being|working|struggling|starting|looking|hoping|heading|"
    r"leaving|driving|flying|popping|off to|"
    r"bored|tired|exhausted|knackered|shattered|stuck|stressed|done|sick|excited|worried|scared|nervous|annoyed|"
    r"gutted|chuffed|stoked|buzzing|proud|sad|happy|confused|overwhelmed|embarrassed|frustrated|devastated|a bit|"
    r"bit (?=down|tired|low|sad|rough|off|stressed|flat|meh|overwhelmed|anxious|nervous|worried|lonely|fed up))\b",
    re.IGNORECASE,
)
# Greetings and wishes that start like a state: "happy birthday to my mum", "thinking of you".
_NOT_A_STATE = re.compile(r"^(?:happy (?:birthday|anniversary|new year|holidays|friday|easter|diwali|eid)|"
                          r"thinking of (?:you|u)\b)", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z']*")
# A rhetorical question tacked on with "like" is a comment to the listener, not what happened: "my manager keeps
# scheduling meetings at 5pm on fridays like do u not have a life", "35 bucks for being 4 dollars short like what".
_LIKE_ASKING = re.compile(
    r"[\s,]+like,? (?:what|why|how|who|seriously|really|do|does|did|is|are|can|could|would|should|am|was|were)\b"
    r"[^.!?]{0,60}$",
    re.IGNORECASE,
)
# Texting leaves out "it's" before a verbless count ("another 12 hr shift", "migraine day 3"): said back, it
# is put in ("it's another 12 hr shift", "it's day 3 of your migraine").
_COUNT = r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
_SPAN = re.compile(rf"^(?:{_COUNT}|few|several|ages|forever|weeks|days|months|years|hours)$", re.IGNORECASE)
_SPAN_WITHOUT = re.compile(
    rf"^((?:{_COUNT}|a few) (?:whole )?(?:days?|weeks?|months?|years?|hours?|nights?))(?: now)?,? "
    r"(?:no|without|w/o|of no) (\w+(?: \w+){0,3})$", re.IGNORECASE)


def second_word(unit: str) -> str:
    """The second word of `unit` ("" when it has one word)."""
    words = unit.split(" ", 2)
    return words[1] if len(words) > 1 else ""


_ANOTHER = re.compile(r"^another\b(?!.*\b(?:is|was|has|had|came|went|got)\b)", re.IGNORECASE)
_DAY_N = re.compile(
    r"^(?:(my|the|your) )?([a-z]+) ((?:day|week|month|night) (?:\d+|one|two|three|four|five|six))\b(.*)$", re.IGNORECASE
)


def content_words(text: str) -> list[str]:
    """The words of `text` that carry content: not function words, at least three letters.

    >>> content_words("my lead won't look at me")
    ['lead']
    """
    return [w for w in _WORD.findall(text.lower().replace("\u2019", "'")) if w not in _FUNCTION and len(w) >= 3]


def _score(unit: str) -> float:
    """Content words, and a clause that tells something (it has a verb) over a list of things."""
    words = content_words(unit)
    rich = min(len(words), MAX_COUNTED_WORDS)  # past a few, more words are detail, not more news
    return rich + 0.1 * sum(len(w) > 5 for w in words) + (1.5 if find_verb(unit) is not None else 0.0)


MAX_COUNTED_WORDS = 4


# "guess who passed their driving test" is "I passed my driving test".
_GUESS_WHO = re.compile(r"^guess who (\w+)( their| my)?\b", re.IGNORECASE)


_LAUGH_LEAD = re.compile(r"^(?:(?:ha(?:ha)+h?|he(?:he)+|lol|lmf?ao+|omg)\b[,!.]*\s*)+", re.IGNORECASE)


def _unshouted(sentence: str) -> str:
    """A sentence typed in capitals ("GOT THE JOB") in lower case, to be said back calmly."""
    letters = [c for c in sentence if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return re.sub(r"\bi\b", "I", sentence.lower())
    return sentence


def _guessed(m: re.Match[str]) -> str:
    return "I " + m.group(1).lower() + (" my" if m.group(2) else "")


_IT_TOOK = re.compile(
    r"^(?:(?:only|just|still|finally) (?:took|cost|lasted|needed)|"
    r"(?:took|cost|lasted) (?:me )?(?:\d|a |an |ages|forever|hours|days|weeks|months|years|two|three|four|five|six))\b",
    re.IGNORECASE,
)
_MADE_ME = re.compile(r"^(?:made|makes|making) me\b", re.IGNORECASE)
# Feeling words that open a texted state ("disappointed. which i know is worse"), not the verbs among them
# ("lost my wallet", "hurt my back", "ignored his texts").
_FEELING_WORDS = frozenset(w for w in macros()["FEELING"].strip("(?:)").split("|") if w.isalpha()) - word_set(
    "echo", "not_states"
)


def _with_subject(unit: str) -> str:
    """Texting drops the "I": "broke my wrist skateboarding" is "I broke my wrist skateboarding"."""
    typed = unit.split(" ", 1)[0]
    first = typed.lower()
    shouted = len(typed) > 1 and typed.isupper()  # "FINISHED THE HALF MARATHON" stays as typed
    if re.match(r"(?i)bit of\b", unit):
        return unit  # "bit of a weird one": not "I bit"
    if _ANOTHER.match(unit) and find_verb(unit) is None:
        return "it's " + unit[:1].lower() + unit[1:]  # "another negative test" -> "it's another negative test"
    day = _DAY_N.match(unit)
    if day and day.group(2).lower() not in _FUNCTION and find_verb(unit) is None:
        if day.group(2).lower() in _THINGS:
            # "migraine day 3, everything is too loud" -> "it's day 3 of my migraine, everything is too loud"
            return f"it's {day.group(3)} of {day.group(1) or 'my'} {day.group(2).lower()}{day.group(4)}"
        return "it's " + unit[:1].lower() + unit[1:]  # "sober day 30", "Paris day 2": not "day 30 of my sober"
    if first == "been":
        # "been in A&E since half six" -> "I've been in A&E ..."; "been 2 weeks and this cough ..." -> "it's been"
        return ("it's " if _SPAN.match(second_word(unit)) else "I've ") + unit[:1].lower() + unit[1:]
    span = _SPAN_WITHOUT.match(unit)
    if span and find_verb(unit) is None:
        # a verbless count of days: "7 days no smoking" -> "it's been 7 days without smoking"
        return f"it's been {span.group(1)} without {span.group(2)}"
    if _IT_TOOK.match(unit):
        return "it " + unit[:1].lower() + unit[1:]  # "only took three appointments"
    if _MADE_ME.match(unit):
        return "it " + unit[:1].lower() + unit[1:]  # "made me feel like we were 20 again"
    if (_STATE_START.match(unit) or first in _FEELING_WORDS) and not _NOT_A_STATE.match(unit):
        return "I'm " + ("a " if first == "bit" else "") + (unit if shouted else unit[:1].lower() + unit[1:])
    second = unit.split(" ", 2)[1] if " " in unit else ""
    if first in _ADVERB_STARTS and ((second[:1].isupper() and second != "I") or second.lower() in _SUBJECTS):
        return unit  # "Finally Amma said okay", "just my luck": the adverb opens a clause with its own subject
    if (first in _PAST or _SUBJECTLESS.match(unit.lower())) and typed != "Miss":  # "Miss Smith gave me detention"
        if _TAKEN_FROM_ME.match(unit):
            return "they " + unit[:1].lower() + unit[1:]  # "Took my toolbox" after a break-in: not "I took"
        return "I " + (unit if shouted else unit[:1].lower() + unit[1:])
    return unit


_ADVERB_STARTS = frozenset({"just", "finally", "still"})
# What is done to someone, told without who did it: "Took my toolbox", "stole my bike", "nicked my wallet".
_TAKEN_FROM_ME = re.compile(
    r"^(?:(?:also|even|then|and) )?(?:took|stole|nicked|pinched|swiped|grabbed|smashed|keyed|slashed|robbed|"
    r"broke into|cleaned out|ransacked|hacked) (?:my|me|our|us)\b",
    re.IGNORECASE,
)
_SUBJECTS = frozenset({"my", "the", "he", "she", "they", "we", "it", "his", "her", "their", "our", "mum", "mom", "dad"})
_ORDINARY_STARTS = frozenset({"only", "in", "after", "before", "since", "apparently", "probably", "now"})


def _lower_start(unit: str) -> str:
    """The first word in lower case when it is an ordinary word ("Only", "Had"), not a name ("Mam")."""
    first = unit.split(" ", 1)[0]
    low = first.lower()
    ordinary = low in _FUNCTION or low in _PAST or low in _ORDINARY_STARTS or low.endswith(("ed", "ing", "ly"))
    ordinary = ordinary or low.replace("\u2019", "'").split("'")[0] in _FUNCTION  # "She's", "They're"
    if first != "I" and not first.startswith("I'") and ordinary:
        return low + unit[len(first):]
    return unit


def _the_turn(sentence: str) -> str | None:
    """The last turn of a story told in one long sentence, when it is the slight, with the first clause's subject
    when it has none of its own: "new girl at work asked me to train her and then told everyone she figured it out
    herself" -> "new girl at work told everyone she figured it out herself"."""
    found = turned(sentence)
    if found is None:
        return None
    head, turn = found
    if not has_subject(turn):
        verb = find_verb(head)
        words = head.split()
        at = next((i for i, w in enumerate(words) if verb is not None and w.lower() == verb.word), None)
        if at is None or not 1 <= at <= 5:
            return None
        turn = " ".join(words[:at]) + " " + turn
    turn = clean_clause(turn)
    return turn if turn and len(turn.split()) <= MAX_WORDS else None


def _best_clause(sentence: str, news: bool = False) -> str:
    if not news and (turn := _the_turn(sentence)) is not None:
        return turn  # the point of the story is where it turned, not how it started
    clauses = [clean_clause(c) for c in CLAUSE_SPLIT.split(sentence) if c.strip()]
    if all(len(c.split()) > MAX_WORDS for c in clauses):  # a long typed run: its "and"s join clauses
        clauses = [clean_clause(c) for c in re.split(r"\s+and\s+", sentence) if c.strip()]
    clauses = [c for c in clauses if c and len(c.split()) <= MAX_WORDS]
    if not clauses:
        return ""  # a sentence cut at a word count reads cut ("... outside your door with a")
    if news:  # "then today I saw a woman wearing her cardigan and I just stood there": what happened first
        return max(enumerate(clauses), key=lambda ic: news_score(_with_subject(ic[1]), ic[0]))[1]
    return max(clauses, key=_score)


_UNMARKED_QUESTION = re.compile(
    r"^(?:was|is|am|are|do|does|did|can|could|should|would|will|have|has)\s+(?:i|you|u|he|she|it|that|this|we|they)\b"
    r"[^.!]*\bor\b",
    re.IGNORECASE,
)
# A request to the listener, told as an order with no subject ("dont give me advice", "pls just tell me its ok",
# "stop asking me what's wrong"): said back it turns on the listener ("you don't give you advice"). Only verbs of
# asking something of the listener, in their plain form: a texted "dont think me and him will last" or "never told me"
# is the writer's own telling, and stays. What follows the request ("..., the landlord is putting the rent up") is
# still heard (`_AFTER_ASKING`).
_ASKED_OF_YOU = re.compile(
    r"^(?:(?:please|pls|plz|just|so|and|but|ok|okay|look|honestly|babe|love)[,]?\s+){0,3}"
    r"(?:(?:do not|don'?t|dont|stop)\s+(?:give|giving|tell|telling|send|sending|ask|asking|lecture|lecturing|fix|"
    r"fixing|try|trying|make|making|call|calling|text|texting|ring|ringing|push|pushing|rush|rushing|pressure|"
    r"pressuring|judge|judging|bother|bothering|nag|nagging|message|messaging)\s+(?:me|us)\b"
    r"|(?:give|tell|send|call|text|ring|help|show|remind|hug|hold|bring)\s+(?:me|us)\b)",
    re.IGNORECASE,
)
_AFTER_ASKING = re.compile(r"[,;:]|\s-\s|\b(?:because|cos|cuz|coz|since|but|and)\b", re.IGNORECASE)
_ASKING = re.compile(
    r"^(?:what|why|how|when|where|who|which|do|does|did|are|is|can|could|would|will|should|have|has|u|you)\b",
    re.IGNORECASE,
)


_PIDGIN_MARKERS = re.compile(r"\b(?:" + alternation(word_set("pidgin", "markers")) + r")\b", re.IGNORECASE)
_PIDGIN = word_map("pidgin", "standard")
_PIDGIN_PHRASES = re.compile(r"\b(?:" + alternation(_PIDGIN) + r")\b", re.IGNORECASE)
PIDGIN_MIN_MARKERS = 2


def from_pidgin(text: str) -> str:
    """`text` with its Nigerian Pidgin said in standard English (`[pidgin]` in `heard_words.toml`), when at least
    `PIDGIN_MIN_MARKERS` different Pidgin words are in it; other text as it is.

    >>> from_pidgin("I don reach house dey tire"), from_pidgin("don't go")
    ('I got home tired', "don't go")
    """
    found = {re.sub(r"\s+", " ", m.group().lower()) for m in _PIDGIN_MARKERS.finditer(text)}
    if len(found) < PIDGIN_MIN_MARKERS:
        return text
    return _PIDGIN_PHRASES.sub(lambda m: _PIDGIN[re.sub(r"\s+", " ", m.group().lower())], text)


def candidates(text: str, *, bare: bool = False, news: bool = False) -> list[str]:
    """The parts of `text` worth saying back (the best `MAX_CANDIDATES`), best first, each in second person.

    The first sentence gets a little extra weight: people lead with the news. A question to the listener
    ("why didn't you call?") is never chosen; an excited one ("they want my cookies???") may be. `news`:
    rank by what carries the news (`news.news_score`), as for a long message, where the news is often in
    the middle, after a lead-in, or at the end after the context; only parts that tell news are kept.
    """
    units: list[tuple[int, str]] = []
    scores: dict[tuple[int, str], float] = {}  # `news`: each unit's news score, computed once
    points: list[tuple[int, str]] = []  # `news`: what the story turns to ("But at the end he said he missed me")
    text = from_pidgin(text)
    parts = [p for sent in split_sentences(text) for p in (
        [sent] if sent.rstrip().endswith("?") else run_ons(sent))]
    loss = _LOSS.search(text) is not None
    for i, sent in enumerate(parts):
        if sent.rstrip().endswith("?") and _ASKING.match(sent.strip()):
            continue
        sent = _GUESS_WHO.sub(_guessed, _LAUGH_LEAD.sub("", _unshouted(sent.strip())))
        turns = news and i > 0 and not loss and _TURNS.match(sent) is not None
        if turns:
            sent = _WHEN_TURNED.sub(r"\1", sent)
        concedes = _CONCEDES.match(sent) is not None
        if concedes and (point := _CONCESSION_THEN.match(sent)) is not None:
            sent, concedes = sent[point.end():], False  # the point after the concession
        concedes = concedes and news
        first = clean_clause(sent)
        if _UNMARKED_QUESTION.match(first):
            continue  # "like was that a dig or am i being sensitive": a question typed without its "?"
        if (asked := _ASKED_OF_YOU.match(first)) is not None:
            # "dont give me advice", "just tell me it'll be ok": asked of the listener, not what happened; what follows
            # it ("stop asking me what's wrong, the landlord is putting the rent up again") is still heard
            rest = _AFTER_ASKING.search(first, asked.end())
            first = clean_clause(first[rest.end():]) if rest is not None else ""
            if not first:
                continue
        cleaned = clean_clause(spoken(strip_end(_TAILS, strip_end(_LIKE_ASKING, _LEADS.sub("", first)))))
        if not cleaned or not (bare or content_words(cleaned) or (turns and find_verb(cleaned) is not None)):
            # `bare`: a clause with no content word may still say what you did ("you didn't tell me"); so may the
            # turn of a long story ("But right at the end she said she was sorry")
            continue
        if len(cleaned.split()) > (NEWS_MAX_WORDS if news else MAX_WORDS):
            cleaned = _best_clause(cleaned, news)
            if not cleaned:
                continue
        unit = _with_subject(cleaned)
        if news:
            base = news_score(unit, i)
            scores[i, unit] = base + (TURN_BONUS if turns else 0.0) - (CONCEDES_PENALTY if concedes else 0.0)
            if news and i > 0 and _REVEAL.match(unit):
                scores[i, unit] = max(scores[i, unit], NEWS_STRONG)
                points.append((i, unit))
            elif turns and base >= TURN_POINT_MIN and len(unit.split()) <= TURN_POINT_MAX_WORDS \
                    and find_verb(unit) is not None and not _TELLS_OF_US.search(unit) and not _STATE_UNIT.match(unit):
                scores[i, unit] = max(scores[i, unit], NEWS_STRONG)  # kept, however few its words of news
                points.append((i, unit))
            if scores[i, unit] < NEWS_STRONG:
                continue  # background, a lead-in, a feeling about it: not the news
        units.append((i, unit))
    if not units:
        return []
    ranked = sorted(units, key=lambda u: -(scores[u] if news else _ranked_score(u[0], u[1])))
    if points and (turn := max(points, key=lambda u: scores[u])) in ranked and ranked[0][0] < turn[0]:
        # a long story that turns ("My brother called ... But at the end he said he missed me") is answered at
        # its turn, not at the headline that set it up; "he" is who the headline named ("my brother said ...")
        ranked.remove(turn)
        first = min(units)[1]
        if (kin := _KIN_LEAD.match(first)) is not None and (m := _HE_SHE.match(turn[1])) is not None \
                and _KIN_IS.get(kin.group(2).lower()) == m.group(1).lower():
            turn = (turn[0], kin.group(0) + turn[1][m.end(1):])
        ranked.insert(0, turn)
    out: list[str] = []
    best_i, best = ranked[0]
    if len(ranked) > 1:
        other_i, other = ranked[1]
        if (
            abs(other_i - best_i) == 1
            and len(best.split()) <= JOIN_BEST_MAX_WORDS
            and len(best.split()) + len(other.split()) <= JOIN_MAX_WORDS
            and len(content_words(other)) >= 2
            and _tells(best) and _tells(other)  # "third time lucky", "finally", "no joke": a comment, not an event
        ):
            first, second = (best, other) if best_i < other_i else (other, best)
            out.append(f"{first.rstrip(',;:')} and {lower_first(_lower_start(second))}")
        else:
            # "Mam rang. She's not coming": the one that points back takes along the one it points to
            by_index = dict(units)
            before, after = (by_index.get(best_i - 1), best) if _BACK_REFERENCE.match(best) else (
                best, by_index.get(best_i + 1))
            if before and after and _BACK_REFERENCE.match(after) and content_words(after) \
                    and len(before.split()) + len(after.split()) <= JOIN_MAX_WORDS + 2:
                out.append(f"{before.rstrip(',;:')} and {lower_first(_lower_start(after))}")
    out += [u for _, u in ranked]
    couple = about_the_couple(text)
    return [
        lower_first(_lower_start(unadvised(to_second_person(u.rstrip(".!?,;: \t\n\r\f\v"), we_is_couple=couple))))
        for u in out[:MAX_CANDIDATES]
    ]


def _tells(unit: str) -> bool:
    """Whether a unit tells something (it has a verb), so it may be joined to another with "and"."""
    return find_verb(unit) is not None or _FINITE.search(unit) is not None


# A finite verb the clause reader may not take for one in a subjectless or texted clause: "mum is in pieces",
# "we're going to the funeral", "can't sleep again".
_FINITE = re.compile(
    r"\b(?:is|are|was|were|am|has|have|had|did|does|got|went|came|left|took|made|said|says|told|fell|broke|lost|"
    r"can't|won't|don't|didn't|doesn't|isn't|wasn't|aren't|haven't|hasn't)\b|\w'(?:s|re|m|ve|ll|d)\b",
    re.IGNORECASE,
)


MAX_CANDIDATES = 4  # the best few, said back (the rest are never used)
FIRST_BONUS = 2.5  # people lead with the news
_BACK_REFERENCE = re.compile(r"^(?:it|it's|its|they|they're|he|he's|she|she's|that|that's|this|those|these)\b", re.I)


# How they feel about it ("I can't stop smiling", "I'm trying to act normal about it") is not what happened.
_STATE_UNIT = re.compile(
    r"^(?:I'm|I am|I feel|I felt|I can't stop|I've been (?:grinning|smiling|crying|shaking)|I'm still)\b", re.I
)
STATE_PENALTY = 1.5
ONLY_CAME_PENALTY = 2.0  # "Mum rang.": that news came, not what it was ("Dad's not coming for Christmas")
_ONLY_CAME = re.compile(
    r"^(?:(?:my|your|our|the) )?\w+(?: \w+)?(?: just)? (?:rang|called|phoned|texted|messaged|emailed|rung|"
    r"got in touch|is after ringing|'s after ringing)[.!,]?$",
    re.IGNORECASE,
)
QUOTED_PENALTY = 2.0  # "she said 'I suppose she's too busy for us now'": their words, not the partner's


def _ranked_score(i: int, unit: str) -> float:
    """A unit's score, with the first sentence ahead and one that points back ("it's a girl", "they said
    ...") behind: it rarely carries the news on its own; so is a feeling about it, or quoted speech."""
    bonus = FIRST_BONUS if i == 0 else (-1.0 if _BACK_REFERENCE.match(unit) else 0.0)
    if _STATE_UNIT.match(unit):
        bonus -= STATE_PENALTY
    if _ONLY_CAME.match(unit.strip()):
        bonus -= ONLY_CAME_PENALTY
    if re.search(r"['\"\u2018\u201c][A-Za-z]", unit) and re.search(r"(?:^|\s)['\"\u2018\u201c]", unit):
        bonus -= QUOTED_PENALTY
    return _score(unit) + bonus


# Said back, an obligation reads as advice ("you have to do the eulogy"); the listener says it as theirs.
_OBLIGED = (
    (re.compile(r"\byou (?:have|got) to\b"), "you've got to"),
    (re.compile(r"\byou need to\b"), "you'll need to"),
    (re.compile(r"(?<!think )(?<!feel )(?<!know )\byou should\b"), "you think you should"),
)


def unadvised(said: str) -> str:
    """A clause said back in second person with its obligations put as the partner's own.

    >>> unadvised("you have to do the eulogy"), unadvised("the doctor said you need to rest")
    ("you've got to do the eulogy", "the doctor said you'll need to rest")
    """
    for pattern, sub in _OBLIGED:
        said = pattern.sub(sub, said)
    return said


def what_happened(text: str) -> str | None:
    """The part of `text` to say back, in second person, or None when nothing in it has content.

    >>> what_happened("ngl i think layoffs are coming. everyone in my dept is whispering")
    'you think layoffs are coming and everyone in your dept is whispering'
    >>> what_happened("i cried in the bathroom at work today. its fine. im fine")
    'you cried in the bathroom at work today'
    >>> what_happened("lol ok") is None
    True
    """
    found = candidates(text)
    return found[0] if found else None


__all__ = ["candidates", "content_words", "what_happened"]
