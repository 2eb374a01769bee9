"""What every page needs to draw its menu: the user's roles as the access rules see them."""

from __future__ import annotations

from django.http import HttpRequest

from opmaat.domain.access import Role, may_edit_catalog, may_see_region
from opmaat.learners.access import actor_of
from opmaat.workforce.access import may_use_workforce


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": {}}
    actor = actor_of(user)
    roles = actor.roles()
    return {
        "nav": {
            "own_record": hasattr(user, "learner"),
            "learners": actor.is_admin
            or bool(roles - {Role.CATALOG_EDITOR, Role.REGIONAL_COORDINATOR, Role.TEAM_LEADER}),
            "workforce": may_use_workforce(user),
            "region": may_see_region(actor),
            "catalog_edit": may_edit_catalog(actor),
        }
    }
