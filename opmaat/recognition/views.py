"""Pages of the intake and the EVC procedure: parse, check access, call a service, render."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.errors import DomainError
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement, SessionKind
from opmaat.domain.recognition.errors import ChangedMeanwhile
from opmaat.domain.recognition.evc import EvcState
from opmaat.learners.access import learner_page, signed_in
from opmaat.learners.models import Learner
from opmaat.recognition import pages, services, uploads
from opmaat.recognition.access import require_on
from opmaat.recognition.forms import (
    BasedOnForm,
    EvidenceForm,
    IntakeForm,
    JudgementForm,
    MoveForm,
    SessionForm,
    StartProcedureForm,
)
from opmaat.recognition.models import Certificate, EvcProcedure, Evidence, Intake
from opmaat.recognition.pdf import pdf_response
from opmaat.ui.errors import add_error

ProcedureView = Callable[..., HttpResponseBase]


def procedure_page(action: Action) -> Callable[[ProcedureView], Callable[..., HttpResponseBase]]:
    """A view of one EVC procedure: 404 when it (or its learner) is gone, 403 without
    `action` on the procedure (opmaat.recognition.access)."""

    def decorate(view: ProcedureView) -> Callable[..., HttpResponseBase]:
        @login_required
        @wraps(view)
        def guarded(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponseBase:
            procedure = get_object_or_404(
                EvcProcedure.objects.select_related("learner", "provider"),
                pk=pk,
                learner__erased_at__isnull=True,
            )
            allowed = require_on(request.user, action, procedure)
            return view(request, procedure, allowed, *args, **kwargs)

        return guarded

    return decorate


def with_errors(
    request: HttpRequest,
    procedure: EvcProcedure,
    allowed: frozenset[Action],
    name: str,
    form: forms.Form,
    error: DomainError | None = None,
) -> HttpResponse:
    """The procedure page again, with `form` (by its context `name`) showing what is wrong.
    When someone else changed the procedure meanwhile (`error` is ChangedMeanwhile), the
    page shows the procedure as it is now, with the refusal next to the form and the form
    based on the new version: sending it again is a choice made on what is there now."""
    status = 400
    if isinstance(error, ChangedMeanwhile):
        procedure = fresh(procedure)
        rebased = request.POST.copy()
        rebased["version"] = str(procedure.version)
        form.data = rebased
        status = 409
    context = pages.procedure_context(signed_in(request), procedure, allowed)
    context[name] = form
    return render(request, "recognition/procedure.html", context, status=status)


def refused_step(
    request: HttpRequest,
    procedure: EvcProcedure,
    allowed: frozenset[Action],
    where: str,
    error: DomainError,
) -> HttpResponse:
    """The procedure page as it is now, with the refusal of a one-button step (a move,
    the certificate) shown next to its buttons; `where` is "move" or "certificate"."""
    context = pages.procedure_context(signed_in(request), fresh(procedure), allowed)
    context[f"{where}_error"] = pages.explain(error)
    return render(request, "recognition/procedure.html", context, status=error.status)


def fresh(procedure: EvcProcedure) -> EvcProcedure:
    return EvcProcedure.objects.select_related("learner", "provider").get(pk=procedure.pk)


def version_of(request: HttpRequest) -> int | None:
    """The version a one-button step was based on, or None when it is missing."""
    form = BasedOnForm(request.POST)
    return form.cleaned_data["version"] if form.is_valid() else None


# -- intake -----------------------------------------------------------------------------


@learner_page(Action.VIEW)
def intake(request: HttpRequest, learner: Learner, allowed: frozenset[Action]) -> HttpResponse:
    may_save = Action.PLAN in allowed
    form = IntakeForm(request.POST or None, initial=pages.intake_initial(learner))
    if request.method == "POST":
        if not may_save:
            raise PermissionDenied(Action.PLAN.value)
        if form.is_valid():
            try:
                saved = services.save_intake(
                    signed_in(request), learner, pages.intake_input(form.cleaned_data)
                )
            except DomainError as error:
                form.add_error("evc_units", pages.explain(error))
            else:
                messages.success(request, _("Intake en ontwikkeladvies opgeslagen."))
                return redirect("intake_version", pk=learner.pk, version=saved.version)
    return render(
        request,
        "recognition/intake.html",
        {
            "learner": learner,
            "form": form,
            "may_save": may_save,
            "versions": Intake.objects.filter(learner=learner).select_related("created_by"),
            "prescans": pages.saved_prescans(learner),
        },
        status=400 if form.errors else 200,
    )


@learner_page(Action.VIEW)
def intake_version(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action], version: int
) -> HttpResponse:
    found = get_object_or_404(Intake, learner=learner, version=version)
    return render(request, "recognition/advice.html", pages.advice_context(learner, found))


@learner_page(Action.VIEW)
def intake_pdf(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action], version: int
) -> HttpResponse:
    found = get_object_or_404(Intake, learner=learner, version=version)
    context = {**pages.advice_context(learner, found), "pdf": True}
    return pdf_response(
        "recognition/advice_pdf.html", context, f"ontwikkeladvies-{learner.pk}-v{version}.pdf"
    )


# -- procedures -------------------------------------------------------------------------


@learner_page(Action.VIEW)
def procedures(request: HttpRequest, learner: Learner, allowed: frozenset[Action]) -> HttpResponse:
    may_start = Action.PLAN in allowed
    form = StartProcedureForm(request.POST or None, initial=pages.procedure_initial(learner))
    if request.method == "POST":
        if not may_start:
            raise PermissionDenied(Action.PLAN.value)
        if form.is_valid():
            data = form.cleaned_data
            try:
                started = services.start_procedure(
                    signed_in(request), learner, data["provider"], data["standard"], data["units"]
                )
            except DomainError as error:
                add_error(form, error)
            else:
                messages.success(request, _("EVC-traject gestart."))
                return redirect("evc_detail", pk=started.pk)
    return render(
        request,
        "recognition/procedures.html",
        {
            "learner": learner,
            "form": form,
            "may_start": may_start,
            # Those the user may see: a link to another EVC provider shows none of its own.
            "procedures": services.visible_procedures(signed_in(request)).filter(learner=learner),
        },
        status=400 if form.errors else 200,
    )


@login_required
def worklist(request: HttpRequest) -> HttpResponse:
    """Every open procedure the user may see, with what is due."""
    user = signed_in(request)
    open_states = [s.value for s in EvcState if not s.final]
    found = services.visible_procedures(user).filter(state__in=open_states).order_by("deadline")
    due = {p.pk: r for p, r in services.reminders_for(user)}
    rows = [(p, due.get(p.pk)) for p in found]
    return render(request, "recognition/worklist.html", {"rows": rows})


@procedure_page(Action.VIEW)
def procedure_detail(
    request: HttpRequest, procedure: EvcProcedure, allowed: frozenset[Action]
) -> HttpResponse:
    return render(
        request,
        "recognition/procedure.html",
        pages.procedure_context(signed_in(request), procedure, allowed),
    )


@require_POST
@procedure_page(Action.VIEW)
def procedure_move(
    request: HttpRequest, procedure: EvcProcedure, allowed: frozenset[Action]
) -> HttpResponse:
    form = MoveForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            target = EvcState(data["target"])
            services.move(signed_in(request), procedure, target, data["note"], data["version"])
        except ChangedMeanwhile as error:
            return refused_step(request, procedure, allowed, "move", error)
        except (DomainError, ValueError) as error:
            messages.error(request, pages.explain(error))
        else:
            messages.success(request, _("Het traject is verder gezet."))
    return redirect("evc_detail", pk=procedure.pk)


@require_POST
@procedure_page(Action.SUBMIT_EVIDENCE)
def evidence_add(
    request: HttpRequest, procedure: EvcProcedure, allowed: frozenset[Action]
) -> HttpResponse:
    form = EvidenceForm(request.POST, request.FILES, units=procedure.units)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_evidence(
                signed_in(request),
                procedure,
                EvidenceKind(data["kind"]),
                data["title"],
                data["outcomes"],
                data["text"],
                data["file"],
            )
        except DomainError as error:
            form.add_error("file" if data["file"] else None, pages.explain(error))
        else:
            messages.success(request, _("Bewijsstuk toegevoegd."))
            return redirect("evc_detail", pk=procedure.pk)
    return with_errors(request, procedure, allowed, "evidence_form", form)


@procedure_page(Action.VIEW_EVIDENCE)
def evidence_file(
    request: HttpRequest, procedure: EvcProcedure, allowed: frozenset[Action], evidence_id: int
) -> HttpResponseBase:
    evidence = get_object_or_404(Evidence, pk=evidence_id, procedure=procedure)
    if not evidence.has_file:
        raise Http404("no file")
    try:
        handle = uploads.path_of(evidence.stored_name).open("rb")
    except (DomainError, FileNotFoundError):
        raise Http404("file missing") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=uploads.download_name(evidence.original_name, evidence.content_type),
        content_type=evidence.content_type,
    )
    # Never rendered by the browser: downloaded, sniffing off, and sandboxed if opened.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@procedure_page(Action.SUBMIT_EVIDENCE)
def evidence_remove(
    request: HttpRequest, procedure: EvcProcedure, allowed: frozenset[Action], evidence_id: int
) -> HttpResponse:
    evidence = get_object_or_404(Evidence, pk=evidence_id, procedure=procedure)
    try:
        services.remove_evidence(signed_in(request), evidence)
    except DomainError as error:
        messages.error(request, pages.explain(error))
    else:
        messages.success(request, _("Bewijsstuk verwijderd."))
    return redirect("evc_detail", pk=procedure.pk)


@require_POST
@procedure_page(Action.ASSESS)
def judge(
    request: HttpRequest, procedure: EvcProcedure, allowed: frozenset[Action]
) -> HttpResponse:
    form = JudgementForm(request.POST, units=procedure.units, evidence=procedure.evidence.all())
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.judge(
                signed_in(request),
                procedure,
                data["outcome"],
                Judgement(data["result"]),
                data["rationale"],
                [e.pk for e in data["evidence"]],
                based_on=data["version"],
            )
        except DomainError as error:
            form.add_error(None, pages.explain(error))
            return with_errors(request, procedure, allowed, "judgement_form", form, error)
        else:
            messages.success(request, _("Oordeel vastgelegd: %(code)s") % {"code": data["outcome"]})
            return redirect("evc_detail", pk=procedure.pk)
    return with_errors(request, procedure, allowed, "judgement_form", form)


@require_POST
@procedure_page(Action.ASSESS)
def session(
    request: HttpRequest, procedure: EvcProcedure, allowed: frozenset[Action]
) -> HttpResponse:
    form = SessionForm(request.POST, units=procedure.units)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_session(
                signed_in(request),
                procedure,
                SessionKind(data["kind"]),
                data["held_on"],
                data["outcomes"],
                data["notes"],
                based_on=data["version"],
            )
        except DomainError as error:
            form.add_error(None, pages.explain(error))
            return with_errors(request, procedure, allowed, "session_form", form, error)
        else:
            messages.success(request, _("Sessie vastgelegd."))
            return redirect("evc_detail", pk=procedure.pk)
    return with_errors(request, procedure, allowed, "session_form", form)


@require_POST
@procedure_page(Action.ASSESS)
def certificate_issue(
    request: HttpRequest, procedure: EvcProcedure, allowed: frozenset[Action]
) -> HttpResponse:
    based_on = version_of(request)
    if based_on is None:
        return redirect("evc_detail", pk=procedure.pk)
    try:
        issued = services.issue_certificate(signed_in(request), procedure, based_on)
    except ChangedMeanwhile as error:
        return refused_step(request, procedure, allowed, "certificate", error)
    except DomainError as error:
        messages.error(request, pages.explain(error))
    else:
        messages.success(
            request, _("Ervaringscertificaat %(number)s opgesteld.") % {"number": issued.number}
        )
    return redirect("evc_detail", pk=procedure.pk)


@procedure_page(Action.VIEW_EVIDENCE)
def certificate_file(
    request: HttpRequest, procedure: EvcProcedure, allowed: frozenset[Action], number: str, ext: str
) -> HttpResponse:
    cert = get_object_or_404(Certificate, procedure=procedure, number=number)
    if ext not in ("json", "pdf"):
        raise Http404("no such format")
    if ext == "json":
        response = HttpResponse(
            json.dumps(cert.document, ensure_ascii=False, indent=2),
            content_type="application/json",
        )
        response["Content-Disposition"] = f'attachment; filename="{cert.number}.json"'
        return response
    context = {"cert": cert.document, "procedure": procedure, "catalog": current_catalog()}
    return pdf_response("recognition/certificate_pdf.html", context, f"{cert.number}.pdf")


@require_POST
@procedure_page(Action.DECIDE_EXEMPTION)
def decide(
    request: HttpRequest, procedure: EvcProcedure, allowed: frozenset[Action]
) -> HttpResponse:
    form = pages.decision_form(procedure, request.POST)
    if form is None:
        messages.error(request, _("Er is nog geen ervaringscertificaat om over te besluiten."))
        return redirect("evc_detail", pk=procedure.pk)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.decide(
                signed_in(request),
                procedure,
                data["units"],
                data["outcomes"],
                data["rationale"],
                based_on=data["version"],
            )
        except DomainError as error:
            form.add_error(None, pages.explain(error))
            return with_errors(request, procedure, allowed, "decision_form", form, error)
        else:
            messages.success(
                request, _("Besluit vastgelegd; de vrijstellingen staan bij de deelnemer.")
            )
            return redirect("evc_detail", pk=procedure.pk)
    return with_errors(request, procedure, allowed, "decision_form", form)
