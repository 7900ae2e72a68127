"""A partner's message as the words they mean: chat register expanded ("idk if i can keep doing this
job" is read as "i don't know if i can keep doing this job"), with the case they typed kept wherever a
character was not rewritten, so names and "Mam" survive."""

from __future__ import annotations

import re

from openup.text.normalize import normalize
from openup.text.register import expand

_RUN = re.compile(r"[^\S\n]{2,}")  # spaces, tabs, no-break and other wide spaces; not a line break


def as_meant(text: str) -> str:
    """`text` with texting spellings expanded through the same table `check` reads with.

    >>> as_meant("idk if i can keep doing this job tbh")
    "i don't know if i can keep doing this job to be honest"
    >>> as_meant("Mam rang. She's not coming.")
    "Mam rang. She's not coming."
    """
    text = _RUN.sub(" ", text)  # a run of spaces reads as one (and keeps the clause patterns linear)
    norm = normalize(text)
    ex = expand(norm)
    if ex is None:
        return text
    out = []
    for i, ch in enumerate(ex.text):
        a, b = ex.starts[i], ex.ends[i]
        out.append(text[a] if b - a == 1 and text[a].lower() == ch else ch)
    return "".join(out)


__all__ = ["as_meant"]
