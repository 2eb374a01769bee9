"""Build the rows a test needs through the apps' own services, so audit and invariants hold:
`make_learner`, `add_holding`, `save_route`, `record_result`, `make_procedure`,
`make_assessed_procedure`, `make_round`, `add_plan_figures`,
plus the plain organisations and staff accounts below them. Keyword arguments with
defaults; say only what the test is about."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from opmaat.accounts.models import Membership, Organisation
from opmaat.domain.access import OrganisationKind, Role
from opmaat.domain.forecasting.model import AGE_BANDS, Route
from opmaat.domain.progress import AssessmentMethod, AssessmentResult
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement, SessionKind
from opmaat.domain.recognition.evc import EvcState
from opmaat.domain.routes import Leerweg, Pace, RouteRequest
from opmaat.forecasting import services as planning
from opmaat.forecasting.models import Measure
from opmaat.learners import services as learners
from opmaat.learners.models import Enrolment, Holding, Learner, RoutePlan
from opmaat.matching import services as matching
from opmaat.matching.models import MatchingRound
from opmaat.progress import services as progress
from opmaat.progress.models import Assessment
from opmaat.recognition import services as recognition
from opmaat.recognition.models import EvcProcedure

PASSWORD = "persona-wachtwoord-1"


def make_organisation(
    name: str, kind: OrganisationKind = OrganisationKind.SCHOOL, region: Organisation | None = None
) -> Organisation:
    return Organisation.objects.create(name=name, kind=kind.value, region=region)


def make_account(username: str, name: str = "") -> User:
    """An account; `name` is the person's first and last name ("Bram Brouwer")."""
    first, _, last = name.partition(" ")
    return User.objects.create_user(username, password=PASSWORD, first_name=first, last_name=last)


def make_admin(username: str = "beheer") -> User:
    """An administrator (superuser), e.g. to carry out an erasure."""
    return User.objects.create_superuser(username, password="x")


def make_staff(username: str, organisation: Organisation, role: Role, name: str = "") -> User:
    """An account with one role at one organisation; `name` as for make_account."""
    user = make_account(username, name)
    Membership.objects.create(user=user, organisation=organisation, role=role.value)
    return User.objects.get(pk=user.pk)  # a fresh object: the actor is cached per user object


def make_learner(
    by: User,
    at: Organisation,
    name: str = "Lerende",
    *,
    relation: str = Enrolment.Relation.STUDENT,
    username: str | None = None,
    **fields: object,
) -> Learner:
    """A learner enrolled by `by` (an intake advisor of `at`), audited as the app does; with
    an account of their own when `username` is given."""
    learner = learners.create_learner(by, at, relation, {"name": name, **fields})
    if username is not None:
        learner.user = make_account(username)
        learner.save(update_fields=["user"])
    return learner


def add_holding(
    by: User,
    learner: Learner,
    code: str,
    kind: str = Holding.Kind.HELD,
    evidence: str = "Diploma gezien.",
) -> Holding:
    return learners.add_holding(by, learner, code, kind, evidence)


def save_route(
    by: User,
    learner: Learner,
    target: str,
    *,
    pathway: Leerweg = Leerweg.BBL,
    work_hours_per_week: float | None = None,
    start: date | None = None,
) -> RoutePlan:
    """A new route version towards `target`, saved by `by` (an intake advisor); starting on
    the first of next month unless `start` says otherwise."""
    if start is None:
        today = timezone.localdate()
        start = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    request = RouteRequest(
        target, start, None, pathway, Pace.NORMAL, work_hours_per_week=work_hours_per_week
    )
    return learners.save_route(by, learner, request, "Intakegesprek.")


def record_result(
    by: User, learner: Learner, code: str, result: AssessmentResult = AssessmentResult.MET
) -> Assessment:
    """A practical-test result for the werkproces `code`, recorded today by `by` (a teacher
    or workplace supervisor)."""
    method = AssessmentMethod.PRACTICAL_TEST
    today = timezone.localdate()
    return progress.do_record_assessment(
        by, learner, code, method, result, today, "Proeve op de afdeling."
    )


def make_procedure(
    by: User,
    learner: Learner,
    provider: Organisation,
    target: str = "25780",
    units: Sequence[str] = (),
    *,
    state: EvcState = EvcState.INTAKE,
) -> EvcProcedure:
    """An EVC procedure started by `by` (an intake advisor); moved on to the portfolio when
    `state` says so."""
    procedure = recognition.start_procedure(by, learner, provider, target, list(units))
    if state == EvcState.PORTFOLIO:
        recognition.move(by, procedure, EvcState.PORTFOLIO)
    elif state != EvcState.INTAKE:
        raise ValueError(f"make_procedure goes as far as the portfolio, not {state}")
    return procedure


# What make_assessed_procedure writes, so a test can look for it where it must not be.
EVIDENCE_TITLE = "Werkgeversverklaring van de teamleider"
INTERVIEW_REPORT = "Interviewverslag: vertelt openhartig over haar eerste jaar."
RATIONALE = "Aangetoond met de verklaring van de teamleider."
ASSESSED_UNIT = "23312-B1-K2"  # two werkprocessen
ASSESSED_WERKPROCESSEN = ("23312-B1-K2-W1", "23312-B1-K2-W2")


def make_assessed_procedure(
    advisor: User, candidate: User, assessor: User, learner: Learner, provider: Organisation
) -> EvcProcedure:
    """A procedure for ASSESSED_UNIT of 25780 at `provider`, played through the services up
    to the exam board: evidence (EVIDENCE_TITLE) added by the `candidate`, an interview
    (INTERVIEW_REPORT), both werkprocessen judged met (RATIONALE) and the
    ervaringscertificaat drawn up by `assessor`."""
    procedure = make_procedure(
        advisor, learner, provider, "25780", [ASSESSED_UNIT], state=EvcState.PORTFOLIO
    )
    evidence = recognition.add_evidence(
        candidate,
        procedure,
        EvidenceKind.EMPLOYER_STATEMENT,
        EVIDENCE_TITLE,
        list(ASSESSED_WERKPROCESSEN),
        text="Zij werkt zes jaar zelfstandig.",
    )
    recognition.move(candidate, procedure, EvcState.ASSESSMENT)
    today = timezone.localdate()
    recognition.record_session(
        assessor,
        procedure,
        SessionKind.INTERVIEW,
        today,
        list(ASSESSED_WERKPROCESSEN),
        INTERVIEW_REPORT,
    )
    for code in ASSESSED_WERKPROCESSEN:
        recognition.judge(assessor, procedure, code, Judgement.MET, RATIONALE, [evidence.pk])
    recognition.move(assessor, procedure, EvcState.REPORT)
    recognition.issue_certificate(assessor, procedure)
    recognition.move(assessor, procedure, EvcState.DECISION)
    return EvcProcedure.objects.get(pk=procedure.pk)


def make_round(
    by: User,
    region: Organisation,
    name: str = "Voorjaar",
    final_matching: date = date(2027, 3, 1),
) -> MatchingRound:
    """A matching round created by `by` (a coordinator of `region`), without files yet."""
    return matching.create_round(by, region, name, final_matching)


def add_plan_figures(
    by: User,
    region: Organisation,
    qualification: str = "25656",
    year: int = 2025,
    workforce: Sequence[float] = (100.0, 100.0, 100.0),
    demand: float | None = None,
    growth: float | None = None,
    starts: dict[Route, float] | None = None,
    organisation: Organisation | None = None,
) -> None:
    """A qualification's figures for a plan, entered by `by`: the workforce by age band
    (AGE_BANDS order) in `year`, and if given the demand, its growth and the starts."""

    def put(measure: Measure, part: str, value: float) -> None:
        planning.do_set_figure(
            by, region, qualification, year, measure, part, value, "test", organisation
        )

    for band, heads in zip(AGE_BANDS, workforce, strict=True):
        put(Measure.WORKFORCE, band.value, heads)
    if demand is not None:
        put(Measure.DEMAND, "", demand)
    if growth is not None:
        put(Measure.DEMAND_GROWTH, "", growth)
    for route, value in (starts or {}).items():
        put(Measure.STARTS, route.value, value)
