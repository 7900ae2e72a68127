"""What sort of small hard thing a message tells, so the middle line and the question fit its weight and its
humour (`sort = "..."` and `no_talk` in `method/replies.toml`). A stock line that fits a grievance ("You
shouldn't have to deal with that.", "What's been getting to you most about it?") is wrong for a mishap told as
a joke, for a petty injustice, or for a mishap whose cost is practical:

- "joking": told with a laugh or in mock drama ("truly the darkest timeline", "i'm at war with this bird"):
  played along with, lightly; no heavy feeling, no probing question ("joking_hurt" when it is a small injury of
  their own: "stubbed my toe so hard lmao", met with "Ouch!" first);
- "petty": a small everyday injustice (written up for four minutes, a ticket, a bill split evenly, a pointless
  meeting): indignation on their behalf, and a treat or a comfort;
- "lost_work", "broken", "called_off", "injured": a mishap with a practical cost (unsaved work, a broken
  thing, a cancelled plan, an injury of their own): a short question about the cost or an offer of help.

Only ever for what is small: a loss, a complaint about you, good news, illness, fear, a struggle of their own,
anything that reads as serious (a hospital, a job lost, a hit) is left to the other templates.

>>> from openup.coach.heard import Heard
>>> sort_of(Heard("you got written up for being 4 minutes late", (), (), valence="negative", mood="anger",
...     happened=True, focus="got written up for being 4 min late. 4 MINUTES"))
'petty'
>>> no_talk("broke my wrist. no i dont want to talk about it"), no_talk("i just need to vent")
(True, False)
"""

from __future__ import annotations

import re

from openup.coach.fitting import HARD_NEWS, STARVED, fit_of, harm_signs
from openup.coach.heard import Heard, per_heard
from openup.coach.heard_words import alternation, word_tuple
from openup.coach.irony import self_mocked
from openup.coach.news import is_long
from openup.coach.reading import good_taken_back

# Told with a laugh, or a joke made of it ("send help", "villain era"): the lists in heard_words.toml.
_LAUGH = re.compile(
    r"(?<!\w)(?:" + alternation((*word_tuple("news", "playful"), *word_tuple("news", "wry"))) + r")(?!\w)",
    re.IGNORECASE,
)
# Mock drama: a small trouble told as an epic ("truly the darkest timeline", "i'm at war with this bird").
_MOCK = re.compile(
    r"\b(?:darkest timeline|at war with|declared war|(?:living|livin) (?:the dream|my best life|la vida)|"
    r"best life|(?:arch ?)?nemesis|vendetta|this is fine|rip me|rest in peace me|"
    r"character building|as you do|love that for me|would not recommend|wouldn'?t recommend|0/10|1/10|10/10|"
    r"the universe (?:hates|is out to get) me|just my luck|of course it did|because of course|was a triumph|"
    r"never leav(?:e|ing) the house again|"
    r"peak (?:monday|tuesday|wednesday|thursday|friday|adulting|britain|me)|adulting is|"
    r"what a time to be alive|i'?m deceased|i'?m so dead)\b",
    re.IGNORECASE,
)
# What must never be met with a joke or a shrug, however it is told.
_HEAVY = re.compile(
    r"\b(?:panic\w*|can'?t breathe|chest|heart|hospital|a&e|ambulance|icu|emergency|surgery|operation|"
    r"end it|want(?:ing)? to die|kill (?:my|me)\w*|hurt(?:ing)? myself|self[- ]harm|suicid\w*|overdos\w*|"
    r"bleed\w*|blood|unconscious|collaps\w*|faint\w*|abus\w*|hit me|hits me|punch\w*|slap\w*|shov\w*|"
    r"kick(?:ed|s) me|grab\w*|touch(?:ed|ing)|follow(?:ed|ing) me|scared|terrified|afraid|frightened|unsafe|"
    r"threat\w*|stalk\w*|police|arrest\w*|court|lawyer|chemo|cancer|tumou?r|lump|biopsy|scan|diagnos\w*|"
    r"results?|pregnan\w*|miscarr\w*|funeral|passed away|dying|"
    r"(?:he|she|they|who|mum|mom|dad|nan|gran|grandma|grandpa|dog|cat|friend|someone|somebody|uncle|aunt|aunty|"
    r"cousin|brother|sister)(?:'s| has| had)? (?:just )?died|vet|put down|fired|sacked|laid off|redundan\w*|"
    r"evict\w*|homeless|repossess\w*|debt|debts|bailiffs?|rent|afford|divorc\w*|broke up|break ?up|dumped|"
    r"cheat\w*|affair|depress\w*|anxiety|anxious|lonely|alone|crying|cried|tears|therap\w*|drunk|drinking|"
    r"relapse\w*|gambl\w*|car crash|crashed (?:the|my|our) car|(?:car|bike|road) accident|(?:an|the) accident|"
    r"concussion|head injury|hit (?:my|his|her) head|stitches|eyes?|"
    r"baby|babies|kid|kids|son|daughter|child|children|toddler|first (?:tooth|steps|word|day)|memory|dementia|"
    r"alzheimer'?s|cry|quit|quitting|resign\w*|walked out|bank|overdra\w+|skint|stolen|scam\w*|fraud|hacked|"
    r"stole (?:my|our) (?:card|identity|bank|wallet|purse|bike|car|phone|laptop|bag)|"
    r"quote[ds]?|can'?t pay|don'?t have (?:that|the money)|photos? of|pictures? of|memories|mood|"
    r"in front of (?:everyone|the whole|the team|all)\w*|motorway|highway|freeway|hard shoulder|stranded|"
    # labour, a fire, a break-in: never a joke, whoever's and whenever ("jess's waters broke at work lol")
    r"waters? (?:have |has |just )?(?:broke|broken|gone|went|burst)|contractions?|(?:in|into) labou?r|"
    r"caught fire|in flames|broke(?:n)? in|break-?in|burgl\w*|intruders?|"
    r"side of the road|in the dark|not speaking|won'?t speak|(?:a|our|the) (?:fight|row|argument)|"
    # a setback at work or in life, however it is cheered ("congrats to me, passed over for promotion AGAIN")
    r"lost (?:my|his|her|their|our) (?:job|home|house|flat|deposit|visa)|visa|deport\w*|kicked off|expelled|resit|"
    r"passed over|overlooked|promotion|demoted|rejected|rejection|didn'?t get (?:the|my|a|an) (?:job|role|place|"
    r"offer|part|flat|house|visa|loan|mortgage|grant|scholarship))\b",
    re.IGNORECASE,
)
# The partner's own people: a slight from them is owned by the listener (see replies.toml `my_kin`).
_YOUR_PEOPLE = re.compile(
    r"\b(?:your|ur|ya|yr) (?:mum|mom|mam|dad|mother|father|sister|brother|family|parents|friend|mate|boss)\b"
    r"|\bin-?laws?\b|\bmother-in-law\b|\bfather-in-law\b",
    re.IGNORECASE,
)
# A named hard feeling that is not small: no joke, no treat.
_HARD_FEELING = re.compile(
    r"\b(?:devastated|heartbroken|broken-?hearted|hopeless|worthless|humiliated|ashamed|guilty|sick to my stomach|"
    r"can'?t stop (?:thinking|shaking)|shaking|in pieces|falling apart|can'?t cope|not coping|breaking down)\b",
    re.IGNORECASE,
)

_PETTY = re.compile(
    r"\b(?:written up|wrote me up|write me up|(?:parking|speeding|traffic|bus|train) (?:ticket|fine)|"
    r"got (?:a|another) (?:ticket|fine)|(?:got |been )?fined|penalty (?:charge|notice)|clamped|towed|"
    r"split (?:the bill|it|everything) (?:evenly|equally|down the middle)|split the bill|"
    r"(?:pointless|useless|another|hour[- ]long|two[- ]hour|mandatory|all[- ]day) meeting|"
    r"could(?:'ve| have) been an email|quick sync|overcharg\w*|charged (?:me|us) (?:for|a|extra|twice)|late fee|"
    r"admin fee|service charge|docked (?:my |me )?(?:pay|wages|hours)|"
    r"(?:cut|pushed) in front of me|jumped the queue|queue[- ]?jump\w*|"
    r"(?:took|nicked|stole|ate) my (?:parking (?:spot|space)|spot|seat|lunch|leftovers|yog(?:h)?urt|sandwich|"
    r"chair|desk)|"
    r"(?:\d+|two|three|four|five|ten) (?:min|mins|minutes) late|dress code|"
    r"(?:wasn'?t|weren'?t|not) allowed to|"
    r"(?:wouldn'?t|wouldnt|won'?t|wont) let (?:me|us) (?:in|sit|use|bring|park|return)|"
    r"no refunds?|won'?t refund|(?:on hold|in the queue) for (?:an hour|\d+|two|three|forty|45|ages)|"
    r"reply[- ]all|passive[- ]aggressive (?:email|note|message)|petty)\b",
    re.IGNORECASE,
)
_LOST_WORK = re.compile(
    r"\b(?:(?:hadn'?t|hadnt|had not|didn'?t|didnt|did not|never|forgot to) (?:\w+ )?save[ds]?|"
    r"(?:lost|deleted|wiped|corrupted|overwrote) (?:all )?(?:of )?(?:my|the|an?|our) (?:\w+ )?(?:work|essay|file|files|"
    r"document|doc|progress|save|saves|thesis|dissertation|assignment|report|spreadsheet|slides|code|draft|notes|"
    r"presentation)|"
    r"(?:essay|file|files|work|document|assignment|report|draft|thesis|dissertation|slides|presentation) "
    r"(?:just |got |has |have )?(?:been )?(?:deleted|corrupted|wiped|gone|vanished|disappeared)|"
    r"didn'?t back (?:it |them )?up|"
    r"(?:laptop|computer|pc|word|excel|mac) (?:just )?(?:died|crashed|froze|shut down|restarted|updated) "
    r"(?:mid|halfway|in the middle|while|and|right as))",
    re.IGNORECASE,
)
_BROKEN = re.compile(
    r"\b(?:(?:cracked|smashed|shattered|broke|dropped|dunked|drowned) (?:my|the|our) (?:\w+ )?"
    r"(?:phone|screen|laptop|windscreen|windshield|glasses|tablet|ipad|mug|tv|telly)|"
    r"(?:phone|screen|laptop|computer|car|boiler|fridge|freezer|washing machine|washer|dryer|dishwasher|oven|"
    r"kettle|heater|heating|aircon|ac|tv|telly|bike|tyre|tire|pipe|toilet|shower|hot water|wifi|router|printer|"
    r"fan|microwave|hoover|vacuum)(?:'s)? "
    r"(?:is |has |just |then |also |been )*(?:broke|broken|died|dead|packed (?:in|up)|flooded|leaking|leaked|burst|"
    r"exploded|blew|blown|gave up|given up|stopped working|won'?t (?:start|turn on|work)|not working|crashed|"
    r"conked out|cracked|smashed)|"
    r"broke ?down|flat (?:tyre|tire|battery)|puncture|flooded the|burst pipe|locked (?:myself |ourselves )?out|"
    # a car broken into: a cost and a hassle to sort, not danger now
    r"(?:broke|broken) into (?:my|the|our) (?:car|van|ute|truck)|(?:car|van|ute|truck)(?:'s| has| was| got)?(?: been)? "
    r"broken into)\b",
    re.IGNORECASE,
)
_PLANS = (r"(?:trip|holiday|vacation|gig|concert|party|game|match|dinner|plans?|booking|reservation|show|"
          r"festival|camping|weekend|weekend away|getaway|road trip|brunch|lunch|night out|class|lesson|footy|golf|"
          r"race)"
          r"(?: (?:trip|weekend|night|day|plans?))?")
_CALLED_OFF = re.compile(
    r"\b" + _PLANS + r"(?:'s been|'s| is| was| has been| got| been| just got)? (?:off|cancell?ed|called off|postponed|"
    r"scrapped|rained off|fell through|fallen through)\b"
    r"|\b(?:cancell?ed|called off|postponed|scrapped) (?:the|our|my) (?:\w+ )?" + _PLANS + r"\b",
    re.IGNORECASE,
)
_INJURED = re.compile(
    r"\b(?:broke|broken|sprained|twisted|fractured|done|did|hurt|busted|stubbed|jarred|rolled|pulled|tore|torn|"
    r"cut|burnt|burned|bruised|jammed|dislocated|smashed|banged) my (?:\w+ )?(?:wrist|ankle|knee|arm|leg|foot|toe|"
    r"finger|thumb|back|shoulder|hamstring|calf|hand|neck|nose|rib|ribs|elbow|shin|hip)\b"
    r"|\bmy (?:wrist|ankle|knee|arm|leg|foot|toe|finger|thumb|back|shoulder|hand|elbow|shin)(?:'s| is) "
    r"(?:swollen|blown up|killing me|so sore|purple|black and blue)",
    re.IGNORECASE,
)
# A hard feeling said outright: a laugh beside it is wry ("kinda gutted ... i trained him lol"), not a joke.
_SORE = re.compile(r"\b(?:gutted|upset|sad|hurt|crushed|disappointed|rejected|heartbroken|devastated|embarrass\w*)\b",
                   re.IGNORECASE)
# Their own doing, or a fine they accept: no "That's so petty" ("i dropped the ball on the bill ... late fee").
_OWN_FAULT = re.compile(
    r"\b(?:sorry|my (?:own )?fault|my bad|dropped the ball|forgot to pay|fair enough|fair play|deserved it|"
    r"i s'?pose|i guess it'?s fair|should have known)\b",
    re.IGNORECASE,
)
# No power at all (load shedding, a power cut): nothing of theirs to fix or help sort.
_NO_POWER = re.compile(r"\b(?:load[- ]?shedding|power (?:cut|outage)|blackout|nepa|no (?:power|electricity|light))\b",
                       re.IGNORECASE)
# Fits of `fitting.fit_of` that a sort may stand in for; any other (someone unwell, a panic attack, something
# missing, a problem that is ours, a low mood ...) keeps its own answer.
_ALLOWED_FITS = frozenset({"", "again", "unwell", "wry_day"})


def _small(heard: Heard) -> bool:
    """Whether the message can be met as a small thing at all."""
    told = heard.told.replace("’", "'")
    if heard.loss != "none" or heard.complaint is not None or heard.about_you or heard.good_news:
        return False
    if heard.extra.get("flagged") or heard.extra.get("near_sign"):
        return False  # a sign the screen flagged, or one near it: never a joke ("he took my car keys again lol")
    if heard.valence == "positive":
        return False
    if weighty(told) or _HARD_FEELING.search(told) \
            or _YOUR_PEOPLE.search(told) or STARVED.search(told):  # not eating is no joke ("... new PB lol")
        return False
    fit = fit_of(heard)
    if fit == "missing":
        return _LOST_WORK.search(told) is not None  # "i lost the last two hours of my report": not to be looked for
    return fit in _ALLOWED_FITS and (fit != "unwell" or _INJURED.search(told) is not None)


def laughed(told: str) -> bool:
    """Whether the words tell a mishap with a laugh or a joke ("lol", "send help", "i'm at war with this bird",
    "well done me")."""
    told = told.replace("’", "'")
    return _LAUGH.search(told) is not None or _MOCK.search(told) is not None or self_mocked(told)


def weighty(told: str) -> bool:
    """Whether `told` names something too serious to meet lightly (a hospital, a scan, a job lost, money, kids:
    `_HEAVY`, hard news or a sign of harm)."""
    told = told.replace("’", "'")
    return _HEAVY.search(told) is not None or HARD_NEWS.search(told) is not None or bool(harm_signs(told))


@per_heard
def sort_of(heard: Heard) -> str:
    """The sort of small hard thing told: "joking", "joking_hurt", "petty", "lost_work", "broken", "called_off",
    "injured", or "" for anything else (see the module docstring)."""
    told = heard.told.replace("’", "'")
    if not told.strip() or not _small(heard):
        return ""
    # "well done me, locked myself out": a joke at their own expense, like a laugh
    if laughed(told):
        # the act reader sure it is a joke ("hahaha the hairdresser gave me a FRINGE") reads it as mock drama does
        mock = _MOCK.search(told) is not None or heard.extra.get("act") == "joking"
        if heard.mood in ("hurt", "fear") and not mock:
            return ""  # "gutted lol", "too scared to open it lol": a wry laugh over something that hurts
        named = any(f.source == "named" for f in heard.feelings) or _SORE.search(told) is not None
        if not mock and (heard.party is not None or named or good_taken_back(heard.focus)):
            return ""  # "... told everyone she figured it out herself lol ok": a grievance laughed off, not a joke
        return "joking_hurt" if _INJURED.search(told) else "joking"
    # ... or a mishap the act reader takes for one told for a laugh ("the cat brought a LIVE frog in at 2am HELP"),
    # when no sort of the words says what it cost (a petty injustice, lost work, something broken)
    joked = heard.extra.get("act") == "joking" and heard.mood not in ("hurt", "fear")
    if heard.valence != "negative":
        return "joking" if joked else ""
    if _PETTY.search(told) and heard.self_judgement is None and not _OWN_FAULT.search(told):
        return "petty"
    if _LOST_WORK.search(told):
        return "lost_work"
    if _CALLED_OFF.search(told) and heard.party is None:
        return "called_off"
    if _INJURED.search(told) and fit_of(heard) != "unwell":
        return "injured"  # "my back is killing me" told plainly is met as someone unwell: care and comfort
    if _BROKEN.search(told) and not _NO_POWER.search(told):
        return "broken"
    return "joking" if joked else ""


# They asked not to talk about it, or not to be asked: the answer says nothing that invites more talk.
_NO_TALK = re.compile(
    r"\b(?:(?:don'?t|dont|do not) (?:really )?(?:want|wanna) (?:to )?(?:talk|get into|discuss|go into)|"
    r"not (?:ready|up|in the mood) (?:to talk|for talking|for questions)|no questions|"
    r"(?:don'?t|dont|do not) ask(?: me)?\b|can we not|(?:just )?drop it|(?<!or )(?<!or just )leave it|"
    r"(?:i'?d|i would) rather (?:just )?not(?: (?:talk|get into|go into|explain|discuss)\w*)?(?=\s*(?:[.!,]|$)))\b",
    re.IGNORECASE,
)


def no_talk(told: str) -> bool:
    """Whether they said they do not want to talk about it, or be asked ("no i dont want to talk about it"),
    not that they want to be listened to ("i just need to vent", "no advice, just listen")."""
    return _NO_TALK.search(told.replace("’", "'")) is not None


# A moan told lightly: an eye-roll, a laugh, mock despair or sarcasm over a small nuisance ("colleague microwaving
# fish again 😭", "neighbours drilling since 7am i am going to lose my mind", "Rego and insurance due the same week.
# Of course they are.").
_GRIPE_TONE = re.compile(
    r"(?:😭|🙄|🫠|😩|😫|🤦|🥲|\bsmh\b|\blol\b|\blmao\w*|\bffs\b|\bi swear(?: to god)?\b|"
    r"\b(?:i'?m|im|i am) (?:actually |literally |officially )?(?:losing it|going insane)\b|"
    r"\b(?:lose|losing) my (?:mind|marbles)\b|\bgoing to lose it\b|\blike what\b|\bof course (?:they|it|he|she) "
    r"(?:are|is|did|was|does|do)\b|\boh brilliant\b|\bbrilliant\.|\blovely\.|\bcheers for that\b|"
    r"\bthanks for that\b|\bhorrible\.|\bhaving a field day\b|\bdoes anyone else\b|\bthe joys\b|\bjust my luck\b|"
    r"\bwhy is it (?:always|that)\b|\bwhy do i always\b|\bclassic\b|\bof all things\b)",
    re.IGNORECASE,
)
# A nuisance small whatever the tone: noise, smells, the bins, a bird, the wifi, a road dug up.
_NUISANCE = re.compile(
    r"\b(?:drill\w*|barking|microwav\w*|smells? like|bin collection|bins|magpie|swooped|wi-?fi|internet|"
    r"dug up the road|roadworks|load ?shedding|printer|queue was|leaf blower|karaoke|music (?:blasting|so loud))\b",
    re.IGNORECASE,
)
# What is not small however it is told: money and work that decide a living, a body, what was said of them.
_NOT_GRIPE = re.compile(
    r"\b(?:salary|paid|pay|wages?|money|owe[ds]?|borrow\w*|debt|promot\w*|passed over|contract|review|fired|"
    r"hired|credit|replacement|weight|appraisal|hike|interview|doctor|physio|knee|back pain|scan|tested|"
    r"sick|ill|pain|thesis|laptop|broke into|broken into|stolen|took my|toddler|kids?|citizenship|visa|"
    r"too sensitive|in front of|behind my back|told everyone|ghost\w*|nobody|no one|ignored|bills?|tax|rent|"
    r"clinic|hospital|complain\w*|council about|job|early starts)\b",
    re.IGNORECASE,
)


@per_heard
def gripe(heard: Heard) -> bool:
    """Whether the message is a light gripe: a small nuisance moaned about with an eye-roll, a laugh or mock
    despair, asked about lightly (a moan shared, a treat) and never "What do you want to do about it?".

    >>> from openup.coach.heard import Heard
    >>> g = lambda t: gripe(Heard("x", (), (), valence="negative", mood="anger", happened=True, focus=t))
    >>> g("new guy at work keeps microwaving fish at lunch 😭"), g("neighbours drilling since 7am i am losing it")
    (True, True)
    >>> g("they want me to train my replacement smh"), g("my boss took credit for my slides AGAIN")
    (False, False)
    """
    told = heard.told.replace("’", "'")
    if heard.valence != "negative" or heard.mood not in ("anger", "stress", "") or heard.loss != "none":
        return False
    if is_long(told):
        return False  # a long telling of it ("The neighbours have started their renovation ...") is more than a moan
    if heard.complaint is not None or heard.about_you or heard.good_news or heard.unsure:
        return False
    if heard.extra.get("flagged") or heard.extra.get("near_sign") or heard.self_judgement is not None:
        return False
    if weighty(told) or _HARD_FEELING.search(told) \
            or _YOUR_PEOPLE.search(told) or STARVED.search(told) or _NOT_GRIPE.search(told):
        return False
    if fit_of(heard) not in _ALLOWED_FITS:
        return False
    return _GRIPE_TONE.search(told) is not None or _NUISANCE.search(told) is not None
