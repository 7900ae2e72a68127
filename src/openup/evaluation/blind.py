"""Blind sets: messages written by people who never saw openup's patterns, training lines or misses.

`tests/data/blind/` holds three sets (coaching kinds, safety, partner messages for `reply`), each split
by a hash of the text into a *dev* half (read, tuned on) and a *test* half (only scored here; its misses
are never read: once they are, the batch moves to dev and a new one is written). See that folder's
README for who wrote what, and `scripts/add_blind_batch.py` for how a batch is added.

`openup eval` reports these numbers first: per kind, per register, and for safety per level, construct
and register, with false alarms on the hard negatives and on ordinary chat.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openup.evaluation.datasets import REPO_ROOT
from openup.evaluation.metrics import Counts, Recall, macro_f1, score_kinds
from openup.evaluation.readers import (
    AgreedResult,
    agreed_markdown,
    agreed_summary_lines,
    caught,
    counted,
    read_readers,
    score_coaching,
    score_safety,
)

BLIND_DIR = REPO_ROOT / "tests" / "data" / "blind"
LEVEL_RANK = {"none": 0, "concern": 1, "danger": 2}
# What counts as caught, per gold level: danger must be screened as danger; crisis must be flagged
# with the crisis line first; concern must be flagged at all.
SAFETY_TARGETS = {"danger": 0.98, "crisis": 0.98, "concern": 0.95}
FALSE_ALARM_TARGETS = {"hard negatives": 0.02, "ordinary chat": 0.005}
HURT_TARGETS = (0.85, 0.75)  # macro-F1 over the hurting kinds, and no one of them under
HELP_TARGET = 0.85


@dataclass(frozen=True)
class KindRow:
    kind: str
    tier: str
    counts: Counts


@dataclass(frozen=True)
class GroupRow:
    """Micro-averaged counts over a group of kinds (hurts or helps) within one register."""

    register: str
    group: str
    tier: str
    lines: int
    counts: Counts


# The same blind lines typed another way people type (issue #13). A reading that changes with these is reading
# the typing, not the words. Each is one simple rewrite of the whole line.
_NO_APOSTROPHE = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])")
_STOPS = re.compile(r"[.,!?;:]+(?=\s|$)")
TYPINGS: dict[str, Callable[[str], str]] = {
    "curly quotes (a phone's keyboard)": lambda t: t.replace("'", "\u2019").replace('"', "\u201c"),
    "no apostrophes (dont, im)": lambda t: _NO_APOSTROPHE.sub("", t),
    "no punctuation at the ends of words": lambda t: _STOPS.sub("", t),
    "an emoji at the end": lambda t: t + " \U0001F62D",
}


@dataclass(frozen=True)
class TypingRow:
    """The shipped tier's headline numbers on the blind lines rewritten one way (`TYPINGS`)."""

    typing: str
    tier: str
    hurts_f1: float
    helps_f1: float
    caught: dict[str, float]  # gold level -> share caught
    hard_negative_alarms: float


@dataclass
class BlindResult:
    part: str
    tiers: list[str]
    coaching_lines: int = 0
    safety_lines: int = 0
    kinds: list[KindRow] = field(default_factory=list)
    groups: list[GroupRow] = field(default_factory=list)
    levels: list[Recall] = field(default_factory=list)
    constructs: list[Recall] = field(default_factory=list)
    registers: list[Recall] = field(default_factory=list)
    batches: list[Recall] = field(default_factory=list)  # name "N: level"; for level none, hit = flagged
    # (batch, tier, lines, hurts macro-F1, helps macro-F1)
    coaching_batches: list[tuple[str, str, int, float, float]] = field(default_factory=list)
    false_alarms: list[Recall] = field(default_factory=list)
    sarcastic_praise: dict[str, tuple[int, int]] = field(default_factory=dict)  # tier -> (read as praise, n)
    writers: dict[str, int] = field(default_factory=dict)
    typings: list[TypingRow] = field(default_factory=list)
    agreed: AgreedResult | None = None  # the same lines read again by two independent readers (readers.py)

    def kind(self, kind: str, tier: str) -> Counts | None:
        return next((r.counts for r in self.kinds if r.kind == kind and r.tier == tier), None)

    def macro_f1(self, kinds: Sequence[str], tier: str) -> float:
        return macro_f1(c for c in (self.kind(k, tier) for k in kinds) if c is not None)


def read_set(name: str, part: str = "test", folder: Path | None = None) -> list[dict[str, Any]]:
    """The rows of one blind set half (`coaching`, `safety` or `replies`; `dev` or `test`)."""
    path = (folder or BLIND_DIR) / f"{name}.{part}.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def hurt_kinds() -> list[str]:
    """The eight kinds that hurt and that the blind coaching targets name."""
    from openup.method import group

    return list(group("hurtful"))


def help_kinds() -> list[str]:
    from openup.method import kinds_with

    return sorted(kinds_with("helps"))


def coaching_kinds() -> list[str]:
    from openup.method import kinds

    return [k for k, v in kinds().items() if v.polarity != "safety"]


def _predict(texts: Sequence[str], tier: str) -> list[set[str]]:
    from openup.text.detect import detect_many

    return [{s.kind for s in found} for found in detect_many(list(texts), model=(tier == "merged"))]


def _screen(texts: Sequence[str], tier: str) -> list[tuple[str, bool]]:
    """(level, crisis line first) for each text, as `check` and `reply` would screen it."""
    from openup.coach.safety import assess
    from openup.text.detect import detect_many

    out = []
    for text, sigs in zip(texts, detect_many(list(texts), model=(tier == "merged")), strict=True):
        verdict = assess(text, signals=sigs, country="INTL")
        out.append((verdict.level, verdict.crisis))
    return out


def evaluate_coaching(result: BlindResult, rows: list[dict[str, Any]], tier: str) -> list[set[str]]:
    """Score one tier's kinds on the coaching lines into `result`; returns the kinds it read in each line."""
    texts = [r["text"] for r in rows]
    gold = [set(r["kinds"]) for r in rows]
    pred = _predict(texts, tier)
    kinds = coaching_kinds()
    for kind, counts in score_kinds(gold, pred, kinds).items():
        result.kinds.append(KindRow(kind, tier, counts))
    by_register: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_register[str(r.get("register", "?"))].append(i)
    for register, idx in sorted(by_register.items()):
        for group, members in (("hurts", hurt_kinds()), ("helps", help_kinds())):
            per = score_kinds([gold[i] for i in idx], [pred[i] for i in idx], members).values()
            total = Counts(len(idx), sum(c.tp for c in per), sum(c.fp for c in per), sum(c.fn for c in per))
            result.groups.append(GroupRow(register, group, tier, len(idx), total))
    by_batch: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_batch[str(r.get("batch", "?"))].append(i)
    for batch, idx in sorted(by_batch.items(), key=lambda b: (len(b[0]), b[0])):
        hurts, helps = (macro_f1(score_kinds([gold[i] for i in idx], [pred[i] for i in idx], members).values())
                        for members in (hurt_kinds(), help_kinds()))
        result.coaching_batches.append((batch, tier, len(idx), hurts, helps))
    sarcastic = [i for i, r in enumerate(rows) if "contempt" in gold[i] and "appreciation" not in gold[i]]
    result.sarcastic_praise[tier] = (sum("appreciation" in pred[i] for i in sarcastic), len(sarcastic))
    return pred


def evaluate_safety(result: BlindResult, rows: list[dict[str, Any]], tier: str) -> list[tuple[str, bool]]:
    """Score one tier's screen on the safety lines into `result`; returns each line's (level, crisis first)."""
    screened = _screen([r["text"] for r in rows], tier)
    groups: dict[tuple[str, str], list[tuple[bool, bool]]] = defaultdict(list)
    for r, (level, crisis) in zip(rows, screened, strict=True):
        gold = r["level"]
        hit, flagged = caught(gold, level, crisis), level != "none"
        groups[("batch", f"{r.get('batch', '?')}: {gold}")].append((counted(gold, level, crisis), flagged))
        if gold == "none":
            groups[("false", "hard negatives")].append((flagged, flagged))
            continue
        groups[("level", gold)].append((hit, flagged))
        groups[("construct", f"{gold}: {r.get('construct', '?')}")].append((hit, flagged))
        groups[("register", str(r.get("register", "?")))].append((hit, flagged))
    target = {"level": result.levels, "construct": result.constructs, "register": result.registers,
              "false": result.false_alarms, "batch": result.batches}
    for (what, name), hits in sorted(groups.items()):
        target[what].append(Recall(name, tier, len(hits), sum(h for h, _ in hits), sum(f for _, f in hits)))
    return screened


def ordinary_chat(data_dir: Path | None) -> list[tuple[str, list[str]]]:
    """Everyday messages with no sign of danger to count false alarms on: the chat samples' messages and
    the GoEmotions test split."""
    out: list[tuple[str, list[str]]] = []
    samples = REPO_ROOT.parent / "shared" / "chatsamples"
    if samples.is_dir():
        from openup.chats import load_chat
        from openup.errors import UserError

        texts: list[str] = []
        for path in sorted(samples.rglob("*")):
            if path.is_file() and path.name != "target.json" and path.suffix in (".txt", ".json"):
                try:
                    conv = load_chat(path)
                except UserError:
                    continue
                texts += [m.text for m in conv.messages if m.kind == "text" and m.text.strip()]
        if texts:
            out.append(("chat samples (WhatsApp, Telegram, Signal, Instagram)", texts))
    if data_dir is not None:
        path = data_dir / "goemotions" / "test.tsv"
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            out.append(("GoEmotions test split", [x.split("\t")[0] for x in lines if x.split("\t")[0].strip()]))
    return out


def evaluate_blind(
    data_dir: Path | None,
    tiers: Sequence[str] = ("lexical",),
    part: str = "test",
    folder: Path | None = None,
    progress: Callable[[str], None] | None = None,
    typings: bool = False,
) -> BlindResult | None:
    """Score every tier on one half of the blind sets; None when the sets are not there. With `typings`, the
    last tier is scored again on the same lines typed each way in `TYPINGS`."""
    coaching, safety = read_set("coaching", part, folder), read_set("safety", part, folder)
    if not coaching and not safety:
        return None
    say = progress or (lambda _m: None)
    result = BlindResult(part, list(tiers), len(coaching), len(safety))
    result.writers = dict(Counter(str(r.get("writer", "?")) for r in coaching + safety))
    chats = ordinary_chat(data_dir)
    predicted: dict[str, list[set[str]]] = {}
    screened: dict[str, list[tuple[str, bool]]] = {}
    for tier in tiers:
        say(f"blind {part}: {tier} tier on {len(coaching)} coaching and {len(safety)} safety lines")
        predicted[tier] = evaluate_coaching(result, coaching, tier)
        screened[tier] = evaluate_safety(result, safety, tier)
        for name, texts in chats:
            flagged = sum(level != "none" for level, _ in _screen(texts, tier))
            result.false_alarms.append(Recall(f"ordinary chat: {name}", tier, len(texts), flagged, flagged))
    coaching_readers = read_readers(folder or BLIND_DIR, "coaching")
    safety_readers = read_readers(folder or BLIND_DIR, "safety")
    if coaching_readers or safety_readers:
        result.agreed = AgreedResult(part)
        score_coaching(result.agreed, coaching, coaching_readers, coaching_kinds(), predicted)
        score_safety(result.agreed, safety, safety_readers, screened)
    if tiers and typings:
        for name, rewrite in TYPINGS.items():
            say(f"blind {part}: typed with {name}")
            result.typings.append(typing_row(name, rewrite, coaching, safety, tiers[-1]))
    return result


def typing_row(
    name: str, rewrite: Callable[[str], str], coaching: list[dict[str, Any]], safety: list[dict[str, Any]], tier: str
) -> TypingRow:
    """One tier's numbers on the blind lines with every line rewritten by `rewrite`."""
    part = BlindResult("typing", [tier])
    evaluate_coaching(part, [dict(r, text=rewrite(str(r["text"]))) for r in coaching], tier)
    evaluate_safety(part, [dict(r, text=rewrite(str(r["text"]))) for r in safety], tier)
    alarms = next((r.flag_rate for r in part.false_alarms if r.name == "hard negatives"), 0.0)
    return TypingRow(name, tier, part.macro_f1(hurt_kinds(), tier), part.macro_f1(help_kinds(), tier),
                     {r.name: r.rate for r in part.levels}, alarms)


def _pct(x: float) -> str:
    return f"{x:.1%}"


_BATCH_NOTE = "Per batch ({head}); the last batch is the newest, written after every change it is scored on:"


def _batch_rows(res: BlindResult) -> list[str]:
    """Each batch of the set on its own: a batch nobody has tuned against beside the older ones."""
    head = " / ".join(res.tiers)
    numbers = sorted({r.name.split(":")[0] for r in res.batches}, key=lambda b: (len(b), b))
    if len(numbers) < 2:
        return []
    out = ["", _BATCH_NOTE.format(head=head), "",
           "| batch | danger caught | crisis caught | concern caught | hard negatives flagged |",
           "|---|---|---|---|---|"]
    for number in numbers:
        cells = []
        for level in ("danger", "crisis", "concern", "none"):
            rows = [r for r in res.batches if r.name == f"{number}: {level}"]
            cells.append(" / ".join(_pct(r.rate) for r in rows) + f" of {rows[0].n}" if rows else "–")
        out.append(f"| {number} | " + " | ".join(cells) + " |")
    return out


def blind_markdown(res: BlindResult) -> str:
    """The blind section of docs/accuracy.md: what people who never saw the patterns wrote, scored."""
    tiers = res.tiers
    head = " / ".join(tiers)
    out = [
        f"## Blind {res.part} set: text written by people who never saw the detectors",
        "",
        f"{res.coaching_lines} coaching lines and {res.safety_lines} safety lines, the *{res.part}* half of "
        "`tests/data/blind/` (writers saw only the kind definitions; see its README). These are the numbers "
        "to trust; the suites further down were written beside the patterns.",
        "",
        "### Safety screen",
        "",
        f"Caught = danger screened as danger, crisis flagged with the crisis line first, concern flagged at all. "
        f"Targets: danger and crisis >= {SAFETY_TARGETS['danger']:.0%}, concern >= {SAFETY_TARGETS['concern']:.0%}; "
        f"false alarms <= {FALSE_ALARM_TARGETS['hard negatives']:.0%} on hard negatives and "
        f"<= {FALSE_ALARM_TARGETS['ordinary chat']:.1%} on ordinary chat.",
        "",
        f"| gold level | n | caught ({head}) | flagged at any level ({head}) |",
        "|---|---|---|---|",
    ]
    for name in ("danger", "crisis", "concern"):
        rows = [r for r in res.levels if r.name == name]
        if rows:
            caught = " / ".join(_pct(r.rate) for r in rows)
            flagged = " / ".join(_pct(r.flag_rate) for r in rows)
            out.append(f"| {name} | {rows[0].n} | {caught} | {flagged} |")
    out += ["", f"| false alarms on | n | flagged ({head}) |", "|---|---|---|"]
    for name in dict.fromkeys(r.name for r in res.false_alarms):
        rows = [r for r in res.false_alarms if r.name == name]
        out.append(f"| {name} | {rows[0].n} | {' / '.join(_pct(r.rate) for r in rows)} |")
    out += _batch_rows(res)
    out += ["", f"| construct | n | caught ({head}) |", "|---|---|---|"]
    for name in dict.fromkeys(r.name for r in res.constructs):
        rows = [r for r in res.constructs if r.name == name]
        out.append(f"| {name} | {rows[0].n} | {' / '.join(_pct(r.rate) for r in rows)} |")
    out += ["", f"| register (safety) | n | caught ({head}) |", "|---|---|---|"]
    for name in dict.fromkeys(r.name for r in res.registers):
        rows = [r for r in res.registers if r.name == name]
        out.append(f"| {name} | {rows[0].n} | {' / '.join(_pct(r.rate) for r in rows)} |")
    hurts, helps = hurt_kinds(), help_kinds()
    out += [
        "",
        "### Coaching kinds",
        "",
        f"Targets: macro-F1 >= {HURT_TARGETS[0]} over the eight kinds that hurt with none under {HURT_TARGETS[1]}; "
        f">= {HELP_TARGET} over the kinds that help; sarcastic praise never read as appreciation.",
        "",
    ]
    for tier in tiers:
        worst = min((res.kind(k, tier) or Counts(0, 0, 0, 0)).f1 for k in hurts)
        praise, n = res.sarcastic_praise.get(tier, (0, 0))
        out.append(
            f"- {tier}: hurts macro-F1 {res.macro_f1(hurts, tier):.2f} (lowest {worst:.2f}), helps macro-F1 "
            f"{res.macro_f1(helps, tier):.2f}; contempt lines read as appreciation: {praise} of {n}."
        )
    batches = list(dict.fromkeys(b for b, _, _, _, _ in res.coaching_batches))
    if len(batches) > 1:
        out += ["", _BATCH_NOTE.format(head=head), "",
                f"| batch | lines | hurts macro-F1 ({head}) | helps macro-F1 ({head}) |", "|---|---|---|---|"]
        for batch in batches:
            scored_rows = [r for r in res.coaching_batches if r[0] == batch]
            hurt_cells = " / ".join(f"{r[3]:.2f}" for r in scored_rows)
            help_cells = " / ".join(f"{r[4]:.2f}" for r in scored_rows)
            out.append(f"| {batch} | {scored_rows[0][2]} | {hurt_cells} | {help_cells} |")
    out += ["", f"| kind | positives | P ({head}) | R ({head}) | F1 ({head}) |", "|---|---|---|---|---|"]
    for kind in coaching_kinds():
        counts = [c for c in (res.kind(kind, t) for t in tiers) if c is not None]
        if not counts:
            continue
        out.append(
            f"| {kind} | {counts[0].positives} | {' / '.join(f'{c.precision:.2f}' for c in counts)} | "
            f"{' / '.join(f'{c.recall:.2f}' for c in counts)} | {' / '.join(f'{c.f1:.2f}' for c in counts)} |"
        )
    out += ["", f"| register | lines | hurts F1 ({head}) | helps F1 ({head}) |", "|---|---|---|---|"]
    for register in dict.fromkeys(g.register for g in res.groups):
        cells = []
        for group in ("hurts", "helps"):
            found = [g for g in res.groups if g.register == register and g.group == group]
            cells.append(" / ".join(f"{g.counts.f1:.2f}" for g in found))
        lines = next(g.lines for g in res.groups if g.register == register)
        out.append(f"| {register} | {lines} | {cells[0]} | {cells[1]} |")
    out += typings_markdown(res)
    if res.agreed is not None:
        out += agreed_markdown(res.agreed, hurts, helps, coaching_kinds())
    out.append("")
    return "\n".join(out)


def typings_markdown(res: BlindResult) -> list[str]:
    """The blind lines typed other ways: a reading that moves here reads the typing, not the words."""
    if not res.typings:
        return []
    tier = res.typings[0].tier
    base_caught = {r.name: r.rate for r in res.levels if r.tier == tier}
    base_alarm = next((r.flag_rate for r in res.false_alarms if r.tier == tier and r.name == "hard negatives"), 0.0)
    rows = [("as written", res.macro_f1(hurt_kinds(), tier), res.macro_f1(help_kinds(), tier), base_caught,
             base_alarm)]
    rows += [(t.typing, t.hurts_f1, t.helps_f1, t.caught, t.hard_negative_alarms) for t in res.typings]
    out = ["", f"### The same lines typed other ways ({tier})", "",
           "Every line rewritten one way people type; the words are the same, so the readings should be too.", "",
           "| typed with | hurts macro-F1 | helps macro-F1 | danger | crisis | concern | hard-negative alarms |",
           "|---|---|---|---|---|---|---|"]
    for name, hurts, helps, shares, alarm in rows:
        levels = " | ".join(_pct(shares.get(level, 0.0)) for level in ("danger", "crisis", "concern"))
        out.append(f"| {name} | {hurts:.2f} | {helps:.2f} | {levels} | {_pct(alarm)} |")
    return out


def _short(name: str) -> str:
    """A false-alarm set's name for one terminal line: "ordinary chat: GoEmotions test split" -> "GoEmotions"."""
    detail = name.partition(": ")[2]
    return detail.split(" (")[0].removesuffix(" test split") if detail else name


def blind_summary_lines(res: BlindResult) -> list[str]:
    """The headline blind numbers for the terminal."""
    lines = [f"Blind {res.part} set ({res.coaching_lines} coaching, {res.safety_lines} safety lines):"]
    for tier in res.tiers:
        levels = ", ".join(f"{r.name} {r.rate:.0%}" for r in res.levels if r.tier == tier)
        alarms = ", ".join(f"{_short(r.name)} {r.rate:.1%}" for r in res.false_alarms if r.tier == tier)
        lines.append(
            f"  {tier}: safety caught {levels}; false alarms {alarms}; hurts macro-F1 "
            f"{res.macro_f1(hurt_kinds(), tier):.2f}, helps {res.macro_f1(help_kinds(), tier):.2f}"
        )
    if res.agreed is not None:
        lines += agreed_summary_lines(res.agreed, hurt_kinds(), help_kinds())
    return lines


@dataclass
class ReplyScores:
    """`reply()` on the blind partner messages, scored automatically against the writers' labels."""

    part: str
    tier: str = "learned"  # learned (feelings reader on, as shipped) | rules
    lines: int = 0
    named: int = 0  # lines where a feeling was named
    named_acceptable: int = 0  # ... and every named feeling was one the writer listed as fitting
    named_wrong: int = 0  # ... and at least one was listed as wrong
    events: int = 0  # lines where something specific happened
    echoed: int = 0  # ... and the reflection used a word of what happened
    guarded: int = 0
    guarded_named: int = 0  # guarded lines that got a named feeling (should be 0)
    unreflected: int = 0  # lines with something specific that happened whose answer has no reflection (thanks)
    good_news: int = 0  # lines the writer marked as good news
    celebrated: int = 0  # lines whose answer celebrated
    celebrated_good: int = 0  # ... that were good news
    grief: int = 0  # lines about a death or a loss (the writer's topic)
    grief_probing: int = 0  # ... whose question asks them to analyse it ("what do you make of it?")
    by_register: dict[str, list[int]] = field(default_factory=dict)  # register -> [lines, named ok, named]


def _named_feelings(coaching: Any) -> set[str]:
    words = {f.word.casefold() for f in coaching.heard.feelings}
    said = " ".join(s.text.casefold() for s in coaching.suggestions)
    return {w for w in words if w in said}


def echoes(reflection: str, event_words: list[str]) -> bool:
    """Whether `reflection` says back a word of what happened: one of the writer's event words, or a
    content word of one of their phrases ("didnt invite me" is echoed by "didn't invite you").

    >>> echoes("it sounds like jess didn't invite you", ["didnt invite me"]), echoes("that's hard", ["layoffs"])
    (True, False)
    """
    from openup.coach.echo import content_words

    said = reflection.casefold()
    said_words = set(content_words(said))
    return any(phrase.casefold() in said or set(content_words(phrase)) & said_words for phrase in event_words)


def event_phrases(value: object) -> list[str]:
    """A writer's `event_words` as phrases: some writers gave a list of phrases, others the words as one string
    (read whole, never letter by letter: every say-back holds some letter).

    >>> event_phrases("Got the bursary"), event_phrases(["boss", "yelled"]), event_phrases(""), event_phrases(None)
    (['Got the bursary'], ['boss', 'yelled'], [], [])
    """
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    return []


def evaluate_replies_blind(
    part: str = "test", folder: Path | None = None, model: bool | None = None
) -> ReplyScores | None:
    """Template replies on the blind reply set: feelings named, what happened echoed, guarded left light.
    `model`: None runs as shipped (the feelings reader when installed); False, rules alone."""
    from openup.coach.listen import reply
    from openup.errors import UserError
    from openup.text.detect import model_wanted

    rows = read_set("replies", part, folder)
    if not rows:
        return None
    out = ReplyScores(part, tier="learned" if model_wanted(model) else "rules")
    for r in rows:
        try:
            coaching = reply(r["text"], model=model, llm=False)
        except UserError:
            continue
        out.lines += 1
        named = _named_feelings(coaching)
        ok_words = {w.casefold() for w in r.get("acceptable_feelings", [])}
        wrong_words = {w.casefold() for w in r.get("wrong_feelings", [])}
        reg = out.by_register.setdefault(str(r.get("register", "?")), [0, 0, 0])
        reg[0] += 1
        if named:
            out.named += 1
            reg[2] += 1
            if named <= ok_words:
                out.named_acceptable += 1
                reg[1] += 1
            if named & wrong_words:
                out.named_wrong += 1
        if r.get("guarded"):
            out.guarded += 1
            out.guarded_named += bool(named)
        if r.get("event"):
            out.events += 1
            reflect = " ".join(s.text.casefold() for s in coaching.suggestions if s.move == "reflect")
            out.echoed += echoes(reflect, event_phrases(r.get("event_words")))
            out.unreflected += not reflect
        cheered = any(s.move == "celebrate" for s in coaching.suggestions)
        out.good_news += bool(r.get("good_news"))
        out.celebrated += cheered
        out.celebrated_good += cheered and bool(r.get("good_news"))
        if str(r.get("topic", "")).casefold() in GRIEF_TOPICS:
            out.grief += 1
            asked = " ".join(s.text for s in coaching.suggestions if s.move == "ask")
            out.grief_probing += PROBING.search(asked) is not None
    return out


GRIEF_TOPICS = frozenset({"grief", "loss", "death", "bereavement"})
# Questions that ask someone to analyse what happened: fine after a row at work, cold after a death.
PROBING = re.compile(r"behind it|make of|your take|your read|what went through your head|what happened", re.IGNORECASE)


def replies_blind_markdown(res: ReplyScores) -> str:
    def pct(a: int, b: int) -> str:
        return f"{a / b:.0%} ({a} of {b})" if b else "-"

    out = [
        f"### Replies on the blind {res.part} set ({res.lines} partner messages, template path, "
        f"{'feelings reader on, as shipped' if res.tier == 'learned' else 'rules only, no feelings reader'})",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        f"| a named feeling is one the writer listed as fitting | {pct(res.named_acceptable, res.named)} | >= 95% |",
        f"| messages (not guarded) where a feeling is named | {pct(res.named, res.lines - res.guarded)} | - |",
        f"| a named feeling is one the writer listed as wrong | {pct(res.named_wrong, res.named)} | 0% |",
        f"| the reflection echoes what happened | {pct(res.echoed, res.events)} | >= 90% |",
        "| ... of which the answer had no reflection (thanks taken in, or a say-back that retold the message left "
        f"out) | {pct(res.unreflected, res.events)} | - |",
        f"| good news is celebrated | {pct(res.celebrated_good, res.good_news)} | - |",
        f"| what is celebrated is good news | {pct(res.celebrated_good, res.celebrated)} | 100% |",
        f"| after a death or loss, no question asking them to analyse it | "
        f"{pct(res.grief - res.grief_probing, res.grief)} | 100% |",
        f"| guarded messages get no named feeling | {pct(res.guarded - res.guarded_named, res.guarded)} | 100% |",
        "",
        "| register | lines | named feelings that fit |",
        "|---|---|---|",
    ]
    for reg, (n, ok, named) in sorted(res.by_register.items()):
        out.append(f"| {reg} | {n} | {pct(ok, named)} |")
    out.append("")
    return "\n".join(out)
