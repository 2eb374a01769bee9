"""A route as a person composes it: target, start, pathway and pace.

The composer (web page, API) sends a `RouteRequest`; `plan_request` checks it against the
catalog and plans it. Pace presets scale the hours per week, so "accelerate" and "slow down"
mean the same thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import InvalidInput
from opmaat.domain.routes.holdings import Holdings
from opmaat.domain.routes.plan import plan_route
from opmaat.domain.routes.route import Route


class Leerweg(StrEnum):
    """How the learner combines school and work (the route's pathway)."""

    BOL = "BOL"  # beroepsopleidende leerweg: school with internships
    BBL = "BBL"  # beroepsbegeleidende leerweg: working, a day a week at school
    DERDE = "derde_leerweg"  # contract training outside government funding, any qualification


class Pace(StrEnum):
    SLOWER = "slower"
    NORMAL = "normal"
    FASTER = "faster"


PACE_FACTOR = {Pace.SLOWER: 0.75, Pace.NORMAL: 1.0, Pace.FASTER: 1.25}
MAX_HOURS_PER_WEEK = 60.0


class InvalidPathway(InvalidInput):
    code = "invalid_pathway"

    def __init__(self, target: str, pathway: Leerweg, offered: tuple[str, ...]) -> None:
        self.target = target
        self.pathway = pathway
        super().__init__(
            f"{target} is not offered in {pathway.value}; offered: {', '.join(offered)}"
        )


@dataclass(frozen=True, slots=True)
class RouteRequest:
    target: str
    start: date
    hours_per_week: float
    pathway: Leerweg = Leerweg.BOL
    pace: Pace = Pace.NORMAL

    @property
    def effective_hours_per_week(self) -> float:
        return round(self.hours_per_week * PACE_FACTOR[self.pace], 1)


def check_pathway(catalog: Catalog, target: str, pathway: Leerweg) -> None:
    """BOL and BBL only where the qualification offers them; the derde leerweg is a contract
    form a school may offer for any qualification, and units or certificates have no pathway
    of their own."""
    qualification = catalog.qualifications.get(target)
    if qualification is None or pathway == Leerweg.DERDE:
        return
    offered = tuple(p.value for p in qualification.pathways)
    if pathway.value not in offered:
        raise InvalidPathway(target, pathway, offered)


def check_request(catalog: Catalog, request: RouteRequest) -> RouteRequest:
    """The request with its target resolved to a catalog code, or InvalidInput."""
    target = catalog.resolve(request.target.strip())
    if not 0 < request.effective_hours_per_week <= MAX_HOURS_PER_WEEK:
        raise InvalidInput(
            f"hours per week must be more than 0 and at most {MAX_HOURS_PER_WEEK:g}, "
            f"got {request.effective_hours_per_week:g}"
        )
    check_pathway(catalog, target, request.pathway)
    return replace(request, target=target)


def plan_request(catalog: Catalog, holdings: Holdings, request: RouteRequest) -> Route:
    checked = check_request(catalog, request)
    return plan_route(
        catalog, checked.target, holdings, checked.start, checked.effective_hours_per_week
    )
