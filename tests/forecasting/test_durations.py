"""Route durations come from the route planner, so the regional plan and the personal
routes agree (issue 17, item 2)."""

from __future__ import annotations

import math
from datetime import date

from opmaat.catalog.cache import current_catalog
from opmaat.domain.catalog import Catalog
from opmaat.domain.forecasting.defaults import DURATIONS
from opmaat.domain.forecasting.model import Route
from opmaat.domain.routes import months_between, plan_route
from opmaat.forecasting import services
from opmaat.forecasting.durations import profiles, route_durations
from tests.factories import add_plan_figures
from tests.personas import Personas

START = date(2025, 9, 1)


def test_each_routes_months_are_the_planners_route_for_its_profile(
    default_catalog: Catalog,
) -> None:
    durations = route_durations(default_catalog, "25656", START)
    for profile in profiles(default_catalog, "25656"):
        route = plan_route(default_catalog, "25656", profile.holdings, START, profile.time)
        expected = math.ceil(months_between(START, route.completion_date))
        assert durations.months[profile.route] == expected


def test_a_side_entrant_with_evc_is_deployable_sooner_than_a_bol_first_year(
    default_catalog: Catalog,
) -> None:
    for crebo in ("25656", "25655", "25960", "25780"):
        months = route_durations(default_catalog, crebo, START).months
        assert months[Route.SIDE_EVC] < months[Route.SIDE_UNITS] <= months[Route.BOL], crebo


def test_a_function_outside_the_catalog_takes_the_domains_defaults(
    default_catalog: Catalog,
) -> None:
    assert route_durations(default_catalog, "Gastvrouw", START) == DURATIONS


def test_the_regions_plan_takes_the_planners_months_from_1_september_of_its_base_year(
    personas: Personas,
) -> None:
    add_plan_figures(personas.hanna, personas.region, year=2026)
    plan = services.plan_of(personas.region, "25656")
    expected = route_durations(current_catalog(), "25656", date(2026, 9, 1))
    assert plan.durations == expected and expected != DURATIONS
