"""Shared fixtures for the safety tests: no user config and no locale leak into a run."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point the config at an absent file and clear the locale, so the country falls back to INTL."""
    config = tmp_path / "config.toml"
    monkeypatch.setenv("OPENUP_CONFIG", str(config))
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    return config
