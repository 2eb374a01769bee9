"""Baselines (nulmetingen), actuals, progress against targets and the back-test."""

from __future__ import annotations

import pytest

from opmaat.domain.forecasting.model import Lever, Route
from opmaat.domain.forecasting.pipeline import project
from opmaat.forecasting import services
from opmaat.forecasting.documents import plan_document, plan_from_document
from opmaat.forecasting.models import ActualMeasure
from tests.factories import add_plan_figures
from tests.personas import Personas

VIG = "25656"


def plan_figures(personas: Personas) -> None:
    add_plan_figures(
        personas.hanna, personas.region, workforce=(300, 400, 200), demand=1000, growth=0.02,
        starts={Route.BOL: 40, Route.BBL: 30},
    )  # fmt: skip


def test_a_baseline_keeps_its_projection_when_the_figures_change(personas: Personas) -> None:
    plan_figures(personas)
    baseline = services.do_record_baseline(personas.hanna, personas.region, "Nulmeting 2025")
    kept = baseline.projection["projections"][VIG]["supply"]
    add_plan_figures(personas.hanna, personas.region, workforce=(1, 1, 1))
    baseline.refresh_from_db()
    assert baseline.projection["projections"][VIG]["supply"] == kept
    assert baseline.recorded_by_name == "Hanna Hofman" and baseline.base_year == 2025


def test_a_plan_read_back_from_its_document_projects_the_same(personas: Personas) -> None:
    plan_figures(personas)
    plan = services.plan_of(personas.region, VIG)
    again = plan_from_document(plan_document(plan))
    assert (project(again).supply == project(plan).supply).all()


def test_the_backtest_error_is_the_actual_against_the_baseline_projection(
    personas: Personas,
) -> None:
    plan_figures(personas)
    baseline = services.do_record_baseline(personas.hanna, personas.region, "Nulmeting")
    projected = baseline.projection["projections"][VIG]["supply"]
    for year, delta in ((2026, 10.0), (2027, -5.0)):
        value = projected[year - 2025] + delta
        services.do_record_actual(
            personas.hanna, personas.region, VIG, year, ActualMeasure.WORKFORCE, value
        )
    errors = services.backtest_of(baseline, VIG)
    assert [e.year for e in errors] == [2026, 2027]
    assert [round(e.actual - e.projected, 3) for e in errors] == [10.0, -5.0]


def test_progress_puts_the_agreed_starts_beside_the_actual_starts(personas: Personas) -> None:
    plan_figures(personas)
    baseline = services.do_record_baseline(personas.hanna, personas.region, "Nulmeting")
    services.do_record_actual(
        personas.hanna, personas.region, VIG, 2025, ActualMeasure.STARTS, 35, "BOL"
    )
    rows = {(r.year, r.route): r for r in services.targets_of(baseline, VIG)}
    assert rows[(2025, Route.BOL)].target == 40 and rows[(2025, Route.BOL)].actual == 35
    assert rows[(2026, Route.BBL)].target == 30 and rows[(2026, Route.BBL)].actual is None


def test_more_side_entrants_in_a_scenario_never_widen_the_gap(personas: Personas) -> None:
    plan_figures(personas)
    without = services.outlook(personas.region, VIG, draws=10).projection.gap[0]
    scenario = services.do_save_scenario(
        personas.hanna, personas.region, "Zij-instroom",
        {Lever.EXTRA_SIDE_UNITS: 50, Lever.EXTRA_SIDE_EVC: 50},
    )  # fmt: skip
    with_more = services.outlook(personas.region, VIG, scenario, draws=10).projection.gap[0]
    assert (with_more <= without + 1e-9).all() and with_more[-1] < without[-1]


def test_the_comparison_starts_with_the_plan_without_a_scenario(personas: Personas) -> None:
    plan_figures(personas)
    scenario = services.do_save_scenario(
        personas.hanna, personas.region, "Stageplaatsen", {Lever.CAPACITY: 10}
    )
    result, _ = services.comparison(personas.region, VIG, [scenario])
    assert result.names == ("Zonder scenario", "Stageplaatsen")
    assert (result.gap_difference[0] == 0).all()


def test_an_actual_for_an_unknown_route_is_refused(personas: Personas) -> None:
    with pytest.raises(ValueError):
        services.do_record_actual(
            personas.hanna, personas.region, VIG, 2026, ActualMeasure.STARTS, 3, "stage"
        )
