"""Train the feelings reader: for each feeling word a listener might say back ("frustrated", "left out",
"proud"), the probability that the partner would agree it fits their message.

    python scripts/train_feelings.py            # train, measure by cross-validation, write feelings.npz
    python scripts/train_feelings.py --dry-run  # measure only

Data (all permissive or ours):
- `train_data/feelings/*.jsonl`: partner messages written and labelled by helpers who saw only the
  vocabulary, never openup's templates or the blind sets (`acceptable` and `wrong` words per line);
- `tests/data/blind/replies.dev.jsonl`: the blind dev half (its writers listed feelings in their own
  words; only those in the vocabulary count). The test half is never read here;
- GoEmotions train split (Apache-2.0), its labels mapped to the vocabulary, at a low weight.
  (`written_e.jsonl` is mostly quiet good news and small wins, guarded answers that say a little, and hard
  news told flatly or with a joke: data for the two attribute heads below.)

Two more heads read the whole message, group "attribute": `good_news` and `guarded` (the writers' labels),
each with the lowest cut-off at which enough of what it flags carried the label (ATTRIBUTE_PRECISION).

The target is "the partner would list this exact word as fitting", so an unlisted word is a negative and a
word listed as wrong is a heavier one. One logistic head per word over the shipped encoder's sentence
vector (`Heads`, group "feeling"), calibrated by Platt scaling on out-of-fold scores. The naming cut-off is
chosen by cross-validation: the lowest probability at which the top word is one the writer listed on at
least `--precision` of the lines where a word is named.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_heads import data_dir, embed_all, fit_logreg, fit_platt, load_goemotions  # noqa: E402

from openup.coach.feelings import vocabulary  # noqa: E402
from openup.text.model.heads import FEELING_HEADS_FILE as OUT  # noqa: E402
from openup.text.model.heads import Heads, token_columns  # noqa: E402

OWN = ROOT / "src" / "openup" / "text" / "model" / "train_data" / "feelings"
BLIND_DEV = ROOT / "tests" / "data" / "blind" / "replies.dev.jsonl"
CACHE = Path("/tmp/openup-train-cache")

# GoEmotions label -> the vocabulary words a listener could say for it.
GOEMOTIONS = {
    "anger": ("angry", "frustrated"),
    "annoyance": ("annoyed", "frustrated"),
    "disappointment": ("disappointed",),
    "sadness": ("sad",),
    "grief": ("heartbroken", "sad"),
    "embarrassment": ("embarrassed",),
    "nervousness": ("nervous", "anxious", "worried"),
    "fear": ("scared", "worried"),
    "remorse": ("guilty",),
    "confusion": ("confused",),
    "surprise": ("surprised",),
    "relief": ("relieved",),
    "pride": ("proud",),
    "joy": ("happy",),
    "excitement": ("excited", "happy"),
    "gratitude": ("grateful",),
    "optimism": ("hopeful",),
}
GOEMO_WEIGHT = 0.02  # the shipped feelings.npz was trained with these two defaults
WRONG_WEIGHT = 3.0
L2 = 0.03


def _rows(path: Path, writer_key: str = "acceptable") -> list[dict[str, object]]:
    out = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            ok = r.get(writer_key, r.get("acceptable_feelings", []))
            bad = r.get("wrong", r.get("wrong_feelings", []))
            out.append({"text": r["text"], "ok": [str(w).lower() for w in ok], "bad": [str(w).lower() for w in bad],
                        "guarded": bool(r.get("guarded")), "good_news": bool(r.get("good_news")),
                        "source": path.stem})
    return out


def load_own() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in sorted(OWN.glob("*.jsonl")):
        rows += _rows(path)
    if BLIND_DEV.is_file():
        rows += _rows(BLIND_DEV, "acceptable_feelings")
    return rows


def matrix(rows: list[dict[str, object]], words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(y, w): 1 where the word was listed as fitting; weight WRONG_WEIGHT where listed as wrong."""
    pos = {w: i for i, w in enumerate(words)}
    y = np.zeros((len(rows), len(words)), dtype=np.float32)
    wt = np.ones((len(rows), len(words)), dtype=np.float32)
    for r_i, r in enumerate(rows):
        for w in r["ok"]:  # type: ignore[attr-defined]
            if w in pos:
                y[r_i, pos[w]] = 1.0
        for w in r["bad"]:  # type: ignore[attr-defined]
            if w in pos:
                wt[r_i, pos[w]] = WRONG_WEIGHT
    return y, wt


def fit_all(x: np.ndarray, y: np.ndarray, wt: np.ndarray, l2: float) -> tuple[np.ndarray, np.ndarray]:
    ws, bs = [], []
    for j in range(y.shape[1]):
        w, b = fit_logreg(x, y[:, j], wt[:, j], l2)
        ws.append(w)
        bs.append(b)
    return np.stack(ws), np.array(bs, dtype=np.float32)


# Of the messages an attribute head flags, the writers' share that agrees: good news (with a tone that is not
# hard on top: see coach/reading.py), and guarded answers (a message taken for guarded is answered with room
# and nothing else, so a real share misread as guarded costs more).
# Good news: 0.9, since a celebration of news that was not good (cheer at a setback) hurts more than a missed
# celebration, which still gets a reflection and a question (0.8 before; the issue's aim is 100%).
ATTRIBUTE_PRECISION = {"good_news": 0.9, "guarded": 0.95}


def attribute_head(label: str, x: np.ndarray, rows: list[dict[str, object]], fold: np.ndarray, folds: int,
                   l2: float) -> tuple[np.ndarray, float, float, float, dict[str, float]]:
    """One logistic head for a writers' label of the whole message ("good_news": the partner is sharing good
    news; "guarded": a guarded or minimal answer), with its cut-off: the lowest out-of-fold probability at
    which >= ATTRIBUTE_PRECISION[label] of the messages it flags carried the label. Returns weights, bias,
    Platt a and b, and the out-of-fold figures."""
    y = np.array([bool(r[label]) for r in rows], dtype=np.float32)
    ones = np.ones_like(y)
    z = np.zeros_like(y)
    for k in range(folds):
        tr, te = fold != k, fold == k
        w, b = fit_logreg(x[tr], y[tr], ones[tr], l2)
        z[te] = x[te] @ w + b
    a, b_ = fit_platt(z, y)
    p = 1.0 / (1.0 + np.exp(-np.clip(a * z + b_, -35, 35)))
    cut = NEVER
    for c in np.arange(0.30, 0.99, 0.01):
        chosen = p >= c
        if chosen.sum() >= MIN_NAMED and y[chosen].mean() >= ATTRIBUTE_PRECISION[label]:
            cut = round(float(c), 2)
            break
    flagged = p >= cut
    stats = {"precision": float(y[flagged].mean()) if flagged.any() else 0.0,
             "recall": float(flagged[y > 0].mean()) if (y > 0).any() else 0.0, "positives": float(y.sum())}
    w, b = fit_logreg(x, y, ones, l2)
    return w, b, float(a), float(b_), {"cut_off": cut, **stats}


MIN_NAMED = 8
NEVER = 2.0  # a cut-off no probability reaches: the word is never named from the reader alone


def per_word_cut_offs(p: np.ndarray, rows: list[dict[str, object]], words: list[str], precision: float) -> np.ndarray:
    """Per word, the lowest cut-off at which the word, when it is the top word, was listed as fitting on at
    least `precision` of at least MIN_NAMED held-out lines (NEVER when no cut-off does)."""
    cuts = np.full(len(words), NEVER)
    top = p.argmax(axis=1)
    best = p.max(axis=1)
    keep = np.array([not r["guarded"] for r in rows])
    for j, w in enumerate(words):
        mask = keep & (top == j)
        if mask.sum() < MIN_NAMED:
            continue
        fits = np.array([w in rows[i]["ok"] for i in np.flatnonzero(mask)])  # type: ignore[operator]
        probs = best[mask]
        for c in np.arange(0.30, 0.99, 0.02):
            chosen = probs >= c
            if chosen.sum() >= MIN_NAMED and fits[chosen].mean() >= precision:
                cuts[j] = round(float(c), 2)
                break
    return cuts


def _folds(n: int, folds: int) -> np.ndarray:
    """Each own line's cross-validation fold (seeded: the full run and `--attributes-only` draw the same)."""
    return np.random.default_rng(7).integers(0, folds, n)


def refit_attributes(own: list[dict[str, object]], folds: int, l2: float, dry_run: bool) -> int:
    """Refit the attribute heads alone and put them in place of those in the shipped file (the word heads,
    which take most of the time, are kept): the same folds and fits as a full run."""
    from openup.text.model.heads import load_heads

    vec = embed_all([str(r["text"]) for r in own], CACHE)
    x_own = np.stack([vec[str(r["text"])] for r in own]).astype(np.float32)
    fold = _folds(len(own), folds)
    heads = load_heads(OUT)
    for label in ATTRIBUTE_PRECISION:
        w, b, a, b_, got = attribute_head(label, x_own, own, fold, folds, l2)
        print(f"{label} head, out of fold: cut-off {got['cut_off']:.2f}, precision {got['precision']:.3f}, "
              f"recall {got['recall']:.3f} of {got['positives']:.0f}")
        j = heads.index(label)
        heads.weights[j], heads.bias[j], heads.platt_a[j], heads.platt_b[j] = w, b, a, b_
        heads.threshold[j] = got["cut_off"]
        heads.meta[label] = got
    if not dry_run:
        heads.save(OUT)
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--precision", type=float, default=0.95)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-goemotions", action="store_true")
    ap.add_argument("--per-word", action="store_true")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--attributes-only", action="store_true",
                    help="refit only the attribute heads (good_news, guarded) into the existing file")
    ap.add_argument("--goemo-weight", type=float, default=GOEMO_WEIGHT)
    args = ap.parse_args(argv)

    words = list(vocabulary())
    own = load_own()
    if args.attributes_only:
        return refit_attributes(own, args.folds, args.l2, args.dry_run)
    goemo = [] if args.no_goemotions else [
        it for it in load_goemotions(data_dir(args.data)) if it.split == "train"
    ]
    print(f"own lines {len(own)}, goemotions {len(goemo)}, words {len(words)}")
    vec = embed_all([str(r["text"]) for r in own] + [it.text for it in goemo], CACHE)
    x_own = np.stack([vec[str(r["text"])] for r in own]).astype(np.float32)
    y_own, w_own = matrix(own, words)
    if goemo:
        x_go = np.stack([vec[it.text] for it in goemo]).astype(np.float32)
        y_go = np.zeros((len(goemo), len(words)), dtype=np.float32)
        for i, it in enumerate(goemo):
            for label in it.labels:
                for w in GOEMOTIONS.get(label, ()):
                    y_go[i, words.index(w)] = 1.0
        w_go = np.full_like(y_go, args.goemo_weight)
    else:
        x_go = np.zeros((0, x_own.shape[1]), dtype=np.float32)
        y_go = w_go = np.zeros((0, len(words)), dtype=np.float32)

    # Out-of-fold logits over our own lines (folds by line; GoEmotions always trains).
    fold = _folds(len(own), args.folds)
    z = np.zeros_like(y_own)
    for k in range(args.folds):
        tr, te = fold != k, fold == k
        w, b = fit_all(
            np.vstack([x_own[tr], x_go]), np.vstack([y_own[tr], y_go]), np.vstack([w_own[tr], w_go]), args.l2
        )
        z[te] = x_own[te] @ w.T + b
    # One Platt scaling shared by all words: many words have few positives of their own.
    a, b_ = fit_platt(z.ravel(), y_own.ravel())
    pa = np.full(len(words), a, dtype=np.float32)
    pb = np.full(len(words), b_, dtype=np.float32)
    p = 1.0 / (1.0 + np.exp(-np.clip(pa * z + pb, -35, 35)))

    if args.per_word:
        stats: dict[str, list[int]] = {}
        for i, r in enumerate(own):
            j = int(p[i].argmax())
            if r["guarded"] or p[i, j] < 0.4:
                continue
            st = stats.setdefault(words[j], [0, 0])
            st[0] += 1
            st[1] += words[j] in r["ok"]  # type: ignore[operator]
        for w_, (n_, ok_) in sorted(stats.items(), key=lambda kv: -kv[1][0]):
            print(f"    {w_:14s} top {n_:4d}  fits {ok_ / n_:.2f}")
    cuts = per_word_cut_offs(p, own, words, args.precision)
    named = ok = bad = 0
    by_source: dict[str, list[int]] = {}
    for i, r in enumerate(own):
        if r["guarded"]:
            continue
        j = int(p[i].argmax())
        s = by_source.setdefault(str(r["source"]), [0, 0, 0])
        s[0] += 1
        if p[i, j] >= cuts[j]:
            named += 1
            ok += words[j] in r["ok"]  # type: ignore[operator]
            bad += words[j] in r["bad"]  # type: ignore[operator]
            s[1] += 1
            s[2] += words[j] in r["ok"]  # type: ignore[operator]
    print(f"per-word cut-offs (top word listed as fitting >= {args.precision:.0%} out of fold, >= {MIN_NAMED} lines):")
    for w_, c_ in zip(words, cuts, strict=True):
        if c_ <= 1.0:
            print(f"  {w_}: {c_:.2f}")
    print(f"out of fold: named {named} of {sum(v[0] for v in by_source.values())} lines; "
          f"fits {ok / max(named, 1):.3f}, wrong {bad / max(named, 1):.3f}")
    for s_, (n, nm, k) in sorted(by_source.items()):
        print(f"  {s_}: {n} lines, named {nm}, fits {k}")
    cut = float(cuts.min())
    attributes = {label: attribute_head(label, x_own, own, fold, args.folds, args.l2)
                  for label in ATTRIBUTE_PRECISION}
    for label, (*_, got) in attributes.items():
        print(f"{label} head, out of fold: cut-off {got['cut_off']:.2f}, precision {got['precision']:.3f}, "
              f"recall {got['recall']:.3f} of {got['positives']:.0f}")
    if args.dry_run:
        return 0
    w, b = fit_all(np.vstack([x_own, x_go]), np.vstack([y_own, y_go]), np.vstack([w_own, w_go]), args.l2)
    heads = Heads(
        names=(*words, *attributes),
        groups=(*("feeling" for _ in words), *("attribute" for _ in attributes)),
        weights=np.vstack([w, *(h[0][None, :] for h in attributes.values())]).astype(np.float32),
        bias=np.append(b, [h[1] for h in attributes.values()]).astype(np.float32),
        platt_a=np.append(pa, [h[2] for h in attributes.values()]).astype(np.float32),
        platt_b=np.append(pb, [h[3] for h in attributes.values()]).astype(np.float32),
        threshold=np.append(cuts, [h[4]["cut_off"] for h in attributes.values()]).astype(np.float32),
        meta={
            **{label: h[4] for label, h in attributes.items()},
            "trained_on": {"own": len(own), "goemotions": len(goemo)},
            "sources": {"own": "openup developers", "goemotions": "Apache-2.0"},
            "cut_off": cut,
            "precision_target": args.precision,
        },
    )
    heads = _with_acts(heads)
    heads.save(OUT)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


def joined(first: Heads, first_rows: list[int], second: Heads, second_rows: list[int],
           meta: dict[str, object]) -> Heads:
    """One bank of linear heads: rows `first_rows` of `first`, then rows `second_rows` of `second`. Token
    weights (`Heads.token_weights`) are kept, with zero rows for the heads that had none."""
    first = first if _reads_tokens(first, first_rows) else replace(first, token_weights=np.zeros((0, 0), np.float32))
    second = second if _reads_tokens(second, second_rows) else replace(
        second, token_weights=np.zeros((0, 0), np.float32))
    bits = max(first.token_bits if first.token_weights.size else 0,
               second.token_bits if second.token_weights.size else 0)
    if first.token_weights.size and second.token_weights.size and first.token_bits != second.token_bits:
        raise ValueError(f"token features of {first.token_bits} and {second.token_bits} bits cannot be joined")
    tokens = np.zeros((0, 0), dtype=np.float32)
    if first.token_weights.size or second.token_weights.size:
        tokens = np.vstack([_token_rows(first, first_rows, bits), _token_rows(second, second_rows, bits)])
    return Heads(
        token_weights=tokens,
        token_bits=bits if tokens.size else 0,
        names=(*(first.names[i] for i in first_rows), *(second.names[i] for i in second_rows)),
        groups=(*(first.groups[i] for i in first_rows), *(second.groups[i] for i in second_rows)),
        weights=np.vstack([first.weights[first_rows], second.weights[second_rows]]),
        bias=np.concatenate([first.bias[first_rows], second.bias[second_rows]]),
        platt_a=np.concatenate([first.platt_a[first_rows], second.platt_a[second_rows]]),
        platt_b=np.concatenate([first.platt_b[first_rows], second.platt_b[second_rows]]),
        threshold=np.concatenate([first.threshold[first_rows], second.threshold[second_rows]]),
        meta=meta,
    )


def _reads_tokens(heads: Heads, rows: list[int]) -> bool:
    """Whether any of `rows` has a token weight (rows of zeros are dropped, whatever bits they were made for)."""
    return bool(heads.token_weights.size) and bool(np.any(heads.token_weights[rows]))


def _token_rows(heads: Heads, rows: list[int], bits: int) -> np.ndarray:
    if heads.token_weights.size:
        return heads.token_weights[rows]
    return np.zeros((len(rows), token_columns(bits)), dtype=np.float32)


def _with_acts(heads: Heads) -> Heads:
    """`heads` with the act heads of the shipped file kept (`scripts/train_acts.py` adds them to this file)."""
    from openup.text.model.heads import load_heads

    if not OUT.is_file():
        return heads
    old = load_heads(OUT)
    acts = old.in_group("act")
    if not acts:
        return heads
    meta = {**heads.meta, **({"acts": old.meta["acts"]} if "acts" in old.meta else {})}
    return joined(heads, list(range(len(heads.names))), old, acts, meta)

if __name__ == "__main__":
    raise SystemExit(main())
