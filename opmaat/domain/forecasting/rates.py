"""The rates of a plan as arrays: one row per Monte Carlo draw, one column per cell.

The deterministic run is the one-draw case with every central value, so that a Monte Carlo
run without variance computes exactly the same numbers as `project`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from opmaat.domain.forecasting.model import (
    AGE_BANDS,
    ROUTES,
    Distribution,
    FloatArray,
    Plan,
    Rates,
    Uncertain,
)

IntArray = npt.NDArray[np.int64]
# The columns of one cell's rate table, in order: retirement and leaving per age band,
# first-year and later-year dropout per route, the BOL → BBL switch.
N_BANDS = len(AGE_BANDS)
N_ROUTES = len(ROUTES)
SLOTS = 2 * N_BANDS + 2 * N_ROUTES + 1
DISTRIBUTIONS = tuple(Distribution)


@dataclass(frozen=True, slots=True)
class RateArrays:
    """`retirement[d, c, a]`, `leaving[d, c, a]`, `first_year_dropout[d, c, r]`,
    `later_year_dropout[d, c, r]`, `switch[d, c]`, `upskilling[d, l]` for link l from cell
    `sources[l]` to cell `targets[l]`."""

    retirement: FloatArray
    leaving: FloatArray
    first_year_dropout: FloatArray
    later_year_dropout: FloatArray
    switch: FloatArray
    upskilling: FloatArray
    sources: IntArray
    targets: IntArray
    # False leaves out what upskilling brings into a cell (its people still leave the
    # source): for the response of one cell to its own extra starts (needed.py).
    upskilling_in: bool = True

    @property
    def draws(self) -> int:
        return int(self.switch.shape[0])


def cell_uncertains(rates: Rates) -> tuple[Uncertain, ...]:
    """A cell's rates in slot order."""
    return (
        *rates.retirement,
        *rates.leaving,
        *rates.first_year_dropout,
        *rates.later_year_dropout,
        rates.bol_bbl_switch,
    )


@dataclass(frozen=True, slots=True)
class RateTable:
    """Central, low and high value and distribution per (cell, slot), or per link."""

    central: FloatArray
    low: FloatArray
    high: FloatArray
    distribution: IntArray


def rate_table(uncertains: Sequence[Sequence[Uncertain]]) -> RateTable:
    def column(values: list[list[float]]) -> FloatArray:
        return np.asarray(values, dtype=np.float64)

    return RateTable(
        central=column([[u.central for u in row] for row in uncertains]),
        low=column([[u.lower for u in row] for row in uncertains]),
        high=column([[u.upper for u in row] for row in uncertains]),
        distribution=np.asarray(
            [[DISTRIBUTIONS.index(u.distribution) for u in row] for row in uncertains],
            dtype=np.int64,
        ).reshape(len(uncertains), -1),
    )


def cell_table(plan: Plan) -> RateTable:
    return rate_table([cell_uncertains(rates) for rates in plan.rates])


def distinct_table(plan: Plan) -> tuple[RateTable, IntArray]:
    """Per cell its distinct uncertain figures `[c, k]` (padded with a fixed 0), and for each
    slot the figure it takes `[c, slot]`. A figure that fills several slots of a cell (the
    9 % leaving rate of every age band, the 18 % first-year dropout of BOL and BBL) is one
    uncertain quantity: a Monte Carlo draw gives all its slots the same value."""
    rows: list[list[Uncertain]] = []
    index = np.zeros((len(plan.rates), SLOTS), dtype=np.int64)
    for c, rates in enumerate(plan.rates):
        seen: dict[Uncertain, int] = {}
        for slot, value in enumerate(cell_uncertains(rates)):
            index[c, slot] = seen.setdefault(value, len(seen))
        rows.append(list(seen))
    width = max((len(row) for row in rows), default=0)
    padding = Uncertain(0.0)
    return rate_table([row + [padding] * (width - len(row)) for row in rows]), index


def link_table(plan: Plan) -> RateTable:
    return rate_table([[link.rate for link in plan.upskilling]])


def link_indices(plan: Plan) -> tuple[IntArray, IntArray]:
    index = {cell: i for i, cell in enumerate(plan.cells)}
    sources = [index[link.source] for link in plan.upskilling]
    targets = [index[link.target] for link in plan.upskilling]
    return np.asarray(sources, dtype=np.int64), np.asarray(targets, dtype=np.int64)


def arrays(plan: Plan, cells: FloatArray, links: FloatArray) -> RateArrays:
    """Slice drawn slot values `cells[d, c, slot]` and `links[d, l]` into named arrays."""
    a, r = N_BANDS, N_ROUTES
    sources, targets = link_indices(plan)
    return RateArrays(
        retirement=cells[:, :, 0:a],
        leaving=cells[:, :, a : 2 * a],
        first_year_dropout=cells[:, :, 2 * a : 2 * a + r],
        later_year_dropout=cells[:, :, 2 * a + r : 2 * a + 2 * r],
        switch=cells[:, :, 2 * a + 2 * r],
        upskilling=links,
        sources=sources,
        targets=targets,
    )


def central_arrays(plan: Plan) -> RateArrays:
    """The one-draw rate arrays of the deterministic run."""
    return arrays(plan, cell_table(plan).central[np.newaxis], link_table(plan).central)
