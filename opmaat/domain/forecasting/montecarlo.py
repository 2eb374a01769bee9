"""Monte Carlo over the uncertain rates: P10 / P50 / P90 bands of supply and gap.

1. Every uncertain figure of every cell (and every upskilling link) is drawn `draws` times,
   independently, from its own distribution (model.Uncertain) with numpy Generators
   seeded from `seed`; the same seed gives the same bands. A figure that fills several
   rates of one cell (the leaving rate of every age band) is drawn once for all of them
   (rates.distinct_table).
2. The engine runs the draws in chunks small enough for the processor's cache.
3. The percentiles are taken per cell and year over the draws. The gap's P10 is the demand
   minus the supply's P90: demand is given, not drawn.
A rate without spread (low = central = high) is drawn as its central value exactly, so a
run without any spread gives the deterministic projection in every percentile.

A group of cells with anything to draw runs in float32 (precision): half the memory
traffic of float64, and its rounding (about 1e-7 of a value, some 1e-6 after 20 years)
is far below the sampling error of a percentile of 1,000 draws (a percent or so of the
spread). A group with nothing to draw is the deterministic run and runs in float64, so
that it gives the deterministic projection number for number.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields, replace

import numpy as np
import numpy.typing as npt

from opmaat.domain.forecasting.engine import in_precision, prepare, run_prepared
from opmaat.domain.forecasting.errors import TooManyDraws
from opmaat.domain.forecasting.groups import cell_groups, restrict
from opmaat.domain.forecasting.model import PERCENTILES, Bands, Distribution, FloatArray, Plan
from opmaat.domain.forecasting.percentiles import percentiles
from opmaat.domain.forecasting.rates import (
    DISTRIBUTIONS,
    IntArray,
    RateTable,
    arrays,
    central_arrays,
    distinct_table,
    link_table,
)
from opmaat.domain.forecasting.validate import check_plan

MAX_DRAWS = 10_000
# Cells per group: 64 cells × 1,000 draws is one chunk (below), so the engine's record of
# the supply goes to the percentiles as it is.
GROUP_CELLS = 64
# Values per chunk of draws (draws × cells): about 64 thousand keeps each array of a step
# near 512 KB, inside the processor's cache, which is where numpy runs fastest.
CHUNK_VALUES = 65_536
# The standard normal's 90th percentile: `low` and `high` of a NORMAL rate are its P10, P90.
Z90 = 1.2815515655446004
FIXED = DISTRIBUTIONS.index(Distribution.FIXED)
NORMAL = DISTRIBUTIONS.index(Distribution.NORMAL)
TRIANGULAR = DISTRIBUTIONS.index(Distribution.TRIANGULAR)


def simulate(plan: Plan, draws: int, seed: int, workers: int = 1) -> Bands:
    """The steps above, group by group of linked cells (groups.py), so that the draws of
    one group fit in memory and in the processor's cache. `workers` threads share the
    groups (numpy releases the interpreter lock while it computes). Group i draws from
    the i-th child of `seed`'s SeedSequence, so the bands do not depend on `workers`."""
    check_plan(plan)
    if not 1 <= draws <= MAX_DRAWS:
        raise TooManyDraws(draws, MAX_DRAWS)
    groups = cell_groups(plan, GROUP_CELLS)
    seeds = np.random.SeedSequence(seed).spawn(len(groups))
    levels = np.empty((len(PERCENTILES), len(plan.cells), plan.horizon + 1), dtype=np.float64)

    def one(i: int) -> None:
        cells = groups[i]
        supply = simulate_supply(restrict(plan, cells), draws, seeds[i])  # [t, c, d]
        levels[:, cells, :] = percentiles(supply, PERCENTILES).transpose(0, 2, 1)

    if workers <= 1:
        for i in range(len(groups)):
            one(i)
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(one, range(len(groups))))
    bands = {p: levels[i] for i, p in enumerate(PERCENTILES)}
    return Bands(
        cells=plan.cells,
        years=plan.years,
        draws=draws,
        supply=bands,
        gap={p: plan.demand - bands[100 - p] for p in PERCENTILES},
    )


@dataclass(frozen=True, slots=True)
class Sampler:
    """What drawing needs of a rate table `[c, k]`, computed once and laid out figure
    first, then cells, `[k, c, 1]`, to broadcast over draws (inverse_triangular,
    inverse_normal)."""

    central: FloatArray
    low: FloatArray
    high: FloatArray
    below: FloatArray
    above: FloatArray
    split: FloatArray
    sigma: FloatArray
    normal: npt.NDArray[np.bool_]


def sampler(table: RateTable) -> Sampler:
    """A FIXED rate gets no range, so the triangular formula returns its central value."""

    def figure_first(array: FloatArray) -> FloatArray:
        return np.ascontiguousarray(array.T[:, :, np.newaxis])

    fixed = table.distribution == FIXED
    low = np.where(fixed, table.central, table.low)
    high = np.where(fixed, table.central, table.high)
    width = high - low
    return Sampler(
        central=figure_first(table.central),
        low=figure_first(low),
        high=figure_first(high),
        below=figure_first(width * (table.central - low)),
        above=figure_first(width * (high - table.central)),
        split=figure_first(
            np.where(width > 0, (table.central - low) / np.where(width > 0, width, 1.0), 0.0)
        ),
        sigma=figure_first((high - low) / (2.0 * Z90)),
        normal=np.ascontiguousarray((table.distribution == NORMAL).T[:, :, np.newaxis]),
    )


def simulate_supply(plan: Plan, draws: int, seed: np.random.SeedSequence) -> FloatArray:
    """The supply `[t, c, d]` of every draw: draws last and contiguous, for the
    percentiles. The engine runs cells first (sampler, draw), so with one chunk (a group
    of GROUP_CELLS cells and up to CHUNK_VALUES // GROUP_CELLS draws) its record of the
    supply is this array, without a copy. The array and the draws' buffers are the
    thread's own (Workspace), reused from group to group, and valid until its next group."""
    figures, slots = distinct_table(plan)
    cells, links = sampler(figures), sampler(link_table(plan))
    dtype = precision(cells, links)
    cells, links = in_dtype(cells, dtype), in_dtype(links, dtype)
    prepared = in_precision(prepare(plan, central_arrays(plan)), dtype)
    chunk = max(1, CHUNK_VALUES // max(1, len(plan.cells)))
    rng = np.random.default_rng(seed)
    space = workspace()
    parts = []
    for start in range(0, draws, chunk):
        size = min(chunk, draws - start)
        links_drawn = draw(links, size, rng)[:, :, 0].T  # [d, l], links first in memory
        drawn = arrays(plan, expand(draw(cells, size, rng, space), slots), links_drawn)
        out = space.array("supply", (plan.horizon + 1, len(plan.cells), size), dtype)
        by_year = run_prepared(prepared, drawn, False, out if size == draws else None)
        parts.append(np.ascontiguousarray(by_year.supply.transpose(2, 1, 0)))  # [t, c, d]
    return parts[0] if len(parts) == 1 else np.concatenate(parts, axis=2)


class Workspace:
    """Arrays a thread reuses from one group of cells to the next, by name. glibc's malloc
    hands freed arrays of megabytes back to the kernel and faults them in again when they
    are allocated anew (about 2,700 page faults a group); a reused array faults once."""

    def __init__(self) -> None:
        self.arrays: dict[str, FloatArray] = {}

    def array(self, name: str, shape: tuple[int, ...], dtype: npt.DTypeLike) -> FloatArray:
        kept = self.arrays.get(name)
        if kept is None or kept.shape != shape or kept.dtype != np.dtype(dtype):
            kept = self.arrays[name] = np.empty(shape, dtype=dtype)
        return kept


LOCAL = threading.local()


def workspace() -> Workspace:
    """This thread's Workspace."""
    space: Workspace | None = getattr(LOCAL, "space", None)
    if space is None:
        space = LOCAL.space = Workspace()
    return space


def precision(*samplers: Sampler) -> type[np.float32] | type[np.float64]:
    """float32 when anything is drawn, float64 when nothing is (the module's docstring)."""
    spread = any(bool(np.any(s.high > s.low)) for s in samplers)
    return np.float32 if spread else np.float64


def in_dtype(s: Sampler, dtype: npt.DTypeLike) -> Sampler:
    """`s` with its figures in `dtype`, so that the draws are made in it."""
    return replace(
        s,
        **{f.name: getattr(s, f.name).astype(dtype) for f in fields(s) if f.name != "normal"},
    )


def expand(figures: FloatArray, slots: IntArray) -> list[FloatArray]:
    """Per rate slot its drawn figure `[d, c]`, from `figures[k, d, c]`: a view where every
    cell takes the same figure for the slot (the usual case), a gather where not."""
    result = []
    for j in range(slots.shape[1]):
        column = slots[:, j]
        if bool(np.all(column == column[0])):
            result.append(figures[int(column[0])])
        else:
            gathered = np.take_along_axis(figures, column[np.newaxis, np.newaxis, :], axis=0)
            result.append(gathered[0])
    return result


def draw(
    s: Sampler, size: int, rng: np.random.Generator, space: Workspace | None = None
) -> FloatArray:
    """`size` draws of every entry of the table, indexed `[k, d, c]` for a table of shape
    `[c, k]` and laid out `[k, c, d]`: each figure's draws are one contiguous array, each
    cell's draws of it one contiguous row (the engine's cells-first layout). With `space`
    the result lives in its arrays, valid until the next draw into the same space."""
    shape = (s.low.shape[0], s.low.shape[1], size)
    dtype = s.low.dtype
    if space is None:
        uniform = rng.random(shape, dtype=dtype)
        lower, upper = np.empty_like(uniform), np.empty_like(uniform)
    else:
        uniform = rng.random(dtype=dtype, out=space.array("uniform", shape, dtype))
        lower, upper = space.array("lower", shape, dtype), space.array("upper", shape, dtype)
    values = inverse_triangular(s, uniform, lower, upper)
    if bool(s.normal.any()):
        normal = np.broadcast_to(s.normal, values.shape)
        z = rng.standard_normal(values.shape, dtype=dtype)
        values[normal] = inverse_normal(s, z)[normal]
    return values.transpose(0, 2, 1)


def inverse_triangular(
    s: Sampler, uniform: FloatArray, lower: FloatArray, upper: FloatArray
) -> FloatArray:
    """The triangular distribution's inverse CDF on [low, high] with mode `central`, into
    `upper` (returned). Each branch is computed in place in its buffer and the lower
    copied over the upper where it applies: no temporaries (28 % faster than eight)."""
    np.multiply(uniform, s.below, out=lower)
    np.sqrt(lower, out=lower)
    lower += s.low
    np.subtract(1.0, uniform, out=upper)
    upper *= s.above
    np.sqrt(upper, out=upper)
    np.subtract(s.high, upper, out=upper)
    np.copyto(upper, lower, where=uniform < s.split)
    return upper


def inverse_normal(s: Sampler, z: FloatArray) -> FloatArray:
    """A normal around `central` with `low` and `high` as P10 and P90, clipped to [0, 1]."""
    result: FloatArray = np.clip(s.central + s.sigma * z, 0.0, 1.0)
    return result
