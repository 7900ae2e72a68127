"""Pattern files are data a coach can edit: check they load, compile and agree with signals.toml."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

from openup.text.lexical import expand, macros, matchers

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = ROOT / "src" / "openup" / "text" / "patterns"
with (ROOT / "src" / "openup" / "method" / "signals.toml").open("rb") as _fh:
    SIGNAL_KINDS = tomllib.load(_fh)["kind"]

FILE_KEYS = {"kind", "negatable", "in_quotes", "score", "unless", "pattern"}
PATTERN_KEYS = {
    "id", "re", "score", "negatable", "in_quotes", "not_before", "not_after", "only_before", "requires", "unless",
    "not_in_sentence",
}


def _files() -> dict[str, dict[str, object]]:
    out = {}
    for path in sorted(PATTERNS.glob("*.toml")):
        if not path.name.startswith("_"):
            with path.open("rb") as fh:
                out[path.stem] = tomllib.load(fh)
    return out


def test_every_kind_in_signals_toml_has_a_pattern_file() -> None:
    missing = sorted(set(SIGNAL_KINDS) - set(_files()))
    assert not missing, f"no patterns/<kind>.toml for: {missing}"


def test_every_pattern_file_names_a_known_kind_and_is_well_formed() -> None:
    for stem, data in _files().items():
        assert data["kind"] == stem, f"{stem}.toml declares kind {data['kind']!r}"
        assert data["kind"] in SIGNAL_KINDS
        # Safety files carry extra metadata for the safety module; style files use the engine's keys only.
        style = SIGNAL_KINDS[stem]["polarity"] != "safety"
        if style:
            assert set(data) <= FILE_KEYS, f"{stem}.toml: unknown keys {set(data) - FILE_KEYS}"
        rows = data.get("pattern", [])
        assert isinstance(rows, list) and rows, f"{stem}.toml has no [[pattern]]"
        ids = [row.get("id") for row in rows]
        assert len(ids) == len(set(ids)), f"{stem}.toml: duplicate pattern ids"
        for row in rows:
            if style:
                extra = set(row) - PATTERN_KEYS
                assert not extra, f"{stem}.toml {row.get('id')}: unknown keys {extra}"
            for key in ("re", "not_before", "not_after", "only_before", "not_in_sentence"):
                if key in row:
                    re.compile(expand(row[key]))
            for key in ("requires", "unless"):
                assert set(row.get(key, ())) <= set(SIGNAL_KINDS)
        assert set(data.get("unless", ())) <= set(SIGNAL_KINDS)  # type: ignore[arg-type]


def test_macros_expand_and_compile() -> None:
    for name, body in macros().items():
        assert re.compile(body).pattern, name


def test_matchers_cover_every_pattern_file() -> None:
    built = {m.kind for m in matchers()}
    assert built == {str(d["kind"]) for d in _files().values()}
    assert resources.files("openup.text.patterns").joinpath("README.md").is_file()
