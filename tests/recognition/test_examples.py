"""The two EVC cases of DOMAIN.md, played through the services from intake to the route, on
the current Maatschappelijke Zorg qualifications (dossier 23312).

MZ4 (Persoonlijk begeleider maatschappelijke zorg, 25779, nine exam units): a persoonlijk
begeleider without a care diploma is exempted for all units but one after a three-month
portfolio, finishes the rest within the seven months the seed reports, and has the diploma
within a year instead of three.
MZ3 (Begeleider maatschappelijke zorg, 25780): exempted for every unit, only the Dutch,
arithmetic and career & citizenship exams left.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import User

from opmaat.catalog import cache
from opmaat.domain.recognition.advice import EVC_PLANNED
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement, unit_werkprocessen
from opmaat.domain.recognition.evc import EvcState
from opmaat.domain.routes import Leerweg, RouteRequest
from opmaat.learners import services as learners
from opmaat.learners.models import Holding, Learner, RoutePlan
from opmaat.recognition import services
from opmaat.recognition.models import EvcProcedure
from tests.factories import make_procedure
from tests.personas import Personas

START = date(2027, 1, 4)
MZ3_UNITS = ("23312-B1-K1", "23312-B1-K2", "23312-P1-K1")
PARTICIPATION = "23312-B1-K1-2"  # Participatie en sociaal netwerk, one of MZ4's exam units


def run_procedure(
    personas: Personas, target: str, units: tuple[str, ...], not_met: frozenset[str] = frozenset()
) -> EvcProcedure:
    """Intake → portfolio → assessment → report → decision, every werkproces of `units`
    met except `not_met`; the exam board grants everything the certificate recognises."""
    procedure = make_procedure(
        personas.bram,
        personas.anna_record,
        personas.evc_provider,
        target,
        units,
        state=EvcState.PORTFOLIO,
    )
    werkprocessen = services.scope_of(procedure).werkprocessen(cache.current_catalog())
    statement = services.add_evidence(
        personas.anna,
        procedure,
        EvidenceKind.EMPLOYER_STATEMENT,
        "Werkgeversverklaring zes jaar persoonlijk begeleider",
        werkprocessen,
        text="Verklaring van de teamleider over zes jaar werk als persoonlijk begeleider.",
    )
    services.move(personas.anna, procedure, EvcState.ASSESSMENT)
    for code in werkprocessen:
        result = Judgement.NOT_MET if code in not_met else Judgement.MET
        services.judge(
            personas.dirk, procedure, code, result, "Blijkt uit de verklaring.", [statement.pk]
        )
    services.move(personas.dirk, procedure, EvcState.REPORT)
    certificate = services.issue_certificate(personas.dirk, procedure)
    services.move(personas.dirk, procedure, EvcState.DECISION)
    document = certificate.document
    services.decide(
        personas.eva,
        procedure,
        [u["code"] for u in document["units"]],
        [o["code"] for o in document["outcomes"]],
        "Ervaringscertificaat volledig gevolgd.",
    )
    procedure.refresh_from_db()
    return procedure


def plan_bbl(
    personas: Personas, target: str, work_hours: float, exam_only: tuple[str, ...] = ()
) -> RoutePlan:
    """A BBL route at `work_hours` contract hours, the default school day and self-study."""
    request = RouteRequest(
        target, START, pathway=Leerweg.BBL, work_hours_per_week=work_hours, exam_only=exam_only
    )
    return learners.save_route(personas.bram, personas.anna_record, request, "Intake.")


def months(plan: RoutePlan) -> float:
    value = plan.document["months"]
    assert isinstance(value, float | int)
    return float(value)


def test_mz4_all_units_but_one_exempted_ends_within_seven_months_and_within_a_year(
    personas: Personas,
) -> None:
    """Working 36 hours a week as a persoonlijk begeleider in BBL, her contract hours count
    as study load. An earlier mbo-4 diploma exempts the generic subjects by rule."""
    learners.add_holding(personas.bram, personas.anna_record, "MBO-4", Holding.Kind.HELD)
    before = plan_bbl(personas, "25779", 36)
    units = cache.current_catalog().qualifications["25779"].units
    not_shown = frozenset(unit_werkprocessen(cache.current_catalog(), PARTICIPATION))

    procedure = run_procedure(personas, "25779", units, not_met=not_shown)

    assert procedure.state == EvcState.CLOSED.value
    after = learners.current_route(personas.anna_record)
    assert after is not None and after.version == before.version + 1
    document = after.document
    assert after.work_hours_per_week == 36 and after.pathway == Leerweg.BBL.value
    assert [i["code"] for i in document["missing_units"]] == [PARTICIPATION]
    assert document["generic_missing"] == []
    assert months(after) <= 7
    # Three months of portfolio first: the diploma within a year of starting EVC.
    finished = date.fromisoformat(document["completion_date"])
    started = date.fromisoformat(document["start"])
    assert EVC_PLANNED + (finished - started) < timedelta(days=365)
    assert months(before) > 2.5 * months(after)


def test_mz4_the_explanation_names_the_recognised_werkprocessen_and_the_week(
    personas: Personas,
) -> None:
    learners.add_holding(personas.bram, personas.anna_record, "MBO-4", Holding.Kind.HELD)
    plan_bbl(personas, "25779", 36)
    units = cache.current_catalog().qualifications["25779"].units
    not_shown = frozenset(unit_werkprocessen(cache.current_catalog(), PARTICIPATION))
    run_procedure(personas, "25779", units, not_met=not_shown)

    after = learners.current_route(personas.anna_record)
    assert after is not None
    explanation = " ".join(str(s) for s in after.document["explanation"])
    assert "13 van de 16 werkprocessen zijn al erkend" in explanation
    assert "BBL met 36 uur werk" in explanation
    assert after.document["nominal_months"] == 36


def test_mz3_all_units_exempted_leaves_only_the_dutch_arithmetic_and_career_exams(
    personas: Personas,
) -> None:
    Learner.objects.filter(pk=personas.anna_record.pk).update(elective_hours_done=720)
    personas.anna_record.refresh_from_db()
    plan_bbl(personas, "25780", 24, exam_only=("NL-2F", "REK-3"))

    run_procedure(personas, "25780", ())

    after = learners.current_route(personas.anna_record)
    assert after is not None
    document = after.document
    assert document["missing_units"] == document["partial_units"] == []
    generic = document["generic_missing"]
    assert [g["code"] for g in generic] == ["NL-2F", "REK-3", "LB"]
    assert all(g["exam_only"] for g in generic)
    assert months(after) < 1
    exemptions = set(
        personas.anna_record.holdings.filter(kind=Holding.Kind.EXEMPTION).values_list(
            "code", flat=True
        )
    )
    assert exemptions == set(MZ3_UNITS)


def test_werkprocessen_met_outside_a_recognised_unit_shorten_that_unit(personas: Personas) -> None:
    """One werkproces of Werken aan kwaliteit en deskundigheid met, the other not: the exam
    board exempts the one, and the unit stays on the route for the other only."""
    plan_bbl(personas, "25780", 32)
    run_procedure(personas, "25780", ("23312-B1-K2",), not_met=frozenset({"23312-B1-K2-W2"}))
    after = learners.current_route(personas.anna_record)
    assert after is not None
    partial = {u["code"]: u for u in after.document["partial_units"]}
    assert partial["23312-B1-K2"]["missing_outcomes"] == ["23312-B1-K2-W2"]
    assert personas.anna_record.holdings.filter(
        code="23312-B1-K2-W1", kind=Holding.Kind.OUTCOME
    ).exists()


def test_every_exemption_names_the_decision_and_the_certificate(personas: Personas) -> None:
    procedure = run_procedure(personas, "25780", ("23312-B1-K2",))
    holding = personas.anna_record.holdings.get(code="23312-B1-K2")
    decision = procedure.decisions.get()
    assert holding.kind == Holding.Kind.EXEMPTION
    assert str(decision.pk) in holding.evidence
    assert decision.certificate.number in holding.evidence
    assert holding.recorded_by == User.objects.get(username="eva")
