"""Training demand: which unit (or certificate), completed by whom, would cover most of
the needs the roster leaves unmet, per training hour; and a route to a target function.

Coverage gained by person p completing candidate c: the number of windows in which the
roster's maximum assignment would grow by one if p's werkprocessen included c's (their
level 5), p keeping their other abilities. By the max-flow theorem for an added edge, the
assignment of a window grows exactly when p is reachable from the source in the window's
residual graph and some need whose task p would newly do alone reaches the sink; so it is
computed from one residual graph, not by re-solving per candidate. Hours are the
candidate's werkprocessen not yet credited to p (the route planner's gap for a unit
target).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes import Holdings, Route, StudyTime
from opmaat.domain.workforce.coverage import Capability, DayCoverage
from opmaat.domain.workforce.model import Employee, Functiehuis


@dataclass(frozen=True, slots=True)
class Candidate:
    """A unit or certificate that credits `werkprocessen` when completed."""

    code: str
    name: str
    werkprocessen: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DemandRow:
    employee: int
    candidate: str
    name: str
    hours: float
    gained: int  # windows whose unmet need-slots drop by one
    tasks: tuple[str, ...]  # tasks the employee would newly do alone

    @property
    def gained_per_hour(self) -> float:
        return self.gained / self.hours if self.hours > 0 else float("inf")


def candidates(huis: Functiehuis, catalog: Catalog) -> tuple[Candidate, ...]:
    """The vocational units and certificates that credit a werkproces some task needs."""
    raise NotImplementedError


def training_demand(
    huis: Functiehuis,
    catalog: Catalog,
    employees: Sequence[Employee],
    capability: Capability,
    coverages: Sequence[DayCoverage],
    today: date,
) -> tuple[DemandRow, ...]:
    """Per employee and candidate with any coverage gained: the row, ranked by coverage
    gained per training hour, then coverage gained, then employee and candidate code."""
    raise NotImplementedError


@dataclass(frozen=True, slots=True)
class UnitDemand:
    """A candidate over everyone: how many would gain by it, their hours, their gain."""

    candidate: str
    name: str
    people: int
    hours: float
    gained: int


def by_candidate(rows: Sequence[DemandRow]) -> tuple[UnitDemand, ...]:
    """The rows summed per candidate, most coverage gained first: "which single unit would
    add most coverage"."""
    raise NotImplementedError


def route_to_function(
    catalog: Catalog,
    huis: Functiehuis,
    function_code: str,
    holdings: Holdings,
    start: date,
    time: StudyTime,
) -> Route:
    """The route planner with a function as target: to its qualification when it requires
    one, else to exactly its werkprocessen and units."""
    raise NotImplementedError
