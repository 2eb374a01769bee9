"""Shared by the workforce services: the audit trail, the HR guard, today."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from opmaat.accounts.models import Organisation
from opmaat.accounts.people import name_and_role
from opmaat.workforce import access
from opmaat.workforce.models import Employee, Team, WorkforceEvent


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


def require_hr(actor: User, organisation: Organisation) -> None:
    if not access.is_hr_of(actor, organisation):
        raise PermissionDenied("employer_hr")


def teams_of(organisation: Organisation) -> list[Team]:
    return list(organisation.teams.all())


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())
