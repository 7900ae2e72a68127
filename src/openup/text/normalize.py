"""Length-preserving normalisation, so pattern offsets are offsets into the original text."""

from __future__ import annotations

# Curly quotes, primes and modifier letters become their ASCII forms; one character for one.
_QUOTES = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
        "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)


def normalize(text: str) -> str:
    """Lower-case and straighten quotes without changing the length of the text.

    >>> normalize("You\u2019re SO lazy")
    "you're so lazy"
    """
    if text.isascii():
        # The common case: of the characters above only the backtick is ASCII.
        lowered = text.lower()
        return lowered.replace("`", "'") if "`" in lowered else lowered
    lowered = text.translate(_QUOTES).lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters lower-case to two (U+0130); keep those as they were so offsets stay true.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_QUOTES))
