"""Which part of a long message carries the news: what happened to the partner, not the lead-in around it.

A message of several sentences rarely leads with what happened: it opens with a lead-in ("ok so you know
how I've been too scared to swim"), gives background ("he was fourteen"), says how it feels ("I keep
saying it out loud") and closes with a question or a sign-off. `news_score` scores one clause (first
person, as `echo.candidates` prepares it) on general features of a clause that tells news:

- an event verb in the past ("the shelter rang", "we put Max down", "I swam a full length"),
- a news word ("found out", "turns out", "told me", "came back", "approved", "diagnosed", "fell through"),
- a subject that is someone or something ("the specialist", "Mum", "they", "my paper"), not only "I",
- an anchor in time ("this morning", "today", "last night"),

and marks down what a listener does not say back: lead-ins, feelings and thoughts about it ("I feel",
"I keep thinking", "I don't know"), requests and sign-offs, background told in the past perfect or as a
habit, and a detail that points back ("they emailed saying ..."). Position counts for little: the first
clause, when it is not a lead-in, is a headline; later ones lose a little for each place. The word lists are `[news]` in
`coach/heard_words.toml`.

>>> news_score("the shelter rang and said we've been approved", 1) > news_score("I keep saying it out loud", 2)
True
>>> news_score("so you know how I've been too scared to swim", 0) < news_score("I swam a full length", 1)
True
"""

from __future__ import annotations

import re

from openup.coach.heard_verbs import find_verb, is_happening, is_past
from openup.coach.heard_words import alternation, word_tuple


def _alternation(name: str) -> str:
    return alternation(word_tuple("news", name))


_NEWS = re.compile(r"\b(?:" + _alternation("markers") + r")\b", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:" + _alternation("lead_ins") + r")\b", re.IGNORECASE)
_ABOUT_IT = re.compile(r"^(?:" + _alternation("about_it") + r")\b", re.IGNORECASE)
_SIGN_OFF = re.compile(r"^(?:" + _alternation("sign_offs") + r")\b", re.IGNORECASE)
_GOOD = re.compile(r"\b(?:" + _alternation("good") + r")\b", re.IGNORECASE)
_SETBACK = re.compile(r"\b(?:not|no|never|n't|didn't|wasn't|won't|can't|couldn't|away|down|rejected|failed)\b", re.I)
# Words before the subject: a time, a "then" ("then today I saw a woman wearing her cardigan").
_OPENING = re.compile(
    r"^(?:(?:then|and then|so|and|but|today|tonight|yesterday|this (?:morning|afternoon|evening)|last night|earlier|"
    r"finally|just|apparently|anyway|at lunch|at work|after that)\b,?\s*)+(?=\S)",
    re.IGNORECASE,
)
_WE = re.compile(r"^I and (?:my|your|our) (?:\w+ )?\w+(?= (?!and\b)\w)")
_WHEN = re.compile(r"\b(?:" + _alternation("time_anchors") + r")\b", re.IGNORECASE)
# Background: what had been so before the news, or what is so every day ("he'd been with me through three
# apartments", "most days I'm fine").
_BACKGROUND = re.compile(
    r"\b(?:had been|'d been|used to|most days|every (?:day|evening|night|morning|week|time)|always|for years|"
    r"since I was|all my life)\b",
    re.IGNORECASE,
)
# Someone or something other than the speaker opens the clause: a name, a family word, a role, "we".
_OTHER_SUBJECT = re.compile(
    r"^(?:(?:my|your|our|the|his|her|their|a|an) \w+|we|"
    r"(?!(?:It|This|That|There|Then|So|But|And|When|If|He|She|They)\b)[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
    r"(?! (?:think|feel)\b)"
)
# A clause that points back ("they emailed saying ...", "it just said thank you") tells a detail of news
# told before it.
_POINTS_BACK = re.compile(r"^(?:he|she|they|it|that|this)\b(?!'s (?:official|a (?:boy|girl)))", re.IGNORECASE)

NEWS_WORD = 2.0  # "found out", "came back", "approved": news said as news
EVENT_VERB = 1.5  # something happened, in the past
SOMEONE = 0.75  # ... to or by someone or something, not only "I"
WHEN = 0.75  # ... at a time ("this morning")
POINTS_BACK = 0.5
CONTENT = 0.25  # each content word, up to `CONTENT_MAX`: a clause that names things tells more
CONTENT_MAX = 5
LEAD_IN = 4.0  # "so you know how ...", "something nice happened today"
ABOUT_IT = 2.0  # "I keep thinking about it", "I don't know which feeling to go with"
SIGN_OFF = 4.0  # "please don't tell me I look fine", "I just needed you to know"
BACKGROUND = 1.0
FIRST = 1.0  # a headline: people who do not open with a lead-in lead with the news
LATER = 0.05
LONG_MIN_WORDS = 30
# A clause whose score reaches this tells news well enough to be said back in place of a feeling with its
# reason or a doubt found in the last sentences.
STRONG = 3.0


def is_long(text: str) -> bool:
    """Whether `text` is a long message: several sentences, and words enough for a lead-in and a context.

    >>> is_long("guess who forgot. this guy. called her at 11pm. oops"), is_long("ok. " * 12 + "fine")
    (False, False)
    """
    from openup.coach.heard_clauses import FOCUS_SENTENCES, split_sentences

    return len(text.split()) >= LONG_MIN_WORDS and len(split_sentences(text)) > FOCUS_SENTENCES


def good_news_told(clause: str) -> bool:
    """Whether the news said back is good as told ("the adoption panel said yes", "they accepted your
    paper"), whatever the feelings around it: it is not said back with "oh no".

    >>> good_news_told("the bank approved the loan"), good_news_told("they didn't accept your paper")
    (True, False)
    """
    return _GOOD.search(clause) is not None and _SETBACK.search(clause) is None


# A worry about health lifted: what was feared is not needed or not so ("the vet says he doesn't need surgery after
# all", "it's just a sprain", "my heart looks completely normal", "nothing to worry about"). Good news, and a relief.
LIFTED = (
    r"(?:doesn'?t|doesnt|does not|won'?t|wont|don'?t|dont|do not|didn'?t|didnt|no longer) (?:even )?"
    r"(?:need|needs|have|require) (?:an? |the |any |to have (?:an? |the )?)?(?:surgery|operation|op|stitches|cast|"
    r"chemo|biopsy|transfusion|amputation|root canal|to come back|to go back in)"
    # told by whoever looked at it, not said to play it down ("just a bit off today. nothing to worry about")
    r"|(?:said|says|told (?:me|us|her|him|them)|turns out|turned out|thank god|thank goodness|phew)\b[^.!?]{0,40}?"
    r"(?:(?:it'?s|its|it was|it is|was|is) (?:just|only) (?:a |an )?(?:\w+ )?(?:sprain|bruise|cyst|virus|cold|strain|"
    r"graze|bug|false alarm)|nothing (?:to worry about|serious|sinister|broken))"
    r"|(?:heart|scan|scans|bloods|blood (?:work|test|tests)|results|test results|levels|x-?rays?|ecg|mri|"
    r"smear|mammogram) (?:looks?|looked|came back|come back|comes back|is|was|are|were|all)(?: all)? (?:completely |"
    r"totally |perfectly |absolutely )?(?:normal|clear)\b"
    # someone of theirs may leave hospital ("the nurse said ... she might be able to come home Thursday")
    r"|(?:hospital|ward|nurses?|doctors?|docs?|consultant|surgeon|icu)\b[^!?]{0,100}?\b(?:she|he|they|(?:(?:my|our|"
    r"your) )?(?:mum|mom|mam|dad|gran|granny|grandma|grandad|grandpa|nan|nana|baby|son|daughter|brother|sister|husband|"
    r"wife|partner|papa|mama|uncle|aunt|auntie))(?:'ll| will| might| may| could| can| should)(?: be able to| be allowed"
    r" to| get to)? (?:finally )?"
    r"come home\b(?! (?:late|early|drunk|later|tonight|for (?:dinner|tea|lunch)))"
)


# Good news said plainly, in any register: a thing that went through, was approved or accepted, a place, job or
# visa got, a result that is clear ("so, the promotion went through", "they want to publish it", "got the call,
# 2IC"). Read in one sentence, with no setback or doubt before it or just after ("didn't get the job", "if the
# sale goes through"), and no turn after it ("got the promotion but it's in leeds", "approved the tower block
# ... so that's our sunlight gone").
_GOOD_SAID = re.compile(
    r"\b(?:(?<!\bi )(?<!\bwe )(?<!\bactually )went through(?= *(?:$|[.!,]| today| this| at last| finally))"
    r"|is going through(?= *(?:$|[.!,]))"
    r"|got (?:into|in to|accepted|approved|promoted|picked|shortlisted|selected|hired|the all clear)"
    r"|got (?:the|my|a|an|our) (?:\w+ )?(?:job|place|promotion|offer|role|part|house|flat|scholarship|visa|loan|"
    r"mortgage|grant|contract|raise|spot|position|internship|apartment|bursary|funding|keys)"
    r"|got the call(?:\s+(?:this (?:morning|afternoon|arvo|evening)|today|tonight))?(?=\s*(?:!|$))"
    r"|(?:been|was|were|is|are|got|get|all|it's|its) (?:approved|accepted|promoted|shortlisted|selected)"
    r"|approved (?:the|my|our|us)|accepted (?:my|our|me)"
    r"|want(?:s|ed)? (?:to )?(?:publish|stock|offer|hire|sign|buy) (?:it|me|my|us|our|the book)"
    r"|want(?:s|ed)? (?:me|us) to (?:lead|head|run|join|start)|offered (?:me|us|it to me)|offer it to (?:me|you)"
    r"|passed (?:my|the|our|his|her) (?:\w+ )?(?:test|exam|exams|bar|course|probation|viva|assessment|audition|"
    r"medical|inspection|mot|module|driving test|theory)"
    r"|promoted|(?:the )?all clear|benign|in remission|aced|nailed it|smashed it|crushed it|sale agreed"
    r"|(?:they|she|he) said yes"
    # a place earned, a streak kept, a step up in view, a treat booked for the two of you
    r"|qualified (?:for|to)"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a) (?:whole )?(?:days?|weeks?|months?|years?) "
    r"(?:(?:no|without|off) (?:smoking|cigarettes|a cigarette|a smoke|drinking|a drink|alcohol|booze|vaping|"
    r"gambling)|clean|sober|smoke[- ]free)"
    # not a streak at risk: "6 weeks sober today and i want a drink so badly", "3 months clean and i blew it"
    r"(?![^.!?]*\b(?:want|wanna|craving|crave|tempted|struggl\w*|relaps\w*|slipped|blew it|hard|badly|but|"
    r"death|dying|dead|awful|terrible|horrible|shaky|shaking|sick|ill|miserable|rough|withdrawals?|like (?:shit|crap|"
    r"hell|garbage|rubbish)|worst|panic\w*|anxious|can'?t sleep)\b)"
    r"|(?:i'?m|im|i am) up for (?:the |a )?(?:\w+ ){0,2}(?:promotion|lead|manager|director|head|partner|award)"
    r"|booked us (?:a|an|two|tickets|flights|the)"
    r"|(?:the )?best (?:she|he|they|anyone)(?:'s|s| has| have| had)? (?:ever )?seen|ahead of (?:his|her|their) "
    r"(?:age|year|class)|(?:into|in) the (?:advanced|top|gifted) (?:group|set|class|stream)"
    r"|(?:lost|losing) (?:her|his|their) first tooth|(?:took|taking) (?:her|his|their) first steps"
    r"|said (?:her|his|their) first word"
    # a personal best or a first at the gym or in a race ("PB on deadlift today", "ran my first 10k", "finally did
    # a pull up"); not one missed or hoped for ("missed my PB by 2 seconds", "going for a PB on sunday")
    r"|(?:new|another|got an?|hit an?|set an?|smashed (?:my|an?)|crushed (?:my|an?)|beat my|broke my|huge|massive|"
    r"big|a new) (?:pb|pr|personal best|personal record)s?"
    r"|(?<!going for a )(?<!go for a )(?<!hoping for a )(?<!chasing a )(?<!missed my )(?<!missed a )"
    r"(?:pb|pr|personal best|personal record)s? (?:on|in|at|for) (?:the |my |a |an )?(?:\w+ ){0,2}?"
    r"(?:deadlifts?|squats?|bench|press|rows?|cleans?|snatch|pull[- ]?ups?|chin[- ]?ups?|5k|10k|half|marathon|"
    r"parkrun|park run|runs?|mile|swim|lifts?|total|erg|row|climb|ride)\b(?! (?:on|next|this (?:weekend|sunday|"
    r"saturday))\b)"
    r"|(?:ran|run|did|done|finished|completed|swam|cycled|rode|climbed|hiked|walked|smashed|nailed) (?:my|our|a|the) "
    r"(?:very )?first (?:\w+ ){0,2}?(?:5k|10k|half|half marathon|marathon|ultra|triathlon|parkrun|park run|race|"
    r"sportive|century|pull[- ]?up|chin[- ]?up|push[- ]?up|press[- ]?up|muscle[- ]?up|handstand|lap|length|mile|km)"
    r"|(?:finally|just|actually) (?:did|managed|got|hit|nailed|landed|held) (?:a|my|the|an|one|1|my first) "
    r"(?:proper |full |strict |unassisted |real )?(?:pull[- ]?up|chin[- ]?up|push[- ]?up|press[- ]?up|muscle[- ]?up|"
    r"handstand|cartwheel|splits|kip|box jump|backflip|rope climb)"
    r"|(?:deadlifted|squatted|benched|lifted|pressed) (?:\d+ ?(?:kg|kgs|kilos|lbs?|pounds)|(?:my )?bodyweight|"
    r"(?:double|twice) (?:my )?bodyweight)"
    r"|(?:ran|did|got) (?:a )?(?:sub|under) ?-?\d+(?::\d\d)? (?:5k|10k|parkrun|marathon|half|mile)"
    r"|" + LIFTED +
    r"|only charged (?:me|us|you)"
    r"|want(?:s|ed)? (?:the|my|our) (?:book|manuscript|novel|script|screenplay|song|album|design|pitch|proposal|"
    r"paper)\b"
    # good news of the two of you ("we're pregnant!!!", "we won the pub quiz")
    r"|(?<!\byou )(?<!\bthey )(?<!\bi )(?<!\bhe )(?<!\bshe )(?:we'?re|we are) (?:officially |finally )?"
    r"(?:pregnant|expecting|having a baby|engaged)"
    r"|(?:we|i)(?: just| finally| actually| only went and)? won (?:the|a|an|our|my|first|1st|gold|top)\b)\b",
    re.IGNORECASE,
)
_MODEST = re.compile(
    r"\b(?:idk|i don'?t know|don'?t know|dunno|not sure) (?:if|whether) (?:this|it)(?:'s| is) (?:a )?"
    r"(?:big deal|anything|worth (?:mentioning|saying|telling))(?:,? but)?\s*",
    re.IGNORECASE,
)
# A small win told with a wink ("not to brag but ...", "weird flex but ..."): what follows is theirs to be proud of.
_BRAG = re.compile(r"\b(?:not to brag|not to boast|not gonna lie i'm proud|weird flex)\b(?:,? but\b)?", re.IGNORECASE)
_NOT_A_WIN = re.compile(
    r"\b(?:not|no|never|nobody|nothing|haven'?t|hasn'?t|hadn'?t|can'?t|cannot|won'?t|didn'?t|don'?t|isn'?t|"
    r"wasn'?t|couldn'?t|lost|failed|hurt|cried|sick|alone|scared|"
    # not a win: getting through a day, an ex who keeps calling, feeling awful ("not to brag but i survived another
    # day", "not to brag but my ex only called 40 times today")
    r"surviv\w*|still alive|made it through|got through|(?:my|his|her|their) ex|death|dying|dead|awful|terrible|"
    r"horrible|shaky|shaking|ill|miserable|worst|withdrawals?|panic\w*)\b|n't\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"\s+and (?=(?:they|she|he|we)(?:'d|'ll| would| will| want)\b)", re.IGNORECASE)
_DOUBT_BEFORE = re.compile(
    r"\b(?:not|no|never|\w*n't|rejected|failed|if|hope|hopefully|fingers crossed|might|unless|whether)\b", re.IGNORECASE
)
_TURN_AFTER = re.compile(
    r"\b(?:but(?! (?:[\w']+ ){0,3}(?:huge|amazing|great|brilliant|proud|happy|excited|still|worth|good|mine|"
    r"grinning|smiling|buzzing|thrilled|delighted)\b| (?:they|she|he) (?:still )?(?:want|wants|love|loves) it\b)|"
    r"though|although|except|which means|worse|gone(?! and\b)|idiot|again|i just have to|now i have to|hard|sad|"
    r"worried|worry|scared|nervous|terrified|anxious|dread|sick|awful|panic\w*|"
    r"feel(?:s|ing)? like (?:death|shit|crap|hell|garbage|rubbish)|dying|shaky|terrible|horrible|miserable)\b|🙃|🙄",
    re.IGNORECASE,
)
# Someone else's news ("my brother got into college", "Wren's school offered her a place"): theirs to celebrate,
# with feelings of the partner's own around it.
_SOMEONE_ELSES = re.compile(
    r"^(?:(?:so|and|omg|guess what|ok|okay)\W+)*(?:my|our|his|her) (?:\w+ )?(?:brother|sister|son|daughter|mum|mom|"
    r"dad|friend|cousin|wife|husband|kid|boy|girl|partner)\b|^[A-Z][a-z]+'s\b",
    re.IGNORECASE,
)


# Where a story turns: what comes after "and then" or "but" is often the point ("asked me to train her and then
# told everyone she figured it out herself", "lent jess 300 and she's acting like it never happened"), when it
# tells of a slight: someone did not do, took, lost, broke, blamed or pretended.
TURN = re.compile(
    r",?\s+(?:and then|but then|but|and now|and (?=(?:she|he|they|she's|he's|they're|shes|hes|theyre|nobody|no one|"
    r"everyone|everybody)\b))\s*",
    re.IGNORECASE,
)
_SLIGHT = re.compile(
    r"\b(?:everyone|everybody|nobody|no one|never|not even|didn't|did not|wouldn't|won't|acting like|act like|"
    r"acts like|"
    r"pretend\w*|herself|himself|themselves|lost it|broke it|blamed|took (?:the )?credit|without (?:asking|telling))\b",
    re.IGNORECASE,
)


# After "but", what is hard is the point too: "the new job is grand but I feel like I'm not fitting in yet".
_HARD_TURN = re.compile(r"\b(?:not|\w+n't|never|no one|nobody|feel like|feels like|still|miss|lonely|scared|worried)\b",
                        re.IGNORECASE)


BUT_MAX_WORDS = 12  # what follows "but" is said back alone when it is short and whole
_REASONED = re.compile(r"\b(?:because|cause|cos|coz|while|if|whether|guess|guessing|suppose|agree)\b", re.IGNORECASE)


def turned(clause: str) -> tuple[str, str] | None:
    """(what came first, the turn) when `clause` tells a story whose last turn is a slight; else None.

    >>> turned("the new girl asked me to train her and then told everyone she figured it out herself")
    ('the new girl asked me to train her', 'told everyone she figured it out herself')
    >>> turned("we went to the beach and then had chips") is None
    True
    """
    found = list(TURN.finditer(clause))
    if not found:
        return None
    m = found[-1]
    head, turn = clause[: m.start()].strip(), clause[m.end() :].strip()
    if len(head.split()) < 3 or len(turn.split()) < 3 or "," in turn:
        return None
    if _SLIGHT.search(turn) is None and not (
        m.group().strip(" ,").startswith("but") and _HARD_TURN.search(turn) and len(turn.split()) <= BUT_MAX_WORDS
        and not _REASONED.search(turn)
    ):
        return None
    return head, turn


def tells_news(clause: str) -> bool:
    """Whether `clause` tells news in a word of news ("told you", "rang", "approved", "fell through").

    >>> tells_news("your manager told you the whole team is being shut down"), tells_news("Priya asked you")
    (True, False)
    """
    return _NEWS.search(clause) is not None or _NEWS.search(re.sub(r"\byou\b", "me", clause)) is not None


def says_good(clause: str) -> bool:
    """Whether `clause` holds the words of good news said plainly (`good_news_said`)."""
    return _GOOD_SAID.search(clause) is not None


def good_part(event: str) -> str:
    """The good news of `event` without a setback told before it in the same breath: "the person they hired
    didn't work out and they'd like to offer it to you" -> "they'd like to offer it to you".

    >>> good_part("they said the person they hired didn't work out and they'd like to offer it to you")
    "they'd like to offer it to you"
    """
    parts = _CLAUSE_BREAK.split(event)
    if len(parts) > 1 and says_good(parts[-1]) and _DOUBT_BEFORE.search(" ".join(parts[:-1])):
        return parts[-1].strip()
    return event


def good_news_said(text: str) -> bool:
    """Whether `text` (as meant) tells good news of the partner's own in plain words, with nothing after it that
    turns it ("so, the promotion went through. senior analyst"; not "got the promotion but it's in leeds").

    >>> good_news_said("So, the promotion went through. Senior analyst."), good_news_said("I didn't get the job")
    (True, False)
    >>> good_news_said("got the promotion but its in the leeds office")
    False
    """
    from openup.coach.heard_clauses import split_sentences

    text = _MODEST.sub("", text)  # "idk if this is a big deal but ...": the news after it, not a doubt
    brag = _BRAG.search(text)
    if brag is not None and _TURN_AFTER.search(text[brag.end() :]) is None \
            and _NOT_A_WIN.search(text[brag.end() :]) is None:
        return True  # "not to brag but i fixed the sink myself": a small win, told as one
    sentences = split_sentences(text)
    for i, sentence in enumerate(sentences):
        m = _GOOD_SAID.search(sentence)
        if m is None:
            continue
        # a setback before "and they'd like to ..." is not this clause's: "the person they hired didn't work out
        # and they'd like to offer it to me" is good news
        clause_before = _CLAUSE_BREAK.split(sentence[: m.start()])[-1]
        if _SOMEONE_ELSES.match(sentence) or _DOUBT_BEFORE.search(clause_before):
            continue
        if _DOUBT_BEFORE.search(sentence[m.end() : m.end() + 25]):
            continue
        return _TURN_AFTER.search(" ".join([sentence[m.end() :], *sentences[i + 1 :]])) is None
    return False


# A result that fell short, told plainly: a test not passed ("my nephew didn't pass maths", "failed my driving
# test"), a low mark ("got a 58 on the midterm", "got 12/30 in the quiz"), or money lent and not paid back ("lent
# maria 500 in march and she just posted pics from cancun", "he still hasn't paid me back"). Never good news, however
# glad the feelings reader hears its few words; a pass told beside it ("failed twice, passed today!") is.
_NOT_PASSED = re.compile(
    r"\b(?:didn'?t|didnt|did not|never|not|hasn'?t|haven'?t|won'?t|wont|couldn'?t) (?:\w+ )?pass(?:ed)?"
    r"(?:(?= *(?:$|[.!?,;]|(?:again|either|this time|(?:the )?first time|lol|lmao)\b))"
    r"|(?: (?:my|the|his|her|their|our|it|this|that|any|either|a|an|both))?(?: \w+){0,2}? "
    r"(?:exams?|tests?|module|course|class|paper|mot|assessment|quiz|"
    r"midterm|mid-term|finals?|units?|subjects?|maths?|stats|statistics|year|resit|re-sit|retake|probation|medical|"
    r"viva|bar|boards|matric|gcses?|a-?levels?|theory|practical)\b)"
    r"|\b(?:failed|flunked|fail(?:ed)? on) (?:my|the|his|her|their|our|a|an|another|both|all|two|three)?\s*"
    r"(?:\w+ ){0,2}?(?:exams?|tests?|module|course|class|paper|mot|interview|audition|assessment|quiz|midterm|"
    r"mid-term|finals?|units?|subjects?|maths?|stats|statistics|year|resit|re-sit|retake|probation|medical|viva)\b"
    r"|\b(?:the|my|his|her|their|our) (?:\w+ ){0,2}?(?:exams?|tests?|module|mot|quiz|midterm|assessment|audition) "
    r"(?:came back )?(?:was |as )?(?:a )?(?:fail|failed)\b",
    re.IGNORECASE,
)
_MARK = re.compile(
    r"\b(?:got|scored|get|getting|only got|just got) (?:a |an |only |just )?(\d{1,3})(?:\s*(?:%|percent|per cent)"
    r"|\s*(?:/|out of)\s*(\d{1,3}))?(?: marks?| points?)? (?:on|in|for|at) (?:the|my|his|her|their|our|that|this|a)?\s*"
    r"(?:\w+ ){0,2}?(?:exams?|tests?|midterm|mid-term|finals?|quiz|paper|essay|assignment|module|coursework|mock|"
    r"mocks|assessment|project|report|practical|unit)\b",
    re.IGNORECASE,
)
_LENT = re.compile(r"\blent (?:\w+ ){0,2}?(?:[£$€]|rs\.? ?|r ?)?\d[\d,.]*k?\b", re.IGNORECASE)
_UNPAID = re.compile(
    r"\b(?:still |never |hasn'?t |has not |didn'?t |did not |won'?t |not )(?:\w+ )?(?:paid|pay|paying) "
    r"(?:me |us |it |that |the money )?back\b|\bowes (?:me|us) (?:[£$€]|rs\.? ?)?\d",
    re.IGNORECASE,
)
_PASSED_TOO = re.compile(
    r"\b(?:i|we|he|she|they|u|you) (?:still |just |actually |finally |somehow )?(?:passed|scraped through)\b"
    r"(?! (?:out|away))",
    re.IGNORECASE,
)
_PAID_BACK = re.compile(
    r"\b(?<!not )(?<!never )(?:paid|paying|pays|gave|given) (?:me|us|it|the money|the \w+)? ?back\b(?! yet\b)",
    re.IGNORECASE,
)
LOW_MARK = 0.6  # a mark below this share of the most it could be (of 100 when none is given) fell short


def _low_mark(text: str) -> bool:
    for m in _MARK.finditer(text):
        got, out_of = int(m.group(1)), int(m.group(2)) if m.group(2) else 100
        if out_of and (m.group(2) or got >= 20) and got / out_of < LOW_MARK:
            return True  # "got 9 on the quiz" may be out of 10: a bare mark is read only from 20
    return False


def fell_short(text: str) -> bool:
    """Whether `text` tells plainly of a result that fell short: a test not passed, a low mark, money lent and not
    paid back; not when a pass is told beside it.

    >>> fell_short("i got a 58 on the midterm"), fell_short("my nephew didn't pass maths")
    (True, True)
    >>> fell_short("got 92 on the stats exam"), fell_short("failed it twice but i passed today!")
    (False, False)
    >>> fell_short("lent him 50 and he paid me back today"), fell_short("lent him 50 and he hasn't paid me back")
    (False, True)
    """
    text = text.replace("’", "'")
    if _UNPAID.search(text) or (_LENT.search(text) and not _PAID_BACK.search(text)):
        return True
    return not _PASSED_TOO.search(text) and bool(_NOT_PASSED.search(text) or _low_mark(text))


def news_score(unit: str, index: int) -> float:
    """How well `unit` (a clause in first person) carries what happened; `index` is its place in the
    message, used only to break ties."""
    from openup.coach.echo import content_words

    plain = _OPENING.sub("", unit.strip())  # "then today the school rang": the clause starts at its subject
    plain = _WE.sub("we", plain)  # "I and my dad actually talked": we talked
    score = 0.0
    verb = find_verb(plain)
    if verb is not None and is_past(verb) and is_happening(verb):
        score += EVENT_VERB
    if _NEWS.search(plain):
        score += NEWS_WORD
    if _OTHER_SUBJECT.match(plain) and not plain.startswith(("I ", "I'")):
        score += SOMEONE
    if _POINTS_BACK.match(plain):
        score -= POINTS_BACK
    if _WHEN.search(plain):
        score += WHEN
    score += CONTENT * min(len(content_words(plain)), CONTENT_MAX)
    if _LEAD_IN.match(plain):
        score -= LEAD_IN
    if _ABOUT_IT.match(plain):
        score -= ABOUT_IT
    if _SIGN_OFF.match(plain):
        score -= SIGN_OFF
    if _BACKGROUND.search(plain):
        score -= BACKGROUND
    return score + (FIRST if index == 0 else 0.0) - LATER * index


__all__ = [
    "LIFTED", "STRONG", "TURN", "fell_short", "good_news_said", "good_news_told", "good_part", "is_long", "news_score",
    "says_good", "tells_news", "turned",
]
