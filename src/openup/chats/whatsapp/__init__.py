"""WhatsApp "Export chat" text files (Android and iOS, any locale's header layout), plain or zipped.

A message starts with a header line such as::

    20/01/19, 11:23 - Sam: text              (Android, 24 h)
    1/20/19, 8:05 PM - Sam: text             (Android, 12 h; also am, a. m., U+202F/U+00A0 before PM)
    2019-01-20, 11:23 - Sam: text            (Android, ISO date; EN DASH separators too)
    [20.01.19, 11:23:45] Sam: text           (iOS, with or without a leading U+200E)
    [01/20/19 11:23] Sam: text               (no comma)

and continues on following lines until the next header. The header layout is decided once from the
first few hundred lines, then one precompiled regex reads the file; a line that looks like a header in
another layout (say a date with a four-digit year in a two-digit-year file) is message text. Day/month
order is inferred from dates above 12 anywhere in the file; if none settles it, from which reading keeps
consecutive dates closest, with a warning (`dayfirst=` overrides).

Lines with no author are system notices; media placeholders, deleted-message notices and calls become
their own kinds; the text is kept exactly as exported (an edited-message marker at the end is removed and
sets `edited`).

Modules: layout (header regex, `Layout`, `detect_layout`), kinds (placeholders, read from
placeholders.toml, and `classify`), dates (day/month order, years, validity), prepare (what both readers
decide from the first lines), reader (`parse`, the pure-Python line reader) and columns (`load_columns`,
the reader built on the C scanner `openup.chats._wascan`).
"""

from __future__ import annotations

from openup.chats.whatsapp.columns import HAVE_SCANNER, load_columns
from openup.chats.whatsapp.dates import ORDER_LOOKAHEAD_LINES, DateOrder
from openup.chats.whatsapp.kinds import classify
from openup.chats.whatsapp.layout import GENERAL_HEADER, Layout, detect_layout, layout_of
from openup.chats.whatsapp.prepare import MAX_SAMPLE_LINES, PLATFORM
from openup.chats.whatsapp.reader import parse

__all__ = [
    "ACCELERATE",
    "CHUNK_CHARS",
    "GENERAL_HEADER",
    "MAX_SAMPLE_LINES",
    "ORDER_LOOKAHEAD_LINES",
    "PLATFORM",
    "SAMPLE_LINES",
    "DateOrder",
    "Layout",
    "classify",
    "detect_layout",
    "layout_of",
    "load_columns",
    "parse",
]

# Settings the readers look up here each time they read a file, so that changing them on this module
# (tests, the benchmark) takes effect: lines sampled to decide the layout, characters per chunk of the
# line reader, and whether `load_chat` uses the C scanner (load_columns) when it is built.
SAMPLE_LINES: int = 500
CHUNK_CHARS: int = 1024 * 1024
ACCELERATE: bool = HAVE_SCANNER
