"""The route composer with its live preview, and the saved versions."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opmaat.domain.access import Action
from opmaat.domain.errors import DomainError
from opmaat.domain.routes import route_document
from opmaat.learners import services
from opmaat.learners.models import Learner, RoutePlan
from opmaat.web.access import learner_page, signed_in
from opmaat.web.forms import RouteForm
from opmaat.web.timeline import timeline


def initial_from(learner: Learner) -> dict[str, object]:
    """The composer starts from the saved route, so adjusting means changing one field."""
    plan = services.current_route(learner)
    if plan is None:
        return {}
    return {
        "target": plan.target,
        "start": plan.start,
        "hours_per_week": plan.hours_per_week,
        "work_hours_per_week": plan.work_hours_per_week,
        "exam_only": plan.exam_only,
        "pathway": plan.pathway,
        "pace": plan.pace,
    }


@learner_page(Action.VIEW)
def route_composer(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    """Anyone who may see the record may try routes out; saving needs PLAN."""
    if request.method == "POST":
        if Action.PLAN not in allowed:
            return render(request, "403.html", status=403)
        form = RouteForm(request.POST)
        plan = save_from(request, learner, form) if form.is_valid() else None
        if plan is not None:
            messages.success(request, _("Route opgeslagen als versie %(v)d.") % {"v": plan.version})
            return redirect("route_version", pk=learner.pk, version=plan.version)
    else:
        form = RouteForm(initial=initial_from(learner))
    preview = preview_context(learner, form) if form.is_bound else None
    return render(
        request,
        "web/routes/composer.html",
        {
            "learner": learner,
            "form": form,
            "may_save": Action.PLAN in allowed,
            "preview": preview,
        },
    )


def save_from(request: HttpRequest, learner: Learner, form: RouteForm) -> RoutePlan | None:
    """The saved route, or None with the reason next to the target (a target the learner
    may not start)."""
    try:
        return services.save_route(
            signed_in(request), learner, form.cleaned_data["request"], form.cleaned_data["note"]
        )
    except DomainError as error:
        form.add_error("target", str(error))
        return None


@learner_page(Action.VIEW)
def route_preview(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    """The preview fragment the composer fetches while the user changes the form."""
    form = RouteForm(request.GET)
    form.is_valid()
    return render(request, "web/routes/preview.html", preview_context(learner, form))


def preview_context(learner: Learner, form: RouteForm) -> dict[str, object]:
    if not form.is_valid():
        return {"errors": [e for errors in form.errors.values() for e in errors]}
    try:
        preview = services.preview_route(learner, form.cleaned_data["request"])
    except DomainError as error:
        return {"errors": [str(error)]}
    document = route_document(preview.route)
    return {
        "document": document,
        "chart": timeline(document, timezone.localdate()),
        "hours_per_week": preview.request.effective_hours_per_week,
    }


@learner_page(Action.VIEW)
def route_history(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    plans = learner.route_plans.select_related("created_by")
    return render(request, "web/routes/history.html", {"learner": learner, "plans": plans})


@learner_page(Action.VIEW)
def route_version(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action], version: int
) -> HttpResponse:
    plan = get_object_or_404(learner.route_plans.select_related("created_by"), version=version)
    return render(
        request,
        "web/routes/version.html",
        {
            "learner": learner,
            "plan": plan,
            "document": plan.document,
            "chart": timeline(plan.document, timezone.localdate()),
            "is_current": plan == services.current_route(learner),
        },
    )
