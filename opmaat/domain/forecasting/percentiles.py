"""Percentiles over the last axis, by sorting each row in place.

numpy's `percentile` partitions at all the order statistics it needs in one call, which
on 1,000 draws runs about ten times slower than partitioning at one point (measured on
numpy 2, 117,600 rows). Sorting each row whole is faster still: numpy 2 sorts float32
and float64 with vectorised (AVX-512) code, which on 1,344 rows of 1,000 draws took
1.6 ms in float32 against 4.3 ms for the six single-point partitions (both neighbours of
P10, P50 and P90) this module did before, and 3.3 against 5.7 ms in float64. The
percentile then interpolates linearly between the neighbours, as numpy's default
("linear", Hyndman and Fan type 7) does.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from opmaat.domain.forecasting.model import FloatArray


def percentiles(values: FloatArray, levels: Sequence[float]) -> FloatArray:
    """`[len(levels), *values.shape[:-1]]`; `values` is sorted in place along its last
    axis. A row of equal values gives that value exactly."""
    rows = values.reshape(-1, values.shape[-1])
    n = rows.shape[1]
    rows.sort(axis=1)
    result = np.empty((len(levels), rows.shape[0]), dtype=np.float64)
    for i, level in enumerate(levels):
        h = (n - 1) * level / 100.0
        # In float64 whatever the values' precision, so the levels stay ordered.
        low = rows[:, int(h)].astype(np.float64)
        high = rows[:, min(int(h) + 1, n - 1)].astype(np.float64)
        result[i] = low + (high - low) * (h - int(h))
    return result.reshape(len(levels), *values.shape[:-1])
