"""Issuing and revoking certificates and diplomas: checked against the access rules and
the completion rules, signed, stored, recorded as a holding and audited, in one
transaction."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from opmaat import env
from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.credentials.keys import active_key, issuer_id, issuer_of, private_key
from opmaat.credentials.models import IssuedCredential
from opmaat.domain.access import Action, OrganisationKind, Role
from opmaat.domain.catalog import Catalog
from opmaat.domain.credentials.completion import (
    CertificateCheck,
    DiplomaCheck,
    certificate_check,
    certificate_checks,
    diploma_check,
)
from opmaat.domain.credentials.document import (
    CredentialKind,
    CredentialSpec,
    PartResult,
    credential_document,
    xsd_datetime,
)
from opmaat.domain.credentials.errors import (
    AlreadyIssued,
    AlreadyRevoked,
    NotIssuable,
    PublicUrlMissing,
    StatusListFull,
)
from opmaat.domain.credentials.jcs import canonical
from opmaat.domain.credentials.proof import ProofOptions, add_proof
from opmaat.domain.credentials.revocation import RevocationCategory
from opmaat.domain.credentials.status_list import LIST_SIZE, status_entry
from opmaat.domain.errors import InvalidChoice, Required
from opmaat.domain.recognition.grants import Source
from opmaat.learners import services as learner_services
from opmaat.learners.access import actor_of, facts_of, require
from opmaat.learners.models import Holding, Learner
from opmaat.learners.services import audit
from opmaat.progress.services import record_of


def site_url(request_base: str | None = None) -> str:
    """The site's public address for what is issued now: OPMAAT_PUBLIC_URL when set; in a
    local run (settings.OPMAAT_LOCAL_SITE) the address the request came in on
    (`request_base`, e.g. http://localhost:8311), else http://localhost:8000; elsewhere
    nothing can be issued without it (PublicUrlMissing)."""
    configured = env.public_url()
    if configured:
        return configured
    if not settings.OPMAAT_LOCAL_SITE:
        raise PublicUrlMissing()
    return (request_base or env.LOCAL_PUBLIC_URL).rstrip("/")


def configured_site() -> str | None:
    """The public address without a request (the command line), or None when it must be
    set and is not."""
    try:
        return site_url()
    except PublicUrlMissing:
        return None


def may_issue_here(request_base: str | None = None) -> PublicUrlMissing | None:
    """Why nothing can be issued at this site now, or None: for the issue buttons."""
    try:
        site_url(request_base)
    except PublicUrlMissing as error:
        return error
    return None


def pdf_site(credential: IssuedCredential, request_base: str | None = None) -> str:
    """The address a PDF's QR code leads to: this site's (site_url), or, where that is not
    set, the address the credential was issued at (its status list's)."""
    try:
        return site_url(request_base)
    except PublicUrlMissing:
        status = credential.document.get("credentialStatus")
        url = status.get("statusListCredential") if isinstance(status, dict) else None
        return str(url).split("/verifieren/", 1)[0] if url else ""


def verification_url(credential: IssuedCredential, site: str) -> str:
    """Where the QR code on the PDF points: the public verification page."""
    return f"{site}/verifieren/{credential.uid}/"


def status_list_url(organisation: Organisation, site: str) -> str:
    return f"{site}/verifieren/status/{organisation.pk}/"


def issuing_organisation(actor: User, learner: Learner) -> Organisation:
    """The organisation in whose name `actor` issues for `learner`: the school of an exam
    board the actor sits on and the learner is linked to (an admin: the learner's school)."""
    linked = facts_of(learner).organisations
    person = actor_of(actor)
    allowed = linked if person.is_admin else linked & person.organisations_with([Role.EXAM_BOARD])
    candidates = Organisation.objects.filter(pk__in=allowed).order_by("pk")
    school = candidates.filter(kind=OrganisationKind.SCHOOL.value).first()
    chosen = school or candidates.first()
    if chosen is None:
        raise PermissionDenied("no exam board of an organisation linked to the learner")
    return chosen


@dataclass(frozen=True, slots=True)
class Issuable:
    certificates: tuple[CertificateCheck, ...]  # started, and not validly issued yet
    diplomas: tuple[DiplomaCheck, ...]  # the route's target, and any other complete one


def issuable_for(learner: Learner) -> Issuable:
    """What the exam board can issue (or will soon): for its page."""
    catalog = current_catalog()
    record = record_of(learner)
    issued = set(valid_credentials(learner).values_list("code", flat=True))
    certificates = tuple(
        c
        for c in certificate_checks(catalog, record)
        if c.started and not c.held and c.target.code not in issued
    )
    plan = learner.route_plans.order_by("-version").first()
    target = plan.target if plan is not None else None
    diplomas = []
    for crebo in catalog.qualifications:
        if crebo in issued:
            continue
        check = diploma_check(catalog, crebo, record)
        if crebo == target or (check.complete and not held(learner, crebo)):
            diplomas.append(check)
    return Issuable(certificates, tuple(diplomas))


def held(learner: Learner, code: str) -> bool:
    return learner.holdings.filter(code=code, kind=Holding.Kind.HELD).exists()


def valid_credentials(learner: Learner) -> QuerySet[IssuedCredential]:
    return IssuedCredential.objects.filter(learner=learner, revoked_at__isnull=True)


@transaction.atomic
def do_issue_certificate(
    actor: User,
    learner: Learner,
    code: str,
    now: datetime | None = None,
    request_base: str | None = None,
) -> IssuedCredential:
    """Issue the mbo-certificate `code` (a catalog certificate or a unit carrying one);
    `request_base` is the address the request came in on (see site_url)."""
    require(actor, Action.ISSUE_CREDENTIAL, learner)
    site = site_url(request_base)
    catalog = current_catalog()
    check = certificate_check(catalog, catalog.resolve(code), record_of(learner))
    if not check.complete:
        raise NotIssuable("incomplete", check.target.code, check.missing)
    if check.held:
        raise NotIssuable("held", check.target.code)
    target = check.target
    covered = ", ".join(part.code for part in check.parts())
    return _issue(
        actor,
        learner,
        CredentialKind.CERTIFICATE,
        target.code,
        target.name,
        target.level,
        achievement_url(catalog, target.code, site),
        f"Alle werkprocessen behaald ({covered}), vastgesteld door de examencommissie; per "
        "werkproces staat waarop het berust.",
        check.parts(),
        now,
        site,
    )


@transaction.atomic
def do_issue_diploma(
    actor: User,
    learner: Learner,
    crebo: str,
    now: datetime | None = None,
    request_base: str | None = None,
) -> IssuedCredential:
    """Issue the diploma of qualification `crebo` when every part of it is done;
    `request_base` as for do_issue_certificate."""
    require(actor, Action.ISSUE_CREDENTIAL, learner)
    site = site_url(request_base)
    catalog = current_catalog()
    check = diploma_check(catalog, catalog.resolve(crebo), record_of(learner))
    if not check.complete:
        raise NotIssuable("incomplete", check.crebo, check.missing)
    if held(learner, check.crebo):
        raise NotIssuable("held", check.crebo)
    return _issue(
        actor,
        learner,
        CredentialKind.DIPLOMA,
        check.crebo,
        check.name,
        check.level,
        achievement_url(catalog, check.crebo, site),
        "Alle werkprocessen (elk één keer geteld, in welke eenheid ook), generieke vakken en "
        "keuzedeeluren van de kwalificatie behaald; per onderdeel staat waarop het berust "
        "(resultaat, behaald certificaat of diploma, of vrijstelling met grond).",
        check.parts(),
        now,
        site,
    )


def achievement_url(catalog: Catalog, code: str, site: str) -> str:
    if code in catalog.qualifications:
        return f"{site}/catalogus/kwalificaties/{code}/"
    if code in catalog.units:
        return f"{site}/catalogus/eenheden/{code}/"
    return f"urn:opmaat:certificaat:{code}"


def _issue(
    actor: User,
    learner: Learner,
    kind: CredentialKind,
    code: str,
    name: str,
    level: int | None,
    url: str,
    criteria: str,
    parts: tuple[PartResult, ...],
    now: datetime | None,
    site: str,
) -> IssuedCredential:
    organisation = issuing_organisation(actor, learner)
    # One issuer at a time per organisation: status indices and the active key stay unique.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    if valid_credentials(learner).filter(code=code).exists():
        raise AlreadyIssued(code)
    key = active_key(organisation, issuer_id(organisation, site))
    moment = (now or timezone.now()).replace(microsecond=0)
    uid = uuid.uuid4()
    index = free_status_index(organisation)
    spec = CredentialSpec(
        id=f"urn:uuid:{uid}",
        kind=kind,
        issuer=issuer_of(key),
        holder_name=learner.name,
        code=code,
        name=name,
        level=level,
        achievement_url=url,
        valid_from=moment,
        status=status_entry(status_list_url(organisation, site), index),
        criteria=criteria,
        parts=parts,
    )
    options = ProofOptions(key.verification_method, xsd_datetime(moment))
    signed = add_proof(credential_document(spec), private_key(key), options)
    credential = IssuedCredential.objects.create(
        uid=uid,
        learner=learner,
        organisation=organisation,
        key=key,
        kind=kind.value,
        code=code,
        name=name,
        holder_name=learner.name,
        issued_at=moment,
        status_index=index,
        document=signed,
        document_sha256=hashlib.sha256(canonical(signed)).hexdigest(),
        issued_by=actor,
    )
    label = "Diploma" if kind == CredentialKind.DIPLOMA else "Certificaat"
    audit(
        actor,
        learner,
        "credential.issued",
        f"{label} uitgegeven: {code} {name}",
        {"credential": spec.id, "kind": kind.value, "code": code},
    )
    # Routes shrink: what is issued is held from now on, with the credential as evidence.
    learner_services.add_holding(
        actor, learner, code, Holding.Kind.HELD, spec.id, Source.CREDENTIAL, spec.id
    )
    return credential


def free_status_index(organisation: Organisation) -> int:
    """A random unused place in the organisation's status list (herd privacy)."""
    used = set(
        IssuedCredential.objects.filter(organisation=organisation).values_list(
            "status_index", flat=True
        )
    )
    if len(used) >= LIST_SIZE:
        raise StatusListFull(organisation.name)
    while True:
        index = secrets.randbelow(LIST_SIZE)
        if index not in used:
            return index


def revocation_category(category: str, note: str = "") -> RevocationCategory:
    """The published category of a revocation, checked with the exam board's note: "other"
    needs one (InvalidChoice for an unknown category, Required without the note)."""
    try:
        chosen = RevocationCategory(category)
    except ValueError:
        raise InvalidChoice("category", category) from None
    if chosen == RevocationCategory.OTHER and not note.strip():
        raise Required("reason")
    return chosen


@transaction.atomic
def do_revoke(
    actor: User, credential: IssuedCredential, category: str, note: str = ""
) -> IssuedCredential:
    """Revoke with a published `category` (RevocationCategory) and the exam board's own
    `note`, which stays internal (required for "other"); the status list shows the
    revocation from now on. The holding that the credential gave is removed."""
    learner = credential.learner
    require(actor, Action.ISSUE_CREDENTIAL, learner)
    chosen = revocation_category(category, note)
    locked = IssuedCredential.objects.select_for_update().get(pk=credential.pk)
    if locked.revoked_at is not None:
        raise AlreadyRevoked(str(locked.credential_id))
    locked.revoked_at = timezone.now()
    locked.revocation_category = chosen.value
    locked.revocation_note = note.strip()
    locked.revoked_by = actor
    locked.save(
        update_fields=["revoked_at", "revocation_category", "revocation_note", "revoked_by"]
    )
    audit(
        actor,
        learner,
        "credential.revoked",
        f"Ingetrokken: {locked.code} {locked.name}",
        {
            "credential": locked.credential_id,
            "category": chosen.value,
            "note": locked.revocation_note,
        },
    )
    given = learner.holdings.filter(source=Source.CREDENTIAL.value, source_ref=locked.credential_id)
    for holding in given:
        learner_services.remove_holding(actor, holding)
    return locked


def issued_credentials(learner_id: int | None = None) -> QuerySet[IssuedCredential]:
    """Every issued credential in the order of issue, or only one learner's."""
    rows = IssuedCredential.objects.order_by("issued_at", "id")
    return rows if learner_id is None else rows.filter(learner_id=learner_id)
