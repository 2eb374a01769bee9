"""Demo data of the progress app, loaded by opmaat.demo after the learners: professional
activities for the default catalog, and results, feedback and supervision levels for a few
demo learners. Sanne de Vries lacks one result for the certificate 'Basis voor deskundige
zorg', so the whole journey (result → certificate → verification) can be played."""

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

# code, title, unit, reserved (voorbehouden of risicovol)
ACTIVITIES = (
    ("BDZ-ADL", "Biedt persoonlijke verzorging (ADL)", "CERT-BDZ-C1-K1", False),
    ("BDZ-SIGNAAL", "Signaleert veranderingen in de gezondheid", "CERT-BDZ-C1-K1", False),
    ("VIG-ZORGPLAN", "Stelt het zorgplan op en bij", "VV2020-B1-K1", False),
    ("VIG-MEDICATIE", "Dient medicatie toe (risicovolle handeling)", "VV2020-B1-K1", True),
    (
        "VP-INJECTEREN",
        "Injecteert en katheteriseert (voorbehouden handeling)",
        "VV2020-P2-K1",
        True,
    ),
    ("MZ-DAGBESTEDING", "Begeleidt cliënten bij dagelijkse activiteiten", "23181-B1-K1", False),
    (
        "MZ-GH-VERPLEEGTECHNIEK",
        "Voert verpleegtechnische handelingen uit in de gehandicaptenzorg (sondevoeding, "
        "medicatie)",
        "23181-P1-K1",
        True,
    ),
    (
        "MZ-PB-VERPLEEGTECHNIEK",
        "Voert verpleegtechnische handelingen uit (persoonlijk begeleider)",
        "23181-P3-K1",
        True,
    ),
    ("HZW-THUIS", "Ondersteunt bij wonen en huishouden thuis", "23189-P2-K1", False),
    ("SCW-ACTIVITEIT", "Organiseert activiteiten met een doelgroep", "23185-P2-K1", False),
)


@dataclass(frozen=True, slots=True)
class DemoProgress:
    learner: str
    met: tuple[tuple[str, int], ...] = ()  # outcome, days ago
    feedback: tuple[tuple[str, int, str], ...] = ()  # outcome, days ago, text
    levels: tuple[tuple[str, int, SupervisionLevel, str], ...] = ()  # activity, days ago, …


PROGRESS = (
    DemoProgress(
        "Sanne de Vries",
        met=(("CERT-BDZ-C1-K1-W1", 70), ("CERT-BDZ-C1-K1-W2", 45), ("CERT-BDZ-C1-K1-W3", 20)),
        feedback=(
            ("CERT-BDZ-C1-K1-W3", 35, "Verzorgt rustig en met aandacht; vraag vaker naar wensen."),
            ("CERT-BDZ-C1-K1-W4", 10, "Rapportage is feitelijk en volledig. Klaar voor de proeve."),
            ("VV2020-B1-K1-W1", 5, "Goede anamnese; betrek de familie er eerder bij."),
        ),
        levels=(
            ("BDZ-ADL", 60, SupervisionLevel.DIRECT, "Eerste diensten samen gelopen."),
            ("BDZ-ADL", 20, SupervisionLevel.INDIRECT, "Zelfstandig met hulp op afroep."),
            ("BDZ-SIGNAAL", 15, SupervisionLevel.DIRECT, "Observaties besproken."),
        ),
    ),
    DemoProgress(
        "Ahmed Hassan",
        met=(("23181-B1-K1-W5", 30),),
        feedback=(("23181-B1-K1-W6", 12, "Sterk in contact; werk aan schriftelijke rapportage."),),
        levels=(
            ("MZ-DAGBESTEDING", 40, SupervisionLevel.INDEPENDENT, "Tien jaar ervaring, gezien."),
            ("MZ-GH-VERPLEEGTECHNIEK", 25, SupervisionLevel.DIRECT, "Sondevoeding onder toezicht."),
        ),
    ),
    DemoProgress(
        "Kevin Bakker",
        met=(("23181-P3-K1-W1", 50), ("23181-P3-K1-W2", 30)),
        feedback=(("23181-P3-K1-W3", 8, "Groepsactiviteit goed voorbereid."),),
    ),
    DemoProgress("Eva Peters", met=(("23189-P2-K1-W1", 90), ("23189-P2-K1-W2", 60))),
    DemoProgress(
        "Noor Hendriks",
        met=(("23185-P2-K1-W1", 120), ("23185-P2-K1-W2", 80), ("23185-P2-K1-W3", 40)),
        levels=(("SCW-ACTIVITEIT", 40, SupervisionLevel.INDEPENDENT, "Project afgerond."),),
    ),
)


def add_demo(orgs: dict[str, Organisation]) -> None:
    """Add this app's demo records; loading twice changes nothing."""
    for position, (code, title, unit, reserved) in enumerate(ACTIVITIES):
        ProfessionalActivity.objects.get_or_create(
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
