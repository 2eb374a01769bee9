"""A route as a person composes it: target, start, pathway, their week and pace.

The composer (web page, API) sends a `RouteRequest`; `plan_request` checks it against the
catalog and plans it. Pace presets scale the study hours, so "accelerate" and "slow down"
mean the same thing everywhere; contract hours are what the contract says.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import InvalidInput
from opmaat.domain.leerweg import Leerweg
from opmaat.domain.routes.holdings import Holdings
from opmaat.domain.routes.plan import plan_route
from opmaat.domain.routes.route import Route
from opmaat.domain.routes.time import DEFAULT_STUDY_HOURS, StudyTime, study_time


class Pace(StrEnum):
    SLOWER = "slower"
    NORMAL = "normal"
    FASTER = "faster"


PACE_FACTOR = {Pace.SLOWER: 0.75, Pace.NORMAL: 1.0, Pace.FASTER: 1.25}


class InvalidPathway(InvalidInput):
    code = "invalid_pathway"

    def __init__(self, target: str, pathway: Leerweg, offered: tuple[str, ...]) -> None:
        self.target = target
        self.pathway = pathway
        super().__init__(field="pathway", target=target, pathway=pathway.value, offered=offered)


@dataclass(frozen=True, slots=True)
class RouteRequest:
    target: str
    start: date
    hours_per_week: float | None = None  # study hours a teaching week; None: the pathway's
    pathway: Leerweg = Leerweg.BOL
    pace: Pace = Pace.NORMAL
    work_hours_per_week: float | None = None  # BBL: contract hours; None: the default
    exam_only: tuple[str, ...] = ()
    cut: str | None = None

    @property
    def study_hours_per_week(self) -> float:
        hours = (
            DEFAULT_STUDY_HOURS[self.pathway]
            if self.hours_per_week is None
            else self.hours_per_week
        )
        return hours

    @property
    def effective_hours_per_week(self) -> float:
        return round(self.study_hours_per_week * PACE_FACTOR[self.pace], 1)

    def time(self) -> StudyTime:
        return study_time(self.pathway, self.effective_hours_per_week, self.work_hours_per_week)


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
    """The request with its target and exam-only codes resolved, or InvalidInput."""
    target = catalog.resolve(request.target.strip())
    check_pathway(catalog, target, request.pathway)
    exam_only = tuple(catalog.resolve(code) for code in request.exam_only)
    request.time()  # InvalidInput when the week cannot be
    return replace(request, target=target, exam_only=exam_only)


def plan_request(catalog: Catalog, holdings: Holdings, request: RouteRequest) -> Route:
    checked = check_request(catalog, request)
    return plan_route(
        catalog,
        checked.target,
        holdings,
        checked.start,
        checked.time(),
        checked.exam_only,
        checked.cut,
    )
