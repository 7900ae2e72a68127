"""numpy's BLAS on one thread while the heads read a message's few units.

The heads' products are a few rows by a few hundred columns (the safety heads' hidden layer: units x 384 times
384 x 768). OpenBLAS splits a product that size over every core; on the 2-core target that means waking a
worker thread for some 50 microseconds of work, and when the other core is busy (another program, or the
encoder's second thread) waiting for it costs milliseconds: the heads took 1.4 ms a call in `reply()` on a busy
machine against 0.1 ms on one thread, and their spinning worker took the core the encoder's second thread
needed. Every output element is the same dot product either way (OpenBLAS splits rows and columns among threads,
never the sum), so the readings do not change: every reply of the dev sets and the bench was byte-identical.

`one_thread()` sets OpenBLAS to one thread for its block and restores the count after, so a program that
imports openup keeps its own BLAS threads for its own work. Where numpy's BLAS is not an OpenBLAS found in
the process (macOS Accelerate, MKL, a platform without /proc), it does nothing.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# The thread-count functions as OpenBLAS builds name them: numpy's wheels bundle scipy-openblas with its
# symbols prefixed and suffixed, a system OpenBLAS has the plain names.
_NAMES = (
    ("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_"),
    ("scipy_openblas_get_num_threads", "scipy_openblas_set_num_threads"),
    ("openblas_get_num_threads64_", "openblas_set_num_threads64_"),
    ("openblas_get_num_threads", "openblas_set_num_threads"),
)
_MAPS = Path("/proc/self/maps")

Control = tuple[Callable[[], int], Callable[[int], None]]


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries loaded in this process (numpy loads its own on import)."""
    import numpy  # noqa: F401  (numpy loads its BLAS; only then is it in the map)

    try:
        lines = _MAPS.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    paths = {line.split(maxsplit=5)[-1] for line in lines if "openblas" in line.lower()}
    return sorted(p for p in paths if p.startswith("/"))


@functools.cache
def _control() -> Control | None:
    """(get, set) of the loaded OpenBLAS's thread count, or None when there is none to control."""
    for path in _loaded_openblas():
        try:
            lib = ctypes.CDLL(path)  # the library already loaded: the same handle, nothing loaded again
        except OSError:
            continue
        for get_name, set_name in _NAMES:
            get, put = getattr(lib, get_name, None), getattr(lib, set_name, None)
            if get is None or put is None:
                continue
            get.restype, get.argtypes = ctypes.c_int, []
            put.restype, put.argtypes = None, [ctypes.c_int]
            return get, put
    return None


@contextmanager
def one_thread() -> Iterator[None]:
    """numpy's BLAS on the calling thread alone inside the block (about 1 microsecond to set and restore)."""
    control = _control()
    before = control[0]() if control is not None else 1
    if control is None or before <= 1:
        yield
        return
    control[1](1)
    try:
        yield
    finally:
        control[1](before)


__all__ = ["one_thread"]
