"""Errors a user sees: each is one clear sentence and exit code 2, never a traceback.

The library raises these typed errors in the domain's own words ("which participant are you?"); each
interface may word them for itself (the CLI names its options, `openup.commands.errors.sentence`). Any
`UserError` without a type of its own is already a finished sentence.
"""

from __future__ import annotations

from collections.abc import Sequence


class UserError(Exception):
    """A problem with what the user gave us (bad file, empty text, wrong option).

    The message is one sentence that names the file/line/value and says what to do.
    The CLI prints it and exits with code 2.
    """

    exit_code = 2


def _names(people: Sequence[str]) -> str:
    return ", ".join(people) or "nobody"


class UnknownParticipant(UserError):
    """A name given for `role` ("me" or "partner") is not one of the chat's participants."""

    def __init__(self, role: str, name: str, people: Sequence[str]) -> None:
        self.role, self.name, self.people = role, name, tuple(people)
        who = "you" if role == "me" else "your partner"
        super().__init__(f"{name!r} (given as {who}) is not a participant of this chat; the participants are: "
                         f"{_names(people)}.")


class ParticipantNeeded(UserError):
    """Which participant is the user cannot be told from the chat; one of `people` must be named."""

    def __init__(self, people: Sequence[str]) -> None:
        self.people = tuple(people)
        super().__init__(f"Which participant are you? Name one of: {_names(people)}.")


class SamePerson(UserError):
    """The partner named is the user themself."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"{name!r} is named as both you and your partner; choose the other person as partner.")


class NotADate(UserError):
    """A date the user gave (`field`, e.g. "since") could not be read."""

    def __init__(self, field: str, value: str) -> None:
        self.field, self.value = field, value
        super().__init__(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-01.")


class SeveralChats(UserError):
    """An export of several chats was given where one couple's chat is needed."""

    def __init__(self, source: str, count: int) -> None:
        self.source, self.count = source, count
        super().__init__(f"{source} holds {count} chats; choose the one to analyse by its name or id.")


class NoMessages(UserError):
    """An export was read to the end and holds no chat messages at all.

    `source` is the file as the user knows it, `kind` what it seems to be ("JSON", "a CSV file", "a
    Telegram export") and `looks` what was found instead ("it has only a header row: ..."), or "".
    """

    def __init__(self, source: str, kind: str, looks: str = "") -> None:
        self.source, self.kind, self.looks = source, kind, looks
        super().__init__(f"{source} is {kind} but holds no chat messages" + (f" ({looks})" if looks else "") + ".")


class NotEnglish(UserError):
    """A text (`what`: "draft", "message") has no sentence in English, the only language openup reads."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(f"This {what} seems to be in a language other than English, with no sentence in English; "
                         "openup's checks are written for English and would not be reliable here.")


class NotACorpus(UserError):
    """What was given as a corpus is neither a folder of exports nor a manifest CSV."""

    def __init__(self, source: str, why: str) -> None:
        self.source, self.why = source, why
        super().__init__(f"{source} {why}; give a folder of chat exports or a manifest CSV with the columns "
                         "path and me.")


class ManifestColumns(UserError):
    """A manifest CSV lacks a required column (`path`, `me`)."""

    def __init__(self, source: str, missing: Sequence[str], found: Sequence[str]) -> None:
        self.source, self.missing, self.found = source, tuple(missing), tuple(found)
        super().__init__(f"The manifest {source} has no {' or '.join(repr(c) for c in missing)} column (its header "
                         f"row names: {_names(found)}); a manifest needs the columns path and me.")


class BadScheduler(UserError):
    """A Dask scheduler address that is malformed or that does not answer."""

    def __init__(self, address: str, why: str) -> None:
        self.address, self.why = address, why
        super().__init__(f"Cannot use the scheduler {address!r}: {why}.")


class EngineMissing(UserError):
    """Something was asked for whose package is not installed (`hint`: what to do instead, if anything)."""

    def __init__(self, what: str, package: str, hint: str = "") -> None:
        self.what, self.package = what, package
        super().__init__(f"{what} needs the {package!r} package, which is not installed; install it with "
                         f"`pip install {package}`{hint}.")


class OutsideCorpus(UserError):
    """A corpus entry whose path leads out of the corpus's folder (`../`, an absolute path, a symlink)."""

    def __init__(self, shown: str, root: str) -> None:
        self.shown, self.root = shown, root
        super().__init__(f"{shown} lies outside {root}, the folder of the corpus; openup reads only exports "
                         "inside it (move or copy the export there).")


class CorpusUnwritable(UserError):
    """The corpus's output folder cannot be written (no space left, no permission, a file in the way): the
    run stops, since no conversation could be written either."""
