"""The progress page of a learner, and the teacher's forms on it."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opmaat.domain.access import Action
from opmaat.domain.errors import DomainError
from opmaat.domain.progress import AssessmentMethod, AssessmentResult, SupervisionLevel
from opmaat.domain.progress import route_progress as plan_against_actual
from opmaat.learners import services as learner_services
from opmaat.learners.access import learner_page, signed_in
from opmaat.learners.models import Learner
from opmaat.progress import services
from opmaat.progress.forms import AssessmentForm, EntrustmentForm, FeedbackForm
from opmaat.progress.models import Assessment, Feedback
from opmaat.progress.timeline import actual_bars
from opmaat.ui.charts import timeline
from opmaat.ui.errors import explain


@learner_page(Action.VIEW)
def progress_page(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    return render_page(request, learner, allowed)


def render_page(
    request: HttpRequest,
    learner: Learner,
    allowed: frozenset[Action],
    forms_posted: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    plan = learner_services.current_route(learner)
    codes = services.units_in_view(learner, plan.target if plan else None)
    units = services.unit_completions(learner, codes)
    context: dict[str, object] = {
        "learner": learner,
        "allowed": {a.value for a in allowed},
        "units": units,
        "counts": services.werkproces_counts(learner),
        "results": Assessment.objects.filter(learner=learner)
        .select_related("assessor")
        .order_by("-assessed_on", "-id"),
        "feedback": Feedback.objects.filter(learner=learner).select_related("author")[:100],
        "activities": services.entrustment_states(learner, codes),
        "plan": plan,
        "forms": {**empty_forms(learner), **(forms_posted or {})},
    }
    if plan is not None:
        today = timezone.localdate()
        progress = plan_against_actual(
            plan.document["schedule"],
            date.fromisoformat(plan.document["completion_date"]),
            services.done_on_route(learner, plan.document),
            today,
        )
        chart = timeline(plan.document, today)
        context.update(progress=progress, chart=chart, bars=actual_bars(chart, progress))
    return render(request, "progress/page.html", context, status=status)


def empty_forms(learner: Learner) -> dict[str, forms.Form]:
    return {
        "feedback": FeedbackForm(prefix="feedback", learner=learner),
        "assessment": AssessmentForm(prefix="assessment", learner=learner),
        "entrustment": entrustment_form(learner),
    }


def entrustment_form(learner: Learner, data: QueryDict | None = None) -> EntrustmentForm:
    return EntrustmentForm(data, prefix="entrustment", activities=services.activities_for(learner))


@require_POST
@learner_page(Action.RECORD_PROGRESS)
def feedback_add(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    form = FeedbackForm(request.POST, prefix="feedback", learner=learner)
    if form.is_valid():
        data = form.cleaned_data
        services.do_record_feedback(
            signed_in(request), learner, data["code"], data["text"], data["given_on"]
        )
        messages.success(request, _("Feedback vastgelegd."))
        return redirect("progress", pk=learner.pk)
    return render_page(request, learner, allowed, {"feedback": form}, status=400)


@require_POST
@learner_page(Action.RECORD_PROGRESS)
def assessment_add(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    form = AssessmentForm(request.POST, prefix="assessment", learner=learner)
    if form.is_valid():
        data = form.cleaned_data
        services.do_record_assessment(
            signed_in(request),
            learner,
            data["code"],
            AssessmentMethod(data["method"]),
            AssessmentResult(data["result"]),
            data["assessed_on"],
            data["evidence"],
        )
        messages.success(request, _("Beoordeling vastgelegd: %(code)s") % {"code": data["code"]})
        return redirect("progress", pk=learner.pk)
    return render_page(request, learner, allowed, {"assessment": form}, status=400)


@require_POST
@learner_page(Action.RECORD_PROGRESS)
def entrust(request: HttpRequest, learner: Learner, allowed: frozenset[Action]) -> HttpResponse:
    form = entrustment_form(learner, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.do_entrust(
                signed_in(request),
                learner,
                data["activity"],
                SupervisionLevel(data["level"]),
                data["decided_on"],
                data["evidence"],
            )
        except DomainError as error:
            form.add_error("level", explain(error))
        else:
            messages.success(request, _("Niveau vastgelegd."))
            return redirect("progress", pk=learner.pk)
    return render_page(request, learner, allowed, {"entrustment": form}, status=400)
