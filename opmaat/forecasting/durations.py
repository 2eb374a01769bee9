"""Months to deployable per route, from the route planner for a typical profile of each
route, so that the regional plan and the personal routes agree (issue 17, item 2).

The profiles (assumptions, shown on the plan's page):
- BOL first-year: a vmbo-gt diploma, the BOL standard week, start 1 September;
- BBL learner: the same diploma, the BBL standard week (the law's norm);
- side-entrant through units: an mbo-4 diploma from another sector, BBL with 24 contract
  hours a week, every unit of the qualification still to do;
- side-entrant with EVC: the same, with an ervaringscertificaat that exempts the first half
  of the qualification's units (the seeds' EVC cases exempt five or all of six units of
  Maatschappelijke Zorg; half is the cautious assumption);
- returner: not a route of the planner (a refresher, not a qualification): the domain's
  default.
A qualification the catalog does not hold (a function or group name) takes the domain's
default durations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import DomainError
from opmaat.domain.forecasting.defaults import DURATIONS
from opmaat.domain.forecasting.model import Route, RouteDurations
from opmaat.domain.leerweg import Leerweg
from opmaat.domain.routes import Holdings, StudyTime, months_between, plan_route
from opmaat.domain.routes.time import standard_time, study_time

SIDE_ENTRANT_CONTRACT_HOURS = 24.0


@dataclass(frozen=True, slots=True)
class Profile:
    route: Route
    holdings: Holdings
    time: StudyTime


def profiles(catalog: Catalog, crebo: str) -> tuple[Profile, ...]:
    units = catalog.qualifications[crebo].units
    side = study_time(Leerweg.BBL, None, SIDE_ENTRANT_CONTRACT_HOURS)
    return (
        Profile(Route.BOL, Holdings(codes=("VMBO-GT",)), standard_time(Leerweg.BOL)),
        Profile(Route.BBL, Holdings(codes=("VMBO-GT",)), standard_time(Leerweg.BBL)),
        Profile(Route.SIDE_UNITS, Holdings(codes=("MBO-4",)), side),
        Profile(
            Route.SIDE_EVC,
            Holdings(codes=("MBO-4",), exemptions=tuple(units[: len(units) // 2])),
            side,
        ),
    )


def route_durations(catalog: Catalog, qualification: str, start: date) -> RouteDurations:
    """Whole months (rounded up) from `start` to the planned completion, per route."""
    if qualification not in catalog.qualifications:
        return DURATIONS
    months = dict(DURATIONS.months)
    for profile in profiles(catalog, qualification):
        try:
            route = plan_route(catalog, qualification, profile.holdings, start, profile.time)
        except DomainError:
            continue  # a pathway the qualification lacks keeps the default
        months[profile.route] = math.ceil(months_between(start, route.completion_date))
    return RouteDurations(months)
