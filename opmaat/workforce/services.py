"""The workforce app's only writer, and the bridge between its rows and the domain values
of opmaat.domain.workforce.

Every write takes the acting user, checks what it may do (opmaat.workforce.access), runs
in one transaction and leaves a `WorkforceEvent`: who, when, what and on what evidence.
School data about a linked learner reaches an `Employee` value only while the learner's
consent for the organisation stands (`school_data`), by the same rule that guards the
learner's record (opmaat.domain.access.acts_on_record).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.accounts.people import name_and_role
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Membership, Role, acts_on_record
from opmaat.domain.catalog import Catalog, EmployerEffect
from opmaat.domain.leerweg import Leerweg
from opmaat.domain.progress import AssessmentResult, SupervisionLevel
from opmaat.domain.routes import Holdings, Route, StudyTime, resolve_credit
from opmaat.domain.workforce.acts import BIG_ACTS
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
from opmaat.domain.workforce.deployability import (
    Deployability,
    Expiry,
    deployability,
    expiring,
    proposals,
    valid_until_for,
)
from opmaat.domain.workforce.model import (
    Act,
    Authorisation,
    Consequence,
    EffectRule,
    Evidence,
    Functiehuis,
    Function,
    Task,
)
from opmaat.domain.workforce.model import Employee as EmployeeValue
from opmaat.learners.access import facts_of
from opmaat.learners.services import holdings_of
from opmaat.progress.models import Assessment, EntrustmentDecision
from opmaat.workforce import access
from opmaat.workforce.files.read import read_functiehuis, read_roster
from opmaat.workforce.models import (
    Act as ActRow,
)
from opmaat.workforce.models import (
    Authorisation as AuthorisationRow,
)
from opmaat.workforce.models import (
    CareFunction,
    Employee,
    EmployeeLink,
    Proposal,
    Team,
    UnitEffect,
    WorkforceEvent,
)
from opmaat.workforce.models import (
    EffectRule as EffectRuleRow,
)
from opmaat.workforce.models import RosterShift as RosterShiftRow
from opmaat.workforce.models import ShiftNeed as ShiftNeedRow
from opmaat.workforce.models import Task as TaskRow

# How far ahead the dashboard and the reminders look for authorisations that run out.
REMINDER_DAYS = 31


def audit(
    actor: User | None,
    organisation: Organisation,
    action: str,
    summary: str,
    employee: Employee | None = None,
    changes: Mapping[str, Any] | None = None,
) -> WorkforceEvent:
    return WorkforceEvent.objects.create(
        organisation=organisation,
        employee=employee,
        actor=actor,
        actor_label=name_and_role(actor) if actor is not None else "opmaat",
        action=action,
        summary=summary[:300],
        changes=dict(changes or {}),
    )


# -- The functiehuis ---------------------------------------------------------------------


def act_of(row: ActRow) -> Act:
    return Act(row.code, row.name, row.reserved, row.validity_months, row.source)


def task_of(row: TaskRow) -> Task:
    return Task(
        row.code,
        row.name,
        tuple(row.werkprocessen),
        SupervisionLevel(row.min_level),
        tuple(row.acts),
    )


def function_of(row: CareFunction) -> Function:
    return Function(
        row.code,
        row.name,
        row.cao,
        row.fwg_group,
        row.qualification or None,
        tuple(row.werkprocessen),
        tuple(row.units),
        tuple(row.tasks),
        row.temporary,
        row.draft,
    )


def rule_of(row: EffectRuleRow) -> EffectRule:
    return EffectRule(
        EmployerEffect(row.effect),
        Consequence(row.consequence),
        row.steps,
        row.function or None,
        row.from_function or None,
    )


def functiehuis_of(organisation: Organisation) -> Functiehuis:
    """The organisation's functiehuis as the domain checks it."""
    return Functiehuis(
        functions=tuple(function_of(r) for r in organisation.care_functions.all()),
        tasks=tuple(task_of(r) for r in organisation.tasks.all()),
        acts=tuple(act_of(r) for r in organisation.acts.all()),
        rules=tuple(rule_of(r) for r in organisation.effect_rules.all()),
        unit_effects={u.unit: EmployerEffect(u.effect) for u in organisation.unit_effects.all()},
    )


def with_big_acts(acts: Iterable[Act]) -> tuple[Act, ...]:
    """`acts` with every reserved act of Wet BIG art. 36 the organisation does not list
    itself: the default data every functiehuis starts with."""
    own = {a.code: a for a in acts}
    return (*own.values(), *(a for a in BIG_ACTS if a.code not in own))


def check_functiehuis(catalog: Catalog, huis: Functiehuis) -> None:
    """Every catalog code the functiehuis names resolves (werkprocessen, units,
    qualifications); the domain's constructor has checked its own codes."""
    for task in huis.tasks:
        for code in task.werkprocessen:
            catalog.resolve(code)
    for function in huis.functions:
        for code in (*function.werkprocessen, *function.units):
            catalog.resolve(code)
        if function.qualification:
            catalog.resolve(function.qualification)
    for unit in huis.unit_effects:
        catalog.resolve(unit)


@transaction.atomic
def do_replace_functiehuis(
    actor: User,
    organisation: Organisation,
    huis: Functiehuis,
    sources: Mapping[str, str] | None = None,
) -> None:
    """Replace the organisation's functiehuis by `huis` (an import): checked first, then
    written in one go. Acts keep their rows (authorisations refer to them); an act no
    longer listed stays as it was. `sources` gives per function where its FWG group comes
    from."""
    require_hr(actor, organisation)
    check_functiehuis(current_catalog(), huis)
    for act in huis.acts:
        save_act(organisation, act)
    organisation.tasks.all().delete()
    organisation.care_functions.all().delete()
    organisation.effect_rules.all().delete()
    organisation.unit_effects.all().delete()
    TaskRow.objects.bulk_create(task_row(organisation, t) for t in huis.tasks)
    CareFunction.objects.bulk_create(
        function_row(organisation, f, (sources or {}).get(f.code, "")) for f in huis.functions
    )
    EffectRuleRow.objects.bulk_create(rule_row(organisation, r) for r in huis.rules)
    UnitEffect.objects.bulk_create(
        UnitEffect(organisation=organisation, unit=u, effect=e.value)
        for u, e in huis.unit_effects.items()
    )
    audit(
        actor,
        organisation,
        "functiehuis",
        f"Functiehuis vastgelegd: {len(huis.functions)} functies, {len(huis.tasks)} taken",
    )


def save_act(organisation: Organisation, act: Act) -> ActRow:
    row, _ = ActRow.objects.update_or_create(
        organisation=organisation,
        code=act.code,
        defaults={
            "name": act.name,
            "reserved": act.reserved,
            "validity_months": act.validity_months,
            "source": act.source,
        },
    )
    return row


def task_row(organisation: Organisation, task: Task) -> TaskRow:
    return TaskRow(
        organisation=organisation,
        code=task.code,
        name=task.name,
        werkprocessen=list(task.werkprocessen),
        min_level=int(task.min_level),
        acts=list(task.acts),
    )


def function_row(organisation: Organisation, function: Function, source: str = "") -> CareFunction:
    return CareFunction(
        organisation=organisation,
        code=function.code,
        name=function.name,
        cao=function.cao,
        fwg_group=function.fwg_group,
        fwg_source=source,
        qualification=function.qualification or "",
        werkprocessen=list(function.werkprocessen),
        units=list(function.units),
        tasks=list(function.tasks),
        temporary=function.temporary,
        draft=function.draft,
    )


def rule_row(organisation: Organisation, rule: EffectRule) -> EffectRuleRow:
    return EffectRuleRow(
        organisation=organisation,
        effect=rule.effect.value,
        consequence=rule.consequence.value,
        steps=rule.steps,
        function=rule.function or "",
        from_function=rule.from_function or "",
    )


@transaction.atomic
def do_save_draft_function(
    actor: User, organisation: Organisation, function: Function, note: str = ""
) -> CareFunction:
    """Save a carved function as a draft of the functiehuis (issue 16, job carving)."""
    require_hr(actor, organisation)
    huis = functiehuis_of(organisation).with_function(function)
    check_functiehuis(current_catalog(), huis)
    organisation.care_functions.filter(code=function.code).delete()
    row = function_row(organisation, function, note)
    row.draft = True
    row.save()
    audit(actor, organisation, "draft_function", f"Conceptfunctie {function.name} opgeslagen")
    return row


def require_hr(actor: User, organisation: Organisation) -> None:
    if not access.is_hr_of(actor, organisation):
        raise PermissionDenied("employer_hr")


# -- Employees and what they bring -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SchoolData:
    """What a consented learner record contributes: werkprocessen credited and the
    current supervision level per werkproces."""

    werkprocessen: frozenset[str] = frozenset()
    levels: Mapping[str, SupervisionLevel] | None = None
    consented: bool = False


def linked_learner_consents(employee: Employee) -> bool:
    """Whether school data may flow: the employee is linked to a learner record that is
    not erased, and the organisation acts on it (linked, with the learner's consent)."""
    link = EmployeeLink.objects.filter(employee=employee).select_related("learner").first()
    if link is None or link.learner.erased_at is not None:
        return False
    facts = facts_of(link.learner)
    return acts_on_record(Membership(employee.organisation_id, Role.EMPLOYER_HR), facts)


def school_data(catalog: Catalog, employee: Employee) -> SchoolData:
    """The linked learner's credit and levels, only with consent (see the module): what
    their holdings credit (diplomas, certificates, exemptions, EVC outcomes) and the
    results recorded as met."""
    if not linked_learner_consents(employee):
        return SchoolData()
    learner = employee.link.learner
    credit = resolve_credit(catalog, holdings_of(learner))
    met = Assessment.objects.filter(learner=learner, result=AssessmentResult.MET.value)
    results = {c for c in met.values_list("code", flat=True) if c in catalog.outcome_unit}
    credited = frozenset(credit.outcomes) | frozenset(results)
    return SchoolData(credited, levels_of(catalog, learner.pk), True)


def completed_units(catalog: Catalog, werkprocessen: frozenset[str]) -> tuple[str, ...]:
    """The vocational units all of whose werkprocessen are credited: what the
    organisation's heavier and deepening rules look at."""
    return tuple(
        sorted(
            u.code
            for u in catalog.units.values()
            if u.outcomes and all(o.code in werkprocessen for o in u.outcomes)
        )
    )


def levels_of(catalog: Catalog, learner_pk: int) -> dict[str, SupervisionLevel]:
    """The latest entrustment decision per activity, spread over the werkprocessen of the
    activity's unit (or its own werkproces): the highest level per werkproces."""
    levels: dict[str, SupervisionLevel] = {}
    seen: set[int] = set()
    decisions = EntrustmentDecision.objects.filter(learner_id=learner_pk).select_related("activity")
    for decision in decisions.order_by("-decided_on", "-id"):
        if decision.activity_id in seen:
            continue
        seen.add(decision.activity_id)
        for code in werkprocessen_under(catalog, decision.activity.unit_code):
            level = SupervisionLevel(decision.level)
            levels[code] = max(levels.get(code, level), level)
    return levels


def werkprocessen_under(catalog: Catalog, code: str) -> tuple[str, ...]:
    if code in catalog.outcome_unit:
        return (code,)
    unit = catalog.units.get(code)
    return tuple(o.code for o in unit.outcomes) if unit is not None else ()


def own_credit(catalog: Catalog, employee: Employee) -> frozenset[str]:
    """The werkprocessen of the diplomas and certificates in the personnel file."""
    if not employee.diplomas:
        return frozenset()
    return frozenset(resolve_credit(catalog, Holdings(codes=tuple(employee.diplomas))).outcomes)


def authorisations_of(employee: Employee) -> tuple[Authorisation, ...]:
    rows = employee.authorisations.filter(revoked_at__isnull=True).select_related("act")
    return tuple(
        Authorisation(
            r.act.code, r.granted_on, r.valid_until, Evidence(r.evidence), r.signed_by_label
        )
        for r in rows
    )


def employee_value(catalog: Catalog, employee: Employee) -> EmployeeValue:
    """The employee as deployability sees them: own data plus consented school data."""
    school = school_data(catalog, employee)
    credited = own_credit(catalog, employee) | school.werkprocessen
    return EmployeeValue(
        key=employee.pk,
        name=employee.name,
        team=employee.team.name if employee.team is not None else "",
        function=employee.function or None,
        contract_hours=employee.contract_hours,
        werkprocessen=credited,
        levels=dict(school.levels or {}),
        authorisations=authorisations_of(employee),
        completed_units=completed_units(catalog, credited),
    )


def employee_values(catalog: Catalog, employees: Iterable[Employee]) -> list[EmployeeValue]:
    return [employee_value(catalog, e) for e in employees]


def today() -> date:
    return timezone.localdate()


def deployability_of(employee: Employee, day: date | None = None) -> Deployability:
    catalog = current_catalog()
    huis = functiehuis_of(employee.organisation)
    return deployability(huis, employee_value(catalog, employee), catalog, day or today())


# -- Authorisations ----------------------------------------------------------------------


@transaction.atomic
def do_record_authorisation(
    actor: User,
    employee: Employee,
    act: ActRow,
    granted_on: date,
    evidence: Evidence,
    note: str = "",
    valid_until: date | None = None,
) -> AuthorisationRow:
    """Record a bekwaamheidsverklaring, signed by `actor`: only someone the organisation
    designates signs (issue 16), and only for an act of the employee's own organisation.
    Without `valid_until` it holds for the act's validity in months (None: until
    withdrawn). The domain value checks that it does not end before it starts."""
    organisation = employee.organisation
    if not access.is_signer(actor, organisation) or act.organisation_id != organisation.pk:
        raise PermissionDenied("signer")
    until = valid_until or valid_until_for(granted_on, act.validity_months)
    Authorisation(act.code, granted_on, until, evidence, name_and_role(actor))
    row = AuthorisationRow.objects.create(
        employee=employee,
        act=act,
        granted_on=granted_on,
        valid_until=until,
        evidence=evidence.value,
        note=note,
        signed_by=actor,
        signed_by_label=name_and_role(actor),
    )
    audit(
        actor,
        organisation,
        "authorisation",
        f"Bekwaamheidsverklaring {act.name} voor {employee.name}",
        employee,
        {
            "act": act.code,
            "granted_on": granted_on.isoformat(),
            "valid_until": until.isoformat() if until else None,
            "evidence": evidence.value,
            "note": note,
        },
    )
    return row


@transaction.atomic
def do_revoke_authorisation(actor: User, row: AuthorisationRow, note: str) -> None:
    organisation = row.employee.organisation
    if not access.is_signer(actor, organisation):
        raise PermissionDenied("signer")
    row.revoked_at = timezone.now()
    row.save(update_fields=["revoked_at"])
    audit(
        actor,
        organisation,
        "revoke_authorisation",
        f"Bekwaamheidsverklaring {row.act.name} van {row.employee.name} ingetrokken",
        row.employee,
        {"act": row.act.code, "note": note},
    )


def expiring_for(
    organisation: Organisation,
    employees: Sequence[Employee] | None = None,
    days: int = REMINDER_DAYS,
) -> list[tuple[Employee, Expiry]]:
    """Authorisations that run out within `days`, or have run out, with their employee.
    Reads only the organisation's own data: no school data is needed for a date."""
    staff = list(employees if employees is not None else organisation.employees.all())
    by_key = {e.pk: e for e in staff}
    values = [
        EmployeeValue(key=e.pk, name=e.name, authorisations=authorisations_of(e)) for e in staff
    ]
    return [(by_key[x.employee], x) for x in expiring(values, days, today())]


# -- Proposals ---------------------------------------------------------------------------


@transaction.atomic
def do_refresh_proposals(organisation: Organisation, actor: User | None = None) -> int:
    """Add a pending proposal for each heavier or deepening unit an employee completed
    that the organisation's rules turn into a function change or periodiek; one already
    proposed (decided or not) is never proposed again. Returns how many are new; with
    `actor` (HR asking), audited."""
    if actor is not None:
        require_hr(actor, organisation)
    catalog = current_catalog()
    huis = functiehuis_of(organisation)
    added = 0
    for employee in organisation.employees.select_related("team"):
        for p in proposals(huis, employee_value(catalog, employee), catalog):
            _, created = Proposal.objects.get_or_create(
                employee=employee,
                unit=p.unit,
                consequence=p.consequence.value,
                defaults={
                    "effect": p.effect.value,
                    "steps": p.steps,
                    "function": p.function or "",
                },
            )
            added += created
    if actor is not None:
        audit(actor, organisation, "proposals", f"Voorstellen bijgewerkt: {added} nieuw")
    return added


@transaction.atomic
def do_decide_proposal(actor: User, proposal: Proposal, accept: bool, note: str = "") -> None:
    """HR accepts or declines a pending proposal, audited; accepting a function change
    moves the employee to that function."""
    employee = proposal.employee
    require_hr(actor, employee.organisation)
    if proposal.state != Proposal.State.PENDING:
        raise PermissionDenied("decided")
    proposal.state = Proposal.State.ACCEPTED if accept else Proposal.State.DECLINED
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.note = note
    proposal.save()
    if accept and proposal.function:
        employee.function = proposal.function
        employee.save(update_fields=["function"])
    audit(
        actor,
        employee.organisation,
        "proposal",
        f"Voorstel {proposal.get_consequence_display()} na {proposal.unit} voor "
        f"{employee.name}: {proposal.get_state_display()}",
        employee,
        {"unit": proposal.unit, "state": proposal.state, "note": note},
    )


def pending_proposals(organisation: Organisation) -> list[Proposal]:
    return list(
        Proposal.objects.filter(
            employee__organisation=organisation, state=Proposal.State.PENDING
        ).select_related("employee")
    )


def teams_of(organisation: Organisation) -> list[Team]:
    return list(organisation.teams.all())


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


# -- Coverage, training demand, carving --------------------------------------------------


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
    rows = {e.pk: e for e in organisation.employees.select_related("team")}
    values = tuple(employee_value(catalog, e) for e in rows.values())
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


# -- Files -------------------------------------------------------------------------------


def saved_upload(folder: str, name: str, data: bytes) -> Path:
    """The upload as a file under its own name (problems name it), in `folder`."""
    path = Path(folder) / (Path(name).name or "upload")
    path.write_bytes(data)
    return path


@transaction.atomic
def do_import_roster(actor: User, organisation: Organisation, name: str, data: bytes) -> int:
    """Replace the organisation's roster on the days the file covers by the file's shifts.
    The whole file is checked first (read.read_roster); on any problem nothing changes."""
    require_hr(actor, organisation)
    employees = dict(organisation.employees.values_list("personnel_number", "pk"))
    teams = dict(organisation.teams.values_list("name", "pk"))
    with tempfile.TemporaryDirectory() as folder:
        shifts = read_roster(saved_upload(folder, name, data), employees, teams)
    days = sorted({s.day for s in shifts})
    RosterShiftRow.objects.filter(team__organisation=organisation, day__in=days).delete()
    RosterShiftRow.objects.bulk_create(
        RosterShiftRow(
            employee_id=employees[s.employee],
            day=s.day,
            start=s.start,
            end=s.end,
            team_id=teams[s.team],
        )
        for s in shifts
    )
    span = f"{days[0].isoformat()} – {days[-1].isoformat()}" if days else "—"
    audit(
        actor, organisation, "roster", f"Rooster {name} ingelezen: {len(shifts)} diensten, {span}"
    )
    return len(shifts)


@transaction.atomic
def do_import_functiehuis(actor: User, organisation: Organisation, name: str, data: bytes) -> int:
    """Replace the functiehuis by the workbook's (read.read_functiehuis): checked whole
    first; on any problem nothing changes. Returns the number of functions."""
    require_hr(actor, organisation)
    with tempfile.TemporaryDirectory() as folder:
        found = read_functiehuis(saved_upload(folder, name, data), current_catalog(), BIG_ACTS)
    do_replace_functiehuis(actor, organisation, found.huis, found.sources)
    return len(found.huis.functions)


def do_import(actor: User, organisation: Organisation, kind: str, name: str, data: bytes) -> int:
    if kind == "functiehuis":
        return do_import_functiehuis(actor, organisation, name, data)
    return do_import_roster(actor, organisation, name, data)


@dataclass(frozen=True, slots=True)
class Reminder:
    """An authorisation to renew: who, where, which act and until when."""

    organisation: str
    personnel_number: str
    employee: str
    team: str
    act: str
    act_name: str
    valid_until: date
    expired: bool


def reminders(days: int = REMINDER_DAYS) -> list[Reminder]:
    """Every care organisation's authorisations that run out within `days` or have run
    out (opmaat.domain.workforce.deployability.expiring), soonest first: for an operator's
    job that mails or lists them. Only the organisations' own data is read."""
    found: list[Reminder] = []
    for organisation in Organisation.objects.filter(employees__isnull=False).distinct():
        names = dict(organisation.acts.values_list("code", "name"))
        staff = list(organisation.employees.select_related("team"))
        for employee, expiry in expiring_for(organisation, staff, days):
            found.append(
                Reminder(
                    organisation.name,
                    employee.personnel_number,
                    employee.name,
                    employee.team.name if employee.team else "",
                    expiry.act,
                    names.get(expiry.act, expiry.act),
                    expiry.valid_until,
                    expiry.expired,
                )
            )
    return sorted(found, key=lambda r: (r.valid_until, r.organisation, r.employee))
