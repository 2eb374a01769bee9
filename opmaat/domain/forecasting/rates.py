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
    """One contiguous array `[d, c]` per rate slot (`slots`, in `cell_uncertains` order),
    and `upskilling[d, l]` for link l from cell `sources[l]` to cell `targets[l]`."""

    slots: list[FloatArray]
    upskilling: FloatArray
    sources: IntArray
    targets: IntArray
    # False leaves out what upskilling brings into a cell (its people still leave the
    # source): for the response of one cell to its own extra starts (needed.py).
    upskilling_in: bool = True

    @property
    def draws(self) -> int:
        return int(self.slots[0].shape[0])

    @property
    def retirement(self) -> list[FloatArray]:  # [a] -> [d, c]
        return self.slots[0:N_BANDS]

    @property
    def leaving(self) -> list[FloatArray]:  # [a]
        return self.slots[N_BANDS : 2 * N_BANDS]

    @property
    def first_year_dropout(self) -> list[FloatArray]:  # [r]
        return self.slots[2 * N_BANDS : 2 * N_BANDS + N_ROUTES]

    @property
    def later_year_dropout(self) -> list[FloatArray]:  # [r]
        return self.slots[2 * N_BANDS + N_ROUTES : 2 * N_BANDS + 2 * N_ROUTES]

    @property
    def switch(self) -> FloatArray:
        return self.slots[SLOTS - 1]


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
    uncertain quantity: a Monte Carlo draw gives all its slots the same value. Cells with
    equal rates (most of a plan: the defaults) are worked out once and then copied."""
    kinds: dict[Rates, int] = {}
    ids = np.asarray([kinds.setdefault(rates, len(kinds)) for rates in plan.rates], np.int64)
    rows: list[list[Uncertain]] = []
    index = np.zeros((len(kinds), SLOTS), dtype=np.int64)
    for i, rates in enumerate(kinds):
        seen: dict[Uncertain, int] = {}
        for slot, value in enumerate(cell_uncertains(rates)):
            index[i, slot] = seen.setdefault(value, len(seen))
        rows.append(list(seen))
    width = max((len(row) for row in rows), default=0)
    padding = Uncertain(0.0)
    table = rate_table([row + [padding] * (width - len(row)) for row in rows])
    per_cell = RateTable(
        central=table.central[ids],
        low=table.low[ids],
        high=table.high[ids],
        distribution=table.distribution[ids],
    )
    return per_cell, index[ids]


def link_table(plan: Plan) -> RateTable:
    return rate_table([[link.rate for link in plan.upskilling]])


def link_indices(plan: Plan) -> tuple[IntArray, IntArray]:
    index = {cell: i for i, cell in enumerate(plan.cells)}
    sources = [index[link.source] for link in plan.upskilling]
    targets = [index[link.target] for link in plan.upskilling]
    return np.asarray(sources, dtype=np.int64), np.asarray(targets, dtype=np.int64)


def arrays(plan: Plan, slots: list[FloatArray], links: FloatArray) -> RateArrays:
    """Rate arrays from one array `[d, c]` per slot and the links' `[d, l]`."""
    sources, targets = link_indices(plan)
    return RateArrays(slots=slots, upskilling=links, sources=sources, targets=targets)


def central_arrays(plan: Plan) -> RateArrays:
    """The one-draw rate arrays of the deterministic run."""
    central = cell_table(plan).central
    slots = [np.ascontiguousarray(central[np.newaxis, :, j]) for j in range(SLOTS)]
    return arrays(plan, slots, link_table(plan).central)
