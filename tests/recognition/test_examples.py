"""The two EVC cases of DOMAIN.md, played through the services from intake to the route.

MZ4 (Persoonlijk begeleider gehandicaptenzorg, 25477): a persoonlijk begeleider without a
diploma is exempted for most of the qualification after a three-month portfolio, finishes
the rest in about seven months and has the diploma within a year instead of three.
MZ3 (Begeleider gehandicaptenzorg, 25475): exempted for every unit, only Dutch, arithmetic
and career & citizenship left.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import User

from opmaat.catalog import cache
from opmaat.catalog.models import Equivalence
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement
from opmaat.domain.recognition.evc import EvcState
from opmaat.domain.routes import Leerweg, Pace, RouteRequest
from opmaat.learners import services as learners
from opmaat.learners.models import Holding, Learner
from opmaat.recognition import services
from opmaat.recognition.models import EvcProcedure
from tests.recognition.conftest import Cast

START = date(2027, 1, 4)


def run_procedure(
    cast: Cast, target: str, units: tuple[str, ...], not_met: frozenset[str] = frozenset()
) -> EvcProcedure:
    """Intake → portfolio → assessment → report → decision, every outcome of `units` met
    except `not_met`; the exam board grants everything the certificate recognises."""
    procedure = services.start_procedure(cast.bram, cast.learner, cast.provider, target, units)
    services.move(cast.bram, procedure, EvcState.PORTFOLIO)
    outcomes = [o for o in services.scope_of(procedure).outcomes(cache.current_catalog())]
    statement = services.add_evidence(
        cast.anna,
        procedure,
        EvidenceKind.EMPLOYER_STATEMENT,
        "Werkgeversverklaring zes jaar persoonlijk begeleider",
        outcomes,
        text="Verklaring van de teamleider over zes jaar werk als persoonlijk begeleider.",
    )
    services.move(cast.anna, procedure, EvcState.ASSESSMENT)
    for code in outcomes:
        result = Judgement.NOT_MET if code in not_met else Judgement.MET
        services.judge(
            cast.ada, procedure, code, result, "Blijkt uit de verklaring.", [statement.pk]
        )
    services.move(cast.ada, procedure, EvcState.REPORT)
    certificate = services.issue_certificate(cast.ada, procedure)
    services.move(cast.ada, procedure, EvcState.DECISION)
    document = certificate.document
    services.decide(
        cast.eva,
        procedure,
        [u["code"] for u in document["units"]],
        [o["code"] for o in document["outcomes"]],
        "Ervaringscertificaat volledig gevolgd.",
    )
    procedure.refresh_from_db()
    return procedure


def plan(cast: Cast, target: str, hours_per_week: float) -> None:
    request = RouteRequest(target, START, hours_per_week, Leerweg.BBL, Pace.NORMAL)
    learners.save_route(cast.bram, cast.learner, request, "Intake.")


def test_mz4_five_of_six_exempted_finishes_the_rest_in_seven_months_and_within_a_year(
    cast: Cast,
) -> None:
    """Working full time as a persoonlijk begeleider in BBL, her working hours count as
    learning hours (36 a week). An earlier mbo-4 diploma gives the 3F generic subjects
    through an equivalence rule the catalog editor added."""
    Equivalence.objects.create(
        source_code="MBO4-DIPLOMA",
        source_name="Eerder mbo-4-diploma (andere sector)",
        counts_for=["NL-3F", "REK-3F", "EN-B1"],
    )
    cache.clear()
    learners.add_holding(cast.bram, cast.learner, "MBO4-DIPLOMA", Holding.Kind.HELD)
    plan(cast, "25477", 36)
    before = learners.current_route(cast.learner)
    assert before is not None

    procedure = run_procedure(
        cast,
        "25477",
        ("23181-B1-K1", "23181-B1-K2", "23181-P3-K1"),
        not_met=frozenset({"23181-P3-K1-W7"}),
    )

    assert procedure.state == EvcState.CLOSED.value
    after = learners.current_route(cast.learner)
    assert after is not None and after.version == before.version + 1
    document = after.document
    assert [i["code"] for i in document["partial_units"]] == ["23181-P3-K1"]
    assert document["partial_units"][0]["missing_outcomes"] == ["23181-P3-K1-W7"]
    assert [g["code"] for g in document["generic_missing"]] == ["LB"]
    started = date.fromisoformat(document["start"])
    finished = date.fromisoformat(document["completion_date"])
    assert timedelta(days=6 * 30) <= finished - started <= timedelta(days=7 * 31)
    # Three months of portfolio first: the diploma within a year of starting EVC.
    evc_months = timedelta(weeks=13)
    assert evc_months + (finished - started) < timedelta(days=365)
    assert before.document["total_hours"] > 3 * document["total_hours"]


def test_mz3_all_units_exempted_leaves_dutch_arithmetic_and_career(cast: Cast) -> None:
    Learner.objects.filter(pk=cast.learner.pk).update(elective_hours_done=720)
    cast.learner.refresh_from_db()
    plan(cast, "25475", 20)

    run_procedure(cast, "25475", ())

    after = learners.current_route(cast.learner)
    assert after is not None
    document = after.document
    assert document["missing_units"] == document["partial_units"] == []
    assert [g["code"] for g in document["generic_missing"]] == ["NL-2F", "REK-2F", "LB"]
    exemptions = set(
        cast.learner.holdings.filter(kind=Holding.Kind.EXEMPTION).values_list("code", flat=True)
    )
    assert exemptions == {"23181-B1-K1", "23181-B1-K2", "23181-P1-K1"}


def test_every_exemption_names_the_decision_and_the_certificate(cast: Cast) -> None:
    procedure = run_procedure(cast, "25475", ("23181-B1-K2",))
    holding = cast.learner.holdings.get(code="23181-B1-K2")
    decision = procedure.decisions.get()
    assert holding.kind == Holding.Kind.EXEMPTION
    assert str(decision.pk) in holding.evidence
    assert decision.certificate.number in holding.evidence
    assert holding.recorded_by == User.objects.get(username="eva")
