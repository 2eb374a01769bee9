"""Employees as the domain sees them: own data plus consented school data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet
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
from opmaat.learners.models import Learner
from opmaat.learners.services import holdings_of
from opmaat.progress.models import Assessment, EntrustmentDecision
from opmaat.workforce.models import Authorisation as AuthorisationRow
from opmaat.workforce.models import Employee, EmployeeLink
from opmaat.workforce.services.functiehuis import functiehuis_of


@dataclass(frozen=True, slots=True)
class SchoolData:
    """What a consented learner record contributes: werkprocessen credited and the
    current supervision level per werkproces."""

    werkprocessen: frozenset[str] = frozenset()
    levels: Mapping[str, SupervisionLevel] | None = None
    consented: bool = False


def link_of(employee: Employee) -> EmployeeLink | None:
    """The employee's link to a learner record, if any (read with the employee when the
    query selected `link__learner`)."""
    try:
        return employee.link
    except EmployeeLink.DoesNotExist:
        return None


def linked_learner_consents(employee: Employee) -> bool:
    """Whether school data may flow: the employee is linked to a learner record that is
    not erased, and the organisation acts on it (linked, with the learner's consent)."""
    link = link_of(employee)
    if link is None:
        return False
    # The link may have been read with the employee long before: ask the record itself.
    learner = Learner.objects.get(pk=link.learner_id)
    if learner.erased_at is not None:
        return False
    facts = facts_of(learner)
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


@dataclass(slots=True)
class Credits:
    """What the catalog credits, remembered while one page reads a whole staff: most
    employees share their diplomas, so each set is resolved once."""

    catalog: Catalog
    diplomas: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    units: dict[frozenset[str], tuple[str, ...]] = field(default_factory=dict)

    def own(self, employee: Employee) -> frozenset[str]:
        """The werkprocessen of the diplomas and certificates in the personnel file."""
        codes = tuple(employee.diplomas)
        if codes not in self.diplomas:
            credit = resolve_credit(self.catalog, Holdings(codes=codes)) if codes else None
            self.diplomas[codes] = frozenset(credit.outcomes) if credit else frozenset()
        return self.diplomas[codes]

    def completed(self, werkprocessen: frozenset[str]) -> tuple[str, ...]:
        if werkprocessen not in self.units:
            self.units[werkprocessen] = completed_units(self.catalog, werkprocessen)
        return self.units[werkprocessen]


def own_credit(catalog: Catalog, employee: Employee) -> frozenset[str]:
    """The werkprocessen of the diplomas and certificates in the personnel file."""
    return Credits(catalog).own(employee)


def authorisations_of(employee: Employee) -> tuple[Authorisation, ...]:
    """The authorisations not withdrawn (from the prefetched rows, when there are)."""
    rows = [r for r in employee.authorisations.all() if r.revoked_at is None]
    return tuple(
        Authorisation(
            r.act.code, r.granted_on, r.valid_until, Evidence(r.evidence), r.signed_by_label
        )
        for r in rows
    )


def staff_rows(employees: QuerySet[Employee]) -> QuerySet[Employee]:
    """`employees` with what their values need read in a few queries, not per person."""
    return employees.select_related("team", "link__learner").prefetch_related(
        Prefetch("authorisations", queryset=AuthorisationRow.objects.select_related("act"))
    )


def employee_value(
    catalog: Catalog, employee: Employee, credits: Credits | None = None
) -> EmployeeValue:
    """The employee as deployability sees them: own data plus consented school data."""
    known = credits or Credits(catalog)
    school = school_data(catalog, employee)
    credited = known.own(employee) | school.werkprocessen
    return EmployeeValue(
        key=employee.pk,
        name=employee.name,
        team=employee.team.name if employee.team is not None else "",
        function=employee.function or None,
        contract_hours=employee.contract_hours,
        werkprocessen=credited,
        levels=dict(school.levels or {}),
        authorisations=authorisations_of(employee),
        completed_units=known.completed(credited),
    )


def employee_values(catalog: Catalog, employees: Iterable[Employee]) -> list[EmployeeValue]:
    credits = Credits(catalog)
    return [employee_value(catalog, e, credits) for e in employees]


def today() -> date:
    return timezone.localdate()


def deployability_of(employee: Employee, day: date | None = None) -> Deployability:
    catalog = current_catalog()
    huis = functiehuis_of(employee.organisation)
    return deployability(huis, employee_value(catalog, employee), catalog, day or today())
