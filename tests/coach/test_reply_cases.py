"""The worst cases found while reading reply suggestions on ESConv and GoEmotions texts: kept fixed."""

from __future__ import annotations

import re

import pytest

from openup.coach.heard import good_topic, hear, is_whole_clause
from openup.coach.listen import moves, reply
from openup.coach.reading import tells_something

DOUBLED = re.compile(r"\b(you|I|me|your|my|the|and|to)\s+\1\b", re.IGNORECASE)

# (partner text, a move, what its suggestion must contain / must not contain)
CASES = [
    # A feeling statement is not an event: no "It sounds like You're so stressed ..., and that left you".
    (
        "I'm so stressed about my exam tomorrow",
        "reflect",
        "stressed about your exam tomorrow",
        "You're",
    ),
    # "she didn't accept you" was shifted to "accept I".
    ("It's for the best if she didn't accept you for who you are", "reflect", "", "accept I"),
    # "won't" used to fire the "won" (a win) cue and named the feeling "proud".
    ("yes, my parents won't say it to me but they never show they're proud either", "reflect", "", "feeling proud"),
    # A subjectless fragment ("will only make half ...") used to become the event.
    (
        "I have higher degree but will only make half of their salary so i feel bad",
        "reflect",
        "",
        "like will",
    ),
    # "since" split an event in half ("It sounds like the pandemic started").
    (
        "i stopped going out to the gym ever since the pandemic started.",
        "reflect",
        "",
        "like the pandemic started",
    ),
    # The listener as subject of a complaint: reflected as what they feel about you.
    ("You never listen to me when I talk about my day", "reflect", "I never listen to you", ""),
    # A self-judgement is not repeated back as a label ("as if you were a failure" is criticism).
    ("I feel like such a failure, I failed the test again", "reflect", "hard on yourself", "a failure"),
    # Grief: the loss is what is said back (who they lost), not the caring that came before it.
    (
        "It's been very hard, i've also had to take care of my mother, but she sadly passed away last march, "
        "possibly from the virus.",
        "reflect",
        "your mother",
        "sadly",
    ),
    ("its been a year today since dad died", "reflect", "your dad", "What"),
    ("mikes mom passed last night hes not answering anyone", "ask", "them", "miss most"),  # someone else's loss
    ("grandma died this morning", "ask", "", "behind it"),  # no "what's behind it" after a death
    # Shouted words are said back in an ordinary voice, never half-lowered ("fINISHED").
    ("FINISHED THE HALF MARATHON and i didnt walk once", "reflect", "half marathon", "fINISHED"),
    # Texting drops "I'm" before a state, and tags the listener ("ngl") are not said back.
    ("feeling kinda lonely lately ngl. even when im with ppl", "reflect", "you're feeling", "not gonna lie"),
    ("aunty rita passed this morning. mum is in pieces", "ask", "", "make of it"),
    # A sentence too long to say back whole is not cut at a word count ("... outside your door with a.").
    (
        "Something nice happened today. The older man down the hall, Mr. Chen, left a bag of oranges outside "
        "my door with a note. It just said thank you for helping with the groceries last week.",
        "reflect",
        "",
        "with a.",
    ),
    # A typed title ("mr. chen") does not end a sentence either.
    # (said back when it is not good news: the best essay in the class is met with pride, not said back)
    ("my teacher mr. chen said my essay was too short", "reflect", "teacher mr. chen said", ""),
    # "I'm sorry" is a condolence, not a feeling to reflect.
    ("I'm so sorry", "reflect", "", "sorry"),
    # A dilemma is reflected as a dilemma, and the question asks what they think of trying.
    (
        "She lives in another state. I'm not sure how to properly support her.",
        "reflect",
        "how to properly support her",
        "",
    ),
    (
        "She lives in another state. I'm not sure how to properly support her.",
        "ask",
        "What",
        "",
    ),
    # A parenthetical and [NAME] placeholders do not leak into the event.
    ("Just curious (and yes I know it sounds like a tired statement).", "reflect", "", "curious and"),
    ("I'm on board the hype train. [NAME] is an amazing QB.", "reflect", "", "like is"),
    # "It's tough when ..." is reflected whole.
    (
        "it's tough when i look around and everyone seems to do better than me",
        "reflect",
        "it's tough when you look around and everyone seems to do better than you",
        "",
    ),
    # Positive news: a question about what made the difference, not about what went wrong.
    ("I got the job!", "ask", "?", "wrong"),
    ("I got the job!", "celebrate", "", "sorry"),
    # A plan is asked about as a decision, not as "what happened when you have planned ...".
    ("Ya.. I have planned to start the new business", "ask", "What made you decide to start the new business?", ""),
    ("I've decided to leave my job", "ask", "What made you decide to leave your job?", ""),
    # A state or a thought is not an event to ask "what happened" about.
    ("Maybe i should seek treatment, i haven't thought about doing that.", "ask", "", "what happened"),
    ("i am not lazy but my brain have fll of worst thought due to covid", "ask", "", "what happened"),
    ("That was my mistake.", "ask", "", "what happened"),
    ("The said girl has her own boyfriend", "ask", "", "what happened"),
    ("I didn't think about contacting family that way.", "ask", "", "what happened"),
    # "for no reason" is not a topic; "kind of anxious" and "a hell of a ride" are not "about" anything.
    ("Well im feeling awful and my heart is racing , im feeling anxious for no reason.", "reflect", "", "reason"),
    ("Well im feeling awful and my heart is racing , im feeling anxious for no reason.", "validate", "", "reason"),
    ("Well im feeling awful and my heart is racing , im feeling anxious for no reason.", "ask", "", "reason"),
    (
        "Kind of anxious, i can't find any tasks online to get money. This doesnt help enough and im panicking",
        "ask",
        "",
        "about anxious",
    ),
    ("No. It's hard to have a good support system and i'm worried about her.", "ask", "", "about her"),
    # A laugh in a sad message is not happiness; a fragment cut at a comma is not reflected.
    (
        "Well it is not helping much. But i guess it will get better over time. I suppose the second i start to "
        "feel better, he'll call. haha. It always works that way, right?",
        "validate",
        "",
        "happy",
    ),
    pytest.param(
        "Well it is not helping much. But i guess it will get better over time. I suppose the second i start to "
        "feel better, he'll call. haha. It always works that way, right?",
        "reflect",
        "",
        "the second you start",
        # Known miss since the echo chooses the sentence richest in content: a wry aside is said back.
        marks=pytest.mark.xfail(strict=True, reason="a wry aside is echoed as what happened"),
    ),
    ("Haha I didnt even notice. I guess it does.", "reflect", "", "happy"),
    # A thank-you to the listener is not the feeling behind a hard story, or behind a question.
    ("Thank you, it's especially hard having to do remote teaching.", "validate", "", "grateful"),
    ("Thank you, it's especially hard having to do remote teaching.", "reflect", "", "grateful"),
    ("Thanks. What should i do next?", "reflect", "", "grateful"),
    # Fragments: no subject ("a bit concerned as ..."), no verb ("my condolences for ..."), cut at "but,".
    (
        "a bit concerned as i am afraid that my job will let go more staff like they did a couple months ago",
        "reflect",
        "",
        "like a bit concerned",
    ),
    ("Good point. Thank you. My condolences for your own loss.", "reflect", "", "condolences"),
    ("That is true. He is but, has been distant lately.", "reflect", "", "is but"),
    # The event already says the feeling: not "you do worry ..., and that's left you feeling worried".
    ("I do worry still about the financial consequences of possible failure.", "reflect", "", "feeling worried"),
    # Cues that read too much: "on my own" (by myself, later) is not loneliness, "my bank called me" not hurt.
    ("Could you just name a few then i can look them up on my own later?", "validate", "", "lonely"),
    ("last two weeks my bank called me to come that someone is trying to access my account", "validate", "", "hurt"),
    # A pleasantry to the listener is not a thought to reflect; a sentence start stays lower case.
    (
        "It was pleasant speaking with you. I hope you have a wonderful rest of your day! You too! Thank you!",
        "reflect",
        "",
        "I have a wonderful",
    ),
    (
        "She's worked through the process a little longer than i so maybe she could see things from a more "
        "rational perspective.",
        "reflect",
        "",
        "So She's",
    ),
    # "like you said": the listener as subject, not "like me said".
    ("It does indeed, it's like you work in my office and know my boss.", "reflect", "", "like me work"),
]


@pytest.mark.parametrize(("text", "move", "must", "must_not"), CASES)
def test_worst_cases(text: str, move: str, must: str, must_not: str) -> None:
    result = reply(text, llm=False)
    s = result.said_back if move == "reflect" else result.suggestion(move)  # the say-back as composed
    if s is None and not must:
        # nothing said back at all (kind words taken in: "It was pleasant speaking with you ... Thank you!"), so
        # nothing said back wrongly; a case that needs words said back still needs its say-back
        assert result.situation in ("praise", "thanks", "love_you", "miss_you"), result.situation
        return
    assert s is not None
    if must:
        assert must in s.text, s.text
    if must_not:
        assert must_not not in s.text, s.text


TEXTS = [c.values[0] if hasattr(c, "marks") else c[0] for c in CASES]


@pytest.mark.parametrize("text", TEXTS)
def test_no_doubled_pronouns(text: str) -> None:
    for s in reply(text, llm=False).suggestions:
        assert not DOUBLED.search(s.text), s.text
        assert s.text[0].isupper() and s.text.rstrip()[-1] in ".?!", s.text


EMPTY_ABOUT = re.compile(
    r"\babout (?:no reason|reason|nothing|anything|that \d+|anxious|a ride)\b[ ?.]", re.I
)
GENERIC = {w for m in moves().values() for t in m.templates if not t.slots for w in t.texts}


@pytest.mark.parametrize("text", TEXTS)
def test_properties_of_every_suggestion(text: str) -> None:
    """No empty "about X"; an event said back is a whole clause; "what happened" only for a happening."""
    result = reply(text, llm=False)
    heard = result.heard
    for s in result.suggestions:
        assert not EMPTY_ABOUT.search(s.text), s.text
    if heard.event:
        assert is_whole_clause(heard.event) or tells_something(heard.event), heard.event
    if heard.topic:
        assert good_topic(heard.topic), heard.topic
    ask = result.suggestion("ask")
    if result.situation in ("sorry", "thanks", "room", "praise"):
        assert ask is None  # an apology, thanks, kind words or a request for room gets no question
        return
    assert ask is not None
    if "what happened" in ask.text.lower():
        assert heard.happened, (heard.event, ask.text)


@pytest.mark.parametrize(
    ("text", "happened"),
    [
        ("My boss yelled at me in front of everyone today", True),
        ("I was recently let go from my job", True),
        ("my parents didn't come to my graduation", True),
        ("We had a fight last night", True),
        ("I have planned to start the new business", False),
        ("I have wasted so much time", False),
        ("That was my mistake", False),
        ("I wish she had mentioned it", False),
        ("we had enjoyment and romance", False),
        ("she just sounded non-comittal about it", False),
    ],
)
def test_what_happened_is_a_happening(text: str, happened: bool) -> None:
    assert hear(text).happened is happened, hear(text).event


@pytest.mark.parametrize(
    "fragment",
    [
        "concerned as i am afraid that my job will let go more staff",
        "my condolences for your own loss",
        "the second i start to feel better",
        "my job safety, financial situation, get evicted",
        "that way they can think about it",
    ],
)
def test_fragments_are_not_whole_clauses(fragment: str) -> None:
    assert not is_whole_clause(fragment)


@pytest.mark.parametrize(
    "clause", ["my boss yelled at me", "he'll call", "my son lives in chicago", "the professor is confusing"]
)
def test_whole_clauses(clause: str) -> None:
    assert is_whole_clause(clause)


def test_laugh_is_a_feeling_only_when_nothing_else_is_heard() -> None:
    assert [f.word for f in hear("lmaooo you're right haha").feelings] == ["happy"]
    assert hear("haha i failed again, it's not funny").valence != "positive"
    assert not hear("lol my cat knocked over my coffee this morning").feelings
