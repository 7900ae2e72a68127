"""What a failed conversation says in the `failures` table: a kind and one sentence in openup's own words.

A parser's message names the file ("WhatsApp Chat with Sam.txt is empty"), the members of a zip or a folder
("holds several chats (WhatsApp Chat with Sam.txt, ...)"), the chats of an account export, a value from
the manifest or a quote of the broken record; any of them can carry the name of the person the donor fears.
So unless text is kept (`--keep-text`), no part of that message is copied: it is matched against the
phrases below and replaced by a fixed sentence about "this export" (a sentence nothing matches is the
generic one). Participants' names, where a reason needs them, are salted pseudonyms.
"""

from __future__ import annotations

import re
from typing import Final

from openup.corpus.pseudonyms import pseudonym
from openup.errors import (
    NotADate,
    OutsideCorpus,
    ParticipantNeeded,
    SamePerson,
    SeveralChats,
    UnknownParticipant,
    UserError,
)

UNREADABLE: Final = "This export could not be read as a chat export openup recognises."
#: (phrase of a loader's message, what the failure says instead), the first that matches wins.
_SAID: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), sentence)
    for pattern, sentence in (
        (r"does not exist; check the path", "This export does not exist; check its path."),
        (r"^Cannot read ", "This export cannot be read (a permission or disk error)."),
        (r"is encrypted; unzip it", "This export's zip archive is encrypted; unzip it with its password."),
        (r"is compressed with ", "This export's zip archive uses a compression openup does not read."),
        (r"zip bomb|would unpack to|unpacks to more than|entries, over the limit",
         "This export's zip archive unpacks to too much to be read safely."),
        (r"damaged|truncated|not a readable zip", "This export is a damaged or truncated archive; export it again."),
        (r"MiB limit", "This export is over openup's size limit for its format."),
        (r"holds several chats|Messenger/Instagram chats",
         "This export holds several chats; name the one to analyse in `chat`."),
        (r"has no chat called", "This export has no chat of the name given in `chat`."),
        (r"with no chat export inside", "This export is a folder or archive with no chat export inside."),
        (r"is a binary file|not a chat export; pass the exported", "This export is a binary file, not a chat."),
        (r"holds no chat messages", "This export holds no chat messages."),
        (r"no messages from any person", "This chat has no messages from any person."),
        (r" is empty; export", "This export is empty."),
        (r"not valid JSON|not valid XML|cut off or damaged|nested too deeply|does not have the structure|"
         r"could not be decoded|declares a text encoding|JSON objects and lists",
         "This export is malformed (its JSON, XML or text encoding could not be read)."),
        (r"database", "This export is a database openup cannot read as a chat."),
        (r"header row|column", "This export is a CSV without timestamp, sender and text columns."),
    )
)


def _unreadable(message: str) -> str:
    """The fixed sentence for a loader's message (never any part of the message itself)."""
    return next((sentence for pattern, sentence in _SAID if pattern.search(message)), UNREADABLE)


def describe(exc: BaseException, salt: bytes, keep_text: bool) -> tuple[str, str]:
    """A failure's kind and its one sentence, with participants' names as pseudonyms; unless text is kept,
    without the file's name, any value from the export or the manifest, or the parser's own words."""

    def names(people: tuple[str, ...]) -> str:
        return ", ".join(str(pseudonym(salt, p)) for p in people) or "nobody"

    if isinstance(exc, UnknownParticipant):
        who = "the donor (me)" if exc.role == "me" else "the partner (participant)"
        return "participant_unknown", (f"The name given for {who} is not a participant of this chat; the "
                                       f"participants are: {names(exc.people)}.")
    if isinstance(exc, ParticipantNeeded):
        return "participant_needed", ("Which participant is the donor cannot be told from this chat; give "
                                      f"`me` for it (the participants are: {names(exc.people)}).")
    if isinstance(exc, SamePerson):
        return "same_person", "The partner (participant) named is the donor (me) too."
    if isinstance(exc, NotADate):
        value = f"{exc.value!r} in `since`" if keep_text else "The value in `since`"
        return "bad_since", f"{value} is not a date; write it as YYYY-MM-DD."
    if isinstance(exc, OutsideCorpus):
        return "outside", str(exc) if keep_text else ("This export lies outside the corpus folder (the "
                                                      "manifest's folder); it was not read.")
    if isinstance(exc, SeveralChats):
        return "several_chats", f"This export holds {exc.count} chats; name the one to analyse in `chat`."
    if isinstance(exc, UserError):
        return "unreadable", str(exc) if keep_text else _unreadable(str(exc))
    if isinstance(exc, MemoryError):
        return "too_large", "There was not enough memory to analyse this export."
    detail = f": {exc}" if keep_text else ""
    return "error", f"An internal error stopped the analysis ({type(exc).__name__}{detail})."
