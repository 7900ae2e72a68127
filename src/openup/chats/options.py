"""Options every parser receives: who "me" is, the time zone, the day/month order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from openup.errors import UserError


@dataclass(frozen=True)
class ParseOptions:
    """Validated parser options; build with `ParseOptions.make(...)`."""

    me: str | None = None
    tz: tzinfo | None = None
    tz_name: str | None = None
    dayfirst: bool | None = None
    chat: str | None = None  # in an export that holds several chats: the one to read (name or id)

    @classmethod
    def make(
        cls,
        *,
        me: str | None = None,
        tz: str | None = None,
        dayfirst: bool | None = None,
        chat: str | None = None,
    ) -> ParseOptions:
        """Check the options (an unknown time zone is a UserError naming it)."""
        zone: tzinfo | None = None
        if tz is not None:
            if tz.upper() in ("UTC", "Z", "GMT"):
                zone, tz = UTC, "UTC"
            else:
                from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

                try:
                    zone = ZoneInfo(tz)
                except (ZoneInfoNotFoundError, ValueError):
                    raise UserError(
                        f"Unknown time zone {tz!r}; use an IANA name such as 'Europe/Berlin' or 'UTC'."
                    ) from None
        me_clean = me.strip() if me is not None else None
        chat_clean = chat.strip() if chat is not None else None
        return cls(me=me_clean or None, tz=zone, tz_name=tz, dayfirst=dayfirst, chat=chat_clean or None)

    def is_me(self, *names: str | None) -> bool:
        """True when any of the given sender names/ids equals `me` (case-insensitive)."""
        if self.me is None:
            return False
        want = self.me.casefold()
        return any(n is not None and n.casefold() == want for n in names)

    def local_pair(self, naive: datetime) -> tuple[datetime, datetime | None]:
        """(ts_local, ts_utc) for a naive wall-clock time from an export."""
        if self.tz is None:
            return naive, None
        local = naive.replace(tzinfo=self.tz)
        try:
            return local, local.astimezone(UTC)
        except OverflowError:  # year 1 or 9999 with an offset: keep the wall clock, no instant
            return naive, None

    def utc_pair(self, utc: datetime) -> tuple[datetime, datetime]:
        """(ts_local, ts_utc) for an aware UTC instant: local is in `tz` if given, else UTC."""
        if self.tz is None:
            return utc, utc
        try:
            return utc.astimezone(self.tz), utc
        except OverflowError:
            return utc, utc

    @property
    def naive_tz_source(self) -> str:
        """tz_source for exports with naive local times."""
        return self.tz_name or "local"

    @property
    def utc_tz_source(self) -> str:
        """tz_source for exports with absolute (UTC) times."""
        return self.tz_name or "utc"
