"""The credentials part of the JSON API, mounted by opmaat.api.app: a learner's
certificates and diplomas, one signed credential, and public verification."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Body, Field, Router, Schema
from pydantic import WithJsonSchema

from opmaat.api.auth import PUBLIC, PublicRate
from opmaat.api.schemas import DENIED, REFUSED, Document, Problem
from opmaat.credentials.messages import explain
from opmaat.credentials.models import IssuedCredential
from opmaat.credentials.privacy import credential_summary
from opmaat.credentials.verification import verify_document
from opmaat.domain.access import Action
from opmaat.domain.credentials.errors import MalformedCredential
from opmaat.domain.credentials.verify import (
    FailureCode,
    malformed,
    parse_credential,
    report_document,
)
from opmaat.learners.access import access_learner, require

router = Router(tags=["credentials"])

# The signed credential exactly as issued: its bytes are what the proof signs, so the API
# passes it on untouched and describes only what every one of them has.
SignedCredential = Annotated[
    dict[str, object],
    WithJsonSchema(
        {
            "type": "object",
            "title": "SignedCredential",
            "description": "An Open Badges 3.0 `OpenBadgeCredential` (JSON-LD) with its "
            "`DataIntegrityProof` (eddsa-jcs-2022), as issued; after erasure `{}`",
            "additionalProperties": True,
        }
    ),
]


class CredentialOut(Schema):
    id: str
    kind: str = Field(description="certificate or diploma")
    code: str
    name: str
    issuer: str
    issued_at: str = Field(description="ISO 8601 date and time")
    status: str = Field(description="valid or revoked")
    revoked_at: str | None
    revocation_reason: str = Field(
        description="the published reason: the category's Dutch label, empty when valid "
        "(the exam board's own note is never given)"
    )
    revocation_category: str = Field(
        description="issued_in_error, exam_irregularity, replaced, holder_request or other; "
        "empty when valid"
    )
    credential: SignedCredential


class FailureOut(Schema):
    code: FailureCode
    message: str
    fields: list[str] = Field(description="tampered: the changed fields, when known")
    reason: str = Field(
        description="revoked: the published reason, the category's Dutch label (never the "
        "exam board's own note)"
    )
    category: str = Field(
        description="revoked: issued_in_error, exam_irregularity, replaced, holder_request or other"
    )
    at: str | None = Field(description="revoked: when; expired or not yet valid: the date")
    text: str = Field(
        description="the failure as the verify page says it, in the request's language (nl, en)"
    )


class CheckedCredentialOut(Schema):
    """What the credential says about itself; empty strings where it says nothing."""

    id: str
    issuer: str
    issuer_name: str
    holder: str
    achievement: str
    code: str
    kind: str
    valid_from: str | None
    valid_until: str | None
    verification_method: str


class VerificationReport(Document):
    """The report of `opmaat credentials verify --json` (format `opmaat-verification/1`)."""

    format: str = Field(description="`opmaat-verification/1`")
    valid: bool
    failures: list[FailureOut]
    credential: CheckedCredentialOut


@router.get("/learners/{int:pk}", response={200: list[CredentialOut], **DENIED})
def list_credentials(request: HttpRequest, pk: int) -> list[dict[str, object]]:
    """The learner's certificates and diplomas, revoked ones included, newest first."""
    learner = access_learner(request.user, pk, Action.VIEW)
    rows = IssuedCredential.objects.filter(learner=learner).select_related("organisation")
    return [credential_summary(c) for c in rows]


@router.get("/{uuid:uid}", response={200: SignedCredential, **DENIED})
def get_credential(request: HttpRequest, uid: UUID) -> dict[str, object]:
    """The signed credential (Open Badges 3.0 JSON-LD with its proof), as issued."""
    credential = get_object_or_404(IssuedCredential, uid=uid, learner__erased_at__isnull=True)
    require(request.user, Action.VIEW, credential.learner)
    document: dict[str, object] = credential.document
    return document


@router.post(
    "/verify",
    response={200: VerificationReport, **REFUSED, 429: Problem},
    auth=None,
    throttle=PublicRate("verify"),
    openapi_extra=PUBLIC,
)
def verify(request: HttpRequest, credential: Body[dict[str, object]]) -> dict[str, object]:
    """Check a credential: signature, issuer, dates, revocation. Always 200 with a report
    (`valid`, and `failures` with stable codes and their `text`); nothing is stored. A
    client may check OPMAAT_PUBLIC_RATE_LIMIT a minute (429 after). docs/api.md."""
    try:
        parse_credential(request.body)  # as the page and the CLI read it: no name twice
    except MalformedCredential as error:
        return report_document(malformed(error), explain)
    return report_document(verify_document(credential), explain)
