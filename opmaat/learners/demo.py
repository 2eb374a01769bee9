"""The demo's learners: different backgrounds, holdings and saved routes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from opmaat.accounts.demo import account
from opmaat.accounts.models import Organisation
from opmaat.domain.routes import Leerweg, Pace, RouteRequest
from opmaat.learners import services
from opmaat.learners.models import Enrolment, Holding, Learner


@dataclass(frozen=True, slots=True)
class DemoLearner:
    name: str
    background: str
    employer: str | None  # organisation key
    held: tuple[str, ...] = ()
    exempt: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    target: str | None = None
    pathway: Leerweg = Leerweg.BBL
    study_hours: float | None = None  # None: the pathway's default (BBL 8 h self-study)
    work_hours: float | None = None  # BBL contract hours; None: the default (32)
    exam_only: tuple[str, ...] = ()
    consent: bool = False
    username: str | None = None


LEARNERS = (
    DemoLearner(
        "Sanne de Vries",
        "Zij-instromer uit de horeca met een mavo-diploma; werkt 28 uur als zorghulp en wil"
        " Verzorgende IG worden. Nederlands vrijgesteld.",
        "baken",
        held=("VMBO-GT",),
        exempt=("NL-2F",),
        target="25656",
        work_hours=28,
        consent=True,
        username="deelnemer",
    ),
    DemoLearner(
        "Mohamed El Amrani",
        "Diploma Helpende Zorg en Welzijn (2019), wil doorgroeien naar Verzorgende IG.",
        "baken",
        held=("25498",),
        target="25656",
        work_hours=32,
        consent=True,
    ),
    DemoLearner(
        "Petra Jansen",
        "Herintreder: diploma Verzorgende IG (2011), tien jaar niet in de zorg gewerkt; werkt"
        " nu 24 uur in een ziekenhuis.",
        "baken",
        held=("25491",),
        target="25655",
        work_hours=24,
    ),
    DemoLearner(
        "Kevin Bakker",
        "Begeleider gehandicaptenzorg niveau 3, wil persoonlijk begeleider worden.",
        "linde",
        held=("25475",),
        target="25779",
        consent=True,
    ),
    DemoLearner(
        "Fatma Yılmaz",
        "Pedagogisch medewerker kinderopvang, stapt over naar gespecialiseerd werk.",
        None,
        held=("25486",),
        target="25484",
        pathway=Leerweg.DERDE,
        study_hours=16,
    ),
    DemoLearner(
        "Jeroen Smit",
        "Werkt in de thuiszorg met het certificaat Ondersteuning thuis.",
        "linde",
        held=("VMBO-BB", "C0165"),
        target="25960",
        work_hours=24,
    ),
    DemoLearner(
        "Lisa Visser",
        "Havo-diploma, stapt over uit de detailhandel; vrijstelling voor Nederlands, rekenen en"
        " Engels op grond van haar havo-diploma.",
        None,
        held=("HAVO",),
        target="25780",
        pathway=Leerweg.BOL,
    ),
    DemoLearner(
        "Ahmed Hassan",
        "Tien jaar ervaring als woonbegeleider zonder diploma; EVC-traject loopt.",
        "baken",
        outcomes=("23312-B1-K1-W1", "23312-B1-K1-W2", "23312-B1-K1-W3", "23312-B1-K1-W4"),
        target="25780",
    ),
    DemoLearner(
        "Ingrid Mulder",
        "Vijftiger met jaren mantelzorg- en vrijwilligerservaring, wil persoonlijk begeleider in"
        " de thuisbegeleiding worden.",
        "linde",
        target="25779",
        pathway=Leerweg.DERDE,
        study_hours=12,
    ),
    DemoLearner(
        "Tom de Boer",
        "Entreeopleiding afgerond, wil Helpende Zorg en Welzijn worden.",
        None,
        held=("25251",),
        target="25960",
        pathway=Leerweg.BOL,
    ),
    DemoLearner(
        "Noor Hendriks",
        "Sociaal-maatschappelijk dienstverlener, wil ook sociaal-cultureel werker worden.",
        None,
        held=("25489",),
        target="25488",
        pathway=Leerweg.DERDE,
        study_hours=8,
    ),
    DemoLearner(
        "Jolanda Verbeek",
        "Zes jaar persoonlijk begeleider zonder zorgdiploma; EVC voor Maatschappelijke Zorg 4."
        " Generieke vakken vrijgesteld op grond van een eerder mbo-4-diploma.",
        "baken",
        held=("MBO-4",),
        target="25779",
        work_hours=36,
    ),
    DemoLearner(
        "Marloes Bos",
        "SPW-diploma, vier jaar pedagogisch medewerker, nu begeleider gehandicaptenzorg;"
        " wil via EVC haar diploma Maatschappelijke Zorg 3 halen.",
        "baken",
        target="25780",
        work_hours=24,
        exam_only=("NL-2F", "REK-3"),
        consent=True,
        username="kandidaat",
    ),
    DemoLearner(
        "Eva Peters",
        "Zorghulp in de thuiszorg; via EVC vrijgesteld voor de dienstverlenende kerntaak van"
        " Helpende Z&W.",
        "linde",
        held=("VMBO-BB",),
        exempt=("23385-B1-K1",),
        target="25960",
        work_hours=20,
    ),
)


def add_demo(orgs: dict[str, Organisation], admin: User) -> None:
    for spec in LEARNERS:
        if not Learner.objects.filter(name=spec.name).exists():
            add_learner(spec, orgs, admin)


def add_learner(spec: DemoLearner, orgs: dict[str, Organisation], admin: User) -> None:
    intake = account("intake")
    learner = services.create_learner(
        intake,
        orgs["roc"],
        Enrolment.Relation.STUDENT,
        {"name": spec.name, "background": spec.background},
    )
    if spec.username is not None:
        login = account(spec.username)
        learner.user = login
        learner.email = login.email
        learner.save(update_fields=["user", "email"])
    if spec.employer is not None:
        Enrolment.objects.create(
            learner=learner,
            organisation=orgs[spec.employer],
            relation=Enrolment.Relation.EMPLOYEE,
            since=timezone.localdate() - timedelta(days=400),
        )
    if spec.outcomes:
        Enrolment.objects.create(
            learner=learner, organisation=orgs["evc"], relation=Enrolment.Relation.CANDIDATE
        )
    # What is held the advisor records; exemptions and werkprocessen on their own are the
    # exam board's.
    board = account("examencommissie")
    for codes, kind, by in (
        (spec.held, Holding.Kind.HELD, intake),
        (spec.exempt, Holding.Kind.EXEMPTION, board),
        (spec.outcomes, Holding.Kind.OUTCOME, board),
    ):
        for code in codes:
            services.add_holding(by, learner, code, kind, "Demo: diploma of EVC-rapport gezien.")
    if spec.consent and spec.employer is not None:
        services.grant_consent(admin, learner, orgs[spec.employer])
    if spec.target is not None:
        start = first_of_next_month(timezone.localdate())
        request = RouteRequest(
            spec.target,
            start,
            spec.study_hours,
            spec.pathway,
            Pace.NORMAL,
            work_hours_per_week=spec.work_hours,
            exam_only=spec.exam_only,
        )
        services.save_route(intake, learner, request, "Intakegesprek (demo).")


def first_of_next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)
