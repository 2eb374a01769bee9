"""What the learner's download holds of intakes and EVC procedures, and what erasure
removes (docs/privacy.md)."""

from __future__ import annotations

from django.db import transaction

from opmaat.learners.models import Learner
from opmaat.learners.sections import PrivacySection
from opmaat.recognition import uploads
from opmaat.recognition.models import (
    AssessmentSession,
    Certificate,
    Decision,
    EvcProcedure,
    EvcStep,
    Evidence,
    Intake,
    OutcomeJudgement,
)


def export_section(learner: Learner) -> object:
    intakes = Intake.objects.filter(learner=learner).select_related("employer")
    procedures = EvcProcedure.objects.filter(learner=learner).select_related("provider")
    return {
        "intakes": [
            {
                "version": i.version,
                "goal": i.goal,
                "target": i.target,
                "hours_per_week": i.hours_per_week,
                "work_hours_per_week": i.work_hours_per_week,
                "exam_only": i.exam_only,
                "work_setting": i.work_setting,
                "employer": i.employer.name if i.employer else None,
                "pathway": i.pathway,
                "pace": i.pace,
                "start": i.start.isoformat(),
                "motivation": i.motivation,
                "support_needs": i.support_needs,
                "evc_units": i.evc_units,
                "advice": i.advice,
                "saved_at": i.created_at.isoformat(),
            }
            for i in intakes
        ],
        "evc_procedures": [procedure_section(p) for p in procedures],
    }


def procedure_section(p: EvcProcedure) -> dict[str, object]:
    return {
        "provider": p.provider.name,
        "standard": p.standard,
        "units": p.units,
        "state": p.state,
        "deadline": p.deadline.isoformat() if p.deadline else None,
        "evidence": [
            {
                "kind": e.kind,
                "title": e.title,
                "text": e.text,
                "outcomes": e.outcomes,
                "file": e.original_name or None,
                "sha256": e.sha256 or None,
                "added_at": e.added_at.isoformat(),
            }
            for e in p.evidence.all()
        ],
        "judgements": [
            {
                "outcome": j.outcome,
                "result": j.result,
                "rationale": j.rationale,
                "at": j.at.isoformat(),
            }
            for j in p.judgements.all()
        ],
        "certificates": [c.document for c in p.certificates.all()],
        "decisions": [
            {
                "units": d.units,
                "outcomes": d.outcomes,
                "rationale": d.rationale,
                "decided_at": d.decided_at.isoformat(),
                "superseded": hasattr(d, "superseded_by"),
            }
            for d in p.decisions.all()
        ],
    }


def erase(learner: Learner) -> None:
    """Intakes, procedures and their files go; the files only once the erasure commits."""
    stored = list(
        Evidence.objects.filter(procedure__learner=learner)
        .exclude(stored_name="")
        .values_list("stored_name", flat=True)
    )
    Intake.objects.filter(learner=learner).delete()
    for procedure in EvcProcedure.objects.filter(learner=learner):
        # Decisions protect their certificate and predecessor: remove them newest first.
        for decision in procedure.decisions.order_by("-decided_at", "-id"):
            decision.delete()
        procedure.delete()
    transaction.on_commit(lambda: remove_files(stored))


def remove_files(stored_names: list[str]) -> None:
    for name in stored_names:
        uploads.remove(name)


SECTION = PrivacySection(
    "recognition",
    (
        Intake,
        EvcProcedure,
        EvcStep,
        Evidence,
        OutcomeJudgement,
        AssessmentSession,
        Certificate,
        Decision,
    ),
    export_section,
    erase,
)
