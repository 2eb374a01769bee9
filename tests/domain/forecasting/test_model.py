"""Worked examples of the cohort model: timing of routes, switches, capacity, upskilling."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from opmaat.domain.forecasting.defaults import DURATIONS, default_rates
from opmaat.domain.forecasting.model import (
    AGE_BANDS,
    ROUTES,
    AgeBand,
    Rates,
    Route,
    RouteDurations,
    Uncertain,
    UpskillingLink,
    demand_from_growth,
)
from opmaat.domain.forecasting.pipeline import project
from tests.domain.forecasting.builders import HELPENDE, VIG, plan_of

R = {route: ROUTES.index(route) for route in ROUTES}


def still() -> Rates:
    """No one leaves, drops out or switches: only the routes' timing shows."""
    zero = Uncertain(0.0)
    return Rates(
        retirement=(zero,) * len(AGE_BANDS),
        leaving=(zero,) * len(AGE_BANDS),
        first_year_dropout=(zero,) * len(ROUTES),
        later_year_dropout=(zero,) * len(ROUTES),
        bol_bbl_switch=zero,
    )


def one_start(route: Route, horizon: int = 6) -> np.ndarray[tuple[int, ...], np.dtype[np.float64]]:
    starts = np.zeros((1, horizon, len(ROUTES)))
    starts[0, 0, R[route]] = 100.0
    return starts


def test_a_bol_starter_of_a_three_year_route_is_deployable_after_three_years() -> None:
    plan = replace(plan_of(workforce=0.0, rates=still(), horizon=6), starts=one_start(Route.BOL))
    supply = project(plan).supply[0]
    assert list(supply) == [0.0, 0.0, 0.0, 100.0, 100.0, 100.0, 100.0]


def test_a_side_entrant_with_evc_is_deployable_sooner_than_a_bol_first_year() -> None:
    """Six months to deployable (DOMAIN.md's EVC cases) round up to one study year."""
    plan = plan_of(workforce=0.0, rates=still(), horizon=6)
    evc = project(replace(plan, starts=one_start(Route.SIDE_EVC))).supply[0]
    bol = project(replace(plan, starts=one_start(Route.BOL))).supply[0]
    assert evc[1] == 100.0 and bol[1] == 0.0


def test_route_years_round_months_up_to_whole_study_years() -> None:
    durations = RouteDurations({**DURATIONS.months, Route.SIDE_UNITS: 13})
    assert durations.years(Route.SIDE_UNITS) == 2
    assert durations.years(Route.SIDE_EVC) == 1
    assert durations.years(Route.BOL) == 3


def test_dropout_thins_each_study_year_into_the_route_s_yield() -> None:
    rates = replace(
        still(),
        first_year_dropout=(Uncertain(0.2),) * len(ROUTES),
        later_year_dropout=(Uncertain(0.1),) * len(ROUTES),
    )
    plan = replace(plan_of(workforce=0.0, rates=rates), starts=one_start(Route.BOL, 10))
    graduates = project(plan).graduates[0, :, R[Route.BOL]]
    assert graduates[2] == pytest.approx(100 * 0.8 * 0.9 * 0.9)
    assert graduates.sum() == pytest.approx(graduates[2])


def test_bol_students_switching_to_bbl_in_year_two_graduate_through_bbl() -> None:
    rates = replace(still(), bol_bbl_switch=Uncertain(0.3))
    plan = replace(plan_of(workforce=0.0, rates=rates), starts=one_start(Route.BOL, 10))
    projection = project(plan)
    assert projection.students[0, 1, R[Route.BBL]] == pytest.approx(30.0)
    assert projection.graduates[0, 2, R[Route.BBL]] == pytest.approx(30.0)
    assert projection.graduates[0, 2, R[Route.BOL]] == pytest.approx(70.0)


def test_graduates_enter_the_age_band_of_their_route() -> None:
    plan = replace(plan_of(workforce=0.0, rates=still()), starts=one_start(Route.RETURNER, 10))
    workforce = project(plan).workforce[0, 1]
    assert workforce[AGE_BANDS.index(AgeBand.FROM_35)] == 100.0
    assert workforce.sum() == 100.0


def test_ageing_moves_a_twentieth_of_a_band_to_the_next_a_year() -> None:
    workforce = project(plan_of(workforce=300.0, starts=0.0, rates=still())).workforce[0, 1]
    assert list(workforce) == pytest.approx([95.0, 100.0, 105.0])


def test_retirement_and_leaving_take_their_share_of_each_band() -> None:
    rates = replace(
        still(),
        retirement=(Uncertain(0.0), Uncertain(0.0), Uncertain(0.1)),
        leaving=(Uncertain(0.05),) * len(AGE_BANDS),
    )
    projection = project(plan_of(workforce=300.0, starts=0.0, rates=rates))
    assert projection.outflow[0, 0] == pytest.approx(100 * 0.05 * 3 + 100 * 0.1)


def test_the_capacity_scales_bol_and_bbl_starts_down_together() -> None:
    capacity = np.full((1, 10), 60.0)
    projection = project(plan_of(starts=50.0, capacity=capacity))
    starts = projection.starts[0, 1]
    assert starts[R[Route.BOL]] == pytest.approx(30.0) and starts[R[Route.BBL]] == pytest.approx(
        30.0
    )
    assert starts[R[Route.SIDE_EVC]] == 50.0


def test_upskilling_moves_helpenden_to_verzorgende_ig() -> None:
    link = UpskillingLink(HELPENDE, VIG, Uncertain(0.032))
    plan = plan_of(cells=(HELPENDE, VIG), starts=0.0, upskilling=(link,), rates=still())
    projection = project(plan)
    assert projection.upskilling_out[0, 0] == pytest.approx(32.0)
    assert projection.upskilling_in[1, 0] == pytest.approx(32.0)
    assert projection.supply[1, 1] == pytest.approx(1032.0)


def test_the_fte_supply_is_the_headcount_times_the_fte_per_head() -> None:
    projection = project(plan_of())
    np.testing.assert_allclose(projection.supply_fte, projection.supply * 0.7)


def test_a_route_cannot_close_a_gap_before_its_first_graduates_arrive() -> None:
    projection = project(plan_of(demand=2000.0, starts=0.0))
    needed = projection.starts_needed[0]
    assert needed[R[Route.SIDE_EVC], 0] > 0
    assert projection.unclosed[0, R[Route.BOL], 1] == pytest.approx(projection.gap[0, 1])
    assert projection.unclosed[0, R[Route.BOL], 3] == pytest.approx(0.0, abs=1e-9)


def test_the_capacity_leaves_part_of_the_gap_unclosed_for_bol_but_not_for_side_entrants() -> None:
    capacity = np.full((1, 10), 100.0)
    projection = project(plan_of(demand=3000.0, starts=50.0, capacity=capacity))
    assert projection.starts_needed[0, R[Route.BOL]].max() <= 0.0
    assert projection.unclosed[0, R[Route.BOL], -1] > 0
    assert projection.unclosed[0, R[Route.SIDE_EVC], -1] == pytest.approx(0.0, abs=1e-9)


def test_demand_from_growth_compounds_the_yearly_growth() -> None:
    assert list(demand_from_growth(1000.0, 0.1, 2)) == pytest.approx([1000.0, 1100.0, 1210.0])


def test_the_default_rates_name_their_source() -> None:
    rates = default_rates()
    assert "RegioPlus" in rates.leaving[0].source
    assert "zorgkrant" in rates.first_year_dropout[R[Route.BOL]].source
    assert rates.leaving[0].central == 0.09
