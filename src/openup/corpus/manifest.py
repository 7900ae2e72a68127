"""What a corpus is made of: one `Entry` per export, from a folder of exports or a manifest CSV.

A folder gives one entry per file or sub-folder in it (names starting with "." or "_" are left out, and so
is the output folder when it lies inside). A manifest is a CSV with a header row: `path` (relative to the
manifest) and `me` are required; `chat`, `participant` (the partner, in a group chat) and `since` are
optional. A problem with one row (a missing file, a bad date) is that row's failure, not the whole run's.

Every export must lie inside the corpus's folder (the manifest's folder, or the folder given): a path that
leads out of it (`../..`, an absolute path elsewhere, a symlink to elsewhere) is its row's failure, and
nothing outside is opened, not even to hash it (`outside`).
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from openup.errors import ManifestColumns, NotACorpus

REQUIRED: Final = ("path", "me")
OPTIONAL: Final = ("chat", "participant", "since")
MAX_MANIFEST_BYTES: Final = 200_000_000
#: Rows of one manifest at most: a driver plans about a million rows per GB (ten times the 100,000 chats
#: docs/corpus.md costs), and a 200 MB manifest of short rows would be fifteen million.
MAX_ROWS: Final = 1_000_000
#: A manifest cell is a path, a name or a date: longer is not a manifest. Checked here rather than left to the
#: csv module's field limit, which is process-wide (the chat importers raise it for their own files).
MAX_CELL: Final = 4096


@dataclass(frozen=True, slots=True)
class Entry:
    """One export to analyse and how: the options `openup analyze` would be given for it."""

    path: Path  # where it is
    shown: str  # as the user named it: relative to the folder, or as written in the manifest
    row: int | None = None  # the manifest's line number (the header is line 1); None for a folder
    me: str | None = None
    partner: str | None = None
    chat: str | None = None
    since: str | None = None  # read by the task, so that a bad date fails that row alone
    root: Path | None = None  # the folder it must lie in (the manifest's, or the folder of exports)


def outside(entry: Entry) -> bool:
    """Whether the entry's path, symlinks followed, leads out of its corpus folder."""
    if entry.root is None:
        return False
    try:
        path, root = os.path.realpath(entry.path), os.path.realpath(entry.root)
    except (OSError, ValueError):  # a NUL byte: it names nothing, and fails as missing
        return False
    return os.path.commonpath([path, root]) != root


def _cell(row: dict[str, str | None], name: str) -> str | None:
    value = row.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def read_manifest(manifest: Path) -> list[Entry]:
    """The rows of a manifest CSV; a ManifestColumns error when `path` or `me` is missing from its header."""
    try:
        if manifest.stat().st_size > MAX_MANIFEST_BYTES:
            raise NotACorpus(str(manifest), f"is larger than {MAX_MANIFEST_BYTES // 1_000_000} MB")
        with manifest.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None:
                raise NotACorpus(str(manifest), "is empty")
            names = [h.strip().lower() for h in header]
            missing = [c for c in REQUIRED if c not in names]
            if missing:
                raise ManifestColumns(str(manifest), missing, [h.strip() for h in header if h.strip()])
            base = manifest.parent
            out: list[Entry] = []
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                longest = max(len(c) for c in cells)
                if longest > MAX_CELL:
                    raise NotACorpus(str(manifest), f"is not a readable CSV (a cell of {longest:,} characters on "
                                     f"line {reader.line_num}; a manifest cell holds at most {MAX_CELL:,})")
                if len(out) >= MAX_ROWS:
                    raise NotACorpus(str(manifest), f"has more than {MAX_ROWS:,} rows; split it into manifests of "
                                     "fewer, each with its own --out folder")
                row: dict[str, str | None] = dict(zip(names, cells, strict=False))
                shown = _cell(row, "path") or ""
                out.append(
                    Entry(
                        path=base / shown if shown else base / "(no path)",
                        shown=shown or "(no path)",
                        row=reader.line_num,
                        me=_cell(row, "me"),
                        partner=_cell(row, "participant"),
                        chat=_cell(row, "chat"),
                        since=_cell(row, "since"),
                        root=base,
                    )
                )
            return out
    except UnicodeDecodeError:
        raise NotACorpus(str(manifest), "is not UTF-8 text") from None
    except csv.Error as exc:
        raise NotACorpus(str(manifest), f"is not a readable CSV ({exc})") from None
    except OSError as exc:
        raise NotACorpus(str(manifest), f"cannot be read ({exc.strerror or exc})") from None


def read_folder(folder: Path, *, me: str | None = None, out: Path | None = None) -> list[Entry]:
    """One entry per export in `folder`, in name order, each with the same `me`."""
    skip = out.resolve() if out is not None else None
    try:
        children = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise NotACorpus(str(folder), f"cannot be listed ({exc.strerror or exc})") from None
    return [
        Entry(path=p, shown=p.name, me=me, root=folder)
        for p in children
        if not p.name.startswith((".", "_")) and (skip is None or p.resolve() != skip)
    ]


def read_source(source: Path, *, me: str | None = None, out: Path | None = None) -> list[Entry]:
    """The entries of a corpus: a folder of exports, or a manifest CSV (`me` fills its empty `me` cells)."""
    if source.is_dir():
        return read_folder(source, me=me, out=out)
    if not source.exists():
        raise NotACorpus(str(source), "does not exist")
    if source.suffix.lower() != ".csv":
        raise NotACorpus(str(source), "is a single file, not a folder or a .csv manifest")
    entries = read_manifest(source)
    return [e if e.me or not me else replace(e, me=me) for e in entries]
