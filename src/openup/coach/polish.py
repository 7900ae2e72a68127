"""What an answer says once across its lines: calling the partner "love", and the sound a line opens with.

Each move's wording is chosen on its own, so a three-line answer could call them "love" three times ("Of course
you're worried, love." then "What can I do to help, love?") or open two lines with the same "Ha,". Raters on
the dev half (stop 45) failed such answers as templated. The first line that says it keeps it; a later line
loses it wherever the sentence stands without it, and is left as it is where it does not.

>>> [s for s in said_once(["Of course you're worried, love.", "What can I do to help, love?"])]
["Of course you're worried, love.", 'What can I do to help?']
>>> said_once(["Ha, you poor thing. Hang in there.", "Ha, how can I help you survive it?"])[1]
'How can I help you survive it?'
>>> said_once(["Come here, love.", "Oh, love. That's hard.", "Oh, love, your mam's in A&E? I'm so sorry."])[1:]
["That's hard.", "Oh, your mam's in A&E? I'm so sorry."]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# a whole opening call ("Oh, love. ", "Aw, love. "), dropped with the sound before it
_OPENING_CALL = re.compile(r"^(?:(?:Oh|Aw|Ah|Ugh|Oof|Aww)(?:,| no,)? )?love[.!] +(?=[A-Z])")
# a call in the middle of a sentence ("Oh, love, your mam ...", "What a day, love, and ...")
_INNER_CALL = re.compile(r", love,")
# a call at the end of a sentence ("What can I do to help, love?", "Come here, love. I've got you.")
_LAST_CALL = re.compile(r", love(?=[.!?])")
# the sound a line opens with ("Ha, ...", "Ugh, ...")
_SOUNDS = frozenset({"Ha", "Ugh", "Aw", "Aww", "Oof", "Oh", "Ah", "Ooh"})
_SOUND = re.compile(r"^(" + "|".join(sorted(_SOUNDS)) + r"),\s+(?=[a-zA-Z])")


def _calls(text: str) -> bool:
    return bool(_OPENING_CALL.search(text) or _INNER_CALL.search(text) or _LAST_CALL.search(text))


def _uncalled(text: str) -> str:
    """`text` without calling them "love", or `text` itself when nothing would be left."""
    out = _OPENING_CALL.sub("", text)
    out = _INNER_CALL.sub(",", out)
    out = _LAST_CALL.sub("", out)
    left = out.strip(" .!?,")
    return out if left and left not in _SOUNDS else text


def _unsounded(text: str, sound: str) -> str:
    """`text` without its opening `sound` ("Ha, how can I ..." -> "How can I ..."), when a sentence is left."""
    m = _SOUND.match(text)
    if m is None or m.group(1) != sound:
        return text
    rest = text[m.end() :]
    if rest.lower().startswith("love") or not rest.strip(" .!?"):
        return text
    return rest[0].upper() + rest[1:]


def said_once(texts: Sequence[str]) -> list[str]:
    """The lines of one answer, with "love" kept only where it is first said and an opening sound ("Ha,",
    "Ugh,") only on the first line that opens with it."""
    out: list[str] = []
    called = False
    sounds: set[str] = set()
    for text in texts:
        if called and _calls(text):
            text = _uncalled(text)
        m = _SOUND.match(text)
        if m is not None and m.group(1) in sounds:
            text = _unsounded(text, m.group(1))
        m = _SOUND.match(text)
        if m is not None:
            sounds.add(m.group(1))
        called = called or _calls(text)
        out.append(text)
    return out


__all__ = ["said_once"]
