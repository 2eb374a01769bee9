"""A learner's record: list, profile, personal data, holdings, reach, log, privacy."""

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
from opmaat.domain.routes import reach
from opmaat.learners import services
from opmaat.learners.access import actor_of, facts_of, visible_learners
from opmaat.learners.export import export_learner
from opmaat.learners.models import Holding, Learner
from opmaat.web.access import learner_page, signed_in
from opmaat.web.forms import ErasureForm, HoldingForm, LearnerForm, NewLearnerForm, ReachForm
from opmaat.web.timeline import timeline


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
    return render(
        request,
        "web/learners/list.html",
        {"page": page, "query": query, "may_enrol": may_enrol},
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
    return render(request, "web/learners/new.html", {"form": form})


@learner_page(Action.VIEW)
def learner_detail(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    catalog = current_catalog()
    plan = services.current_route(learner)
    enrolments = list(learner.enrolments.select_related("organisation"))
    holdings = [(h, catalog.name_of(h.code)) for h in learner.holdings.all()]
    return render(
        request,
        "web/learners/detail.html",
        {
            "learner": learner,
            "allowed": {a.value for a in allowed},
            "holdings": holdings,
            "holding_kinds": Holding.Kind.choices,
            "plan": plan,
            "chart": timeline(plan.document, timezone.localdate()) if plan else None,
            "enrolments": enrolments,
            "consented_ids": facts_of(learner).consented,
            "employers": [
                e.organisation
                for e in enrolments
                if e.organisation.kind == OrganisationKind.CARE.value
            ],
            "is_own": learner.user_id == request.user.pk,
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
    return render(request, "web/learners/edit.html", {"learner": learner, "form": form})


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
            form.add_error("code", str(error))
        else:
            messages.success(request, _("Vastgelegd: %(code)s") % {"code": data["code"]})
            return redirect("learner", pk=learner.pk)
    return render(
        request, "web/learners/holding_form.html", {"learner": learner, "form": form}, status=400
    )


@require_POST
@learner_page(Action.EDIT)
def holding_remove(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action], holding_id: int
) -> HttpResponse:
    holding = get_object_or_404(Holding, pk=holding_id, learner=learner)
    services.remove_holding(signed_in(request), holding)
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
        request, "web/learners/reach.html", {"learner": learner, "form": form, "options": options}
    )


@learner_page(Action.VIEW_AUDIT)
def learner_audit(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    page = Paginator(learner.audit_events.all(), 50).get_page(request.GET.get("page"))
    return render(request, "web/learners/audit.html", {"learner": learner, "page": page})


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
        messages.error(request, str(error))
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
        request, "web/learners/erasure.html", {"learner": learner, "form": form, "pending": pending}
    )


@login_required
def my_record(request: HttpRequest) -> HttpResponse:
    learner = get_object_or_404(Learner, user_id=request.user.pk, erased_at__isnull=True)
    return redirect("learner", pk=learner.pk)
