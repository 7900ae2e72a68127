"""What the partner's message does first, read by the act reader where the situations' patterns found nothing.

The patterns of `[situation.*]` (method/replies.toml) list the ways people ask, invite or say they love you, and
miss every other way ("ngl i really miss u today", "grab milk on ur way"). The act reader (`feelings.act_of`, heads
trained by `scripts/train_acts.py` on messages written and labelled by helpers who saw only the act definitions)
reads the whole message. Where the patterns left a message to the default reflect-validate-ask, a sure act picks
the answer it calls for:

- "request" and "invite": the request and invitation situations (a yes first);
- "affection": said back in kind (`miss_you`, `love_you`, else `praise`);
- "update": taken in lightly (`update`): news in passing is not a hardship (never where fear or hurt was heard);
- "joking": the usual moves, read as a mishap told for a laugh (`sorts.sort_of`, `listen.playful`);
- "good_news" and "hard", where no feeling was named: the tone the usual moves meet it in (glad, or hard news),
  never a celebration from the act alone (`listen.reply`).

Never beside anything the safety screen flags or a sign of harm, nor for a loss or something urgent, and each
situation's own `unless` guards still apply ("miss you. he's got a knife" is never a sweet nothing).

>>> situation_for("affection", "ngl i really miss u today. like a weird amount")
'miss_you'
>>> situation_for("affection", "you looked so good tonight") , situation_for("joking", "lol the dog ate my sock")
('praise', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openup.coach.situations import situations

_MISS = re.compile(r"\bmiss(?:ing|ed)? (?:you|u|ya)\b", re.IGNORECASE)
_LOVE = re.compile(r"\b(?:love|luv|ily)(?: (?:you|u|ya))?\b", re.IGNORECASE)
# They ask what to do, or where or which something is ("where's the shut-off valve", "what do i turn off"): a
# question to answer, not a favour to say yes to.
_ASKS_WHAT = re.compile(r"\b(?:where|what|which|how)\b", re.IGNORECASE)
_ASKS_YOU_TO = re.compile(r"\b(?:can|could|would|will|cn) (?:you|u|ya)\b|\b(?:pls|plz|please)\b", re.IGNORECASE)

_BY_ACT = {"request": "request", "invite": "invite", "update": "update"}
LIGHT = frozenset({"joking"})  # acts that change how the usual moves read the message, not which moves


@dataclass(frozen=True, slots=True)
class Told:
    """What else was heard in the message, which may keep an act from choosing the answer."""

    valence: str = "neutral"  # the feelings heard: negative, positive, neutral, mixed
    heavy: bool = False  # something serious is told (a hospital, a scan, a job lost: `sorts.weighty`)
    sour: bool = False  # sarcasm or irony ("really felt included"), or a moan made a joke of ("pray for me")
    listen: bool = False  # they ask to be listened to, not helped ("can u not do the thing where u fix it")
    ours: bool = False  # it is about the two of you ("i think we should see someone")
    fearful: bool = False  # the feelings reader heard fear or hurt in it ("grandad's been admitted, they're keeping him
    # in overnight"): never news in passing


def situation_for(act: str, meant: str, told: Told | None = None) -> str | None:
    """The situation `act` calls for in `meant` (the message with the chat register expanded), or None when it
    keeps the default moves: when what else was heard (`told`) rules the act's answer out, or that situation's
    `unless` guards hold for `meant`."""
    told = told or Told()
    if act == "affection":
        if told.valence == "negative" or told.sour:
            return None  # "really living the dream over here": sarcasm, never thanks
        name = "miss_you" if _MISS.search(meant) else "love_you" if _LOVE.search(meant) else "praise"
    elif act == "request":
        if told.valence == "positive" or told.sour or told.listen or told.ours:
            return None  # "coach reckons i could make the squad!!", "please pray for me", "just listen", "can we
            # have a phones-away night" (a hope for the two of you, answered as one)
        if _ASKS_WHAT.search(meant) and not _ASKS_YOU_TO.search(meant):
            return None  # "HELP what do i turn off": answered, not agreed to
        name = "request"
    elif act == "invite":
        if told.valence == "negative" or told.sour or told.ours:
            return None  # "do we really have to go to ur cousins thing", "we should see someone"
        name = "invite"
    elif act == "update":
        if told.valence in ("negative", "positive") or told.heavy or told.sour or told.fearful:
            return None  # "they're keeping Grandma in overnight", "finished the marathon. at last": never taken in
            # as news in passing
        name = "update"
    else:
        return None
    situation = situations()[name]
    if any(p.search(meant) for p in situation.unless):
        return None
    return name


__all__ = ["LIGHT", "Told", "situation_for"]
