"""`python -m bench`: run every `bench/bench_*.py` module that defines `main()`, one after another.

Each module prints its own table (openup beside its peers, measured in the same run). A module that
fails is reported and the others still run; the exit code is 1 if any failed.
"""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def modules(only: list[str] | None = None) -> list[str]:
    """Names of the benchmark modules present, in alphabetical order (optionally filtered)."""
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if only:
        names = [n for n in names if any(o in n for o in only)]
    return names


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    src = HERE.parent / "src"
    if src.is_dir() and str(src) not in sys.path:
        sys.path.insert(0, str(src))
    failed = []
    for name in modules(argv or None):
        module = importlib.import_module(f"bench.{name}")
        entry = getattr(module, "main", None)
        if not callable(entry):
            continue
        print(f"== {name} ==", flush=True)
        began = time.perf_counter()
        saved, sys.argv = sys.argv, [f"bench.{name}"]  # the filter words are ours, not the module's options
        try:
            code = entry()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception:
            traceback.print_exc()
            code = 1
        finally:
            sys.argv = saved
        if code:
            failed.append(name)
        print(f"({name}: {time.perf_counter() - began:.1f} s{', FAILED' if code else ''})\n", flush=True)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
