"""What kind of hard thing a message tells, so the validation and the question fit it (`fit = "..."` in
`method/replies.toml`): someone unwell, something lost that can still be found, a problem that is ours as
well as theirs, or a low mood with no event behind it. A stock line that fits a grievance ("What's the
part that gets to you most?") leaves a tight chest or a missing cat without care or an offer of help.
"""

from __future__ import annotations

import re

from openup.coach.heard import LOOKS_DOWN, Heard, per_heard
from openup.coach.heard_feelings import HARD_HINT
from openup.coach.heard_words import alternation, word_tuple
from openup.coach.irony import verdict_at
from openup.coach.news import LIFTED
from openup.coach.salient import NOT_A_LETDOWN

# The body, an illness, a doctor or a hospital: care and presence, not a detached "What do you make of it?".
_UNWELL = re.compile(
    r"\b(?:(?:been|off|home) sick|sick in bed|poorly|unwell|fever|flu(?! shot| jab| vaccine| season)|"
    r"(?:a|stomach|tummy) virus|strep|malaria|(?:tested positive for|got|caught|have|with) covid|infection|migraine|"
    r"(?:in|to) (?:the )?hospital|a&e|urgent care|emergency room|ambulance|icu|on (?:a )?drip|"
    r"admit (?:him|her|them|me) (?:for|to|into)|"
    r"(?:been|was|got|is|being) admitted(?! (?:it|that|to (?:me|us|them|him|her)))|"
    r"chest (?:pain|feels tight|is tight|still feels tight|hurts)|tight chest|can'?t breathe|"
    r"(?:new |the )?meds|side effects?|sprain(?:ed)?|fractured?|stitches|"
    r"(?:been|keep|kept|still|can'?t stop) (?:vomiting|throwing up|being sick)|"
    r"feel(?:s|ing)? (?:like )?(?:garbage|death|a zombie|so weak|weak)|"
    r"(?:body|i) (?:is |am |'m )?(?:still )?(?:so |very )?weak|"
    # a fall, a break, a diagnosis, pain that keeps on: asked after and helped, not mulled over
    r"(?:had|took|has had|'s had) (?:a |another )?(?:bad |nasty )?fall|"
    r"fell (?:down (?:the|some) stairs|in the (?:shower|bath|garden|street)|and (?:hit|hurt|broke|banged|cut))|"
    r"(?:broke|broken|fractured|done) (?:her|his|my|their|your) (?:hip|arm|leg|wrist|ankle|foot|collarbone)|"
    r"(?:the|her|his) hip\b(?! hop)|(?:since|after|with) the diagnosis|got diagnosed|been diagnosed|"
    r"cramps|(?:back|head|tooth|neck|knee|stomach|tummy) (?:is )?(?:killing|hurts|hurting|aches|is so sore)|"
    r"(?:backache|toothache|bloodwork|blood ?test results?)|wandering (?:out|off|about|around|the streets)|"
    r"(?:getting|got|gets) (?:lost|confused) (?:on the way|in the|again|coming)|"
    r"left the (?:gas|hob|oven|cooker) on|(?:iron|blood pressure|sugar levels?) "
    r"(?:is |are )?(?:super |really |very |so )?(?:low|high))\b",
    re.IGNORECASE,
)
# Health news that is good: the medication works, the scan is clear ("not Parkinson's", "I can stop worrying").
_RELIEF = re.compile(
    r"\b(?:(?:seems to be|is|it's|its) working|came back (?:clear|fine|normal)|all clear|benign|nothing serious|"
    r"(?:feeling|feel|much|loads) better|on the mend|stop worrying|not (?:cancer|parkinson'?s|serious|broken))\b",
    re.IGNORECASE,
)
# Someone else is the one unwell ("Papa's sugar levels", "mum's been admitted"), unless they speak of their own
# body too ("my chest still feels tight").
_KIN = re.compile(
    r"\b(?:mum|mom|mam|mother|dad|father|papa|mama|nan|nana|gran|granny|grandma|grandpa|grandad|"
    r"brother|sister|son|daughter|baby|uncle|aunt|auntie|aunty|cousin|friend|husband|wife|"
    r"lass|lad|bairn|mate|missus|hubby|partner|"
    r"he|she|him|her|they)\b",
    re.IGNORECASE,
)
_MY_BODY = re.compile(
    r"\b(?:my (?:body|chest|head|back|stomach|tummy|throat|leg|arm|ankle|foot|knee|hand|wrist|heart)|"
    r"i(?:'m| am|m| feel| felt|'ve been| have been| was) (?:so |really |very |still )?"
    r"(?:sick|ill|unwell|poorly|weak|in pain)|i feel like)\b",
    re.IGNORECASE,
)

# Something lost that can still be found: a ring, the keys, a cat that did not come home. An offer to help
# look fits, not a question about what stays with them.
_MISSING = re.compile(
    r"(?:^|\b(?:i|i've|ive|we|we've)\s+(?:just |have |think i |think we |must have )?)"
    r"(?:lost|can'?t find|cannot find|misplaced) (?:my|our|the|his|her) "
    r"(?!(?:job|match|game|quiz|pub quiz|final|semi|semis|race|league|tournament|cup|round|vote|election|toss|"
    r"derby|tie|fight|bout|appeal|contest|competition|raffle|lottery|series|set|point|frame|leg|temper|mind|weight|voice|appetite|way|nerve|bet|argument|case|deposit|place|spot|rag|"
    r"whole|entire|point|train|patience|cool|shit|marbles|footing|balance|signal|connection|focus|track|"
    r"mum|mom|dad|nan|gran|grandma|grandpa|brother|sister|son|daughter|baby|husband|wife|friend)\b)|"
    r"\b(?:(?:didn'?t|did not|hasn'?t|has not|never) c(?:o|a)me (?:back )?home|(?:has |have |'s )?gone missing|"
    r"ran off|is missing|are missing)\b",
    re.IGNORECASE,
)
_LONG_AGO = re.compile(r"\b(?:years ago|last year|when i was|i wish|used to)\b", re.IGNORECASE)
_FOUND = re.compile(r"\bfound (?:him|her|them|it)\b", re.IGNORECASE)  # no longer missing: found, or found dead

# A problem that is ours as well: our money, our home, our plans ("we cant afford the wedding we wanted",
# "rent went up 200 idk how were gonna do this"). The listener is in it too.
_WE = re.compile(
    r"\b(?:how (?:are |will |r )?(?:we|were|we're|we'll|we'd)(?: will| r| are)? (?:gonna |going to |supposed to )?"
    r"(?:do|manage|pay|afford|cope)|"
    r"we(?:'re| are| r)? (?:can'?t|cannot|won'?t be able to|never|never gonna|not gonna) "
    r"(?:\w+ ){0,5}?(?:afford|pay|buy)|"
    r"we (?:have|had|need|r gonna have|are gonna have|'re gonna have|'ll have|will have) to|"
    r"our (?:savings|budget|rent|bills?|mortgage|account|money|deposit|holiday|wedding|house|flat|car|boiler|roof)|"
    r"what we (?:budgeted|planned|saved)|we owe|told us|we have \d+ days|"
    r"we(?:'ve| have| got)? (?:got )?(?:about |only |just |like |maybe )?[$£€]?"
    r"(?:\d+|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred) (?:dollars|bucks|quid|pounds|euros|"
    r"rand|naira|left)?\s*(?:until|till|til|to last)\b)",
    re.IGNORECASE,
)
_FIGHT = re.compile(r"\b(?:fight|fought|fighting|argu\w*|row|rowed|bicker\w*)\b", re.IGNORECASE)  # between us
_PRACTICAL = re.compile(
    r"\b(?:rent|bills?|budget\w*|afford|savings|money|dollars|bucks|quid|pounds|euros|mortgage|wedding|house|flat|roof|boiler|car|repairs?|"
    r"quote|fees?|debt|loan|landlord|lease|deposit|electricity|gas|power|council tax|insurance|holiday|"
    r"move|moving|childcare|nursery)\b",
    re.IGNORECASE,
)

# A low or restless mood with nothing behind it ("feeling very low, nothing happened as such").
_LOW = re.compile(
    r"\b(?:(?:feel|feeling|i'?m|im|am) (?:(?:so|very|really|a bit|kinda|kind of|just|a little|bit|quite)\s+)*"
    r"(?:low|down|rubbish|flat|restless|meh|blah|off)|down in the dumps|in a (?:strange|weird|funny|bad|low|funk)"
    r"(?: mood)?|in a funk)\b",
    re.IGNORECASE,
)
_ONGOING = re.compile(r"\b(?:for (?:weeks|months|ages|a while)|nobody|no one|always)\b", re.IGNORECASE)
# A flat day told as mild, not as sorrow: "one of those grey days where I couldn't settle", "just sort of foggy".
_MILD_DAY = re.compile(
    r"\b(?:(?:just )?one of those (?:grey|gray|meh|blah|flat|off|foggy|slow|nothing|weird|funny|unsettled|wasted) days"
    r"|(?:just|sort of|kind of|kinda|a bit|bit) (?:foggy|meh|blah)(?! about))\b",
    re.IGNORECASE,
)
_NO_REASON = re.compile(
    r"\b(?:today|nothing(?:'s| has)? (?:happened|in it)|no reason|idk why|(?:don'?t|do not) know why|"
    r"dunno (?:what|why)|not sure why)\b",
    re.IGNORECASE,
)
# Asking what is wrong with them, with nothing that happened behind it ("idk whats wrong w me everything just feels
# heavy"): a low mood, met with care and "there's nothing wrong with you", never the question said back.
_WRONG_WITH_ME = re.compile(r"\b(?:what'?s|whats|what is) wrong (?:with|w) me\b", re.IGNORECASE)
# How they look, run down: reassured and cared for, never agreed with ("you look old in the photos").
_LOOKS = re.compile(LOOKS_DOWN, re.IGNORECASE)
# What falls to them at home, more than their share: a complaint about you, the listener, though it never says
# "you" ("why is it always me who has to plan everything", "bit over being the one who always has to ring the
# landlord"). Owned, not probed. Not a friend group's or a workplace's share ("the only one who plans w the group").
_SHARE = re.compile(
    r"\b(?:why is it always me|always me (?:who|that)|why am i (?:always )?the one|(?:being|i'?m|im|i am) "
    r"(?:always |the only )?(?:the )?one (?:who|that) (?:always |ever )?(?:has to|have to|does|notices|plans|"
    r"remembers|sorts|organi[sz]es|cleans|cooks|pays|books|rings|calls)|me always being the one)\b",
    re.IGNORECASE,
)
_NOT_OURS = re.compile(
    r"\b(?:group|friends|mates|lads|girls|work|office|job|boss|manager|team|colleagues?|coworkers?|shift|client|"
    r"printer|corporate|class|uni|school|mum|mom|dad|sister|brother|family|parents)\b",
    re.IGNORECASE,
)
# That you are not listening ("you are not listening only", "u never listen"): owned, and listened to now.
_UNHEARD = re.compile(
    r"\b(?:you|u)(?:'re| are| r|r)? (?:not|never|don'?t) (?:even |really )?listen(?:ing)?\b", re.IGNORECASE
)
# They ask you whether they are mad to feel or want it ("Amn't I mad?", "am i being too sensitive?", "is it silly
# to still ..."): answered first, "not at all", then listened to.
DOUBT_WORDS = ("mad", "crazy", "mental", "silly", "stupid", "daft", "dramatic", "sensitive", "oversensitive",
               "overreacting", "unreasonable", "weird", "petty", "selfish", "nuts", "bonkers", "cracked", "insane",
               "bad")
DOUBTING = re.compile(
    r"\b(?:amn'?t i|am i|aren'?t i|was i|would i be|am i just|is it|would it be)(?: just| being| a bit| a little| too|"
    r" so| really| completely| totally| actually)* (?:" + "|".join(DOUBT_WORDS) + r")\b"
    r"(?: (?:to|that|for|of|if)\b[^?]*)?\s*(?:[?]|$)"
    r"|\bam i (?:just )?overreacting\b|\bis (?:that|this) (?:normal|weird|mad)[?]"
    # asked for outright: "I think I just need you to tell me I'm not mad", "tell me im not being dramatic"
    r"|\btell me (?:that )?(?:i'?m|i am|im) not (?:being )?(?:just |a bit |too |so )?"
    r"(?:" + "|".join(DOUBT_WORDS) + r")\b",
    re.IGNORECASE,
)
_FELT_LEAD = re.compile(r"\b(?:feel|feels|felt|feeling|think|thought)(?: like| that| as if)?\s*$", re.IGNORECASE)
_BORED = re.compile(r"\bbored\b", re.IGNORECASE)
# Good news that has not sunk in: met as shock, not told back as excitement they did not say.
# Good news after a scare about health ("the lump is benign", "scans are clean, im in remission"): met with relief
# and asked how they are now it has sunk in, not "how did it all happen?"
_ALL_CLEAR = re.compile(
    r"\b(?:benign|remission|all clear|cancer[- ]free|scans? (?:are|is|was|were|came back) (?:clean|clear)|"
    r"(?:results?|tests?|scans?|biopsy|bloods) (?:came back |are |is |were |was )?(?:clear|clean|normal|negative|fine)|"
    r"not (?:cancer|cancerous|malignant|a tumou?r))\b",
    re.IGNORECASE,
)
# Frightening news still to be known ("they just said come back thursday", "waiting on the biopsy"): asked when
# they find out more, not "what's the hardest part to figure out?"
_WAITING = re.compile(
    r"\b(?:(?:ultrasound|scan|sonographer|radiologist|doctor|doc|gp|nurse|consultant|mammogram|smear)\b[^.!?]{0,60}"
    r"\b(?:went quiet|go(?:ne)? quiet|went to get someone|come back|called me back|call(?:ed)? back|more tests?|"
    r"another scan|another one|repeat (?:scan|test)|biopsy|recall)|(?:mammogram|smear|scan) recall|"
    r"waiting (?:on|for) (?:the )?(?:results?|biopsy|scan|bloods|test)|biopsy|"
    # told over two sentences: "... about Dad's scan. They said ... they want to do another one in six weeks"
    r"(?:scan|tests?|bloods|biopsy)\b[^!?]{0,80}\b(?:another one|another scan|repeat (?:it|the scan|the test)) "
    r"in (?:a few|\d+|two|three|four|five|six|eight|ten|twelve) (?:days|weeks|months))\b",
    re.IGNORECASE,
)
# A result already told ("the biopsy confirmed it's cancer", "stage 3", "it has spread"): not a wait any more.
_RESULT_TOLD = re.compile(
    r"\b(?:confirmed|diagnosed|diagnosis|it'?s (?:cancer|malignant|a tumou?r)|cancer|malignant|tumou?r|"
    r"stage (?:[0-4]|one|two|three|four|iv|iii|ii)|(?:has|it'?s|they'?ve|had) spread|terminal|"
    r"results? (?:are|is|came) (?:in|back)|came back (?:positive|bad|abnormal))\b",
    re.IGNORECASE,
)
_STUNNED = re.compile(
    r"\b(?:in shock|shocked|stunned|hasn'?t sunk in|not sunk in|still processing)\b",
    re.IGNORECASE,
)

# News with a good side and a hard side, said as both ("good on 'em, but it's a bit weird", "I'm happy for him but
# the house is so quiet now", "salary hike is there, but Dad's health is not good"): neither "Oh no" nor "I love
# that", but both at once.
_GOOD_SIDE = re.compile(
    r"\b(?:good on (?:'?em|them|him|her|ya|you)|fair play|which (?:is|was|'s) (?:great|good|amazing|lovely)|"
    r"(?:i'?m|im|i am|am) (?:\w+ )?(?:happy|glad|thrilled|made up|chuffed) for (?!(?:you|u|us)\b)|"
    r"weirdly (?:happy|excited|relieved)|in a good way|(?:salary )?hike is there|more money|healing well)",
    re.IGNORECASE,
)
_TURN = re.compile(r"\b(?:but|though|tho|even though)\b", re.IGNORECASE)
_LIFTED = re.compile(r"\b(?:" + LIFTED + r")\b", re.IGNORECASE)
# A death told, whatever the loss reading made of it: never asked after as if still unwell.
_DIED = re.compile(r"\b(?:died|passed away|passed on|passed in (?:his|her|their) sleep|funeral|no longer with us)\b",
                   re.IGNORECASE)
# A death or a dying, however it is felt ("mixed feelings about my dad dying"): a loss first, never "Oh wow".
_DEATH_TOLD = re.compile(
    r"\b(?:died|dying|dies|death|dead|passed away|passed on|funeral|no longer with us|terminal|palliative|hospice|"
    r"lost (?:my|our|her|his|their) (?:mum|mom|dad|father|mother|nan|gran|grandma|grandpa|grandad|brother|sister|"
    r"son|daughter|baby|husband|wife|partner|friend|best friend|uncle|aunt|cousin)|miscarr\w*|stillborn)\b",
    re.IGNORECASE,
)
_LAUGH = re.compile(r"(?<!\w)(?:" + alternation(word_tuple("news", "playful")) + r")(?!\w)", re.IGNORECASE)
_CARE = re.compile(r"\b(?:surgery|operation|appointment|appt|scan|treatment|chemo|radiotherapy|hospital|ward|"
                   r"consultant|specialist|referral)\b", re.IGNORECASE)
# Health turning good: the treatment works, they are on the mend, someone is coming home from hospital. Met with
# relief, as an all-clear is, not with "I'm really glad you told me".
_MENDING = re.compile(
    r"\b(?:(?:medication|meds|tablets|pills|treatment|inhaler|antibiotics|physio|injections?|new dose)\b[^.!?]{0,30}?"
    r"\b(?:seems? to be |is |are |it's |its |finally )?working|(?:finally |actually )?getting better(?! at\b)|"
    r"on the mend|"
    r"coming (?:home|out) (?:from|of) (?:the )?hospital|(?:been |being |got |getting )discharged|normal range|"
    r"first (?:day|night|week) in (?:weeks|months|ages)(?: that)? (?:i|i've) (?:felt|slept))\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:not|isn'?t|aren'?t|wasn'?t|no|none|never|n't|hardly|barely|stopped|no longer|thought|any ?more)\b|n't\b",
    re.IGNORECASE,
)
# Coming home to die, or care that only eases: never a relief ("coming home from hospital for palliative care").
_END_OF_LIFE = re.compile(
    r"\b(?:to die|dying|palliative|hospice|end of (?:her |his |their )?life|end[- ]of[- ]life|nothing (?:more|else) "
    r"(?:they|the doctors?|anyone|we) can do|(?:no|not any) (?:more )?treatment|"
    r"keep(?:ing)? (?:her|him|them|me) comfortable|terminal)\b",
    re.IGNORECASE,
)
# A panic attack now ("I'm having a panic attack lol", "think im having a panic attack rn"): calm presence and
# breathing together, never a question about what goes through their head.
_PANIC_NOW = re.compile(
    r"\b(?:(?:having|in the middle of|in|getting|got) (?:a |another |such a |the worst )?panic attack"
    r"(?!s|\w| (?:yesterday|last|earlier|this morning|at work|on the|when|after|before|ago))|"
    r"(?:i'?m|im|i am) (?:literally |actually |really |so )?panicking(?: so bad| rn| right now)?\s*(?:$|[.!])|"
    # the body panicking now: "cant breathe, heart racing, panicking"
    r"(?:can'?t|cant|cannot) breathe[^.!?]{0,40}\bpanick\w*|panick\w*[^.!?]{0,40}\b(?:can'?t|cant|cannot) breathe|"
    r"heart(?:'s| is)? (?:racing|pounding)[^.!?]{0,30}\bpanick\w*)",
    re.IGNORECASE,
)
# Panic attacks over time, not one now ("i've been having panic attacks at work", "getting panic attacks again since
# the accident"): care, never the in-the-moment breathing script.
_PANIC_PAST = re.compile(
    r"\b(?:panic attacks|(?:been|keep|kept|started|still) (?:having|getting)|since|ago|yesterday|last (?:night|week|"
    r"month|year)|earlier|used to|every (?:day|night|week|time)|at work|lately|recently)\b",
    re.IGNORECASE,
)
# Being touched, grabbed, sent sexual messages or walked in on ("your dad keeps grabbing my bum when no one's
# looking", "your uncle keeps sending me sexual messages"): believed and stood by, never a slight or a frustration.
VIOLATION = re.compile(
    r"\b(?:(?:touch|grab|grop|fondl|rubb|pinch|stroke?)\w* (?:me|my (?:bum|butt|ass|arse|breasts?|boobs?|chest|"
    r"crotch|thighs?|legs?|body))|(?:touch|grab|grop)\w* (?:at |on )?me|felt me up|feel(?:s|ing)? me up|"
    r"(?:send|sent|sends|sending) me (?:\w+ )?(?:sexual|sexy|dirty|nudes?|naked|dick|explicit)\w*|"
    r"(?:come|comes|came|coming|walk|walks|walked|walking|barg\w*) (?:in|into (?:the|my) (?:bathroom|bedroom|room))"
    r"[^.!?]{0,20}\b(?:showering|in the shower|in the bath|changing|undress\w*|getting dressed|naked)|"
    r"(?:hit|hits|hitting) on me|made a pass at me|came on to me|(?:kissed|forced himself|forced herself|"
    r"exposed (?:himself|herself|themselves)) |assault\w* me|sexually harass\w*|"
    # harassment that is sexual, physical or following, never nagging ("keeps harassing me to visit, about money")
    r"harass\w* me(?! (?:to|about|for|over|into|with (?:calls|emails|letters|texts|messages)|on the phone)\b)|"
    r"(?:try|tries|tried|trying) to kiss (?:me|my)|kissed me|keeps? kissing me|"
    r"comment\w* on my (?:body|figure|boobs?|breasts?|chest|bum|butt|arse|ass|legs?|thighs?|curves)|"
    r"(?:stares|stared|staring|leers|leered|leering) at (?:me|my (?:body|chest|breasts?|boobs?|bum|butt|legs?)))",
    re.IGNORECASE,
)
# Hard news about an illness or a pregnancy ("chemo's stopped working", "the cancer's back", "the baby's not moving as
# much", "the scan showed no heartbeat", "i'm in a&e with chest pains"): care and presence, never a flat "Oh, ...",
# a brush-off or good news, however its words read.
HARD_NEWS = re.compile(
    r"(?:\b(?:treatment|chemo|radiotherapy|immunotherapy|drugs|meds|medication|tablets|pills)\b[^.!?]{0,20}"
    r"(?:\bnot|n't|\bstopped|\bno longer)\b[^.!?]{0,12}\b(?:doing anything|doing much|helping|working)|"
    r"\b(?:stopped|stopping|stop|withdrawn|withdrew|withdrawing) (?:the |her |his |their |my |all |any )?"
    r"(?:treatment|chemo|radiotherapy)|"
    r"\bnothing (?:more|else) (?:they|the doctors?|anyone|we|the hospital) can do|"
    r"\bbaby(?:'s| is)? (?:not|isn'?t|hasn'?t|hasnt|stopped|barely) (?:been )?mov|"
    r"\breduced (?:fetal |foetal )?movements?|"
    r"\bno heartbeat|\bin (?:a|an induced) coma|"
    r"\b(?:cancer|tumou?r|lump)(?:'s| is| has)? (?:back|come back|returned|spread|grown|growing|bigger)|"
    r"\bfound (?:a|another) lump|\b(?:had|having|another) (?:a |another )?(?:seizure|stroke|heart attack)\b|"
    # a&e for the chest, or intensive care: not a sprain seen to ("been to A&E with my ankle")
    r"\b(?:a&e|emergency room|ambulance|hospital)\b[^.!?]{0,40}\bchest pains?|"
    r"\bchest pains?\b[^.!?]{0,40}\b(?:a&e|emergency room|ambulance|hospital)\b|"
    r"\b(?:in|to) (?:icu|intensive care|resus)\b)",
    re.IGNORECASE,
)
# Control and threats by someone close ("he checks my phone every night and gets angry if i talk to my friends",
# "she threatened to take the kids again"): believed and stood by, never exasperation or a flat "Ah".
_CONTROLLED = re.compile(
    r"\b(?:(?:checks?|checking|checked|goes through|went through|going through|reads?) my (?:phone|messages|texts)|"
    r"(?:gets?|got|getting) (?:angry|mad|furious|jealous|nasty)[^.!?]{0,12}"
    r"\bif i (?:talk|see|go out|text|speak|message)"
    r"(?: (?:to|with))? (?:my |any )?(?:friends?|mates|anyone|family|sister|brother|mum|mom|dad|guys|girls|men|women)|"
    r"(?:won'?t|doesn'?t|does not|will not|never) let me (?:see|go out|talk|speak|have|leave|work)|"
    r"track(?:s|ed|ing)? my (?:location|phone)|"
    r"threat\w* to (?:take|keep|hurt|kill|leave me with nothing|throw me out|kick me out|take away)\b)",
    re.IGNORECASE,
)
# Signs of harm, control or fear, whoever does it and whether or not the safety screen flagged them: a message
# holding one is never owned as an ordinary complaint, agreed to as a plan for us, joked about or cheered
# ("I forgive you for hitting me, I want us to try again", "you tell me what to wear", "took a load of paracetamol
# haha"). The screen decides whether help lines are shown; this only keeps the everyday answers away.
HARM_SIGNS = re.compile(
    r"\b(?:(?:hit|hits|hitting) (?:me|us|you|u|him|her|them|my|the kids)|slap\w*|punch\w*|kick(?:ed|s|ing)? me|"
    r"shov\w*|push(?:ed|es|ing)? me (?:over|down|into|against)|chok\w*|strangl\w*|bruis\w*|black eye|threw|"
    r"throw(?:s|ing)? (?:\w+ )?(?:at|against)|"
    r"(?:scared|afraid|terrified|frightened) (?:of|when|that) (?:you|u|him|her|them)|walk(?:ing)? on eggshells|"
    r"temper|"
    r"(?:won'?t|wont|don'?t|dont|doesn'?t|never|didn'?t) (?:let|allow) me (?:to )?(?:see|go|leave|have|work|wear|"
    r"talk to|speak to|visit|drive|use|keep|spend|out|anywhere)|not allowed|allowance|what to wear|"
    r"controll\w*|control(?:s|led)? (?:my|all my|the) (?:money|finances|phone|life)|"
    r"rais(?:e|ed|es|ing) (?:your|ur|his|her|their|a) (?:hand|fist)|lock(?:s|ed|ing)? me (?:in|out)|threat\w*|"
    r"swung at|swing(?:s|ing)? at|shout(?:s|ed|ing)? at me|scream(?:s|ed|ing)? at me|"
    r"call(?:s|ed|ing)? me (?:worthless|useless|stupid|fat|ugly|pathetic|disgusting|a (?:whore|slut|bitch))|"
    r"(?:no ?one|no-one|nobody) else (?:would|will|could) (?:ever )?(?:want|love|have) me|did it anyway|deserve to die|"
    r"(?:take|takes|taking|took|taken|keep|keeps|kept) (?:all )?(?:of )?my (?:salary|wages|pay|paycheck|money|card|"
    r"keys|car keys|phone|passport)|permission|(?:can'?t|cannot|not allowed to) keep my job|last message|"
    r"(?:check|checks|checked|checking|go through|goes through|went through) my (?:phone|messages|texts|emails)|"
    r"my location|track\w* (?:me|my)|where were you|who were you with|can'?t see my (?:friends|family|mates)|"
    r"paracetamol|pills|tablets|overdos\w*|od'?d|self[- ]harm\w*|cutting myself|cut myself|suicid\w*|kill myself|"
    r"end it|want(?:ing)? to die)\b",
    re.IGNORECASE,
)


# A bruise that is a figure of speech: "bruised ego", "my pride's a bit bruised", "feelings got bruised".
_FIGURATIVE_BRUISE = re.compile(
    r"\bbruis\w* (?:ego|egos|pride|feelings|heart|confidence|self-esteem|reputation)\b"
    r"|\b(?:ego|egos|pride|feelings|heart|confidence|self-esteem|reputation)(?:'s|s)?(?: (?:is|was|are|were|got|gets|"
    r"feels?|felt|been|has|have|a|bit|little|tad|slightly|badly|very|so|well|properly|totally|somewhat|still|rather|"
    r"pretty|quite|just))* bruis\w*",
    re.IGNORECASE,
)


def harm_signs(told: str) -> bool:
    """Whether `told` holds a sign of harm, control or fear (`HARM_SIGNS`); a bruised ego is none.

    >>> harm_signs("i forgive you for hitting me, i want us to try again"), harm_signs("you never do the dishes")
    (True, False)
    >>> harm_signs("bruised ego after we lost the quiz"), harm_signs("bruises on my arm from where he grabbed me")
    (False, True)
    """
    return HARM_SIGNS.search(_FIGURATIVE_BRUISE.sub(" ", told.replace("’", "'"))) is not None


# News too grave to cheer, however it is told ("congrats to me, the biopsy came back and it's cancer", "got a fine
# i cant afford lol"); a result that is good news about the same things passes ("cancer-free", "it's benign").
GRAVE_NEWS = re.compile(
    r"\b(?:cancer|tumou?r|malignant|terminal|it'?s spread|fired|sacked|laid off|made redundant|redundancy|"
    r"lost (?:my|our|his|her|their) (?:job|home|house|flat)|evict\w*|can'?t afford|cannot afford|miscarr\w*|died|"
    r"passed away|funeral|deport\w*)\b",
    re.IGNORECASE,
)
# Harm told as a best, never one to cheer: not eating or fasting, weight lost fast, an injury ("new PB: 4 days
# without eating", "lost 10kg in two weeks, new PB lol", "deadlifted 180kg, heard something pop in my back").
STARVED = re.compile(
    r"\b(?:(?:days?|hours?|hrs?|weeks?|\d+ ?h) (?:without|with no|of no) (?:eating|food|a meal|meals|eating anything)|"
    r"without (?:eating|food)|not (?:eaten|eating)(?! out)|(?:haven'?t|hasn'?t|havent|didn'?t) (?:eaten|eat)|"
    r"no food|(?:fasting|fasted)(?! for (?:a |my |the |an )?(?:blood test|bloods|surgery|op|operation|scan|procedure|"
    r"ramadan|lent|yom kippur))|water fast|starv\w*|skipp(?:ed|ing) (?:meals|eating|breakfast and lunch|every meal)|"
    r"only (?:ate|eaten|had) (?:\d+|one|an?|half an?)\b[^.!?]{0,20}\b(?:cals?|calories|all day|today)|"
    r"(?:under|less than|only) \d+ ?(?:cals?|calories)|\d+ ?(?:cals?|calories) (?:a|per) day|purg\w*|laxatives?|"
    r"made myself (?:sick|throw up)|"
    r"(?:lost|dropped|down) \d+(?:\.\d+)? ?(?:kg|kgs|kilos?|lbs?|pounds|stone|st)\b[^.!?]{0,12}?\b(?:in|over|this) "
    r"(?:a|one|two|three|four|five|six|\d+|the last|a single|just|only)\b ?(?:\w+ )?(?:days?|weeks?|fortnight))\b",
    re.IGNORECASE,
)
INJURED = re.compile(
    r"\b(?:heard (?:something|it|a) (?:pop|snap|crack|tear|rip)|(?:popped|snapped|tore|torn|ripped|slipped|pulled|"
    r"herniated) (?:my |a )?(?:disc|back|hamstring|tendon|achilles|acl|ligament|bicep|pec|groin|calf)|"
    r"can'?t (?:feel|move) (?:my|his|her|their) (?:legs?|arms?|feet|toes|hands?|fingers|back)|numb|paralys\w*|"
    r"passed out|blacked out|fainted|collapsed|in agony)\b",
    re.IGNORECASE,
)
HARMED_BEST = re.compile(f"(?:{STARVED.pattern})|(?:{INJURED.pattern})", re.IGNORECASE)


_GRAVE_CLEARED = re.compile(
    r"\b(?:cancer[- ]free|no (?:sign of )?cancer|not cancer|benign|all clear|in remission|no longer terminal)\b",
    re.IGNORECASE,
)


def grave_news(told: str) -> bool:
    """Whether `told` holds news too grave to cheer (`GRAVE_NEWS`), not cleared by a good result, or harm told as
    a best (`HARMED_BEST`).

    >>> grave_news("congrats to me, the biopsy came back and it's cancer"), grave_news("biopsy's back. benign!")
    (True, False)
    """
    told = told.replace("’", "'")
    if HARMED_BEST.search(told):
        return True  # not eating, weight lost fast or an injury is no best to cheer ("new PB: 4 days without eating")
    return GRAVE_NEWS.search(told) is not None and _GRAVE_CLEARED.search(told) is None


# Both feelings, named as such: "very mixed feelings", "bittersweet", "happy-sad".
_MIXED_SAID = re.compile(
    r"\b(?:mixed (?:feelings|emotions|bag of feelings)|bittersweet|happy[- ]sad|sad[- ]happy|both happy and sad|"
    # pulled both ways, said outright: "part of me wants to call him back and part of me is still angry"
    r"(?:part|half) of me\b[^.!?]{3,80}\b(?:and|but|while|yet) (?:the other |another )?(?:part|half) of me)\b",
    re.IGNORECASE,
)
# The same thing once more ("asked to borrow money AGAIN", "another violation notice"): met as exasperation,
# not condolence.
_AGAIN = re.compile(
    r"\b(?:again|yet another|another (?:\w+ )?(?:one|notice|letter|fine|bill|email|text|lecture|comment|excuse)|"
    r"(?:for )?the (?:\d+(?:st|nd|rd|th)|third|fourth|fifth|hundredth|millionth) time)\b",
    re.IGNORECASE,
)
# Something still to get done, and soon: a deadline tonight, a report wanted by the morning, an exam or a review
# tomorrow. Help to get it done fits, or a word of faith in them; "What would help you unwind tonight?" does not.
_PRESSED = re.compile(
    r"\b(?:(?:a |the |my |this |that )?deadline|due (?:tonight|tomorrow|tmrw|in the morning|by|first thing)|"
    r"(?:by|before) (?:tonight|tomorrow|tmrw|the morning|first thing|midnight))\b",
    re.IGNORECASE,
)
_WORK_DUE = re.compile(
    r"\b(?:report|essay|assignment|proposal|project|deck|slides|presentation|thesis|dissertation|coursework|work|"
    r"submission|submit|deliverable|pitch|code|design|paper|draft|article|chapter|application|i have (?:a )?deadline|"
    r"(?:my|our|the team'?s?) deadline)\b",
    re.IGNORECASE,
)
_NOT_A_TASK = re.compile(
    r"\b(?:visa|deport\w*|court|evict\w*|payment|pay|rent|bill|bills|afford|fine|immigration|tax|loan|mortgage|"
    r"funeral|hospital|custody)\b",
    re.IGNORECASE,
)
# A big day tomorrow that they are dreading or have not slept for (an exam, an interview, a review): faith in them
# and a calm evening, not "What's going through your head about it now?".
_BIG_DAY = re.compile(
    r"\b(?:(?:exam|interview|review|reveiw|presentation|assessment|audition|pitch|viva|"
    r"driving test|final|finals) (?:is |are )?(?:tomorrow|tmrw|tmr|tmw|in the morning|first thing)|"
    r"(?:tomorrow|tmrw|tmr)(?:'s| is)? "
    r"(?:exam|interview|review|presentation|pitch|driving test))\b",
    re.IGNORECASE,
)
# Not a test of their own: a hearing about someone else or about them (parole, custody, a court, a psych assessment
# that may section them), or a fear of what another person will do ("terrified he'll get out").
_NOT_THEIR_TEST = re.compile(
    r"\b(?:parole|custody|court|hearing|tribunal|sentenc\w*|trial|psych\w*|mental health|section(?:ed)?|sectioning|"
    r"social services|social worker|safeguarding|visa|immigration|deport\w*|asylum|benefits?|disability|pip|"
    r"(?:lose|losing|take|taking) (?:the|my|our) (?:kids|children|baby|son|daughter)|"
    r"(?:scared|afraid|terrified|frightened|worried|petrified)\b[^.!?]{0,12}\b(?:he|she|they|he'?ll|she'?ll|they'?ll|"
    r"him|her|them)\b)",
    re.IGNORECASE,
)


# A child growing up, told with a pang ("wasn't she just born yesterday", "my boy looks so grown up", "starting
# secondary tomorrow"): bittersweet, met as both, not as news to be excited about or a worry to work out.
_GROWN = re.compile(
    r"\b(?:where (?:did|has|does) the time go(?:ne)?|(?:just|only) born (?:like )?yesterday|"
    r"(?:so|all|really) grown[- ]up|growing up (?:so|too) fast|(?:starting|starts|started|first day (?:at|of)) "
    r"(?:secondary|big school|reception|primary|high school|year (?:one|1|seven|7))|"
    r"(?:my|our) (?:baby|babies|little one|boy|girl) (?:is|are|'s) (?:(?:starting|off to) (?:school|nursery|uni|"
    r"university|college|big school|secondary|reception|high school)|leaving home|graduating|turning (?:\d+|one|two|"
    r"three|four|five|ten|eighteen|twenty|twenty-one)))\b",
    re.IGNORECASE,
)


# The same fight between the two of you ("we keep having the same fight about the dishes"): you are in it too, so
# it is owned and sorted together, not soothed from outside ("What would help you switch off?").
_OUR_FIGHT = re.compile(
    r"\bwe(?:'ve| have)? (?:keep|always|still|never stop|had|have|are|'re) (?:having |had )?(?:the same |another |a )?"
    r"(?:\w+ )?(?:fight|argument|row|rows|fights|arguments|bicker\w*|argu\w*|fight\w*)\b",
    re.IGNORECASE,
)
_AFRAID = re.compile(
    r"\b(?:scared|afraid|frightened|terrified|unsafe|threaten\w*|hit|hits|shove\w*|push(?:ed|es)? me)\b", re.IGNORECASE
)
# Someone who will not leave them alone: a worry for their safety, never a nuisance to be fed up with.
_UNSAFE = re.compile(
    r"\b(?:my ex|(?:his|her|their) ex|stalk\w*|followed me|followed us|turned up|showed up|shows up|turns up|"
    r"wouldn'?t leave|won'?t leave (?:me|us) alone|police|restraining|harass\w*)\b",
    re.IGNORECASE,
)
# Your own do that they dread ("i dont even know if i want to go to ur work party"): you can make it easier.
_YOUR_DO = re.compile(
    r"\b(?:your|ur|yr) (?:work|office|company|team|uni|school|family|friends'?|mates'?|brother'?s|sister'?s|"
    r"cousin'?s|mum'?s|mom'?s|dad'?s|parents'?) (?:party|do|drinks|dinner|thing|event|wedding|bbq|barbecue|"
    r"christmas party|night out|get[- ]together|reunion)\b",
    re.IGNORECASE,
)


_RELUCTANT = re.compile(
    r"\b(?:(?:don'?t|do not|dont) (?:even )?(?:know if i |really )?(?:want|wanna) to go|can'?t face|"
    r"not sure i (?:can|want to) (?:face|go|do)|dread\w*|(?:don'?t|never|won'?t) know (?:anyone|a soul|anybody)|"
    r"(?:just )?stand there|(?:do i|should i) (?:have to|really have to) (?:go|come))\b",
    re.IGNORECASE,
)
_HURT_BY = re.compile(
    r"\b(?:hurt|upset|said|says|cried|crying|insult\w*|rude|hit on|hits on|hitting on|touch\w*|grop\w*|grab\w*|"
    r"harass\w*|made a pass|came on to|comes on to|creep\w*|perv\w*|leer\w*|kiss\w*|assault\w*|"
    r"inappropriate|uncomfortable|unsafe|scared|afraid)\b",
    re.IGNORECASE,
)


def told_both_ways(told: str, unsure: bool = False) -> bool:
    """News with a good side and a hard side, told as both ("weirdly happy about the move even tho its scary"), or
    mixed feelings said outright ("mum is moving in with us and i have very mixed feelings lol")."""
    told = told.replace("’", "'")
    if not unsure and (m := _GOOD_SIDE.search(told)) and _TURN.search(told[m.end():] + " " + told[: m.start()]):
        return True
    return _MIXED_SAID.search(told) is not None and not _DEATH_TOLD.search(told)


@per_heard
def fit_of(heard: Heard) -> str:
    """The kind of hard thing told, for templates with `fit`: "unwell" (they are ill or hurt), "unwell_other"
    (someone of theirs is), "missing" (something or some pet lost that can still be found), "ours" (a practical
    problem that is ours too), "bored", "low" (a low mood, no event), "stunned" (good news that has not sunk
    in), "mixed" (news with a good side and a hard side, told as both), "looks" (they run down how they look), "share"
    (more than their share at home falls to them), "unheard" (you are not listening), "doubting"
    (they ask if they are mad to feel or want it), "all_clear" (good news after a health scare), "waiting" (a
    frightening result still to come), "pressed" (something still to get done, and soon: a deadline tonight, a
    report wanted by the morning), "big_day" (an exam, an interview or a review tomorrow that weighs on them),
    "again" (the same letdown once more, told in exasperation), "grown" (a child growing up, told with a pang),
    "our_fight" (the same fight between you two), "your_do" (an event of yours they dread), "panic" (a panic
    attack now), "violated" (someone touched, grabbed or harassed them), "wry_day" (a bad day told at length under
    a glowing verdict), "work_out" (a long telling that comes to what to do);
    "" for anything else.

    >>> fit_of(Heard(None, (), (), valence="negative", focus="doc says its stress but my chest still feels tight"))
    'unwell'
    >>> fit_of(Heard(None, (), (), valence="negative", focus="The cat didn't come home last night."))
    'missing'
    >>> fit_of(Heard(None, (), (), valence="negative", focus="we cant afford the wedding we wanted"))
    'ours'
    """
    told = heard.told.replace("’", "'")
    if _PANIC_NOW.search(told) and not _PANIC_PAST.search(told) and not _DEATH_TOLD.search(told) \
            and not heard.good_news:
        return "panic"  # "I'm having a panic attack lol": "I'm here. Breathe with me."
    if VIOLATION.search(told) and heard.loss == "none" and not heard.good_news:
        return "violated"  # "your friend kept touching me at the party": "I believe you", never "that's my friend"
    if re.search(r"\bpanic attack", told, re.IGNORECASE) and heard.loss == "none" and not heard.good_news:
        return "unwell_other"  # attacks over time ("been having panic attacks at work"): care, not the script
    if _CONTROLLED.search(told) and heard.loss == "none" and not heard.good_news:
        return "violated"  # "he checks my phone every night": believed, never "Ah, he checks your phone"
    if HARD_NEWS.search(told) and heard.loss == "none":
        return "unwell_other"  # "the cancer's back": "Oh no ... I'm so sorry, love", never "Oh, ..." or "Got it"
    # a worry lifted ("doesn't need surgery after all", "it's just a sprain") is a relief too, when it is good news
    all_clear = _ALL_CLEAR.search(told) is not None or (
        (heard.good_news or heard.valence == "positive") and _LIFTED.search(told) is not None)
    if heard.loss == "none" and heard.complaint is None and (m := _MENDING.search(told)) \
            and not _NEGATED.search(told[max(0, m.start() - 24) : m.end() + 12]) and not _TURN.search(told[m.end() :]) \
            and not _END_OF_LIFE.search(told) \
            and (heard.valence != "negative" or not HARD_HINT.search(told[: m.start()] + " " + told[m.end() :])):
        # "the new meds seem to be working", "grandma's coming home from hospital tomorrow"; the reader may hear worry
        # in "my bloods are finally in the normal range": with no hard word beside it, it is still relief
        return "all_clear"
    if all_clear and (heard.good_news or heard.valence == "positive" or (
            heard.valence == "neutral" and heard.loss == "none" and _RELIEF.search(told) and not _TURN.search(told))):
        # "the consultant said it's benign ... I can stop worrying": a relief, whatever tone its words carry
        return "all_clear"
    if _GROWN.search(told) and heard.loss == "none" and heard.complaint is None and heard.valence != "negative" \
            and not _UNWELL.search(told) and not _CARE.search(told):
        return "grown"
    if heard.good_news:
        return "stunned" if _STUNNED.search(told) else ""
    if heard.loss == "none" and heard.complaint is None and not all_clear and _WAITING.search(told) \
            and not _RELIEF.search(told) and not _RESULT_TOLD.search(told):
        return "waiting"  # read as glad or not, "they went quiet and said come back thursday" frightens
    if heard.loss != "none" or heard.complaint is not None or heard.valence == "positive":
        return ""
    if heard.valence == "negative" and verdict_at(told) is not None:
        # irony told at length ("Oh it was wonderful. ... Truly a day for the scrapbook."): the joke is taken,
        # and the day is met for what it was, not said back line by line
        return "wry_day"
    if heard.unsure and heard.extra.get("doubt"):
        return "work_out"  # a long telling that comes to what to do: worked out together (`reading.read_message`)
    if told_both_ways(told, heard.unsure):
        return "mixed"
    if DOUBTING.search(told):
        return "doubting"
    if _OUR_FIGHT.search(told) and heard.party is None and heard.mood != "fear" and not _AFRAID.search(told):
        return "our_fight"
    if _YOUR_DO.search(told) and _RELUCTANT.search(told) and not _HURT_BY.search(told):
        return "your_do"  # "i dont even know if i want to go to ur work party": not "still hurt by what she said"
    if (m := _UNHEARD.search(told)) and not _FELT_LEAD.search(told[: m.start()]):
        return "unheard"  # "i feel like ur never listening" is a feeling, said back as theirs
    if (m := _SHARE.search(told)) and not _NOT_OURS.search(told) and heard.party is None \
            and not _FELT_LEAD.search(re.sub(r"\s*\b(?:i'?m|im|i am)\s*$", "", told[: m.start()])):
        return "share"  # "i feel like im the only one who remembers birthdays" is how they see it, hedged
    if _LOOKS.search(told):
        return "looks"
    if heard.valence == "negative" and not _UNWELL.search(told):
        if _PRESSED.search(told) and _WORK_DUE.search(told) and not _NOT_A_TASK.search(told):
            return "pressed"  # work to get done: not a visa, a payment or a court date
        if _BIG_DAY.search(told) and not heard.happened and not _NOT_THEIR_TEST.search(told):
            return "big_day"
    if _UNWELL.search(told) and not _RELIEF.search(told) and not _DIED.search(told):
        if _KIN.search(told) and not _MY_BODY.search(told):
            return "unwell_other"
        return "unwell"
    if _MISSING.search(told) and not _FOUND.search(told) and not _LONG_AGO.search(told):
        return "missing"
    if _WE.search(told) and _PRACTICAL.search(told) and not _FIGHT.search(told) and heard.valence == "negative":
        return "ours"
    if _BORED.search(told) and not heard.happened:
        return "bored"
    if _LOW.search(told) and _NO_REASON.search(told) and not heard.happened and not _ONGOING.search(told) \
            and "?" not in told:
        return "low"
    if _WRONG_WITH_ME.search(told) and (not heard.happened or _NO_REASON.search(told)):
        return "low"
    if _MILD_DAY.search(told) and heard.loss == "none" and heard.complaint is None and not heard.good_news:
        return "low"  # "one of those grey days ... I wasn't sad exactly, just foggy": kept company, not "Come here"
    if heard.valence == "negative" and heard.mood in ("anger", "") and heard.happened and _AGAIN.search(told) \
            and not heard.self_judgement and not _LAUGH.search(told) and not _CARE.search(told) \
            and not _AFRAID.search(told) and not _UNSAFE.search(told) and not NOT_A_LETDOWN.search(told) \
            and not heard.extra.get("flagged"):
        return "again"  # not told with a laugh ("load shedding again 😅"), nor a delay in someone's care
    return ""
