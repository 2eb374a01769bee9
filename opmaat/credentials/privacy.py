"""Issued credentials in the learner's download, and what erasure does with them.

Erasure keeps what verification and revocation need (id, kind, code, issue date, key,
status and the date of any revocation), so the holder's own file keeps verifying and the
exam board can still revoke; it drops the holder's name, the stored signed copy, which holds
the name, and the revocation's free-text reason. docs/privacy.md explains the trade-off.
"""

from __future__ import annotations

from django.utils import timezone

from opmaat.credentials.models import IssuedCredential
from opmaat.learners.models import Learner
from opmaat.learners.sections import Kept, PrivacySection


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
    """The holder's name, the signed copy (which names them) and the exam board's note on a
    revocation go; what verification and revocation need stays (`KEPT`)."""
    IssuedCredential.objects.filter(learner=learner).update(
        holder_name="", document={}, revocation_note="", erased_at=timezone.now()
    )


VERIFIES = "the holder's own file keeps verifying, and the school keeps its diploma records"
KEPT = (
    Kept("IssuedCredential.uid", VERIFIES + ": the credential's id"),
    Kept("IssuedCredential.kind", VERIFIES + ": certificate or diploma"),
    Kept("IssuedCredential.code", VERIFIES + ": the catalog code"),
    Kept("IssuedCredential.name", VERIFIES + ": the achievement's name"),
    Kept("IssuedCredential.issued_at", VERIFIES + ": the issue date"),
    Kept("IssuedCredential.valid_until", VERIFIES + ": the end of validity, if any"),
    Kept("IssuedCredential.organisation", VERIFIES + ": the issuing school"),
    Kept("IssuedCredential.key", VERIFIES + ": the signing key"),
    Kept("IssuedCredential.status_index", VERIFIES + ": its place in the status list"),
    Kept("IssuedCredential.document_sha256", VERIFIES + ": the hash of what was signed"),
    Kept("IssuedCredential.issued_by", "the exam board member who issued it stays accountable"),
    Kept("IssuedCredential.revoked_at", "a revoked credential must keep failing verification"),
    Kept("IssuedCredential.revoked_by", "the exam board member who revoked it stays accountable"),
    Kept("IssuedCredential.revocation_category", "a revocation publishes its category, no text"),
    Kept("IssuedCredential.erased_at", "that the holder's data were erased"),
)

SECTION = PrivacySection("credentials", (IssuedCredential,), export_section, erase, kept=KEPT)
