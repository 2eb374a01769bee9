"""Authorisations (bekwaamheidsverklaringen): signing, withdrawing, expiry and reminders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.accounts.people import name_and_role
from opmaat.domain.workforce.deployability import Expiry, expiring, valid_until_for
from opmaat.domain.workforce.model import Authorisation, Evidence
from opmaat.domain.workforce.model import Employee as EmployeeValue
from opmaat.workforce import access
from opmaat.workforce.models import Act as ActRow
from opmaat.workforce.models import Authorisation as AuthorisationRow
from opmaat.workforce.models import Employee
from opmaat.workforce.services.common import audit
from opmaat.workforce.services.staff import authorisations_of, today

# How far ahead the dashboard and the reminders look for authorisations that run out.
REMINDER_DAYS = 31


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
