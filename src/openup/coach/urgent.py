"""Act now: something urgent is happening to your partner right now, and a caring partner answers it first.

Some messages are not for listening first. "32 weeks and baby hasn't moved much since this morning", "chest pains
and my left arm feels weird", "broken down on the M6 and it's dark": a partner does not reflect the feeling or ask
what goes through their head; they say get help now, check they are safe, and offer to come. `act_now` tells
which of these a message is:

- "baby": fewer or no baby movements in pregnancy (call the maternity unit or midwife now, I'll come with you),
- "medical": chest pain, not being able to breathe, signs of a stroke, a bad allergic reaction, someone collapsing
  (a person or a pet; a cake or a tent that collapsed is no emergency) or a knock to the head with a warning sign
  (get help now, I'm coming),
- "stranded": broken down on a motorway, stranded at night, locked out late, no phone and no way home (are you
  safe? where are you? I'll come and get you),
- "fire": a fire at home now, a pan, oven or charger alight or a room filling with smoke (get out and call from
  outside, I'm coming),
- "intruder": someone breaking in or in the house now (get somewhere safe and call the police, I'm coming),
- "labour": labour at term, or with no weeks said: waters gone, contractions close together, "baby's coming"
  (glad and quick: I'm on my way, grab the bag),
- "birth": labour or a birth with a warning sign (bleeding, green waters, the baby moving less, feeling faint, the
  cord or the baby coming, needing to push with no one there), or labour with no way in ("he's drunk and won't drive
  me"): never "grab the bag", but ring the maternity unit or an ambulance now, I'm coming,

and `baby_lost` whether it tells of a pregnancy lost ("they couldn't find a heartbeat at the scan"), met as a
loss, with sorrow and presence. Each holds only for what is happening now: a past event told afterwards ("my car
broke down last week, cost 600 to fix"), a worry about what might happen ("what if the baby stops moving"), a
joke ("chest pains from laughing") or what has been seen to already ("doc says it's just a pulled muscle") is not
act-now. The answers are in `method/replies.toml` (`[situation.act_*]`); this module only says which applies.

>>> act_now("32 weeks and baby hasnt moved much since this morning"), act_now("my car broke down last week")
('baby', None)
>>> act_now("broken down on the motorway and it's pitch black"), act_now("chest pains from laughing so hard lol")
('stranded', None)
>>> act_now("the pan caught fire and the kitchen is full of smoke"), act_now("the gig was fire")
('fire', None)
>>> act_now("someone's broken in downstairs, im hiding upstairs"), act_now("someone broke into my car last night")
('intruder', None)
>>> act_now("waters broke lol come home"), act_now("when my waters broke with our first we were in tesco")
('labour', None)
>>> baby_lost("scan today. no heartbeat"), baby_lost("heard the heartbeat at the scan!!")
(True, False)
"""

from __future__ import annotations

import functools
import re

# Told with a laugh, or as a figure of speech: "i'm literally having a stroke reading this", "dying lol".
_LAUGH = re.compile(
    r"(?<!\w)(?:lol+|lmf?a+o+|haha\w*|hehe\w*|rofl|jk|jokes?|joking|kidding|funny|hilarious|dying|dead|😂|🤣|😆|💀)(?!\w)",
    re.IGNORECASE,
)
# A phone, battery or car that is dead is no joke: "phone's dead", "me battery died" (taken out before `_LAUGH`).
_DEAD_THING = re.compile(
    r"\b(?:phone|mobile|battery|car|van|engine)(?:'s|s| is| has| just)?(?: (?:gone|went|just|totally|completely))?"
    r" (?:dead|died|dying)\b|\bstopped dead\b",
    re.IGNORECASE,
)
# A figure of speech: "having a stroke reading this", "gave me a heart attack", "can't feel my face when I'm with you".
_FIGURE = re.compile(
    r"\b(?:when|whenever) (?:i'?m|im|i am) (?:with|around|near|next to) (?:you|u)\b|\bi love it\b|\bsong\b|\blyrics?\b"
    r"|\b(?:from|with|of|after) (?:laughing|laughter|the gym|(?:all )?the "
    r"(?:squats|press[- ]ups|push[- ]ups|workout))\b"
    r"|\b(?:laughing|laughed) so (?:hard|much)\b"
    r"|\b(?:nearly|almost|practically|basically|about to|going to|gonna) (?:die|died|(?:had|have|having) (?:a |an )?"
    r"(?:heart attack|stroke|seizure|fit|breakdown|cardiac|aneurysm|kittens))\b"
    r"|\b(?:giv(?:e|es|ing|en)|gave) (?:me|us|him|her|them) (?:a )?(?:heart attack|chest pains?|stroke|seizure)"
    r"|\b(?:stroke|heart attack) (?:trying|reading|looking|over|at|because|when)\b|\bsend (?:help|wine|snacks)\b"
    r"|\b(?:reading|watching|looking at|seeing) (?:this|that|your|ur|his|her|their)\b",
    re.IGNORECASE,
)
# Told afterwards: a time that is over ("last week", "yesterday", "two days ago"), or how it ended ("all fine
# now", "got home ok", "cost 600 to fix"). "since yesterday" and "since last night" are still going on.
_OVER = re.compile(
    r"(?<!since )(?<!from )\b(?:yesterday|last (?:night|week|month|year|weekend|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|time)|the other (?:day|night|week)|(?:a|one|two|three|few|couple of|\d+) "
    r"(?:days?|weeks?|months?|years?) ago|ages ago|years ago|when i was|"
    r"in (?:19|20)\d\d|(?:at|over) (?:christmas|easter|new year)|on holiday|remember (?:when|that (?:time|night|day))|"
    r"that time (?:we|i|you)|(?:you|u) (?:came|come) and (?:got|get) (?:me|us)|(?:you|u) rescued (?:me|us))\b"
    r"|\b(?:was|were) (?:so |really )?(?:awful|horrible|scary|terrifying|frightening|bad|a nightmare)\b"
    r"|\b(?:all (?:fine|good|ok|okay|sorted)(?: now)?|(?:was|is|were|are|turned out|it'?s) (?:all )?(?:fine|ok|okay)"
    r"(?: in the end| now| after all)|fine now|ok now|okay now|sorted now|false alarm|turned out|in the end|"
    r"(?:got|made it|back|home) (?:home|back) (?:safe|ok|okay|fine|in one piece)|got home|made it home|"
    r"(?:cost|costing|paid|quid|bucks|\$|£)\s?\d+|to fix\b|mechanic|quoted|"
    r"garage (?:said|says|fixed)|got (?:it|them|her|him) fixed|"
    r"(?:were|was) (?:monitored|checked|seen)|(?:they|the (?:midwife|midwives|doctors?|nurses?|hospital)) "
    r"(?:checked|monitored|said (?:all|everything|it'?s|baby'?s|the baby'?s) (?:fine|ok|okay|good|normal))|"
    r"all (?:looked|looks) (?:fine|good|normal)|ended up|had to (?:get|wait|walk|call|ring|pay)|so i was late|"
    r"(?:luckily|thankfully|eventually|finally) (?:got|made|the|a|someone|they)|towed (?:it |us |me )?home)\b",
    re.IGNORECASE,
)
# Long past, for signs of a stroke: "fine now" does not end them (they can come back), but "in 2019" does.
_LONG_AGO = re.compile(
    r"\b(?:last (?:week|month|year)|(?:a|one|two|three|few|couple of|\d+) (?:weeks?|months?|years?) ago|ages ago|"
    r"when i was|in (?:19|20)\d\d|(?:at|over) christmas|remember (?:when|that time)|still (?:struggles|has|gets))\b",
    re.IGNORECASE,
)
# Signs of a stroke: a face drooping, one side numb or weak, words slurred or coming out wrong.
_STROKE = re.compile(
    r"\b(?:face|mouth|smile) (?:is |has |'s |was )?(?:gone |going |went |all |a bit |kind of |kinda )*"
    r"(?:droop\w*|lopsided|numb)|\b(?:drooping|droopy) (?:face|mouth)|\b(?:face|mouth)[^.!?]{0,25}\b(?:droop\w*|"
    r"lopsided)\b"
    r"|\b(?:speech|talking|words) (?:is |are |'s |was |were )?(?:all )?(?:slurred|slurring|jumbled|"
    r"(?:coming|came|come) out (?:wrong|weird|funny|jumbled))"
    r"|\bslurring (?:my|his|her|their) words|\bcan'?t (?:lift|move|feel) (?:my|his|her|their) (?:left |right )?"
    r"(?:arm|leg|side)\b|\b(?:left|right) (?:arm|leg|side|hand)(?: of (?:my|his|her|their) (?:face|body))? "
    r"(?:feels|is|has gone|went|gone|was|felt) (?:all |completely |totally )?"
    r"(?:weird|numb|dead|heavy|tingly|weak|floppy)",
    re.IGNORECASE,
)
# A worry about what may happen, not what is happening: "what if the baby stops moving", "scared of breaking down".
_WHAT_IF = re.compile(
    r"\b(?:what if|in case|(?:scared|afraid|terrified|worried|paranoid|anxious|nervous) (?:of|about) \w+ing\b|"
    r"(?:scared|afraid|terrified|worried|paranoid|anxious|nervous) (?:that )?(?:i'?ll|i will|i might|it'?ll|it will|"
    r"(?:the |my )?(?:baby|car|van) (?:will|might|would|won'?t))|(?:keep|kept) (?:worrying|thinking|imagining)|"
    r"nightmare about|dream(?:t|ed)? (?:about|that)|what do you do if|how do you know if|would you (?:come|know))\b",
    re.IGNORECASE,
)

# Fewer or no baby movements: "baby hasn't moved much since this morning", "not felt the baby kick all day",
# "the baby's not moving as much", "reduced movements", "bump's been really quiet today".
_BABY = r"(?:the )?(?:baby|babby|bubs|bub|bean|bump|little one|lo|bubba)"
_BABY_STILL = re.compile(
    rf"\b{_BABY}(?:'s| is| has| been|s)?(?: (?:been|just|really|still|so|really))*"
    r" (?:(?:not|n't|hasn'?t|hasnt|isn'?t|isnt|has not|is not|barely|hardly|stopped|not really)"
    r"(?: (?:been|really|as|that|much|very))* (?:mov|kick|wriggl|active)\w*"
    r"|(?:moving|kicking|wriggling) (?:less|a lot less|way less|much less|less than usual)"
    r"|(?:very |really |so |super |unusually |weirdly )?(?:quiet|still|quieter|less active)"
    r"(?=[^.!?]*\b(?:weeks|wks|bump|pregnan\w*|kick\w*|movements?|wriggl\w*|midwife|trimester)\b))"
    r"|\b(?:haven'?t|havent|have not|not|didn'?t|did not|can'?t|cant|cannot|barely|hardly) "
    r"(?:felt|feel|feeling)(?: (?:any|much|a single|one|a))? (?:the )?(?:baby|bubs|bub|bump|little one|them|him|her|"
    r"any|movements?|kicks?|movement|a kick|a thing)\b(?: (?:move|moving|kick|kicking|wriggle))?"
    r"|\b(?:reduced|fewer|less|no|decreased) (?:fetal |foetal |baby )?(?:movements?|kicks)\b"
    r"|\b(?:baby|bump)\b[^.!?]{0,25}\b(?:not|n't|hasnt|stopped) (?:been )?(?:moving|kicking|moved|kicked)\b",
    re.IGNORECASE,
)
# A baby gone quiet, told with how many weeks anywhere: "30 weeks and the baby's been really quiet all day".
_BABY_QUIET = re.compile(
    rf"\b{_BABY}(?:'s| is| has| been)?(?: (?:been|just|really|so|super|very|unusually|weirdly))*"
    r" (?:quiet|quieter|still)\b(?! asleep)",
    re.IGNORECASE,
)
# Bleeding in pregnancy, now: "I'm bleeding and 10 weeks", "pregnant and spotting".
_BLEEDING = re.compile(r"\b(?:bleeding|spotting|blood)\b", re.IGNORECASE)
_PREGNANT = re.compile(
    r"\b(?:pregnant|pregnancy|\d+ ?(?:weeks?|wks?)(?: pregnant| gone)?|(?:first|second|third) trimester)\b",
    re.IGNORECASE,
)
_NOT_STOPPED = re.compile(
    r"\b(?:hasn'?t|hasnt|has not|not|never|won'?t|doesn'?t|didn'?t) (?:stopped|stop) (?:moving|kicking|wriggling)\b",
    re.IGNORECASE,
)

# Not when it is onto a bed or a sofa, asleep or drunk: "collapsed on the sofa after work", "passed out drunk".
_LYING_DOWN = r"(?! (?:on|onto|into|in) (?:the |my |a )?(?:sofa|couch|settee|bed|chair)\b| asleep\b| drunk\b| in bed\b)"
# What needs help now: chest pain, not breathing, a stroke, a bad allergic reaction, a knock to the head that shows
# a warning sign. Told of themselves or of someone with them ("dad's face has gone droopy").
_MEDICAL = re.compile(
    r"\b(?:chest (?:pains?|hurts|is (?:so |really |very )?(?:tight|sore)|feels (?:so |really |very )?(?:tight|heavy|"
    r"crushed)|tightness)|pains? in (?:my|his|her|their) chest|tight chest|crushing (?:pain|feeling)"
    r"|(?:can'?t|cant|cannot|can hardly|can barely|struggling to|hard to) (?:breathe|catch (?:my|his|her|their) breath"
    r"|get (?:my|his|her|their) breath)|short of breath|(?:lips|tongue|throat|face) (?:is |are |has |have |'s )?"
    r"(?:swelling|swollen|swelled|closing|gone (?:all )?(?:puffy|swollen))|(?:throat|airway)(?:'s| is)? closing"
    r"|anaphyla\w*|(?:bad |severe |serious |an )?allergic reaction|used (?:my|his|her|their|the) epi-?pen"
    r"|(?:having|just had|think (?:i'?m|im|he'?s|she'?s|they'?re|.{0,12}) having) (?:a )?(?:stroke|heart attack|"
    r"seizure|fit\b)|face (?:is |has |'s )?(?:gone |going |all )?(?:droop\w*|lopsided|numb)|(?:drooping|droopy) face"
    r"|(?:speech|talking|words) (?:is |are |'s )?(?:all )?(?:slurred|slurring|weird|jumbled|coming out wrong)"
    r"|slurring (?:my|his|her|their) words|can'?t (?:lift|move|feel) (?:my|his|her|their) (?:left |right )?"
    r"(?:arm|leg|side|face)|can'?t (?:feel|move) (?:my|his|her|their) (?:legs|feet|arms)\b"
    r"(?! (?:after|from) (?:the|that|this|leg day|squats|the gym|the run|the race|the hike|the marathon|yesterday|"
    r"today))"
    r"|(?:left|right) (?:arm|side) (?:feels|is|has gone|went) (?:weird|numb|dead|heavy|tingly)"
    r"|passed out" + _LYING_DOWN +
    r"|unconscious|won'?t wake up|not breathing|stopped breathing|turning blue|"
    r"head injury|(?:knocked|been knocked) (?:out|unconscious)"
    # a child who has swallowed something dangerous, or who is floppy or will not respond ("the toddler swallowed a
    # battery", "the baby has a fever of 40 and is floppy")
    r"|(?:toddler|baby|kid|child|son|daughter|little one|little boy|little girl|my boy|my girl)(?:'s| has| have)?"
    r"(?: \w+){0,3} (?:swallowed|swallow|ate|eaten|drunk|drank) "
    r"(?:a |an |some of |some |one of |two of |a few of |half of |half )?"
    r"(?:my |the |her |his |their |your |our )?(?:button )?(?:battery|batteries|magnets?|tablets|pills|meds|medicine|"
    r"bleach|dishwasher (?:tablet|pod)s?|washing (?:pod|tablet|capsule)s?|detergent|coins?)"
    r"|(?:toddler|baby|kid|child|son|daughter|little one)(?:'s| is| has| has been| has gone| went| seems)?"
    r"(?: \w+){0,6} (?:floppy|limp|unresponsive|not responding|won'?t respond))\b",
    re.IGNORECASE,
)
# Someone collapsing (`_someone_collapsed`): a person does, a cake, a tent or a shelf does not.
_COLLAPSED = re.compile(
    r"\bcollapsed\b" + _LYING_DOWN,
    re.IGNORECASE,
)
# Where the clause that says who collapsed begins: a stop, a comma, or a joining word ("the heat got to him and he
# collapsed").
_CLAUSE_START = re.compile(
    r"[.!?;,:\n]|\b(?:and|but|so|then|when|while|until|before|after|because|cos|cuz)\b", re.IGNORECASE
)
_DETERMINER = {"the", "a", "an", "my", "our", "his", "her", "their", "your", "ur", "this", "that", "these", "those"}
_PRONOUN = {"i", "im", "i'm", "ive", "i've", "id", "he", "hes", "he's", "she", "shes", "she's", "they", "theyre",
            "they're", "we", "u", "you", "someone", "somebody", "everyone", "nobody", "me", "him", "them", "us"}
# What collapses without anyone needing help: food, things put up, furniture, plans and businesses. Anything else
# that collapsed is taken for someone (safety first: "my 3yo collapsed", "my lung collapsed", "the driver collapsed").
_THINGS = {
    "cake", "cakes", "souffle", "soufflé", "sponge", "loaf", "bread", "pie", "tart", "meringue", "pavlova", "trifle",
    "jelly", "pudding", "tent", "gazebo", "marquee", "umbrella", "shelf", "shelves", "bookcase", "bookshelf",
    "wardrobe", "cupboard", "drawer", "table", "chair", "stool", "bench", "sofa", "couch", "bed", "cot", "crib",
    "trampoline", "roof", "ceiling", "wall", "fence", "shed", "deck", "balcony", "floor", "bridge", "building",
    "house", "stage", "scaffolding", "tower", "fort", "sandcastle", "jenga", "pile", "stack", "box", "boxes",
    "deal", "business", "company", "market", "economy", "shares", "stocks", "plan", "plans", "project", "startup",
    "marriage", "relationship", "engagement", "team", "league", "government", "negotiations", "talks", "sale",
    "mortgage", "tunnel", "mine", "hole", "sinkhole", "road", "pitch",
}
# Someone under what fell: "the ceiling collapsed on my dad", "the chair collapsed under him".
_ON_SOMEONE = re.compile(
    r"\s+(?:on|onto|under|underneath|with|on top of)\s+(?:(?:my|our|his|her|their|the|a)\s+)?"
    r"(?:me|him|her|them|us|someone|somebody|[\w'-]+)",
    re.IGNORECASE,
)


def _someone_collapsed(told: str) -> bool:
    """Whether someone collapsed: "dad collapsed at work", "my 3yo collapsed", "my lung collapsed", "the ceiling
    collapsed on my dad", but not "the cake my mum made collapsed in the car" or "the deal collapsed". Only a clause
    whose subject is a thing (`_THINGS`) with no one under it is no emergency; anything else is taken for a person."""
    for m in _COLLAPSED.finditer(told):
        under = _ON_SOMEONE.match(told, m.end())
        if under is not None and under.group().split()[-1].casefold() not in _THINGS:
            return True  # someone is under it
        starts = [c.end() for c in _CLAUSE_START.finditer(told, 0, m.start())]
        clause = told[starts[-1] if starts else 0 : m.start()]
        words = [w.strip("'").casefold() for w in re.findall(r"[\w'-]+", clause)]
        subject = next((k for k, w in enumerate(words) if w in _DETERMINER or w in _PRONOUN), None)
        if subject is None or words[subject] in _PRONOUN:
            return True  # no subject said ("collapsed at the gym"), a name, or a person's
        head = [w.removesuffix("'s") for w in words[subject + 1 : subject + 5]]
        if not any(w in _THINGS for w in head):
            return True
    return False


# A knock to the head is act-now with a warning sign beside it: sick, dizzy, confused, blurred sight, bleeding.
_HEAD_KNOCK = re.compile(
    r"\b(?:hit|banged|bumped|smacked|knocked|cracked|whacked|bashed) (?:my|his|her|their|the back of (?:my|his|her|"
    r"their)) head\b|\bfell (?:and|over and|off [^.!?]{0,20} and) (?:hit|banged|cracked|smacked)\b",
    re.IGNORECASE,
)
_HEAD_SIGN = re.compile(
    r"\b(?:dizzy|sick|throwing up|vomit\w*|threw up|confused|blurr\w*|seeing (?:double|stars)|double vision|bleeding|"
    r"blood|passed out|blacked out|can'?t remember|drowsy|woozy|massive (?:lump|bump)|headache)\b",
    re.IGNORECASE,
)
# What has been seen to already, or what is not an emergency in the chest: "doc says it's stress", "heartburn".
_SEEN_TO = re.compile(
    r"\b(?:(?:doc|doctor|gp|nurse|consultant|paramedics?|a&e|hospital|they) (?:said|says|thinks|think|reckons)|"
    r"heartburn|indigestion|tonsillitis|strep|glandular fever|a cold\b|(?:gp|doctor|doc|dentist|appointment|appt)"
    r" (?:tomorrow|in the morning|on (?:mon|tue|wed|thu|fri|sat|sun)\w*|later|this afternoon|booked)|"
    r"(?:booked|got) (?:an? |the )?(?:gp |doctor'?s? )?(?:appointment|appt)|"
    r"from (?:coughing|the cough|the cold|the flu|covid|hayfever|hay fever)|"
    r"(?:blocked|stuffy|bunged up) nose|through my nose|in (?:this|the) heat|so hot|panic attack|panick\w*|"
    r"(?:with|from|for) (?:anxiety|stress)|stressed|(?:on|in) (?:the|an) ambulance|in (?:a&e|hospital|the er|resus)|"
    r"at (?:the )?(?:a&e|hospital|er)|paramedics? (?:are|is) here|ambulance (?:is|'s) (?:here|on (?:its|the) way|"
    r"coming)|(?:called|rang|phoned) (?:an ambulance|999|911|112|000)|rushed|taken (?:in|to)|admitted|"
    r"(?:to|into) (?:a&e|hospital|the er|the emergency room))\b",
    re.IGNORECASE,
)

# A car that has stopped on a road, now: "my car made a noise and then just stopped on the highway", "the ute's carked
# it on the highway, waiting on the tow truck".
_VEHICLE_DEAD = re.compile(
    r"\b(?:car|van|ute|truck|engine|motor|bike|motorbike|tyre|tire)(?:'s| has| is| just)?\b[^.!?]{0,60}?\b(?:stopped|"
    r"died|cut out|conked out|carked it|packed (?:in|up)|gave up|won'?t start|overheated|smoking|blew|burst|blown)\b"
    r"[^.!?]{0,30}?\b(?:on|in the middle of|at the side of|by the side of) (?:the |a )?(?:[\w'-]+ ){0,3}?"
    r"(?:highway|motorway|freeway|expressway|dual carriageway|road|bridge|flyover|junction|roundabout|hard shoulder|"
    r"[abmnr]\d{1,3}|i-?\d{1,3}|middle of nowhere)\b"
    r"|\bwaiting (?:on|for) (?:the |a )?(?:tow|recovery|aa|rac|breakdown)\b",
    re.IGNORECASE,
)
# Stuck and unsafe where they are: broken down on a road, stranded, locked out late, no phone and no way home.
_STRANDED = re.compile(
    r"\b(?:(?:i'?ve|ive|we'?ve|i have|we have|car'?s|car has|car is|van'?s|van has|just|i'?m|im|we'?re) "
    r"(?:just )?(?:broken|broke) down|broken down on|broke down on (?:the|a)|"
    r"(?:on|at|onto) the (?:hard shoulder|side of the "
    r"(?:road|motorway|highway|freeway))|(?:flat|burst|blown) (?:tyre|tire) on (?:the|a) (?:motorway|highway|"
    r"freeway|[abmnr]\d{1,3}|i-?\d{1,3}|dual carriageway)|run out of (?:petrol|fuel|gas|diesel) on|ran out of "
    r"(?:petrol|fuel|gas|diesel) (?:on (?:the|a) (?:motorway|highway|freeway|[abmnr]\d{1,3}|i-?\d{1,3})|[^.!?]{0,30}"
    r"middle of nowhere)|(?:i'?m|im|i am|we'?re|we are|now|currently) stuck (?:in|at|on) "
    r"(?:the middle of nowhere|a (?:layby|lay-by)|(?:the|a) (?:motorway|highway|freeway|station|side of the road))"
    r"|(?:lost|dropped|left) my phone[^.!?]{0,40}\b(?:no way|can'?t get|stranded|stuck|borrowed|someone'?s phone)"
    r"|(?:on|from|using|borrowing|borrowed) (?:a |some )?(?:strangers?'?s?|someone(?: else)?'?s|a random'?s) phone)\b",
    re.IGNORECASE,
)
# A pregnancy lost: no heartbeat at the scan, a miscarriage now, the baby lost.
_BABY_LOST = re.compile(
    r"\b(?:no (?:heart ?beat|heartbeat)|(?:couldn'?t|could not|can'?t|cannot|didn'?t|did not|unable to|not able to) "
    r"(?:find|hear|see|detect|get) (?:a |the |any |her |his |baby'?s |the baby'?s )?heart ?beat|heart ?beat"
    r"(?: has| had|'s)? stopped|(?:i'?m|im|i am|i think i'?m|think i'?m) (?:having a miscarriage|miscarrying)|"
    r"(?:i'?ve|ive|i have|we'?ve|we have|i|we) (?:just )?(?:had a |lost the |lost our )"
    r"(?:miscarriage|baby|pregnancy)|(?:it'?s|it is|they said it'?s|said it was) (?:a )?(?:missed )?miscarriage|"
    r"missed miscarriage|(?:baby|pregnancy) (?:isn'?t|is not|wasn'?t|was not) viable|not viable|stillborn|"
    r"baby (?:has )?died|(?:not|no longer) pregnant any ?more)\b",
    re.IGNORECASE,
)
# The heartbeat found after all, or a loss long past (told on its anniversary, met by the loss templates).
_BABY_FINE = re.compile(
    r"\b(?:(?:then|eventually|finally|but) (?:they |she |he |we )?(?:found|heard|saw|got) (?:it|one|the heart ?beat)|"
    r"found it in the end|heard the heart ?beat|strong heart ?beat|there it was|"
    r"years ago|last year|would(?:'ve| have) been|due date|anniversary)\b",
    re.IGNORECASE,
)


# Stuck somewhere ("stranded", "locked out", "missed the last train", "can't get home"): act-now when it is late, dark,
# cold or they have no phone or money ("locked out and it's 1am"); "stranded in meetings all afternoon" is not.
_STUCK = re.compile(
    r"\b(?:stranded|missed the last (?:train|bus|tube|ferry)|no way (?:to get )?(?:home|back)|can'?t get home"
    r"|no idea how (?:to|i'?ll|i will|i'?m going to) get (?:home|back)|lost (?:my|me|the|both) (?:house |front door )?"
    r"keys\b(?=[^.!?]*\b(?:outside|on the step|doorstep|can'?t get in))"
    r"|(?<!getting )(?<!get )(?<!gets )(?<!being )(?<!not )locked out(?! of (?:my |the |our )?(?:account|"
    r"email|instagram|insta|facebook|phone|laptop|computer|app|bank|icloud|online)\b)|locked (?:myself|ourselves) out"
    r"(?! of (?:my |the |our )?(?:account|email|instagram|insta|facebook|phone|laptop|computer|app|bank|icloud)\b))",
    re.IGNORECASE,
)
_UNSAFE_NOW = re.compile(
    r"\b(?:\d{1,2} ?(?:am|pm)|\d{1,2}(?::\d\d)? (?:at night|in the morning)|midnight|late|tonight|night|dark|"
    r"pitch black|cold|freezing|raining|pouring|rain|snow\w*|alone|on my own|by myself|no (?:money|cash|phone|battery|"
    r"signal|charge|"
    r"coat|keys?)|phone(?:'s| is)? (?:dead|on \d+ ?%|dying|about to die)|battery(?:'s| is)? (?:dead|dying|on \d+)|"
    r"middle of nowhere|station|airport|motorway|highway|side of the road|abroad|"
    r"no one (?:around|about)|nobody (?:around|about)|"
    r"half (?:1|2|3|4|one|two|three|four)|trains? (?:are |is )?cancell?ed|"
    r"last (?:train|bus) (?:has |'s )?(?:gone|left))\b",
    re.IGNORECASE,
)

# A car that will not go, in a car park or lay-by, with night, dark or no one around: "car won't start, in a car park
# at midnight, no one around" (not "stuck in the Tesco car park, it's bright").
_PARKED_DEAD = re.compile(
    r"\b(?:car|van|engine)(?:'s| is| has| just)?\b[^.!?]{0,30}?\b(?:won'?t start|died|dead|stopped|cut out|"
    r"broke(?:n)? down)\b[^.]{0,60}?\b(?:car ?park|carpark|parking lot|lay-?by|petrol station|services)\b",
    re.IGNORECASE,
)
_NIGHT_ALONE = re.compile(
    r"\b(?:\d{1,2} ?am|midnight|at night|dark|pitch black|no one (?:around|about)|nobody (?:around|about)|alone|"
    r"on my own|by myself|scared)\b",
    re.IGNORECASE,
)
# A baby or child shut in a car in the heat: "locked the keys in the car, the baby's inside and it's boiling".
_CHILD = r"(?:baby|babby|toddler|child|kid|kids|son|daughter|little one|lo|bubs|bub)"
_HOT_CAR = re.compile(
    rf"\b(?:{_CHILD}(?:'s| is| are)? (?:still )?(?:locked|stuck|trapped|shut) (?:in|inside) (?:the |my |our )?car"
    rf"|(?:keys?|myself|us) (?:locked )?(?:in|out of) (?:the |my |our )?car\b[^.!?]{{0,60}}\b{_CHILD}(?:'s| is| are)?"
    r" (?:still )?(?:in|inside|in there|in the back))\b(?=[^.!?]*\b(?:hot|boiling|baking|roasting|heat|sun|sweltering|"
    r"scorching|\d{2} ?degrees))",
    re.IGNORECASE,
)
# Pregnancy now: waters gone or regular contractions before 37 weeks; heavy bleeding after the birth.
_WATERS = re.compile(
    r"\bwaters? (?:have |has |'ve |just |have just )?(?:broken|broke|gone|went|burst)\b", re.IGNORECASE
)
# Contractions told before the weeks with nothing about them ("contractions and i'm only 33 weeks, scared").
_CONTRACTIONS_NOW = re.compile(
    r"^\W*(?:i'?m having |having |getting )?contractions\b(?! (?:last|yesterday))", re.IGNORECASE
)
_CONTRACTIONS = re.compile(
    r"\bcontractions?\b[^.!?]{0,30}\b(?:every \d+|regular|\d+ ?min|coming|getting (?:closer|stronger))|"
    r"\b(?:having|started|getting) contractions\b",
    re.IGNORECASE,
)
_WEEKS = re.compile(r"\b(\d{1,2}) ?(?:weeks?|wks?)\b(?! ago)", re.IGNORECASE)
_AFTER_BIRTH = re.compile(
    r"\b(?:bleeding|blood|clots?)\b[^.!?]{0,40}\b(?:after (?:the |giving )?birth|since (?:the )?birth|postpartum|"
    r"after having (?:the )?baby)|\b(?:after|since) (?:the |giving )?birth\b[^.!?]{0,40}\b(?:bleeding|blood|clots?)\b",
    re.IGNORECASE,
)
_HEAVY = re.compile(
    r"\b(?:soak\w*|heavy|heavily|lots of (?:blood|bleeding)|so much (?:blood|bleeding)|a lot of (?:blood|bleeding)|"
    r"clots?|faint|dizzy|pouring|gushing|won'?t stop|pain|agony|cramp\w*|alone|on my own|by myself)\b",
    re.IGNORECASE,
)
# A miscarriage happening now, told with heavy bleeding, pain or being alone: get help as well as be there.
_MISCARRYING = re.compile(
    r"\b(?:(?:i'?m|im|i am|i think i'?m|think i'?m|i might be|might be) (?:having a miscarriage|miscarrying)|"
    r"(?:i think|think) (?:i'?m|im) losing (?:the|our|my) baby)\b",
    re.IGNORECASE,
)
# A home heartbeat monitor finding nothing is no diagnosis: "couldn't find a heartbeat on the doppler".
_DOPPLER = re.compile(r"\b(?:doppler|home (?:monitor|heartbeat)|angel ?sounds)\b", re.IGNORECASE)
# Someone else's pregnancy: "my sister's 32 weeks", "she's pregnant and baby's quiet". Not when it is their own too.
_OTHERS_PREGNANCY = re.compile(
    r"\b(?:my|our|your) (?:sister|sis|friend|mate|cousin|daughter|niece|colleague|neighbour|neighbor|best friend|bff|"
    r"sister-in-law|brother'?s (?:wife|partner|girlfriend|gf)|son'?s (?:wife|partner|girlfriend|gf))(?:'s| is|s)?\b"
    r"|\b(?:she'?s|she is|her) (?:\d+ ?(?:weeks|wks)|pregnant|baby|bump|waters|midwife)\b",
    re.IGNORECASE,
)
_MY_PREGNANCY = re.compile(
    r"\b(?:i'?m|im|i am) (?:\d+ ?(?:weeks|wks)|pregnant)|\bmy (?:bump|midwife|waters|pregnancy)\b|"
    r"\b(?:i|i'?ve|i have) (?:haven'?t |not |can'?t )?(?:felt|feel)\b",
    re.IGNORECASE,
)


def _weeks(told: str) -> int | None:
    """How many weeks pregnant the message says, if it says."""
    found = _WEEKS.search(told)
    return int(found.group(1)) if found else None


# A fire at home now: a thing alight ("the chip pan's on fire", "toaster caught fire"), a room filling with smoke,
# flames coming from something. Not a person "on fire" ("I'm on fire today"), a burnt dinner, a drill, a film.
_ALIGHT = (
    r"(?:caught (?:on )?fire|catching fire|(?:is |are |'s |was )?on fire|in flames|(?:went|gone|going) up in flames|"
    r"burst into flames|bursting into flames|ablaze|alight)"
)
_FIRE_THING = (
    r"(?:chip pan|frying pan|pan|saucepan|pot|oil|fat|oven|toaster|grill|hob|stove|cooker|microwave|air ?fryer|"
    r"deep fat fryer|fryer|kitchen|house|flat|apartment|home|bedroom|living room|lounge|curtains?|blinds|bins?|"
    r"tumble dryer|dryer|washing machine|dishwasher|fridge|heater|candle|charger|laptop|battery|e-?bike|e-?scooter|"
    r"plug|socket|extension lead|wires?|wiring|sofa|couch|settee|mattress|christmas tree|garage|shed|building|"
    r"next door|hallway|stairs|chimney|bbq|barbecue|tea towel|fuse ?box|meter|car|van|engine|(?:electric )?blanket|"
    r"duvet|lamp|shack|hut|caravan|tent|settlement|roof)"
)
_FIRE = re.compile(
    rf"(?:\b{_FIRE_THING}(?: (?:outside|out (?:the )?(?:front|back)|in the (?:garden|yard|street)))?"
    rf"(?:'s| is| has| have| just| are| was)?(?: (?:just|gone|literally|actually|now|completely|"
    rf"totally|all|started))* {_ALIGHT}"
    r"|\b(?:set|sets|setting) (?:the |my |our |a )?" + _FIRE_THING + r" (?:on fire|alight|ablaze)"
    r"|(?:\b(?:our|my|the) |^\W*)(?:shack|hut|house|home|flat|caravan|tent|place)(?:'s| is)? burning\b(?! up\b)"
    r"|\b(?:there'?s|there is|theres) (?:a )?fire (?:outside (?:the|my|our) (?:front )?door )?"
    r"(?:in|at|on) (?:the|my|our) (?:kitchen|house|flat|building|block|"
    r"hallway|stairwell|stairs|landing|room|bedroom|garage|floor|corridor)"
    r"|\b(?:kitchen|house|flat|apartment|room|bedroom|lounge|hallway|hall|stairs|stairwell|landing|place|"
    r"building|corridor)(?:'s| is)? (?:(?:completely |all |just )?(?:full of|filling (?:up )?with|filled with|"
    r"thick with) smoke)"
    r"|\bsmoke (?:is |'s )?(?:everywhere|pouring|filling|coming (?:in|under|through|out of|from)|billowing|"
    r"spreading)"
    r"|\bflames\b[^.!?]{0,40}\b(?:kitchen|pan|oven|hob|wall|ceiling|curtains|spreading|everywhere|coming|out of)"
    r"|\b(?:fire'?s?|fire is|flames are) (?:spreading|getting bigger|out of control)"
    r"|\bcan'?t (?:put|get) (?:the fire|the flames) out\b)\b",
    re.IGNORECASE,
)
# A bush or grass fire coming at the house ("the bush fire is coming over the hill towards our house", "embers landing
# on our roof"): a fire now, however far off it started.
# A wildfire told as far off ("we're 200km away so fine", "nowhere near us").
_WILD_FAR = re.compile(
    r"\b\d+ ?(?:km|kms|k|miles|mi)\b[^.!?\n]{0,10}\b(?:away|off)\b|\bnowhere near (?:us|here|the house)\b|"
    r"\b(?:we'?re|we are) (?:fine|safe|ok|okay|all good)\b|\bnext valley\b",
    re.IGNORECASE,
)
_WILDFIRE = re.compile(
    r"\b(?:bush|grass|wild|forest|scrub|veld|veldt|hill|moorland|heath|field)[ -]?fires?\b"
    r"(?! (?:season|danger|risk|rating|ban|warning|plan|smoke|haze))(?:'s| is| has| are)?[^.!?]{0,40}?"
    r"\b(?:coming|heading|moving|spreading|jumped|jumping|crossed|racing|getting close|towards|toward)\b"
    r"|\bembers\b[^.!?]{0,30}\b(?:landing|falling|on (?:our|the|my) (?:roof|house|garden|yard|deck))\b",
    re.IGNORECASE,
)
# The smoke alarm going off with burning smelt ("the smoke alarm's going off and i can smell burning upstairs").
_SMELL_BURNING = re.compile(r"\b(?:smell|smelling|smells) (?:of )?(?:burning|smoke)\b", re.IGNORECASE)
# The fire brigade told beside someone still in ("fire brigade's here but they can't get to nan").
_BRIGADE = re.compile(r"\b(?:fire ?fighters|fire (?:brigade|service|engines?|crew))\b", re.IGNORECASE)
# "Can't put it out" is a fire only with fire or smoke told beside it (not a song, a splinter or a cork that will not
# come out: "I can't get it out of my head").
_CANT_PUT_OUT = re.compile(r"\bcan'?t (?:put|get) it out\b(?! of\b)", re.IGNORECASE)
_FIRE_WORD = re.compile(r"\b(?:fire|smoke|smoking|smoky|flames?|burning|alight|ablaze)\b", re.IGNORECASE)
# A fire named in a room with no "there's" ("fire in the hallway, we're trapped in the bedroom"): a fire now when
# told with a grave word (a cosy "fire in the lounge" is not).
_FIRE_IN_ROOM = re.compile(
    r"\bfire (?:in|on) (?:the |our |my )?(?:kitchen|hallway|hall|stairs|stairwell|landing|bedroom|living room|lounge|"
    r"garage|loft|attic|flat|house|building|corridor|downstairs|upstairs)\b",
    re.IGNORECASE,
)
# A fire told plainly with no laugh about it: more than a burnt tea ("kitchen full of smoke lol" is a joke).
_FIRE_GRAVE = re.compile(
    r"\b(?:flames|spreading|can'?t (?:put|get) (?:it|the fire|the flames) out|out of control|can'?t see|can'?t "
    r"breathe|trapped|help|fire (?:brigade|service|engine)|get out|getting out|got out|can'?t get (?:out|down|past|"
    r"through|to)|999|911|112)\b",
    re.IGNORECASE,
)
# What a figure of a good night never has: smoke, flames, a thing that caught fire, a smoke alarm.
_FIRE_LITERAL = re.compile(
    r"\b(?:smoke|smoking|smoky|flames|caught (?:on )?fire|catching fire|burst into flames|in flames|alarm)\b",
    re.IGNORECASE,
)
# Told of a story, a screen or a drill, or put out already ("put it out with a damp tea towel", "the fire's out").
_NOT_A_FIRE_NOW = re.compile(
    r"\b(?:film|movie|show|episode|series|season|game|book|novel|telly|tv|netflix|documentary|the news|video|"
    r"tiktok|youtube|dream|dreamt|dreamed|drill|practice|rehearsal|training|like a house on fire|"
    r"(?<!can't )(?<!cant )(?<!cannot )(?<!couldn't )(?<!couldnt )(?<!trying to )(?<!try and )put (?:it|the fire|the "
    r"flames) out|(?:fire'?s|fire is|flames are|it'?s) (?:out|under control)|no harm done|"
    r"no damage|(?:fire ?fighters|fire (?:brigade|service)) (?:have |has )?(?:put|left|gone|been))\b",
    re.IGNORECASE,
)
# Everyone out and safe, or the brigade there: no fire to get out of now, unless someone is still in or trapped
# ("the fire brigade are here but my son's still upstairs").
_FIRE_SAFE = re.compile(
    r"\b(?:we'?re all out|everyone'?s out|(?:i'?m|im|we'?re|were) (?:all )?(?:out|outside|safe)(?: now)?\b|"
    r"(?:fire ?fighters|fire (?:brigade|service|engines?|crew))(?:'s| is| are|'re)? (?:here|there|already here|"
    r"dealing with it|putting it out|arrived|on it)|"
    r"(?:fire ?fighters|fire (?:brigade|service|engines?|crew)) (?:have|has) (?:arrived|come|got here|turned up))\b",
    re.IGNORECASE,
)
_STILL_IN = re.compile(
    r"\b(?:trapped|can'?t get (?:out|down|to)|still (?:inside|in there|in the (?:house|flat|building)|upstairs|"
    r"downstairs|in bed|in (?:the|his|her|their|my) (?:room|bedroom)))\b"
    # someone else told as in ("the baby is inside", "nan is upstairs", "my dog is in the bedroom", "she's upstairs")
    r"|(?:\bis|'s|\bare|'re)(?: still)?(?: asleep)? (?:inside|in there|upstairs|downstairs|in the (?:house|flat|"
    r"building|bedroom|room|loft|attic))\b"
    # or as not out ("i'm out but the dog isn't")
    r"|\bbut (?:the |my |our )?[\w']+ (?:isn'?t|aren'?t|is not|are not|hasn'?t|haven'?t)\b",
    re.IGNORECASE,
)
# A smoke alarm going off is no figure of a good night ("the smoke alarm is going off": not a party "going off").
_ALARM = re.compile(r"\b(?:smoke |fire )?alarms?(?:'s| is| are| has| keeps| just| been)* (?:going off|gone off|went "
                    r"off|beeping|screaming|blaring)\b", re.IGNORECASE)
# People being got out of the house while an alarm sounds ("smoke alarm going off, getting the kids out now"): a fire is
# acted on before anyone knows where it is.
_GETTING_OUT = re.compile(
    r"\b(?:getting|get|grabbing|grab|taking|bringing|carrying) (?:the |my |our )?(?:kids|children|baby|babies|boys|"
    r"girls|twins|everyone|everybody|us|family|dogs?|cats?|pets?|nan|gran|grandma|grandad|mum|mom|dad|them|her|him)"
    r"(?: [\w']+){0,2}? out\b(?! of (?:bed|the bath|the car|school|class|the house on time)| the door| for| to)"
    r"|\bevacuat\w*|\b(?:we'?re|were|i'?m|im) (?:getting|heading|running) out\b",
    re.IGNORECASE,
)
# "On fire" as a figure of a good night ("the flat is on fire tonight, party of the year!!", "the dance floor's on
# fire").
_FIRE_FIGURE = re.compile(
    r"\b(?:party|parties|partying|rave|gig|dj|tunes|banger|bangers|vibes?|dance ?floor|dancing|crowd|lit|going off|"
    r"buzzing|of the year|on form|on a roll|smashing it|killing it|winning|streak|hot right now)\b",
    re.IGNORECASE,
)
# A fire out in the street, not at home ("the bin's on fire outside, some kids did it", "a bin is alight out in the
# street"): the place told with the fire itself, just before or after it. Not anyone else outside ("the dog is
# outside in the garden", "I'm trying to get the baby outside", "the crowd outside is filming").
_AWAY_PLACE = (
    r"(?:outside|out (?:in|on) the (?:street|road)|in the street|on the street|down the (?:road|street)|up the "
    r"(?:road|street)|across the (?:road|street)|over the road|in the park|on the (?:field|green|estate)|"
    r"in the car ?park)"
)
_FIRE_AWAY = re.compile(rf"\b{_AWAY_PLACE}\b", re.IGNORECASE)
_AWAY_AFTER = re.compile(rf"^ *(?:(?:just|right|somewhere|over) )?{_AWAY_PLACE}\b", re.IGNORECASE)
_AWAY_BEFORE = re.compile(rf"\b{_AWAY_PLACE}(?: [\w']+){{0,2}} *$", re.IGNORECASE)
_FIRE_AT_HOME = re.compile(
    r"\b(?:house|flat|apartment|home|kitchen|bedroom|living room|lounge|hallway|stairs|building|next door|garage|"
    r"spreading|trapped|can'?t (?:get out|breathe|see))\b",
    re.IGNORECASE,
)
# Someone breaking in or in the house now: "someone's broken in", "there's a man in the garden trying the back
# door", "back door's been smashed and I'm home". Not a car or a shed, an account, or a break-in long past.
_WHO = (
    r"(?:someone|somebody|some ?one|someones|somebodys|a man|a guy|some guy|some bloke|a bloke|some people|people|"
    r"men|guys|they|burglars?|intruders?|robbers?|thieves|thief|a stranger|strangers)"
)
_INTRUDER = re.compile(
    rf"\b{_WHO}(?: (?:in|at|outside|round|by) (?:the|our|my) (?:garden|yard|back|front|drive|driveway|porch|door|"
    r"window|side|gate))?(?:'s| has| have| is| are| just|'ve|'re)?(?: (?:just|actually|literally|now))* "
    r"(?:(?:broken|broke|breaking|forced (?:their|his|the|a) way) in(?!to)\b"
    r"|(?:broken|broke|breaking) into (?:the |our |my |a |mum'?s |mom'?s |nan'?s )?(?:house|flat|home|apartment|"
    r"place|building|property|bungalow|unit)\b"
    r"|(?:trying|tryna|tried) to (?:break|get|force (?:their|his|the|a) way) in(?!to| touch| line| shape)\b"
    r"|(?:trying|tryna) (?:the|our|my) (?:front |back |side |patio |kitchen )?(?:door|doors|handle|window|windows)\b"
    r"|(?:in|inside) (?:the|our|my) (?:house|flat|home|apartment|place|kitchen|hall|hallway|living room|lounge)"
    r"(?= *(?:now|right now|i think|i can|and|,|\.|!|$)))"
    r"|\b(?:i can hear|i can hear|can hear|i think there'?s|there'?s|there is|theres) (?:someone|somebody|a man|"
    r"a guy|people|an intruder|a stranger|footsteps)(?: \w+){0,2} (?:in (?:the|our|my) (?:house|flat|kitchen|hall|"
    r"hallway|living room|lounge|loft|attic)|downstairs|upstairs|inside|trying (?:to get in|the door))\b"
    r"|\b(?:an? )?intruders?\b"
    r"|\b(?:back|front|patio|kitchen|side|french|balcony|garage|bedroom) (?:door|window)(?:'s| has| is| was)?"
    r"(?: (?:been|just|got))* (?:smashed|kicked in|forced|broken (?:in|open)|jimmied|bashed in|booted in|"
    r"caved in|pried open|prised open)\b",
    re.IGNORECASE,
)
# With the intruder alternatives that do not say someone is there: a sign it is now and they are in ("and I'm
# home", "hiding upstairs", "on my own", "they might still be inside").
_HOME_NOW = re.compile(
    r"\b(?:(?:i'?m|im|i am|we'?re|we are|the kids are|kids are|i'?ve|ive|i have|i was|we were)(?: \w+){0,2} "
    r"(?:home|in|inside|upstairs|downstairs|in bed|here|alone|on my own|hiding|locked (?:myself|ourselves) in|"
    r"scared|terrified|petrified|frightened)"
    r"|still (?:in|inside|in there|here)|might still be|could still be|(?:someone|somebody)'?s? (?:in|inside|here)"
    r"|hiding|can hear|right now|what do i do|help)\b",
    re.IGNORECASE,
)
_INTRUDER_SOMEONE = re.compile(rf"\b{_WHO}\b|\bfootsteps\b", re.IGNORECASE)
# A break-in dealt with or long past ("we were burgled while away, police came", "the break-in last year").
_BREAK_IN_OVER = re.compile(
    r"\b(?:while (?:we|i) (?:were|was) (?:away|out|on holiday)|police (?:have been|came|came round|have been round|"
    r"were here|took|gave)|crime (?:reference|number)|insurance|claim|(?:got|have) (?:a )?(?:new|the) (?:lock|locks|"
    r"door)|fixed|boarded up|caught (?:him|them|her)|arrested|ran off|scarpered|legged it|gone now|they'?ve gone|"
    r"(?:he|she|they)(?:'s| is| are|'re) gone|cat|dog|fox|bird|squirrel|the wind|storm|football|ball)\b",
    re.IGNORECASE,
)
# Who it turned out to be, someone known or an animal ("it's only my mum lol", "the intruder was a possum", "the
# in-laws have arrived"): no one to hide from. Not an ex ("I think it's my ex") or "him": that is for the screen.
_KNOWN = (
    r"(?:mum|mom|mam|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandpa|sister|brother|son|daughter|kids?|"
    r"children|child|teenager|teen|boy|girl|flatmate|housemate|roommate|neighbou?r|landlord|landlady|cleaner|"
    r"in-?laws|mother-in-law|father-in-law|husband|wife|partner|boyfriend|girlfriend|bf|gf|lodger|friend|mate|"
    r"cousin|aunt|auntie|uncle|family|postman|postie|delivery (?:guy|man|driver)|plumber|builders?|"
    r"cat|cats|dog|dogs|puppy|kitten|fox|foxes|possum|racoon|raccoon|rats?|mice|mouse|hedgehog|badger|squirrel|"
    r"bird|pigeon|seagull|magpie|bat|moth|spider|frog|toad|gecko|lizard|cockroach|wasp|bees?)"
)
_HARMLESS = re.compile(
    rf"\b(?:it'?s|it was|it is|its|was|were|is|are|turned out to be|turns out (?:it'?s|it was)|only|just)"
    rf"(?: (?:just|only|actually|really|literally))? (?:my|our|the|his|her|their|a|an|some|next door'?s) "
    rf"(?:[\w-]+(?:'s|s')? ){{0,2}}?{_KNOWN}\b(?!')"
    r"|\b(?:in-?laws|relatives|family|guests|visitors|mum|mom|dad|nan|kids)(?: have| has|'ve)?(?: just)? "
    r"(?:arrived|turned up|rocked up|descended|let (?:themselves|herself|himself) in|come round|got home)\b",
    re.IGNORECASE,
)
# Broken into online or into a thing, not a home ("a guy broke in to the group chat and started spamming").
_BROKEN_INTO_THING = re.compile(
    r"\b(?:broken|broke|breaking|hacked|got|getting) (?:in|into|in to|on|onto) (?:the |our |my |a |his |her |their |"
    r"me )?(?:group ?chat|chat|gc|account|server|discord|whatsapp|insta\w*|facebook|snapchat|email|game|lobby|stream|"
    r"zoom|teams|call|meeting|wifi|network|system|computer|laptop|phone|car|van|shed|garage|locker|bike)\b"
    r"|\b(?:spam\w*|hack\w*|trolls?|trolling|bots?)\b",
    re.IGNORECASE,
)
_HOME_TOLD = re.compile(r"\b(?:got|came|come|get|getting|coming) (?:back|home)(?: home)?\b", re.IGNORECASE)
# Labour at term, or with no weeks said: waters gone, contractions close together, "baby's coming", "in labour".
_LABOUR = re.compile(
    r"(?<!flood )(?<!river )(?<!sea )(?<!rising )\bwaters? (?:(?:have |has |'ve |just |have just |has just |gone and )?"
    r"(?:broken|broke|gone|went|burst)|don (?:break|burst|go|broke))\b(?! (?:through|over|its|their|the banks?)\b)"
    r"|\bcontractions?\b[^.!?]{0,30}\b(?:every \d+|regular|\d+ ?(?:min|mins|minutes)|(?:are |'re )?coming|"
    r"getting (?:closer|stronger)|apart|close together)\b"
    r"|\b(?:having|started|getting|started having) contractions\b"
    r"|\b(?:i'?m|im|i am|i think i'?m|think i'?m|pretty sure i'?m|i reckon i'?m) (?:now |actually |definitely |"
    r"officially |properly )?(?:in|going into) labou?r\b"
    r"|\b(?:i'?ve|ive|i have|i think i'?ve|think i'?ve|i) (?:just )?(?:gone|went) into labou?r\b"
    r"|^\W*(?:omg\W+)?in labou?r\b(?! (?:ward|suite|room|unit|and delivery|& delivery|theatre)\b)"
    r"|\blabou?r(?:'s| has| is)? (?:started|starting|kicked off)\b"
    r"|\b(?:the |this )?(?:baby|babby|bubs|bub|bubba|little one)(?:'s|s| is) (?:coming|on (?:the|its|her|his) way)"
    r"(?= *(?:now|right now|tonight|today|!|\.|,|$|and\b|come\b|get\b|hurry|i think|omg|help|quick|early\b"
    r"(?! (?:in )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|(?: in)? next\b)|out\b|lol|haha))",
    re.IGNORECASE,
)
# A birth told afterwards, or a practice run: "when my waters broke with our first", "she was born at 3am".
_BIRTH_TOLD = re.compile(
    r"\b(?:when (?:my|me|her|your|ur) waters|(?:the|that) (?:night|day|morning|time) (?:my|her|your) waters|"
    r"with (?:our|my|the|her|his) (?:first|second|third|fourth|eldest|oldest|youngest|middle|last|son|daughter|"
    r"boy|girl|twins|first ?born)\b|birth story|(?:was|were) born|gave birth|delivered|(?:baby|she|he|they)(?:'s| is|"
    r" are|'re) here\b|arrived|braxton|practice contractions|false labou?r|just practice|back then|"
    r"labou?r (?:party|leader|government|mp|voters?|candidate|manifesto|vote|day))\b",
    re.IGNORECASE,
)
# "Labour" of work, not a birth ("I'm in labour lol (12 hour shift at the warehouse)", "labour's kicked off at the
# plant, whole union's out"): when the word labour alone tells it, beside work.
_LABOUR_WORK = re.compile(
    r"\b(?:warehouse|factory|plant|union|unions|strike|strikes|striking|picket\w*|workers|workforce|manual|"
    r"hard labou?r|forced|unpaid|of love|party|market|government|shortage)\b",
    re.IGNORECASE,
)
# Work named beside the word labour told with a laugh ("in labour lol, 12 hour shift").
_LABOUR_JOB = re.compile(r"\b(?:shifts?|overtime|boss|job|work|rota|site|hours)\b", re.IGNORECASE)
# A word of a pregnancy: the word labour told with a laugh and none of these is a figure ("im in labour lol, moving
# house all day", "im in labour 😂 jk"); "waters broke lol come home" is not.
_BIRTH_WORD = re.compile(
    r"\b(?:\d+ ?(?:weeks?|wks?)|weeks|waters?|contractions?|baby|babby|bubs|bub|bubba|midwife|midwives|maternity|"
    r"hospital|pregnan\w*|bump|due|birth|pushing|push)\b",
    re.IGNORECASE,
)
# A chore or study beside the word labour told with a laugh ("im in labour lol, moving house all day", "my 9 to 5",
# "padhai karte karte I'm in labour lol, 3 assignments due"): with one of these or "jk", the laugh makes it a figure.
_LABOUR_CHORE = re.compile(
    r"\b(?:moving|move|removals?|packing|unpacking|boxes|9 ?(?:to|-) ?5|nine to five|assignments?|essays?|coursework|"
    r"homework|deadlines?|exams?|revision|revising|studying|study|padhai|uni|dissertation|thesis|lectures?|"
    r"decorating|diy|gardening|cleaning|housework|chores|gym|workout)\b",
    re.IGNORECASE,
)
# Work or study said to be due is no due date ("3 assignments due"): taken out before `_BIRTH_WORD`.
_CHORE_DUE = re.compile(
    r"\b(?:assignments?|essays?|coursework|homework|reports?|deadlines?|projects?|dissertation|thesis|rent|bills?)"
    r"(?: (?:is|are|all))? due\b",
    re.IGNORECASE,
)
# A call to come now makes labour told with a laugh real ("im in labour lol come home", "where are u", "get here").
_COME_NOW = re.compile(
    r"\b(?:come|get|coming|getting) (?:home|here|back|now|quick)|\bwhere (?:are|r) (?:you|u|ya)\b|\bhurry\b"
    r"|\b(?:he'?s|she'?s|you'?re|ur|your|u r) (?:at|down|in) the (?:pub|footy|football|match|game|gym|office|work)\b",
    re.IGNORECASE,
)
# Labour told as starting, or as a guess, is a birth however it is laughed about ("i think ive gone into labour lol");
# "jk" or "kidding" takes it back.
_LABOUR_ONSET = re.compile(
    r"\b(?:gone|went|going) into labou?r\b|\blabou?r(?:'s| has| is)? (?:started|starting|kicked off)\b"
    r"|\b(?:think|pretty sure|reckon|might be|could be)\b[^.!?]{0,12}\blabou?r\b",
    re.IGNORECASE,
)
_TAKEN_BACK = re.compile(r"(?<!\w)(?:jk|j/k|just kidding|only kidding|kidding|joking|jokes)(?!\w)", re.IGNORECASE)
# Needing to push with no object, in a birth, said by the one giving birth ("i need to push and nobody is here", "I
# have to push i can't stop it", "my sister needs to push"): not "push the car", "push back on my boss", "push
# myself", "push through", nor a plan pushed by "we" ("we need to push, we're behind") or "got to push. help me move
# the sofa".
_PUSH_NOW = re.compile(
    r"(?:\b(?:i|i'?ve|ive|i'?m|im|i am|feel like i|feels like i)(?: really| just| so)? (?:need|needing|have|got|want|"
    r"wanting|urge)|\b(?:needs|needing|urge)|\b(?:she|he)(?:'s| is| has)(?: got)?) to push"
    r"(?= *(?:$|[.!?,]|now\b|so bad|really bad|help|omg|i can'?t|i cant|can'?t stop|and (?:no|nobody|no one|"
    r"there'?s no|there is no|the (?:midwife|ambulance)|i can'?t|i cant|i'?m|im|i am|i'?m alone|it'?s|the baby)|"
    r"but (?:no|nobody|no one|the (?:midwife|ambulance)|there'?s no)))",
    re.IGNORECASE,
)
_PUSH_ALONE = re.compile(
    r"\b(?:nobody|no one|noone|no-one|alone|on my own|by myself|midwife|midwives|ambulance|baby|waters|contractions|"
    r"labou?r|help|now|can'?t stop|where (?:are|r) (?:you|u))\b",
    re.IGNORECASE,
)
# A baby coming early, no weeks said ("the baby's coming early"): the maternity unit now, not "grab the bag".
_COMING_EARLY = re.compile(
    r"\b(?:baby|babby|bubs|bub|bubba|little one)(?:'s|s| is)? (?:coming|on (?:the|its|her|his) way|arriving)"
    r"(?: (?:really|so|way|too|very))* (?:early(?! (?:morning|hours|evening|afternoon|doors|(?:in )?(?:jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|(?:in )?next\b))|premature\w*|prem)\b"
    r"|\b(?:premature|prem) labou?r\b",
    re.IGNORECASE,
)
# Someone who will not drive them in or let them go ("he's drunk and won't drive me", "he won't let me go to the
# hospital"): labour with no way in needs help on the phone now, never "grab the bag".
_NO_WAY_IN = re.compile(
    r"\b(?:he|she|they|husband|hubby|partner|boyfriend|bf|wife|girlfriend|gf|mum|mom|dad|ex|nobody|no one)\b"
    r"(?:'s|'re| is| are)?[^.!?]{0,30}?\b(?:won'?t|wont|will not|refuses? to|refusing to|can'?t|cant|isn'?t going to|"
    r"not going to) (?:drive|take|run|give) (?:me|us)\b"
    r"|\b(?:he|she|they|husband|hubby|partner|boyfriend|bf|wife|girlfriend|gf|mum|mom|dad|ex)\b(?:'s|'re| is| are)?"
    r"[^.!?]{0,30}?\b(?:won'?t|wont|will not|refuses? to|refusing to|not) let(?:ting)? me (?:go|leave|call|ring|phone|"
    r"get|out|have)\b"
    r"|\bno (?:way|lift|one) to (?:get|take|drive) (?:me )?(?:in|there|to (?:the )?hospital)\b",
    re.IGNORECASE,
)
# A warning sign in labour or a birth now: the baby or the cord coming, needing to push with no one there, green or
# brown waters, feeling faint, a midwife worried ("waters broke but it's green", "the baby's head is out, I'm alone").
_BIRTH_WARNING = re.compile(
    r"\b(?:green|greenish|brown|brownish|meconium|smelly|smell (?:bad|off|funny))\b"
    r"|\b(?:faint|fainting|fainted|dizzy|passed out|blacking out|collapsed)\b"
    r"|\bcord\b[^.!?]{0,25}\b(?:out|first|coming|hanging|prolapse\w*)\b"
    r"|\b(?:head|feet|foot|legs?|bum|bottom|arm|hand)(?:'s| is| are|'re)? (?:(?:already|just|half|all the way) )?"
    r"(?:out|coming out)\b|\b(?:feet|foot|legs?|bum|bottom|arm|hand)(?:'s| is| are|'re)? (?:coming )?first\b"
    r"|\bcrowning\b|\bbreech\b|\b(?:need|needs|have|got|urge) to push\b"
    r"|\b(?:midwife|midwives|doctor|nurse)(?:'s| is| are)? (?:panick\w*|worried|scared|pressed|pulled|shouting)",
    re.IGNORECASE,
)
# The plainest signs of a birth now, said with or without labour before them.
_BIRTH_NOW = re.compile(
    r"\bcord\b[^.!?]{0,25}\b(?:came|come|coming|is|'s) out\b"
    r"|\b(?:the )?(?:baby|babby|bubs|bub)(?:'s| is)? (?:head|feet|foot|legs?|bum|bottom|arm)(?:'s| is| are|'re)? "
    r"(?:(?:already|just|half) )?(?:out|coming out)\b|\bcrowning\b"
    r"|\b(?:baby|babby|bubs|bub)(?:'s| is)? coming (?:out )?(?:feet|bum|bottom) first\b",
    re.IGNORECASE,
)
_THEIR_WATERS = re.compile(
    r"\b(?:her|his|their|your|ur|\w+'s) (?:waters|contractions|labou?r)\b"
    r"|\b(?:she'?s|she is|shes|they'?re|they are) (?:in|gone into|going into|having) (?:labou?r|contractions)\b",
    re.IGNORECASE,
)


# Baby movements already seen to ("the midwife said that's normal at this stage", "we're on the monitor now").
_BABY_SEEN = re.compile(
    r"\b(?:(?:midwife|midwives|doctor|doc|consultant|hospital|unit|they) (?:said|says|checked|reckons)"
    r"(?! (?:to (?:ring|call|phone|go|come)|(?:i|we) (?:should|must|have to) (?:ring|call|phone|come|go)|if|ring|"
    r"call|(?:come|go|get|head)(?: straight)? in))|"
    r"normal (?:at|for) this stage|on the (?:monitor|ctg|trace)|(?:being|been|getting) (?:monitored|checked))\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=256)
def act_now(meant: str) -> str | None:
    """"baby", "medical", "stranded", "passed", "trapped", "losing", "baby_other", "fire", "intruder", "labour" or
    "birth" when the message tells of one happening now (see the module docstring), else None. `meant` is the
    message with the chat register expanded.

    >>> act_now("I've got chest pains and my left arm feels weird"), act_now("locked out and it's 1am")
    ('medical', 'stranded')
    >>> act_now("what if the baby stops moving"), act_now("the baby hasn't stopped kicking all day")
    (None, None)
    """
    told = meant.replace("’", "'")
    if _WHAT_IF.search(told):
        return None
    figure = _FIGURE.search(told) is not None
    laugh = _LAUGH.search(_DEAD_THING.sub(" ", told)) is not None
    # Signs of a stroke are checked before any laugh ("face went droopy, probably just tired lol"), and still need
    # checking when they have passed ("fine now"): they can come back.
    if _STROKE.search(told) and not figure and not _LONG_AGO.search(told) and not _SEEN_TO.search(told):
        return "passed" if _OVER.search(told) else "medical"
    if _HOT_CAR.search(told) and not _OVER.search(told):
        return "trapped"
    if _intruder_now(told):
        return "intruder"
    if _OVER.search(told):
        return None
    pregnancy = _pregnancy_now(told)
    if pregnancy:
        return pregnancy
    if _fire_now(told, laugh):
        return "fire"
    if laugh or figure:
        return None
    head = _HEAD_KNOCK.search(told) is not None and _HEAD_SIGN.search(told) is not None
    medical = _MEDICAL.search(told) is not None or _someone_collapsed(told)
    if (medical or head or (_AFTER_BIRTH.search(told) and _HEAVY.search(told))) and not _SEEN_TO.search(told):
        return "medical"
    if (
        _STRANDED.search(told)
        or _VEHICLE_DEAD.search(told)
        or (_STUCK.search(told) and _UNSAFE_NOW.search(told))
        or (_PARKED_DEAD.search(told) and _NIGHT_ALONE.search(told))
    ):
        return "stranded"
    return None


def _fire_now(told: str, laugh: bool) -> bool:
    """Whether a fire is burning at home now (see `_FIRE`): not put out, on a screen, seen to by the fire brigade,
    a figure of a good night ("the flat is on fire tonight, party of the year!!") or a bin alight out in the street,
    unless told with a grave word (flames spreading, trapped, can't breathe)."""
    grave = _FIRE_GRAVE.search(told) is not None
    fires = list(_FIRE.finditer(told))
    cant = _CANT_PUT_OUT.search(told)
    if cant is not None and _FIRE_WORD.search(_CANT_PUT_OUT.sub(" ", told)):
        fires.append(cant)  # "the pan's smoking and I can't get it out"
    wild = _WILDFIRE.search(told)
    if wild is not None:
        fires.append(wild)  # "bushfire's jumped the road, embers landing on our roof"
    alarm = _ALARM.search(told)
    if alarm is not None and (_SMELL_BURNING.search(told) or _GETTING_OUT.search(told)):
        fires.append(alarm)  # "the smoke alarm's going off and i can smell burning", "... getting the kids out"
    brigade = _BRIGADE.search(told)
    without = re.sub(r"\bsmoke (?:alarms?|detectors?)\b", " ", _BRIGADE.sub(" ", told), flags=re.IGNORECASE)
    # the brigade named, or smoke alarms being fitted, are not themselves a sign of a fire now
    if brigade is not None and _STILL_IN.search(told) and (_FIRE_GRAVE.search(without) or _FIRE_WORD.search(without)):
        fires.append(brigade)  # "fire brigade's here but they can't get to nan, she's upstairs"
    in_room = _FIRE_IN_ROOM.search(told)
    if grave and in_room is not None:
        fires.append(in_room)  # "fire in the hallway, we're trapped in the bedroom"
    if not fires or _NOT_A_FIRE_NOW.search(told):
        return False
    if _FIRE_SAFE.search(told) and not _STILL_IN.search(told):
        return False
    if laugh and not grave:
        return False
    if _FIRE_FIGURE.search(_ALARM.sub(" ", told)) and not grave and not _FIRE_LITERAL.search(told):
        return False  # "the flat is on fire tonight, party of the year!!"
    if wild is not None and _WILD_FAR.search(told):
        return False  # "bush fire is heading towards the next valley, we're 200km away so fine"
    away = wild is None and all(_fire_away(told, m) for m in fires)
    return not (away and not _FIRE_AT_HOME.search(told))


def _fire_away(told: str, fire: re.Match[str]) -> bool:
    """Whether this fire is told as out in the street: the place named in it, or just before or after it."""
    before = re.split(r"[.!?,;]| and | but ", told[: fire.start()])[-1]
    after = re.split(r"[.!?,;]| and | but ", told[fire.end():])[0]
    return bool(_FIRE_AWAY.search(fire.group(0)) or _AWAY_AFTER.search(after) or _AWAY_BEFORE.search(before))


def _intruder_now(told: str) -> bool:
    """Whether someone is breaking in or in the house now (see `_INTRUDER`). Coming home to a smashed door
    counts ("got home and the back door's been kicked in"); a break-in dealt with or long past does not."""
    found = _INTRUDER.search(told)
    if found is None or _BREAK_IN_OVER.search(told) or _WHAT_IF.search(told):
        return False
    if _HARMLESS.search(told) or _BROKEN_INTO_THING.search(told):
        return False  # someone known, an animal, or a chat or a car broken into
    if _OVER.search(_HOME_TOLD.sub(" ", told)):
        return False
    return _INTRUDER_SOMEONE.search(found.group(0)) is not None or _HOME_NOW.search(told) is not None


def _labour_now(told: str, weeks: int | None, anyone: bool = False) -> bool:
    """Whether the message tells of the partner's own labour starting now, at term or with no weeks said (with
    `anyone`, someone else's too)."""
    if weeks is not None and weeks < 37:
        return False  # before 37 weeks it is the maternity unit now ("baby")
    if not _LABOUR.search(told) or _BIRTH_TOLD.search(told):
        return False
    laugh = _LAUGH.search(_DEAD_THING.sub(" ", told)) is not None
    work = _LABOUR_WORK.search(told) is not None or (_LABOUR_JOB.search(told) is not None and laugh) or (
        # "im in labour lol, moving house all day with no help", "im in labour 😂 jk just moving house"
        laugh and not _BIRTH_WORD.search(_CHORE_DUE.sub(" ", told)) and not _COME_NOW.search(told)
        and ((_LABOUR_CHORE.search(told) is not None and not _LABOUR_ONSET.search(told)) or _TAKEN_BACK.search(told))
    )
    if work and all("labo" in m.group(0).lower() for m in _LABOUR.finditer(told)):
        return False  # the labour of a shift, a union or a house move, not a birth
    theirs = _OTHERS_PREGNANCY.search(told) is not None or _THEIR_WATERS.search(told) is not None
    return anyone or not theirs or _MY_PREGNANCY.search(told) is not None


def _pregnancy_now(told: str) -> str | None:
    """"baby", "losing" or "baby_other" for a pregnancy worry now: fewer movements (from 24 weeks), bleeding,
    waters gone or regular contractions before 37 weeks, nothing heard on a home doppler, a miscarriage now with
    heavy bleeding or pain; "baby_other" when the pregnancy is someone else's."""
    weeks = _weeks(told)
    still = (
        _BABY_STILL.search(told) is not None or (weeks is not None and _BABY_QUIET.search(told) is not None)
    ) and not _NOT_STOPPED.search(told)
    if still and weeks is not None and weeks < 24:
        still = False  # before 24 weeks movements come and go, and may not have started
    bleeding = _BLEEDING.search(told) is not None and _PREGNANT.search(told) is not None
    early = weeks is not None and weeks < 37
    labour = early and (
        _WATERS.search(told) is not None or _CONTRACTIONS.search(told) is not None or _LABOUR.search(told) is not None
        or _CONTRACTIONS_NOW.search(told) is not None
    )
    doppler = _DOPPLER.search(told) is not None and _BABY_LOST.search(told) is not None
    if _MISCARRYING.search(told) and _HEAVY.search(told):
        return "losing"
    # a warning sign in labour comes before any gladness: bleeding, green waters, the baby moving less, feeling
    # faint, the cord or the baby coming, needing to push ("waters broke and there's loads of blood")
    in_labour = labour or _labour_now(told, None, anyone=True)
    warning = still or _BLEEDING.search(told) is not None or _BIRTH_WARNING.search(told) is not None
    # needing to push with no one there is a birth now, said with or without labour before it; so is labour with
    # no way in ("he's drunk and won't drive me")
    pushing = _PUSH_NOW.search(told) is not None and _PUSH_ALONE.search(told) is not None
    stuck = in_labour and _NO_WAY_IN.search(told) is not None
    if ((in_labour and warning) or stuck or pushing or (_BIRTH_NOW.search(told) and not _BIRTH_TOLD.search(told))) \
            and not _BABY_SEEN.search(told) and not _BIRTH_TOLD.search(told):
        theirs = _OTHERS_PREGNANCY.search(told) is not None or _THEIR_WATERS.search(told) is not None
        return "baby_other" if theirs and not _MY_PREGNANCY.search(told) else "birth"
    if _labour_now(told, weeks) and _COMING_EARLY.search(told) and not _BABY_SEEN.search(told):
        return "baby"  # "the baby's coming early": the maternity unit now, not "grab the bag"
    if _labour_now(told, weeks) and not _BABY_SEEN.search(told):
        return "labour"
    if not (still or bleeding or labour or doppler) or _BABY_SEEN.search(told):
        return None
    if not doppler and baby_lost(told):
        return None
    if _OTHERS_PREGNANCY.search(told) and not _MY_PREGNANCY.search(told):
        return "baby_other"
    return "baby"


def baby_lost(meant: str) -> bool:
    """Whether the message tells of a pregnancy lost now ("they couldn't find a heartbeat at the scan").

    >>> baby_lost("they couldn't find a heartbeat at the scan")
    True
    >>> baby_lost("couldn't find the heartbeat at first but then found it")
    False
    """
    told = meant.replace("’", "'")
    if _DOPPLER.search(told) or (_MISCARRYING.search(told) and _HEAVY.search(told)):
        return False  # a home monitor is no diagnosis; a miscarriage with heavy bleeding needs help now (`act_now`)
    return _BABY_LOST.search(told) is not None and _BABY_FINE.search(told) is None


__all__ = ["act_now", "baby_lost"]
