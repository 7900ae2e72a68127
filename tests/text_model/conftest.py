from __future__ import annotations

import os

import pytest

from openup.text import model


@pytest.fixture(scope="session")
def learned() -> None:
    """Skip a test when the learned tier cannot run here (e.g. OPENUP_MODEL=off in the environment)."""
    if not model.available():
        pytest.skip("learned tier not available: " + os.environ.get("OPENUP_MODEL", "model files missing"))
