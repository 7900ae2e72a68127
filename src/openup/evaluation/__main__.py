"""`python -m openup.evaluation [--data DIR] [--out FILE] [--limit N] [--no-model]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from openup.evaluation import run_and_write
from openup.evaluation.summary import summary_lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m openup.evaluation", description=__doc__)
    parser.add_argument("--data", type=Path, default=None, help="data folder (default $OPENUP_DATA or ../shared/data)")
    parser.add_argument("--out", type=Path, default=Path("docs/accuracy.md"), help="markdown report to write")
    parser.add_argument("--limit", type=int, default=None, help="at most N texts per dataset")
    parser.add_argument("--no-model", action="store_true", help="lexical tier only")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be a positive number")
    from openup.commands.progress import progress_bar

    with progress_bar() as bar:
        result = run_and_write(args.data, args.out, args.limit, False if args.no_model else None,
                               progress=bar.steps("Evaluating"))
    if result is not None:
        for line in summary_lines(result):
            print(line)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
