"""The library's typed errors, worded for the command line: the options a user can pass are named."""

from __future__ import annotations

from openup.errors import (
    BadScheduler,
    NotADate,
    ParticipantNeeded,
    SamePerson,
    SeveralChats,
    UnknownParticipant,
    UserError,
)


def sentence(exc: UserError) -> str:
    """The one sentence the CLI prints for `exc`."""
    if isinstance(exc, UnknownParticipant):
        return (f"--{exc.role} {exc.name!r} is not a participant of this chat; the participants are: "
                f"{', '.join(exc.people) or 'nobody'}.")
    if isinstance(exc, ParticipantNeeded):
        return "Which participant are you? Pass --me with one of: " + ", ".join(exc.people) + "."
    if isinstance(exc, SamePerson):
        return f"--partner {exc.name!r} is the same person as --me; choose the other person."
    if isinstance(exc, NotADate):
        return f"--{exc.field} {exc.value!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-01."
    if isinstance(exc, SeveralChats):
        return (f"{exc.source} holds {exc.count} chats; pass --chat with the name of the one to analyse "
                "(`openup import` lists them).")
    if isinstance(exc, BadScheduler):
        return f"--scheduler {exc.address!r} cannot be used: {exc.why}."
    return str(exc)
