"""Demo data of the recognition app, loaded by opmaat.demo after the learners.

- Jolanda Verbeek, the MZ4 case of DOMAIN.md: her portfolio is judged and the
  ervaringscertificaat waits for the exam board (log in as `examencommissie` and decide:
  her route shrinks to about seven months).
- Marloes Bos (`kandidaat`), the MZ3 case: intake done, EVC advised for every unit; the
  procedure is still to be started by the advisor (`intake`).
- Ahmed Hassan: a procedure started three weeks ago whose intake phase is overdue, so the
  advisor's dashboard shows a reminder.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement, SessionKind
from opmaat.domain.recognition.evc import EvcState, deadline
from opmaat.domain.routes import Leerweg, Pace, RouteRequest
from opmaat.learners import services as learners
from opmaat.learners.models import Learner
from opmaat.recognition import services
from opmaat.recognition.models import EvcProcedure, Intake

MZ4_UNITS = ("23181-B1-K1", "23181-B1-K2", "23181-P3-K1")
MZ3_UNITS = ("23181-B1-K1", "23181-B1-K2", "23181-P1-K1")
NOT_SHOWN = "23181-P3-K1-W7"  # coördinerende taken: not yet part of her work


def add_demo(orgs: dict[str, Organisation]) -> None:
    """Add this app's demo records; loading twice changes nothing."""
    intake = User.objects.get(username="intake")
    provider = orgs["evc"]
    jolanda = demo_learner("Jolanda Verbeek")
    if jolanda is not None and not EvcProcedure.objects.filter(learner=jolanda).exists():
        add_mz4_case(jolanda, intake, provider, orgs)
    marloes = demo_learner("Marloes Bos")
    if marloes is not None and not Intake.objects.filter(learner=marloes).exists():
        add_mz3_case(marloes, intake, orgs)
    ahmed = demo_learner("Ahmed Hassan")
    if ahmed is not None and not EvcProcedure.objects.filter(learner=ahmed).exists():
        add_overdue_procedure(ahmed, intake, provider)


def demo_learner(name: str) -> Learner | None:
    return Learner.objects.filter(name=name, erased_at__isnull=True).first()


def record_intake(
    learner: Learner,
    advisor: User,
    request: RouteRequest,
    units: tuple[str, ...],
    goal: str,
    work_setting: str,
    motivation: str,
) -> None:
    services.save_intake(
        advisor,
        learner,
        services.IntakeInput(
            goal=goal,
            request=request,
            work_setting=work_setting,
            motivation=motivation,
            evc_units=units,
        ),
    )


def bbl(target: str, hours_per_week: float) -> RouteRequest:
    return RouteRequest(target, timezone.localdate(), hours_per_week, Leerweg.BBL, Pace.NORMAL)


def add_mz4_case(
    learner: Learner, advisor: User, provider: Organisation, orgs: dict[str, Organisation]
) -> None:
    assessor = User.objects.get(username="assessor")
    record_intake(
        learner,
        advisor,
        bbl("25477", 36),
        MZ4_UNITS,
        goal="Een erkend diploma voor het werk dat ze al zes jaar doet.",
        work_setting="Persoonlijk begeleider op een woongroep, 36 uur per week (BBL).",
        motivation="Veel ervaring met ondersteuningsplannen en met nieuwe collega's.",
    )
    procedure = services.start_procedure(advisor, learner, provider, "25477", MZ4_UNITS)
    services.move(advisor, procedure, EvcState.PORTFOLIO, "Intakegesprek gevoerd (demo).")
    outcomes = services.scope_of(procedure).outcomes(current_catalog())
    statement = services.add_evidence(
        advisor,
        procedure,
        EvidenceKind.EMPLOYER_STATEMENT,
        "Werkgeversverklaring Zorggroep Het Baken",
        [o for o in outcomes if o != NOT_SHOWN],
        text="De teamleider verklaart dat zij sinds zes jaar zelfstandig als persoonlijk "
        "begeleider werkt, ondersteuningsplannen opstelt en nieuwe collega's begeleidt.",
    )
    reflection = services.add_evidence(
        advisor,
        procedure,
        EvidenceKind.REFLECTION,
        "Reflectieverslag: mijn rol in het team",
        list(outcomes),
        text="Reflectie op eigen handelen, kwaliteit en deskundigheid (demo).",
    )
    services.move(advisor, procedure, EvcState.ASSESSMENT, "Portfolio compleet (demo).")
    today = timezone.localdate()
    services.record_session(
        assessor,
        procedure,
        SessionKind.INTERVIEW,
        today,
        [NOT_SHOWN],
        "Criteriumgericht interview: coördinerende taken komen in haar werk nog niet voor.",
    )
    for code in outcomes:
        if code == NOT_SHOWN:
            services.judge(
                assessor,
                procedure,
                code,
                Judgement.NOT_MET,
                "Niet aangetoond: geen coördinerende taken in het huidige werk.",
                [reflection.pk],
            )
        else:
            services.judge(
                assessor,
                procedure,
                code,
                Judgement.MET,
                "Aangetoond met de werkgeversverklaring en de reflectie.",
                [statement.pk, reflection.pk],
            )
    services.move(assessor, procedure, EvcState.REPORT)
    services.issue_certificate(assessor, procedure)
    services.move(assessor, procedure, EvcState.DECISION, "Naar de examencommissie (demo).")
    # Back-date the phases so the demo reads like a procedure of three months.
    since = today - timedelta(days=10)
    EvcProcedure.objects.filter(pk=procedure.pk).update(
        state_since=since, deadline=deadline(EvcState.DECISION, since)
    )


def add_mz3_case(learner: Learner, advisor: User, orgs: dict[str, Organisation]) -> None:
    learners.update_learner(advisor, learner, {"elective_hours_done": 720.0})
    record_intake(
        learner,
        advisor,
        bbl("25475", 20),
        MZ3_UNITS,
        goal="Diploma Maatschappelijke Zorg 3 via EVC.",
        work_setting="Begeleider op een woongroep van Zorggroep Het Baken.",
        motivation="SPW-diploma en vier jaar in de kinderopvang; keuzedelen vrijgesteld.",
    )
    learners.replan(advisor, learner, "Keuzedelen vrijgesteld (demo).")


def add_overdue_procedure(learner: Learner, advisor: User, provider: Organisation) -> None:
    procedure = services.start_procedure(advisor, learner, provider, "25475", ["23181-P1-K1"])
    started = timezone.localdate() - timedelta(days=21)
    EvcProcedure.objects.filter(pk=procedure.pk).update(
        state_since=started, deadline=deadline(EvcState.INTAKE, started)
    )
