"""Small statistics the measures share: medians, percentiles, correlation, trend."""

from __future__ import annotations

import math
from collections.abc import Sequence


def median(xs: Sequence[float]) -> float | None:
    """The median, or None for no values."""
    if not xs:
        return None
    s = sorted(xs)
    n = len(s)
    mid = n // 2
    return float(s[mid]) if n % 2 else (s[mid - 1] + s[mid]) / 2


def percentile(xs: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) by the nearest-rank method, or None for no values."""
    if not xs:
        return None
    s = sorted(xs)
    rank = max(1, math.ceil(q / 100 * len(s)))
    return float(s[rank - 1])


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson correlation, or None with fewer than 3 pairs or no variation."""
    n = len(xs)
    if n < 3 or n != len(ys):
        return None
    mx = sum(xs) / n
    my = sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return sxy / math.sqrt(sxx * syy)


def slope(ys: Sequence[float]) -> float | None:
    """Least-squares slope of ys against 0..n-1, or None with fewer than 3 points."""
    n = len(ys)
    if n < 3:
        return None
    mx = (n - 1) / 2
    my = sum(ys) / n
    sxx = sum((i - mx) ** 2 for i in range(n))
    return sum((i - mx) * (y - my) for i, y in enumerate(ys)) / sxx


def ratio(a: float, b: float) -> float | None:
    """a / b rounded, or None when b is zero."""
    return round(a / b, 2) if b else None
