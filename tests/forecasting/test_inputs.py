"""From a region's figures to the domain's plan (opmaat/forecasting/inputs.py, rules 1–5)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from opmaat.domain.forecasting.model import ROUTES, Route
from opmaat.domain.forecasting.xmile import export_xmile
from opmaat.forecasting import services
from opmaat.forecasting.inputs import carried, line
from opmaat.forecasting.models import Figure, Measure
from tests.factories import add_plan_figures
from tests.personas import Personas

VIG = "25656"


def test_the_base_year_is_the_latest_year_with_a_workforce(personas: Personas) -> None:
    add_plan_figures(personas.hanna, personas.region, year=2023)
    add_plan_figures(personas.hanna, personas.region, year=2025)
    plan = services.plan_of(personas.region, VIG)
    assert plan.base_year == 2025 and plan.years[-1] == 2035


def test_demand_between_two_given_years_is_a_straight_line(personas: Personas) -> None:
    add_plan_figures(personas.hanna, personas.region, demand=300)
    services.do_set_figure(personas.hanna, personas.region, VIG, 2029, Measure.DEMAND, "", 500, "t")
    demand = services.plan_of(personas.region, VIG).demand[0]
    assert list(demand[:5]) == [300, 350, 400, 450, 500]


def test_demand_after_the_last_given_year_grows_by_the_growth_figure(personas: Personas) -> None:
    add_plan_figures(personas.hanna, personas.region, demand=400, growth=0.1)
    demand = services.plan_of(personas.region, VIG).demand[0]
    assert demand[2] == pytest.approx(400 * 1.1**2)


def test_without_a_demand_figure_demand_starts_at_the_workforce(personas: Personas) -> None:
    add_plan_figures(personas.hanna, personas.region, workforce=(10, 20, 30))
    assert services.plan_of(personas.region, VIG).demand[0][0] == 60


def test_a_year_without_planned_starts_repeats_the_year_before(personas: Personas) -> None:
    add_plan_figures(personas.hanna, personas.region, starts={Route.BBL: 12})
    plan = services.plan_of(personas.region, VIG)
    assert (plan.starts[0, :, ROUTES.index(Route.BBL)] == 12).all()
    assert (plan.starts[0, :, ROUTES.index(Route.BOL)] == 0).all()


def test_members_figures_roll_up_where_the_region_has_none(personas: Personas) -> None:
    add_plan_figures(
        personas.fleur, personas.region, workforce=(1, 2, 3), organisation=personas.employer
    )
    add_plan_figures(
        personas.bram, personas.region, workforce=(10, 20, 30), organisation=personas.school
    )
    assert services.plan_of(personas.region, VIG).workforce[0].tolist() == [11, 22, 33]


def test_the_regions_own_figure_wins_over_its_members(personas: Personas) -> None:
    add_plan_figures(
        personas.fleur, personas.region, workforce=(1, 2, 3), organisation=personas.employer
    )
    add_plan_figures(personas.hanna, personas.region, workforce=(5, 5, 5))
    assert services.plan_of(personas.region, VIG).workforce[0].tolist() == [5, 5, 5]


def test_an_organisations_plan_holds_only_its_own_figures(personas: Personas) -> None:
    add_plan_figures(
        personas.fleur, personas.region, workforce=(1, 2, 3), organisation=personas.employer
    )
    add_plan_figures(personas.hanna, personas.region, workforce=(5, 5, 5))
    plan = services.plan_of(personas.region, VIG, personas.employer)
    assert plan.workforce[0].tolist() == [1, 2, 3] and plan.cells[0].region == "Zorggroep Zuid"


def test_a_censored_count_counts_as_its_midpoint_never_as_the_published_4(
    personas: Personas,
) -> None:
    add_plan_figures(personas.hanna, personas.region, workforce=(10, 10, 10))
    Figure.objects.create(
        region=personas.region, qualification=VIG, year=2025, measure=Measure.STUDENTS,
        part="BOL-1", low=1, high=4, source="DUO",
    )  # fmt: skip
    plan = services.plan_of(personas.region, VIG)
    assert plan.enrolled[0, ROUTES.index(Route.BOL), 0] == 2.5
    assert services.censored_count(personas.region, VIG) == 1


@given(
    st.dictionaries(st.integers(2025, 2035), st.floats(0, 1e5), min_size=1),
    st.floats(-0.1, 0.2),
)
def test_a_demand_line_passes_through_every_given_year(
    given_years: dict[int, float], growth: float
) -> None:
    years = list(range(2025, 2036))
    values = line(given_years, years, growth, 0.0)
    for year, value in given_years.items():
        assert values[years.index(year)] == pytest.approx(value)


@given(st.dictionaries(st.integers(2025, 2035), st.floats(0, 1e4)))
def test_carried_starts_take_each_years_own_figure(given_years: dict[int, float]) -> None:
    values = carried(given_years, list(range(2025, 2036)))
    for year, value in given_years.items():
        assert values[year - 2025] == value
    assert np.all(values >= 0)


def test_a_censored_count_widens_the_band_to_both_ends_of_its_interval(
    personas: Personas,
) -> None:
    add_plan_figures(personas.hanna, personas.region, workforce=(100, 100, 100))
    row = Figure.objects.create(
        region=personas.region, qualification=VIG, year=2025, measure=Measure.STUDENTS,
        part="BOL-3", low=1, high=400, source="t",
    )  # fmt: skip
    censored = services.outlook(personas.region, VIG, draws=50).bands
    row.value = 200.5
    row.save()
    exact = services.outlook(personas.region, VIG, draws=50).bands
    wide = censored.supply[90][0] - censored.supply[10][0]
    narrow = exact.supply[90][0] - exact.supply[10][0]
    assert (wide >= narrow - 1e-9).all() and (wide > narrow + 1).any()
    assert (censored.supply[50][0] == exact.supply[50][0]).all()


def test_capacity_holds_from_its_first_year_on_and_caps_nothing_before(
    personas: Personas,
) -> None:
    add_plan_figures(personas.hanna, personas.region, "25656")
    add_plan_figures(personas.hanna, personas.region, "25960")
    services.do_set_figure(
        personas.hanna, personas.region, "25960", 2027, Measure.CAPACITY, "", 5, "t"
    )
    plan = services.plan_of(personas.region, "25656")
    assert plan.capacity is not None
    assert np.isinf(plan.capacity[0]).all()  # 25656 has no capacity figure
    assert np.isinf(plan.capacity[1, :2]).all() and (plan.capacity[1, 2:] == 5).all()
    assert "<xmile" in export_xmile(plan, plan.cells[0])  # no cap is no number to write


def test_a_plan_with_a_capacity_survives_its_baseline_document(personas: Personas) -> None:
    from opmaat.domain.forecasting.pipeline import project
    from opmaat.forecasting.documents import plan_document, plan_from_document

    add_plan_figures(personas.hanna, personas.region, "25656", starts={Route.BOL: 30})
    services.do_set_figure(
        personas.hanna, personas.region, "25656", 2026, Measure.CAPACITY, "", 5, "t"
    )
    plan = services.plan_of(personas.region, "25656")
    document = plan_document(plan)
    assert "Infinity" not in json.dumps(document)
    assert (project(plan_from_document(document)).supply == project(plan).supply).all()
