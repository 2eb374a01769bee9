"""Demo data of the recognition app, loaded by opmaat.demo after the learners.

- Jolanda Verbeek, the MZ4 case of DOMAIN.md, on Persoonlijk begeleider maatschappelijke
  zorg (25779) in BBL at 36 contract hours: her portfolio for the nine exam units is
  judged, every werkproces met except those of Participatie en sociaal netwerk, and the
  ervaringscertificaat waits for the exam board (log in as `examencommissie` and decide:
  her route drops to that one unit and the keuzedelen, about seven months at most).
- Marloes Bos (`kandidaat`), the MZ3 case, on Begeleider maatschappelijke zorg (25780):
  intake done, EVC advised for every kerntaak; the procedure is still to be started by the
  advisor (`intake`). After EVC only the Dutch, arithmetic and L&B exams remain.
- Ahmed Hassan: a procedure for 25780 started three weeks ago whose intake phase is
  overdue, so the advisor's dashboard shows a reminder.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement, SessionKind
from opmaat.domain.recognition.assessment import unit_werkprocessen as werkprocessen_of
from opmaat.domain.recognition.evc import EvcState, deadline
from opmaat.domain.routes import Leerweg, RouteRequest
from opmaat.learners import services as learners
from opmaat.learners.models import Learner
from opmaat.recognition import services
from opmaat.recognition.models import EvcProcedure, Intake

MZ4 = "25779"  # Persoonlijk begeleider maatschappelijke zorg: nine exam units (Talland)
MZ3 = "25780"  # Begeleider maatschappelijke zorg: three kerntaken
MZ3_UNITS = ("23312-B1-K1", "23312-B1-K2", "23312-P1-K1")
# Participatie en sociaal netwerk: her woongroep gives no work on clients' participation
# outside it or their social network, so she shows none of its werkprocessen yet.
NOT_SHOWN = "23312-B1-K1-2"
OVERDUE_UNITS = ("23312-P1-K1",)


def add_demo(orgs: dict[str, Organisation]) -> None:
    """Add this app's demo records; loading twice changes nothing."""
    intake = User.objects.get(username="intake")
    provider = orgs["evc"]
    jolanda = demo_learner("Jolanda Verbeek")
    if jolanda is not None and not EvcProcedure.objects.filter(learner=jolanda).exists():
        add_mz4_case(jolanda, intake, provider)
    marloes = demo_learner("Marloes Bos")
    if marloes is not None and not Intake.objects.filter(learner=marloes).exists():
        add_mz3_case(marloes, intake)
    ahmed = demo_learner("Ahmed Hassan")
    if ahmed is not None and not EvcProcedure.objects.filter(learner=ahmed).exists():
        add_overdue_procedure(ahmed, intake, provider)


def demo_learner(name: str) -> Learner | None:
    return Learner.objects.filter(name=name, erased_at__isnull=True).first()


def week_of(learner: Learner, target: str, start: date) -> RouteRequest:
    """The request of the learner's saved route (its pathway and week) from `start`; BBL at
    the default week when there is none."""
    plan = learners.current_route(learner)
    if plan is None:
        return RouteRequest(target, start, pathway=Leerweg.BBL)
    return learners.request_of(plan, start)


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


def add_mz4_case(learner: Learner, advisor: User, provider: Organisation) -> None:
    catalog = current_catalog()
    units = catalog.qualifications[MZ4].units
    record_intake(
        learner,
        advisor,
        week_of(learner, MZ4, timezone.localdate()),
        units,
        goal="Een erkend diploma voor het werk dat ze al zes jaar doet.",
        work_setting="Persoonlijk begeleider op een woongroep, 36 uur per week (BBL).",
        motivation="Veel ervaring met ondersteuningsplannen en met nieuwe collega's.",
    )
    procedure = services.start_procedure(advisor, learner, provider, MZ4, units)
    services.move(advisor, procedure, EvcState.PORTFOLIO, "Intakegesprek gevoerd (demo).")
    assess_mz4(learner, advisor, procedure)
    # Back-date the phase so the demo reads like a procedure of three months.
    since = timezone.localdate() - timedelta(days=10)
    EvcProcedure.objects.filter(pk=procedure.pk).update(
        state_since=since, deadline=deadline(EvcState.DECISION, since)
    )


def assess_mz4(learner: Learner, advisor: User, procedure: EvcProcedure) -> None:
    """Portfolio, judgements per werkproces, certificate: up to the exam board."""
    assessor = User.objects.get(username="assessor")
    catalog = current_catalog()
    werkprocessen = services.scope_of(procedure).werkprocessen(catalog)
    not_shown = set(werkprocessen_of(catalog, NOT_SHOWN))
    statement = services.add_evidence(
        advisor,
        procedure,
        EvidenceKind.EMPLOYER_STATEMENT,
        "Werkgeversverklaring Zorggroep Het Baken",
        [w for w in werkprocessen if w not in not_shown],
        text="De teamleider verklaart dat zij sinds zes jaar zelfstandig als persoonlijk "
        "begeleider werkt, ondersteuningsplannen opstelt en nieuwe collega's begeleidt.",
    )
    reflection = services.add_evidence(
        advisor,
        procedure,
        EvidenceKind.REFLECTION,
        "Reflectieverslag: mijn rol in het team",
        list(werkprocessen),
        text="Reflectie op eigen handelen, kwaliteit en deskundigheid (demo).",
    )
    services.move(advisor, procedure, EvcState.ASSESSMENT, "Portfolio compleet (demo).")
    services.record_session(
        assessor,
        procedure,
        SessionKind.INTERVIEW,
        timezone.localdate(),
        sorted(not_shown),
        "Criteriumgericht interview: participatie buiten de woongroep en het sociale netwerk "
        "van cliënten komen in haar werk nog niet voor.",
    )
    for code in werkprocessen:
        if code in not_shown:
            services.judge(
                assessor,
                procedure,
                code,
                Judgement.NOT_MET,
                "Niet aangetoond: geen ondersteuning bij participatie en sociaal netwerk in "
                "het huidige werk.",
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


def add_mz3_case(learner: Learner, advisor: User) -> None:
    learners.update_learner(advisor, learner, {"elective_hours_done": 720.0})
    record_intake(
        learner,
        advisor,
        week_of(learner, MZ3, timezone.localdate()),
        MZ3_UNITS,
        goal="Diploma Maatschappelijke Zorg 3 via EVC.",
        work_setting="Begeleider op een woongroep van Zorggroep Het Baken, 24 uur per week.",
        motivation="SPW-diploma en vier jaar in de kinderopvang; keuzedelen vrijgesteld; "
        "Nederlands en rekenen beheerst ze al (alleen examen).",
    )
    learners.replan(advisor, learner, "Keuzedelen vrijgesteld (demo).")


def add_overdue_procedure(learner: Learner, advisor: User, provider: Organisation) -> None:
    procedure = services.start_procedure(advisor, learner, provider, MZ3, OVERDUE_UNITS)
    started = timezone.localdate() - timedelta(days=21)
    EvcProcedure.objects.filter(pk=procedure.pk).update(
        state_since=started, deadline=deadline(EvcState.INTAKE, started)
    )
