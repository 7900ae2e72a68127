"""Type stub for the optional C scanner (src/openup/chats/_wascan.c)."""

from collections.abc import Callable

def scan(
    data: bytes,
    *,
    bracket: bool,
    date_sep: str,
    ymd: bool,
    year_digits: int,
    seconds: bool,
    ampm: bool,
    closer: str,
    dayfirst: bool,
    author: Callable[[str], int],
    exact: dict[str, int],
    colon_names: tuple[bytes, ...],
) -> tuple[tuple[bytearray, bytearray, bytearray, bytearray, bytearray, bytearray], int, int, int, bool]: ...
def argsort(keys: bytes | bytearray, /) -> bytearray: ...
def gather(column: bytes | bytearray, itemsize: int, order: bytes | bytearray, /) -> bytearray: ...
def sender_stats(
    sender: memoryview | bytes, kind: bytes | bytearray, n_names: int, /
) -> tuple[list[int], list[int]]: ...
