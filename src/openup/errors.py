"""The one error type a user sees: a clear sentence, exit code 2, never a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem with what the user gave us (bad file, empty text, wrong option).

    The message is one sentence that names the file/line/value and says what to do.
    The CLI prints it and exits with code 2.
    """

    exit_code = 2
