"""User configuration: one optional TOML file, overridden by environment variables.

The file is `$OPENUP_CONFIG` if set, else `~/.config/openup/config.toml`. Nothing in it is required.
Example::

    country = "GB"            # for help-line resources
    [llm]                     # optional; off unless set
    url = "http://127.0.0.1:11434/v1"
    model = "llama3.2"
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from openup.errors import UserError


def config_path() -> Path:
    env = os.environ.get("OPENUP_CONFIG")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "openup" / "config.toml"


def load_config() -> dict[str, Any]:
    """The user's settings as a dict; empty when there is no config file."""
    path = config_path()
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"The config file {path} is not valid TOML ({exc}); fix or remove it.") from None
