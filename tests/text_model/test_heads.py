from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from openup.text import model
from openup.text.model.embedder import VOCAB_SIZE
from openup.text.model.heads import (
    HEADS_FILE,
    SAFETY_HEADS_FILE,
    Heads,
    bag_of_tokens,
    load_heads,
    token_columns,
    token_features,
    token_logits,
)
from openup.text.model.sentences import sentence_spans, trimmed_span

SIGNAL_KINDS = {
    "criticism", "contempt", "dismissal", "defensiveness", "pressure", "leverage", "advice", "minimizing",
    "feeling_question", "generic_question", "thought_question", "concrete_question", "open_question",
    "closed_question", "validation", "reflection", "appreciation", "self_disclosure", "apology", "i_statement",
    "threat", "control", "fear", "violence", "self_harm",
}
EXPECTED_SIGNAL_HEADS = {"criticism", "contempt", "dismissal", "pressure", "validation", "reflection",
                         "appreciation", "self_disclosure"}


def kinds(text: str) -> dict[str, float]:
    return {s.kind: s.score for s in model.learned_signals([text])[0]}


def test_heads_file_is_consistent() -> None:
    heads = load_heads()
    assert set(heads.in_group("signal")) and set(heads.in_group("emotion"))
    signal_names = {heads.names[i] for i in heads.in_group("signal")}
    assert signal_names <= SIGNAL_KINDS  # signal heads must speak the Signal vocabulary exactly
    assert signal_names >= EXPECTED_SIGNAL_HEADS
    assert {"gratitude", "joy", "sadness", "anger", "fear"} <= {heads.names[i] for i in heads.in_group("emotion")}
    assert ((heads.threshold > 0) & (heads.threshold < 1)).all()
    assert heads.weights.shape == (len(heads.names), 384)
    assert "heads" in heads.meta and heads.meta["seed"]


def test_heads_round_trip(tmp_path: Path) -> None:
    heads = load_heads(HEADS_FILE)
    heads.save(tmp_path / "h.npz")
    again = load_heads(tmp_path / "h.npz")
    assert again.names == heads.names
    x = np.random.default_rng(0).normal(size=(5, 384)).astype(np.float32)
    ids = [np.array([101, 4283, 102], dtype=np.int32)] * 5
    np.testing.assert_allclose(again.probabilities(x, ids), heads.probabilities(x, ids), atol=1e-6)
    np.testing.assert_array_equal(again.vocab, heads.vocab)


def test_bag_of_tokens_marks_presence() -> None:
    vocab = np.array([5, 9, 4283], dtype=np.int32)
    bag = bag_of_tokens([np.array([101, 4283, 4283, 102]), np.array([9, 40000]), np.array([], dtype=np.int32)], vocab)
    np.testing.assert_array_equal(bag, [[0, 0, 1], [0, 1, 0], [0, 0, 0]])


def test_token_features_are_distinct_words_and_adjacent_pairs() -> None:
    ids = [np.array([101, 7, 9, 7, 9, 102]), np.array([101, 102]), np.array([5])]
    rows, cols = token_features(ids, 4)
    assert rows.tolist() == [0, 0, 0, 0, 2]  # specials dropped; the repeated pair (7, 9) counted once
    words, pairs = cols[cols < VOCAB_SIZE], cols[cols >= VOCAB_SIZE]
    assert sorted(words.tolist()) == [5, 7, 9] and len(pairs) == 2 and (pairs < token_columns(4)).all()
    # a pair never spans two texts: the last id of one and the first of the next make no feature
    assert token_features([np.array([7]), np.array([9])], 4)[1].tolist() == [7, 9]


def test_token_logits_sum_each_texts_feature_weights() -> None:
    ids = [np.array([101, 7, 9, 102]), np.array([], dtype=np.int64), np.array([101, 9, 102])]
    columns = np.random.default_rng(1).normal(size=(token_columns(4), 3)).astype(np.float32)
    rows, cols = token_features(ids, 4)
    out = token_logits(ids, columns, 4)
    for r in range(3):
        np.testing.assert_allclose(out[r], columns[cols[rows == r]].sum(axis=0), rtol=1e-5)
    assert not out[1].any()


def test_token_weights_round_trip_and_count(tmp_path: Path) -> None:
    bits = 4
    weights = np.random.default_rng(2).normal(size=(2, token_columns(bits))).astype(np.float32)
    heads = Heads(("a", "b"), ("safety", "safety"), np.zeros((2, 384)), np.zeros(2), np.ones(2), np.zeros(2),
                  np.full(2, 0.5), {}, token_weights=weights, token_bits=bits)
    heads.save(tmp_path / "t.npz")
    again = load_heads(tmp_path / "t.npz")
    assert again.token_bits == bits
    ids = [np.array([101, 7, 9, 102])]
    x = np.zeros((1, 384), dtype=np.float32)
    np.testing.assert_allclose(again.logits(x, ids), heads.logits(x, ids), atol=1e-2)  # stored as float16
    assert abs(float(heads.logits(x, ids)[0, 0]) - float(weights[0, token_features(ids, bits)[1]].sum())) < 1e-4
    with pytest.raises(ValueError, match="token ids"):
        heads.logits(x)
    with pytest.raises(ValueError, match="inconsistent"):
        Heads(("a",), ("safety",), np.zeros((1, 384)), np.zeros(1), np.ones(1), np.zeros(1), np.zeros(1), {},
              token_weights=np.zeros((1, 10), dtype=np.float32), token_bits=bits)


def test_shipped_safety_heads_read_tokens() -> None:
    heads = load_heads(SAFETY_HEADS_FILE)
    assert heads.token_bits > 0 and heads.token_weights.shape == (len(heads.names), token_columns(heads.token_bits))
    assert np.count_nonzero(heads.token_weights) > 10_000


def test_token_features_are_required_when_heads_use_them() -> None:
    heads = load_heads()
    if len(heads.vocab):
        with pytest.raises(ValueError, match="token ids"):
            heads.probabilities(np.zeros((1, 384), dtype=np.float32))


def test_inconsistent_heads_are_rejected() -> None:
    with pytest.raises(ValueError, match="inconsistent"):
        Heads(("a",), ("signal",), np.zeros((2, 384)), np.zeros(1), np.ones(1), np.zeros(1), np.zeros(1), {})
    with pytest.raises(ValueError, match="unknown head group"):
        Heads(("a",), ("nope",), np.zeros((1, 384)), np.zeros(1), np.ones(1), np.zeros(1), np.zeros(1), {})


def test_probabilities_are_in_unit_interval(learned: None) -> None:
    texts = ["ok", "you never listen", "thank you!!", "", "🙄", "a" * 2000]
    for row in model.head_scores(texts):
        assert all(0.0 <= p <= 1.0 for p in row.values())
    heads = model.get_heads()
    extreme = heads.probabilities(np.full((1, 384), 100.0, dtype=np.float32), [heads.vocab])
    assert np.isfinite(extreme).all() and (extreme >= 0).all() and (extreme <= 1).all()


def test_emotion_scores_shape(learned: None) -> None:
    scores = model.emotion_scores(["thank you so much!", "I'm so sad today", "this makes me furious"])
    assert len(scores) == 3 and all(set(s) == set(scores[0]) for s in scores)
    assert max(scores[0], key=lambda k: scores[0][k]) == "gratitude"
    assert scores[1]["sadness"] > scores[0]["sadness"]
    assert scores[2]["anger"] > scores[0]["anger"]


def test_learned_signals_spans_are_valid(learned: None) -> None:
    texts = [
        "thank you so much for cooking tonight",
        "  I had a long day.   You never listen to me! 🙄  ",
        "Can you grab milk? Also, it sounds like work has been really draining for you lately.",
        "",
        "   ",
        "wow, thanks for nothing",
        "ok\nlove you\nsee you at 7",
    ]
    result = model.learned_signals(texts)
    assert len(result) == len(texts)
    assert result[3] == [] and result[4] == []
    for text, signals in zip(texts, result, strict=True):
        for s in signals:
            assert text[s.start : s.end] == s.match
            assert s.match.strip() == s.match and s.match
            assert s.source == f"model:{s.kind}"
            assert 0.0 <= s.score <= 1.0


def test_appreciation_is_detected(learned: None) -> None:
    assert "appreciation" in kinds("thank you so much for cooking tonight")
    assert "appreciation" in kinds("I really appreciate how patient you were with my mum today")


def test_sarcastic_thanks_is_not_plain_appreciation(learned: None) -> None:
    found = kinds("wow, thanks for nothing")
    assert "contempt" in found or "criticism" in found
    assert "appreciation" not in found


def test_a_few_behaviours(learned: None) -> None:
    assert "criticism" in kinds("you never help with anything, you're so lazy")
    assert "dismissal" in kinds("you're overreacting, it's really not a big deal")
    assert "pressure" in kinds("answer me right now, I know you read my message")
    assert "validation" in kinds("that makes so much sense, anyone would feel hurt after that")
    assert "self_disclosure" in kinds("I've been feeling really anxious about my job and I didn't tell anyone")
    # A request about bread is a yes/no question and nothing else: no kind that helps or hurts.
    assert set(kinds("can you pick up bread on the way home?")) <= {"closed_question"}


def test_span_points_at_responsible_sentence(learned: None) -> None:
    text = "I picked up the kids at five. Thank you so much for making dinner, it was lovely."
    appreciation = [s for s in model.learned_signals([text])[0] if s.kind == "appreciation"]
    assert appreciation and appreciation[0].match.startswith("Thank you so much")


def test_sentence_spans() -> None:
    assert sentence_spans("Thanks. You never call!") == [(0, 7), (8, 23)]
    text = "hi\nhow are you?? ok 🙄"
    assert [text[a:b] for a, b in sentence_spans(text)] == ["hi", "how are you??", "ok 🙄"]
    assert sentence_spans("   ") == []
    assert [("I said no!!! 🙄")[a:b] for a, b in sentence_spans("I said no!!! 🙄")] == ["I said no!!! 🙄"]
    assert trimmed_span("  hey  ") == (2, 5)


def test_occupied_spans_are_left_to_the_patterns(learned: None) -> None:
    text = "you never help with anything, you're so lazy"
    assert "criticism" in kinds(text)
    assert model.learned_signals([text], occupied=[[(0, 5)]]) == [[]]
    two = "I picked up the kids at five. Thank you so much for making dinner, it was lovely."
    first_sentence = [(0, 29)]
    found = model.learned_signals([two], occupied=[first_sentence])[0]
    assert found and all(s.start >= 30 for s in found)
    assert all(s.kind != "appreciation" for s in model.learned_signals([two], occupied=[[(30, 50)]])[0])


def test_detect_leaves_very_short_messages_to_the_patterns(learned: None) -> None:
    short = ["ok", "fine.", "love you", "k thx", "cool cool", "it's fine", "don't care", "you\u2019re wrong"]
    assert model.learned_signals(short, min_words=model.MIN_WORDS) == [[] for _ in short]
    from openup.text import detect

    for text in short:
        assert not [s for s in detect(text, model=True) if s.source.startswith("model:")]


def test_merged_kinds_are_those_that_helped_on_held_out_messages(learned: None) -> None:
    heads = model.get_heads()
    merged = model.merged_kinds()
    for name in EXPECTED_SIGNAL_HEADS:
        merge = heads.meta["heads"][name]["merge"]
        assert merge["n"] > 300 and merge["pos"] >= 5
        assert (name in merged) == (merge["merged_f1"] > merge["lexical_f1"])
    assert merged  # at least one head earns its place


def test_detect_respects_what_the_patterns_turned_down(learned: None) -> None:
    from openup.text import detect

    for text in ("I never said you were selfish", "I don't think you're lazy at all"):
        assert not [s for s in detect(text, model=True) if s.source.startswith("model:")], text


def test_detect_never_lets_the_model_overrule_a_pattern(learned: None) -> None:
    """Over the labelled suite, a learned signal of a kind that helps or hurts never sits on a span where
    a pattern found such a kind; a learned question kind never sits where a pattern found a kind that hurts,
    nor on a pattern's own reading of the same kind. (Safety heads read everywhere: see the next test.)"""
    import json

    from openup.method import group, kinds_with
    from openup.text import detect_many

    settled = kinds_with("helps") | kinds_with("hurts")
    asked = frozenset(group("question"))
    root = Path(__file__).resolve().parents[1] / "data" / "labelled.jsonl"
    texts = [json.loads(line)["text"] for line in root.read_text(encoding="utf-8").splitlines()]
    learned_count = 0
    for sigs in detect_many(texts, model=True):
        lexical = [s for s in sigs if s.source.startswith("lexical:") and s.kind in settled]
        for s in sigs:
            if s.source.startswith("model:") and s.kind in settled:
                learned_count += 1
                blocking = [o for o in lexical if s.kind not in asked or o.kind == s.kind
                            or (o.kind in kinds_with("hurts") and o.kind not in asked)]
                assert not any(o.start < s.end and s.start < o.end for o in blocking), s
    assert learned_count > 0


def test_safety_heads_read_every_sentence_and_only_add(learned: None) -> None:
    """The learned safety pass reads sentences the patterns already settled, and a text's lexical safety
    signals are all still there with it (it can raise a level, never lower one)."""
    from openup.coach.safety import LEVELS, assess
    from openup.text import detect, model

    assert model.get_safety_heads() is not None
    text = "You're so lazy. He grabbed me by the throat last night and I couldn't breathe."
    merged = detect(text, model=True)
    lexical = detect(text, model=False)
    assert {(s.kind, s.start) for s in lexical} <= {(s.kind, s.start) for s in merged}
    # read although a pattern settled "lazy" (where a pattern found the same kind, the pattern's span is kept)
    assert [s.kind for s in model.safety_signals([text])[0]] and merged
    assert not any(s.source.startswith("model:") for s in detect("thanks for picking up the kids", model=True))
    rank = {level: i for i, level in enumerate(LEVELS)}
    for t in ("he choked me again last night", "ive been saving up my pills for a while now",
              "he checks my phone every night and i have to send him pics of where i am"):
        assert rank[assess(t, detect(t, model=True)).level] >= rank[assess(t, detect(t, model=False)).level]
        assert assess(t, detect(t, model=True)).level != "none", t


def test_detect_catches_what_patterns_miss_and_leaves_reassurance_alone(learned: None) -> None:
    from openup.text import detect

    def found(text: str, model_on: bool = True) -> set[str]:
        return {s.kind for s in detect(text, model=model_on)}

    for text, kind in [
        ("sure, because your day is the only one that matters", "contempt"),
        ("you always find a way to make it about you", "criticism"),
        ("meh its really not that deep", "dismissal"),
    ]:
        assert kind not in found(text, model_on=False), text  # the patterns miss it ...
        assert kind in found(text), text  # ... the learned tier does not
    for text in ["no rush, answer whenever you're ready"]:
        assert not found(text) & {"dismissal", "criticism", "contempt"}, text


@pytest.mark.xfail(strict=True, reason="known miss (#13): the encoder fine-tuned on dismissal data reads reassurance "
                   "that gives room ('take your time') as brushing a feeling aside; 300 more reassurance lines did "
                   "not separate them. On therapists' answers the learned dismissal flags went from 2.5% to 4.3%.")
@pytest.mark.parametrize("text", ["Don't worry, take your time."])
def test_reassurance_that_gives_room_is_not_dismissal(learned: None, text: str) -> None:
    from openup.text import detect

    assert not {s.kind for s in detect(text, model=True)} & {"dismissal", "minimizing"}


def test_texted_reassurance_is_not_dismissal(learned: None) -> None:
    """Read right since the encoder was fine-tuned with the seventh batch of written lines."""
    from openup.text import detect

    found = {s.kind for s in detect("take your time babe, im not going anywhere", model=True)}
    assert not found & {"dismissal", "minimizing"}


def test_safety_heads_were_trained_only_on_allowed_data() -> None:
    """No evaluation-only data in shipped weights: the safety heads name their sources, and the blind
    test halves and tests/data suites are not among them."""
    from openup.text.model.heads import SAFETY_HEADS_FILE, load_heads

    heads = load_heads(SAFETY_HEADS_FILE)
    assert heads.names == ("threat", "violence", "control", "fear", "self_harm")
    assert set(heads.groups) == {"safety"}
    allowed = {"abuse.jsonl", "crisis.jsonl", "negatives.jsonl", "written2.jsonl", "labelled_real.jsonl", "blind dev",
               "coaching", "goemotions", "partner", "written3_control_fear.jsonl", "written3_crisis.jsonl",
               "written3_danger.jsonl", "written3_negatives.jsonl", "written5_concern.jsonl",
               "written5_crisis.jsonl", "written5_danger.jsonl", "written5_long_regional.jsonl",
               "written5_negatives.jsonl", "relabelled_agreed.jsonl", "written6_agreed.jsonl",
               "written7_agreed.jsonl"}
    assert set(heads.meta["trained_on"]) <= allowed
    oof = heads.meta["out_of_fold"]
    assert oof["false_alarms_hard"] <= 0.02 and oof["false_alarms_ordinary"] <= 0.005
    assert oof["false_alarms_partner_messages"] <= 0.01


def test_question_heads_read_sentences_the_patterns_settled(learned: None) -> None:
    """What a question asks about does not depend on whether its sentence also hurts or helps: the question
    heads read every sentence, the other heads only what the patterns left silent."""
    from openup.method import group

    text = "you never tell me anything. what did the doctor say about your knee?"
    found = {s.kind for s in model.learned_signals([text], occupied=[[(0, len(text))]], min_words=model.MIN_WORDS)[0]}
    assert found and found <= set(group("question"))
    assert "concrete_question" in found


def test_thresholds_keep_the_union_within_its_budget_and_refining_catches_at_least_as_much() -> None:
    import sys

    import numpy as np

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    import train_safety_heads as t

    rng = np.random.default_rng(1)
    y = np.zeros((3000, 3))
    y[:300, 0] = 1
    y[300:600, 1] = 1
    y[600:660, 2] = 1  # a rare kind the greedy walk starves
    oof = np.clip(rng.normal(0.3, 0.2, y.shape) + np.array([0.5, 0.5, 0.25]) * y, 0, 1)
    negatives = ~y.any(axis=1)
    limits = [(negatives, 0.03)]
    greedy = t.joint_thresholds(oof, y, limits)
    refined = t.refine_thresholds(oof, y, limits, greedy, rounds=2000)

    def per_kind(thr: np.ndarray) -> float:
        flags = (oof >= thr).any(axis=1)
        return float(np.mean([flags[y[:, j] > 0].mean() for j in range(3)]))

    for thr in (greedy, refined):
        flags = (oof >= thr).any(axis=1)
        assert flags[negatives].mean() <= 0.03
        assert flags[~negatives].mean() > 0.3  # and it still catches a fair share
    assert per_kind(refined) >= per_kind(greedy)
    assert np.array_equal(refined, t.refine_thresholds(oof, y, limits, greedy, rounds=2000))  # seeded


def test_a_network_beside_linear_heads_adds_its_reading(tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    w, hw, hb = rng.normal(size=(2, 384)), rng.normal(size=(8, 384)), rng.normal(size=8)
    out = np.zeros((2, 8))
    out[0] = rng.normal(size=8)  # the second head reads x alone
    heads = Heads(("a", "b"), ("signal", "emotion"), w, np.zeros(2), np.ones(2), np.zeros(2), np.full(2, 0.5), {},
                  hidden_weights=hw.astype(np.float32), hidden_bias=hb.astype(np.float32),
                  hidden_out=out.astype(np.float32))
    x = rng.normal(size=(3, 384)).astype(np.float32)
    expected = x @ w.T + np.maximum(x @ hw.T + hb, 0) @ out.T
    np.testing.assert_allclose(heads.logits(x), expected, rtol=1e-4, atol=1e-3)
    np.testing.assert_allclose(heads.logits(x)[:, 1], x @ w[1], rtol=1e-4, atol=1e-3)
    heads.save(tmp_path / "n.npz")
    np.testing.assert_allclose(load_heads(tmp_path / "n.npz").logits(x), heads.logits(x), rtol=1e-5, atol=1e-4)
    with pytest.raises(ValueError, match="inconsistent"):
        Heads(("a", "b"), ("signal", "emotion"), w, np.zeros(2), np.ones(2), np.zeros(2), np.full(2, 0.5), {},
              hidden_weights=hw, hidden_bias=hb, hidden_out=np.zeros((2, 7)))

