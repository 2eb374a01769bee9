"""Monte Carlo over the uncertain rates: P10 / P50 / P90 bands of supply and gap.

1. Every uncertain rate of every cell (and every upskilling link) is drawn `draws` times,
   independently, from its own distribution (model.Uncertain) with a numpy Generator
   seeded with `seed`; the same seed gives the same bands.
2. The engine runs all draws at once, in chunks of draws to bound memory.
3. The percentiles are taken per cell and year over the draws. The gap's P10 is the demand
   minus the supply's P90: demand is given, not drawn.
A rate without spread (low = central = high) is drawn as its central value exactly, so a
run without any spread gives the deterministic projection in every percentile.
"""

from __future__ import annotations

import numpy as np

from opmaat.domain.forecasting.engine import run
from opmaat.domain.forecasting.errors import TooManyDraws
from opmaat.domain.forecasting.model import PERCENTILES, Bands, Distribution, FloatArray, Plan
from opmaat.domain.forecasting.rates import (
    DISTRIBUTIONS,
    RateTable,
    arrays,
    cell_table,
    link_table,
)
from opmaat.domain.forecasting.validate import check_plan

MAX_DRAWS = 10_000
# Values per chunk of draws (draws × cells): about 2 million keeps each array near 16 MB,
# inside the caches' reach and far from the machine's memory.
CHUNK_VALUES = 2_000_000
# The standard normal's 90th percentile: `low` and `high` of a NORMAL rate are its P10, P90.
Z90 = 1.2815515655446004
TRIANGULAR = DISTRIBUTIONS.index(Distribution.TRIANGULAR)
NORMAL = DISTRIBUTIONS.index(Distribution.NORMAL)


def simulate(plan: Plan, draws: int, seed: int) -> Bands:
    """The steps above."""
    check_plan(plan)
    if not 1 <= draws <= MAX_DRAWS:
        raise TooManyDraws(draws, MAX_DRAWS)
    supply = simulate_supply(plan, draws, np.random.default_rng(seed))
    levels = np.percentile(supply, PERCENTILES, axis=0)
    bands = {p: levels[i] for i, p in enumerate(PERCENTILES)}
    return Bands(
        cells=plan.cells,
        years=plan.years,
        draws=draws,
        supply=bands,
        gap={p: plan.demand - bands[100 - p] for p in PERCENTILES},
    )


def simulate_supply(plan: Plan, draws: int, rng: np.random.Generator) -> FloatArray:
    """The supply `[d, c, t]` of every draw."""
    cells, links = cell_table(plan), link_table(plan)
    chunk = max(1, CHUNK_VALUES // max(1, len(plan.cells)))
    supply = np.empty((draws, len(plan.cells), plan.horizon + 1), dtype=np.float64)
    for start in range(0, draws, chunk):
        size = min(chunk, draws - start)
        drawn = arrays(plan, draw(cells, size, rng), draw(links, size, rng)[:, 0, :])
        supply[start : start + size] = run(plan, drawn, detail=False).supply
    return supply


def draw(table: RateTable, size: int, rng: np.random.Generator) -> FloatArray:
    """`size` draws of every entry of `table`: `[d, *table.shape]`."""
    shape = (size, *table.central.shape)
    uniform = rng.random(shape)
    values = np.broadcast_to(table.central, shape).copy()
    triangular = np.broadcast_to(table.distribution == TRIANGULAR, shape)
    normal = np.broadcast_to(table.distribution == NORMAL, shape)
    values[triangular] = inverse_triangular(table, uniform)[triangular]
    values[normal] = inverse_normal(table, rng.standard_normal(shape))[normal]
    return values


def inverse_triangular(table: RateTable, uniform: FloatArray) -> FloatArray:
    """The triangular distribution's inverse CDF on [low, high] with mode `central`."""
    low, mode, high = table.low, table.central, table.high
    width = high - low
    below = uniform * width * (mode - low)
    above = (1.0 - uniform) * width * (high - mode)
    split = np.where(width > 0, (mode - low) / np.where(width > 0, width, 1.0), 0.0)
    result: FloatArray = np.where(uniform < split, low + np.sqrt(below), high - np.sqrt(above))
    return result


def inverse_normal(table: RateTable, z: FloatArray) -> FloatArray:
    """A normal around `central` with `low` and `high` as P10 and P90, clipped to [0, 1]."""
    sigma = (table.high - table.low) / (2.0 * Z90)
    result: FloatArray = np.clip(table.central + sigma * z, 0.0, 1.0)
    return result
