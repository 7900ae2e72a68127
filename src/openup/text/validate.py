"""Input checks shared by every command that takes a text: one clear sentence when it cannot be used.

Which language a text is in is judged sentence by sentence afterwards (`openup.coach.language.english_part`).
"""

from __future__ import annotations

import unicodedata

from openup.errors import UserError

MAX_MESSAGE_CHARS = 20_000


def validate_message(text: str, *, what: str = "text", max_chars: int = MAX_MESSAGE_CHARS) -> str:
    """Return `text` if it can be checked as one message, else raise UserError with the reason.

    >>> validate_message("hi")
    'hi'
    """
    if not text or not text.strip():
        raise UserError(f"There is no {what} to check: give a message as an argument or on standard input.")
    if len(text) > max_chars:
        raise UserError(
            f"This {what} is {len(text):,} characters long; openup checks one message of up to "
            f"{max_chars:,} characters (use `openup analyze` for a whole chat history)."
        )
    bad = sum(1 for ch in text if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t"))
    if bad > max(2, len(text) // 50):
        raise UserError(f"This {what} looks like binary data rather than a message ({bad} unreadable characters).")
    if not any(ch.isalpha() for ch in text[:5000]) and not any(unicodedata.category(ch) == "So" for ch in text):
        raise UserError(f"This {what} has no words in it, only symbols or emoji, so there is nothing to check.")
    return text
