"""Message kinds from the body text: media, sticker, deleted and call placeholders, and `classify`.

The localized placeholder phrases are data, in placeholders.toml beside this file, read once at import.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any, Final

from openup.chats.model import Kind
from openup.chats.whatsapp.layout import BIDI

PHRASES_FILE: Final = "placeholders.toml"


def _read_phrases() -> dict[str, Any]:
    with resources.files("openup.chats.whatsapp").joinpath(PHRASES_FILE).open("rb") as fh:
        return tomllib.load(fh)


_PHRASES: Final = _read_phrases()


def _phrases(section: str, key: str) -> tuple[str, ...]:
    values = _PHRASES[section][key]
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"{PHRASES_FILE}: [{section}] {key} must be a list of strings")
    return tuple(values)


_MEDIA: Final = frozenset(_phrases("kinds", "media"))
_STICKER: Final = frozenset(_phrases("kinds", "sticker"))
_DELETED_OTHER: Final = frozenset(_phrases("kinds", "deleted_other"))
DELETED_ME: Final = frozenset(_phrases("kinds", "deleted_me"))
_CALL: Final = frozenset(_phrases("kinds", "call"))
EXACT_KIND: Final[dict[str, Kind]] = {
    **{t: "media" for t in _MEDIA},
    **{t: "sticker" for t in _STICKER},
    **{t: "deleted" for t in _DELETED_OTHER | DELETED_ME},
    **{t: "call" for t in _CALL},
}
_EDITED_SUFFIXES: Final = _phrases("edited", "suffixes")
_ATTACHED_RE: Final = re.compile(
    r"^<(?:attached|adjunto|Anhang|pièce jointe|allegato|anexo|bijlage): [^>]+>$"
)
_FILE_ATTACHED_RE: Final = re.compile(
    r"^\S.*\.\w{2,5} \((?:file attached|archivo adjunto|Datei angehängt|"
    r"fichier joint|file allegato|arquivo anexado|bestand bijgevoegd)\)"
)
_MEDIA_EXT: Final = re.compile(
    r"(?i)\.(jpe?g|png|gif|webp|heic|mp4|mov|3gp|opus|ogg|m4a|aac|mp3|pdf|vcf|docx?|webm)"
)
# An authored body needs `classify` only if it starts with one of these or ends with ">" or ")".
SLOW_FIRST: Final = frozenset(BIDI + "<0123456789IPVAMSLCE")


def classify(text: str) -> tuple[Kind, str, bool]:
    """(kind, text, edited) for an authored message body; the edited marker is cut off the text."""
    edited = False
    if text and text[-1] == ">":
        for suffix in _EDITED_SUFFIXES:
            if text.endswith(suffix):
                text = text[: -len(suffix)].rstrip(" \u200e")
                edited = True
                break
    if not text:
        return "text", text, edited
    core = text
    if core[0] in BIDI:
        core = core.lstrip(BIDI)
    kind = EXACT_KIND.get(core)
    if kind is None and core[:1] in "<0123456789IPVAS" and core:
        if core.endswith(", Tap to call back") or core.endswith(", \u200eTap to call back"):
            kind = "call"
        elif (
            _ATTACHED_RE.match(core)
            or (_FILE_ATTACHED_RE.match(core) and _MEDIA_EXT.search(core))
            or (
                core[0] == "<"
                and core.endswith(">")
                and core.find(">") == len(core) - 1
                and _MEDIA_EXT.search(core)
            )
        ):
            kind = "media"
    if kind is None:
        # iOS marks system notices (and only those) with a leading left-to-right mark.
        kind = "system" if text[0] == "\u200e" else "text"
    return kind, text, edited
