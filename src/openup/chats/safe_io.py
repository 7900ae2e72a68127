"""Reading user files safely: size limits, zip-bomb guards, encoding detection, streaming text lines.

Limits (also listed in docs/formats.md):
- JSON and XML-free whole-document formats are read into memory, so a JSON file (or zip member) larger
  than `MAX_JSON_BYTES` (256 MiB) is refused with a clear message; line formats (WhatsApp, Signal
  markdown, LINE, CSV, JSONL) and SMS XML stream and have no size limit.
- A zip may hold at most `MAX_ZIP_ENTRIES` (20,000) entries and declare at most `MAX_ZIP_TOTAL` (4 GiB)
  uncompressed; a member is read with a byte counter that stops at its declared size (a lying header
  cannot inflate it) and at `MAX_ZIP_MEMBER` (2 GiB). Chat entries must be stored or deflated and not
  encrypted: any other method (bzip2, LZMA, zstd, AES ...) or an encryption flag is refused by name, and
  data that fails to decompress is a "damaged" message, never a traceback.
- Text encodings: a BOM wins (UTF-8, UTF-16, UTF-32); else UTF-8 if the first megabyte decodes; else
  cp1252 (latin-1 for the five bytes cp1252 leaves undefined) with a warning. Bytes that are not valid
  UTF-8 later in a UTF-8 file are read the same way and counted in a warning instead of crashing.
"""

from __future__ import annotations

import codecs
import io
import json
import lzma
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Final

from openup.errors import UserError

MAX_JSON_BYTES: Final = 256 * 1024 * 1024
MAX_ZIP_ENTRIES: Final = 20_000
MAX_ZIP_TOTAL: Final = 4 * 1024 * 1024 * 1024
MAX_ZIP_MEMBER: Final = 2 * 1024 * 1024 * 1024
HEAD_BYTES: Final = 64 * 1024
MAX_CONTAINERS: Final = 1_000_000  # plus one per 100 bytes of text (see read_json)
UTF8_PROBE_BYTES: Final = 1024 * 1024

# Magic numbers of files people attach by mistake; each gets its own sentence.
_MAGIC: Final[tuple[tuple[bytes, str], ...]] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"BM", "a bitmap image"),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)


def describe_binary(head: bytes) -> str | None:
    """Name the kind of a non-text file from its first bytes, or None if it may be text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            # "BM" and "MZ" are also the start of ordinary words; only trust them with binary bytes after.
            if magic in (b"BM", b"MZ") and b"\x00" not in head[:64]:
                continue
            return what
    if head[4:8] == b"ftyp":
        return "a video or HEIC photo"
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a media file"
    return None


class _FallbackCounter:
    """Counts bytes that were not valid UTF-8 and decodes each as cp1252 (latin-1 where undefined)."""

    count = 0


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    _FallbackCounter.count += len(bad)
    return "".join(_byte_cp1252(b) for b in bad), exc.end


def _byte_cp1252(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


codecs.register_error("openup-cp1252", _cp1252_fallback)


def reset_fallback_count() -> None:
    """Start counting undecodable bytes afresh (called before each file)."""
    _FallbackCounter.count = 0


def fallback_count() -> int:
    """How many bytes were read as cp1252 because they were not valid UTF-8."""
    return _FallbackCounter.count


@dataclass(frozen=True)
class Encoding:
    """How to decode a text file, and a warning to show if the choice was a guess."""

    name: str
    warning: str | None = None


def detect_encoding(head: bytes, display: str) -> Encoding:
    """Choose an encoding from a file's first bytes (BOM, then UTF-8, then cp1252 with a warning)."""
    if head.startswith(codecs.BOM_UTF8):
        return Encoding("utf-8-sig")
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return Encoding("utf-32")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Encoding("utf-16")
    sample = head[:4096]
    if len(sample) >= 4 and b"\x00" in sample:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            return Encoding("utf-16-le", f"{display} has no byte-order mark; it was read as UTF-16-LE.")
        if even > len(sample) // 4 and odd == 0:
            return Encoding("utf-16-be", f"{display} has no byte-order mark; it was read as UTF-16-BE.")
        raise UserError(f"{display} is a binary file, not a chat export; export the chat as text or JSON.")
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head[:UTF8_PROBE_BYTES], final=False)
    except UnicodeDecodeError:
        return Encoding(
            "cp1252", f"{display} is not valid UTF-8; it was read as Windows-1252 (check accented letters)."
        )
    return Encoding("utf-8")


def check_not_binary(head: bytes, display: str) -> None:
    """Raise a UserError naming the file type when `head` is an image, archive or program."""
    what = describe_binary(head)
    if what is not None:
        raise UserError(
            f"{display} is {what}, not a chat export; pass the exported .txt, .json or .zip file."
        )


# Compression methods by their number in the zip format, for the refusal message.
_ZIP_METHODS: Final = {
    1: "Shrink", 6: "Implode", 9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 98: "PPMd",
    99: "AES encryption",
}  # fmt: skip
_READABLE_METHODS: Final = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# What a damaged member can raise while it is decompressed.
_DAMAGE: Final = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError, OSError)


def check_zip_entry(info: zipfile.ZipInfo, display: str) -> None:
    """Refuse, by name, an entry openup will not decompress: encrypted, or not stored or deflated."""
    if info.flag_bits & 0x41:
        raise UserError(
            f"{display}: {info.filename} is encrypted; unzip it with its password and pass the chat file instead."
        )
    if info.compress_type not in _READABLE_METHODS:
        method = _ZIP_METHODS.get(info.compress_type, f"method {info.compress_type}")
        raise UserError(
            f"{display}: {info.filename} is compressed with {method}; openup reads only stored or deflated zip "
            "entries, so unzip it and pass the chat file instead."
        )


class _PassThrough(io.RawIOBase):
    """Passes a stream's bytes through unchanged, calling `_passed(n)` after each chunk (`_seen` counts them)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._seen = 0

    def readable(self) -> bool:
        return True

    def _read(self, n: int) -> bytes:
        return self._raw.read(n)

    def _passed(self, n: int) -> None:
        """Called with the size of each chunk, once `_seen` counts it."""

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._read(len(buffer))
        n = len(data)
        self._seen += n
        self._passed(n)
        buffer[:n] = data
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


class _CountingReader(_PassThrough):
    """Wraps a zip member stream and stops once more bytes come out than the entry declared."""

    def __init__(self, raw: IO[bytes], limit: int, display: str) -> None:
        super().__init__(raw)
        self._limit = limit
        self._display = display

    def _read(self, n: int) -> bytes:
        try:
            return self._raw.read(n)
        except _DAMAGE:
            raise UserError(f"{self._display} is damaged inside the zip archive; re-export the chat.") from None

    def _passed(self, n: int) -> None:
        if self._seen > self._limit:
            raise UserError(
                f"{self._display} unpacks to more than its declared size; "
                "it looks like a zip bomb and was not read."
            )


class _WatchedReader(_PassThrough):
    """Passes a stream's bytes through, telling `on_read` how many have been read (every REPORT_BYTES,
    and at the end). A read of everything at once is passed through whole, so it costs no copy."""

    REPORT_BYTES = 1 << 20

    def __init__(self, raw: IO[bytes], on_read: Callable[[int], None]) -> None:
        super().__init__(raw)
        self._on_read = on_read
        self._told = 0

    def _passed(self, n: int) -> None:
        if n == 0 or self._seen - self._told >= self.REPORT_BYTES:
            self._told = self._seen
            self._on_read(self._seen)

    def readall(self) -> bytes:
        data = self._raw.read()
        self._seen += len(data)
        self._passed(len(data))
        self._passed(0)
        return data


@dataclass
class Source:
    """One readable input: a plain file, a zip member, or a group of files (a Messenger folder)."""

    display: str
    path: Path
    member: str | None = None
    size: int = 0
    parts: list[Source] = field(default_factory=list)
    # told how many bytes have been read each time this source is read (see `watch`)
    on_read: Callable[[int], None] | None = field(default=None, repr=False, compare=False)

    def watch(self, progress: Callable[[int, int], None]) -> None:
        """Tell `progress` (bytes read, bytes in all) while this source, or any of its parts, is read."""
        total = self.size
        self.on_read = lambda seen: progress(seen, total)
        offset = 0
        for part in self.parts:
            part.on_read = (lambda before: lambda seen: progress(before + seen, total))(offset)
            offset += part.size

    def open_binary(self) -> IO[bytes]:
        """Open for reading bytes (zip members come through a size-counting guard)."""
        raw = self._open_binary()
        if self.on_read is None:
            return raw
        return io.BufferedReader(_WatchedReader(raw, self.on_read), buffer_size=1 << 16)

    def _open_binary(self) -> IO[bytes]:
        if self.member is None:
            try:
                return open(self.path, "rb")
            except OSError as exc:
                raise UserError(f"Cannot read {self.display}: {exc.strerror or exc}.") from None
        zf = _open_zip(self.path, self.display)
        try:
            info = zf.getinfo(self.member)
            check_zip_entry(info, self.path.name)
            raw = zf.open(info)
        except UserError:
            zf.close()
            raise
        except (KeyError, *_DAMAGE):
            zf.close()
            raise UserError(f"{self.display} is damaged inside the zip archive; re-export the chat.") from None
        limit = min(self.size, MAX_ZIP_MEMBER)
        return io.BufferedReader(_CountingReader(raw, limit, self.display), buffer_size=1 << 16)

    def head(self, n: int = HEAD_BYTES) -> bytes:
        """The first `n` bytes."""
        with self.open_binary() as fh:
            return fh.read(n)

    def read_bytes(self, limit: int | None = None, what: str = "JSON") -> bytes:
        """The whole content, refusing anything over `limit` bytes (default MAX_JSON_BYTES)."""
        limit = MAX_JSON_BYTES if limit is None else limit
        if self.size > limit:
            raise UserError(
                f"{self.display} is {self.size / 2**20:.0f} MiB, over the {limit // 2**20} MiB limit for "
                f"{what} exports; split the export into smaller files (e.g. one chat per file)."
            )
        with self.open_binary() as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise UserError(f"{self.display} is over the {limit // 2**20} MiB limit for {what} exports.")
        return data

    def read_text(self, warnings: list[str], limit: int | None = None, what: str = "JSON") -> str:
        """The whole content decoded (BOM, UTF-8, else cp1252 with a warning)."""
        data = self.read_bytes(limit, what)
        enc = detect_encoding(data[:UTF8_PROBE_BYTES], self.display)
        if enc.warning:
            warnings.append(enc.warning)
        reset_fallback_count()
        text = data.decode(enc.name, errors="openup-cp1252")
        _warn_fallback(self.display, warnings)
        return text

    @contextmanager
    def text_stream(self, warnings: list[str]) -> Iterator[io.TextIOWrapper]:
        """The decoded text as a stream (universal newlines); undecodable bytes are counted in a warning."""
        head = self.head(UTF8_PROBE_BYTES)
        enc = detect_encoding(head, self.display)
        if enc.warning:
            warnings.append(enc.warning)
        reset_fallback_count()
        with self.open_binary() as raw:
            text = io.TextIOWrapper(raw, encoding=enc.name, errors="openup-cp1252", newline=None)
            try:
                yield text
            except UnicodeDecodeError:
                raise UserError(
                    f"{self.display} could not be decoded as {enc.name}; is it a text export?"
                ) from None
            finally:
                with suppress(ValueError):  # the stream was already closed (a generator dropped early)
                    text.detach()
        _warn_fallback(self.display, warnings)

    def lines(self, warnings: list[str]) -> Iterator[str]:
        """Decoded lines, streamed; universal newlines, each line keeps its trailing newline."""
        with self.text_stream(warnings) as text:
            yield from text


def _warn_fallback(display: str, warnings: list[str]) -> None:
    n = fallback_count()
    if n:
        warnings.append(f"{display}: {n} byte(s) were not valid UTF-8 and were read as Windows-1252.")


def _open_zip(path: Path, display: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise UserError(
            f"{display} is not a readable zip archive; re-export the chat and try again."
        ) from None


CHAT_SUFFIXES: Final = (".txt", ".json", ".jsonl", ".csv", ".xml", ".md", ".db", ".ndjson")


def zip_members(path: Path) -> list[Source]:
    """Chat-like members of a zip, after checking entry count and declared sizes against the limits."""
    display = path.name
    zf = _open_zip(path, display)
    with zf:
        try:
            infos = zf.infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise UserError(
                f"{display} is a damaged zip archive; re-export the chat and try again."
            ) from None
        if len(infos) > MAX_ZIP_ENTRIES:
            raise UserError(
                f"{display} holds {len(infos)} entries, over the limit of {MAX_ZIP_ENTRIES}; "
                "extract the chat "
                "file and pass it directly."
            )
        total = sum(i.file_size for i in infos)
        if total > MAX_ZIP_TOTAL:
            raise UserError(
                f"{display} would unpack to {total / 2**30:.1f} GiB, "
                f"over the {MAX_ZIP_TOTAL // 2**30} GiB limit; "
                "extract the chat file and pass it directly."
            )
        members = []
        for info in infos:
            if info.is_dir():
                continue
            name = info.filename
            base = name.rsplit("/", 1)[-1]
            if base.startswith(".") or "__MACOSX" in name:
                continue
            if base.lower().endswith(CHAT_SUFFIXES):
                check_zip_entry(info, display)
                members.append(Source(f"{display}:{name}", path, member=name, size=info.file_size))
    return members


def file_source(path: Path) -> Source:
    """A Source for a plain file (after checking it exists and is readable)."""
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return Source(path.name, path, size=size)


def _json_int(text: str) -> int | float:
    """Whole numbers as int, except absurdly long ones: those become a float (often inf) that every
    date and number check then refuses, instead of Python's digit limit failing the whole file."""
    return int(text) if len(text) <= 40 else float(text)


def loads_json(text: str) -> object:
    """`json.loads` that reads numbers of any length without raising (see `_json_int`)."""
    return json.loads(text, parse_int=_json_int)


def read_json(source: Source, warnings: list[str], what: str) -> object:
    """Parse a whole JSON document (size-limited); truncated or invalid JSON is a UserError with its place."""
    text = source.read_text(warnings, what=what)
    if len(text) > 1 << 20:
        # Each JSON object or list costs Python far more memory than its two bytes of text: a file of
        # 256 MiB of "[{},{}..." would need many gigabytes. Real exports hold a few per message.
        containers = text.count("{") + text.count("[")
        if containers > MAX_CONTAINERS + len(text) // 100:
            raise UserError(
                f"{source.display} holds {containers:,} JSON objects and lists in {len(text) / 2**20:.0f} MiB, "
                f"far more than a {what} export; it was not read."
            )
    try:
        return loads_json(text)
    except json.JSONDecodeError as exc:
        end = text.rstrip()[-1:]
        hint = " (the file looks cut off; export it again)" if end not in ("}", "]") else ""
        raise UserError(
            f"{source.display} is not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}{hint}."
        ) from None
    except RecursionError:
        raise UserError(f"{source.display} is nested too deeply to be a {what} export.") from None
