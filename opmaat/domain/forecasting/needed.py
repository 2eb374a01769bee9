"""The extra training starts per route that would close the gap, each route on its own.

The model is linear in its starts, so one extra start in route r in year s adds
`response[c, r, t - s]` people to cell c's supply at t: nothing until the route's
graduates arrive, then its study yield, thinned by the cell's outflow each later year.
`response` comes from running the model itself on one start per route (the same engine,
so upskilling out of the cell and the BOL → BBL switch are included; what upskilling
brings from the extra starts of other cells is left out, each cell is answered alone).

For each route, year by year from the first one the route can reach:
1. The remaining gap at t is the gap minus what the extra starts chosen so far add at t.
2. If positive, the starts in year t − lead (lead: the route's years to deployable) are
   the remaining gap over the first-year response, within the capacity left in that year
   (routes needing a place only).
3. What the capacity or the lead time leaves open is `unclosed`.
A gap of zero or less everywhere gives zero extra starts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from opmaat.domain.forecasting.engine import PLACE_INDEX, effective_starts, run, study_years
from opmaat.domain.forecasting.model import ROUTES, FloatArray, Plan
from opmaat.domain.forecasting.rates import RateArrays

# A route whose start yields less than this many deployable people (all dropout, or all
# leaving) cannot close a gap: dividing by it would ask for absurd numbers of starts.
MIN_RESPONSE = 1e-6


@dataclass(frozen=True, slots=True)
class Needed:
    starts: FloatArray  # [c, r, t], t = 0..horizon-1
    unclosed: FloatArray  # [c, r, t], t = 0..horizon


def responses(plan: Plan, rates: RateArrays) -> FloatArray:
    """`response[c, r, tau]`: own-cell supply tau years after one start in route r."""
    cells, horizon = len(plan.cells), plan.horizon
    result = np.zeros((cells, len(ROUTES), horizon + 1), dtype=np.float64)
    for r in range(len(ROUTES)):
        starts = np.zeros_like(plan.starts)
        starts[:, 0, r] = 1.0
        unit = replace(
            plan,
            workforce=np.zeros_like(plan.workforce),
            enrolled=np.zeros_like(plan.enrolled),
            starts=starts,
            capacity=None,
        )
        own = replace(rates, upskilling_in=False)
        result[:, r, :] = run(unit, own, detail=False).supply[0]
    return result


def room(plan: Plan) -> FloatArray:
    """Starts the capacity leaves per cell and year `[c, t]` (infinite without a cap)."""
    if plan.capacity is None:
        return np.full(plan.starts.shape[:2], np.inf, dtype=np.float64)
    used: FloatArray = effective_starts(plan)[:, :, PLACE_INDEX].sum(axis=2)
    used[:, 0] -= plan.enrolled[:, PLACE_INDEX, 0].sum(axis=1)
    return np.maximum(plan.capacity - used, 0.0)


def starts_needed(plan: Plan, rates: RateArrays, gap: FloatArray) -> Needed:
    """The steps above, for every route, vectorised over cells."""
    cells, horizon = len(plan.cells), plan.horizon
    response = responses(plan, rates)
    free = room(plan)
    starts = np.zeros((cells, len(ROUTES), horizon), dtype=np.float64)
    unclosed = np.maximum(gap, 0.0)[:, np.newaxis, :].repeat(len(ROUTES), axis=1)
    for r, lead in enumerate(study_years(plan)):
        capped = r in PLACE_INDEX
        for t in range(lead, horizon + 1):
            s = t - lead
            first = response[:, r, lead]
            able = first > MIN_RESPONSE
            wanted = np.where(able, unclosed[:, r, t] / np.where(able, first, 1.0), 0.0)
            chosen = np.minimum(wanted, free[:, s]) if capped else wanted
            starts[:, r, s] = chosen
            later = response[:, r, lead : horizon + 1 - s]
            unclosed[:, r, t:] = np.maximum(unclosed[:, r, t:] - chosen[:, np.newaxis] * later, 0.0)
    return Needed(starts=starts, unclosed=unclosed)
