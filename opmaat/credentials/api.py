"""The credentials part of the JSON API, mounted by opmaat.api.app: a learner's
certificates and diplomas, one signed credential, and public verification."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Body, Router, Schema

from opmaat.api.auth import PUBLIC
from opmaat.api.schemas import DENIED, REFUSED
from opmaat.credentials.models import IssuedCredential
from opmaat.credentials.privacy import credential_summary
from opmaat.credentials.verification import verify_document
from opmaat.domain.access import Action
from opmaat.domain.credentials.verify import report_document
from opmaat.learners.access import access_learner, require

router = Router(tags=["credentials"])


class CredentialOut(Schema):
    id: str
    kind: str
    code: str
    name: str
    issuer: str
    issued_at: str
    status: str
    revoked_at: str | None
    revocation_reason: str
    credential: dict[str, Any]


@router.get("/learners/{int:pk}", response={200: list[CredentialOut], **DENIED})
def list_credentials(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    """The learner's certificates and diplomas, revoked ones included, newest first."""
    learner = access_learner(request.user, pk, Action.VIEW)
    rows = IssuedCredential.objects.filter(learner=learner).select_related("organisation")
    return [credential_summary(c) for c in rows]


@router.get("/{uuid:uid}", response={200: dict[str, Any], **DENIED})
def get_credential(request: HttpRequest, uid: UUID) -> dict[str, Any]:
    """The signed credential (Open Badges 3.0 JSON-LD with its proof), as issued."""
    credential = get_object_or_404(IssuedCredential, uid=uid, learner__erased_at__isnull=True)
    require(request.user, Action.VIEW, credential.learner)
    document: dict[str, Any] = credential.document
    return document


@router.post(
    "/verify",
    response={200: dict[str, Any], **REFUSED},
    auth=None,
    openapi_extra=PUBLIC,
)
def verify(request: HttpRequest, credential: Body[dict[str, Any]]) -> dict[str, Any]:
    """Check a credential: signature, issuer, dates, revocation. Always 200 with a report
    (`valid`, and `failures` with stable codes); nothing is stored. docs/api.md."""
    return report_document(verify_document(credential))
