"""Volume: who writes how much, and how fast each person replies (principle `give-room`).

A turn that follows the other person's turn within `thread_gap_s` is a reply; its latency is the time
between the two. After a longer silence it starts a new thread instead, and has no latency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openup.analysis.evidence import Evidence, EvidenceBook
from openup.analysis.params import Params
from openup.analysis.stats import median, percentile
from openup.analysis.timeline import Timeline
from openup.analysis.weekly import Weekly

PRINCIPLE = "give-room"


@dataclass
class PersonVolume:
    messages: int = 0
    text_messages: int = 0
    media: int = 0
    words: int = 0
    replies: int = 0
    threads_started: int = 0
    median_latency_s: float | None = None
    p90_latency_s: float | None = None
    median_words: float | None = None
    message_share: float | None = None
    word_share: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Volume:
    people: list[PersonVolume]
    resolution_s: int
    thread_gap_s: int
    latencies: list[list[float]] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "principle": PRINCIPLE,
            "resolution_s": self.resolution_s,
            "thread_gap_s": self.thread_gap_s,
            "people": [p.to_dict() for p in self.people],
        }


def measure_volume(tl: Timeline, params: Params, weekly: Weekly, book: EvidenceBook) -> Volume:
    """Count messages, words and media; split turns into replies and new threads; latency per person."""
    people = [PersonVolume(), PersonVolume()]
    lat: list[list[float]] = [[], []]
    week_lat: list[list[list[float]]] = [[[] for _ in tl.weeks] for _ in range(2)]
    week_words: list[list[list[int]]] = [[[] for _ in tl.weeks] for _ in range(2)]
    all_words: list[list[int]] = [[], []]
    msgs, words_c, texts_c, media_c, replies_c = (
        weekly.col(c) for c in ("messages", "words", "text_messages", "media", "replies")
    )
    names = tl.names
    cells: list[list[Evidence | None]] = [[None] * len(tl.weeks) for _ in range(2)]
    gap = params.thread_gap_s
    prev_who = -1
    prev_ts = 0.0
    who, ts, week, is_text, words = tl.who, tl.ts, tl.week, tl.is_text, tl.words
    replies_ev = [book.open(f"volume.replies.{p}", f"Replies from {names[p]}", PRINCIPLE) for p in range(2)]
    threads_ev = [
        book.open(f"volume.threads.{p}", f"New threads started by {names[p]}", PRINCIPLE) for p in range(2)
    ]
    for i in range(len(tl)):
        p = who[i]
        w = week[i]
        pv = people[p]
        pv.messages += 1
        msgs[p][w] += 1  # type: ignore[operator]
        cell = cells[p][w]
        if cell is None:
            cell = cells[p][w] = book.open(
                f"w.messages.{p}.{tl.weeks[w]}",
                f"Messages from {names[p]} in {tl.weeks[w]}",
                None,
                weekly=True,
            )
        cell.add(i)
        if is_text[i]:
            n = words[i]
            pv.text_messages += 1
            pv.words += n
            texts_c[p][w] += 1  # type: ignore[operator]
            words_c[p][w] += n  # type: ignore[operator]
            week_words[p][w].append(n)
            all_words[p].append(n)
        elif tl.kind[i] == "media":
            pv.media += 1
            media_c[p][w] += 1  # type: ignore[operator]
        if prev_who == -1 or prev_who == p:
            if prev_who == -1:
                pv.threads_started += 1
        else:
            delta = max(0.0, ts[i] - prev_ts)
            if delta <= gap:
                pv.replies += 1
                lat[p].append(delta)
                week_lat[p][w].append(delta)
                replies_c[p][w] += 1  # type: ignore[operator]
                if i >= 1:
                    replies_ev[p].add(i - 1, i)
            else:
                pv.threads_started += 1
                threads_ev[p].add(i)
        prev_who = p
        prev_ts = ts[i]
    total_msgs = sum(p.messages for p in people)
    total_words = sum(p.words for p in people)
    med_lat = weekly.col("median_latency_s", None)
    med_words = weekly.col("median_words", None)
    for p, pv in enumerate(people):
        if len(lat[p]) >= params.min_replies_for_latency:  # one or two replies make no "typical" time
            pv.median_latency_s = median(lat[p])
            pv.p90_latency_s = percentile(lat[p], 90)
        pv.median_words = median(all_words[p])
        pv.message_share = round(pv.messages / total_msgs, 4) if total_msgs else None
        pv.word_share = round(pv.words / total_words, 4) if total_words else None
        for w in range(len(tl.weeks)):
            if len(week_lat[p][w]) >= params.min_replies_for_latency:
                med_lat[p][w] = median(week_lat[p][w])
            if week_words[p][w]:
                med_words[p][w] = median(week_words[p][w])
        # The slowest tenth of replies, for the p90 number.
        if pv.p90_latency_s is not None and names[p] is not None:
            key = f"volume.slow.{p}"
            ev = book.open(key, f"{names[p]}'s slowest replies (at or above the 90th percentile)", PRINCIPLE)
            threshold = pv.p90_latency_s
            prev = -1
            for i in range(len(tl)):
                if who[i] == p and prev >= 0 and who[prev] != p:
                    d = ts[i] - ts[prev]
                    if threshold <= d <= gap:
                        ev.add(prev, i)
                prev = i
    return Volume(people, tl.resolution_s, gap, lat)
