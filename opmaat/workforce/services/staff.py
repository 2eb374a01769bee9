"""Employees as the domain sees them: own data plus consented school data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Membership, Role, acts_on_record
from opmaat.domain.catalog import Catalog
from opmaat.domain.progress import AssessmentResult, SupervisionLevel
from opmaat.domain.routes import Holdings, resolve_credit
from opmaat.domain.workforce.deployability import Deployability, deployability
from opmaat.domain.workforce.model import Authorisation, Evidence
from opmaat.domain.workforce.model import Employee as EmployeeValue
from opmaat.learners.access import facts_of
from opmaat.learners.services import holdings_of
from opmaat.progress.models import Assessment, EntrustmentDecision
from opmaat.workforce.models import Employee, EmployeeLink
from opmaat.workforce.services.functiehuis import functiehuis_of


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
