"""openup: create the conditions in which your partner opens up. Local-first; nothing leaves the machine.

Public API::

    openup.detect(text)        -> list[Signal]
    openup.check(text)         -> Review          (a draft, before you send it)
    openup.reply(text)         -> ReplyCoaching   (what your partner said; what to say back)
    openup.load_chat(path)     -> Conversation    (a chat export from your phone or app)
    openup.analyze(conv)       -> Analysis        (the method's measures over time)
"""

from __future__ import annotations

from typing import Any

from openup.text.detect import detect, detect_many
from openup.text.signal import Signal

__version__ = "0.1.0"

_LAZY = {
    "check": ("openup.coach.review", "check"),
    "Review": ("openup.coach.review", "Review"),
    "reply": ("openup.coach.listen", "reply"),
    "ReplyCoaching": ("openup.coach.listen", "ReplyCoaching"),
    "load_chat": ("openup.chats", "load_chat"),
    "Conversation": ("openup.chats", "Conversation"),
    "analyze": ("openup.analysis", "analyze"),
    "Analysis": ("openup.analysis", "Analysis"),
}

__all__ = ["Signal", "__version__", "detect", "detect_many", *_LAZY]


def __getattr__(name: str) -> Any:
    # Heavy parts load on first use so `import openup` and CLI start-up stay fast.
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'openup' has no attribute {name!r}")
