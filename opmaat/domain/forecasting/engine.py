"""One yearly step of the stock-flow cohort model, and a run over the horizon.

Every quantity is an array over draws d and cells c, so that one call computes all cells
and all Monte Carlo draws; each band, route and study year has its own contiguous array,
and a Monte Carlo run passes groups of cells small enough to stay in the processor's
cache (montecarlo.py). The arrays are indexed `[d, c]` but laid out in memory like the
rate arrays the run is given: a Monte Carlo run gives them cells first (draws
contiguous), so that each year's supply is already in the order its percentiles need.

The step is an explicit Euler step with dt = 1 year: every flow of year t is computed
from the stocks at t and the inputs of year t, which is exactly what an XMILE model with
`<dt>1</dt>` and Euler integration computes (xmile.py).

Step t (docs/planning.md gives the equations):
1. Starts: planned starts per route, those of BOL and BBL scaled down together to the
   capacity; the year-one students enrolled at the base year join year 0's starts.
2. Students: first-year dropout leaves the starts; the rest finish year one. A route of one
   study year delivers them as graduates; a longer route moves them to its year-two stock,
   except the BOL → BBL switch share, which continues in BBL year two. Every later study
   year stock loses its later-year dropout and passes the rest on (to the next year, or as
   graduates out of the last).
3. Workforce per age band: retirement and leaving go out, ageing moves people to the next
   band, upskilling moves a share to another cell in the same band; graduates enter the
   band of their route (defaults.ENTRY_BAND).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from opmaat.domain.forecasting.defaults import AGEING, ENTRY_BAND
from opmaat.domain.forecasting.model import (
    AGE_BANDS,
    PLACE_ROUTES,
    ROUTES,
    FloatArray,
    Plan,
    Route,
)
from opmaat.domain.forecasting.rates import RateArrays

BOL = ROUTES.index(Route.BOL)
BBL = ROUTES.index(Route.BBL)
PLACE_INDEX = [ROUTES.index(route) for route in PLACE_ROUTES]
# Python floats, not numpy scalars: they take the precision of the arrays they meet.
AGEING_SHARE = [float(AGEING[band]) for band in AGE_BANDS]
ENTRY_INDEX = [AGE_BANDS.index(ENTRY_BAND[route]) for route in ROUTES]


@dataclass(frozen=True, slots=True)
class Trajectories:
    """What a run records. Stocks have t = 0..horizon, flows t = 0..horizon-1; the detail
    arrays are empty unless the run was asked for them."""

    supply: FloatArray  # [d, c, t] (a view of a year-first array)
    workforce: FloatArray  # [d, c, t, a]
    students: FloatArray  # [d, c, t, r]
    starts: FloatArray  # [d, c, t, r]
    graduates: FloatArray  # [d, c, t, r]
    dropouts: FloatArray  # [d, c, t, r]
    outflow: FloatArray  # [d, c, t]
    upskilling_in: FloatArray  # [d, c, t]
    upskilling_out: FloatArray  # [d, c, t]


def study_years(plan: Plan) -> list[int]:
    return [plan.durations.years(route) for route in ROUTES]


def effective_starts(plan: Plan) -> FloatArray:
    """Planned starts `[c, t, r]` within the capacity, plus the year-one students enrolled
    at the base year (already started, so never capped)."""
    starts = plan.starts.copy()
    if plan.capacity is not None:
        wanted = starts[:, :, PLACE_INDEX].sum(axis=2)
        # Scale the place routes down together to the capacity: no route is preferred.
        scale = np.where(wanted > plan.capacity, plan.capacity / np.maximum(wanted, 1e-300), 1.0)
        starts[:, :, PLACE_INDEX] *= scale[:, :, np.newaxis]
    starts[:, 0, :] += plan.enrolled[:, :, 0]
    return starts


def initial_students(plan: Plan, years: list[int]) -> list[FloatArray]:
    """Per route the stocks `[c, k]` of students who finished k + 1 study years at the base
    year; students past the route's length wait in its last year."""
    stocks = []
    for r, n in enumerate(years):
        stock = np.zeros((len(plan.cells), n - 1), dtype=np.float64)
        for k in range(1, plan.enrolled.shape[2]):
            if n > 1:
                stock[:, min(k, n - 1) - 1] += plan.enrolled[:, r, k]
        stocks.append(stock)
    return stocks


@dataclass(frozen=True, slots=True)
class Prepared:
    """What a run needs from the plan, computed once for all chunks of draws."""

    cells: int
    horizon: int
    years: list[int]
    starts: list[list[FloatArray]]  # [t][r] -> [c]
    students: list[list[FloatArray]]  # [r][k] -> [c], k = study year two onwards
    workforce: list[FloatArray]  # [a] -> [c]
    # Upskilling links split into groups whose targets differ, so that a group adds its
    # inflow with one fancy-indexed `+=` (no target twice).
    link_groups: list[npt.NDArray[np.int64]]


def prepare(plan: Plan, rates: RateArrays) -> Prepared:
    years = study_years(plan)
    starts = effective_starts(plan)
    return Prepared(
        cells=len(plan.cells),
        horizon=plan.horizon,
        years=years,
        starts=[[starts[:, t, r].copy() for r in range(len(ROUTES))] for t in range(plan.horizon)],
        students=[
            [stock[:, k].copy() for k in range(stock.shape[1])]
            for stock in initial_students(plan, years)
        ],
        workforce=[plan.workforce[:, a].copy() for a in range(len(AGE_BANDS))],
        link_groups=link_groups(rates.targets),
    )


def in_precision(prepared: Prepared, dtype: npt.DTypeLike) -> Prepared:
    """`prepared` with its stocks and starts in `dtype`, so that a run on rate arrays of
    that precision computes in it throughout (numpy would promote to the wider type)."""

    def cast(values: list[FloatArray]) -> list[FloatArray]:
        return [value.astype(dtype) for value in values]

    return replace(
        prepared,
        starts=[cast(year) for year in prepared.starts],
        students=[cast(route) for route in prepared.students],
        workforce=cast(prepared.workforce),
    )


def link_groups(targets: npt.NDArray[np.int64]) -> list[npt.NDArray[np.int64]]:
    """The links in groups in which no target appears twice, first fit in link order (so a
    target sums its links in their order, as np.add.at and the XMILE export do)."""
    groups: list[list[int]] = []
    used: list[set[int]] = []
    for link, target in enumerate(targets.tolist()):
        for group, seen in zip(groups, used, strict=True):
            if target not in seen:
                group.append(link)
                seen.add(target)
                break
        else:
            groups.append([link])
            used.append({target})
    return [np.asarray(group, dtype=np.int64) for group in groups]


@dataclass(frozen=True, slots=True)
class Coefficients:
    """The rates of a chunk of draws as the step uses them, each `[d, c]` and contiguous."""

    finish_one: list[FloatArray]  # [r]: 1 − first-year dropout
    first_dropout: list[FloatArray]  # [r]
    passing: list[FloatArray]  # [r]: 1 − later-year dropout
    later_dropout: list[FloatArray]  # [r]
    switch: FloatArray
    switching: bool  # any switch at all: without, the step skips its three products
    out_share: list[FloatArray]  # [a]: retirement + leaving
    keep: list[FloatArray]  # [a]: 1 − retirement − leaving − ageing − upskilling out
    upskill_share: FloatArray  # the share of each band leaving the cell by upskilling
    # Per group of links (Prepared.link_groups): sources, targets and rates `[d, group]`;
    # empty when the run leaves out what upskilling brings in.
    inflows: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], FloatArray]]


def coefficients(rates: RateArrays, prepared: Prepared) -> Coefficients:
    """The rates of `rates` as step coefficients. A drawn total over 1 leaving a band is
    scaled to 1: a year cannot take more than the whole band."""
    upskill_share = np.zeros_like(rates.slots[0])  # in the rates' memory layout
    # Scatter over the cell axis (put first: ufunc.at indexes the first axis).
    np.add.at(upskill_share.T, rates.sources, rates.upskilling.T)
    out_share, keep = [], []
    for a, (retiring, leaving) in enumerate(zip(rates.retirement, rates.leaving, strict=True)):
        out = retiring + leaving
        total = out + AGEING_SHARE[a] + upskill_share
        # 1e-30 rather than a smaller floor: it must stay above 0 in float32 too.
        out = out * np.where(total > 1.0, 1.0 / np.maximum(total, 1e-30), 1.0)
        out_share.append(out)
        keep.append(1.0 - out - AGEING_SHARE[a] - upskill_share)
    return Coefficients(
        finish_one=[1.0 - first for first in rates.first_year_dropout],
        first_dropout=rates.first_year_dropout,
        passing=[1.0 - later for later in rates.later_year_dropout],
        later_dropout=rates.later_year_dropout,
        switch=rates.switch,
        switching=bool(np.any(rates.switch)),
        out_share=out_share,
        keep=keep,
        upskill_share=upskill_share,
        inflows=[
            (rates.sources[group], rates.targets[group], rates.upskilling[:, group])
            for group in prepared.link_groups
        ]
        if rates.upskilling_in
        else [],
    )


def run(plan: Plan, rates: RateArrays, detail: bool = True) -> Trajectories:
    """Run `plan` over its horizon for every draw of `rates`."""
    return run_prepared(prepare(plan, rates), rates, detail)


def run_prepared(
    prepared: Prepared, rates: RateArrays, detail: bool, supply: FloatArray | None = None
) -> Trajectories:
    """`supply`, when given, is where the run writes its supply, `[t, c, d]` in memory
    (cells first, in the rates' dtype): a Monte Carlo thread reuses one such array for
    all its groups rather than having a fresh 5 MB from the kernel each time."""
    draws, cells = rates.draws, prepared.cells
    k = coefficients(rates, prepared)
    template = k.upskill_share
    workforce = [filled(template, w) for w in prepared.workforce]
    students = [[filled(template, s) for s in route] for route in prepared.students]
    layout = cells_first(template)
    record = Recorder(draws, cells, prepared.horizon, detail, layout, template.dtype, supply)
    record.stocks(0, workforce, students)
    for t in range(prepared.horizon):
        starts = prepared.starts[t]
        graduates, dropouts, students = step_students(k, prepared.years, starts, students, detail)
        workforce, flows = step_workforce(k, workforce, graduates, detail)
        record.flows(t, starts, graduates, dropouts, flows)
        record.stocks(t + 1, workforce, students)
    return record.trajectories()


def cells_first(array: FloatArray) -> bool:
    """Whether a `[d, c]` array keeps each cell's draws together in memory."""
    return array.shape[0] > 1 and array.strides[0] < array.strides[1]


def filled(template: FloatArray, values: FloatArray) -> FloatArray:
    """`values [c]` for every draw, laid out like `template [d, c]`: elementwise numpy
    keeps its inputs' layout, so the whole step then runs in that layout."""
    result = np.empty_like(template)
    result[...] = values
    return result


def step_students(
    k: Coefficients,
    years: list[int],
    starts: list[FloatArray],
    students: list[list[FloatArray]],
    detail: bool,
) -> tuple[list[FloatArray], list[FloatArray], list[list[FloatArray]]]:
    """Step 2: per route the graduates and dropouts `[d, c]`, and the next stocks."""
    entering = [start * finish for start, finish in zip(starts, k.finish_one, strict=True)]
    if years[BOL] > 1 and k.switching:
        switched = entering[BOL] * k.switch
        entering[BOL] = entering[BOL] - switched
        entering[BBL] = entering[BBL] + switched
    graduates, dropouts, following = [], [], []
    for r, stocks in enumerate(students):
        if detail:
            lost = starts[r] * k.first_dropout[r]
            for stock in stocks:
                lost = lost + stock * k.later_dropout[r]
            dropouts.append(lost)
        if years[r] == 1:
            graduates.append(entering[r])
            following.append(stocks)
            continue
        graduates.append(stocks[-1] * k.passing[r])
        following.append([entering[r], *(stock * k.passing[r] for stock in stocks[:-1])])
    return graduates, dropouts, following


@dataclass(frozen=True, slots=True)
class WorkforceFlows:
    outflow: list[FloatArray]  # [a] -> [d, c]
    upskilling_in: list[FloatArray]
    upskilling_out: list[FloatArray]


def step_workforce(
    k: Coefficients,
    workforce: list[FloatArray],
    graduates: list[FloatArray],
    detail: bool,
) -> tuple[list[FloatArray], WorkforceFlows]:
    """Step 3: the next workforce per band `[d, c]` and, with `detail`, the flows."""
    flows = WorkforceFlows([], [], [])
    following = []
    for a, band in enumerate(workforce):
        # One product for everything leaving the band, the inflows scattered straight in:
        # the fewest passes over the arrays.
        new = band * k.keep[a]
        for sources, targets, rates in k.inflows:
            new[:, targets] += band[:, sources] * rates
        if a > 0:
            new += workforce[a - 1] * AGEING_SHARE[a - 1]
        for r, entry in enumerate(ENTRY_INDEX):
            if entry == a:
                new += graduates[r]
        following.append(new)
        if detail:
            flows.outflow.append(band * k.out_share[a])
            flows.upskilling_out.append(band * k.upskill_share)
            flows.upskilling_in.append(upskilled_in(k, band))
    return following, flows


def upskilled_in(k: Coefficients, band: FloatArray) -> FloatArray:
    """The people of one band upskilling into each cell `[d, c]`."""
    result = np.zeros_like(band)
    for sources, targets, rates in k.inflows:
        result[:, targets] += band[:, sources] * rates
    return result


class Recorder:
    """Collects the stocks and flows of a run; without `detail` only the supply."""

    def __init__(
        self,
        draws: int,
        cells: int,
        horizon: int,
        detail: bool,
        cells_first: bool = False,
        dtype: npt.DTypeLike = np.float64,
        supply: FloatArray | None = None,
    ) -> None:
        self.detail = detail
        bands, routes = len(AGE_BANDS), len(ROUTES)
        kept = horizon if detail else 0

        def zeros(*shape: int) -> FloatArray:
            return np.zeros(shape, dtype=dtype)

        # Year first: each year's supply is written as one contiguous block, laid out like
        # the step's arrays (cells first: `[t, c, d]` in memory, seen as `[t, d, c]`).
        if supply is not None:  # every year of it is written before it is read
            self.by_year = supply.transpose(0, 2, 1)
        elif cells_first:
            self.by_year = zeros(horizon + 1, cells, draws).transpose(0, 2, 1)
        else:
            self.by_year = zeros(horizon + 1, draws, cells)
        self.workforce = zeros(draws, cells, kept + 1 if detail else 0, bands)
        self.students = zeros(draws, cells, kept + 1 if detail else 0, routes)
        self.starts = zeros(draws, cells, kept, routes)
        self.graduates = zeros(draws, cells, kept, routes)
        self.dropouts = zeros(draws, cells, kept, routes)
        self.outflow = zeros(draws, cells, kept)
        self.upskilling_in = zeros(draws, cells, kept)
        self.upskilling_out = zeros(draws, cells, kept)

    def stocks(self, t: int, workforce: list[FloatArray], students: list[list[FloatArray]]) -> None:
        total = self.by_year[t]
        total[...] = workforce[0]
        for band in workforce[1:]:
            total += band
        if self.detail:
            for a, band in enumerate(workforce):
                self.workforce[:, :, t, a] = band
            for r, stocks in enumerate(students):
                self.students[:, :, t, r] = sum(stocks, np.zeros_like(total))

    def flows(
        self,
        t: int,
        starts: list[FloatArray],
        graduates: list[FloatArray],
        dropouts: list[FloatArray],
        flows: WorkforceFlows,
    ) -> None:
        if not self.detail:
            return
        for r in range(len(ROUTES)):
            self.starts[:, :, t, r] = starts[r]
            self.graduates[:, :, t, r] = graduates[r]
            self.dropouts[:, :, t, r] = dropouts[r]
        self.outflow[:, :, t] = sum(flows.outflow, np.zeros_like(graduates[0]))
        self.upskilling_in[:, :, t] = sum(flows.upskilling_in, np.zeros_like(graduates[0]))
        self.upskilling_out[:, :, t] = sum(flows.upskilling_out, np.zeros_like(graduates[0]))

    def trajectories(self) -> Trajectories:
        return Trajectories(
            supply=np.moveaxis(self.by_year, 0, -1),
            workforce=self.workforce,
            students=self.students,
            starts=self.starts,
            graduates=self.graduates,
            dropouts=self.dropouts,
            outflow=self.outflow,
            upskilling_in=self.upskilling_in,
            upskilling_out=self.upskilling_out,
        )
