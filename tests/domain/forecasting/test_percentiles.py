"""The bands' percentiles agree with numpy's default (linear) percentiles."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from opmaat.domain.forecasting.model import FloatArray
from opmaat.domain.forecasting.percentiles import percentiles

LEVELS = (10, 50, 90)


@given(
    arrays(
        np.float64, st.tuples(st.integers(1, 4), st.integers(1, 60)), elements=st.floats(-1e6, 1e6)
    ),
    st.lists(st.floats(0, 100), min_size=1, max_size=4),
)
def test_percentiles_agree_with_numpy_linear(values: FloatArray, levels: list[float]) -> None:
    expected = np.percentile(values, levels, axis=-1)
    np.testing.assert_allclose(percentiles(values.copy(), levels), expected, rtol=1e-12, atol=1e-6)


@given(st.floats(-1e6, 1e6), st.integers(1, 50))
def test_a_row_of_equal_values_gives_that_value_exactly(value: float, draws: int) -> None:
    assert np.all(percentiles(np.full((3, draws), value), LEVELS) == value)


def test_a_thousand_draws_take_both_neighbours_of_each_percentile() -> None:
    values = np.arange(1000, dtype=np.float64)[::-1].copy()
    assert list(percentiles(values, LEVELS)) == [99.9, 499.5, 899.1]
