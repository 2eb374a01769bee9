"""Who sees which staff: the guards of every workforce page and endpoint.

Rules (issue 16, docs/access.md "Staff and deployability"):
1. HR (employer HR) of a care organisation sees all of that organisation's staff, teams,
   functiehuis and roster, and nothing of any other organisation's: another organisation's
   employee is "not found" (404), never "forbidden", so its existence does not leak.
2. A team leader (a team-leader membership at the organisation and named leader of the
   team) sees the staff of the teams they lead, and nothing else.
3. Only the people the organisation designates (`Signer`) record authorisations.
4. School data about a linked learner flows only with the learner's consent for the
   organisation (`services.school_data`, through opmaat.learners.access).
An administrator sees everything.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet
from django.http import Http404

from opmaat.accounts.models import Organisation
from opmaat.domain.access import OrganisationKind, Role
from opmaat.learners.access import actor_of
from opmaat.workforce.models import Employee, Signer, Team


def hr_organisations(user: User) -> QuerySet[Organisation]:
    """The care organisations whose staff `user` manages as HR (an admin: every one)."""
    care = Organisation.objects.filter(kind=OrganisationKind.CARE.value)
    actor = actor_of(user)
    if actor.is_admin:
        return care
    return care.filter(pk__in=actor.organisations_with([Role.EMPLOYER_HR]))


def led_teams(user: User) -> QuerySet[Team]:
    """The teams `user` leads as team leader of the team's organisation."""
    actor = actor_of(user)
    orgs = actor.organisations_with([Role.TEAM_LEADER])
    return Team.objects.filter(leader_id=user.pk, organisation__in=orgs)


def may_use_workforce(user: User) -> bool:
    """Whether the workforce pages are for `user` at all: the menu entry. Asked on every
    page, so whoever has neither role is answered without a query."""
    actor = actor_of(user)
    if not actor.is_admin and not actor.organisations_with([Role.EMPLOYER_HR, Role.TEAM_LEADER]):
        return False
    return hr_organisations(user).exists() or led_teams(user).exists()


def access_organisation(user: User, pk: int) -> Organisation:
    """The organisation `pk` when `user` is its HR; otherwise Http404."""
    found = hr_organisations(user).filter(pk=pk).first()
    if found is None:
        raise Http404("organisation")
    return found


def visible_teams(user: User) -> QuerySet[Team]:
    return Team.objects.filter(
        Q(organisation__in=hr_organisations(user)) | Q(pk__in=led_teams(user).values("pk"))
    )


def access_team(user: User, pk: int) -> Team:
    """The team `pk` when `user` is HR of its organisation or leads it; otherwise Http404."""
    found = visible_teams(user).filter(pk=pk).select_related("organisation").first()
    if found is None:
        raise Http404("team")
    return found


def visible_employees(user: User) -> QuerySet[Employee]:
    """The employees `user` may see: rule 1 and rule 2."""
    return Employee.objects.filter(
        Q(organisation__in=hr_organisations(user)) | Q(team__in=led_teams(user))
    )


def access_employee(user: User, pk: int) -> Employee:
    """The employee `pk` when `user` may see them; otherwise Http404."""
    found = visible_employees(user).filter(pk=pk).select_related("organisation", "team").first()
    if found is None:
        raise Http404("employee")
    return found


def is_hr_of(user: User, organisation: Organisation) -> bool:
    return hr_organisations(user).filter(pk=organisation.pk).exists()


def is_signer(user: User, organisation: Organisation) -> bool:
    """Rule 3: whether the organisation designated `user` to sign authorisations."""
    return Signer.objects.filter(organisation=organisation, user_id=user.pk).exists()
