"""A plan the model cannot run is refused with a stable code, before anything runs."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from opmaat.domain.forecasting.defaults import DURATIONS, default_rates, per_year, upskilling_rate
from opmaat.domain.forecasting.errors import (
    MissingDuration,
    NegativeFigure,
    OutflowExceedsStock,
    RateOutOfRange,
    ShapeMismatch,
    TooManyDraws,
    UnknownCell,
)
from opmaat.domain.forecasting.model import (
    Cell,
    Distribution,
    Route,
    RouteDurations,
    Uncertain,
    UpskillingLink,
)
from opmaat.domain.forecasting.montecarlo import MAX_DRAWS, simulate
from opmaat.domain.forecasting.pipeline import project
from tests.domain.forecasting.builders import VIG, plan_of


@pytest.mark.parametrize(
    "rate",
    [
        Uncertain(-0.01),
        Uncertain(1.2),
        Uncertain(0.1, 0.2, 0.3, Distribution.TRIANGULAR),
        Uncertain(0.1, 0.0, 1.5, Distribution.NORMAL),
    ],
)
def test_a_rate_outside_0_to_1_or_outside_its_range_is_refused(rate: Uncertain) -> None:
    rates = replace(default_rates(), bol_bbl_switch=rate)
    with pytest.raises(RateOutOfRange) as raised:
        project(plan_of(rates=rates))
    assert raised.value.code == "forecast_rate_out_of_range"
    assert raised.value.data["what"] == "bol_bbl_switch"


def test_a_band_cannot_lose_more_than_itself_in_a_year() -> None:
    rates = replace(
        default_rates(), leaving=(Uncertain(0.5, 0.4, 0.97, Distribution.TRIANGULAR),) * 3
    )
    with pytest.raises(OutflowExceedsStock) as raised:
        project(plan_of(rates=rates))
    assert raised.value.data["band"] == "15-34"


def test_negative_figures_are_refused_by_name() -> None:
    plan = plan_of()
    starts = plan.starts.copy()
    starts[0, 2, 1] = -1.0
    with pytest.raises(NegativeFigure) as raised:
        project(replace(plan, starts=starts))
    assert raised.value.data["what"] == "starts"


def test_a_nan_capacity_is_refused_and_an_infinite_one_is_no_cap() -> None:
    with pytest.raises(NegativeFigure):
        project(plan_of(capacity=np.full((1, 10), np.nan)))
    uncapped = project(plan_of(capacity=np.full((1, 10), np.inf)))
    np.testing.assert_array_equal(uncapped.supply, project(plan_of()).supply)


def test_an_array_of_the_wrong_shape_is_refused_with_both_shapes() -> None:
    plan = plan_of()
    with pytest.raises(ShapeMismatch) as raised:
        project(replace(plan, workforce=np.zeros((1, 4))))
    assert raised.value.data == {"what": "workforce", "expected": "(1, 3)", "given": "(1, 4)"}


def test_an_upskilling_link_to_a_cell_outside_the_plan_is_refused() -> None:
    link = UpskillingLink(VIG, Cell("RP01", "Verpleegkundige"), Uncertain(0.03))
    with pytest.raises(UnknownCell):
        project(plan_of(upskilling=(link,)))


def test_a_route_without_months_is_refused() -> None:
    months: dict[Route, int] = {
        route: m for route, m in DURATIONS.months.items() if route is not Route.RETURNER
    }
    with pytest.raises(MissingDuration):
        project(plan_of(durations=RouteDurations(months)))


@pytest.mark.parametrize("draws", [0, MAX_DRAWS + 1])
def test_monte_carlo_refuses_no_draws_or_too_many(draws: int) -> None:
    with pytest.raises(TooManyDraws):
        simulate(plan_of(), draws, seed=1)


def test_upskilling_within_five_years_becomes_the_matching_yearly_rate() -> None:
    rate = per_year(0.15, 5)
    assert (1 - rate) ** 5 == pytest.approx(0.85)
    found = upskilling_rate("Helpende", "Verzorgende-IG")
    assert found is not None and found.central == pytest.approx(rate)
    assert upskilling_rate("Verzorgende-IG", "Helpende") is None
