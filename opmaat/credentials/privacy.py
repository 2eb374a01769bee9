"""Issued credentials in the learner's download, and what erasure does with them.

Erasure keeps what verification and revocation need (id, kind, code, issue date, key,
status and any revocation), so the holder's own file keeps verifying and the exam board
can still revoke; it drops the holder's name and the stored signed copy, which holds the
name. docs/privacy.md explains the trade-off.
"""

from __future__ import annotations

from django.utils import timezone

from opmaat.credentials.models import IssuedCredential
from opmaat.learners.models import Learner
from opmaat.learners.sections import PrivacySection


def export_section(learner: Learner) -> object:
    rows = IssuedCredential.objects.filter(learner=learner).select_related("organisation")
    return [credential_summary(c) for c in rows]


def credential_summary(c: IssuedCredential) -> dict[str, object]:
    """One issued credential as the API and the learner's download show it."""
    return {
        "id": c.credential_id,
        "kind": c.kind,
        "code": c.code,
        "name": c.name,
        "issuer": c.organisation.name,
        "issued_at": c.issued_at.isoformat(),
        "status": "revoked" if c.revoked else "valid",
        "revoked_at": c.revoked_at.isoformat() if c.revoked_at else None,
        "revocation_reason": c.revocation_reason,  # the category's label, never the note
        "revocation_category": c.revocation_category,
        "credential": c.document,
    }


def erase(learner: Learner) -> None:
    IssuedCredential.objects.filter(learner=learner).update(
        holder_name="", document={}, erased_at=timezone.now()
    )


SECTION = PrivacySection("credentials", (IssuedCredential,), export_section, erase)
