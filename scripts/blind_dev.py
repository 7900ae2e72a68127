"""The blind safety DEV set as training rows, and its two halves for the encoder (stdlib only, so the
fine-tuning venv can import it without openup's run-time dependencies)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

KINDS = ("threat", "violence", "control", "fear", "self_harm")
BLIND = Path(__file__).resolve().parent.parent / "tests" / "data" / "blind"


def encoder_half(text: str) -> str:
    """Which half of the blind safety dev set a line is in for the encoder: "train" (the fine-tuning reads
    it) or "judge" (kept out of the encoder, so scripts/compare_encoders.py can judge it). Fixed by a hash
    of the text, so nobody chooses it. The heads themselves train on all of the dev set."""
    h = int(hashlib.sha256(("encoder-judge\0" + text.strip().casefold()).encode()).hexdigest()[:8], 16)
    return "judge" if h / 0xFFFFFFFF < 0.5 else "train"


def blind_dev_rows(half: str | None = None) -> list[tuple[str, set[str]]]:
    """(text, safety kinds) of the blind safety dev set, optionally one `encoder_half`. A flagged line whose
    writer named no safety kind is read by its level."""
    out = []
    lines = (BLIND / "safety.dev.jsonl").read_text(encoding="utf-8").splitlines()
    for r in (json.loads(x) for x in lines if x.strip()):
        text = str(r["text"])
        if half is not None and encoder_half(text) != half:
            continue
        kinds = set(r.get("kinds") or []) & set(KINDS)  # type: ignore[arg-type]
        if r["level"] == "none":
            kinds = set()
        elif not kinds:
            kinds = {"self_harm"} if r["level"] == "crisis" else {"threat"} if r["level"] == "danger" else {"control"}
        out.append((text, kinds))
    return out
