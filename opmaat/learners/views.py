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
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action, OrganisationKind, enrolling_organisations
from opmaat.domain.errors import DomainError
from opmaat.domain.routes import reach, route_document
from opmaat.learners import auditlog, services
from opmaat.learners.access import actor_of, facts_of, learner_page, signed_in, visible_learners
from opmaat.learners.forms import (
    AuditFilterForm,
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
from opmaat.ui.confirm import confirmation, confirmed
from opmaat.ui.errors import explain
from opmaat.ui.labels import status_note


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
        (
            h,
            catalog.name_of(h.code),
            status_note(catalog, h.code),
            services.may_record(allowed, h.kind),
        )
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
            **status_context(learner, plan, allowed),
            "chart": timeline(plan.document, timezone.localdate()) if plan else None,
            "enrolments": enrolments,
            "consented_ids": facts.consented,
            "employers": [
                e.organisation for e in enrolments if e.organisation_id in facts.employers
            ],
            "is_own": learner.user_id == request.user.pk,
            "holding_form": HoldingForm(learner=learner, target=plan.target if plan else None)
            if Action.EDIT in allowed
            else None,
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


def status_context(
    learner: Learner, plan: RoutePlan | None, allowed: frozenset[Action]
) -> dict[str, object]:
    """What the route pages show of whether the current route `plan` still fits
    (learners/routes/status.html): the status, what changed with names, and who may
    re-plan it (whoever may change the record or plan: services.replan)."""
    if plan is None:
        return {"route_status": None}
    status = services.route_status(learner, plan)
    catalog = current_catalog()

    def named(pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, str, str]]:
        return [
            (str(Holding.Kind(kind).label), code, catalog.name_of(code)) for kind, code in pairs
        ]

    return {
        "route_status": status,
        "route_changes": {
            "added": named(status.change.added),
            "removed": named(status.change.removed),
            "elective_hours": status.change.elective_hours,
        },
        "may_replan": bool(allowed & {Action.EDIT, Action.PLAN}),
        "may_plan": Action.PLAN in allowed,
    }


@require_POST
@learner_page(Action.VIEW)
def route_replan(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    """Re-plan the current route with its own target, week and pace (a new version, audited
    as one); the version posted must still be the current one, so a second click saves
    nothing twice."""
    if not allowed & {Action.EDIT, Action.PLAN}:
        raise PermissionDenied(Action.PLAN.value)
    plan = services.current_route(learner)
    if plan is None or str(plan.version) != request.POST.get("version"):
        messages.info(request, _("De route is intussen al opnieuw opgeslagen."))
        return redirect("learner", pk=learner.pk)
    try:
        new = services.replan(signed_in(request), learner, services.REPLAN_NOTE)
    except DomainError as error:
        messages.error(request, explain(error))
        return redirect("learner", pk=learner.pk)
    if new is not None:
        messages.success(request, _("Route opnieuw gepland als versie %(v)d.") % {"v": new.version})
    return redirect("learner", pk=learner.pk)


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
    form = HoldingForm(request.POST, learner=learner)
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
    form = AuditFilterForm(request.GET)
    chosen = form.cleaned_data if form.is_valid() else {}
    events = auditlog.filtered(
        learner.audit_events.select_related("actor"),
        chosen.get("action", ""),
        chosen.get("since"),
        chosen.get("until"),
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "learner": learner,
        "form": form,
        "page": page,
        "lines": auditlog.lines(page.object_list),
        "query": query.urlencode(),
    }
    return render(request, "learners/audit.html", context)


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
    elif not confirmed(request):
        names = {"org": organisation.name}
        return confirmation(
            request,
            title=_("Toestemming voor %(org)s intrekken?") % names,
            consequences=[
                _(
                    "Niemand van %(org)s, ook uw praktijkopleider niet, ziet uw "
                    "opleidingsgegevens nog; dat geldt meteen."
                )
                % names,
                _("U kunt later opnieuw toestemming geven."),
            ],
            yes=_("Ja, toestemming intrekken"),
            back=reverse("learner", args=[learner.pk]),
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
        if not confirmed(request):
            return confirmation(
                request,
                title=_("Vragen om uw gegevens te wissen?"),
                consequences=[
                    _(
                        "De beheerder wist binnen een maand uw naam, contactgegevens, wat u "
                        "behaalde, uw voortgang, routes en toestemmingen."
                    ),
                    _("Daarna kunt u niet meer inloggen. Wissen kan niet ongedaan worden gemaakt."),
                    _(
                        "Uitgereikte certificaten en diploma’s blijven controleerbaar; het "
                        "logboek houdt alleen vast dat er iets gebeurde, niet wat."
                    ),
                ],
                yes=_("Ja, vraag om mijn gegevens te wissen"),
                back=reverse("learner", args=[learner.pk]),
            )
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
        # Who may only try routes out gets no note to write: there is nothing to save it with.
        form = RouteForm(initial=initial_from(learner), saving=Action.PLAN in allowed)
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
    plans = list(learner.route_plans.select_related("created_by"))
    plan = plans[0] if plans else None
    catalog = current_catalog()
    return render(
        request,
        "learners/routes/history.html",
        {
            "learner": learner,
            "plans": [(p, status_note(catalog, p.target)) for p in plans],
            "plan": plan,
            **status_context(learner, plan, allowed),
        },
    )


@learner_page(Action.VIEW)
def route_version(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action], version: int
) -> HttpResponse:
    plan = get_object_or_404(learner.route_plans.select_related("created_by"), version=version)
    is_current = plan == services.current_route(learner)
    return render(
        request,
        "learners/routes/version.html",
        {
            "learner": learner,
            "plan": plan,
            "document": plan.document,
            "chart": timeline(plan.document, timezone.localdate()),
            "is_current": is_current,
            # Whether it still fits is said of the current version only; older ones are history.
            **status_context(learner, plan if is_current else None, allowed),
        },
    )
