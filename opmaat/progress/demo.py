"""Demo data of the progress app, loaded by opmaat.demo after the learners: professional
activities for the default catalog, and results, feedback and supervision levels for a few
demo learners, all on current werkprocessen. Sanne de Vries lacks one result for the
certificate C0054 'Basis voor deskundige zorg' (23268-B1-K1-W1 and -W4, the exam unit
23268-B1-K1-1 'Werk in uitvoering' of Verzorgende-IG), so the whole journey (result →
certificate → verification) can be played: the teacher records 23268-B1-K1-W4."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.domain.access import Action
from opmaat.domain.progress import AssessmentMethod, AssessmentResult, SupervisionLevel
from opmaat.learners.access import permissions
from opmaat.learners.models import Learner
from opmaat.progress import services
from opmaat.progress.models import Assessment, Feedback, ProfessionalActivity

# The werkproces the teacher records last in the demo journey: it completes C0054.
LAST_RESULT = "23268-B1-K1-W4"

# code, title, unit (an exam unit or kerntaak of the current dossiers), reserved
# (voorbehouden of risicovol: waits for the werkprocessen its werkprocessen require)
ACTIVITIES = (
    ("BDZ-ADL", "Biedt persoonlijke verzorging (ADL)", "23268-B1-K1-1", False),
    ("BDZ-SIGNAAL", "Signaleert veranderingen in de gezondheid", "23268-B1-K1-1", False),
    ("VIG-ZORGPLAN", "Draagt mede zorg voor het zorgplan", "23268-B1-K1-3", False),
    ("VIG-MEDICATIE", "Dient medicatie toe (risicovolle handeling)", "23268-B1-K1-5", True),
    (
        "VP-INJECTEREN",
        "Injecteert en katheteriseert (voorbehouden handeling)",
        "23267-B1-K1-4",
        True,
    ),
    ("MZ-DAGBESTEDING", "Begeleidt cliënten bij dagelijkse activiteiten", "23312-B1-K1-1", False),
    (
        "MZ-ZORGTECHNIEK",
        "Voert zorgtechnische handelingen uit (sondevoeding, medicatie)",
        "23312-B1-K1-4",
        True,
    ),
    ("MZ-PB-GROEP", "Organiseert en coördineert groepsactiviteiten", "23312-P2-K1-3", False),
    ("HZW-THUIS", "Ondersteunt bij wonen en huishouden thuis", "23385-P2-K1-1", False),
    ("HZW-ADL", "Ondersteunt bij persoonlijke zorg en ADL", "23385-P2-K1-2", False),
    ("SCW-ACTIVITEIT", "Organiseert activiteiten met een doelgroep", "23185-P2-K1", False),
)


@dataclass(frozen=True, slots=True)
class DemoProgress:
    learner: str
    met: tuple[tuple[str, int], ...] = ()  # werkproces, days ago
    feedback: tuple[tuple[str, int, str], ...] = ()  # werkproces, days ago, text
    levels: tuple[tuple[str, int, SupervisionLevel, str], ...] = ()  # activity, days ago, …


PROGRESS = (
    DemoProgress(
        "Sanne de Vries",
        met=(("23268-B1-K1-W1", 70), ("23268-B1-K1-W2", 45)),
        feedback=(
            ("23268-B1-K1-W4", 35, "Verzorgt rustig en met aandacht; vraag vaker naar wensen."),
            (LAST_RESULT, 10, "Rapportage is feitelijk en volledig. Klaar voor de proeve."),
            ("23268-B1-K1-W3", 5, "Goede anamnese; betrek de familie er eerder bij."),
        ),
        levels=(
            ("BDZ-ADL", 60, SupervisionLevel.DIRECT, "Eerste diensten samen gelopen."),
            ("BDZ-ADL", 20, SupervisionLevel.INDIRECT, "Zelfstandig met hulp op afroep."),
            ("BDZ-SIGNAAL", 15, SupervisionLevel.DIRECT, "Observaties besproken."),
            ("VIG-MEDICATIE", 12, SupervisionLevel.DIRECT, "Medicatie aangereikt onder toezicht."),
        ),
    ),
    DemoProgress(
        "Ahmed Hassan",
        met=(("23312-B1-K1-W7", 30),),
        feedback=(("23312-B1-K1-W8", 12, "Sterk in contact; werk aan schriftelijke rapportage."),),
        levels=(
            ("MZ-DAGBESTEDING", 40, SupervisionLevel.INDEPENDENT, "Tien jaar ervaring, gezien."),
            ("MZ-ZORGTECHNIEK", 25, SupervisionLevel.DIRECT, "Sondevoeding onder toezicht."),
        ),
    ),
    DemoProgress(
        "Kevin Bakker",
        met=(("23312-P2-K1-W1", 50), ("23312-P2-K1-W3", 30)),
        feedback=(("23312-P2-K1-W2", 8, "Groepsactiviteit goed voorbereid."),),
    ),
    DemoProgress("Eva Peters", met=(("23385-P2-K1-W1", 90), ("23385-P2-K1-W2", 60))),
    DemoProgress(
        "Noor Hendriks",
        met=(("23185-P2-K1-W1", 120), ("23185-P2-K1-W2", 80), ("23185-P2-K1-W3", 40)),
        levels=(("SCW-ACTIVITEIT", 40, SupervisionLevel.INDEPENDENT, "Project afgerond."),),
    ),
)


def add_demo(orgs: dict[str, Organisation]) -> None:
    """Add this app's demo records; loading twice changes nothing."""
    for position, (code, title, unit, reserved) in enumerate(ACTIVITIES):
        # Updated, not only created, so a database from before the current dossiers gets
        # the current units; loading again changes nothing.
        ProfessionalActivity.objects.update_or_create(
            code=code,
            defaults={
                "title": title,
                "unit_code": unit,
                "reserved": reserved,
                "position": position,
            },
        )
    teacher = User.objects.get(username="docent")
    supervisor = User.objects.get(username="praktijkopleider")
    today = timezone.localdate()
    for spec in PROGRESS:
        learner = Learner.objects.filter(name=spec.learner, erased_at__isnull=True).first()
        if learner is None or has_progress(learner):
            continue
        add_progress(learner, spec, teacher, supervisor, today)


def has_progress(learner: Learner) -> bool:
    return (
        Assessment.objects.filter(learner=learner).exists()
        or Feedback.objects.filter(learner=learner).exists()
    )


def add_progress(
    learner: Learner, spec: DemoProgress, teacher: User, supervisor: User, today: date
) -> None:
    for code, days in spec.met:
        services.do_record_assessment(
            teacher,
            learner,
            code,
            AssessmentMethod.PRACTICAL_TEST,
            AssessmentResult.MET,
            today - timedelta(days=days),
            "Demo: proeve van bekwaamheid in de praktijk.",
        )
    for code, days, text in spec.feedback:
        services.do_record_feedback(teacher, learner, code, text, today - timedelta(days=days))
    for activity, days, level, evidence in spec.levels:
        # The workplace supervisor decides where the learner works; elsewhere the teacher.
        allowed = Action.RECORD_PROGRESS in permissions(supervisor, learner)
        actor = supervisor if allowed else teacher
        services.do_entrust(
            actor,
            learner,
            ProfessionalActivity.objects.get(code=activity),
            level,
            today - timedelta(days=days),
            evidence,
        )
