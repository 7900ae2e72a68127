"""End-to-end benchmark of `openup analyze`: parse + detect + measures + report, at 10k / 100k / 1M messages.

    python -m bench.bench_analyze                 # 10k, 100k, 1M: as shipped, lexical, chat-miner's parse
    python -m bench.bench_analyze --sizes 10000   # one size
    python -m bench.bench_analyze --model         # as shipped only (--lexical: the lexical tier only)

A two-person conversation is generated from a vocabulary of couple-message templates with variation
(small talk, logistics, questions, news, links, photos, sharing, appreciation, criticism, validation,
advice, pressure), in phases (warm, neutral, tense: one pursues, the other replies later and shorter),
written as a WhatsApp .txt export, then analysed in a fresh subprocess so its peak memory (ru_maxrss)
is its own. Each size runs as shipped (the learned tier and the safety screen on, as `openup analyze` runs
by default) and with the lexical tier alone, beside chat-miner's parse of the same file (its parse only:
the issue's yardstick; `pip install -e '.[bench]'`).
Targets on a 2-core machine: 1M messages under 60 s and under 1.5 GB peak; cost linear in messages.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ME, PARTNER = "Alex", "Sam"

SLOTS: dict[str, list[str]] = {
    "item": [
        "milk",
        "bread",
        "eggs",
        "coffee",
        "oat milk",
        "tomatoes",
        "bin bags",
        "batteries",
        "pasta",
        "wine",
        "the parcel",
        "dog food",
        "toothpaste",
        "bananas",
        "cheese",
        "rice",
        "lemons",
        "flowers",
    ],
    "time": [f"{h}:{m:02d}" for h in range(6, 23) for m in (0, 15, 30, 45)],
    "n": [str(i) for i in range(2, 60)],
    "person": [
        "your mum",
        "my mum",
        "Jo",
        "Chris",
        "the boss",
        "Priya",
        "the landlord",
        "Dana",
        "your brother",
        "my sister",
        "the doctor",
        "Luca",
        "Mika",
        "the neighbours",
        "Kim",
        "Robin",
    ],
    "topic": [
        "the move",
        "work",
        "the holiday",
        "money",
        "your mum's visit",
        "the wedding",
        "the new job",
        "the car",
        "Christmas",
        "the flat",
        "having kids",
        "the diet",
        "the project",
        "my back",
        "the exam",
        "the interview",
        "your sister",
        "the garden",
        "the dog",
        "our weekend",
    ],
    "place": [
        "work",
        "the gym",
        "the office",
        "school",
        "the clinic",
        "the shop",
        "practice",
        "uni",
        "the meeting",
    ],
    "feeling": [
        "tired",
        "stressed",
        "anxious",
        "lonely",
        "happy",
        "excited",
        "worried",
        "overwhelmed",
        "proud",
        "sad",
        "frustrated",
        "nervous",
        "relieved",
        "exhausted",
        "hurt",
        "hopeful",
    ],
    "adj": ["rough", "long", "hard", "great", "weird", "good", "awful", "lovely", "crazy", "tough"],
    "favour": [
        "dinner",
        "picking me up",
        "the coffee",
        "listening",
        "the flowers",
        "sorting the bills",
        "walking the dog",
        "yesterday",
        "being patient",
        "the lovely message",
        "fixing the sink",
    ],
    "bad": [
        "leave your stuff everywhere",
        "ignore me",
        "forget everything",
        "make plans without me",
        "check your phone at dinner",
        "turn everything around on me",
        "do this",
    ],
    "good": ["listen", "help", "call back", "ask about my day", "plan anything", "clean up"],
    "trait": ["lazy", "selfish", "useless", "inconsiderate", "impossible", "childish", "careless"],
    "advice": [
        "talk to your boss",
        "go to bed earlier",
        "ignore them",
        "quit",
        "make a list",
        "see a doctor",
        "stop worrying about it",
        "just tell them",
    ],
    "news": [
        "I got the job",
        "Jo is pregnant",
        "the flat is ours",
        "we won the quiz",
        "my promotion came through",
        "the test came back fine",
        "they liked my design",
        "I passed",
        "the car is fixed",
    ],
    "word": ["recipes", "flats", "holiday", "dogs", "news", "music", "video", "sofa", "plants", "shoes"],
    "emoji": ["", "", "", " 😊", " ❤️", " 😂", " 👍", " 😘", " 🙈", " 😅"],
    "memory": [
        "we never talked about feelings at home",
        "I was scared of the dark",
        "my dad was away a lot",
        "I hid when people argued",
        "I had no one to tell things to",
    ],
}

# Everyday words for free-form chatter, so most longer messages are unique as in real chats.
_WORDS_TEXT = """
about after again all also always and another any around away back bad bag bed been before best
better big bit book bought box break bring brother bus busy but call came can car card cat change
cheap check child city class clean close coat cold come cook cool could couch cousin cup dark day
dinner dishes doctor dog done door down dress drink drive early easy eat else email end enough even
evening ever every fast film find fine finish first fish floor food forgot found friday friend
fridge front full fun game garden gave get gift girl give glass go going gone good got great green
guess guy had half hand happen hat have head hear heavy help here home hope hot hour house idea
inside just keep key kid kind kitchen knew know last late later laundry leave left less let letter
light like line list little long look lost lot lunch made make many market maybe meal mean meet
might mind minute money monday month more morning most move much music must name near need never new
next nice night nothing now number office old once only open order other outside over paid park
party pay people phone pick place plan plane play please plenty point post pretty price quick quiet
rain ready real really remember rent rest ride right road room run said same saturday saw say school
screen season second see seen send set shop short show shower side sign since sister sit sleep slow
small snow some soon sorry sort soup start station stay still stop store story street sunday sure
table take talk taxi tea tell than thing think this thought thursday ticket time tired today told
tomorrow tonight took top town traffic train tried trip tuesday turn wait walk want warm wash watch
water way wear weather wednesday week weekend went were while window with work yesterday yet
"""
WORDS: tuple[str, ...] = tuple(_WORDS_TEXT.split())

# (category, template); slots in braces.
TEMPLATES: dict[str, list[str]] = {
    "chatter": ["{chatter}", "{chatter}{emoji}", "{chatter}?", "so {chatter}", "{chatter}, {chatter}"],
    "small": [
        "ok",
        "ok{emoji}",
        "okay",
        "lol",
        "haha",
        "hahaha",
        "love you",
        "love you{emoji}",
        "on my way",
        "home in {n} min",
        "sounds good",
        "yes",
        "yep",
        "no worries",
        "👍",
        "❤️",
        "night",
        "good morning{emoji}",
        "see you at {time}",
        "running {n} min late",
        "just got home",
        "leaving now",
        "same",
        "sure",
        "can you grab {item} on the way?",
        "we need {item}",
        "got {item}",
        "did you see my text about {item}",
        "back at {time}",
        "cool",
        "nice",
        "xx",
        "miss you",
        "sleep well{emoji}",
        "in a meeting, talk later",
    ],
    "concrete": [
        "what did {person} say about {topic}?",
        "how did the meeting with {person} go?",
        "what happened at {place} today?",
        "what did you have for lunch?",
        "what did you end up doing about {topic}?",
    ],
    "generic": ["how was your day?", "what's up?", "how are you?", "you ok?", "how was it?"],
    "feeling_q": ["how do you feel about {topic}?", "how are you feeling about {topic}?"],
    "thought_q": ["what do you think about {topic}?", "what's your take on {topic}?"],
    "news": [
        "guess what, {news}!",
        "look at this https://example.com/{word}/{n}",
        "did you see {news}?",
        "omg {news}",
        "check this out https://example.com/{word}",
    ],
    "media": ["<Media omitted>"],
    "disclose": [
        "I feel {feeling} about {topic}",
        "I've been worried about {topic}",
        "I had a {adj} day at {place}",
        "honestly I miss {favour}",
        "I'm so {feeling} today",
        "I'm feeling {feeling} about {topic}",
        "when I was a kid {memory}",
        "I need to talk about {topic} at some point{emoji}",
        "it hurts me when we fight about {topic}",
        "I can't stop thinking about {topic}",
    ],
    "appreciate": [
        "thank you for {favour}{emoji}",
        "thanks for {favour}",
        "I really appreciate you",
        "you're amazing{emoji}",
        "you're the best",
        "thank you{emoji}",
    ],
    "criticise": ["you always {bad}", "you never {good}", "you're so {trait}", "why do you always {bad}?"],
    "dismiss": ["calm down", "it's not a big deal", "you're overreacting", "get over it"],
    "contempt": ["whatever 🙄", "wow, genius", "oh please"],
    "validate": [
        "that makes sense",
        "it sounds like you were really {feeling}",
        "that must have been hard",
        "I get why you'd feel that way",
        "of course you're {feeling}, that's a lot",
    ],
    "advise": ["you should just {advice}", "why don't you {advice}?", "just {advice}"],
    "pressure": ["answer me", "we need to talk", "why aren't you answering?", "hello??", "call me now"],
    "leverage": ["no wonder your dad left", "that's why you're so insecure"],
}

# Category weights by (speaker role, phase). Role "me" is Alex, "partner" is Sam.
WEIGHTS: dict[tuple[str, str], dict[str, float]] = {
    ("me", "warm"): {
        "chatter": 45,
        "small": 60,
        "concrete": 5,
        "generic": 3,
        "thought_q": 2,
        "feeling_q": 1,
        "news": 4,
        "media": 5,
        "disclose": 6,
        "appreciate": 6,
        "validate": 5,
        "advise": 1,
        "criticise": 0.5,
    },
    ("me", "neutral"): {
        "chatter": 45,
        "small": 62,
        "concrete": 3,
        "generic": 5,
        "feeling_q": 2,
        "news": 3,
        "media": 5,
        "disclose": 3,
        "appreciate": 3,
        "validate": 2,
        "advise": 4,
        "criticise": 2,
        "dismiss": 1,
    },
    ("me", "tense"): {
        "chatter": 30,
        "small": 45,
        "generic": 5,
        "feeling_q": 4,
        "news": 1,
        "media": 2,
        "disclose": 2,
        "appreciate": 1,
        "advise": 5,
        "criticise": 7,
        "dismiss": 4,
        "contempt": 1.5,
        "pressure": 6,
        "leverage": 0.05,
    },
    ("partner", "warm"): {
        "chatter": 45,
        "small": 62,
        "concrete": 3,
        "news": 5,
        "media": 6,
        "disclose": 6,
        "appreciate": 5,
        "validate": 3,
        "thought_q": 1,
    },
    ("partner", "neutral"): {
        "chatter": 45,
        "small": 70,
        "concrete": 2,
        "news": 4,
        "media": 5,
        "disclose": 3,
        "appreciate": 2,
        "validate": 1,
        "criticise": 1,
    },
    ("partner", "tense"): {
        "chatter": 30,
        "small": 75,
        "news": 1,
        "media": 2,
        "disclose": 1,
        "criticise": 2,
        "dismiss": 1,
        "contempt": 0.5,
    },
}


def _chatter(rnd: random.Random) -> str:
    return " ".join(rnd.choices(WORDS, k=rnd.randint(3, 11)))


def _fill(template: str, rnd: random.Random) -> str:
    out = template
    while "{" in out:
        a = out.index("{")
        b = out.index("}", a)
        slot = out[a + 1 : b]
        value = _chatter(rnd) if slot == "chatter" else rnd.choice(SLOTS[slot])
        out = out[:a] + value + out[b + 1 :]
    return out


def generate_chat(path: Path, n: int, seed: int = 7) -> Path:
    """Write a WhatsApp-style export of about `n` messages between Alex and Sam."""
    rnd = random.Random(seed)
    # Spread the messages over up to ten years: a chatty couple writes a few hundred messages a day.
    weeks = min(520, max(8, n // 400))
    threads_per_day = max(1.0, n / (weeks * 7) / 12)
    thread_gap = max(3.0, 16 * 60 / threads_per_day - 60)  # minutes between threads, on average
    tables = {}
    for key, weights in WEIGHTS.items():
        cats = list(weights)
        tables[key] = (cats, [weights[c] for c in cats])
    t = datetime(2000, 1, 3, 7, 30)  # long chats span many years; start early to stay in the past
    phase = "neutral"
    phase_left = 0
    written = 0
    lines: list[str] = []
    with path.open("w", encoding="utf-8") as fh:
        while written < n:
            if phase_left <= 0:
                phase = rnd.choices(["warm", "neutral", "tense"], [3, 5, 2])[0]
                phase_left = rnd.randint(300, 3000)
            # one thread
            speaker = "me" if rnd.random() < 0.55 else "partner"
            length = max(1, int(rnd.expovariate(1 / 12)))
            for _ in range(length):
                cats, weights = tables[(speaker, phase)]
                cat = rnd.choices(cats, weights)[0]
                text = _fill(rnd.choice(TEMPLATES[cat]), rnd)
                name = ME if speaker == "me" else PARTNER
                lines.append(f"{t:%d/%m/%Y, %H:%M} - {name}: {text}")
                written += 1
                phase_left -= 1
                # who speaks next and after how long
                pursue = phase == "tense" and speaker == "me"
                if rnd.random() < (0.45 if pursue else 0.3):
                    t += timedelta(
                        seconds=rnd.choice([20, 40, 60, 90])
                        if not pursue or rnd.random() < 0.6
                        else rnd.randint(1200, 5400)
                    )
                else:
                    speaker = "partner" if speaker == "me" else "me"
                    slow = phase == "tense" and speaker == "partner"
                    minutes = rnd.lognormvariate(3.2 if slow else 0.9, 1.0)
                    t += timedelta(minutes=min(minutes, 600))
                if written >= n:
                    break
            t += timedelta(minutes=rnd.expovariate(1 / thread_gap))
            if t.hour >= 23 or t.hour < 7:
                t = (t + timedelta(days=1 if t.hour >= 23 else 0)).replace(hour=7, minute=rnd.randint(0, 59))
            if len(lines) >= 20_000:
                fh.write("\n".join(lines) + "\n")
                lines.clear()
        if lines:
            fh.write("\n".join(lines) + "\n")
    return path


def run_once(chat: Path, out_dir: Path, model: bool = False) -> dict[str, float]:
    """Analyse one file end to end in this process; timings per stage and report size."""
    from openup.analysis import analyze, write_report
    from openup.chats import load_chat

    t0 = time.perf_counter()
    conv = load_chat(chat, me=ME)
    t1 = time.perf_counter()
    analysis = analyze(conv, me=ME, model=None if model else False)
    t2 = time.perf_counter()
    paths = write_report(analysis, out_dir)
    t3 = time.perf_counter()
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "messages": len(conv.messages),
        "parse_s": t1 - t0,
        "analyze_s": t2 - t1,
        "report_s": t3 - t2,
        "total_s": t3 - t0,
        "peak_mb": peak_self,
        "worker_peak_mb": peak_children,
        "report_mb": paths["report"].stat().st_size / 1e6,
        "metrics_mb": paths["metrics"].stat().st_size / 1e6,
        "csv_mb": paths["messages"].stat().st_size / 1e6,
        "distinct_texts": len({m.text for m in conv.messages if m.kind == "text"}),
    }


def measure(n: int, workdir: Path, model: bool = False) -> dict[str, float]:
    """Generate a chat of n messages and analyse it in a fresh subprocess."""
    chat = workdir / f"WhatsApp Chat with {PARTNER} {n}.txt"
    if not chat.exists():
        generate_chat(chat, n)
    out = workdir / f"report-{n}"
    cmd = [sys.executable, "-m", "bench.bench_analyze", "--child", str(chat), str(out), *(["--model"] if model else [])]
    res = subprocess.run(
        cmd, check=True, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1]
    )
    return dict(json.loads(res.stdout.strip().splitlines()[-1]))


def peer_parse(chat: Path) -> dict[str, object]:
    """chat-miner's parse of the same file, in a fresh subprocess (`bench_parse`), or why it did not run."""
    from bench.bench_parse import _measure

    return _measure("chat-miner", chat)


TIERS = {"lexical": False, "shipped": True}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--child", nargs=2, metavar=("CHAT", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--model", action="store_true", help="only as shipped, with the learned tier (analyze's default)")
    ap.add_argument("--lexical", action="store_true", help="only the lexical tier (OPENUP_MODEL=off)")
    ap.add_argument("--no-peers", dest="peers", action="store_false", help="leave out chat-miner's parse")
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(run_once(Path(args.child[0]), Path(args.child[1]), args.model)))
        return
    tiers = ["shipped"] if args.model else ["lexical"] if args.lexical else ["shipped", "lexical"]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="openup-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"openup analyze benchmark: as shipped (learned tier and safety on) beside the lexical tier alone and "
          f"chat-miner's parse of the same file; {os.cpu_count()} cores, files in {workdir}")
    head = (
        f"{'messages':>10} {'run':<22} {'parse s':>8} {'analyze s':>9} {'report s':>8} {'total s':>8} {'msgs/s':>9} "
        f"{'peak MB':>8} {'report MB':>9} {'distinct':>9}"
    )
    print(head)
    rows: dict[str, list[dict[str, float]]] = {t: [] for t in tiers}
    for n in args.sizes:
        for tier in tiers:
            r = measure(n, workdir, TIERS[tier])
            rows[tier].append(r)
            print(
                f"{int(r['messages']):>10,} {'openup analyze, ' + tier:<22} {r['parse_s']:>8.1f} "
                f"{r['analyze_s']:>9.1f} {r['report_s']:>8.1f} {r['total_s']:>8.1f} "
                f"{r['messages'] / r['total_s']:>9,.0f} {max(r['peak_mb'], r['worker_peak_mb']):>8.0f} "
                f"{r['report_mb']:>9.2f} {int(r['distinct_texts']):>9,}",
                flush=True,
            )
        if args.peers:
            peer = peer_parse(workdir / f"WhatsApp Chat with {PARTNER} {n}.txt")
            if "seconds" in peer:
                secs, msgs, peak = (float(str(peer[k])) for k in ("seconds", "messages", "peak_mib"))
                print(f"{int(msgs):>10,} {'chat-miner, parse only':<22} {secs:>8.1f} {'':>9} {'':>8} "
                      f"{secs:>8.1f} {msgs / secs:>9,.0f} {peak:>8.0f}", flush=True)
                for tier in tiers:
                    ratio = rows[tier][-1]["total_s"] / secs
                    print(f"{'':>10} openup analyze, {tier}: {ratio:.2f}x chat-miner's parse time", flush=True)
            else:
                print(f"{'':>10} chat-miner: {peer.get('error')} (`pip install -e '.[bench]'`)", flush=True)
    for tier, done in rows.items():
        if len(done) >= 2:
            a, b = done[-2], done[-1]  # the largest two: start-up costs weigh little there
            scale = (b["total_s"] / a["total_s"]) / (b["messages"] / a["messages"])
            print(f"{tier}: cost per message at {int(b['messages']):,} vs {int(a['messages']):,}: x{scale:.2f} "
                  f"(1.00 = linear)")
        for r in done:
            if r["messages"] >= 1_000_000:
                ok = r["total_s"] < 60 and max(r["peak_mb"], r["worker_peak_mb"]) < 1536 and r["report_mb"] < 5
                print(f"{tier}: targets at 1M (<60 s, <1.5 GB, report <5 MB): {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
