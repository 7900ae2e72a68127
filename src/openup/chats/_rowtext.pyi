"""Type stub for the optional C row writer (src/openup/chats/_rowtext.c)."""

from typing import Any

def rows(pieces: tuple[tuple[Any, ...], ...], n: int, with_offsets: bool = False) -> Any: ...
