"""Who may read and edit a region's plan (docs/access.md, "Regional planning"):

- the region's coordinator (and the admin) reads and edits everything of the region;
- staff of a member organisation (an organisation whose region it is) read the region's
  plan and add or change their own organisation's figures;
- anyone else, another region's coordinator included, finds no such region (404).
"""

from __future__ import annotations

from enum import StrEnum

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404

from opmaat.accounts.models import Organisation
from opmaat.domain.access import Actor, OrganisationKind, Role
from opmaat.learners.access import actor_of

MAX_ID = 2**63  # a database id; a larger number is no region, not an overflow


class Access(StrEnum):
    EDIT = "edit"
    MEMBER = "member"


def planning_access(actor: Actor, region: int, members: frozenset[int]) -> Access | None:
    """The rule above, for one region and the ids of its member organisations."""
    if actor.is_admin:
        return Access.EDIT
    if region in actor.organisations_with([Role.REGIONAL_COORDINATOR]):
        return Access.EDIT
    if any(m.organisation in members for m in actor.memberships):
        return Access.MEMBER
    return None


def member_ids(region: Organisation) -> frozenset[int]:
    return frozenset(Organisation.objects.filter(region=region).values_list("pk", flat=True))


def regions_for(user: User) -> list[tuple[Organisation, Access]]:
    """Every region the user may read, with what they may do there."""
    actor = actor_of(user)
    found = []
    for region in Organisation.objects.filter(kind=OrganisationKind.REGION.value):
        access = planning_access(actor, region.pk, member_ids(region))
        if access is not None:
            found.append((region, access))
    return found


def access_region(user: User, pk: int) -> tuple[Organisation, Access]:
    """The region and the user's access, or 404 when there is none or they have none."""
    if not 0 < pk < MAX_ID:
        raise Http404("no such region")
    region = Organisation.objects.filter(pk=pk, kind=OrganisationKind.REGION.value).first()
    if region is None:
        raise Http404("no such region")
    access = planning_access(actor_of(user), region.pk, member_ids(region))
    if access is None:
        raise Http404("no such region")
    return region, access


def require_edit(user: User, region: Organisation) -> None:
    if planning_access(actor_of(user), region.pk, member_ids(region)) is not Access.EDIT:
        raise PermissionDenied("only the region's coordinator edits its plan")


def own_organisations(user: User, region: Organisation) -> list[Organisation]:
    """The member organisations whose figures the user may add: all for the coordinator,
    their own for a member's staff."""
    members = Organisation.objects.filter(region=region)
    actor = actor_of(user)
    if planning_access(actor, region.pk, member_ids(region)) is Access.EDIT:
        return list(members)
    mine = {m.organisation for m in actor.memberships}
    return [o for o in members if o.pk in mine]


def writable_organisations(user: User, region: Organisation) -> dict[str, Organisation | None]:
    """The organisations (by name) whose figures `user` may write; "" for the region's own,
    for its coordinator."""
    names: dict[str, Organisation | None] = {o.name: o for o in own_organisations(user, region)}
    if planning_access(actor_of(user), region.pk, member_ids(region)) is Access.EDIT:
        names[""] = None
    return names
