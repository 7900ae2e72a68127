"""Write the blind reply test set's suggestions for raters, and score their ratings.

    python scripts/reply_rating_items.py write OUT.jsonl     # message + suggestions, no labels
    python scripts/reply_rating_items.py score OUT.jsonl RATINGS.jsonl [RATINGS2.jsonl ...]
    python scripts/reply_rating_items.py pair SHEET.jsonl MAP.json NAME=ITEMS.jsonl NAME2=ITEMS2.jsonl ...
    python scripts/reply_rating_items.py paired MAP.json RATINGS.jsonl [RATINGS2.jsonl ...]

`pair` puts the answers of several versions (each written by `write` from that version's code) into one shuffled
sheet for the same raters: an answer the same in two versions appears once, and nothing in the sheet says which
version wrote it (MAP.json, kept apart from the raters, does). `paired` scores each version under the same raters.
Raters get `tests/data/blind/RATE.md` and the sheet, nothing else.

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


def judged(path: Path) -> dict[int, bool]:
    """One rater's file: per item id, whether the answer was judged fitting, natural and safe."""
    got = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            got[int(r["id"])] = bool(r["fitting"]) and bool(r["natural"]) and bool(r.get("safe", True))
    return got


def score(items: Path, ratings: list[Path]) -> None:
    reg = {json.loads(line)["id"]: json.loads(line)["register"] for line in items.open(encoding="utf-8")}
    per = [judged(path) for path in ratings]
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


def pair(sheet: Path, mapping: Path, versions: list[str], seed: int = 20261206) -> None:
    """One shuffled sheet of the distinct (message, answer) pairs of the versions named NAME=ITEMS.jsonl."""
    import random

    by_answer: dict[tuple[int, str], int] = {}
    rows: list[dict[str, object]] = []
    origin: dict[str, dict[str, int]] = {}
    for spec in versions:
        name, _, path = spec.partition("=")
        origin[name] = {}
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            key = (int(r["id"]), json.dumps(r["suggestions"], ensure_ascii=False))
            if key not in by_answer:
                by_answer[key] = len(rows)
                rows.append({"message": r["message"], "suggestions": r["suggestions"], "register": r["register"]})
            origin[name][str(r["id"])] = by_answer[key]
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    item_of = {row: item for item, row in enumerate(order)}
    with sheet.open("w", encoding="utf-8") as fh:
        for item, row in enumerate(order):
            r = rows[row]
            fh.write(json.dumps({"id": item, "message": r["message"], "suggestions": r["suggestions"]},
                                ensure_ascii=False) + "\n")
    registers = {str(item_of[row]): str(rows[row]["register"]) for row in range(len(rows))}
    versions_map = {name: {i: item_of[row] for i, row in ids.items()} for name, ids in origin.items()}
    mapping.write_text(json.dumps({"versions": versions_map, "registers": registers}), encoding="utf-8")
    print(f"{len(rows)} items in {sheet}")


def paired(mapping: Path, ratings: list[Path]) -> None:
    """Per version: the share of its answers judged fitting, natural and safe by each rater and by all."""
    spec = json.loads(mapping.read_text(encoding="utf-8"))
    per = [judged(path) for path in ratings]
    names = " | ".join(f"rater {k + 1}" for k in range(len(per)))
    print(f"| version | answers | {names} | all raters |")
    print("|---|---|" + "---|" * (len(per) + 1))
    for name, items in spec["versions"].items():
        rated = [i for i in items.values() if all(i in p for p in per)]
        n = max(1, len(rated))
        shares = [sum(p[i] for i in rated) / n for p in per] + [sum(all(p[i] for p in per) for i in rated) / n]
        print(f"| {name} | {len(rated)} | " + " | ".join(f"{v:.1%}" for v in shares) + " |")


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(Path(sys.argv[2]))
    elif sys.argv[1] == "pair":
        pair(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:])
    elif sys.argv[1] == "paired":
        paired(Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
    else:
        score(Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
