"""The regional coordinator's view: counts only, never a person."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import (
    SMALL_GROUP,
    OrganisationKind,
    Role,
    may_see_region,
    suppress_small,
)
from opmaat.learners.access import actor_of
from opmaat.learners.models import Learner, RoutePlan


@login_required
def region_overview(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request.user)
    if not may_see_region(actor):
        raise PermissionDenied("regional figures")
    catalog = current_catalog()
    organisations = Organisation.objects.exclude(kind=OrganisationKind.REGION.value)
    if not actor.is_admin:
        regions = actor.organisations_with([Role.REGIONAL_COORDINATOR])
        organisations = organisations.filter(region__in=regions)
    learners = Learner.objects.filter(
        erased_at__isnull=True, enrolments__organisation__in=organisations
    ).distinct()
    latest = RoutePlan.objects.filter(learner__in=learners).order_by("learner", "-version")
    targets: dict[str, int] = {}
    seen: set[int] = set()
    for learner_id, target in latest.values_list("learner_id", "target"):
        if learner_id not in seen:
            seen.add(learner_id)
            targets[target] = targets.get(target, 0) + 1
    rows = sorted(
        ((code, catalog.name_of(code), count) for code, count in targets.items()),
        key=lambda row: -row[2],
    )
    counted = organisations.annotate(n=Count("enrolments")).order_by("kind", "name")
    return render(
        request,
        "web/region.html",
        {
            "targets": [(c, n, suppress_small(count)) for c, n, count in rows],
            "organisations": [(o, suppress_small(o.n)) for o in counted],
            "learners": learners.count(),
            "with_route": len(seen),
            "small": SMALL_GROUP,
        },
    )
