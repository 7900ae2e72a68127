"""Arrow arrays and scalars made straight from their buffers: NumPy arrays, Python strings.

Why: `pyarrow.array` and `pyarrow.scalar` import pandas whenever it is installed, to check for its types;
that costs about 0.15 s and 36 MB, more than writing a million rows. Nothing here imports pandas.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from openup.chats.textfix import utf8

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

def _bitmap(bits: np.ndarray) -> pa.Buffer:
    import numpy as np
    import pyarrow as pa

    return pa.py_buffer(np.packbits(bits, bitorder="little"))


def ints(values: np.ndarray, kind: pa.DataType, missing: np.ndarray | None = None) -> pa.Array:
    """An int32 or int64 array of `values` (converted to that width); rows where `missing` is True are null."""
    import numpy as np
    import pyarrow as pa

    width = np.int64 if kind == pa.int64() else np.int32
    data = np.ascontiguousarray(values, dtype=width)
    validity = _bitmap(~missing) if missing is not None and missing.any() else None
    return pa.Array.from_buffers(kind, len(data), [validity, pa.py_buffer(data)])


def bools(values: np.ndarray) -> pa.Array:
    """A boolean array of a NumPy bool array."""
    import pyarrow as pa

    return pa.Array.from_buffers(pa.bool_(), len(values), [None, _bitmap(values)])


def strings(values: Sequence[str | None], large: bool = False) -> pa.Array:
    """A string (or large_string) array; None is null."""
    import numpy as np
    import pyarrow as pa

    encoded = [b"" if v is None else utf8(v) for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64 if large else np.int32)
    np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)), out=offsets[1:])
    missing = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    validity = _bitmap(~missing) if missing.any() else None
    return pa.Array.from_buffers(
        pa.large_string() if large else pa.string(),
        len(encoded),
        [validity, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))],
    )


def scalar(text: str, large: bool = True) -> pa.Scalar:
    """A large_string (or string) scalar."""
    return strings([text], large)[0]


def flag(value: bool) -> pa.Scalar:
    """A boolean scalar."""
    import numpy as np

    return bools(np.array([value], dtype=bool))[0]
