"""The text screen: recall on abuse and crisis language, false alarms on ordinary couple messages."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openup.coach import safety
from openup.coach.safety import assess
from openup.method import SAFETY_KINDS
from openup.text import detect
from openup.text.lexical import matchers

DATA = Path(__file__).resolve().parents[1] / "data"
LABELLED = DATA / "safety_labelled.jsonl"
GENERAL = DATA / "labelled.jsonl"

RECALL_TARGET = 0.95
FALSE_ALARM_LIMIT = 0.05


def _rows(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


ROWS = _rows(LABELLED)
POSITIVES = [r for r in ROWS if r["level"] != "none"]
NEGATIVES = [r for r in ROWS if r["level"] == "none"]


def test_labelled_set_is_big_and_well_formed() -> None:
    assert len(POSITIVES) >= 150
    assert len(NEGATIVES) >= 100
    texts = [r["text"] for r in ROWS]
    assert len(set(texts)) == len(texts), "duplicate texts in the labelled set"
    for r in ROWS:
        assert set(r) == {"text", "level", "kinds"}
        assert r["level"] in ("none", "concern", "danger")
        kinds = r["kinds"]
        assert isinstance(kinds, list)
        assert set(kinds) <= SAFETY_KINDS
        assert bool(kinds) == (r["level"] != "none")
    # Every safety kind is represented, and both levels.
    seen = Counter(k for r in POSITIVES for k in r["kinds"])  # type: ignore[attr-defined]
    assert set(seen) == SAFETY_KINDS
    assert {r["level"] for r in POSITIVES} == {"concern", "danger"}


def test_recall_on_abuse_and_crisis_language() -> None:
    missed = [r["text"] for r in POSITIVES if assess(str(r["text"]), country="US").level == "none"]
    recall = 1 - len(missed) / len(POSITIVES)
    found = len(POSITIVES) - len(missed)
    print(f"\nsafety recall: {recall:.3f} ({found}/{len(POSITIVES)}); missed: {missed}")
    assert recall >= RECALL_TARGET, missed


def test_kinds_agree_with_labels() -> None:
    """A flagged case is flagged for (one of) the right reasons, not by accident."""
    wrong = []
    for r in POSITIVES:
        found = {x.kind for x in assess(str(r["text"]), country="US").reasons}
        if found and not found & set(r["kinds"]):  # type: ignore[arg-type]
            wrong.append((r["text"], r["kinds"], sorted(found)))
    rate = 1 - len(wrong) / len(POSITIVES)
    print(f"\nkind agreement: {rate:.3f}; disagreements: {wrong}")
    assert rate >= 0.95, wrong


def test_danger_cases_reach_danger() -> None:
    danger = [r for r in POSITIVES if r["level"] == "danger"]
    under = [r["text"] for r in danger if assess(str(r["text"]), country="US").level != "danger"]
    rate = 1 - len(under) / len(danger)
    print(f"\ndanger cases at level danger: {rate:.3f} ({len(danger) - len(under)}/{len(danger)}); {under}")
    assert rate >= 0.9, under


def test_false_alarms_on_hard_negatives() -> None:
    alarms = [(r["text"], [x.match for x in assess(str(r["text"])).reasons]) for r in NEGATIVES]
    alarms = [a for a in alarms if a[1]]
    rate = len(alarms) / len(NEGATIVES)
    print(f"\nfalse-alarm rate on {len(NEGATIVES)} hard negatives: {rate:.3f}; alarms: {alarms}")
    assert rate <= FALSE_ALARM_LIMIT, alarms


@pytest.mark.skipif(not GENERAL.exists(), reason="tests/data/labelled.jsonl is not there yet")
def test_false_alarms_on_ordinary_couple_messages() -> None:
    rows = _rows(GENERAL)
    ordinary = [r for r in rows if not set(r.get("kinds", [])) & SAFETY_KINDS]  # type: ignore[arg-type]
    assert ordinary
    alarms = [(r["text"], [x.match for x in assess(str(r["text"])).reasons]) for r in ordinary]
    alarms = [a for a in alarms if a[1]]
    rate = len(alarms) / len(ordinary)
    print(f"\nfalse-alarm rate on {len(ordinary)} ordinary messages (labelled.jsonl): {rate:.3f}; {alarms}")
    assert rate <= FALSE_ALARM_LIMIT, alarms
    flagged = [r for r in rows if set(r.get("kinds", [])) & SAFETY_KINDS]  # type: ignore[arg-type]
    if flagged:
        missed = [r["text"] for r in flagged if assess(str(r["text"])).level == "none"]
        print(f"safety recall on labelled.jsonl: {1 - len(missed) / len(flagged):.3f}; missed: {missed}")


# The brief's own examples, one by one, so a regression names the sentence.
HARD_NEGATIVES = [
    "this traffic is killing me", "I could kill for a coffee", "he hit the gym",
    "she killed it at the presentation", "I'm dying to see you",
    "you'll regret not coming, the food is amazing",
    "I'm scared of spiders", "break a leg", '"I\'ll be back" — love that movie', "my phone died",
    "the battery is dead", "hit me up later", "that joke killed", "the suspense is killing me",
    "she pushed me to apply for the job", "he pushes me away when I try to talk", "she beat me at chess",
    "I won't let you pay for dinner again!", "you're not allowed to be this cute", "I'm not scared of him",
    "he would never hurt me", "I cut myself chopping onions", "can you check my phone for the charger?",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negative_is_not_flagged(text: str) -> None:
    verdict = assess(text)
    assert verdict.level == "none", verdict.reasons


POSITIVE_EXAMPLES = [
    ("you'll regret it", "threat", "concern"),
    ("I'll hurt you", "threat", "danger"),
    ("do it or else", "threat", "concern"),
    ("I'll make you pay", "threat", "concern"),
    ("I'll take the kids", "threat", "concern"),
    ("I'll ruin you", "threat", "concern"),
    ("I'll kill you", "threat", "danger"),
    ("I'll send your nudes to your family", "threat", "danger"),
    ("he hit me", "violence", "danger"),
    ("she pushed me down the stairs", "violence", "danger"),
    ("he grabbed me by the throat", "violence", "danger"),
    ("he threw things at me", "violence", "danger"),
    ("he slapped me", "violence", "danger"),
    ("she has a knife and she held it to my throat", "violence", "danger"),
    ("he keeps checking my phone", "control", "concern"),
    ("she tracks my location", "control", "concern"),
    ("he reads my messages", "control", "concern"),
    ("he won't let me see my family", "control", "concern"),
    ("she controls all the money", "control", "concern"),
    ("you're not allowed to go out", "control", "concern"),
    ("I won't let you see your friends", "control", "concern"),
    ("he took my keys so I couldn't leave", "control", "concern"),
    ("she won't let me work", "control", "concern"),
    ("he tells me what to wear", "control", "concern"),
    ("I'm scared of my partner", "fear", "concern"),
    ("I'm scared of what he'll do", "fear", "concern"),
    ("I'm walking on eggshells", "fear", "concern"),
    ("I'm afraid to go home", "fear", "concern"),
    ("I'm afraid to say no", "fear", "concern"),
    ("he pressured me into sex", "control", "concern"),
    ("he wouldn't take no for an answer", "control", "concern"),
    ("he forced me to have sex", "violence", "danger"),
    ("I want to kill myself", "self_harm", "danger"),
    ("i want to die", "self_harm", "danger"),
    ("I just want to end it all", "self_harm", "danger"),
    ("you'd be better off without me", "self_harm", "danger"),
    ("there's no reason to live", "self_harm", "danger"),
    ("I've been self-harming again", "self_harm", "danger"),
    ("she took an overdose", "self_harm", "danger"),
    ("he says he'll kill himself if I leave", "threat", "danger"),  # held over the writer: danger, not their crisis
]


@pytest.mark.parametrize(("text", "kind", "level"), POSITIVE_EXAMPLES)
def test_positive_example_is_flagged(text: str, kind: str, level: str) -> None:
    verdict = assess(text, country="US")
    assert kind in {r.kind for r in verdict.reasons}, verdict.reasons
    assert verdict.level == level


def test_reported_threat_in_quotes_still_flags() -> None:
    for text in ('he told me "I\'ll kill you"', "she texted “you're dead when I get home”"):
        assert assess(text).level == "danger", text


def test_quoted_film_line_does_not_flag() -> None:
    text = '"I will find you and I will kill you" — that movie line gets me every time'
    assert assess(text).level == "none"


def test_sexual_coercion_reason_is_named() -> None:
    verdict = assess("he wouldn't take no for an answer")
    assert any("sexual coercion" in r.message.lower() for r in verdict.reasons)


def test_every_safety_pattern_has_valid_metadata() -> None:
    meta = safety._pattern_meta()
    folder = resources.files("openup.text.patterns")
    for kind in SAFETY_KINDS:
        with folder.joinpath(f"{kind}.toml").open("rb") as fh:
            data = tomllib.load(fh)
        assert data["kind"] == kind
        ids = [row["id"] for row in data["pattern"]]
        assert len(ids) == len(set(ids)), f"duplicate pattern ids in {kind}.toml"
        for pid in ids:
            level, reason = meta[f"lexical:{kind}.{pid}"]
            assert level in ("concern", "danger")
            assert reason and reason == reason.strip()
    compiled = {m.kind for m in matchers()}
    assert compiled >= SAFETY_KINDS
    # self_harm and violence are always danger.
    for source, (level, _) in meta.items():
        if source.startswith(("lexical:self_harm.", "lexical:violence.")):
            assert level == "danger", source


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdehiklmnoprstuwy '\".,!?\u2019\u201cI")), max_size=80))
def test_spans_point_into_the_original_text(text: str) -> None:
    for sig in detect(text, model=False):
        assert text[sig.start:sig.end] == sig.match
    verdict = assess(text)
    for r in verdict.reasons:
        assert text[r.start:r.end] == r.match


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("I don't want to go on the holiday now, which is stupid.", False),
        ("i dont want to go on a date with his mate tbh", False),
        ("honestly dont wanna go on this trip anymore, its so expensive", False),
        ("i dont want to go on and on about it", False),
        ("i dont want to go on anymore", True),
        ("I don't want to go on at all", True),
        ("I don't want to go on a day longer", True),
        ("I don't want to go on these days", True),
        ("I don't want to go on the way things are", True),
        ("I don't want to go on the rest of my life like this", True),
        ("i dont want to go on this way", True),
        ("I don't want to go on. Everyone would manage without me", True),
        ("i dont want to go on living like this", True),
    ],
)
def test_not_wanting_to_go_on_a_trip_is_not_wanting_to_die(text: str, flagged: bool) -> None:
    kinds = {s.kind for s in detect(text, model=False)}
    assert ("self_harm" in kinds) is flagged, kinds


@pytest.mark.parametrize(
    "text",
    [
        "she cracked my rib when she shoved me into the counter",
        "my ex has broken my nose twice",
        "he grabbed me by my hair",
        "they twisted my fingers back until i cried",
        "he bruised her arm dragging her out of the car",
        "you broke his jaw and you think that's nothing",
        "my ex-husband broke my jaw",
        "my boyfriend, who I live with, broke my wrist",
        "my dad broke my arm when i was 12",
        "someone broke my nose",
        "he fucking broke my arm",
        "he lost it, broke my nose",
        "she went mental and fractured my wrist",
        "her dad broke her nose",
        "my brother grabbed her hair",
        "we broke his nose",
        "told the doctor i fell off my bike but he broke my wrist",
    ],
)
def test_a_body_hurt_by_someone_else_is_violence(text: str) -> None:
    assert "violence" in {s.kind for s in detect(text, model=False)}


@pytest.mark.parametrize(
    "text",
    [
        "snapped my wrist snowboarding, i broke my wrist lol",
        "think i've fractured my finger on the trampoline",
        "Ollie broke his arm at rugby practice",
        "my nan tripped and broke her wrist on the ice",
        "we cracked our heads laughing, i pulled my neck doing yoga",
        "i pulled my hair out over that spreadsheet",
        "my nan broke her wrist",
        "my dad fell off a ladder and broken his wrist",
        "she broke her arm falling off the trampoline",
    ],
)
def test_an_accident_to_ones_own_body_is_not_violence(text: str) -> None:
    """Who did it matters: an injury told of oneself, or of someone who hurt themselves, is no sign."""
    assert "violence" not in {s.kind for s in detect(text, model=False)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("honestly im getting good at hiding the scars now", "self_harm"),
        ("wearing a hoodie in july so no one sees my arms", None),
        ("bracelets so nobody asks about the cuts", "self_harm"),
        ("her legs are all cuts again and she says it's the cat", "self_harm"),
        ("she wears a scarf every day to cover the finger marks", "violence"),
        ("he makes me cover up the bruises before his mum visits", "violence"),
    ],
)
def test_hidden_injuries_are_a_sign(text: str, kind: str | None) -> None:
    kinds = {s.kind for s in detect(text, model=False)}
    if kind is None:  # no injury named: the words alone are not enough
        assert not kinds & {"self_harm", "violence"}
    else:
        assert kind in kinds


@pytest.mark.parametrize(
    "text",
    [
        "my hands are covered in cuts from pruning the roses",
        "covered the bruises from rugby with a long sleeve top for the wedding",
        "the pay cuts are hidden in the new contract",
        "concealer to cover the hickey before dinner with your parents",
    ],
)
def test_hidden_marks_with_an_everyday_cause_are_not(text: str) -> None:
    assert not {s.kind for s in detect(text, model=False)} & {"self_harm", "violence"}


@pytest.mark.parametrize(
    "text",
    ["honestly dont see the point in anything anymore", "what's the point of it all", "life feels pointless",
     "feeling so hopeless tonight", "i can't see any way out of this"],
)
def test_hopelessness_about_everything_gets_a_check_in_with_the_crisis_line(text: str) -> None:
    verdict = assess(text)
    assert verdict.level == "danger" and verdict.crisis


@pytest.mark.parametrize(
    "text",
    ["i'm hopeless at parallel parking", "what's the point of ironing sheets", "dont see the point in going tbh",
     "the ref was hopeless today"],
)
def test_hopeless_at_a_task_is_not_a_sign(text: str) -> None:
    assert "self_harm" not in {s.kind for s in detect(text, model=False)}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # cutting someone or something is not cutting oneself
        ("You keep cutting me off when I talk about my day", False),
        ("she has been cutting everyone out of her life", False),
        ("been cutting my own hair since lockdown", False),
        ("keep cutting the budget lol", False),
        # cutting told without an object, or of one's own body, still is
        ("i started cutting again", True),
        ("been cutting for 3 weeks and nobody knows", True),
        ("i keep cutting my arms", True),
        ("started cutting my thighs", True),
        ("back to cutting 😔", True),
    ],
)
def test_cutting_someone_off_is_not_self_harm(text: str, flagged: bool) -> None:
    found = any(s.kind == "self_harm" for s in detect(text, model=False))
    assert found is flagged


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # blows told in a clause with no subject of its own, said to the listener
        ("we can start again, i forgive u for hitting me", "violence"),
        ("funny how you're the one who hit me and I'm the one saying sorry", "violence"),
        ("please just stop slapping me when you're drunk", "violence"),
        ("there are always bruises on my arms after we argue", "violence"),
        ("she flung a mug at the door right next to my head", "violence"),
        # control told as what the listener said or does
        ("you said I can't see my mates anymore", "control"),
        ("i never go anywhere now because you won't let me", "control"),
        ("u go through my texts every night while i sleep", "control"),
        ("you always tell me what to wear", "control"),
        ("you've been controlling my wages for a year", "control"),
        ("i took a lot of paracetamol and feel weird", "self_harm"),
    ],
)
def test_harm_told_to_the_listener_is_screened(text: str, kind: str) -> None:
    assert kind in {s.kind for s in detect(text, model=False)}


@pytest.mark.parametrize(
    "text",
    [
        "thanks for hitting me up",
        "the news that hit me hard",
        "stop hitting me with questions lol",
        "the baby keeps kicking me",
        "I keep hitting my head on that cupboard",
        "stop beating me at chess",
        "the bruises from rugby are insane",
        "can you check my phone for the charger",
    ],
)
def test_everyday_hits_and_bruises_are_not_screened(text: str) -> None:
    assert not {s.kind for s in detect(text, model=False)} & {"violence", "control", "self_harm"}


@pytest.mark.parametrize(
    "text",
    [
        "i want to go to sleep and never wake up",
        "i just wan sleep and not wake up, i'm tired of this life",
        "some nights i think about walking into the sea and not coming back",
        "i want to vanish for good",
    ],
)
def test_passive_ideation_in_plain_words_is_crisis(text: str) -> None:
    assert "self_harm" in {s.kind for s in detect(text, model=False)}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("been stockpiling my sleeping tablets for a while now", True),
        ("we need to talk about the tablets i've been saving up", True),
        ("this is my last message. i love you all", True),
        ("i've taken a lot of my sleeping tablets, im sorry", True),
        ("this is my last message before the flight, love you", False),
        ("ive taken my tablets, all good", False),
    ],
)
def test_preparing_to_end_ones_life_is_crisis(text: str, flagged: bool) -> None:
    assert ("self_harm" in {s.kind for s in detect(text, model=False)}) is flagged


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("texting from the toilet, she's kicking the door and screaming", "fear"),
        ("locked myself in the bedroom with the kids, he's trying to break in", "fear"),
        ("he said he'd torch the flat with us inside", "threat"),
        ("u said ud set fire to the house with me in it", "threat"),
        ("e don beat me again yesterday", "violence"),
        ("my oga dey slap me every time he drinks", "violence"),
        ("my in-laws are not allowing me to visit my parents", "control"),
    ],
)
def test_hiding_burning_pidgin_and_not_allowing_are_screened(text: str, kind: str) -> None:
    assert kind in {s.kind for s in detect(text, model=False)}


@pytest.mark.parametrize(
    "text",
    [
        "playing hide and seek, hiding in the wardrobe, kids screaming",
        "stuck in the bathroom, he forgot his keys and is banging on the door",
        "he go beat me for ludo again",
        "we burnt the toast with the kids in the kitchen lol",
        "the shop is not allowing returns on sale items",
    ],
)
def test_their_everyday_kin_are_not_screened(text: str) -> None:
    assert not {s.kind for s in detect(text, model=False)} & {"violence", "control", "threat", "fear"}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("honestly why do i even bother living", True),
        ("gonna go to sleep forever tonight. love you x", True),
        ("sat in the tub with a razor again", True),
        ("just me and my blades tonight 🙃", True),
        ("in the bath shaving my legs with a new razor", False),
        ("why do i bother trying with this diet lol", False),
        ("gonna sleep forever this weekend after this week lol", False),
    ],
)
def test_why_go_on_and_a_blade_kept_close_are_crisis(text: str, flagged: bool) -> None:
    assert ("self_harm" in {s.kind for s in detect(text, model=False)}) is flagged
