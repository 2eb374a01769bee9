"""Home per role, health."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from opmaat.accounts.models import Membership
from opmaat.catalog.models import Qualification
from opmaat.domain.access import may_edit_catalog, may_see_region
from opmaat.learners.access import actor_of, signed_in, visible_learners
from opmaat.learners.models import Learner
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
