"""Text analysis: normalisation, the lexical and learned tiers, and `detect()`."""

from openup.text.detect import detect, detect_many
from openup.text.signal import Signal

__all__ = ["Signal", "detect", "detect_many"]
