"""`analyze()`: one pass from a Conversation to an Analysis."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openup.analysis.evidence import EvidenceBook
from openup.analysis.features import Progress
from openup.analysis.model import Analysis
from openup.analysis.params import Params
from openup.analysis.timeline import ME, OUT_OF_RANGE, PARTNER, Timeline, build_timeline, resolve_roles
from openup.analysis.weekly import Weekly
from openup.chats.model import Conversation
from openup.errors import NotADate, SeveralChats


def parse_since(since: date | datetime | str | None) -> date | None:
    """A date from a date, datetime or "YYYY-MM-DD" string; a UserError for anything else."""
    if since is None or isinstance(since, date):
        return since.date() if isinstance(since, datetime) else since
    try:
        return date.fromisoformat(since.strip())
    except ValueError:
        raise NotADate("since", since) from None


def require_one_chat(conversation: Conversation, source: str = "This export") -> None:
    """A SeveralChats error when a Telegram export holds more than one chat: a couple's measures need one.
    (Only Telegram's full export holds several chats in one file; `load_chat(chat=...)` picks one.)"""
    if conversation.platform != "telegram":
        return
    chats = {m.chat_id for m in conversation.messages[:200_000]}
    if len(chats) > 1:
        raise SeveralChats(source, len(chats))


def analyze(
    conversation: Conversation | str | os.PathLike[str],
    *,
    me: str | None = None,
    partner: str | None = None,
    since: date | datetime | str | None = None,
    params: Params | None = None,
    model: bool | None = None,
    country: str | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    known_masks: Mapping[str, int] | None = None,
) -> Analysis:
    """Measure the method over a couple's chat: per person, per ISO week, with evidence for every number.

    `me` is you (defaults to the chat's own idea of you); `partner` defaults to the most active other
    person. `model=False` keeps to the lexical tier. A path is loaded with `load_chat` first.
    `known_masks` are the features of texts already read with the same tier (`openup corpus` reads a large
    chat's distinct texts on several workers); a text's features depend on that text alone, so the
    Analysis is the same as without them.

    >>> a = analyze(load_chat("chat.txt"), me="Alex")  # doctest: +SKIP
    >>> a.summary()["turn_toward_pct"]  # doctest: +SKIP
    """
    if isinstance(conversation, (str, os.PathLike)):
        from openup.chats import load_chat

        conversation = load_chat(Path(conversation), me=me)
    require_one_chat(conversation)
    params = params or Params()
    roles = resolve_roles(conversation, me, partner)
    tl = build_timeline(
        conversation, roles, since=parse_since(since), model=model, workers=workers, progress=progress,
        known=known_masks,
    )
    return measure(tl, conversation, params, roles.notes, country=country, progress=progress, model=model)


def measure(
    tl: Timeline,
    conv: Conversation,
    params: Params,
    notes: tuple[str, ...] = (),
    *,
    country: str | None = None,
    progress: Progress | None = None,
    model: bool | None = False,
) -> Analysis:
    """Run every measure over a prepared timeline (`model`: the tier choice the timeline was read with)."""
    from openup.analysis import priorities, safety_screen
    from openup.analysis.registry import Context, measures

    registered = measures()
    steps = len(registered) + 1
    if progress:
        progress("measure", 0, steps)
    book = EvidenceBook()
    weekly = Weekly(tl.weeks)
    results: dict[str, Any] = {}
    for done, m in enumerate(registered, 1):
        results[m.name] = m.run(Context(tl, params, weekly, book, results, country, model))
        if progress:
            progress("measure", done, steps)
    saf = safety_screen.screen(tl, book, country, model)
    me, partner = tl.names
    assert me is not None
    prio, strengths = priorities.rank(me=me, partner=partner, params=params, book=book, results=results)
    if saf.level != "none":
        # Safety first: no coaching to soften, give room or appreciate more where there are signs of abuse.
        from openup.coach.safety import WITHHELD_PRINCIPLES

        prio = [f for f in prio if f.principle not in WITHHELD_PRINCIPLES]
        strengths = [f for f in strengths if f.principle not in WITHHELD_PRINCIPLES]
    all_notes, limits = _limits(tl, conv, params, results["volume"], notes)
    counts = {
        "rows_in_file": len(conv.messages),
        "turns_analysed": len(tl),
        "text_messages": sum(tl.is_text),
        "skipped_lines": conv.skipped.total,
        **{k: v for k, v in sorted(tl.counts.items())},
    }
    if progress:
        progress("measure", steps, steps)
    return Analysis(
        me=me,
        partner=partner,
        platform=conv.platform,
        title=conv.title,
        params=params,
        timeline=tl,
        weekly=weekly,
        book=book,
        results=results,
        safety=saf,
        priorities=prio,
        strengths=strengths,
        notes=all_notes,
        limits=limits,
        counts=counts,
    )


def _limits(
    tl: Timeline, conv: Conversation, params: Params, vol: object, notes: tuple[str, ...]
) -> tuple[list[str], dict[str, str]]:
    """Plain-language notes, and for each measure the chat cannot support, why."""
    from openup.analysis.volume import Volume

    assert isinstance(vol, Volume)
    out = list(notes)
    limits: dict[str, str] = {}
    two = tl.names[PARTNER] is not None and vol.people[PARTNER].messages > 0
    texts = [tl.text_count(ME), tl.text_count(PARTNER)]
    if not len(tl):
        limits["all"] = "There are no messages from the two of you to analyse."
    if not two:
        why = "Only one person wrote in this chat, so nothing that needs an exchange can be measured."
        for k in ("latency", "bids", "listening", "pursuit", "reciprocity", "small_wins"):
            limits[k] = why
    if sum(texts) == 0 and len(tl):
        why = (
            "There are no text messages (only photos, stickers, calls or similar), so openness, "
            "appreciation, criticism and listening cannot be read; only counts and timing are shown."
        )
        for k in ("openness", "appreciation", "listening", "reciprocity", "small_wins"):
            limits.setdefault(k, why)
    if len(tl.weeks) < 2 and len(tl):
        limits["trends"] = (
            "The chat covers a single week, so there are no trends over time; the weekly "
            "charts are left out and the totals stand alone."
        )
    replies = [p.replies for p in vol.people]
    if two and max(replies) < params.min_replies_for_latency:
        limits["latency"] = (
            f"Only {sum(replies)} replies within {params.thread_gap_s // 3600} hours of the "
            f"other person's message (fewer than {params.min_replies_for_latency} each), too few "
            "for meaningful reply times."
        )
    if tl.resolution_s == 60 and len(tl):
        out.append(
            "This export records times to the minute, so reply times are minute-accurate: a reply in "
            "the same minute counts as 0 minutes."
        )
    if conv.skipped.total:
        out.append(
            f"{conv.skipped.total} lines of the file could not be read as messages and were skipped "
            f"({', '.join(f'{r}: {n}' for r, n in conv.skipped.counts.most_common(3))})."
        )
    other = tl.counts.get("other people", 0)
    if other:
        out.append(f"{other} messages from other people were counted but not analysed.")
    non_turn = sum(v for k, v in tl.counts.items() if k.startswith("not a turn:"))
    if non_turn:
        out.append(
            f"{non_turn} system notices and reactions were counted but are not turns in the conversation."
        )
    media = sum(p.media for p in vol.people)
    if media:
        out.append(
            f"{media} photos, videos, voice notes or files were counted (and treated as bids for "
            "attention) but their content is not analysed."
        )
    before = tl.counts.get("before --since", 0)
    if before:
        out.append(f"{before} messages before the --since date were left out.")
    odd = tl.counts.get(OUT_OF_RANGE, 0)
    if odd:
        out.append(f"{odd} message{'s' if odd != 1 else ''} dated before 1990 or after 2200 left out.")
    out.extend(w for w in conv.warnings[:5])
    from openup.analysis.registry import measures

    for m in measures():  # a measure's own needs: the built-in ones are all worded above
        if m.json_key in limits:
            continue
        if "two_people" in m.needs and not two:
            limits[m.json_key] = "Only one person wrote in this chat, so this cannot be measured."
        elif "text" in m.needs and sum(texts) == 0 and len(tl):
            limits[m.json_key] = "There are no text messages, so this cannot be measured."
    return out, limits
