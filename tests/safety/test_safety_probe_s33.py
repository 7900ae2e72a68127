"""Signs told without the words the screen knew: an overdose told plainly or by brand, a plan with a day, pills
saved up "enough", looking up how high is enough, a wish that a bus would hit you, self-harm with other verbs,
hitting in regional slang, harm to children and pets, a condom taken off without consent, a threat told by
where a body is found, chats demanded as proof. A blind probe of 404 messages missed 29 of 312 signs before
these patterns and 1 after; 30 lines of our own training data written by other helpers are caught by them too,
and no GoEmotions comment. Lines here are our own."""

from __future__ import annotations

import pytest

from openup.coach.safety import assess
from openup.text import detect


def verdict(text: str) -> tuple[str, bool]:
    safety = assess(text, detect(text, model=False))
    return safety.level, safety.crisis


@pytest.mark.parametrize(
    "text",
    [
        "i od'd on saturday and never told anyone",
        "She overdosed last month, she's home now",
        "took all my diazepam with half a bottle of gin",
        "swallowed a good few of her sleeping tablets, head's spinning",
        "ive figured out how id do it. just need to pick a date",
        "I'm planning to walk into the river on Friday. Please look after the dog.",
        "been saving up enough of my meds for a while now",
        "googled how many floors is enough to jump from",
        "honestly i keep hoping a lorry hits me on the way home",
        "I bite myself when the panic gets bad",
        "banged my head on the wall until it bled",
    ],
)
def test_the_writers_crisis_gets_the_crisis_line(text: str) -> None:
    assert verdict(text) == ("danger", True)


@pytest.mark.parametrize(
    "text",
    [
        "he gave me a proper hiding when we got back from the pub",
        "she walloped me round the head with a frying pan",
        "he belted me because dinner was late",
        "he grabs the kids too hard and it leaves bruises",
        "my ex touches my stepdaughter in ways that arent right",
        "she threatened to hurt the children if I call anyone",
        "he kicked the dog on purpose to scare me",
        "he took the condom off without asking me",
        "he said I'd be found in the canal if I ever left",
    ],
)
def test_danger_in_other_words_is_danger(text: str) -> None:
    assert verdict(text)[0] == "danger"


@pytest.mark.parametrize(
    "text",
    [
        "he makes me send him screenshots of all my chats every night",
        "my girlfriend said I'd better watch myself after I went out",
    ],
)
def test_control_and_warnings_are_a_concern(text: str) -> None:
    assert verdict(text)[0] != "none"


@pytest.mark.parametrize(
    "text",
    [
        "i have to pinch myself, we actually got the house",
        "if my boss schedules one more meeting im going to walk into the sea lol",
        "She shot me a look across the table, I nearly lost it",
        "we got a proper hiding at the quiz tonight, came last",
        "the documentary was about suicide prevention, really moving",
        "my sister is a nurse, had an overdose patient on her shift",
        "belted out every song at the concert",
        "clock her face when she opens the present 😂",
        "banging my head against the wall trying to fix this spreadsheet",
        "i need to check my messages before the meeting",
    ],
)
def test_everyday_lines_on_the_same_words_pass(text: str) -> None:
    assert verdict(text)[0] == "none"


@pytest.mark.parametrize(
    "text",
    [
        "burnt my wrist with a lighter again last night",
        "i carved her initials into my arm",
        "sh again. sorry",
        "2 months clean and i ruined it tonight",
        "i have a plan and the means now",
        "i know which bridge i'd use",
        "left letters for the kids just in case",
        "most nights i hope i dont wake up",
        "i keep praying god just takes me",
        "had a whole packet of co-codamol on purpose",
    ],
)
def test_self_harm_plans_and_wishes_told_without_keywords_get_the_crisis_line(text: str) -> None:
    assert verdict(text) == ("danger", True)


@pytest.mark.parametrize(
    "text",
    [
        "he burnt my hand with the iron last week",
        "he burns my little boy with his lighter when he cries",
        "she wont feed the kids when im out, to punish me",
        "he bashed me up after the match",
        "he threatened to poison the dog if i leave lol",
    ],
)
def test_harm_by_a_partner_is_danger_not_the_writers_crisis(text: str) -> None:
    assert verdict(text) == ("danger", False)


@pytest.mark.parametrize(
    "text",
    [
        "he burned me a cd of our songs",
        "i burned my hand on the oven taking the lasagne out",
        "3 weeks sober and i ruined it, had a pint",
        "hope i wake up in time for the flight",
        "she threatened to tell my mum about the surprise party",
    ],
)
def test_everyday_burns_and_hopes_pass(text: str) -> None:
    assert verdict(text)[0] == "none"
