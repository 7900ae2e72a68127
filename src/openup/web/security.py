"""What keeps a server on 127.0.0.1 private: Host checking, a CSRF token, and strict response headers."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'")
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class Lock:
    """The journal's passphrase in memory, forgotten after `idle_s` seconds without use (the app locks)."""

    def __init__(self, passphrase: str | None, idle_s: float) -> None:
        import time

        self._clock = time.monotonic
        self.encrypted = passphrase is not None
        self._passphrase = passphrase
        self.idle_s = idle_s
        self._used = self._clock()

    def passphrase(self) -> str | None:
        """The passphrase, or None for a plain journal; a JournalError when the app has locked."""
        from openup.practice import JournalError

        if not self.encrypted:
            return None
        if self._passphrase is None or self._clock() - self._used > self.idle_s:
            self._passphrase = None
            raise JournalError("The journal is locked after a while without use; enter its passphrase to open it.")
        self._used = self._clock()
        return self._passphrase

    def unlock(self, passphrase: str) -> None:
        self._passphrase, self._used, self.encrypted = passphrase, self._clock(), True


def local_hosts(host: str, port: int) -> frozenset[str]:
    """The Host header values a browser sends to this server (with and without the port)."""
    names = {host, "localhost", "127.0.0.1"} if host in ("127.0.0.1", "localhost") else {host}
    out = {f"{n}:{port}" for n in names}
    if port == 80:
        out |= names
    return frozenset(out)


@dataclass
class Guard:
    """The server's own Host names and its CSRF token (new each time the server starts)."""

    hosts: frozenset[str]
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())  # type: ignore[union-attr]


class GuardMiddleware:
    """Refuse a foreign Host (421) and a state-changing request without the CSRF token (403); add the
    security headers to every response."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope["headers"])
        if headers.get("host", "").lower() not in self.guard.hosts:
            await _plain(send, 421, "This server answers only at its own address.")
            return
        if scope["method"] not in SAFE_METHODS and not self.guard.token_ok(headers.get("x-csrf-token")):
            await _plain(send, 403, "This request did not come from an openup page.")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                own = {k.lower() for k, _ in message.get("headers", [])}
                # a response may bring a stricter policy of its own (the report: hashes of its script)
                message["headers"] = [*message.get("headers", []), *(h for h in HEADERS if h[0] not in own)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _headers(raw: Iterable[tuple[bytes, bytes]]) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in raw}


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    head = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()), *HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": body})
