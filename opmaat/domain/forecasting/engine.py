"""One yearly step of the stock-flow cohort model, and a run over the horizon.

Every array carries a leading draw axis d and a cell axis c, so that one call computes all
cells and all Monte Carlo draws. The step is an explicit Euler step with dt = 1 year: every
flow of year t is computed from the stocks at t and the inputs of year t, which is exactly
what an XMILE model with `<dt>1</dt>` and Euler integration computes (xmile.py).

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

from dataclasses import dataclass

import numpy as np

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
AGEING_SHARE = np.asarray([AGEING[band] for band in AGE_BANDS], dtype=np.float64)
ENTRY_INDEX = [AGE_BANDS.index(ENTRY_BAND[route]) for route in ROUTES]


@dataclass(frozen=True, slots=True)
class Trajectories:
    """What a run records. Stocks have t = 0..horizon, flows t = 0..horizon-1; the detail
    arrays are empty unless the run was asked for them."""

    supply: FloatArray  # [d, c, t]
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


def band_out_share(rates: RateArrays, cells: int) -> tuple[FloatArray, FloatArray]:
    """The yearly shares leaving each band `[d, c, a]` (retirement and leaving) and the
    upskilling share `[d, c]` out of each cell. A drawn total over 1 is scaled to 1: a year
    cannot take more than the whole band."""
    upskill_out = np.zeros((rates.draws, cells), dtype=np.float64)
    # Scatter over the cell axis (put first: ufunc.at indexes the first axis).
    np.add.at(upskill_out.T, rates.sources, rates.upskilling.T)
    out = rates.retirement + rates.leaving
    total = out + AGEING_SHARE + upskill_out[:, :, np.newaxis]
    scale = np.where(total > 1.0, 1.0 / np.maximum(total, 1e-300), 1.0)
    return out * scale, upskill_out


def run(plan: Plan, rates: RateArrays, detail: bool = True) -> Trajectories:
    """Run `plan` over its horizon for every draw of `rates`."""
    cells, horizon, draws = len(plan.cells), plan.horizon, rates.draws
    years = study_years(plan)
    starts = effective_starts(plan)
    out_share, upskill_share = band_out_share(rates, cells)
    workforce = np.broadcast_to(plan.workforce, (draws, cells, len(AGE_BANDS))).copy()
    students = [np.broadcast_to(s, (draws, *s.shape)).copy() for s in initial_students(plan, years)]
    record = Recorder(draws, cells, horizon, detail)
    record.stocks(0, workforce, students)
    for t in range(horizon):
        graduates, dropouts, students = step_students(rates, years, starts[:, t, :], students)
        workforce, flows = step_workforce(rates, workforce, graduates, out_share, upskill_share)
        record.flows(t, starts[:, t, :], graduates, dropouts, flows)
        record.stocks(t + 1, workforce, students)
    return record.trajectories()


def step_students(
    rates: RateArrays, years: list[int], starts: FloatArray, students: list[FloatArray]
) -> tuple[FloatArray, FloatArray, list[FloatArray]]:
    """Step 2: the graduates `[d, c, r]`, dropouts `[d, c, r]` and next stocks."""
    first, later = rates.first_year_dropout, rates.later_year_dropout
    finished_one = starts * (1.0 - first)
    dropouts = starts * first
    entering = [finished_one[:, :, r] for r in range(len(ROUTES))]
    if years[BOL] > 1:
        switched = entering[BOL] * rates.switch
        entering[BOL] = entering[BOL] - switched
        entering[BBL] = entering[BBL] + switched
    graduates = np.empty_like(finished_one)
    following = []
    for r, stock in enumerate(students):
        passing = stock * (1.0 - later[:, :, r, np.newaxis])
        dropouts[:, :, r] += (stock * later[:, :, r, np.newaxis]).sum(axis=2)
        if years[r] == 1:
            graduates[:, :, r] = entering[r]
            following.append(stock)
            continue
        graduates[:, :, r] = passing[:, :, -1]
        moved_up = [entering[r][:, :, np.newaxis], passing[:, :, :-1]]
        following.append(np.concatenate(moved_up, axis=2))
    return graduates, dropouts, following


@dataclass(frozen=True, slots=True)
class WorkforceFlows:
    outflow: FloatArray  # [d, c]
    upskilling_in: FloatArray  # [d, c]
    upskilling_out: FloatArray  # [d, c]


def step_workforce(
    rates: RateArrays,
    workforce: FloatArray,
    graduates: FloatArray,
    out_share: FloatArray,
    upskill_share: FloatArray,
) -> tuple[FloatArray, WorkforceFlows]:
    """Step 3: the next workforce `[d, c, a]` and the flows that changed it."""
    outflow = workforce * out_share
    ageing = workforce * AGEING_SHARE
    moving_out = workforce * upskill_share[:, :, np.newaxis]
    moving_in = np.zeros_like(workforce)
    if rates.sources.size and rates.upskilling_in:
        moved = workforce[:, rates.sources, :] * rates.upskilling[:, :, np.newaxis]
        np.add.at(moving_in.swapaxes(0, 1), rates.targets, moved.swapaxes(0, 1))
    following = workforce - outflow - ageing - moving_out + moving_in
    following[:, :, 1:] += ageing[:, :, :-1]
    for r, band in enumerate(ENTRY_INDEX):
        following[:, :, band] += graduates[:, :, r]
    flows = WorkforceFlows(
        outflow=outflow.sum(axis=2),
        upskilling_in=moving_in.sum(axis=2),
        upskilling_out=moving_out.sum(axis=2),
    )
    return following, flows


class Recorder:
    """Collects the stocks and flows of a run; without `detail` only the supply."""

    def __init__(self, draws: int, cells: int, horizon: int, detail: bool) -> None:
        self.detail = detail
        bands, routes = len(AGE_BANDS), len(ROUTES)
        kept = horizon if detail else 0

        def zeros(*shape: int) -> FloatArray:
            return np.zeros(shape, dtype=np.float64)

        self.supply = zeros(draws, cells, horizon + 1)
        self.workforce = zeros(draws, cells, kept + 1 if detail else 0, bands)
        self.students = zeros(draws, cells, kept + 1 if detail else 0, routes)
        self.starts = zeros(draws, cells, kept, routes)
        self.graduates = zeros(draws, cells, kept, routes)
        self.dropouts = zeros(draws, cells, kept, routes)
        self.outflow = zeros(draws, cells, kept)
        self.upskilling_in = zeros(draws, cells, kept)
        self.upskilling_out = zeros(draws, cells, kept)

    def stocks(self, t: int, workforce: FloatArray, students: list[FloatArray]) -> None:
        self.supply[:, :, t] = workforce.sum(axis=2)
        if self.detail:
            self.workforce[:, :, t, :] = workforce
            for r, stock in enumerate(students):
                self.students[:, :, t, r] = stock.sum(axis=2)

    def flows(
        self,
        t: int,
        starts: FloatArray,
        graduates: FloatArray,
        dropouts: FloatArray,
        flows: WorkforceFlows,
    ) -> None:
        if not self.detail:
            return
        self.starts[:, :, t, :] = starts
        self.graduates[:, :, t, :] = graduates
        self.dropouts[:, :, t, :] = dropouts
        self.outflow[:, :, t] = flows.outflow
        self.upskilling_in[:, :, t] = flows.upskilling_in
        self.upskilling_out[:, :, t] = flows.upskilling_out

    def trajectories(self) -> Trajectories:
        return Trajectories(
            supply=self.supply,
            workforce=self.workforce,
            students=self.students,
            starts=self.starts,
            graduates=self.graduates,
            dropouts=self.dropouts,
            outflow=self.outflow,
            upskilling_in=self.upskilling_in,
            upskilling_out=self.upskilling_out,
        )
