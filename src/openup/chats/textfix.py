"""Repairs for text that an exporter encoded wrongly; each repair is exact or does nothing."""

from __future__ import annotations

import re
from typing import Final

_SURROGATE_PAIR: Final = re.compile("[\ud800-\udbff][\udc00-\udfff]")
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
