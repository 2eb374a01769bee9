"""The learner's progress in their download, and its removal on erasure (docs/privacy.md)."""

from __future__ import annotations

from opmaat.learners.models import Learner
from opmaat.learners.sections import PrivacySection
from opmaat.progress.models import Assessment, EntrustmentDecision, Feedback


def export_section(learner: Learner) -> object:
    return {
        "feedback": [
            {
                "code": f.code,
                "text": f.text,
                "given_on": f.given_on.isoformat(),
                "by": f.author_label,
            }
            for f in Feedback.objects.filter(learner=learner)
        ],
        "assessments": [
            {
                "code": a.code,
                "method": a.method,
                "result": a.result,
                "assessed_on": a.assessed_on.isoformat(),
                "assessor": a.assessor_label,
                "evidence": a.evidence,
            }
            for a in Assessment.objects.filter(learner=learner)
        ],
        "entrustments": [
            {
                "activity": d.activity.code,
                "level": d.level,
                "decided_on": d.decided_on.isoformat(),
                "by": d.decided_by_label,
                "evidence": d.evidence,
            }
            for d in EntrustmentDecision.objects.filter(learner=learner).select_related("activity")
        ],
    }


def erase(learner: Learner) -> None:
    """Feedback, results and entrustment decisions are personal data: all of it goes."""
    Feedback.objects.filter(learner=learner).delete()
    Assessment.objects.filter(learner=learner).delete()
    EntrustmentDecision.objects.filter(learner=learner).delete()


SECTION = PrivacySection(
    "progress", (Feedback, Assessment, EntrustmentDecision), export_section, erase
)
