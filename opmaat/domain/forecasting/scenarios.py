"""Named scenarios: apply their levers to a plan, compare them side by side.

A change applies to the cells of its regions and qualifications (empty: all cells). The
start levers add starts from `from_year` on; the capacity lever sets the cap from
`from_year` on; the rate levers apply to the whole run and keep each rate's distribution,
scaling its central value and range alike and clipping to [0, 1].
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from opmaat.domain.forecasting.errors import NegativeFigure, RateOutOfRange
from opmaat.domain.forecasting.model import (
    ROUTES,
    Cell,
    Change,
    FloatArray,
    Lever,
    Plan,
    Projection,
    Rates,
    Route,
    Scenario,
    Uncertain,
)
from opmaat.domain.forecasting.pipeline import project


def apply_scenario(plan: Plan, scenario: Scenario) -> Plan:
    """`plan` with the scenario's changes applied, in their order."""
    for change in scenario.changes:
        plan = apply_change(plan, change)
    return plan


def applies(change: Change, cell: Cell) -> bool:
    in_region = not change.regions or cell.region in change.regions
    return in_region and (not change.qualifications or cell.qualification in change.qualifications)


def selected(plan: Plan, change: Change) -> FloatArray:
    """`[c]` 1.0 for the cells the change applies to."""
    return np.asarray([applies(change, cell) for cell in plan.cells], dtype=np.float64)


def first_year(plan: Plan, change: Change) -> int:
    start = 0 if change.from_year is None else change.from_year - plan.base_year
    return min(max(start, 0), plan.horizon)


def apply_change(plan: Plan, change: Change) -> Plan:
    if change.lever in EXTRA_ROUTE:
        return add_starts(plan, change, EXTRA_ROUTE[change.lever])
    if change.lever is Lever.CAPACITY:
        return set_capacity(plan, change)
    if change.lever is Lever.UPSKILLING_FACTOR:
        return apply_upskilling(plan, change)
    return replace(
        plan,
        rates=tuple(
            RATE_LEVERS[change.lever](rates, change.value) if applies(change, cell) else rates
            for cell, rates in zip(plan.cells, plan.rates, strict=True)
        ),
    )


def add_starts(plan: Plan, change: Change, route: Route) -> Plan:
    """Extra starts per year in `route` (a negative value takes starts away, never below 0)."""
    starts = plan.starts.copy()
    extra = change.value * selected(plan, change)[:, np.newaxis]
    starts[:, first_year(plan, change) :, ROUTES.index(route)] += extra
    if bool(np.any(starts < 0)):
        raise NegativeFigure(str(change.lever))
    return replace(plan, starts=starts)


def set_capacity(plan: Plan, change: Change) -> Plan:
    if change.value < 0:
        raise NegativeFigure(str(change.lever))
    shape = plan.starts.shape[:2]
    capacity = np.full(shape, np.inf) if plan.capacity is None else plan.capacity.copy()
    chosen = selected(plan, change).astype(bool)
    capacity[chosen, first_year(plan, change) :] = change.value
    return replace(plan, capacity=capacity)


def scaled(value: Uncertain, factor: float, what: str) -> Uncertain:
    if factor < 0:
        raise RateOutOfRange(what, factor)

    def clip(number: float | None) -> float | None:
        return None if number is None else min(1.0, number * factor)

    central = min(1.0, value.central * factor)
    return replace(value, central=central, low=clip(value.low), high=clip(value.high))


def set_switch(rates: Rates, share: float) -> Rates:
    if not 0.0 <= share <= 1.0:
        raise RateOutOfRange(str(Lever.BOL_BBL_SWITCH), share)
    return replace(rates, bol_bbl_switch=Uncertain(share, source="scenario"))


def scale_dropout(rates: Rates, factor: float) -> Rates:
    what = str(Lever.DROPOUT_FACTOR)
    return replace(
        rates,
        first_year_dropout=tuple(scaled(u, factor, what) for u in rates.first_year_dropout),
        later_year_dropout=tuple(scaled(u, factor, what) for u in rates.later_year_dropout),
    )


def scale_leaving(rates: Rates, factor: float) -> Rates:
    what = str(Lever.LEAVING_FACTOR)
    return replace(rates, leaving=tuple(scaled(u, factor, what) for u in rates.leaving))


EXTRA_ROUTE = {Lever.EXTRA_SIDE_UNITS: Route.SIDE_UNITS, Lever.EXTRA_SIDE_EVC: Route.SIDE_EVC}
RATE_LEVERS: dict[Lever, Callable[[Rates, float], Rates]] = {
    Lever.BOL_BBL_SWITCH: set_switch,
    Lever.DROPOUT_FACTOR: scale_dropout,
    Lever.LEAVING_FACTOR: scale_leaving,
}


def apply_upskilling(plan: Plan, change: Change) -> Plan:
    """The upskilling lever scales the links out of the selected cells."""
    what = str(Lever.UPSKILLING_FACTOR)
    links = tuple(
        replace(link, rate=scaled(link.rate, change.value, what))
        if applies(change, link.source)
        else link
        for link in plan.upskilling
    )
    return replace(plan, upskilling=links)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Projections of several scenarios; `gap_difference[i]` is scenario i's gap minus the
    first scenario's, per cell and year (negative: scenario i closes more of the gap)."""

    names: tuple[str, ...]
    projections: tuple[Projection, ...]
    gap_difference: tuple[FloatArray, ...]


def compare(plan: Plan, scenarios: Sequence[Scenario]) -> Comparison:
    """Project `plan` under each scenario; the first is the reference."""
    projections = tuple(project(apply_scenario(plan, scenario)) for scenario in scenarios)
    reference = projections[0].gap if projections else np.zeros_like(plan.demand)
    return Comparison(
        names=tuple(scenario.name for scenario in scenarios),
        projections=projections,
        gap_difference=tuple(projection.gap - reference for projection in projections),
    )
