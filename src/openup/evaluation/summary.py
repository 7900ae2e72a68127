"""A short plain-text summary of an evaluation for the terminal."""

from __future__ import annotations

from openup.evaluation.run import Evaluation


def summary_lines(ev: Evaluation) -> list[str]:
    """One line per (dataset, kind) for the lexical tier, then politeness accuracy."""
    lines: list[str] = []
    if ev.blind is not None:
        from openup.evaluation.blind import blind_summary_lines

        lines += [*blind_summary_lines(ev.blind), ""]
    if ev.blind_replies is not None:
        r = ev.blind_replies
        lines += [f"  replies: named feelings that fit {r.named_acceptable}/{r.named}, what happened echoed "
                  f"{r.echoed}/{r.events}, guarded left unnamed {r.guarded - r.guarded_named}/{r.guarded}", ""]
    lines += [f"{'dataset':<30} {'kind':<28} {'n':>6} {'pos':>5} {'P':>5} {'R':>5} {'F1':>5}"]
    for r in ev.rows:
        if r.tier == "lexical" and r.dataset != "openup suite":
            lines.append(
                f"{r.dataset:<30} {r.kind:<28} {r.n:>6} {r.positives:>5} {r.precision:>5.2f} {r.recall:>5.2f} "
                f"{r.f1:>5.2f}"
            )
    for p in ev.politeness:
        lines.append(f"{p.dataset:<30} {'politeness rule (' + p.tier + ')':<28} {p.n:>6} accuracy {p.accuracy:.1%}")
    lines.append(f"({ev.seconds:.0f} s)")
    return lines
