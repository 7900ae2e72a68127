"""The bulk reader (static student + encoder where unsure) agrees with the full encoder (issue #16)."""

from __future__ import annotations

import csv
import gc
import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from openup.text import detect_many
from openup.text.model import get_bulk_reader
from openup.text.model.embedder import model_text
from openup.text.model.student import STUDENT_FILE, Student, needs_encoder
from openup.text.signal import Signal

ROOT = Path(__file__).resolve().parents[2]
GOEMOTIONS_TEST = ROOT.parent / "shared" / "data" / "goemotions" / "test.tsv"
if not GOEMOTIONS_TEST.is_file():
    GOEMOTIONS_TEST = Path("/work/shared/data/goemotions/test.tsv")
SAMPLE = 300
SEED = 16

pytestmark = pytest.mark.skipif(not STUDENT_FILE.is_file(), reason="student.npz is not installed")


def _kinds(texts: list[str], reader: str) -> list[frozenset[str]]:
    return [frozenset(s.kind for s in sigs) for sigs in detect_many(texts, model=True, reader=reader)]


def _goemotions_sample() -> list[str]:
    if not GOEMOTIONS_TEST.is_file():
        pytest.skip("GoEmotions test split not found (../shared/data)")
    with open(GOEMOTIONS_TEST, encoding="utf-8") as fh:
        texts = sorted({row[0] for row in csv.reader(fh, delimiter="\t") if row and row[0].strip()})
    return random.Random(SEED).sample(texts, SAMPLE)


def test_student_file_loads_without_torch() -> None:
    code = (
        "import sys; from openup.text.model.student import Student; s = Student(); "
        "v, ids = s.encode(['love you', 'you never listen']); "
        "assert v.shape == (2, 384) and 'torch' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_student_vectors_are_unit_and_close_to_the_encoder(learned: None) -> None:
    from openup.text.model import embed

    texts = ["thank you so much for cooking tonight", "you never listen to me", "can we talk later?"]
    student, _ = Student().encode(texts)
    assert np.allclose(np.linalg.norm(student, axis=1), 1.0, atol=1e-4)
    cosine = (student * embed(texts)).sum(axis=1)
    assert cosine.min() > 0.8, cosine


def test_bulk_agrees_with_full_on_public_sample(learned: None) -> None:
    texts = _goemotions_sample()
    full, bulk = _kinds(texts, "full"), _kinds(texts, "bulk")
    agree = sum(a == b for a, b in zip(full, bulk, strict=True)) / len(texts)
    assert agree >= 0.98, f"bulk/full agreement {agree:.4f} on {len(texts)} GoEmotions test messages"


def test_bulk_sends_only_some_units_to_the_encoder(learned: None) -> None:
    reader = get_bulk_reader()
    assert reader is not None
    texts = [t + " x" for t in _goemotions_sample()]  # not cached by the other tests
    before = dict(reader.stats)
    _kinds(texts, "bulk")
    share = (reader.stats["encoder"] - before["encoder"]) / (reader.stats["units"] - before["units"])
    # About 63% with the shipped student and margins (GoEmotions text; see docs/analysis.md), most of it for the
    # safety heads' wide band (their lower cut-offs since the stop-25 retraining put more units in it):
    # agreement and safety come first. This pins that the student settles a real share itself.
    assert 0.0 < share < 0.7, f"{share:.2%} of units went to the encoder"


PERMISSIVE_SAMPLE = 80  # held-out texts per permissive set


def test_bulk_agrees_with_full_on_permissive_sets_it_never_trained_on(learned: None) -> None:
    """The held-out parts of Toxic Spans, ConvAbuse, DiaSafety, CaSiNo, iSarcasmEval and CounselChat (never trained
    or calibrated on: openup.evaluation.permissive), 80 fixed texts each: at most one message per set where the
    readers differ, no safety reading lost. The student distilled without them (margins calibrated in-domain) had
    7 of 80 CounselChat answers differ (long texts: a flip in any of their sentences changes the message)."""
    from openup.evaluation.permissive import held_out_sample
    from openup.method import group

    data = GOEMOTIONS_TEST.parent.parent
    sets = held_out_sample(data, n=PERMISSIVE_SAMPLE, seed=SEED)
    if len(sets) < 6:
        pytest.skip(f"permissive sets not found under {data}")
    safety = frozenset(group("safety"))
    texts = [t for chunk in sets.values() for t in chunk]
    full, bulk = _kinds(texts, "full"), _kinds(texts, "bulk")
    differ: dict[str, int] = {}
    lost = 0
    start = 0
    for name, chunk in sets.items():
        pairs = list(zip(full[start : start + len(chunk)], bulk[start : start + len(chunk)], strict=True))
        differ[name] = sum(a != b for a, b in pairs)
        lost += sum(bool((a - b) & safety) for a, b in pairs)
        start += len(chunk)
    assert lost == 0
    assert max(differ.values()) <= 1, differ


def test_bulk_never_drops_a_safety_signal(learned: None) -> None:
    from openup.method import group

    safety = frozenset(group("safety"))
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "safety_labelled.jsonl").open(encoding="utf-8")]
    texts = [r["text"] for r in rows]
    lost = [t for t, a, b in zip(texts, _kinds(texts, "full"), _kinds(texts, "bulk"), strict=True) if (a - b) & safety]
    assert not lost, lost[:5]


def test_analysis_reads_with_the_bulk_reader_and_check_with_the_full_one(learned: None) -> None:
    from openup.analysis.features import text_masks

    reader = get_bulk_reader()
    assert reader is not None
    before = reader.stats["units"]
    text_masks(["a quite unusual message for the bulk reader, read once"], model=True)
    assert reader.stats["units"] > before
    before = reader.stats["units"]
    detect_many(["another unusual message, read by the full encoder"], model=True)
    assert reader.stats["units"] == before


def _needs(z: list[list[float]], owner: list[int], **kw: object) -> list[bool]:
    """needs_encoder on one head (threshold 0, margin 1) unless told otherwise."""
    arr = np.array(z, dtype=np.float32)
    args: dict = {"one_sided": False, "exact": np.zeros(len(arr), dtype=bool), "owner": np.array(owner),
                  "relevant": np.ones((max(owner) + 1, arr.shape[1]), dtype=bool)}
    args.update(kw)
    return needs_encoder(arr, np.zeros(arr.shape[1], np.float32), np.ones(arr.shape[1], np.float32), **args).tolist()


def test_a_signal_decision_is_open_only_while_no_unit_is_surely_above() -> None:
    # message 0: one unit surely above (2.0), so its unsure sentence (0.5) need not be read;
    # message 1: one unsure unit (-0.5) and one surely below (-3.0): only the unsure one is read.
    assert _needs([[2.0], [0.5], [-0.5], [-3.0]], [0, 0, 1, 1]) == [False, False, True, False]
    # a unit the encoder already read above the threshold settles its message too
    assert _needs([[0.2], [0.5]], [0, 0], exact=np.array([True, False])) == [False, False]
    # a decision the caller does not need (the patterns found that kind) is never read
    assert _needs([[0.5], [0.5]], [0, 1], relevant=np.array([[False], [True]])) == [False, True]
    # a head that does not read a unit (a unit the patterns settled) does not ask for it
    assert _needs([[0.5], [0.5]], [0, 1], readable=np.array([[False], [True]])) == [False, True]


def test_a_safety_decision_is_one_sided_and_never_settled_by_the_student() -> None:
    # far above the threshold by the student: still read (only the encoder may settle a safety reading);
    # below threshold - margin: not read
    assert _needs([[5.0], [-0.5], [-1.5]], [0, 1, 2], one_sided=True) == [True, True, False]
    assert _needs([[5.0], [-0.5]], [0, 0], one_sided=True) == [True, True]
    # the encoder's reading above the threshold settles the message: its other units are not read
    assert _needs([[5.0], [-0.5]], [0, 0], one_sided=True, exact=np.array([True, False])) == [False, False]


def test_first_round_asks_for_the_unit_most_likely_above_only() -> None:
    # message 0: two unsure units, the student puts one above: ask for that one first;
    # message 1: both unsure units below the threshold: both are needed to settle it below
    z = [[0.3], [0.6], [-0.2], [-0.4]]
    assert _needs(z, [0, 0, 1, 1], first=True) == [False, True, True, True]
    assert _needs(z, [0, 0, 1, 1], first=True, one_sided=True) == [False, True, True, True]


def test_a_decision_read_whole_reads_every_unsure_unit_settled_or_not() -> None:
    # message 0: the encoder read one unit above the threshold, which settles the decision, but read whole
    # (its span can change the kinds) the other unsure units are read too, in the first round as well;
    # message 1 is not read whole and is settled; a unit below threshold - margin is never read
    z = [[5.0], [0.5], [-1.5], [5.0], [0.5]]
    exact = np.array([True, False, False, True, False])
    whole = np.array([[True], [False]])
    for first in (True, False):
        assert _needs(z, [0, 0, 0, 1, 1], one_sided=True, exact=exact, whole=whole, first=first) == [
            False, True, False, False, False
        ]
    # a decision the caller does not need is not read, whole or not
    assert _needs([[0.5]], [0], one_sided=True, whole=np.array([[True]]), relevant=np.array([[False]])) == [False]


def test_bulk_reads_nothing_the_patterns_already_found(learned: None) -> None:
    from openup.text.model import bulk_signals, get_heads, get_safety_heads

    reader = get_bulk_reader()
    assert reader is not None
    texts = [t + " y" for t in _goemotions_sample()[:60]]  # not cached by the other tests
    every = {get_heads().names[j] for j in get_heads().in_group("signal")}
    safety_heads = get_safety_heads()
    if safety_heads is not None:
        every |= {safety_heads.names[j] for j in safety_heads.in_group("safety")}
    lexical = [[Signal(kind, 0, len(t), t, 1.0, "lexical:test") for kind in sorted(every)] for t in texts]
    before = dict(reader.stats)
    bulk_signals(texts, lexical, None, None)
    assert reader.stats["units"] > before["units"]
    assert reader.stats["encoder"] == before["encoder"]


def test_a_bulk_batch_leaves_the_cycle_collector_as_it_found_it(learned: None) -> None:
    # the collector is paused for a bulk batch (detect._collector_paused): on again after, off if it was off
    texts = ["you never listen to me. i'm done with this", "thanks for cooking tonight"]
    found = []
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            found.append(_kinds(texts, "bulk"))
            assert gc.isenabled() is enabled
    finally:
        gc.enable()
    assert found[0] == found[1] and any(found[0])


def test_bulk_sends_one_encoder_run_per_distinct_token_ids(learned: None) -> None:
    reader = get_bulk_reader()
    assert reader is not None
    unit = "he said he would hurt me if i told anyone, zq"
    texts = [unit, unit.upper(), "  " + unit.title() + " "]  # one id list: the tokenizer lower-cases
    before = dict(reader.stats)
    found = _kinds(texts, "bulk")
    assert found[0] == found[1] == found[2]
    assert reader.stats["encoder"] - before["encoder"] <= 1


def test_bigram_student_adds_its_projected_token_pair_mean(tmp_path: Path) -> None:
    from openup.text.model.student import bigram_ids

    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(50, 384)).astype(np.float16)
    table = rng.normal(size=(16, 3)).astype(np.float16)
    proj = rng.normal(size=(384, 3)).astype(np.float32)
    path = tmp_path / "student.npz"
    meta = np.array(json.dumps({"bigram_bits": 4}))
    np.savez(path, vectors=vectors, bigram_vectors=table, bigram_proj=proj, meta=meta)
    student = Student(path)
    a, b, one = np.array([1, 7, 9, 2], np.int32), np.array([1, 30, 2], np.int32), np.array([5], np.int32)

    def by_hand(ids: np.ndarray) -> np.ndarray:
        x = vectors[ids].astype(np.float32).mean(axis=0)
        if len(ids) > 1:
            x = x + table[bigram_ids(ids[:-1], ids[1:], 4)].astype(np.float32).mean(axis=0) @ proj.T
        return x / np.linalg.norm(x)

    together = student.vectors_of([a, b, one])
    assert np.allclose(together, np.stack([by_hand(a), by_hand(b), by_hand(one)]), atol=1e-5)
    # one list at a time gives the same rows: no token pair runs across two lists
    assert np.allclose(together[1], student.vectors_of([b])[0], atol=1e-6)
    assert bigram_ids(np.array([1, 7]), np.array([7, 9]), 4).max() < 16


def test_learned_and_safety_signals_take_the_bulk_reader_too(learned: None) -> None:
    from openup.text.model import learned_signals, merged_kinds, safety_signals

    texts = ["thank you so much for cooking tonight, zq", "he said he would kill me if i left, zq",
             "you never listen to me. why do you always do this, zq?"]
    deciding = merged_kinds()
    for read in (learned_signals, safety_signals):
        full = [{s.kind for s in found} & deciding if read is learned_signals else {s.kind for s in found}
                for found in read(texts, reader="full")]
        bulk = [{s.kind for s in found} & deciding if read is learned_signals else {s.kind for s in found}
                for found in read(texts, reader="bulk")]
        assert bulk == full


TRICKY = [
    "", " ", "ok", "Thanks!!! :)", "you NEVER listen...", "it's fine, isn't it?", "a" * 150, "x" * 100, "y" * 101,
    "word " * 200, "tab\there\r\nnew line", "hi\x0bthere\x0cyou\x7f", "don`t ~^|$+<=> #tag @user", "1,000.50$",
    "http://example.com/a?b=c&d=e", "café au lait", "naïve Ünïcödé", "I’m done", "ok 🙄", "日本語のテキスト",
    "zero\u200bwidth", "[CLS] [SEP] [UNK]", "UPPER lower MiXeD 123abc abc123",
]


def test_fast_token_ids_are_the_tokenizers(learned: None) -> None:
    student = Student()
    texts = TRICKY + (_goemotions_sample() if GOEMOTIONS_TEST.is_file() else [])
    fast = student.token_ids(texts)
    read = [model_text(t) for t in texts]  # both paths read the text as the encoder does
    slow = [np.array(e.ids, dtype=np.int32) for e in student._tokenizer.encode_batch(read)]
    assert all(np.array_equal(a, b) for a, b in zip(fast, slow, strict=True))
    again = student.token_ids(texts)  # now from the word cache
    assert all(np.array_equal(a, b) for a, b in zip(again, slow, strict=True))


def test_fast_token_ids_survive_a_full_word_cache(learned: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import openup.text.model.student as student_module

    monkeypatch.setattr(student_module, "WORD_CACHE_SIZE", 8)
    student = Student()
    texts = ["one two three four five six", "seven eight nine ten eleven", "one twelve", "I\u2019m HOME"]
    slow = [np.array(e.ids, dtype=np.int32) for e in student._tokenizer.encode_batch([model_text(t) for t in texts])]
    for text, ids in zip(texts, slow, strict=True):
        assert np.array_equal(student.token_ids([text])[0], ids)
    assert len(student._pieces) <= 8


def test_student_reads_curly_quotes_as_the_encoder_does(learned: None) -> None:
    reader = get_bulk_reader()
    student, encoder = reader.student, reader.embedder
    typed = ["you\u2019re so lazy", "\u201cdon\u2019t you dare\u201d", "I don\u2019t CARE", "[SEP] come home"]
    meant = ["you're so lazy", '"don\'t you dare"', "i don't care", "[sep] come home"]
    for a, b in zip(student.token_ids(typed), student.token_ids(meant), strict=True):
        np.testing.assert_array_equal(a, b)
    for a, b in zip(student.token_ids(typed), encoder.token_ids(typed), strict=True):
        np.testing.assert_array_equal(a, b)


def test_vectors_of_is_the_mean_of_token_and_pair_vectors() -> None:
    from openup.text.model.student import bigram_ids

    student = Student()
    ids = student.token_ids(["you never listen to me", "ok", "", "thank you so much for cooking tonight, really"])
    got = student.vectors_of(ids)
    assert student.bigrams is not None
    table, proj = student.bigrams
    for row, x in zip(got, ids, strict=True):
        x64 = x.astype(np.int64)
        want = student.vectors[x64].astype(np.float64).mean(axis=0) if len(x) else np.zeros(384)
        if len(x) > 1:
            pairs = table[bigram_ids(x64[:-1], x64[1:], student.bigram_bits)].astype(np.float64)
            want = want + pairs.mean(axis=0) @ proj.T
        want /= max(np.linalg.norm(want), 1e-12)
        if len(student.mlp) == 4:
            w1, b1, w2, b2 = student.mlp
            want = want + np.maximum(want @ w1.T + b1, 0.0) @ w2.T + b2
            want /= max(np.linalg.norm(want), 1e-12)
        if len(x):
            assert np.allclose(row, want, atol=1e-5)
    # the same rows in any order and any company
    alone = np.stack([student.vectors_of([x])[0] for x in ids])
    assert np.allclose(alone, got, atol=1e-6)
    assert np.allclose(student.vectors_of(ids[::-1])[::-1], got, atol=1e-6)


def test_bench_replays_the_encoders_vectors_without_running_it() -> None:
    from bench.bench_student import _Recorder

    class Counting:
        calls = 0

        def encode_ids(self, ids: list[np.ndarray]) -> np.ndarray:
            Counting.calls += len(ids)
            return np.stack([np.full(384, float(x.sum()), dtype=np.float32) for x in ids])

    recorder = _Recorder(Counting())
    a, b = np.array([101, 7, 102], dtype=np.int32), np.array([101, 8, 102], dtype=np.int32)
    first = recorder.encode_ids([a, b])
    assert Counting.calls == 2
    recorder.replay = True
    again = recorder.encode_ids([b, a, np.array([101, 9, 102], dtype=np.int32)])
    assert Counting.calls == 3  # only the id list it had not seen ran
    assert np.array_equal(again[:2], first[::-1])
    assert recorder.encode_ids([]).shape == (0, 384)
