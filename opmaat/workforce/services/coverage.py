"""Coverage, training demand, routes to a function and job carving over an organisation's staff."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.catalog import Catalog
from opmaat.domain.leerweg import Leerweg
from opmaat.domain.progress import AssessmentResult
from opmaat.domain.routes import Holdings, Route, StudyTime
from opmaat.domain.workforce.carving import Carving, carve
from opmaat.domain.workforce.coverage import (
    Capability,
    DayCoverage,
    Heatmap,
    RosterShift,
    ShiftNeed,
    capability_of,
    cover,
    heatmap,
)
from opmaat.domain.workforce.demand import (
    DemandRow,
    UnitDemand,
    by_candidate,
    route_to_function,
    training_demand,
)
from opmaat.domain.workforce.model import Employee as EmployeeValue
from opmaat.domain.workforce.model import Functiehuis
from opmaat.learners.services import holdings_of
from opmaat.progress.models import Assessment
from opmaat.workforce.models import Employee, Team
from opmaat.workforce.models import RosterShift as RosterShiftRow
from opmaat.workforce.models import ShiftNeed as ShiftNeedRow
from opmaat.workforce.services.functiehuis import functiehuis_of
from opmaat.workforce.services.staff import (
    employee_values,
    linked_learner_consents,
    staff_rows,
    today,
)


@dataclass(frozen=True, slots=True)
class Staff:
    """An organisation's staff as the domain computes with it, read once per page: the
    functiehuis, every employee's value and the capability matrices on `day`."""

    organisation: Organisation
    day: date
    catalog: Catalog
    huis: Functiehuis
    rows: Mapping[int, Employee]
    values: tuple[EmployeeValue, ...]
    capability: Capability

    def name(self, key: int) -> str:
        return self.rows[key].name


def staff_of(organisation: Organisation, day: date) -> Staff:
    catalog = current_catalog()
    huis = functiehuis_of(organisation)
    rows = {e.pk: e for e in staff_rows(organisation.employees.all())}
    values = tuple(employee_values(catalog, rows.values()))
    matrices = capability_of(huis, values, day)
    return Staff(organisation, day, catalog, huis, rows, values, matrices)


def needs_of(organisation: Organisation, team: Team | None = None) -> list[ShiftNeed]:
    rows = ShiftNeedRow.objects.filter(team__organisation=organisation).select_related("team")
    if team is not None:
        rows = rows.filter(team=team)
    return [ShiftNeed(r.team.name, r.weekday, r.start, r.end, r.task, r.count) for r in rows]


def roster_of(organisation: Organisation, days: Sequence[date]) -> list[RosterShift]:
    """Every rostered shift of the organisation on `days`: all of them, since who is busy
    elsewhere matters for filling gaps."""
    rows = RosterShiftRow.objects.filter(
        team__organisation=organisation, day__in=list(days)
    ).select_related("team")
    return [RosterShift(r.employee_id, r.day, r.start, r.end, r.team.name) for r in rows]


def coverage_of(
    staff: Staff, days: Sequence[date], team: Team | None = None
) -> tuple[DayCoverage, ...]:
    """Per day: which needs (of `team`, or every team) the roster meets, by whom, which
    not, and the best gap-filling assignment of the people available."""
    return cover(
        staff.capability,
        needs_of(staff.organisation, team),
        roster_of(staff.organisation, days),
        days,
    )


def heatmap_of(staff: Staff, days: Sequence[date]) -> Heatmap:
    return heatmap(coverage_of(staff, days))


def demand_of(
    staff: Staff, days: Sequence[date], team: Team | None = None
) -> tuple[DemandRow, ...]:
    """Training demand over `days`: per employee and unit or certificate the coverage it
    would add, ranked by coverage gained per training hour (opmaat.domain.workforce.demand).
    With `team`, only that team's needs and employees count."""
    coverages = coverage_of(staff, days, team)
    people = [v for v in staff.values if team is None or v.team == team.name]
    return training_demand(
        staff.huis, staff.catalog, people, staff.capability, coverages, staff.day
    )


def best_units(rows: Sequence[DemandRow]) -> tuple[UnitDemand, ...]:
    """ "Which single unit would add most coverage": the rows summed per unit."""
    return by_candidate(rows)


def holdings_for_route(employee: Employee) -> Holdings:
    """What the planner may count for the employee: the personnel file's diplomas, and with
    consent what the learner record holds and the results met."""
    codes = tuple(employee.diplomas)
    if not linked_learner_consents(employee):
        return Holdings(codes=codes)
    learner = employee.link.learner
    held = holdings_of(learner)
    met = Assessment.objects.filter(learner=learner, result=AssessmentResult.MET.value)
    return Holdings(
        codes=(*codes, *held.codes),
        exemptions=held.exemptions,
        outcomes=(*held.outcomes, *met.values_list("code", flat=True)),
        elective_hours=held.elective_hours,
    )


def route_for(employee: Employee, function_code: str, start: date | None = None) -> Route:
    """The employee's route to a target function (BBL at their contract hours)."""
    catalog = current_catalog()
    huis = functiehuis_of(employee.organisation)
    hours = employee.contract_hours or 24.0
    time = StudyTime(Leerweg.BBL, study_hours=8.0, work_hours=hours)
    return route_to_function(
        catalog, huis, function_code, holdings_for_route(employee), start or today(), time
    )


def carving_of(
    organisation: Organisation, source: str, tasks: Sequence[str], code: str, name: str
) -> Carving:
    """A job carving with everyone on the staff checked against the new function."""
    catalog = current_catalog()
    huis = functiehuis_of(organisation)
    people = employee_values(catalog, organisation.employees.select_related("team"))
    return carve(huis, catalog, source, tasks, code, name, people, today())
