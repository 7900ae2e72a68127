"""One analysed conversation as table rows: the same numbers as `openup analyze`, names as pseudonyms.

Every value here is read from the `Analysis` that `openup.analyze` returned (its `to_dict()`, its weekly
table, its timeline's signal masks), so the corpus and a single run cannot disagree. No message text goes
into a row except in the `messages` table, which is written only with `keep_text`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Final

from openup.analysis.features import BIT
from openup.analysis.features import names as mask_names
from openup.analysis.model import Analysis
from openup.analysis.timeline import ME, PARTNER
from openup.analysis.weekly import COLUMNS, EXTRA
from openup.corpus.pseudonyms import pseudonym

ROLES: Final = ("me", "partner")
WEEKLY_MEASURES: Final = (*COLUMNS, *EXTRA)
PRIORITIES: Final = 3

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Rows:
    """What one conversation adds to each table (`messages` is empty unless text is kept)."""

    conversations: list[Row]
    weekly: list[Row]
    signals: list[Row]
    messages: list[Row]


def _role_of(name: str | None, a: Analysis) -> str | None:
    if name is None:
        return None
    return "me" if name == a.me else "partner" if name == a.partner else None


def conversation_row(a: Analysis, key: str, salt: bytes, extra: Row) -> Row:
    """The headline measures and the priorities, as metrics.json gives them."""
    d = a.to_dict()
    s, m = d["summary"], d["measures"]
    pw = s["pursue_withdraw"]
    openness = m.get("openness", {}).get("people", [{}, {}]) if "openness" in m else [{}, {}]
    me_open = openness[ME] if len(openness) > ME else {}
    pa_open = openness[PARTNER] if len(openness) > PARTNER and a.partner else {}
    prios = [p["principle"] for p in d["priorities"]][:PRIORITIES]
    prios += [None] * (PRIORITIES - len(prios))
    return {
        "conversation": key,
        **extra,
        "platform": a.platform,
        "me": pseudonym(salt, a.me),
        "partner": pseudonym(salt, a.partner),
        "messages": s["messages"],
        "me_messages": s["messages_by_person"].get(a.me, 0),
        "partner_messages": s["messages_by_person"].get(a.partner, 0) if a.partner else 0,
        "weeks": s["weeks"],
        "first_week": a.timeline.weeks[0] if a.timeline.weeks else None,
        "last_week": a.timeline.weeks[-1] if a.timeline.weeks else None,
        "appreciation_to_criticism": s["appreciation_to_criticism"],
        "appreciation": s["appreciation"],
        "criticism": s["criticism"],
        "partner_appreciation_to_criticism": s["partner_appreciation_to_criticism"],
        "turn_toward_pct": s["turn_toward_pct"],
        "partner_turn_toward_pct": s["partner_turn_toward_pct"],
        "openness": me_open.get("openness"),
        "partner_openness": pa_open.get("openness"),
        "disclosure_rate": me_open.get("disclosure_rate"),
        "partner_disclosure_rate": pa_open.get("disclosure_rate"),
        "partner_depth_trend": s["partner_depth_trend"],
        "pursue_withdraw_weeks": pw["cycle_weeks"],
        "pursue_withdraw_score": pw["score"],
        "pursue_withdraw_correlation": pw["correlation"],
        "pursuer": _role_of(pw["pursuer"], a),
        "listened_pct": s["listened_pct"],
        "small_wins": s["small_wins"],
        "safety_level": s["safety_level"],
        **{f"priority_{i}": p for i, p in enumerate(prios, 1)},
        "unmeasurable": sorted(d["limits"]),
        "rows_in_file": d["counts"]["rows_in_file"],
        "skipped_lines": d["counts"]["skipped_lines"],
    }


def weekly_rows(a: Analysis, key: str, salt: bytes) -> list[Row]:
    """`Analysis.weekly_frame()`'s rows, with the person as a pseudonym and a role."""
    out: list[Row] = []
    for r in a.weekly.rows(a.timeline.names):
        person = r["person"]
        row: Row = {"conversation": key, "week": r["week"], "role": _role_of(person, a),
                    "person": pseudonym(salt, person)}
        for col in WEEKLY_MEASURES:
            v = r.get(col)
            row[col] = None if v is None else float(v)
        out.append(row)
    return out


def signal_rows(a: Analysis, key: str, salt: bytes) -> list[Row]:
    """For each person and signal kind, how many of their messages carry it (zeros included)."""
    tl = a.timeline
    per_mask = Counter(zip(tl.who, tl.mask, strict=True))
    counts = [Counter[str](), Counter[str]()]
    for (who, mask), n in per_mask.items():
        if mask:
            for kind, bit in BIT.items():
                if mask & bit:
                    counts[who][kind] += n
    out: list[Row] = []
    for p, name in enumerate(tl.names):
        if name is None:
            continue
        for kind in BIT:
            out.append({"conversation": key, "role": ROLES[p], "person": pseudonym(salt, name), "kind": kind,
                        "messages": counts[p][kind]})
    return out


def message_rows(a: Analysis, key: str, salt: bytes) -> list[Row]:
    """Every analysed message with its text (only written with --keep-text); senders as pseudonyms."""
    tl = a.timeline
    names = [pseudonym(salt, n) for n in tl.names]
    out: list[Row] = []
    label: dict[int, str] = {}
    for i, m in enumerate(tl.messages):
        mask = tl.mask[i]
        sig = label.get(mask)
        if sig is None:
            sig = label[mask] = ";".join(mask_names(mask))
        who = tl.who[i]
        out.append({"conversation": key, "msg_id": m.msg_id, "ts": m.ts_local.isoformat(), "role": ROLES[who],
                    "person": names[who], "kind": tl.kind[i], "words": tl.words[i], "signals": sig,
                    "text": tl.text[i]})
    return out


def rows_of(a: Analysis, key: str, salt: bytes, extra: Row, *, keep_text: bool = False) -> Rows:
    """Everything one conversation adds to the corpus."""
    return Rows(
        conversations=[conversation_row(a, key, salt, extra)],
        weekly=weekly_rows(a, key, salt),
        signals=signal_rows(a, key, salt),
        messages=message_rows(a, key, salt) if keep_text else [],
    )
