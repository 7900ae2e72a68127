"""When the listener or the two of you are part of the story (`us = "..."` in `method/replies.toml`).

A message about someone else is heard from outside ("my boss never listens": "Ugh, I'm sorry"). A message in
which you, the listener, or the couple are part of what happened is answered from inside it, as the other half:

- "owned": a complaint about you ("you said you'd come to my game and you just didn't show", "I feel like I'm
  always the one apologising first"): owned plainly, with an apology and something you will do, never said back
  as their feeling ("It sounds like you feel ...") nor agreed with from outside ("I'd have felt the same").
  "fright" is one that frightened them ("ur phone was off all afternoon, i thought you'd crashed"): owned too.
- "drift": that the two of you have drifted ("we haven't really talked in weeks"): owned, and time together.
- "doubt": a doubt about the relationship ("idk if we want the same things anymore"): taken seriously, and you
  want to understand.
- "proposal" / "counsel": a hope or a plan for the two of you ("can we have a phones-away night", "i think we
  should see a couples counsellor"): a yes, "I want that too", never "That sounds really hard" as if it were
  bad news from outside.
- "your_people": their nerves about your own people ("what if your gran hates me?"): reassured from the inside
  ("My gran will love you") and you will be by their side.
- "ours" / "ours_money" / "ours_child": a problem that is ours as well ("40 quid left til the 28th. love that
  for us", "mum wants to move in w us", "whether we missed signs"): met with "we", facing it together, a shared
  step.

`us_of` reads which, or "" when the message is not about you or us. Serious things keep their own answer: a loss,
what the safety screen flags, someone unwell, a violation (`fitting.fit_of`) are never read as about us.

>>> from openup.coach.heard import Heard
>>> us_of(Heard(None, (), (), valence="negative", focus="idk if we want the same things anymore"))
'doubt'
>>> us_of(Heard(None, (), (), valence="negative", focus="my boss never listens"))
''
"""

from __future__ import annotations

import re

from openup.coach.fitting import fit_of, harm_signs
from openup.coach.heard import Heard, per_heard
from openup.coach.perspective import about_the_couple

# What `fit_of` already answers in its own way: never taken over by a reading of us.
_OWN_FIT = frozenset({"panic", "violated", "unwell", "unwell_other", "all_clear", "waiting", "missing", "grown",
                      "mixed", "doubting", "share", "unheard", "our_fight", "your_do", "looks", "low", "stunned",
                      "pressed", "big_day"})

# A grievance in what they say of you ("I never apologise first", "I forgot our anniversary"), not a pleasantry
# ("you hope I have a good day").
_GRIEVANCE = re.compile(
    r"\b(?:never|didn't|did not|don't|do not|doesn't|won't|wouldn't|can't|couldn't|haven't|hasn't|wasn't|weren't|"
    r"forgot|forget|always|keep|kept|again|late|missed|miss|ignored?|ignoring|interrupt\w*|laughed|left|"
    r"supposed to|said I'd|said I would|promised|not even|no longer|only|just)\b",
    re.IGNORECASE,
)
# Praise of you is no complaint ("you were so calm today, i dont know how you do it").
_PRAISE = re.compile(
    r"\b(?:calm|amazing|great|lovely|kind|sweet|brilliant|patient|strong|funny|wonderful|gorgeous|beautiful|"
    r"handsome|clever|smart|thoughtful|generous|helpful|a star|a legend|so good)\b",
    re.IGNORECASE,
)
_NOT = re.compile(r"\b(?:not|never|no|didn't|don't|wasn't|weren't|isn't|aren't)\b|n't\b", re.IGNORECASE)
# Their side of a pattern between you, never saying "you" ("I'm always the one apologising first", "why do i always
# have to be the one to say sorry", "i feel like im the only one planning anything for us").
_ALWAYS_ME = re.compile(
    r"\b(?:(?:i'?m|im|i am|i'?ve been|ive been|me|be|being)\s+(?:\w+\s+)?(?:always|the only|only ever|forever)"
    r"|always me)"
    r"\s+(?:the\s+)?(?:one\s+)?(?:who\s+|that\s+|to\s+)?(?:has to\s+|have to\s+|ends? up\s+)?(?:always\s+|ever\s+)?"
    r"(?:apologi[sz]\w*|say(?:s|ing)? sorry|text\w*|messag\w*|call\w*|ring\w*|reach\w* out|mak\w* (?:the |an )?effort|"
    r"mak\w* plans|plan\w*|organi[sz]\w*|initiat\w*|start\w* (?:things|it|the conversation)|book\w*|compromis\w*|"
    r"giv\w* in|back\w* down|mak\w* up|fix\w* (?:things|it)|trying|try|mak\w* time|putting in|put in|car\w* more|"
    r"show\w* up)\b",
    re.IGNORECASE,
)
# Something of yours that let them down, never saying "you did": "ur phone was on silent for 4 hrs".
_YOUR_THING = re.compile(
    r"\b(?:ur|your|yr) (?:phone|mobile|alarm|snoring|mess|dishes|washing|clothes|socks|shoes|stuff|texts?|replies|"
    r"location)\b(?! (?:is|was|are|were) (?:broken|stolen|lost|fixed|ready))",
    re.IGNORECASE,
)
# The fright it gave them: "i thought something had happened to u", "i was frantic".
_FRIGHT = re.compile(
    r"\b(?:thought (?:something|you'?d|u'?d|you were|u were|you had|u had)|frantic|worried sick|panick\w*|"
    r"scared|terrified|hospital|crash|accident|dead in a ditch|ring(?:ing)? round|called everyone)\b",
    re.IGNORECASE,
)
# Not about the two of you: a workplace, a group, their family.
_ELSEWHERE = re.compile(
    r"\b(?:work|office|job|boss|manager|team|colleagues?|coworkers?|shift|client|group|friends|mates|lads|girls|"
    r"class|uni|school|mum|mom|dad|sister|brother|family|parents|kids)\b",
    re.IGNORECASE,
)

# That the two of you have drifted: "we haven't really talked in weeks", "we never go out anymore", "we're like
# flatmates".
_DRIFT = re.compile(
    r"\bwe (?:haven'?t|havent|have not|don'?t|dont|do not|never|barely|hardly|rarely)"
    r"(?: really| even| properly| ever)? "
    r"(?:talk(?:ed)?|spoken|speak|spent (?:any )?(?:proper )?time|spend (?:any )?(?:proper )?time|been out|go out|"
    r"went out|laugh(?:ed)?|kiss(?:ed)?|cuddle\w*|"
    r"(?:had|have) (?:sex|a (?:proper |real |decent )?(?:date|night|evening|weekend|conversation|chat|talk)|"
    r"time (?:together|for us))|see each other|do anything (?:together|fun))\b"
    r"|\b(?:drifting|growing|grown|drifted) apart\b|\b(?:we'?re|we are|feel like) (?:just )?(?:like )?"
    r"(?:room ?mates|flat ?mates|house ?mates|strangers|ships in the night)\b"
    r"|\b(?:disconnected|distant|far) from (?:you|u)\b|\bi miss us\b|\bi miss (?:you|u) even when\b",
    re.IGNORECASE,
)
# A doubt about the two of you: "idk if we want the same things anymore", "not sure we're working".
_DOUBT = re.compile(
    r"\b(?:idk|i don'?t know|i dont know|i do not know|not sure|dunno|i wonder|wondering|i'?m scared|im scared)"
    r"(?: anymore)?(?: if| whether)? (?:we|we'?re|us)\b(?: two)?(?: still| even| really)? "
    r"(?:want|are (?:still )?(?:on the same|right|good|happy|working|compatible|going)|re (?:on the same|right|"
    r"good|happy|working|compatible|going)|on the same page|right for each other|good together|working|"
    r"going to make it|gonna make it|can make (?:it|this) work|have a future|still work)"
    r"|\b(?:is|are) (?:this|we|us) (?:even )?(?:still )?(?:working|going anywhere)\b",
    re.IGNORECASE,
)
# Seeing someone together: "a couples counsellor", "we should see someone", "relationship therapy".
_COUNSEL = re.compile(
    r"\b(?:couples?|marriage|relationship) (?:counsel\w*|therap\w*|coach\w*)"
    r"|\bwe (?:should|could|need to|ought to|might) (?:go and |go |try )?(?:see|talk to) (?:someone|somebody|"
    r"a (?:counsel\w*|therapist))\b",
    re.IGNORECASE,
)
# A hope or a plan for the two of you: "can we have a phones-away night", "i want us to ...", "let's do a date night".
_PROPOSAL = re.compile(
    r"\b(?:can|could|shall|should|can't|cant) we (?:please |maybe |just |start |try )?(?:have|do|try|start|make|plan|"
    r"book|go on|get|bring back|set up|keep) "
    r"(?!(?:a |an |some |one )?(?:normal|quiet|chill|easy|lazy|early|nice|calm)\b)"
    r"(?:a |an |some |more |our |one |every )?(?:[\w-]+ ){0,2}?"
    r"(?:night|nights|date|dates|weekend|evening|evenings|day|morning|time|trip|walk|walks|holiday|break|ritual|"
    r"dinner|dinners)\b(?! (?:off|shift|out with (?:the|my|your)))"
    r"|\b(?:i (?:really )?(?:want|wanna|would love|'d love|d love|need) (?:us|it) (?:to|not to)|"
    r"i want (?:it|this|us) not to be)\b"
    r"|\bwe (?:should|could|need to|ought to) (?:spend (?:more )?time|talk more|go on (?:more )?dates|"
    r"have (?:a |more )?(?:date|night)|get away|go away|make (?:more )?time for (?:us|each other))\b"
    r"|\blet'?s (?:try|make|have|do|start|plan|book|bring back)(?: a| an| some| more)? (?:[\w-]+ ){0,2}?"
    r"(?:night|date|weekend|time for us|time together|ritual)\b",
    re.IGNORECASE,
)

# Your own people, named as yours, whom they are nervous about meeting or pleasing.
_YOUR_PEOPLE = re.compile(
    r"\b(?:your|ur|yr) (?:whole |entire |big |extended )?(family|fam|mum|mom|mam|mother|dad|father|parents|folks|"
    r"gran|granny|grandma|nan|nana|nanna|grandad|grandpa|grandparents|sister|sisters|brother|brothers|siblings|"
    r"aunt|auntie|aunty|aunts|uncle|uncles|cousins?|friends|mates|best friend|best mate|kids|son|daughter)\b",
    re.IGNORECASE,
)
_NERVES = re.compile(
    r"\b(?:nervous|nerves|anxious|scared|terrified|petrified|worried|worrying|dreading|bricking it|shitting it|"
    r"cacking it|what if|hates? me|(?:won'?t|wont|don'?t|dont|doesn'?t|doesnt|not) (?:like|approve of) me|"
    r"judge me|good impression|first impression|intimidat\w*|freaking out|panicking|butterflies)\b",
    re.IGNORECASE,
)
# What your people did to them is owned elsewhere (`listen._YOUR_KIN_DID`), and what frightens them is no
# meeting nerves.
_DID_TO_THEM = re.compile(
    r"\b(?:said|says|told|tells|called|keeps|kept|commented|criticis\w*|criticiz\w*|ignored|shouted|yelled|"
    r"snapped|hit|touch\w*|grab\w*|threat\w*|hurt)\b",
    re.IGNORECASE,
)
# The one their fear names: "your gran hates me", "what if your mum ...".
_FEARED = re.compile(
    r"(?:'s)? (?:\w+ )?(?:hates?|(?:won'?t|wont|doesn'?t|doesnt|don'?t|dont|not) (?:like|approve)|judges?|"
    r"thinks? i'?m)\b",
    re.IGNORECASE,
)
_WHAT_IF = re.compile(r"\bwhat if\b", re.IGNORECASE)
# The nerves are theirs, about you and yours: "I'm so nervous", "what if she hates me", "bit nervous about your mum's
# do", "nervous about meeting your parents"; not your mum's own nerves ("your mum is so nervous about the op").
_MY_NERVES = re.compile(
    r"\b(?:hates?|like|approve of|judge|judges|think (?:i'?m|of me)|thinks (?:i'?m|of me))\s+me\b"
    r"|\bwhat if\b[^.!?]{0,40}\b(?:me|i)\b|\bthinks? i'?m\b"
    r"|\b(?:i'?m|im|i am|i feel|i'?ve been|ive been|i get|i was|i'?ve got|ive got)\b[^.!?]{0,20}"
    r"\b(?:nervous|nerves|anxious|scared|terrified|petrified|worried|dreading|bricking it|shitting it|cacking it|"
    r"intimidated|freaking out|panicking|butterflies)\b"
    r"|^\W*(?:(?:so|bit|a bit|kinda|kind of|really|lowkey|proper|well|honestly|ngl)\s+)*(?:nervous|anxious|scared|"
    r"terrified|petrified|worried|dreading|bricking it|shitting it|cacking it)\b"
    r"|\b(?:nervous|anxious|scared|terrified|petrified|worried|dreading)\s+(?:about|of|for)\s+(?:meeting|seeing)\b",
    re.IGNORECASE,
)
_SAID_AS = {"fam": "family", "mother": "mum", "father": "dad", "mam": "mam", "nanna": "nana"}

# A problem of the two of you, said as ours: "love that for us", someone moving in with us, our landlord, our kid,
# we're barely keeping up. Not any "we" ("we talked for ten minutes", "Dr Venn said we'll talk").
_OURS_SAID = re.compile(
    r"\b(?:love|loving) (?:that|this) for us\b"
    r"|\b(?:move|moving|moves|stay|staying|stays|live|living|come and (?:stay|live)) (?:in )?(?:with|w/?) us\b"
    r"|\bour (?:landlord|neighbou?rs?|rent|bills?|savings|budget|mortgage|car|boiler|roof|house|flat|place|dog|cat|"
    r"son|daughter|kids?|boy|girl|baby|little one|wedding|holiday|trip|account|deposit)\b"
    r"|\bwe(?:'re| are| r)? (?:barely|struggling|skint|broke|behind|short|overdrawn)\b"
    r"|\b(?:whether|if) we missed\b|\bwe owe\b",
    re.IGNORECASE,
)
# A worry about our child: "our son is being bullied", "whether we missed signs".
_OUR_CHILD = re.compile(
    r"\b(?:our (?:son|daughter|kids?|boy|girl|baby|little one|eldest|youngest)\b[^.!?]{0,60}\b(?:bull\w*|struggl\w*|"
    r"upset|crying|cried|hiding|scared|anxious|worried|not eating|won'?t eat|won'?t talk|trouble|excluded|suspended)|"
    r"(?:whether|if) we (?:missed|should have|could have|did something wrong))\b",
    re.IGNORECASE,
)
_LOVE_THAT_FOR_US = re.compile(r"\b(?:love|loving) (?:that|this) for us\b", re.IGNORECASE)
# "we" meaning them and others: a workplace, a team, a class.
_THEY_AND_OTHERS = re.compile(
    r"\b(?:at work|at school|at uni|(?:my|our) (?:boss|manager|team|class|department|company|office|shift|coach|"
    r"teacher|friends|mates|group)|the (?:boss|manager|team|class|lads|girls|group)|colleagues?|coworkers?|"
    r"match|game|footy|football|league|quiz|tournament|squad|club|band|choir|final)\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"(?:[$£€]\s?\d|\b(?:quid|bucks|dollars|pounds|euros|rand|money|skint|broke|rent|bills?|budget|savings|tax|"
    r"loan|debt|overdraft|mortgage|payday|pay ?day|wages|salary|afford|paid|pay|car note|fees?)\b)",
    re.IGNORECASE,
)


def _told(heard: Heard) -> str:
    return heard.told.replace("’", "'")


def owned(heard: Heard) -> bool:
    """Whether the message is a complaint about you, the listener: something you did or did not do ("you just...
    didn't show"), or their side of a pattern between you that never says "you" ("I'm always the one
    apologising first"). Not a complaint about someone else ("my boss never apologises").

    >>> owned(Heard(None, (), (), complaint="I forgot our anniversary", valence="negative"))
    True
    >>> owned(Heard(None, (), (), valence="negative", focus="I'm always the one apologizing first"))
    True
    >>> owned(Heard(None, (), (), valence="negative", focus="my sister always interrupts me"))
    False
    """
    from openup.coach.listen import at_you  # listen reads `us_of`; the reading it shares is read late

    told = _told(heard)
    m = _PRAISE.search(heard.complaint or "")
    praised = m is not None and not _NOT.search((heard.complaint or "")[max(0, m.start() - 12) : m.start()])
    if heard.complaint is not None and not praised and (
        heard.valence == "negative" or heard.mood in ("anger", "hurt") or _GRIEVANCE.search(heard.complaint)
    ):
        return True
    if at_you(told):
        return True
    if heard.valence == "negative" and heard.party is None and _YOUR_THING.search(told):
        return True  # "ur phone was on silent for 4 hrs and i thought something had happened to u"
    m = _ALWAYS_ME.search(told)
    return m is not None and not _ELSEWHERE.search(told)


@per_heard
def us_of(heard: Heard) -> str:
    """How you, the listener, or the two of you are part of the message: "owned", "fright", "drift", "doubt", "counsel",
    "proposal", "your_people", "ours_child", "ours_money" or "ours"; "" when it is about someone or something
    else, or when it is grave enough to keep its own answer (a loss, a danger, an illness, a violation)."""
    if heard.loss != "none" or heard.extra.get("flagged") or heard.good_news or harm_signs(heard.told):
        return ""  # harm, control or fear is never owned as a tiff or agreed to as a plan for us
    fit = fit_of(heard)
    if fit in _OWN_FIT:
        return ""
    told = _told(heard)
    if _COUNSEL.search(told):
        return "counsel"
    if owned(heard):
        return "fright" if _FRIGHT.search(told) and _YOUR_THING.search(told) else "owned"
    if heard.extra.get("near_sign"):
        return ""  # near a sign the screen did not flag: no "yes, let's" and nothing met as ours (a complaint about
        # you is still owned: the safety heads come near for many an ordinary one, "you didn't show")
    couple = about_the_couple(told)  # "we haven't talked since college" of Ben and them is not about us
    if couple and _DRIFT.search(told):
        return "drift"
    if couple and _DOUBT.search(told):
        return "doubt"
    if couple and _PROPOSAL.search(told):
        return "proposal"
    if your_people(told) is not None:
        return "your_people"
    if fit == "ours":
        return "ours_money" if _MONEY.search(told) else "ours"
    if _OUR_CHILD.search(told) and heard.mood in ("hurt", "fear", "stress", "shame", "") \
            and heard.valence != "positive":
        return "ours_child"  # "... I keep going over whether we missed signs": our worry, faced together
    # "love that for us" is wry of a setback ("40 quid left til the 28th"), never of glad news ("we got the house!!!")
    if (heard.valence == "negative" or (_LOVE_THAT_FOR_US.search(told) and heard.mood != "glad")) \
            and _OURS_SAID.search(told) \
            and not _THEY_AND_OTHERS.search(told) and heard.self_judgement is None:
        if _MONEY.search(told):
            return "ours_money"
        # a grievance with someone else ("our neighbour complained about our dog") is theirs to vent, not a choice
        return "ours" if heard.mood != "anger" or _LOVE_THAT_FOR_US.search(told) else ""
    return ""


def your_people(told: str) -> str | None:
    """Who of yours they are nervous about ("what if your gran hates me?"), named as you would: "my gran", "my
    family"; None when they are not nervous about your people, or your people did something to them.

    >>> your_people("dinner with your whole family on Sunday. what if your gran hates me?")
    'my gran'
    >>> your_people("your mum told me I look tired"), your_people("my gran hates me")
    (None, None)
    """
    said = told.replace("’", "'")
    if not _NERVES.search(said) or _DID_TO_THEM.search(said) or not _MY_NERVES.search(said):
        return None
    found = list(_YOUR_PEOPLE.finditer(said))
    if not found:
        return None
    # the one their fear names ("what if your gran hates me"), else the first named
    feared = next((m for m in found if _FEARED.match(said, m.end())
                   or _WHAT_IF.search(said[max(0, m.start() - 12) : m.start()])), None)
    who = (feared or found[0]).group(1).lower()
    return "my " + _SAID_AS.get(who, who)


_PROMISES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:didn'?t|did not|never|don'?t|won'?t|wouldn'?t|couldn'?t) (?:even |actually )?"
                r"(?:(?:come|came)(?! (?:to bed|home|back|in\b|out|down|up|round|over|to me|and))|"
                r"show(?:ed)?|turn(?:ed)? up|make it|made it)|\bno[- ]show\b|\b(?:said|promised|swore) "
                r"(?:you'?d|u'?d|you would|u would|you'?ll|u'?ll|you will|u will) (?:come|be there|make it|show)|"
                r"\bmissed (?:my|our|the|her|his)\b|"
                r"\b(?:weren'?t|wasn'?t) there\b|\b(?:cancelled|canceled|bailed)\b", re.IGNORECASE),
     "When's the next one? I'll be there, I promise."),
    (re.compile(r"\b(?:interrupt\w*|talk(?:s|ing)? over|cut(?:s|ting)? (?:me|you) off|finish (?:a|my|your) sentence)\b",
                re.IGNORECASE),
     "I'll let you finish from now on. Will you tell me the rest now?"),
    (re.compile(r"\b(?:apologi[sz]\w*|say(?:s|ing)? sorry|sorry first|back(?:s|ing)? down|giv\w* in|compromis\w*|"
                r"reach\w* out|mak\w* up)\b",
                re.IGNORECASE),
     "Next time I'll be the one to come to you first. Can we talk about this one properly?"),
    (re.compile(r"\b(?:on silent|switched off|turned off|(?:was|is|been) off|went dead|battery died|no signal)\b",
                re.IGNORECASE),
     "I'll keep it on loud from now on, I promise. Come here."),
    (re.compile(r"\b(?:phone|scrolling|screen)\b", re.IGNORECASE),
     "My phone's going away when we're together. Will you tell me again now?"),
    (re.compile(r"\bwithout (?:even )?(?:asking|checking|telling|talking to)\b", re.IGNORECASE),
     "From now on I'll check with you first. Can we go through what's coming up together?"),
    (re.compile(r"\b(?:late|home by|back by|by \d|\d+(?::\d+)? ?(?:am|pm)?\W*(?:its|it's) \d|o'?clock)\b",
                re.IGNORECASE),
     "From now on I'll text you the second I'm running late. Can I make it up to you tonight?"),
    (re.compile(r"\b(?:said|promised|swore) (?:you'?d|u'?d|youd|you would|u would|you'?ll|u'?ll|you will|u will)\b",
                re.IGNORECASE),
     "Next time I say I'll do something, I'll do it. Can I make it up to you tonight?"),
    (re.compile(r"\b(?:notice|noticed|say anything about|said anything about|comment on)\b[^.!?]{0,30}"
                r"\b(?:hair|haircut|fringe|nails|dress|outfit|glasses)\b", re.IGNORECASE),
     "Let me see properly now. I bet it really suits you."),
    (re.compile(r"\b(?:notice|noticed)\b", re.IGNORECASE),
     "I see it now, and thank you. I should have said so straight away."),
    (re.compile(r"\b(?:forgot|forget|forgotten|didn'?t remember)\b", re.IGNORECASE),
     "I'm going to make it up to you. Can I start tonight?"),
    (re.compile(r"\b(?:plan\w*|organi[sz]\w*|book\w*|(?:text|messag|call|ring)\w* first|reach\w* out|effort|"
                r"initiat\w*)\b", re.IGNORECASE),
     "Let me plan the next thing for us, and let's share it from now on."),
)
_PROMISE = "I'm going to do better, and I mean it. Can we talk about it tonight?"


def promise_of(told: str) -> str:
    """What you will do about a complaint about you, in our own words: the next game, letting them finish, going
    first next time.

    >>> promise_of("You said you'd come to my softball game and then you just... didn't show.")
    "When's the next one? I'll be there, I promise."
    >>> promise_of("you keep interrupting me").split(".")[0]
    "I'll let you finish from now on"
    """
    said = told.replace("’", "'")
    return next((p for pattern, p in _PROMISES if pattern.search(said)), _PROMISE)


def slots_of(heard: Heard) -> dict[str, str]:
    """The slots the answers of us fill: what you will do ({promise}), who of yours ({my_one}) and how we have
    drifted, as they said it ({drifted}: "we haven't really talked in weeks")."""
    told = _told(heard)
    slots = {"promise": promise_of(told)}
    if (who := your_people(told)) is not None:
        slots["my_one"] = who
    if (drifted := _drifted(told)) is not None:
        slots["drifted"] = drifted
    return slots


_CLAUSE_END = re.compile(r"[.!?,;]|\b(?:and|but|lol|tbh|honestly)\b|$", re.IGNORECASE)
_DRIFTED_MAX_WORDS = 12


def _drifted(told: str) -> str | None:
    """The "we ..." clause that says how you have drifted, short and as it is meant ("we haven't really talked in
    weeks"), or None."""
    from openup.coach.refer import said_back
    from openup.coach.typed import as_meant
    from openup.coach.wellformed import well_formed

    meant = as_meant(told)
    m = next((d for d in _DRIFT.finditer(meant) if meant[d.start() :].lower().startswith("we ")), None)
    if m is None:
        return None
    end = _CLAUSE_END.search(meant, m.end())
    clause = meant[m.start() : end.start() if end else len(meant)].strip()
    said = said_back(clause)
    return said if len(said.split()) <= _DRIFTED_MAX_WORDS and well_formed(said) else None


__all__ = ["owned", "promise_of", "slots_of", "us_of", "your_people"]
