"""Proposals after heavier and deepening units, and HR's decisions on them."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.workforce.deployability import proposals
from opmaat.workforce.models import Proposal
from opmaat.workforce.services.common import audit, require_hr
from opmaat.workforce.services.functiehuis import functiehuis_of
from opmaat.workforce.services.staff import employee_value


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
