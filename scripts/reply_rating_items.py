"""Write the blind reply test set's suggestions for raters, and score their ratings.

    python scripts/reply_rating_items.py write OUT.jsonl     # message + suggestions, no labels
    python scripts/reply_rating_items.py score OUT.jsonl RATINGS.jsonl [RATINGS2.jsonl ...]

Raters see only the partner's message and the suggestions (never the writer's labels, the templates or
openup's code). Each rating line: {"id": ..., "fitting": true|false, "natural": true|false, "safe": true|false}
for the whole answer. `score` prints, per register and overall, the share judged fitting and natural by
each rater and by all of them. It prints numbers only, never a message: the test half stays unread.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def write(out: Path) -> None:
    from openup.coach.listen import reply
    from openup.errors import UserError
    from openup.evaluation.blind import read_set

    with out.open("w", encoding="utf-8") as fh:
        for i, r in enumerate(read_set("replies", "test")):
            try:
                c = reply(r["text"], llm=False)
            except UserError:
                continue
            says = [s.text for s in c.suggestions]
            if c.safety.level != "none" and not says:
                says = ["(openup shows help lines and safety information instead of wording tips)"]
            fh.write(json.dumps({"id": i, "message": r["text"], "suggestions": says,
                                 "register": r.get("register", "?")}, ensure_ascii=False) + "\n")


def score(items: Path, ratings: list[Path]) -> None:
    reg = {json.loads(line)["id"]: json.loads(line)["register"] for line in items.open(encoding="utf-8")}
    per: list[dict[int, bool]] = []
    for path in ratings:
        got = {}
        for line in path.open(encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                got[int(r["id"])] = bool(r["fitting"]) and bool(r["natural"]) and bool(r.get("safe", True))
        per.append(got)
    rows: dict[str, list[int]] = defaultdict(lambda: [0] + [0] * (len(per) + 1))
    for i, register in reg.items():
        if not all(i in p for p in per):
            continue
        for key in (register, "all"):
            row = rows[key]
            row[0] += 1
            for k, p in enumerate(per):
                row[1 + k] += p[i]
            row[-1] += all(p[i] for p in per)
    names = " | ".join(f"rater {k + 1}" for k in range(len(per)))
    print(f"| register | answers | {names} | all raters |")
    print("|---|---|" + "---|" * (len(per) + 1))
    for key in sorted(rows, key=lambda k: (k == "all", k)):
        n, *ok = rows[key]
        print(f"| {key} | {n} | " + " | ".join(f"{v / n:.0%}" for v in ok) + " |")


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(Path(sys.argv[2]))
    else:
        score(Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
