"""How one person answered a given turn: the shared helper of bids, listening and small wins."""

from __future__ import annotations

from dataclasses import dataclass

from openup.analysis.features import HURT, LISTEN_BAD, LISTEN_GOOD
from openup.analysis.timeline import Timeline

MAX_REPLY_TURNS = 3


def next_by(tl: Timeline) -> tuple[list[int], list[int]]:
    """For each row, the index of the next row by person 0 and by person 1 (-1 when none)."""
    cached = tl.cache.get("next_by")
    if cached is not None:
        return cached
    n = len(tl)
    nxt0 = [-1] * n
    nxt1 = [-1] * n
    a = b = -1
    who = tl.who
    for i in range(n - 1, -1, -1):
        nxt0[i] = a
        nxt1[i] = b
        if who[i] == 0:
            a = i
        else:
            b = i
    tl.cache["next_by"] = (nxt0, nxt1)
    return nxt0, nxt1


@dataclass(frozen=True, slots=True)
class Response:
    """The responder's next turns after row `i` (up to three in a row), or none within the window."""

    rows: tuple[int, ...]
    mask: int

    @property
    def replied(self) -> bool:
        return bool(self.rows)

    @property
    def hostile(self) -> bool:
        return bool(self.mask & HURT)

    @property
    def listening(self) -> str:
        """ "listened" (validation, reflection, a real question, nothing harmful), "fixed" (advice,
        minimizing, dismissal, criticism), "neutral" (a reply with neither), or "missed" (no reply)."""
        if not self.rows:
            return "missed"
        if self.mask & LISTEN_BAD:
            return "fixed"
        if self.mask & LISTEN_GOOD:
            return "listened"
        return "neutral"


NO_RESPONSE = Response((), 0)


def response_to(tl: Timeline, i: int, responder: int, window_s: float) -> Response:
    """The responder's reply to row `i`: their next turn if it comes within `window_s`, plus the turns
    they send straight after it (a reply is often split over a few messages)."""
    j = next_by(tl)[responder][i]
    if j < 0:
        return NO_RESPONSE
    ts = tl.ts
    if ts[j] - ts[i] > window_s:
        return NO_RESPONSE
    rows = [j]
    mask = tl.mask[j]
    k = j + 1
    n = len(tl)
    while k < n and len(rows) < MAX_REPLY_TURNS and tl.who[k] == responder and ts[k] - ts[j] <= window_s:
        rows.append(k)
        mask |= tl.mask[k]
        k += 1
    return Response(tuple(rows), mask)
