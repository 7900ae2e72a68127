"""Stable salted pseudonyms for participants' names.

The salt is 32 random bytes kept beside the corpus in `DIR/.salt` (mode 0600), never in an output. The same
name gets the same pseudonym in every conversation of the corpus and on every rerun into the same folder;
without the salt a pseudonym cannot be turned back into a name by trying names.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import unicodedata
from pathlib import Path
from typing import Final

from openup.errors import UserError

SALT_FILE: Final = ".salt"
_SALT_BYTES: Final = 32


def _read_salt(path: Path) -> bytes:
    os.chmod(path, 0o600)
    try:
        salt = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except ValueError:
        salt = b""
    if len(salt) < 16:
        raise UserError(f"{path} is not a salt openup wrote; move it away to start a new corpus.")
    return salt


def load_salt(out: Path) -> bytes:
    """The corpus's salt, made (0600, owner only) the first time the folder is used."""
    path = out / SALT_FILE
    try:
        out.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return _read_salt(path)
        salt = secrets.token_bytes(_SALT_BYTES)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(salt.hex() + "\n")
        return salt
    except (OSError, UnicodeDecodeError) as exc:
        why = getattr(exc, "strerror", None) or exc
        raise UserError(f"Cannot keep the salt in {path}: {why}.") from None


def pseudonym(salt: bytes, name: str | None) -> str | None:
    """A name's pseudonym: "p-" and 12 hex digits of an HMAC-SHA256 of the name (NFC, trimmed)."""
    if name is None:
        return None
    norm = unicodedata.normalize("NFC", name).strip()
    return "p-" + hmac.new(salt, norm.encode("utf-8"), hashlib.sha256).hexdigest()[:12]
