"""The workforce part of the JSON API, mounted at /api/workforce by opmaat.api.app: the
functiehuis, the staff, deployability per employee, coverage per team and day, training
demand and job carving. Same services and permissions as the pages (opmaat.workforce.access):
another organisation's staff is 404, a team leader sees only their team."""

from __future__ import annotations

from datetime import date, time, timedelta

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Router, Schema

from opmaat.api.schemas import ASKED, Problem
from opmaat.domain.workforce.carving import Carving
from opmaat.domain.workforce.coverage import DayCoverage
from opmaat.domain.workforce.deployability import Deployability
from opmaat.domain.workforce.model import Functiehuis, Function
from opmaat.workforce import access, services

router = Router(tags=["workforce"])


def user_of(request: HttpRequest) -> User:
    if not isinstance(request.user, User):
        raise PermissionDenied("login required")
    return request.user


class FunctionOut(Schema):
    code: str
    name: str
    cao: str
    fwg_group: int = Field(description="FWG function group under the CAO")
    qualification: str | None = Field(description="Required crebo, or null")
    werkprocessen: list[str]
    units: list[str]
    tasks: list[str]
    temporary: bool
    draft: bool

    @classmethod
    def from_domain(cls, f: Function) -> FunctionOut:
        return cls(
            code=f.code,
            name=f.name,
            cao=f.cao,
            fwg_group=f.fwg_group,
            qualification=f.qualification,
            werkprocessen=list(f.werkprocessen),
            units=list(f.units),
            tasks=list(f.tasks),
            temporary=f.temporary,
            draft=f.draft,
        )


class TaskOut(Schema):
    code: str
    name: str
    werkprocessen: list[str]
    min_level: int = Field(description="Supervision level (1–5) from which it is done alone")
    acts: list[str]


class ActOut(Schema):
    code: str
    name: str
    reserved: bool = Field(description="A reserved act of Wet BIG art. 36")
    validity_months: int | None
    source: str


class FunctiehuisOut(Schema):
    format: str = Field(description="`opmaat-functiehuis/1`")
    functions: list[FunctionOut]
    tasks: list[TaskOut]
    acts: list[ActOut]

    @classmethod
    def from_domain(cls, huis: Functiehuis) -> FunctiehuisOut:
        return cls(
            format="opmaat-functiehuis/1",
            functions=[FunctionOut.from_domain(f) for f in huis.functions],
            tasks=[
                TaskOut(
                    code=t.code,
                    name=t.name,
                    werkprocessen=list(t.werkprocessen),
                    min_level=int(t.min_level),
                    acts=list(t.acts),
                )
                for t in huis.tasks
            ],
            acts=[
                ActOut(
                    code=a.code,
                    name=a.name,
                    reserved=a.reserved,
                    validity_months=a.validity_months,
                    source=a.source,
                )
                for a in huis.acts
            ],
        )


class EmployeeOut(Schema):
    id: int
    personnel_number: str
    name: str
    team: str | None
    function: str | None
    contract_hours: float


class MissingOut(Schema):
    kind: str = Field(description="werkproces, level, act_authorisation, expired_authorisation")
    code: str
    have: int | None
    need: int | None
    reserved: bool


class VerdictOut(Schema):
    task: str
    status: str = Field(description="alone, supervised or not_yet")
    missing: list[MissingOut]


class FitOut(Schema):
    function: str
    qualified: bool
    tasks_missing: list[str]
    werkprocessen_missing: list[str]


class DeployabilityOut(Schema):
    format: str = Field(description="`opmaat-deployability/1`")
    employee: int
    day: date
    school_data: bool = Field(description="Whether consented school data counted")
    tasks: list[VerdictOut]
    functions: list[FitOut]

    @classmethod
    def from_domain(cls, found: Deployability, school: bool) -> DeployabilityOut:
        return cls(
            format="opmaat-deployability/1",
            employee=found.employee,
            day=found.day,
            school_data=school,
            tasks=[
                VerdictOut(
                    task=v.task,
                    status=v.status.value,
                    missing=[
                        MissingOut(
                            kind=m.kind.value,
                            code=m.code,
                            have=m.have,
                            need=m.need,
                            reserved=m.reserved,
                        )
                        for m in v.missing
                    ],
                )
                for v in found.verdicts
            ],
            functions=[
                FitOut(
                    function=f.function,
                    qualified=f.qualified,
                    tasks_missing=list(f.tasks_missing),
                    werkprocessen_missing=list(f.werkprocessen_missing),
                )
                for f in found.functions
            ],
        )


class NeedOut(Schema):
    task: str
    count: int
    by: list[int] = Field(description="Employees on the roster who cover it")
    unmet: int
    fill: list[int] = Field(description="Available employees proposed to fill what is unmet")
    supervised: list[int] = Field(description="On the roster, may do it under supervision only")


class WindowOut(Schema):
    team: str
    start: time
    end: time
    rostered: list[int]
    needs: list[NeedOut]


class CoverageOut(Schema):
    format: str = Field(description="`opmaat-coverage/1`")
    day: date
    required: int
    met: int
    unmet: int
    windows: list[WindowOut]

    @classmethod
    def from_domain(cls, found: DayCoverage, visible: set[int]) -> CoverageOut:
        """People the user may not see (a team leader, about another team) are left out of
        `fill`; the counts stay whole."""
        return cls(
            format="opmaat-coverage/1",
            day=found.day,
            required=found.required,
            met=found.met,
            unmet=found.unmet,
            windows=[
                WindowOut(
                    team=w.team,
                    start=w.start,
                    end=w.end,
                    rostered=list(w.rostered),
                    needs=[
                        NeedOut(
                            task=n.need.task,
                            count=n.need.count,
                            by=list(n.by),
                            unmet=n.unmet,
                            fill=[k for k in n.fill if k in visible],
                            supervised=list(n.supervised),
                        )
                        for n in w.needs
                    ],
                )
                for w in found.windows
            ],
        )


class DemandOut(Schema):
    employee: int
    candidate: str = Field(description="The unit or certificate")
    name: str
    hours: float
    gained: int = Field(description="Windows whose unmet places drop by one")
    tasks: list[str] = Field(description="Tasks the employee would then do alone")


class UnitDemandOut(Schema):
    candidate: str
    name: str
    people: int
    hours: float
    gained: int


class DemandDocument(Schema):
    format: str = Field(description="`opmaat-training-demand/1`")
    start: date
    end: date
    units: list[UnitDemandOut] = Field(description="Most coverage gained first")
    rows: list[DemandOut] = Field(description="Ranked by coverage gained per training hour")


class CarvingIn(Schema):
    source: str = Field(description="The function carved from")
    tasks: list[str]
    code: str
    name: str
    save: bool = Field(False, description="Save the new function as a draft")


class CarvingOut(Schema):
    function: FunctionOut
    source: str
    kept_tasks: list[str]
    werkprocessen: list[str]
    units: list[str]
    hours: float
    full_hours: float
    hours_saved: float
    qualified: list[int] = Field(description="Employees who already qualify")
    saved: bool

    @classmethod
    def from_domain(cls, found: Carving, saved: bool) -> CarvingOut:
        return cls(
            function=FunctionOut.from_domain(found.function),
            source=found.source,
            kept_tasks=list(found.kept_tasks),
            werkprocessen=list(found.werkprocessen),
            units=list(found.units),
            hours=found.hours,
            full_hours=found.full_hours,
            hours_saved=found.hours_saved,
            qualified=list(found.qualified),
            saved=saved,
        )


@router.get("/organisations/{int:pk}/functiehuis", response={200: FunctiehuisOut, **ASKED})
def functiehuis(request: HttpRequest, pk: int) -> FunctiehuisOut:
    """The organisation's functions, task library and acts (HR only)."""
    organisation = access.access_organisation(user_of(request), pk)
    return FunctiehuisOut.from_domain(services.functiehuis_of(organisation))


@router.get("/employees", response={200: list[EmployeeOut], **ASKED})
def employees(request: HttpRequest) -> list[EmployeeOut]:
    """Every employee the user may see: HR their organisation's, a team leader their team's."""
    rows = access.visible_employees(user_of(request)).select_related("team")
    return [
        EmployeeOut(
            id=e.pk,
            personnel_number=e.personnel_number,
            name=e.name,
            team=e.team.name if e.team else None,
            function=e.function or None,
            contract_hours=e.contract_hours,
        )
        for e in rows.order_by("organisation", "name")
    ]


@router.get("/employees/{int:pk}/deployability", response={200: DeployabilityOut, **ASKED})
def deployability(request: HttpRequest, pk: int, day: date | None = None) -> DeployabilityOut:
    """Per task alone, supervised or not yet and what is missing; per function whether the
    employee qualifies."""
    employee = access.access_employee(user_of(request), pk)
    found = services.deployability_of(employee, day)
    return DeployabilityOut.from_domain(found, services.linked_learner_consents(employee))


@router.get("/teams/{int:pk}/coverage", response={200: CoverageOut, **ASKED})
def coverage(request: HttpRequest, pk: int, day: date | None = None) -> CoverageOut:
    """Who covers the team's needs on `day` (default tomorrow), what stays unmet and who
    could fill it."""
    user = user_of(request)
    team = access.access_team(user, pk)
    chosen = day or services.today() + timedelta(days=1)
    staff = services.staff_of(team.organisation, chosen)
    [found] = services.coverage_of(staff, [chosen], team)
    visible = set(access.visible_employees(user).values_list("pk", flat=True))
    return CoverageOut.from_domain(found, visible)


@router.get("/organisations/{int:pk}/demand", response={200: DemandDocument, **ASKED})
def demand(
    request: HttpRequest, pk: int, start: date | None = None, team: int | None = None
) -> DemandDocument:
    """Training demand over the seven days from `start` (default tomorrow), for the whole
    organisation or one team (HR only)."""
    organisation = access.access_organisation(user_of(request), pk)
    chosen = organisation.teams.filter(pk=team).first() if team is not None else None
    first = start or services.today() + timedelta(days=1)
    days = [first + timedelta(days=n) for n in range(7)]
    rows = services.demand_of(services.staff_of(organisation, first), days, chosen)
    return DemandDocument(
        format="opmaat-training-demand/1",
        start=days[0],
        end=days[-1],
        units=[
            UnitDemandOut(
                candidate=u.candidate, name=u.name, people=u.people, hours=u.hours, gained=u.gained
            )
            for u in services.best_units(rows)
        ],
        rows=[
            DemandOut(
                employee=r.employee,
                candidate=r.candidate,
                name=r.name,
                hours=r.hours,
                gained=r.gained,
                tasks=list(r.tasks),
            )
            for r in rows
        ],
    )


@router.post(
    "/organisations/{int:pk}/carvings",
    response={200: CarvingOut, 400: Problem, **ASKED},
)
def carving(request: HttpRequest, pk: int, body: CarvingIn) -> CarvingOut:
    """Carve tasks out of a function: what the new function needs and saves, who already
    qualifies; with `save`, the new function is added to the functiehuis as a draft."""
    user = user_of(request)
    organisation = access.access_organisation(user, pk)
    found = services.carving_of(organisation, body.source, body.tasks, body.code, body.name)
    if body.save:
        services.do_save_draft_function(user, organisation, found.function)
    return CarvingOut.from_domain(found, body.save)
