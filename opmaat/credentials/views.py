"""The learner's certificates and diplomas, the exam board's issuing and revoking, and the
public verification pages (no account needed)."""

from __future__ import annotations

import json
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.credentials import services
from opmaat.credentials.forms import IssueForm, RevokeForm, VerifyForm
from opmaat.credentials.keys import key_document, published_keys
from opmaat.credentials.messages import explain
from opmaat.credentials.models import REVOCATION_LABELS, IssuedCredential, SigningKey
from opmaat.credentials.pdf import credential_pdf
from opmaat.credentials.status import status_list_document
from opmaat.credentials.verification import verify_document
from opmaat.domain.access import Action
from opmaat.domain.credentials.document import CredentialKind
from opmaat.domain.credentials.errors import MalformedCredential, PublicUrlMissing
from opmaat.domain.credentials.verify import Report, parse_credential
from opmaat.domain.errors import DomainError
from opmaat.learners.access import learner_page, signed_in
from opmaat.learners.models import Learner
from opmaat.ui.confirm import confirmation, confirmed
from opmaat.ui.errors import explain as explain_error
from opmaat.ui.throttle import TooManyRequests, check_rate, too_many_requests_page


@learner_page(Action.VIEW)
def credential_list(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    may_issue = Action.ISSUE_CREDENTIAL in allowed
    context = {
        "learner": learner,
        "credentials": IssuedCredential.objects.filter(learner=learner).select_related(
            "organisation"
        ),
        "issuable": services.issuable_for(learner) if may_issue else None,
        "may_issue": may_issue,
        "revoke_form": RevokeForm(),
    }
    if may_issue and (blocked := services.may_issue_here(request_base(request))):
        context["issue_blocked"] = explain_error(blocked)
    return render(request, "credentials/list.html", context)


def request_base(request: HttpRequest) -> str:
    """The address this request came in on (its host checked against ALLOWED_HOSTS), for a
    local run's public address (services.site_url)."""
    return request.build_absolute_uri("/").rstrip("/")


@require_POST
@learner_page(Action.ISSUE_CREDENTIAL)
def credential_issue(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action]
) -> HttpResponse:
    form = IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Onbekende soort of code."))
        return redirect("credentials", pk=learner.pk)
    kind, code = CredentialKind(form.cleaned_data["kind"]), form.cleaned_data["code"]
    if not confirmed(request):
        return confirm_issue(request, learner, kind, code)
    issue = (
        services.do_issue_diploma
        if kind == CredentialKind.DIPLOMA
        else services.do_issue_certificate
    )
    try:
        credential = issue(signed_in(request), learner, code, request_base=request_base(request))
    except DomainError as error:
        messages.error(request, explain_error(error))
    else:
        messages.success(
            request,
            _("Uitgegeven: %(kind)s %(name)s")
            % {"kind": credential.get_kind_display(), "name": credential.name},
        )
    return redirect("credentials", pk=learner.pk)


def confirm_issue(
    request: HttpRequest, learner: Learner, kind: CredentialKind, code: str
) -> HttpResponse:
    names = {
        "name": current_catalog().name_of(code),
        "learner": learner.name,
        "org": services.issuing_organisation(signed_in(request), learner).name,
    }
    diploma = kind == CredentialKind.DIPLOMA
    return confirmation(
        request,
        title=(
            _("Diploma %(name)s uitgeven aan %(learner)s?")
            if diploma
            else _("Certificaat %(name)s uitgeven aan %(learner)s?")
        )
        % names,
        consequences=[
            _(
                "%(org)s ondertekent het; vanaf nu kan iedereen het controleren, met de "
                "QR-code op de PDF of met het bestand."
            )
            % names,
            _(
                "Wat erop staat, kan daarna niet meer worden gewijzigd: bij een fout kunt u het "
                "alleen intrekken, en die intrekking blijft zichtbaar."
            ),
            _("Het telt vanaf nu als behaald in de route van %(learner)s.") % names,
        ],
        yes=_("Ja, diploma uitgeven") if diploma else _("Ja, certificaat uitgeven"),
        back=reverse("credentials", args=[learner.pk]),
    )


@require_POST
@learner_page(Action.ISSUE_CREDENTIAL)
def credential_revoke(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action], uid: UUID
) -> HttpResponse:
    credential = get_object_or_404(IssuedCredential, uid=uid, learner=learner)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een reden voor de intrekking."))
        return redirect("credentials", pk=learner.pk)
    category, note = form.cleaned_data["category"], form.cleaned_data["note"]
    try:
        chosen = services.revocation_category(category, note)
    except DomainError as error:
        messages.error(request, explain_error(error))
        return redirect("credentials", pk=learner.pk)
    if not confirmed(request):
        names = {
            "name": credential.name,
            "learner": credential.holder_name or learner.name,
            "reason": _(REVOCATION_LABELS[chosen]),
        }
        return confirmation(
            request,
            title=_("%(name)s intrekken?") % names,
            consequences=[
                _(
                    "De verificatiepagina en de statuslijst tonen het vanaf nu als ingetrokken, "
                    "met de reden ‘%(reason)s’; uw toelichting blijft intern."
                )
                % names,
                _(
                    "Het telt niet meer als behaald bij %(learner)s; de vastgelegde resultaten "
                    "blijven staan."
                )
                % names,
                _(
                    "Intrekken kan niet ongedaan worden gemaakt; was het een vergissing, geef "
                    "dan opnieuw uit."
                ),
            ],
            yes=_("Ja, intrekken"),
            back=reverse("credentials", args=[learner.pk]),
        )
    try:
        services.do_revoke(signed_in(request), credential, category, note)
    except DomainError as error:
        messages.error(request, explain_error(error))
    else:
        messages.success(request, _("Ingetrokken: %(name)s") % {"name": credential.name})
    return redirect("credentials", pk=learner.pk)


@learner_page(Action.VIEW)
def credential_json(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action], uid: UUID
) -> HttpResponse:
    credential = get_object_or_404(IssuedCredential, uid=uid, learner=learner)
    response = HttpResponse(
        json.dumps(credential.document, ensure_ascii=False, indent=2),
        content_type="application/json",
    )
    response["Content-Disposition"] = f'attachment; filename="{file_stem(credential)}.json"'
    return response


@learner_page(Action.VIEW)
def credential_pdf_download(
    request: HttpRequest, learner: Learner, allowed: frozenset[Action], uid: UUID
) -> HttpResponse:
    credential = get_object_or_404(IssuedCredential, uid=uid, learner=learner)
    site = services.pdf_site(credential, request_base(request))
    response = HttpResponse(credential_pdf(credential, site), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{file_stem(credential)}.pdf"'
    return response


def file_stem(credential: IssuedCredential) -> str:
    return f"{credential.kind}-{credential.code}-{credential.uid}"


def verify_page(request: HttpRequest) -> HttpResponse:
    """Paste or upload a credential; the report says whether it is valid and why not. A
    client may check OPMAAT_PUBLIC_RATE_LIMIT a minute (429 after, opmaat.ui.throttle)."""
    if request.method == "POST":
        try:
            check_rate(request, "verify")
        except TooManyRequests as error:
            return too_many_requests_page(request, error)
    form = VerifyForm(request.POST or None, request.FILES or None)
    report, problem = None, ""
    if request.method == "POST" and form.is_valid():
        try:
            report = verify_document(parse_credential(form.cleaned_data["text"]))
        except MalformedCredential as error:
            problem = explain_error(error)
    status = 400 if request.method == "POST" and report is None else 200
    return render(
        request,
        "credentials/verify.html",
        {"form": form, **report_context(report), "problem": problem},
        status=status,
    )


@cache_control(private=True, no_store=True)  # shown without an account, but personal
def verify_stored(request: HttpRequest, uid: UUID) -> HttpResponse:
    """Where the QR code leads: the credential as issued, checked now."""
    credential = get_object_or_404(IssuedCredential, uid=uid)
    report = verify_document(credential.document) if credential.document else None
    return render(
        request,
        "credentials/verify.html",
        {
            "credential": credential,
            "form": VerifyForm(),
            **report_context(report),
            "from_link": True,
        },
    )


def report_context(report: Report | None) -> dict[str, object]:
    if report is None:
        return {"report": None}
    explanations = [(f.code.value, explain(f)) for f in report.failures]
    return {"report": report, "explanations": explanations}


def issuer_keys(request: HttpRequest) -> JsonResponse:
    """Every issuer's keys, retired ones included: /verifieren/sleutels.json."""
    return JsonResponse(published_keys(), json_dumps_params={"ensure_ascii": False})


def issuer_profile(request: HttpRequest, org: int) -> JsonResponse:
    """The issuer id in a credential resolves to this profile with its keys."""
    every = list(SigningKey.objects.filter(organisation_id=org).select_related("organisation"))
    if not every:
        return JsonResponse({"detail": "Not found"}, status=404)
    # An organisation that issued at several public addresses has an issuer id for each:
    # the one asked for, else the first.
    asked = request.build_absolute_uri(request.path)
    controller = asked if any(k.controller == asked for k in every) else every[0].controller
    keys = [k for k in every if k.controller == controller]
    profile = {
        "id": controller,
        "type": ["Profile"],
        "name": keys[0].organisation.name,
        "verificationMethod": [key_document(k) for k in keys],
        "assertionMethod": [k.verification_method for k in keys],
    }
    return JsonResponse(profile, json_dumps_params={"ensure_ascii": False})


def status_list(request: HttpRequest, org: int) -> JsonResponse:
    """The organisation's signed BitstringStatusListCredential."""
    if not SigningKey.objects.filter(organisation_id=org).exists():
        return JsonResponse({"detail": "Not found"}, status=404)
    try:
        site = services.site_url(request_base(request))
    except PublicUrlMissing:
        return JsonResponse({"detail": "OPMAAT_PUBLIC_URL is not set"}, status=503)
    document = status_list_document(Organisation.objects.get(pk=org), site)
    response = JsonResponse(document)
    response["Cache-Control"] = "public, max-age=60"
    return response
