"""Run the CLI in-process for tests: the exit code, with output left to capsys."""

from __future__ import annotations

import io
import sys

import pytest

from openup.cli import main


def run(argv: list[str], stdin: str | bytes | None = None, monkeypatch: pytest.MonkeyPatch | None = None) -> int:
    """`openup ARGV`, optionally reading `stdin`; returns the exit code."""
    if stdin is not None and monkeypatch is not None:
        raw = stdin.encode() if isinstance(stdin, str) else stdin
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    try:
        main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
