"""A learner's record: list, profile, personal data, holdings, reach, log, privacy; the
route composer with its live preview, and the saved route versions."""

from __future__ import annotations

import json
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action, OrganisationKind, enrolling_organisations
from opmaat.domain.errors import DomainError
from opmaat.domain.routes import reach, route_document
from opmaat.learners import services
from opmaat.learners.access import actor_of, facts_of, learner_page, signed_in, visible_learners
from opmaat.learners.forms import (
    ErasureForm,
    HoldingForm,
    LearnerForm,
    NewLearnerForm,
    ReachForm,
    RouteForm,
)
from opmaat.learners.models import Holding, Learner, RoutePlan
from opmaat.learners.privacy import export_learner
from opmaat.recognition.access import visible_procedures
from opmaat.ui.charts import timeline
from opmaat.ui.errors import explain


@login_required
def learner_list(request: HttpRequest) -> HttpResponse:
    # NUL cannot be compared as text in PostgreSQL; no name contains it anyway.
    query = request.GET.get("q", "").replace("\x00", "").strip()
    learners = visible_learners(request.user).order_by("name")
    if query:
        learners = learners.filter(Q(name__icontains=query) | Q(email__icontains=query))
    page = Paginator(learners, 25).get_page(request.GET.get("page"))
    actor = actor_of(request.user)
    may_enrol = actor.is_admin or bool(enrolling_organisations(actor))
    shown = list(page.object_list)
    procedures = visible_procedures(request.user).filter(learner__in=shown).order_by("-pk")
    rows = services.overviews(shown, procedures, timezone.localdate())
    return render(
        request,
        "learners/list.html",
        {"page": page, "rows": rows, "query": query, "may_enrol": may_enrol},
    )


@login_required
def learner_new(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request.user)
    organisations = (
        Organisation.objects.exclude(kind=OrganisationKind.REGION.value)
        if actor.is_admin
        else Organisation.objects.filter(pk__in=enrolling_organisations(actor))
    )
    if not organisations.exists():
        raise PermissionDenied("no organisation to enrol learners at")
    form = NewLearnerForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        learner = services.create_learner(
            signed_in(request),
            data["organisation"],
            data["relation"],
            data,
        )
        messages.success(request, _("Deelnemer aangemaakt."))
        return redirect("learner", pk=learner.pk)
    return render(request, "learners/new.html", {"form": form})


@learner_page(Action.VIEW)
def learner_detail(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    catalog = current_catalog()
    plan = services.current_route(learner)
    enrolments = list(learner.enrolments.select_related("organisation"))
    holdings = [
        (h, catalog.name_of(h.code), services.may_record(allowed, h.kind))
        for h in learner.holdings.all()
    ]
    facts = facts_of(learner)
    return render(
        request,
        "learners/detail.html",
        {
            "learner": learner,
            "allowed": {a.value for a in allowed},
            "holdings": holdings,
            # Exemptions and werkprocessen on their own only for the exam board.
            "holding_kinds": [
                (value, label)
                for value, label in Holding.Kind.choices
                if services.may_record(allowed, value)
            ],
            "plan": plan,
            "stale": services.stale_reason(learner, plan),
            "chart": timeline(plan.document, timezone.localdate()) if plan else None,
            "enrolments": enrolments,
            "consented_ids": facts.consented,
            "employers": [
                e.organisation for e in enrolments if e.organisation_id in facts.employers
            ],
            "is_own": learner.user_id == request.user.pk,
            # A candidate reaches her EVC procedure from her own page.
            "own_procedures": [
                (p, catalog.name_of(p.standard))
                for p in visible_procedures(request.user).filter(learner=learner)
            ]
            if learner.user_id == request.user.pk
            else [],
            "pending_erasure": learner.erasure_requests.filter(carried_out_at__isnull=True).first(),
        },
    )


@learner_page(Action.EDIT)
def learner_edit(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    form = LearnerForm(request.POST or None, instance=Learner.objects.get(pk=learner.pk))
    if request.method == "POST" and form.is_valid():
        services.update_learner(signed_in(request), learner, form.cleaned_data)
        messages.success(request, _("Gegevens opgeslagen."))
        return redirect("learner", pk=learner.pk)
    return render(request, "learners/edit.html", {"learner": learner, "form": form})


@require_POST
@learner_page(Action.EDIT)
def holding_add(request: HttpRequest, learner: Learner, allowed: frozenset[Action]) -> HttpResponse:
    form = HoldingForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_holding(
                signed_in(request), learner, data["code"], data["kind"], data["evidence"]
            )
        except DomainError as error:
            form.add_error("code", explain(error))
            # Not the exam board's: a refusal of the role (403), shown next to the field.
            status = 403 if error.status == 403 else 400
        else:
            messages.success(request, _("Vastgelegd: %(code)s") % {"code": data["code"]})
            return redirect("learner", pk=learner.pk)
    else:
        status = 400
    return render(
        request, "learners/holding_form.html", {"learner": learner, "form": form}, status=status
    )


@require_POST
@learner_page(Action.EDIT)
def holding_remove(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action], holding_id: int
) -> HttpResponse:
    holding = get_object_or_404(Holding, pk=holding_id, learner=learner)
    try:
        services.remove_holding(signed_in(request), holding)
    except DomainError as error:
        messages.error(request, explain(error))
    else:
        messages.success(request, _("Verwijderd: %(code)s") % {"code": holding.code})
    return redirect("learner", pk=learner.pk)


@learner_page(Action.VIEW)
def learner_reach(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    form = ReachForm(request.GET or None)
    options = None
    if form.is_valid():
        start = timezone.localdate()
        options = reach(
            current_catalog(),
            services.holdings_of(learner),
            form.cleaned_data["months"],
            start,
            form.study_time(),
        )
    return render(
        request, "learners/reach.html", {"learner": learner, "form": form, "options": options}
    )


@learner_page(Action.VIEW_AUDIT)
def learner_audit(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    page = Paginator(learner.audit_events.all(), 50).get_page(request.GET.get("page"))
    return render(request, "learners/audit.html", {"learner": learner, "page": page})


@learner_page(Action.EXPORT)
def learner_export(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    document = export_learner(signed_in(request), learner)
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = f"opmaat-gegevens-{learner.pk}-{date.today().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
@learner_page(Action.EDIT)
def learner_invite(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    try:
        services.invite_learner(signed_in(request), learner, request)
    except DomainError as error:
        messages.error(request, explain(error))
    else:
        messages.success(
            request, _("Uitnodiging verstuurd naar %(email)s.") % {"email": learner.email}
        )
    return redirect("learner", pk=learner.pk)


@require_POST
@learner_page(Action.MANAGE_CONSENT)
def consent_change(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation, pk=request.POST.get("organisation"), enrolments__learner=learner
    )
    if request.POST.get("grant") == "1":
        services.grant_consent(signed_in(request), learner, organisation)
        messages.success(
            request, _("%(org)s mag uw opleidingsgegevens nu zien.") % {"org": organisation.name}
        )
    else:
        services.withdraw_consent(signed_in(request), learner, organisation)
        messages.success(
            request, _("Toestemming voor %(org)s ingetrokken.") % {"org": organisation.name}
        )
    return redirect("learner", pk=learner.pk)


@learner_page(Action.REQUEST_ERASURE)
def learner_erasure(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.request_erasure(signed_in(request), learner, form.cleaned_data["reason"])
        messages.success(
            request,
            _("Uw verzoek is ontvangen. De beheerder voert het binnen een maand uit."),
        )
        return redirect("learner", pk=learner.pk)
    pending = learner.erasure_requests.filter(carried_out_at__isnull=True).first()
    return render(
        request, "learners/erasure.html", {"learner": learner, "form": form, "pending": pending}
    )


@login_required
def my_record(request: HttpRequest) -> HttpResponse:
    learner = get_object_or_404(Learner, user_id=request.user.pk, erased_at__isnull=True)
    return redirect("learner", pk=learner.pk)


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
        "learners/routes/composer.html",
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
        form.add_error("target", explain(error))
        return None


@learner_page(Action.VIEW)
def route_preview(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    """The preview fragment the composer fetches while the user changes the form."""
    form = RouteForm(request.GET)
    form.is_valid()
    return render(request, "learners/routes/preview.html", preview_context(learner, form))


def preview_context(learner: Learner, form: RouteForm) -> dict[str, object]:
    if not form.is_valid():
        return {"errors": [e for errors in form.errors.values() for e in errors]}
    try:
        preview = services.preview_route(learner, form.cleaned_data["request"])
    except DomainError as error:
        return {"errors": [explain(error)]}
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
    return render(request, "learners/routes/history.html", {"learner": learner, "plans": plans})


@learner_page(Action.VIEW)
def route_version(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action], version: int
) -> HttpResponse:
    plan = get_object_or_404(learner.route_plans.select_related("created_by"), version=version)
    return render(
        request,
        "learners/routes/version.html",
        {
            "learner": learner,
            "plan": plan,
            "document": plan.document,
            "chart": timeline(plan.document, timezone.localdate()),
            "is_current": plan == services.current_route(learner),
        },
    )
