"""Reply latency: `python -m bench.bench_reply` prints p50/p99 over 2,000 partner texts.

Texts are ESConv seeker turns and GoEmotions first-person texts from ../shared/data (or $OPENUP_DATA).
The template path is timed (no LLM) as shipped: with the learned tier on when it is installed (the safety
check and the feelings reader), as `reply()` runs by default; `OPENUP_MODEL=off` times the lexical tier.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

N = 2000


def _data_dir() -> Path:
    env = os.environ.get("OPENUP_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent
    return here.parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    from openup.coach.listen import reply
    from openup.errors import UserError
    from openup.evaluation.replies import partner_texts
    from openup.text.detect import model_wanted

    n = int((argv or sys.argv[1:] or [N])[0])
    data = _data_dir()
    if not data.is_dir():
        print(f"bench_reply: no data folder at {data} (set OPENUP_DATA)", file=sys.stderr)
        return 2
    texts = [t for _, t, _ in partner_texts(data)]
    texts = (texts * (n // max(1, len(texts)) + 1))[:n]
    reply("warm up: my day was long", llm=False)
    times: list[float] = []
    skipped = 0
    for t in texts:
        start = time.perf_counter()
        try:
            reply(t, llm=False)
        except UserError:
            skipped += 1
            continue
        times.append((time.perf_counter() - start) * 1000)
    times.sort()

    def q(p: float) -> float:
        return times[min(len(times) - 1, int(p * len(times)))]

    rows = [
        ("texts", f"{len(texts)}"),
        ("replied", f"{len(times)} ({skipped} turned away)"),
        ("p50 ms", f"{q(0.50):.2f}"),
        ("p90 ms", f"{q(0.90):.2f}"),
        ("p99 ms", f"{q(0.99):.2f}"),
        ("max ms", f"{times[-1]:.2f}"),
        ("mean ms", f"{statistics.fmean(times):.2f}"),
        ("replies/s", f"{1000 / statistics.fmean(times):.0f}"),
        ("target", "< 20 ms per reply (template path)"),
    ]
    width = max(len(k) for k, _ in rows)
    tier = "learned tier on, as shipped" if model_wanted(None) else "lexical tier only"
    print(f"openup reply latency (templates, {tier})")
    print("-" * (width + 30))
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
