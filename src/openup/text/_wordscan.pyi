"""Type stub for the optional C word-start scanner (src/openup/text/_wordscan.c)."""

from typing import Any

def hits(text: str, table: dict[str, tuple[Any, dict[str, Any] | None]], /) -> list[tuple[int, Any]]: ...
