"""The vectorised best-target scan agrees with the plain per-person loop."""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt
import pytest

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes import Holdings, plan_route, resolve_credit
from opmaat.domain.routes.scan import UnitMatrix, best_targets_loop, remaining_hours_loop


def random_matrix(rng: np.random.Generator, targets: int, units: int) -> UnitMatrix:
    required = (rng.random((targets, units)) < 0.2).astype(np.float32)
    hours = rng.integers(40, 800, units).astype(np.float32)
    return UnitMatrix(
        tuple(f"U{i}" for i in range(units)),
        tuple(f"T{i}" for i in range(targets)),
        hours,
        required,
    )


def random_coverage(rng: np.random.Generator, persons: int, units: int) -> npt.NDArray[np.float32]:
    held = (rng.random((persons, units)) < 0.3).astype(np.float32)
    partly = rng.random((persons, units)) < 0.05
    return np.where(partly, rng.random((persons, units)), held).astype(np.float32)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_remaining_hours_equal_the_loop_on_random_data(seed: int) -> None:
    rng = np.random.default_rng(seed)
    matrix = random_matrix(rng, targets=12, units=30)
    coverage = random_coverage(rng, persons=50, units=30)
    expected = np.array(remaining_hours_loop(matrix, coverage.tolist()))
    assert np.allclose(matrix.remaining_hours(coverage, chunk=7), expected, atol=0.05)


@pytest.mark.parametrize("seed", [4, 5])
def test_best_targets_equal_the_loop_on_random_data(seed: int) -> None:
    rng = np.random.default_rng(seed)
    matrix = random_matrix(rng, targets=20, units=40)
    coverage = random_coverage(rng, persons=200, units=40)
    index, hours = matrix.best_targets(coverage, chunk=64)
    expected = best_targets_loop(matrix, coverage.tolist())
    assert index.dtype == np.int32 and hours.dtype == np.float32
    assert np.allclose(hours, [h for _, h in expected], atol=0.05)
    assert [int(i) for i in index] == [i for i, _ in expected]


def test_the_scan_agrees_with_the_route_without_electives(mz: Catalog) -> None:
    matrix = UnitMatrix.from_catalog(mz, ["25475", "25477", "cert-b1-k1-part"])
    credit = resolve_credit(mz, Holdings(codes=("25475",), outcomes=("23181-P3-K1-W1",)))
    nothing = np.zeros(len(matrix.unit_codes), dtype=np.float32)
    remaining, from_scratch = matrix.remaining_hours(
        np.stack([matrix.coverage_of(mz, credit), nothing])
    )
    route = plan_route(
        mz, "25477", Holdings(codes=("25475",), outcomes=("23181-P3-K1-W1",)), date(2027, 1, 4), 20
    )
    assert remaining[1] == pytest.approx(route.total_hours - route.elective_hours_missing)
    assert remaining[0] == 0
    assert matrix.target_codes[2] == "CERT-B1-K1-PART"
    assert remaining[2] == 0
    assert from_scratch[2] == pytest.approx(200)  # two of the seven outcomes of B1-K1
