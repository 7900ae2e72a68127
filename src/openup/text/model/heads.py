"""Small trained heads over sentence embeddings: logistic regression with Platt calibration.

All heads live in one `heads.npz` written by scripts/train_heads.py. Run time is numpy only:
probability = sigmoid(platt_a * (w . x + b) + platt_b), compared with a per-head threshold chosen on
held-out data. Groups: "signal" heads map to Signal kinds; "emotion" heads feed emotion_scores().
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

HEADS_FILE = Path(__file__).resolve().parent / "heads.npz"
GROUPS = ("signal", "emotion", "attribute")


@dataclass(frozen=True)
class Heads:
    """A bank of calibrated linear heads; `probabilities(x)` gives an (n, H) array in [0, 1]."""

    names: tuple[str, ...]
    groups: tuple[str, ...]
    weights: np.ndarray  # (H, D)
    bias: np.ndarray  # (H,)
    platt_a: np.ndarray  # (H,)
    platt_b: np.ndarray  # (H,)
    threshold: np.ndarray  # (H,)
    meta: dict[str, Any]

    def __post_init__(self) -> None:
        h = len(self.names)
        if len(self.groups) != h or self.weights.shape[0] != h:
            raise ValueError(f"heads file is inconsistent: {h} names, weights {self.weights.shape}")
        for arr in (self.bias, self.platt_a, self.platt_b, self.threshold):
            if arr.shape != (h,):
                raise ValueError(f"heads file is inconsistent: expected ({h},), got {arr.shape}")
        bad = set(self.groups) - set(GROUPS)
        if bad:
            raise ValueError(f"unknown head group(s) {sorted(bad)}; expected one of {GROUPS}")

    def index(self, name: str) -> int:
        return self.names.index(name)

    def in_group(self, group: str) -> list[int]:
        return [i for i, g in enumerate(self.groups) if g == group]

    def logits(self, x: np.ndarray) -> np.ndarray:
        raw: np.ndarray = x.astype(np.float32) @ self.weights.T + self.bias
        return raw

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Calibrated probabilities, shape (n, H)."""
        z = self.platt_a * self.logits(x) + self.platt_b
        p: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))
        return p

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            names=np.array(self.names),
            groups=np.array(self.groups),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            platt_a=self.platt_a.astype(np.float32),
            platt_b=self.platt_b.astype(np.float32),
            threshold=self.threshold.astype(np.float32),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
        )


def load_heads(path: Path = HEADS_FILE) -> Heads:
    """Read a heads file written by scripts/train_heads.py (no pickles: allow_pickle=False)."""
    with np.load(path, allow_pickle=False) as data:
        return Heads(
            names=tuple(str(s) for s in data["names"]),
            groups=tuple(str(s) for s in data["groups"]),
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float32),
            platt_a=data["platt_a"].astype(np.float32),
            platt_b=data["platt_b"].astype(np.float32),
            threshold=data["threshold"].astype(np.float32),
            meta=json.loads(str(data["meta"])),
        )
