"""Serious messages met by a newer reply path must never be met lightly: a failing treatment is not "the best
news", a family member's harassment is not a slight ("Sorry, that's my dad"), feeling like death after two weeks
without smoking is not celebrated, a parole or custody hearing is not a pep talk, a relapse or a partner's abuse
is not "Again? Ugh", "sat in" is not Saturday, a death is not "Oh wow ... mixed feelings". When a newer path is
unsure, the older careful answer is given."""

from __future__ import annotations

import re

import pytest

from openup.coach.listen import reply
from openup.coach.salient import salient

_LIGHT = re.compile(
    r"best news|relieved|relief|thank goodness|so happy|so glad|brilliant|love this|that's huge|couldn'?t make it up|"
    r"\bAgain\?|Not again|that's my (?:dad|mum|friend|uncle|brother|sister|boss)|more ready than you think|"
    r"do better than you think|on (?:Monday|Saturday|Sunday|Wednesday)|Oh wow|fed up|looking forward|"
    r"tell me everything|whole story|No way",
    re.IGNORECASE,
)
_CARE = re.compile(
    r"sorry|I'm (?:right )?here|with you|hard|rough|horrible|scar|worr|hurt|holding up|shouldn't|deserve|"
    r"glad you told me|comfortable|look after|getting to you|got to you",
    re.IGNORECASE,
)


def _said(text: str) -> str:
    return " ".join(s.text for s in reply(text, llm=False).suggestions)


def _check(text: str, care: bool = True) -> None:
    said = _said(text)
    assert not _LIGHT.search(said), said
    if care and said:
        assert _CARE.search(said), said


@pytest.mark.parametrize("text", [
    "the treatment is not working",
    "they said the treatment isn't working",
    "the new meds are not really working",
    "the treatment has stopped working",
    "none of the meds are working",
    "the pills are barely working anymore",
    "the chemo is no longer working",
    "she's coming home from hospital to die",
    "grandma's coming home from hospital tomorrow for palliative care",
    "dad's coming home from hospital, there's nothing more they can do",
])
def test_failing_treatment_or_dying_is_not_good_news(text: str) -> None:
    _check(text)


@pytest.mark.parametrize("text", [
    "i thought the treatment was working",
    "i'm getting better at hiding the cuts",
    "he's getting better at hiding the bruises",
])
def test_not_mending_is_not_relief(text: str) -> None:
    _check(text, care=False)


def test_real_mending_is_still_relief() -> None:
    assert re.search(r"relie|glad|good news|thank goodness", _said("the new meds seem to be working"), re.IGNORECASE)


@pytest.mark.parametrize("text", [
    "your dad keeps grabbing my bum when no one's looking",
    "your friend kept touching me at the party",
    "your uncle keeps sending me sexual messages",
    "your dad keeps touching me when you're not around",
    "your brother keeps coming into the bathroom when i'm showering",
    "your cousin keeps staring at me and it scares me",
])
def test_harassment_by_your_family_is_not_a_slight(text: str) -> None:
    _check(text)
    assert "that's my" not in _said(text).lower()


@pytest.mark.parametrize("text", [
    "your dad keeps grabbing my bum when no one's looking",
    "your uncle keeps sending me sexual messages",
    "my boss keeps touching me and laughing it off",
])
def test_being_touched_or_harassed_is_believed(text: str) -> None:
    said = _said(text)
    assert re.search(r"believe you|not okay|not your fault", said), said
    assert not re.search(r"frustrating|say to (?:your|him|her|them)", said), said


@pytest.mark.parametrize("text", [
    "not to brag but my ex only called 40 times today",
    "2 weeks no smoking and i feel like death",
    "not to brag but i survived another day",
])
def test_not_a_win_is_not_celebrated(text: str) -> None:
    _check(text, care=False)


def test_a_real_brag_is_still_celebrated() -> None:
    said = _said("not to brag but i fixed the sink myself")
    assert re.search(r"love|brilliant|proud|yes|amazing|happy|celebrat", said, re.IGNORECASE)


@pytest.mark.parametrize("text", [
    "his parole review is tomorrow and i'm terrified he'll get out",
    "my psych assessment is tomorrow and i'm scared they'll section me",
    "my custody review is tomorrow and i might lose the kids",
    "the court hearing is tomorrow and i'm scared she'll get the house",
])
def test_a_hearing_is_not_a_big_day(text: str) -> None:
    _check(text)


@pytest.mark.parametrize("text", [
    "i binged and purged again",
    "he called me a whore again",
    "he took my phone and went through it again",
    "i made myself sick after dinner again",
])
def test_abuse_or_relapse_is_not_again(text: str) -> None:
    _check(text, care=False)
    assert salient(text) is None


@pytest.mark.parametrize("text", [
    "i sat in the car and cried after the doctor called me back for more tests",
    "c'mon the doctor wants a biopsy",
    "we sat in the sun and the doctor called to say they want a biopsy",
])
def test_everyday_words_are_not_days(text: str) -> None:
    _check(text)


def test_a_day_abbreviated_in_a_date_is_still_a_day() -> None:
    assert "Saturday" in _said("the doctor wants a biopsy on sat")


def test_mixed_feelings_about_a_death_are_a_loss_first() -> None:
    _check("i have mixed feelings about my dad dying, he was never kind to me")


def test_being_hit_on_is_not_social_nerves() -> None:
    said = _said("i dont even know if i want to go to ur work party, ur boss hit on me last time")
    assert not re.search(r"don't know anyone|stayed by your side|skip it", said), said
    _check("i dont even know if i want to go to ur work party, ur boss hit on me last time")


def test_a_job_lost_again_is_not_a_joke() -> None:
    _check("i lost my job again lol")


@pytest.mark.parametrize("text", ["I'm having a panic attack lol", "having a panic attack rn",
                                  "i think im having a panic attack"])
def test_a_panic_attack_now_gets_calm_presence(text: str) -> None:
    said = _said(text)
    assert not _LIGHT.search(said), said
    assert re.search(r"I'm (?:right )?here", said) and re.search(r"breath", said, re.IGNORECASE), said
    assert "going through your head" not in said


def test_a_panic_attack_told_after_is_not_met_as_now() -> None:
    assert "Breathe with me" not in _said("i had a panic attack at work yesterday and everyone saw")
