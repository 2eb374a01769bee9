"""Scenario levers (issue 17, item 3) and the back-test (item 4)."""

from __future__ import annotations

import numpy as np
import pytest

from opmaat.domain.forecasting.backtest import backtest, mean_absolute_pct
from opmaat.domain.forecasting.errors import (
    MissingYear,
    NegativeFigure,
    RateOutOfRange,
    UnknownCell,
)
from opmaat.domain.forecasting.model import (
    ROUTES,
    Cell,
    Change,
    Lever,
    Route,
    Scenario,
    Uncertain,
    UpskillingLink,
)
from opmaat.domain.forecasting.montecarlo import simulate
from opmaat.domain.forecasting.pipeline import project
from opmaat.domain.forecasting.scenarios import apply_scenario, compare
from tests.domain.forecasting.builders import HELPENDE, VIG, plan_of

OTHER = Cell("RP02", "Verzorgende-IG")


def test_extra_side_entrants_apply_only_to_the_chosen_cells_from_the_chosen_year() -> None:
    plan = plan_of(cells=(VIG, OTHER), starts=10.0)
    change = Change(Lever.EXTRA_SIDE_EVC, 200.0, regions=("RP01",), from_year=2028)
    changed = apply_scenario(plan, Scenario("meer EVC", (change,)))
    evc = ROUTES.index(Route.SIDE_EVC)
    assert list(changed.starts[0, :, evc]) == [10.0] * 3 + [210.0] * 7
    assert list(changed.starts[1, :, evc]) == [10.0] * 10


def test_two_hundred_more_side_entrants_a_year_close_the_gap_on_the_chart() -> None:
    """The issue's question: what if 200 more a year come in through units and EVC?"""
    plan = plan_of(demand=1500.0)
    more = Scenario(
        "meer zij-instroom",
        (Change(Lever.EXTRA_SIDE_UNITS, 100.0), Change(Lever.EXTRA_SIDE_EVC, 100.0)),
    )
    comparison = compare(plan, [Scenario("basis"), more])
    assert comparison.gap_difference[1][0, -1] < -500
    assert comparison.projections[1].gap[0, -1] < comparison.projections[0].gap[0, -1]


def test_taking_more_side_entrants_away_than_planned_is_refused() -> None:
    with pytest.raises(NegativeFigure):
        apply_scenario(
            plan_of(starts=10.0), Scenario("x", (Change(Lever.EXTRA_SIDE_UNITS, -20.0),))
        )


def test_a_switch_share_above_one_is_refused() -> None:
    with pytest.raises(RateOutOfRange):
        apply_scenario(plan_of(), Scenario("x", (Change(Lever.BOL_BBL_SWITCH, 1.3),)))


def test_the_switch_lever_sets_the_share_of_bol_students_moving_to_bbl() -> None:
    changed = apply_scenario(plan_of(), Scenario("30% BBL", (Change(Lever.BOL_BBL_SWITCH, 0.3),)))
    assert changed.rates[0].bol_bbl_switch.central == 0.3


def test_rate_factors_scale_the_central_value_and_the_range_alike() -> None:
    plan = plan_of()
    lower = apply_scenario(plan, Scenario("minder uitval", (Change(Lever.DROPOUT_FACTOR, 0.5),)))
    before, after = plan.rates[0].first_year_dropout[0], lower.rates[0].first_year_dropout[0]
    assert (after.central, after.low, after.high) == pytest.approx(
        (before.central / 2, before.lower / 2, before.upper / 2)
    )
    assert after.distribution is before.distribution


def test_the_upskilling_factor_scales_the_links_out_of_the_chosen_cells() -> None:
    link = UpskillingLink(HELPENDE, VIG, Uncertain(0.03))
    plan = plan_of(cells=(HELPENDE, VIG), upskilling=(link,))
    more = apply_scenario(plan, Scenario("opstroom", (Change(Lever.UPSKILLING_FACTOR, 2.0),)))
    assert more.upskilling[0].rate.central == pytest.approx(0.06)
    assert project(more).supply[1, -1] > project(plan).supply[1, -1]


def test_the_capacity_lever_caps_starts_from_its_year() -> None:
    capped = apply_scenario(
        plan_of(), Scenario("plaatsen", (Change(Lever.CAPACITY, 40.0, from_year=2030),))
    )
    assert capped.capacity is not None
    assert list(capped.capacity[0]) == [np.inf] * 5 + [40.0] * 5


def test_a_back_test_from_the_baseline_gives_the_error_per_year() -> None:
    plan = plan_of()
    supply = project(plan).supply[0]
    actuals = {VIG: {2026: float(supply[1]), 2027: float(supply[2]) * 1.02}}
    errors = backtest(plan, actuals)
    assert [e.year for e in errors] == [2026, 2027]
    assert errors[0].error == 0.0 and errors[0].error_pct == 0.0
    assert errors[1].error_pct == pytest.approx(100 * (1 / 1.02 - 1))
    assert mean_absolute_pct(errors) == pytest.approx(abs(errors[1].error_pct or 0) / 2)


def test_a_back_test_refuses_years_outside_the_run_and_unknown_cells() -> None:
    with pytest.raises(MissingYear):
        backtest(plan_of(), {VIG: {2025: 1000.0}})
    with pytest.raises(UnknownCell):
        backtest(plan_of(), {OTHER: {2026: 1000.0}})


def test_an_actual_of_zero_has_no_percentage_error() -> None:
    (error,) = backtest(plan_of(), {VIG: {2027: 0.0}})
    assert error.error_pct is None and error.error > 0


def test_the_uncertainty_band_of_the_default_rates_has_width() -> None:
    bands = simulate(plan_of(), draws=200, seed=7)
    assert np.all(bands.supply[90][0, 1:] > bands.supply[10][0, 1:])
    np.testing.assert_allclose(bands.gap[10], plan_of().demand - bands.supply[90])
