"""Each measure on small hand-built conversations where the right answer is known."""

from __future__ import annotations

import dataclasses

import pytest
from tests.analysis.helpers import alternate, conv

from openup.analysis import Params, analyze
from openup.analysis.leverage import LeveragePerson
from openup.analysis.listening import Questions
from openup.analysis.timeline import ME, PARTNER

FILLER_A = ["ok", "sure", "on my way", "cool", "see you soon", "yes"]
FILLER_B = ["lol", "fine", "nice", "yep", "sounds good", "haha"]


def run(rows, **kw):  # type: ignore[no-untyped-def]
    return analyze(conv(rows), me="Alex", model=False, **kw)


# -- volume ------------------------------------------------------------------------------------------------
def test_volume_counts_words_shares_and_latency() -> None:
    rows = [
        ("Alex", 0, "hello there you"),
        ("Sam", 2, "hi"),
        ("Alex", 5, "how are things"),
        ("Sam", 15, "good"),
        ("Sam", 16, "<Media omitted>", "media"),
        ("Alex", 20, "nice one"),
    ]
    assert run(rows).volume.people[PARTNER].median_latency_s is None  # two replies: no "typical" time
    a = run(rows, params=Params(min_replies_for_latency=2))
    me, pa = a.volume.people
    assert (me.messages, pa.messages) == (3, 3)
    assert (me.words, pa.words) == (3 + 3 + 2, 2)
    assert (me.media, pa.media) == (0, 1)
    assert me.word_share == pytest.approx(8 / 10)
    # Sam replied after 2 and 10 min; Alex after 3 (m2->m3) and 4 (media->m6) min.
    assert pa.replies == 2 and pa.median_latency_s == 6 * 60 and pa.p90_latency_s == 600
    assert me.replies == 2 and me.median_latency_s == 210
    assert a.counts["text_messages"] == 5
    assert a.timeline.resolution_s == 60


def test_thread_gap_is_a_parameter() -> None:
    rows = [("Alex", 0, "hi"), ("Sam", 300, "hey"), ("Alex", 302, "ok")]
    short = run(rows, params=Params(thread_gap_s=3600))
    assert short.volume.people[PARTNER].replies == 0 and short.volume.people[PARTNER].threads_started == 1
    long = run(rows, params=Params(thread_gap_s=6 * 3600, min_replies_for_latency=1))
    assert long.volume.people[PARTNER].replies == 1
    assert long.volume.people[PARTNER].median_latency_s == 300 * 60


# -- openness ----------------------------------------------------------------------------------------------
def test_openness_depth_per_message_and_weekly() -> None:
    rows = alternate(["ok", "ok"], ["I feel so lonely lately", "lol"])
    a = run(rows)
    op = a.openness.per_person
    assert op[PARTNER].self_disclosure == 1 and op[PARTNER].emotion == 1
    assert op[PARTNER].openness == pytest.approx(3 / 2)  # depth 3 over two messages
    assert op[ME].openness == 0
    row = next(r for r in a.to_dict()["weekly"] if r["person"] == "Sam")
    assert row["week"] == "2024-W10" and row["openness"] == pytest.approx(1.5) and row["self_disclosure"] == 1


def test_partner_depth_trend_rises() -> None:
    rows = []
    t = 0.0
    for week in range(8):
        for k in range(6):
            rows.append(("Alex", t, "ok"))
            deep = k < week  # the partner shares a little more each week
            rows.append(("Sam", t + 1, "I feel so lonely lately" if deep else "fine"))
            t += 60
        t = (week + 1) * 7 * 24 * 60
    a = run(rows)
    trend = a.openness.partner_trend
    assert trend.direction == "deeper"
    assert trend.slope_per_week is not None and trend.slope_per_week > 0


# -- reciprocity -------------------------------------------------------------------------------------------
def test_reciprocity_balance_and_deep_questions_without_sharing() -> None:
    rows = alternate(
        ["what do you think about the move?", "how do you feel about it?", "ok", "ok", "ok"],
        ["I feel so lonely lately", "I'm so worried about my dad", "lol", "nice", "ok"],
    )
    a = run(rows)
    rec = a.reciprocity.to_dict()
    assert rec["your_rate"] == 0 and rec["partner_rate"] == pytest.approx(2 / 5)
    assert rec["balance"] == 0
    assert rec["deep_questions_without_sharing"] == 2
    assert rec["weeks_compared"] == 1 and rec["you_then_partner_correlation"] is None


def test_reciprocity_lagged_correlation() -> None:
    rows = []
    share = [0, 3, 1, 4, 0, 2, 5, 1]
    for week, k in enumerate(share):
        t = week * 7 * 24 * 60.0
        for j in range(6):
            rows.append(("Alex", t, "I feel so lonely lately" if j < k else "ok"))
            t += 1
            # Sam mirrors Alex's sharing one week later
            prev = share[week - 1] if week else 0
            rows.append(("Sam", t, "I'm so worried about my dad" if j < prev else "fine"))
            t += 1
    a = run(rows)
    r = a.reciprocity.you_then_partner_correlation
    assert r is not None and r > 0.95


# -- appreciation vs criticism -----------------------------------------------------------------------------
def test_ratio_counts_messages_not_signals() -> None:
    rows = alternate(
        [
            "thank you so much",
            "you're the best, I really appreciate you",
            "You're so lazy",
            "calm down",
            "whatever 🙄",
        ],
        ["ok", "ok", "ok", "thank you so much", "ok"],
    )
    a = run(rows)
    me = a.ratio.people[ME]
    assert me.appreciation == 2 and me.critical_messages == 3
    assert (me.harsh["criticism"], me.harsh["dismissal"], me.harsh["contempt"]) == (1, 1, 1)
    assert me.ratio == pytest.approx(0.67)
    assert a.summary()["appreciation_to_criticism"] == pytest.approx(0.67)
    assert a.ratio.people[PARTNER].ratio is None  # no criticism: no ratio, not infinity


# -- bids --------------------------------------------------------------------------------------------------
def test_bids_toward_away_against() -> None:
    rows = [
        ("Sam", 0, "guess what, I got the job"),
        ("Alex", 2, "that is wonderful news"),  # toward
        ("Sam", 10, "what did your boss say?"),
        ("Alex", 12, "You're so lazy"),  # against
        ("Sam", 20, "<Media omitted>", "media"),
        ("Sam", 21, "ok"),
        ("Alex", 20 + 5 * 60, "sorry, was busy"),  # away (5 h)
        ("Sam", 400, "look at this https://example.com/x"),
        ("Alex", 401, "ha nice"),  # toward
    ]
    a = run(rows)
    me = a.bids.people[ME]
    assert a.bids.people[PARTNER].bids == 4
    assert (me.received, me.toward, me.away, me.against) == (4, 2, 1, 1)
    assert me.turn_toward_pct == 50.0
    assert a.summary()["turn_toward_pct"] == 50.0
    assert a.bids.people[PARTNER].by_type == {"question": 1, "news": 1, "link": 1, "media": 1}
    ids = a.evidence_ids("bids.against.0")
    assert ids == ["m3", "m4"]


def test_bid_window_is_a_parameter() -> None:
    rows = [("Sam", 0, "what did your boss say?"), ("Alex", 90, "he liked it")]
    assert run(rows, params=Params(reply_window_s=3600)).bids.people[ME].away == 1
    assert run(rows, params=Params(reply_window_s=2 * 3600)).bids.people[ME].toward == 1


# -- pursuit -----------------------------------------------------------------------------------------------
def test_follow_ups_barrages_pressure() -> None:
    rows = [
        ("Alex", 0, "are you coming?"),
        ("Alex", 1, "when?"),
        ("Alex", 2, "where are you?"),  # barrage
        ("Alex", 40, "thinking of you"),  # follow-up
        ("Alex", 41, "answer me"),  # pressure
        ("Sam", 60, "sorry"),
        ("Alex", 62, "ok"),
    ]
    a = run(rows)
    p = a.pursuit.people[ME]
    assert p.follow_ups == 1 and p.barrages == 1 and p.pressure == 1 and p.events == 3
    assert p.unanswered_follow_ups == 0
    assert a.pursuit.people[PARTNER].events == 0
    row = next(r for r in a.to_dict()["weekly"] if r["person"] == "Alex")
    assert row["pursuit"] == 3


def test_unanswered_follow_ups() -> None:
    rows = [("Sam", 0, "hi"), ("Alex", 1, "hey"), ("Alex", 30, "you there?"), ("Alex", 90, "hello??")]
    p = run(rows).pursuit.people[ME]
    assert p.follow_ups == 2 and p.unanswered_follow_ups == 2


def test_pursue_withdraw_cycle_found_in_the_right_weeks() -> None:
    rows: list[tuple[str, float, str]] = []
    tense = {2, 3, 5}
    for week in range(8):
        t = week * 7 * 24 * 60.0
        for _ in range(6):
            if week in tense:
                rows += [
                    ("Alex", t, "we need to talk"),
                    ("Alex", t + 30, "hello??"),
                    ("Alex", t + 60, "answer me"),
                    ("Sam", t + 180, "busy"),
                ]
            else:
                rows += [
                    ("Alex", t, "how did the meeting go today with the team"),
                    ("Sam", t + 2, "it went really well and we finished the plan early"),
                ]
            t += 300
    a = run(rows)
    cyc = a.pursuit.cycle
    assert cyc.pursuer == "Alex" and cyc.withdrawer == "Sam"
    assert cyc.cycle_weeks == ("2024-W12", "2024-W13", "2024-W15")
    assert cyc.score == pytest.approx(3 / 8)
    assert a.to_dict()["measures"]["pursuit"]["cycle"]["cycle_weeks"] == ["2024-W12", "2024-W13", "2024-W15"]
    assert a.summary()["pursue_withdraw"]["cycle_weeks"] == 3
    assert any(f.principle == "give-room" for f in a.priorities)


def test_no_cycle_when_calm() -> None:
    rows = alternate(FILLER_A * 4, FILLER_B * 4)
    cyc = run(rows).pursuit.cycle
    assert cyc.pursuer is None and cyc.cycle_weeks == ()


# -- listening ---------------------------------------------------------------------------------------------
def test_listening_outcomes() -> None:
    rows = [
        ("Sam", 0, "I feel so lonely lately"),
        ("Alex", 1, "it sounds like you were exhausted"),  # listened
        ("Sam", 10, "I'm so worried about my dad"),
        ("Alex", 11, "you should just quit"),  # fixed
        ("Sam", 20, "I had a rough day at work and I feel so stressed"),
        ("Alex", 21, "ok"),  # neutral
        ("Sam", 30, "when I was a kid I was scared"),
        ("Alex", 30 + 600, "hm"),
    ]  # missed
    a = run(rows)
    lis = a.listening
    assert lis.partner_disclosures == 4
    assert lis.outcomes == {"listened": 1, "neutral": 1, "fixed": 1, "missed": 1}
    assert lis.listened_pct == pytest.approx(100 / 3, abs=0.1)
    assert lis.good_moves["reflection"] == 1 and lis.harmful_moves["advice"] == 1
    assert a.evidence_ids("listen.fixed") == ["m3", "m4"]


def test_question_style() -> None:
    rows = alternate(
        ["how was your day?", "how do you feel about it?", "what did your boss say?"], ["ok"] * 3
    )
    q = run(rows).listening.questions
    assert q == Questions(thoughts_or_events=1, feelings_or_generic=2)
    assert q.to_dict() == {"principle": "thoughts-first", "thoughts_or_events": 1, "feelings_or_generic": 2}


# -- small wins --------------------------------------------------------------------------------------------
def test_small_wins_above_rolling_baseline() -> None:
    rows = alternate(["ok"] * 12, ["fine"] * 12)
    rows += [
        ("Sam", 100, "I feel so lonely lately"),
        ("Alex", 101, "that must have been hard"),
        ("Sam", 110, "I'm so worried about my dad"),
    ]  # deeper than baseline, but Alex never answers
    a = run(rows, params=Params(baseline_min=10))
    assert a.small_wins.count == 2
    assert a.small_wins.outcomes["listened"] == 1 and a.small_wins.outcomes["missed"] == 1
    listed = a.to_dict()["small_wins"]
    assert [w["msg_id"] for w in listed] == ["m25", "m27"]
    assert listed[0]["sender"] == "Sam" and listed[0]["text"] == "I feel so lonely lately"


def test_no_small_wins_without_enough_baseline() -> None:
    rows = [("Sam", 0, "I feel so lonely lately"), ("Alex", 1, "that must have been hard")]
    assert run(rows).small_wins.count == 0


def test_small_wins_relative_to_own_usual() -> None:
    # A partner who always shares: sharing at their usual depth is not a win.
    rows = alternate(["ok"] * 14, ["I feel so lonely lately"] * 14)
    assert run(rows).small_wins.count == 0


# -- leverage ----------------------------------------------------------------------------------------------
def test_leverage_linked_to_earlier_disclosure() -> None:
    rows = [
        ("Sam", 0, "my dad left when I was a kid and I still feel hurt"),
        ("Alex", 1, "I'm sorry"),
        ("Sam", 600, "you forgot again"),
        ("Alex", 601, "no wonder your dad left"),
    ]
    a = run(rows)
    lev = a.leverage.people[ME]
    assert lev == LeveragePerson(messages=1, linked=1)
    assert a.evidence_ids("leverage.0") == ["m1", "m4"]
    assert a.priorities[0].principle == "no-leverage"


def test_leverage_without_earlier_disclosure_is_still_counted() -> None:
    rows = [("Sam", 0, "you forgot again"), ("Alex", 1, "that's why you're so insecure")]
    assert run(rows).leverage.people[ME].to_dict() == {"messages": 1, "linked": 0}


# -- the records -------------------------------------------------------------------------------------------
def test_measure_records_are_frozen() -> None:
    a = run(alternate(FILLER_A, FILLER_B))
    records = [
        a.ratio, a.ratio.people[ME], a.bids, a.bids.people[ME], a.pursuit, a.pursuit.people[ME], a.pursuit.cycle,
        *a.pursuit.cycle.directions, a.leverage, a.leverage.people[ME], a.openness, a.openness.per_person[ME],
        a.openness.partner_trend, a.listening, a.listening.questions, a.reciprocity, a.safety,
    ]
    for record in records:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, dataclasses.fields(record)[0].name, None)
