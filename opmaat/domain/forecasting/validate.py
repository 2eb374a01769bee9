"""Checks a plan before a run: shapes, signs, rate ranges, and no band losing more than
itself in a year. Raised once, at the edge of the core, so the engine can trust its input."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from opmaat.domain.forecasting.defaults import AGEING
from opmaat.domain.forecasting.errors import (
    MissingDuration,
    NegativeFigure,
    OutflowExceedsStock,
    RateOutOfRange,
    ShapeMismatch,
    UnknownCell,
)
from opmaat.domain.forecasting.model import (
    AGE_BANDS,
    ROUTES,
    FloatArray,
    Plan,
    Uncertain,
)
from opmaat.domain.forecasting.rates import cell_uncertains


def check_plan(plan: Plan) -> None:
    check_shapes(plan)
    check_signs(plan)
    check_durations(plan)
    check_links(plan)
    # Each distinct set of rates once, in the cells' order (so the same error comes first):
    # most cells of a plan share the defaults.
    for rates in dict.fromkeys(plan.rates):
        for name, value in zip(slot_names(), cell_uncertains(rates), strict=True):
            check_uncertain(name, value)
    for rate in dict.fromkeys(link.rate for link in plan.upskilling):
        check_uncertain("upskilling", rate)
    check_band_outflow(plan)


def slot_names() -> list[str]:
    return [
        *(f"retirement {band}" for band in AGE_BANDS),
        *(f"leaving {band}" for band in AGE_BANDS),
        *(f"first_year_dropout {route}" for route in ROUTES),
        *(f"later_year_dropout {route}" for route in ROUTES),
        "bol_bbl_switch",
    ]


def expect(what: str, array: FloatArray | None, shape: tuple[int, ...]) -> None:
    if array is not None and array.shape != shape:
        raise ShapeMismatch(what, str(shape), str(array.shape))


def check_shapes(plan: Plan) -> None:
    cells, horizon = len(plan.cells), plan.horizon
    expect("workforce", plan.workforce, (cells, len(AGE_BANDS)))
    expect("fte_per_head", plan.fte_per_head, (cells,))
    expect("demand", plan.demand, (cells, horizon + 1))
    expect("starts", plan.starts, (cells, horizon, len(ROUTES)))
    expect("capacity", plan.capacity, (cells, horizon))
    if plan.enrolled.ndim != 3 or plan.enrolled.shape[:2] != (cells, len(ROUTES)):
        expected = f"({cells}, {len(ROUTES)}, years)"
        raise ShapeMismatch("enrolled", expected, str(plan.enrolled.shape))
    if len(plan.rates) != cells:
        raise ShapeMismatch("rates", f"({cells},)", f"({len(plan.rates)},)")
    if horizon < 1 or plan.enrolled.shape[2] < 1:
        raise ShapeMismatch("demand", "(cells, at least 2 years)", str(plan.demand.shape))


def check_signs(plan: Plan) -> None:
    named: Iterable[tuple[str, FloatArray | None]] = (
        ("workforce", plan.workforce),
        ("fte_per_head", plan.fte_per_head),
        ("demand", plan.demand),
        ("starts", plan.starts),
        ("enrolled", plan.enrolled),
    )
    for what, array in named:
        if array is not None and not bool(np.all(np.isfinite(array) & (array >= 0))):
            raise NegativeFigure(what)
    # An infinite capacity is no cap in that year; NaN or negative is no capacity at all.
    if plan.capacity is not None and not bool(np.all(plan.capacity >= 0)):
        raise NegativeFigure("capacity")


def check_durations(plan: Plan) -> None:
    for route in ROUTES:
        if plan.durations.months.get(route, 0) <= 0:
            raise MissingDuration(str(route))


def check_links(plan: Plan) -> None:
    known = set(plan.cells)
    for link in plan.upskilling:
        for cell in (link.source, link.target):
            if cell not in known:
                raise UnknownCell(cell.region, cell.qualification)


def check_uncertain(what: str, value: Uncertain) -> None:
    """A rate is a share: 0 <= low <= central <= high <= 1."""
    for number in (value.lower, value.central, value.upper):
        if not 0.0 <= number <= 1.0:
            raise RateOutOfRange(what, number)
    if not value.lower <= value.central <= value.upper:
        raise RateOutOfRange(what, value.central)


def check_band_outflow(plan: Plan) -> None:
    """Retirement, leaving, ageing and upskilling out of a band stay within the band, for
    the highest value each rate can be drawn at (the engine scales a normal draw's excess)."""
    upskilling = dict.fromkeys(plan.cells, 0.0)
    for link in plan.upskilling:
        upskilling[link.source] += link.rate.upper
    for cell, rates in zip(plan.cells, plan.rates, strict=True):
        for a, band in enumerate(AGE_BANDS):
            fixed_part = AGEING[band] + upskilling[cell]
            total = fixed_part + rates.retirement[a].upper + rates.leaving[a].upper
            if total > 1.0 + 1e-12:
                raise OutflowExceedsStock(cell.region, cell.qualification, str(band), total)
