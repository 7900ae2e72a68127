"""Repairs for text that an exporter encoded wrongly; each repair is exact or does nothing."""

from __future__ import annotations

import re
from typing import Final

_SURROGATE_PAIR: Final = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")


def fix_mojibake(s: str) -> str:
    """Undo Facebook's UTF-8-read-as-latin-1 export bug ("Ã©" -> "é"); correct text is returned as is.

    >>> fix_mojibake("caf\\u00c3\\u00a9")
    'café'
    """
    if not _NON_ASCII.search(s):
        return s
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def join_surrogates(s: str) -> str:
    """Turn UTF-16 surrogate pairs left as separate characters (``&#55357;&#56832;``) into real emoji.

    >>> join_surrogates("\\ud83d\\ude00") == "\\U0001F600"
    True
    """
    if not _SURROGATE_PAIR.search(s):
        return s
    return _SURROGATE_PAIR.sub(
        lambda m: chr(0x10000 + ((ord(m[0][0]) - 0xD800) << 10) + (ord(m[0][1]) - 0xDC00)), s
    )


def utf8(text: str) -> bytes:
    """The UTF-8 bytes of a str; a lone surrogate (which no UTF-8 file can hold) becomes U+FFFD.

    >>> utf8("caf\\u00e9 \\ud800")
    b'caf\\xc3\\xa9 \\xef\\xbf\\xbd'
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8")
