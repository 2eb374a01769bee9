"""The workforce demo of Zorggroep Het Baken: a functiehuis, a task library, three wards
with shift needs, two weeks of roster from the demo's current week, and staff: the demo
learners employed there (their school data shows only where they consented) and staff
without a learner record.

Facts with a source carry it (FWG groups: ../shared/workforce/FACTS.md); everything else
is INVENTED FOR THE DEMO and says so: the shift needs, the risky acts' validity, the staff,
their diplomas and authorisations, the roster. Loading it again changes nothing: every row
is looked up by its organisation and code or name first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from opmaat.accounts.models import Organisation
from opmaat.domain.catalog import EmployerEffect
from opmaat.domain.progress import SupervisionLevel
from opmaat.domain.workforce.model import (
    Act,
    Consequence,
    EffectRule,
    Evidence,
    Functiehuis,
    Function,
    Task,
)
from opmaat.learners.models import Learner
from opmaat.workforce import services
from opmaat.workforce.models import (
    Act as ActRow,
)
from opmaat.workforce.models import (
    Employee,
    EmployeeLink,
    RosterShift,
    ShiftNeed,
    Signer,
    Team,
)

INVENTED = "verzonnen voor de demo"
FWG_VVT = "CAO VVT, BBL-zij-instroom: werkenbijzzgzorggroep.nl/werken-en-leren/salaris/"
FWG_VIG = (
    "CAO VVT: werkenbijzzgzorggroep.nl (40); vaak 35, 40 bij meer verantwoordelijkheid: "
    "akkolade.org/magazine/schaal-35-of-40-in-welke-schaal-hoor-ik-als-verzorgende-ig"
)
FWG_UNVERIFIED = "niet geverifieerd (algemene kennis): controleer de cao"

# The organisation's risky acts (not reserved; FACTS.md: the usual list is unverified and
# each organisation sets its own). Validity in months: invented for the demo.
RISKY_ACTS = (
    Act("MEDICATIE", "Medicatie aanreiken en toedienen", False, 24, INVENTED),
    Act("WONDZORG", "Wondverzorging", False, 36, INVENTED),
    Act("BLOEDGLUCOSE", "Bloedglucose meten", False, 36, INVENTED),
)

# Werkprocessen from the default catalog: 23268 Verzorgende-IG, 23267 Mbo-Verpleegkundige,
# 23385 Helpende Zorg en Welzijn, 23312 Maatschappelijke zorg. Levels: the organisation's.
TASKS = (
    Task("ADL", "ADL-zorg: wassen en aankleden", ("23268-B1-K1-W4",), SupervisionLevel(4)),
    Task("VOEDING", "Hulp bij maaltijden en voeding", ("23385-P2-K1-W2",), SupervisionLevel(3)),
    Task(
        "DAGBESTEDING",
        "Activiteiten en dagbesteding",
        ("23385-P2-K1-W4",),
        SupervisionLevel(3),
    ),
    Task(
        "MEDICATIE",
        "Medicatieronde",
        ("23268-B1-K1-W5",),
        SupervisionLevel(4),
        ("MEDICATIE",),
    ),
    Task("WONDZORG", "Wondverzorging", ("23268-B1-K1-W5",), SupervisionLevel(4), ("WONDZORG",)),
    Task(
        "INJECTEREN",
        "Injecteren (subcutaan, insuline)",
        ("23268-B1-K1-W5",),
        SupervisionLevel(4),
        ("BIG-INJECTIE", "BLOEDGLUCOSE"),
    ),
    Task(
        "KATHETER",
        "Katheteriseren (blaas)",
        ("23267-B1-K1-W4",),
        SupervisionLevel(4),
        ("BIG-KATHETERISATIE",),
    ),
    Task("ZORGPLAN", "Zorgplan bijstellen", ("23268-B1-K1-W3",), SupervisionLevel(4)),
    Task("COORDINATIE", "Zorg coördineren in de dienst", ("23267-B1-K1-W6",), SupervisionLevel(4)),
    Task(
        "BEGELEIDING",
        "Persoonlijke begeleiding en ondersteuningsplan",
        ("23312-P2-K1-W1", "23312-P2-K1-W3"),
        SupervisionLevel(4),
    ),
)

FUNCTIONS = (
    (Function("HELP", "Helpende", "VVT", 25, "25960", tasks=("VOEDING", "DAGBESTEDING")), FWG_VVT),
    (
        Function(
            "HIO",
            "Helpende in opleiding",
            "VVT",
            25,
            werkprocessen=("23385-P2-K1-W2",),
            tasks=("VOEDING",),
            temporary=True,
        ),
        f"Helpende-schaal aangehouden; {FWG_UNVERIFIED}",
    ),
    (
        Function(
            "VIG",
            "Verzorgende-IG",
            "VVT",
            40,
            "25656",
            tasks=(
                "ADL",
                "VOEDING",
                "DAGBESTEDING",
                "MEDICATIE",
                "WONDZORG",
                "INJECTEREN",
                "ZORGPLAN",
            ),
        ),
        FWG_VIG,
    ),
    (
        Function(
            "MBOV",
            "Mbo-Verpleegkundige",
            "VVT",
            45,
            "25655",
            tasks=("MEDICATIE", "WONDZORG", "INJECTEREN", "KATHETER", "COORDINATIE"),
        ),
        FWG_VVT,
    ),
    (
        Function(
            "PB",
            "Persoonlijk begeleider",
            "Gehandicaptenzorg",
            45,
            "25779",
            tasks=("DAGBESTEDING", "BEGELEIDING"),
        ),
        FWG_UNVERIFIED,
    ),
)

# Seed 002, section 5 (one organisation's practice): a heavier unit leads to a (temporary)
# function, a deepening one to an extra periodiek. Which units count is this
# organisation's choice, invented for the demo.
RULES = (
    EffectRule(EmployerEffect.HEAVIER, Consequence.TEMPORARY_FUNCTION, 0, "HIO", "HELP"),
    EffectRule(EmployerEffect.DEEPENING, Consequence.PERIODIEK, 1, None, "HELP"),
)
UNIT_EFFECTS = {
    "23268-B1-K1-1": EmployerEffect.HEAVIER,  # Werk in uitvoering (ADL) of Verzorgende-IG
    "23268-B1-K1-2": EmployerEffect.DEEPENING,  # Communicatie en preventie
}

TEAMS = (
    ("Afdeling Boomgaard", "Culemborg, Het Baken"),
    ("Afdeling Waterkant", "Culemborg, Het Baken"),
    ("Afdeling Molenhof", "Culemborg, Het Baken"),
)
LED_TEAM = "Afdeling Boomgaard"

# Per weekday, invented for the demo: the morning washing-and-dressing peak (one person
# fewer at the weekend), lunch, the evening round.
WEEKEND = (5, 6)
NEEDS = (
    (time(7), time(10), "ADL", 3),
    (time(7), time(10), "MEDICATIE", 1),
    (time(7), time(10), "INJECTEREN", 1),
    (time(11, 30), time(13, 30), "VOEDING", 2),
    (time(16, 30), time(19, 30), "MEDICATIE", 1),
    (time(16, 30), time(19, 30), "ADL", 1),
)


@dataclass(frozen=True, slots=True)
class DemoEmployee:
    number: str
    name: str
    team: int  # index into TEAMS
    function: str
    hours: float
    diplomas: tuple[str, ...] = ()
    acts: tuple[tuple[str, int], ...] = ()  # act, days until the authorisation runs out
    learner: str | None = None  # a demo learner's name


STAFF = (
    DemoEmployee("1001", "Sanne de Vries", 0, "HIO", 28, learner="Sanne de Vries"),
    DemoEmployee("1002", "Mohamed El Amrani", 0, "HELP", 32, learner="Mohamed El Amrani"),
    DemoEmployee("1003", "Petra Jansen", 1, "VIG", 24, learner="Petra Jansen"),
    DemoEmployee("1004", "Ahmed Hassan", 2, "HELP", 32, learner="Ahmed Hassan"),
    DemoEmployee("1005", "Jolanda Verbeek", 2, "PB", 36, learner="Jolanda Verbeek"),
    DemoEmployee("1006", "Marloes Bos", 2, "HELP", 24, learner="Marloes Bos"),
    DemoEmployee("1011", "Wendy Aarts", 0, "VIG", 32, ("25656",), (("MEDICATIE", 400),)),
    DemoEmployee(
        "1012",
        "Bas Verhoeven",
        0,
        "VIG",
        28,
        ("25656",),
        (("MEDICATIE", 12), ("BIG-INJECTIE", 300), ("BLOEDGLUCOSE", 300)),
    ),
    DemoEmployee(
        "1013",
        "Ilona Brouwer",
        0,
        "MBOV",
        36,
        ("25655",),
        (
            ("MEDICATIE", 500),
            ("BIG-INJECTIE", 20),
            ("BLOEDGLUCOSE", 500),
            ("BIG-KATHETERISATIE", 900),
        ),
    ),
    DemoEmployee("1014", "Kim de Groot", 0, "HELP", 24, ("25960",)),
    DemoEmployee("1015", "Rik Hoekstra", 0, "HELP", 32, ("25960", "C0054")),
    DemoEmployee("1016", "Samira Ouali", 0, "VIG", 24, ("25656",), (("MEDICATIE", -5),)),
    DemoEmployee("1021", "Anja Smits", 1, "VIG", 32, ("25656",), (("MEDICATIE", 700),)),
    DemoEmployee("1022", "Dennis Vos", 1, "VIG", 32, ("25656",), (("MEDICATIE", 250),)),
    DemoEmployee(
        "1023",
        "Fenna Kramer",
        1,
        "MBOV",
        32,
        ("25655",),
        (("MEDICATIE", 365), ("BIG-INJECTIE", 365), ("BLOEDGLUCOSE", 365)),
    ),
    DemoEmployee("1024", "Lotte Peeters", 1, "HELP", 20, ("25960",)),
    DemoEmployee("1025", "Youssef Amrani", 1, "HELP", 24, ("25960",)),
    DemoEmployee("1031", "Gerda Willemsen", 2, "VIG", 32, ("25656",), (("MEDICATIE", 28),)),
    DemoEmployee(
        "1032",
        "Hans Mulder",
        2,
        "MBOV",
        36,
        ("25655",),
        (("MEDICATIE", 800), ("BIG-INJECTIE", 800), ("BLOEDGLUCOSE", 800)),
    ),
    DemoEmployee("1033", "Nina Bos", 2, "VIG", 24, ("25656",)),
    DemoEmployee("1034", "Tamara Koster", 2, "HELP", 24, ("25960",)),
)

# Early 07:00–15:00 and late 15:00–23:00 (the roster system's shifts; times invented).
EARLY = (time(7), time(15))
LATE = (time(15), time(23))


def add_demo(
    orgs: dict[str, Organisation], hr: User, leader: User, signers: tuple[User, ...]
) -> None:
    """The workforce demo of Zorggroep Het Baken (orgs["baken"]), entered by its HR and
    its designated signers through the services, so the audit trail is filled too."""
    organisation = orgs["baken"]
    if organisation.care_functions.exists():
        return
    with transaction.atomic():
        add_functiehuis(hr, organisation)
        teams = add_teams(organisation, leader)
        for user in signers:
            Signer.objects.get_or_create(organisation=organisation, user=user)
        staff = [add_employee(organisation, teams, spec) for spec in STAFF]
        add_authorisations(staff, signers[0])
        add_roster(staff, teams, timezone.localdate())
        services.do_refresh_proposals(organisation)


def add_functiehuis(hr: User, organisation: Organisation) -> None:
    huis = Functiehuis(
        functions=tuple(f for f, _ in FUNCTIONS),
        tasks=TASKS,
        acts=services.with_big_acts(RISKY_ACTS),
        rules=RULES,
        unit_effects=UNIT_EFFECTS,
    )
    sources = {f.code: source for f, source in FUNCTIONS}
    services.do_replace_functiehuis(hr, organisation, huis, sources)


def add_teams(organisation: Organisation, leader: User) -> list[Team]:
    teams = []
    for name, location in TEAMS:
        team, _ = Team.objects.get_or_create(
            organisation=organisation,
            name=name,
            defaults={"location": location, "leader": leader if name == LED_TEAM else None},
        )
        teams.append(team)
        for weekday in range(7):
            for start, end, task, count in NEEDS:
                if weekday in WEEKEND and task == "ADL" and count > 1:
                    count -= 1
                ShiftNeed.objects.create(
                    team=team, weekday=weekday, start=start, end=end, task=task, count=count
                )
    return teams


def add_employee(organisation: Organisation, teams: list[Team], spec: DemoEmployee) -> Employee:
    employee = Employee.objects.create(
        organisation=organisation,
        personnel_number=spec.number,
        name=spec.name,
        team=teams[spec.team],
        function=spec.function,
        contract_hours=spec.hours,
        start_date=date(2022, 9, 1),
        diplomas=list(spec.diplomas),
    )
    learner = Learner.objects.filter(name=spec.learner, erased_at__isnull=True).first()
    if spec.learner is not None and learner is not None:
        EmployeeLink.objects.create(employee=employee, learner=learner)
    return employee


def add_authorisations(staff: list[Employee], signer: User) -> None:
    """Authorisations granted a validity before the day each one runs out, so the
    dashboard has some that expire this month and one that has expired."""
    today = timezone.localdate()
    for employee, spec in zip(staff, STAFF, strict=True):
        for code, days_left in spec.acts:
            act = ActRow.objects.get(organisation=employee.organisation, code=code)
            until = today + timedelta(days=days_left)
            months = act.validity_months or 60
            services.do_record_authorisation(
                signer,
                employee,
                act,
                until - timedelta(days=months * 30),
                Evidence.TEST,
                f"Theorie- en praktijktoets ({INVENTED})",
                valid_until=until,
            )


def add_roster(staff: list[Employee], teams: list[Team], today: date) -> None:
    """Two weeks from this week's Monday: each person works early or late on four or five
    days of each week by a fixed pattern, so the wards are short now and then."""
    monday = services.week_start(today)
    for n, (employee, spec) in enumerate(zip(staff, STAFF, strict=True)):
        for offset in range(14):
            day = monday + timedelta(days=offset)
            if (offset + n) % 3 == 0:
                continue  # a day off
            start, end = EARLY if (offset + n) % 2 == 0 else LATE
            RosterShift.objects.create(
                employee=employee, day=day, start=start, end=end, team=teams[spec.team]
            )
