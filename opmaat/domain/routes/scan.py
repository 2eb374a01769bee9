"""The best target for each person of a population, vectorised with numpy.

A person's coverage is the fraction of each unit they hold (0..1), so partly held units
count too. A target's remaining hours are then

    remaining[p, t] = sum_u required[t, u] * hours[u] * (1 - coverage[p, u])
                    = needed_total[t] - (coverage @ needed.T)[p, t]

with needed = required * hours. Elective hours and generic subjects the catalog does not
describe are left out: the scan ranks targets by vocational work, `plan_route` gives the
full route for the one chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes.holdings import Credit
from opmaat.domain.routes.target import Requirements, target_of

FloatArray = npt.NDArray[np.float32]
IndexArray = npt.NDArray[np.int32]

# 65,536 persons x 256 units of float32 is 64 MiB in and, for 200 targets, 50 MiB out:
# large enough for BLAS to run at full speed, small enough to stay far from memory limits.
DEFAULT_CHUNK = 65_536


@dataclass(frozen=True, slots=True, eq=False)
class UnitMatrix:
    unit_codes: tuple[str, ...]
    target_codes: tuple[str, ...]
    hours: FloatArray  # [units]
    required: FloatArray  # [targets, units]: the fraction of each unit a target needs

    @classmethod
    def from_catalog(cls, catalog: Catalog, targets: Sequence[str]) -> UnitMatrix:
        """Columns are the catalog's units in catalog order; rows the targets as given."""
        units = tuple(catalog.units)
        column = {code: i for i, code in enumerate(units)}
        required = np.zeros((len(targets), len(units)), dtype=np.float32)
        for row, target in enumerate(targets):
            for code, fraction in required_fractions(catalog, target_of(catalog, target)[1]):
                if code in column:
                    required[row, column[code]] = fraction
        hours = np.array([u.hours for u in catalog.units.values()], dtype=np.float32)
        codes = tuple(catalog.resolve(t) for t in targets)
        return cls(units, codes, hours, required)

    def needed(self) -> FloatArray:
        """Hours each target needs of each unit: required * hours."""
        return (self.required * self.hours).astype(np.float32)

    def remaining_hours(self, coverage: FloatArray, chunk: int = DEFAULT_CHUNK) -> FloatArray:
        """remaining[persons, targets], computed `chunk` persons at a time."""
        needed_t = np.ascontiguousarray(self.needed().T)
        totals = needed_t.sum(axis=0, dtype=np.float32)
        out = np.empty((coverage.shape[0], len(self.target_codes)), dtype=np.float32)
        for begin in range(0, coverage.shape[0], chunk):
            block = np.asarray(coverage[begin : begin + chunk], dtype=np.float32)
            part = out[begin : begin + chunk]
            np.matmul(block, needed_t, out=part)
            np.subtract(totals, part, out=part)
        return out

    def best_targets(
        self, coverage: FloatArray, chunk: int = DEFAULT_CHUNK
    ) -> tuple[IndexArray, FloatArray]:
        """Per person the target with the fewest remaining hours (the first on a tie) and
        those hours, never holding more than one chunk of the persons x targets matrix."""
        needed_t = np.ascontiguousarray(self.needed().T)
        totals = needed_t.sum(axis=0, dtype=np.float32)
        persons = coverage.shape[0]
        best_index = np.empty(persons, dtype=np.int32)
        best_hours = np.empty(persons, dtype=np.float32)
        buffer = np.empty((min(chunk, persons), len(self.target_codes)), dtype=np.float32)
        for begin in range(0, persons, chunk):
            block = np.asarray(coverage[begin : begin + chunk], dtype=np.float32)
            part = buffer[: block.shape[0]]
            np.matmul(block, needed_t, out=part)
            np.subtract(totals, part, out=part)
            index = part.argmin(axis=1)
            best_index[begin : begin + block.shape[0]] = index
            best_hours[begin : begin + block.shape[0]] = part[np.arange(len(index)), index]
        return best_index, best_hours

    def coverage_of(self, catalog: Catalog, credit: Credit) -> FloatArray:
        """One person's coverage row: 1 for a covered unit, else the credited share of its
        outcome hours."""
        return np.array(
            [unit_coverage(catalog, code, credit) for code in self.unit_codes], dtype=np.float32
        )


def required_fractions(catalog: Catalog, requirements: Requirements) -> list[tuple[str, float]]:
    """Per required unit the share of its hours the target needs (1 for a whole unit)."""
    fractions = [(code, 1.0) for code in requirements.generic]
    for code, outcomes in requirements.units:
        unit = catalog.units.get(code)
        if unit is None or unit.hours <= 0 or len(outcomes) == len(unit.outcomes):
            fractions.append((code, 1.0))
        else:
            per_outcome = unit.outcome_hours()
            fractions.append((code, min(sum(per_outcome[o] for o in outcomes) / unit.hours, 1.0)))
    return fractions


def unit_coverage(catalog: Catalog, code: str, credit: Credit) -> float:
    """The share of a unit's hours `credit` covers."""
    unit = catalog.units[code]
    if credit.covers(catalog, code):
        return 1.0
    if unit.hours <= 0:
        return 0.0
    per_outcome = unit.outcome_hours()
    return min(sum(h for o, h in per_outcome.items() if o in credit.outcomes) / unit.hours, 1.0)


def remaining_hours_loop(
    matrix: UnitMatrix, coverage: Sequence[Sequence[float]]
) -> list[list[float]]:
    """The reference: per person, per target, sum the hours of each required unit not held.
    Plain Python, for tests and as the benchmark's peer."""
    needs = [
        [(u, r * h) for u, (r, h) in enumerate(zip(row, matrix.hours.tolist(), strict=True)) if r]
        for row in matrix.required.tolist()
    ]
    return [
        [sum(need * (1.0 - person[u]) for u, need in target) for target in needs]
        for person in coverage
    ]


def best_targets_loop(
    matrix: UnitMatrix, coverage: Sequence[Sequence[float]]
) -> list[tuple[int, float]]:
    """The reference for `best_targets`: (index, hours) per person, the first on a tie."""
    best: list[tuple[int, float]] = []
    for remaining in remaining_hours_loop(matrix, coverage):
        index = min(range(len(remaining)), key=remaining.__getitem__)
        best.append((index, remaining[index]))
    return best
