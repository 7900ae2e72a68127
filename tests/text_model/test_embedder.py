from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from openup.text import detect_many, model
from openup.text.model.embedder import DIM, MODEL_FILE, Embedder, pool
from openup.text.model.heads import HEADS_FILE

REF = Path(__file__).parent / "data" / "reference_embeddings.npz"


@pytest.fixture(scope="module")
def embedder(learned: None) -> Embedder:
    return Embedder(cache_size=16)


def test_shape_dtype_and_unit_norm(embedder: Embedder) -> None:
    v = embedder.embed(["ok", "lol", "love you", "I had a rough day at work and I feel awful"])
    assert v.shape == (4, DIM)
    assert v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_empty_input_gives_empty_matrix(learned: None) -> None:
    assert model.embed([]).shape == (0, DIM)


def test_a_texts_vector_does_not_depend_on_the_texts_beside_it(learned: None) -> None:
    # int8 dynamic quantisation scales activations per input tensor: in a padded batch, one text's
    # vector would move with its companions. Each text runs alone, so it is the same in any company,
    # in any order, on one thread or several.
    texts = [f"message number {i} " + "word " * (i % 17) for i in range(50)]
    alone = np.stack([Embedder(cache_size=0).embed([t])[0] for t in texts[:10]])
    together = Embedder(cache_size=0).embed(texts)
    np.testing.assert_array_equal(together[:10], alone)
    np.testing.assert_array_equal(Embedder(cache_size=0).embed(texts[::-1])[::-1], together)
    np.testing.assert_array_equal(Embedder(cache_size=0, threads=1).embed(texts), together)
    np.testing.assert_array_equal(Embedder(cache_size=0, threads=3).embed(texts), together)


def test_a_message_reads_the_same_in_check_and_in_a_whole_chat(learned: None) -> None:
    chat = ["can we talk about what happened at dinner", "you're overthinking it, it was one comment",
            "I felt embarrassed in front of your friends", "honestly who cares, move on"] + [
        f"did you pick up the {item} on the way home" for item in ("milk", "bread", "parcel", "keys")]
    embedder = model.get_embedder()
    one_by_one = []
    for text in chat:
        embedder.clear_cache()  # the cache would hand back the first vector: measure each way afresh
        one_by_one.append(model.learned_signals([text])[0])
    embedder.clear_cache()
    together = model.learned_signals(chat)
    embedder.clear_cache()
    assert [[(s.kind, s.start, s.end, s.score) for s in found] for found in together] == [
        [(s.kind, s.start, s.end, s.score) for s in found] for found in one_by_one]


def test_encode_returns_token_ids(embedder: Embedder) -> None:
    vectors, ids = embedder.encode(["thanks", "thanks a lot"])
    assert vectors.shape == (2, DIM)
    assert ids[0][0] == 101 and ids[0][-1] == 102 and len(ids[1]) == len(ids[0]) + 2
    np.testing.assert_array_equal(embedder.token_ids(["thanks"])[0], ids[0])


def test_curly_quotes_read_as_straight_ones(embedder: Embedder) -> None:
    """A phone's curly apostrophes and quotes read as the straight ones the heads were trained on (issue #13)."""
    pairs = [("I don\u2019t CARE", "i don't care"), ("you\u2019re not listening", "you're not listening"),
             ("\u201cfine\u201d she said", '"fine" she said'), ("I\u2018ll be home late", "i'll be home late")]
    for typed, meant in pairs:
        np.testing.assert_array_equal(embedder.token_ids([typed])[0], embedder.token_ids([meant])[0])
        np.testing.assert_allclose(embedder.embed([typed])[0], embedder.embed([meant])[0], atol=1e-6)


def test_curly_apostrophes_change_no_reading(learned: None) -> None:
    """The same messages typed on a phone (curly apostrophes) read exactly as typed on a keyboard."""
    texts = ["I don't think you're being fair to me", "I can't do this anymore, I'm done",
             "you're always on your phone when I'm talking", "I'm so proud of you, you've worked so hard"]
    straight = [[(s.kind, s.start, s.end) for s in found] for found in detect_many(texts, model=True)]
    curly = [[(s.kind, s.start, s.end) for s in found]
             for found in detect_many([t.replace("'", "\u2019") for t in texts], model=True)]
    assert straight == curly


def test_cache_serves_repeats_and_stays_bounded(embedder: Embedder) -> None:
    embedder.clear_cache()
    first = embedder.embed(["ok", "ok", "lol"])
    np.testing.assert_array_equal(first[0], first[1])
    assert embedder.cache_info()["size"] == 2
    again = embedder.embed(["lol", "ok"])
    np.testing.assert_array_equal(again[0], first[2])
    embedder.embed([f"text {i}" for i in range(40)])
    assert embedder.cache_info()["size"] <= embedder.cache_info()["capacity"] == 16


def test_truncates_long_texts(embedder: Embedder) -> None:
    long_text = "we need to talk about the holiday plans " * 200
    v = embedder.embed([long_text])
    assert np.isfinite(v).all()


def test_int8_agrees_with_torch_reference(embedder: Embedder) -> None:
    """The shipped int8 model vs fp32 torch/sentence-transformers vectors saved by scripts/export_model.py."""
    ref = np.load(REF, allow_pickle=False)
    got = embedder.embed([str(s) for s in ref["sentences"]])
    cos = (got * ref["embeddings"]).sum(axis=1)
    assert cos.mean() > 0.98, cos
    assert cos.min() > 0.95, cos


def test_similar_messages_are_closer_than_unrelated(embedder: Embedder) -> None:
    a, b, c = embedder.embed(["thank you so much for dinner", "thanks for cooking tonight", "where are my keys"])
    assert a @ b > a @ c + 0.2


def test_pool_ignores_padding() -> None:
    hidden = np.array([[[1.0, 0.0], [0.0, 1.0], [9.0, 9.0]]], dtype=np.float32)
    out = pool(hidden, np.array([[1, 1, 0]]))
    np.testing.assert_allclose(out, [[np.sqrt(0.5), np.sqrt(0.5)]], atol=1e-6)


def test_model_loads_offline_and_quickly(learned: None) -> None:
    t0 = time.perf_counter()
    Embedder()
    assert time.perf_counter() - t0 < 3.0  # generous for slow CI; bench/bench_model.py reports the real figure
    assert MODEL_FILE.stat().st_size < 40_000_000


def test_import_does_not_load_onnxruntime() -> None:
    code = (
        "import sys; import openup; import openup.text.model as m; m.available();"
        "assert 'onnxruntime' not in sys.modules and 'tokenizers' not in sys.modules, 'eager import'"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": src, "PATH": ""})


def test_openup_model_off_disables(monkeypatch: pytest.MonkeyPatch) -> None:
    for value in ("off", "0", "false", "OFF"):
        monkeypatch.setenv("OPENUP_MODEL", value)
        assert model.available() is False
    monkeypatch.delenv("OPENUP_MODEL")
    assert model.available() is (MODEL_FILE.is_file() and HEADS_FILE.is_file())


def test_license_and_notice_ship_with_the_model() -> None:
    folder = MODEL_FILE.parent
    assert "Apache License" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert "all-MiniLM-L6-v2" in (folder / "NOTICE").read_text(encoding="utf-8")
