"""The weight and the move of a reply fit the message: a slight from the listener's own people is owned, a fall
or a diagnosis is asked after with help, a deadline gets help to get it done, a big day tomorrow gets faith, the
same letdown again is met as exasperation, "mixed feelings" are met as both, a self-mocking line is met lightly,
a small win or a streak is celebrated, and a hug or company asked for gets a yes. The messages are written for
these tests.
"""

from __future__ import annotations

import pytest
from reply_helpers import composed

from openup.coach.listen import reply


def _said(text: str) -> dict[str, str]:
    return composed(text)


def _all(text: str) -> str:
    return " ".join(_said(text).values())


_OWNED = ("Sorry, that's my", "for you, and it wasn't on", "a word with", "say something to")


def test_a_slight_from_your_own_mum_is_owned_and_news_of_her_is_not() -> None:
    said = _said("Your mum asked me twice at dinner whether I'd put on weight. Twice.")
    assert "my mum" in said["reflect"]
    assert "your mum" not in said["ask"] and "her" in said["ask"]
    for text in ("your mum is in hospital again, your dad just rang", "your dad called me in tears about the dog",
                 "your sister said she loved the present", "your brother told me he lost his job"):
        assert not any(w in _all(text) for w in _OWNED), text


def test_a_slight_from_your_own_aunt_in_a_later_sentence_is_owned() -> None:
    said = _said("Honestly if anyone else asks about my job hunt I'll scream. Your aunt kept bringing it up all night.")
    assert "my aunt" in said["reflect"]


def test_a_grandparent_who_fell_is_asked_after_by_name_with_help() -> None:
    said = _said("Grandad had a fall this morning and they're keeping him in to check his hip.")
    assert "worrying" in said["validate"]
    assert "your grandad" in said["ask"] and "make of" not in said["ask"]


def test_own_pain_gets_care_not_a_question_about_the_day() -> None:
    said = _said("my neck is killing me, i slept on it funny")
    assert "unwind" not in said["ask"] and "rest of today" not in said["ask"]
    assert any(w in said["ask"] for w in ("get you", "comfortable"))


def test_a_deadline_tonight_gets_help_to_get_it_done() -> None:
    said = _said("The wifi has been down all afternoon and the proposal is due tonight.")
    assert "unwind" not in said["ask"] and "switch off" not in said["ask"]
    assert "plate" in said["ask"] or "focus" in said["ask"]


def test_a_big_day_tomorrow_gets_faith_and_a_calm_evening() -> None:
    said = _said("my viva is tomorrow and my stomach is in knots")
    assert "ready" in said["validate"] or "better than you think" in said["validate"]
    assert "run" in said["ask"] or "mind off" in said["ask"]


def test_the_same_letdown_again_is_met_as_exasperation_not_condolence() -> None:
    said = _said("the neighbour blocked our driveway AGAIN this morning")
    assert "so sorry" not in said["reflect"]
    assert "fed up" in said["validate"]
    assert "fed up" not in _said("mums scan got pushed back again")["validate"]  # a delay in care is not a nuisance
    # a worry, never a nuisance: the screen may read an ex who will not leave as a threat (then no wording at all)
    assert "fed up" not in _said("my ex showed up at my flat again and wouldn't go").get("validate", "")


def test_mixed_feelings_said_outright_are_met_as_both() -> None:
    said = _said("my sister is moving to canada next spring and i have such mixed feelings")
    assert said["reflect"].count("mixed") <= 1  # said back once, not twice
    assert "both" in said["validate"]
    assert "it all" in said["ask"]  # asked about the whole of it, not which feeling wins
    assert "side" not in said["ask"]  # not the counsellor's "which side feels bigger" (a stop-36 dev rater)


def test_a_self_mocking_line_is_met_lightly() -> None:
    text = "Tried a yoga class and couldn't touch my toes. Not to be dramatic but I'm retiring from bending."
    said = _all(text)
    assert not any(w in said for w in ("hurt", "holding up", "so sorry", "Come here"))
    assert "Ha" not in _all("not to be dramatic but i think i'm having a panic attack")  # never a joke


@pytest.mark.parametrize(
    "text",
    [
        "not to brag but i put the whole wardrobe together without one spare screw",
        "two weeks no drinking as of today",
        "so apparently im up for the senior lead role in spring",
    ],
)
def test_a_small_win_a_streak_or_a_step_up_is_celebrated(text: str) -> None:
    assert reply(text, llm=False).situation == "good_news"


def test_a_streak_is_good_news_and_days_without_something_needed_are_not() -> None:
    assert reply("ten days no vaping as of this morning", llm=False).situation == "good_news"
    assert reply("three days without hot water now", llm=False).situation != "good_news"
    assert reply("two months sober and i want a drink so badly", llm=False).situation != "good_news"
    assert reply("not to brag but i haven't slept in three days", llm=False).situation != "good_news"


def test_a_trip_booked_for_us_is_met_gladly_not_given_room() -> None:
    r = reply("ok so i booked us two nights by the sea for our anniversary. no questions. just pack", llm=False)
    assert r.situation == "good_news"
    assert "can't wait" in r.suggestions[0].text


def test_a_hug_asked_for_gets_a_yes_and_nothing_asked() -> None:
    r = reply("can you just hold me for a bit when you're back", llm=False)
    assert r.situation == "hug" and len(r.suggestions) == 1 and "?" not in r.suggestions[0].text


def test_an_evening_asked_after_while_low_gets_company_offered() -> None:
    r = reply("what are you up to tonight? feeling a bit low", llm=False)
    assert r.situation == "company" and any(w in r.suggestions[0].text for w in ("company", "come round"))


def test_relief_told_plainly_is_met_with_relief() -> None:
    said = _said("The dermatologist said the mole is benign and I can stop worrying about it.")
    glad = said.get("validate") or said.get("celebrate") or ""  # met as relief, or celebrated as good news
    assert "relie" in glad and not any("glad you told me" in t for t in said.values())


def test_a_child_growing_up_is_met_as_bittersweet() -> None:
    said = _said("can't believe our youngest is starting big school on monday, where did the time go")
    assert "both" in said["validate"] or "happy and sad" in said["validate"]
    assert "excited" not in said["ask"]
    assert "happy and sad" not in _all("my little one is starting chemo next week") and "tiny" not in _all(
        "my little one is starting chemo next week")


def test_a_frightening_appointment_on_a_named_day_is_not_asked_when_it_is() -> None:
    said = _said("they want me back for a biopsy on weds. bit scared tbh")
    assert "When's the next appointment" not in said["ask"] and "When do you find out" not in said["ask"]
    assert "Wednesday" in said["ask"]


def test_a_frightening_appointment_with_no_speech_wanted_gets_you_there() -> None:
    r = reply("got a mammogram recall for friday. don't need a pep talk, just telling you", llm=False)
    assert r.situation == "room" and "Friday" in r.suggestions[-1].text


def test_money_short_till_a_day_is_ours_to_sort() -> None:
    said = _said("We've got about forty quid until payday on Thursday.")
    assert "together" in said["ask"] or "us" in said["ask"]


def test_mock_outrage_at_what_they_were_called_is_met_lightly() -> None:
    said = _all("my book club said i was 'too intense' about the ending. me. intense. outrageous.")
    assert not any(w in said for w in ("hurt", "holding up", "Come here", "so sorry"))


def test_someone_who_died_after_hospital_is_grieved_not_asked_after() -> None:
    said = _all("Grandma was in hospital after her fall. She died on Tuesday night.")
    assert not any(w in said for w in ("doing?", "okay?", "worrying", "come with you")) and "sorry" in said
    assert "about Tuesday" not in said


def test_the_same_fight_between_us_is_owned_and_sorted_together() -> None:
    said = _said("we keep having the same row about the bins and honestly im worn out by it")
    assert "part of it" in said["validate"]
    assert "together" in said["ask"] or "fix it with you" in said["ask"]
    assert "switch off" not in said["ask"] and "unwind" not in said["ask"]
    assert "part of it" not in _all("we keep having the same fight and i'm scared of how you get")


def test_your_own_do_they_dread_gets_an_offer() -> None:
    said = _said("not sure i can face ur cousin's wedding, i won't know a soul there")
    assert "stay" in said["ask"] or "stick with you" in said["ask"]


def test_a_slight_from_their_in_laws_is_owned_as_your_parents() -> None:
    said = _said("My father-in-law keeps commenting on how I park. Every single visit.")
    assert "my dad" in said["reflect"] and "him" in said["ask"]


def test_a_parent_not_safe_on_their_own_is_a_worry_to_help_with() -> None:
    said = _said("the neighbour says dad has been wandering out at night in his dressing gown")
    assert "worrying" in said["validate"] and "make of" not in said["ask"] and "head" not in said["ask"]


def test_a_broken_confidence_is_never_a_pain() -> None:
    assert "What a pain" not in _all("my boss told everyone about my pregnancy after i asked them not to")


@pytest.mark.parametrize(
    "text",
    [
        "the new inhaler is actually working, i walked up the hill without stopping",
        "grandpa's coming home from the hospital on friday!!",
    ],
)
def test_health_turning_good_is_met_with_relief(text: str) -> None:
    said = _said(text)
    assert "glad you told me" not in " ".join(said.values())
    assert any(w in " ".join(said.values()) for w in ("relie", "best news", "thank goodness", "thank God"))


def test_a_wish_for_normal_is_not_an_all_clear() -> None:
    assert "best news" not in _all("i can't wait until the building work is over and things get back to normal")
    assert "best news" in _all("my bloods are finally in the normal range after six months")


def test_praise_told_modestly_is_celebrated() -> None:
    r = reply("dunno if this is a big deal but my manager said my pitch was the best she's ever seen", llm=False)
    assert r.situation == "good_news"



def test_a_deadline_that_is_not_a_task_gets_no_offer_to_get_it_done() -> None:
    said = _all("my rent deadline is tomorrow and i'm forty quid short")
    assert "get it done" not in said and "focus" not in said
    helped = _all("i have a deadline tonight and the laptop keeps crashing")
    assert "focus" in helped or "plate" in helped


def test_your_own_do_is_not_offered_when_they_were_hurt_there() -> None:
    said = _all("your team drinks are friday and i'm dreading it after what your boss said to me last time")
    assert "introduce you round" not in said and "stick with you" not in said
    offered = _all("i'm dreading ur office party, i won't know anyone")
    assert "stick with you" in offered or "stayed by your side" in offered
