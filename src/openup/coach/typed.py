"""A partner's message as the words they mean: chat register expanded ("idk if i can keep doing this
job" is read as "i don't know if i can keep doing this job"), with the case they typed kept wherever a
character was not rewritten, so names and "Mam" survive."""

from __future__ import annotations

import re
from functools import lru_cache

from openup.text.normalize import normalize
from openup.text.register import expand

_RUN = re.compile(r"[^\S\n]{2,}")  # spaces, tabs, no-break and other wide spaces; not a line break


@lru_cache(maxsize=128)  # a reply reads its message as meant four or five times (reading, situations, act-now)
def as_meant(text: str) -> str:
    """`text` with texting spellings expanded through the same table `check` reads with.

    >>> as_meant("idk if i can keep doing this job tbh")
    "i don't know if i can keep doing this job to be honest"
    >>> as_meant("Mam rang. She's not coming.")
    "Mam rang. She's not coming."
    >>> as_meant("my jeans dont fit rn 😩")
    "my jeans don't fit right now 😩"
    """
    text = _RUN.sub(" ", text)  # a run of spaces reads as one (and keeps the clause patterns linear)
    norm = normalize(text)
    if not norm.isascii():
        # An emoji or other symbol ("dont fit 😩") must not keep the words around it from being read: each
        # non-ASCII character that is not a letter stands in as a space while the register is read, and
        # is put back after. A non-ASCII letter ("café") leaves the text as typed.
        norm = _SYMBOL.sub(" ", norm)
    ex = expand(norm)
    if ex is None:
        return text
    out = []
    for i, ch in enumerate(ex.text):
        a, b = ex.starts[i], ex.ends[i]
        if b - a > 1 and ch == " " and norm[a:b].isspace():  # one space read for a run: what was typed there
            out.append(text[a:b])
            continue
        out.append(text[a] if b - a == 1 and (text[a].lower() == ch or not text[a].isascii()) else ch)
    return "".join(out)


# Non-ASCII characters that are not letters or digits (emoji, their joiners and variation selectors).
_SYMBOL = re.compile(r"[^\x00-\x7f\w]")


__all__ = ["as_meant"]
