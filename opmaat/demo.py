"""Demo data for trying opmaat out: never for production (the passwords are public).

A region with a school, two care organisations and an EVC provider, one login per role, and
fourteen learners with different backgrounds, holdings and saved routes. Loading it again
changes nothing: everything is looked up by name first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from opmaat.accounts.models import Membership, Organisation
from opmaat.domain.access import OrganisationKind, Role
from opmaat.domain.routes import Leerweg, Pace, RouteRequest
from opmaat.learners import services
from opmaat.learners.models import Enrolment, Holding, Learner
from opmaat.matching.demo import add_demo_round

PASSWORD = "opmaat-demo"


@dataclass(frozen=True, slots=True)
class DemoLogin:
    username: str
    password: str
    role: str


@dataclass(frozen=True, slots=True)
class DemoOrganisation:
    key: str
    name: str
    kind: OrganisationKind
    place: str


ORGANISATIONS = (
    DemoOrganisation("regio", "Zorgregio Rivierenland (demo)", OrganisationKind.REGION, "Tiel"),
    DemoOrganisation("roc", "ROC De Brug (demo)", OrganisationKind.SCHOOL, "Tiel"),
    DemoOrganisation("baken", "Zorggroep Het Baken (demo)", OrganisationKind.CARE, "Culemborg"),
    DemoOrganisation("linde", "Thuiszorg De Linde (demo)", OrganisationKind.CARE, "Geldermalsen"),
    DemoOrganisation(
        "evc", "EVC-centrum Vakkundig (demo)", OrganisationKind.EVC_PROVIDER, "Utrecht"
    ),
)

# username, role, organisation key (None: no organisation), description
STAFF = (
    ("intake", Role.INTAKE_ADVISOR, "roc", "intakeadviseur, ROC De Brug"),
    ("assessor", Role.EVC_ASSESSOR, "evc", "EVC-assessor, EVC-centrum Vakkundig"),
    ("docent", Role.TEACHER, "roc", "docent, ROC De Brug"),
    ("praktijkopleider", Role.TEACHER, "baken", "praktijkopleider, Zorggroep Het Baken"),
    ("examencommissie", Role.EXAM_BOARD, "roc", "examencommissie, ROC De Brug"),
    ("hr", Role.EMPLOYER_HR, "baken", "HR, Zorggroep Het Baken"),
    ("regio", Role.REGIONAL_COORDINATOR, "regio", "regiocoördinator, Zorgregio Rivierenland"),
    ("redacteur", Role.CATALOG_EDITOR, "roc", "catalogusredacteur"),
)


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


def demo_logins() -> list[DemoLogin]:
    return [
        DemoLogin("beheerder", PASSWORD, "beheerder"),
        *(DemoLogin(username, PASSWORD, description) for username, _, _, description in STAFF),
        DemoLogin("deelnemer", PASSWORD, "deelnemer Sanne de Vries"),
        DemoLogin("kandidaat", PASSWORD, "EVC-kandidaat Marloes Bos"),
    ]


DEMO_LOGINS = tuple(demo_logins())


@transaction.atomic
def do_load_demo() -> list[DemoLogin]:
    """Create whatever of the demo is missing; running it again changes nothing."""
    admin = User.objects.filter(username="beheerder").first()
    if admin is None:
        admin = User.objects.create_superuser("beheerder", password=PASSWORD)
    orgs = {o.key: organisation(o) for o in ORGANISATIONS}
    for key, org in orgs.items():
        if key != "regio" and org.region_id is None:
            org.region = orgs["regio"]
            org.save(update_fields=["region"])
    for username, role, key, _ in STAFF:
        user = account(username)
        Membership.objects.get_or_create(user=user, organisation=orgs[key], role=role.value)
    for spec in LEARNERS:
        if not Learner.objects.filter(name=spec.name).exists():
            add_learner(spec, orgs, admin)
    add_demo_round(orgs["regio"], account("regio"))
    add_app_demos(orgs)
    return list(DEMO_LOGINS)


def add_app_demos(orgs: dict[str, Organisation]) -> None:
    """Each app's own demo records, in the order they build on each other."""
    from opmaat.credentials.demo import add_demo as add_credentials
    from opmaat.prescan.demo import add_demo as add_prescan
    from opmaat.progress.demo import add_demo as add_progress
    from opmaat.recognition.demo import add_demo as add_recognition

    add_recognition(orgs)
    add_prescan(orgs)
    add_progress(orgs)
    add_credentials(orgs)


def organisation(spec: DemoOrganisation) -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        name=spec.name, defaults={"kind": spec.kind.value, "place": spec.place}
    )
    return org


def account(username: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username, email=f"{username}@demo.opmaat.invalid", password=PASSWORD
        )
    return user


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
    for codes, kind in (
        (spec.held, Holding.Kind.HELD),
        (spec.exempt, Holding.Kind.EXEMPTION),
        (spec.outcomes, Holding.Kind.OUTCOME),
    ):
        for code in codes:
            services.add_holding(
                intake, learner, code, kind, "Demo: diploma of EVC-rapport gezien."
            )
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


def demo_logins_present() -> list[DemoLogin]:
    users = get_user_model()
    present = set(
        users.objects.filter(username__in=[d.username for d in DEMO_LOGINS]).values_list(
            "username", flat=True
        )
    )
    return [d for d in DEMO_LOGINS if d.username in present]
