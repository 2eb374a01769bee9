"""The candidate's portfolio: evidence, written or as a checked file, linked to werkprocessen."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.errors import Required
from opmaat.domain.recognition.assessment import EvidenceKind, check_werkprocessen
from opmaat.domain.recognition.errors import EvidenceInUse
from opmaat.domain.recognition.evc import EvcState
from opmaat.learners import services as learners
from opmaat.recognition import uploads
from opmaat.recognition.access import require_on
from opmaat.recognition.models import EvcProcedure, Evidence
from opmaat.recognition.services.procedure import lock, require_state, scope_of


@transaction.atomic
def add_evidence(
    actor: User,
    procedure: EvcProcedure,
    kind: EvidenceKind,
    title: str,
    outcomes: Sequence[str],
    text: str = "",
    upload: UploadedFile | None = None,
) -> Evidence:
    """Evidence for one or more werkprocessen in scope: a checked file, a written text, or
    both."""
    require_on(actor, Action.SUBMIT_EVIDENCE, procedure)
    procedure = lock(procedure)
    require_state(procedure, EvcState.INTAKE, EvcState.PORTFOLIO)
    codes = check_werkprocessen(current_catalog(), scope_of(procedure), outcomes)
    if not codes:
        raise Required("outcomes")
    if upload is None and not text.strip():
        raise Required("evidence_content")
    stored = uploads.store(upload) if upload is not None else None
    try:
        evidence = Evidence.objects.create(
            procedure=procedure,
            kind=kind.value,
            title=title.strip(),
            text=text,
            outcomes=list(codes),
            stored_name=stored.stored_name if stored else "",
            original_name=stored.original_name if stored else "",
            content_type=stored.content_type if stored else "",
            size=stored.size if stored else 0,
            sha256=stored.sha256 if stored else "",
            added_by=actor,
        )
    except Exception:
        if stored is not None:  # nothing points at the file: don't keep it
            uploads.remove(stored.stored_name)
        raise
    learners.audit(
        actor,
        procedure.learner,
        "evc.evidence_added",
        f"Bewijsstuk toegevoegd: {evidence.title}",
        {
            "procedure": procedure.pk,
            "evidence": evidence.pk,
            "kind": kind.value,
            "outcomes": list(codes),
            "sha256": evidence.sha256,
        },
    )
    return evidence


@transaction.atomic
def remove_evidence(actor: User, evidence: Evidence) -> None:
    """Take evidence out of the portfolio, while it is being built and was never judged on."""
    procedure = lock(evidence.procedure)
    require_on(actor, Action.SUBMIT_EVIDENCE, procedure)
    require_state(procedure, EvcState.INTAKE, EvcState.PORTFOLIO)
    if evidence.judgements.exists():
        raise EvidenceInUse()
    learners.audit(
        actor,
        procedure.learner,
        "evc.evidence_removed",
        f"Bewijsstuk verwijderd: {evidence.title}",
        {"procedure": procedure.pk, "evidence": evidence.pk, "sha256": evidence.sha256},
    )
    stored_name = evidence.stored_name
    evidence.delete()
    if stored_name:
        transaction.on_commit(lambda: uploads.remove(stored_name))
