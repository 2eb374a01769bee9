"""The shell around the apps: the home page per role, the regional dashboard (counts only,
never a person) and the health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from opmaat.accounts.models import Membership, Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.catalog.models import Qualification
from opmaat.domain.access import (
    SMALL_GROUP,
    OrganisationKind,
    Role,
    may_edit_catalog,
    may_see_region,
    suppress_column,
)
from opmaat.learners.access import actor_of, signed_in, visible_learners
from opmaat.learners.models import Learner, RoutePlan
from opmaat.learners.services import pending_erasures
from opmaat.recognition.services import reminders_for


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        qualifications = Qualification.objects.order_by("level", "name")
        return render(request, "web/home.html", {"qualifications": qualifications})
    learner = Learner.objects.filter(user_id=request.user.pk, erased_at__isnull=True).first()
    if learner is not None and not actor_of(request.user).memberships:
        return redirect("learner", pk=learner.pk)
    actor = actor_of(request.user)
    learners = visible_learners(request.user)
    return render(
        request,
        "web/dashboard.html",
        {
            "learner_count": learners.count(),
            "recent": learners.order_by("-created_at")[:8],
            "may_edit_catalog": may_edit_catalog(actor),
            "may_see_region": may_see_region(actor),
            "memberships": Membership.objects.filter(user_id=request.user.pk).select_related(
                "organisation"
            ),
            "evc_reminders": reminders_for(signed_in(request)),
            "pending_erasures": list(pending_erasures()) if actor.is_admin else [],
        },
    )


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the app and its database answer, 503 when the database does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any database failure means: not healthy
        return JsonResponse({"status": "error", "database": str(error)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


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
    # By name, never by count: an order by count would rank the hidden ones.
    rows = sorted(
        ((code, catalog.name_of(code), count) for code, count in targets.items()),
        key=lambda row: (row[1].casefold(), row[0]),
    )
    counted = list(organisations.annotate(n=Count("enrolments")).order_by("kind", "name"))
    # Each column beside its total, hidden so that no small group can be worked out.
    by_target = suppress_column([count for _, _, count in rows], total=len(seen))
    by_organisation = suppress_column([o.n for o in counted], total=learners.count())
    return render(
        request,
        "web/region.html",
        {
            "targets": [
                (c, n, shown) for (c, n, _), shown in zip(rows, by_target.cells, strict=True)
            ],
            "organisations": list(zip(counted, by_organisation.cells, strict=True)),
            "learners": by_organisation.total,
            "with_route": by_target.total,
            "small": SMALL_GROUP,
            "hidden": f"< {SMALL_GROUP}",
        },
    )
