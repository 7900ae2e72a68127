"""Have every line of a blind half read again by two independent readers (`openup.evaluation.readers`).

    python scripts/blind_readers.py pack test /tmp/readers     # one folder per reader: LABEL.md + lines.jsonl
    (give each folder to one fresh helper: "read LABEL.md in your folder and follow it")
    python scripts/blind_readers.py collect test /tmp/readers  # -> tests/data/blind/readers/{set}.jsonl

Each set's lines (coaching, safety) are shuffled and cut into two chunks; each chunk goes to two readers, so
every line is read twice and no reader sees more than half of a set. A packet holds only an id (`text_id`)
and the text: never the writer's labels, the register, the construct, or openup's reading. LABEL.md holds the
set's part of `tests/data/blind/KINDS.md` and how to label. `collect` checks that every id came back once per
reader with known labels, and prints counts only: no line is printed, so a test half stays unread. One file
per set holds both halves (rows of lines not collected now are kept), so a retired batch keeps its readers.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from openup.evaluation.blind import BLIND_DIR, coaching_kinds, read_set  # noqa: E402
from openup.evaluation.readers import READERS, SAFETY_LEVELS, text_id  # noqa: E402

SAFETY_KINDS = ("threat", "violence", "control", "fear", "self_harm")
CHUNKS = 2
SEED = 44
INTRO = (
    "openup is a local program that helps a person make it safe for their partner to open up emotionally. It reads\n"
    "short messages (texts, chat lines, things people say) and marks *kinds* in them. You are one of several people\n"
    "who label the same messages independently, so that only what careful readers agree on counts.\n\n"
)
HOW = """
## How to label (read fully)
1. Read ONLY this file and `{folder}/lines.jsonl`. Do not open, list or search anything else on this machine
   (not /work, not the other readers' folders), and do not use the search tools.
2. `lines.jsonl` has one JSON object per line: {{"id": ..., "text": ...}}. Read every message yourself, one at a time,
   and decide its labels by your own judgement as a careful human reader. Do NOT write a program, keyword list or
   rule that guesses labels; python may be used only to write down the judgements you made and to check the file.
3. Write one JSON object per message to `{folder}/out.jsonl`: {fields}
   Append in chunks of 40-60 lines so nothing is lost. Every id must appear exactly once, in any order.
4. {what}
5. When done, check with python that every line parses and that every id of lines.jsonl is there once.
   Finish by printing only the output path and the line count. Nothing else.
"""
SETS = {
    "coaching": (
        '{"id": "...", "kinds": ["criticism", "closed_question"]} (exact kind ids; [] when none is present).',
        "List EVERY kind above that is present in the message (a message can carry several, or none), using the "
        "exact\n   ids. The safety kinds are not asked here. When you are in doubt whether a kind is present, leave "
        "it out.",
    ),
    "safety": (
        '{"id": "...", "level": "danger", "kinds": ["threat", "fear"]} (level: none, concern, danger or crisis;\n'
        "   kinds: exact ids, [] when none).",
        "Give the safety level of the WHOLE message as defined above, and list every safety kind present. Read it "
        "as\n   the person receiving it would: idiom, jokes, games and films are none; oblique or texted signs "
        "still count.",
    ),
}


def definitions(name: str) -> str:
    """The set's part of KINDS.md: the coaching kinds, or the safety kinds and levels."""
    text = (BLIND_DIR / "KINDS.md").read_text(encoding="utf-8")
    rest = "## Kinds that hurt" + text.split("## Kinds that hurt", 1)[1]
    coaching, safety = rest.split("## Safety kinds", 1)
    return coaching if name == "coaching" else "## Safety kinds" + safety


def folders(out: Path, name: str, part: str) -> list[Path]:
    return [out / f"{name}-{part}-{k}" for k in range(2 * CHUNKS)]


def pack(part: str, out: Path) -> None:
    for name, (fields, what) in SETS.items():
        lines = sorted({text_id(str(r["text"])): str(r["text"]) for r in read_set(name, part)}.items())
        random.Random(SEED).shuffle(lines)
        for k, folder in enumerate(folders(out, name, part)):
            folder.mkdir(parents=True, exist_ok=True)
            chunk = lines[k // 2 :: CHUNKS]
            doc = INTRO + definitions(name) + HOW.format(folder=folder, fields=fields, what=what)
            (folder / "LABEL.md").write_text(doc, encoding="utf-8")
            rows = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in chunk)
            (folder / "lines.jsonl").write_text(rows, encoding="utf-8")
            print(f"{folder}: {len(chunk)} lines")


def collect(part: str, out: Path, tag: str) -> int:
    failed = 0
    (BLIND_DIR / READERS).mkdir(exist_ok=True)
    for name in SETS:
        allowed = set(coaching_kinds()) if name == "coaching" else set(SAFETY_KINDS)
        rows: list[dict[str, object]] = []
        short = 0  # this set's lines missing or with unknown labels
        for folder in folders(out, name, part):
            want = [json.loads(x)["id"] for x in (folder / "lines.jsonl").read_text(encoding="utf-8").splitlines()]
            got: dict[str, dict[str, object]] = {}
            path = folder / "out.jsonl"
            for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
                if line.strip():
                    row = json.loads(line)
                    got.setdefault(str(row.get("id")), row)
            missing = [i for i in want if i not in got]
            bad = 0
            for i in want:
                if i not in got:
                    continue
                kinds = got[i].get("kinds") or []
                level = got[i].get("level")
                if not isinstance(kinds, list) or not set(kinds) <= allowed or (
                    name == "safety" and level not in SAFETY_LEVELS
                ):
                    bad += 1
                    continue
                row = {"id": i, "reader": f"{tag}-{folder.name}", "kinds": sorted(set(kinds))}
                if name == "safety":
                    row["level"] = level
                rows.append(row)
            print(f"{folder.name}: {len(want)} lines, {len(missing)} missing, {bad} with unknown labels")
            short += len(missing) + bad
        failed += short
        if short:  # a line read once would be left out of the agreed labels without a word: nothing is written
            print(f"{name}: not written ({short} lines missing or with unknown labels); ask the readers again")
            continue
        target = BLIND_DIR / READERS / f"{name}.jsonl"
        done = {str(r["id"]) for r in rows}
        if target.is_file():  # the other half's rows, and any line not read again now
            for line in target.read_text(encoding="utf-8").splitlines():
                if line.strip() and json.loads(line)["id"] not in done:
                    rows.append(json.loads(line))
        rows.sort(key=lambda r: (str(r["id"]), str(r["reader"])))
        target.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"{target}: {len(rows)} rows")
    return 1 if failed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("pack", "collect"))
    ap.add_argument("part", choices=("dev", "test"))
    ap.add_argument("folder", type=Path)
    ap.add_argument("--tag", default="r", help="prefix of the reader names written by collect")
    args = ap.parse_args()
    if args.action == "pack":
        pack(args.part, args.folder)
        return 0
    return collect(args.part, args.folder, args.tag)


if __name__ == "__main__":
    raise SystemExit(main())
