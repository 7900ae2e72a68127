"""Read real chat exports from nine platforms into one conversation model, losing nothing.

>>> from openup.chats import load_chat
>>> conv = load_chat("WhatsApp Chat with Sam.txt", me="Alex")  # doctest: +SKIP
>>> conv.people(), conv.kinds(), conv.skipped.counts  # doctest: +SKIP

Formats are sniffed from content (`format=` overrides); see docs/formats.md for every layout and limit.
"""

from __future__ import annotations

from openup.chats.load import iter_messages, load_chat, load_for_output, sort_messages
from openup.chats.model import KINDS, Conversation, ImportReport, Kind, Message, SkipLog, Skipped
from openup.chats.sniff import FORMATS

__all__ = [
    "FORMATS",
    "KINDS",
    "Conversation",
    "ImportReport",
    "Kind",
    "Message",
    "SkipLog",
    "Skipped",
    "iter_messages",
    "load_chat",
    "load_for_output",
    "sort_messages",
]
