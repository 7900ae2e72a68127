"""The shortcuts `reply()` takes through the learned tier read exactly what the long way reads."""

from __future__ import annotations

import numpy as np

from openup.text import model
from openup.text.model import blas
from openup.text.model.heads import FEW_ROWS


def test_one_thread_restores_the_thread_count() -> None:
    control = blas._control()
    before = control[0]() if control is not None else None
    with blas.one_thread():
        if control is not None:
            assert control[0]() == 1
    assert (control[0]() if control is not None else None) == before


def test_one_blas_thread_reads_as_many_threads_do(learned: None) -> None:
    heads = model.get_safety_heads()
    assert heads is not None
    texts = ["he said he would hurt me if i told anyone", "i'm fine", "he took my phone again and i can't leave"]
    vectors, ids = model.get_embedder().encode(texts)
    assert len(texts) <= FEW_ROWS
    assert np.array_equal(heads.logits(vectors, ids), heads._logits(vectors, ids))  # one thread, and as configured


def test_safety_reading_is_kept_read_only_and_agrees(learned: None) -> None:
    text = "I'm fine. He took my phone again and says I can't see my sister. Anyway how was work?"
    first = model.safety_signals([text])[0]
    gap = model.safety_gaps([text])[0]
    model._SAFETY_RECENT.clear()
    assert model.safety_gaps([text])[0] == gap  # read again from scratch: the same
    assert model.safety_signals([text])[0] == first
    owners, probs = model._safety_probabilities([text], model.get_safety_heads())  # type: ignore[arg-type]
    assert not probs.flags.writeable and len(owners) == len(probs)
