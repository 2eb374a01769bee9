"""The EVC services: who may do what, what is audited, and that decisions are never
changed silently."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks as CaptureCallbacks

from opmaat.catalog import cache
from opmaat.domain.errors import DomainError, InvalidInput
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement
from opmaat.domain.recognition.evc import EvcState, TransitionNotAllowed
from opmaat.learners import services as learners
from opmaat.learners.models import AuditEvent, Holding
from opmaat.learners.privacy import learner_document
from opmaat.recognition import services, uploads
from opmaat.recognition.models import EvcProcedure, Evidence
from tests.errors import refused
from tests.factories import make_procedure
from tests.personas import Personas
from tests.recognition import files

UNIT = "23312-B1-K2"  # two werkprocessen: small enough to play through in a test
W1, W2 = "23312-B1-K2-W1", "23312-B1-K2-W2"


@pytest.fixture
def in_portfolio(personas: Personas) -> EvcProcedure:
    return make_procedure(
        personas.bram,
        personas.anna_record,
        personas.evc_provider,
        "25780",
        [UNIT],
        state=EvcState.PORTFOLIO,
    )


def evidence(personas: Personas, procedure: EvcProcedure) -> Evidence:
    return services.add_evidence(
        personas.anna,
        procedure,
        EvidenceKind.REFLECTION,
        "Reflectie",
        [W1, W2],
        text="Hoe ik aan mijn deskundigheid werk.",
    )


@pytest.fixture
def in_assessment(personas: Personas, in_portfolio: EvcProcedure) -> tuple[EvcProcedure, Evidence]:
    item = evidence(personas, in_portfolio)
    services.move(personas.anna, in_portfolio, EvcState.ASSESSMENT)
    return in_portfolio, item


def decided(personas: Personas, procedure: EvcProcedure, item: Evidence) -> EvcProcedure:
    services.judge(personas.dirk, procedure, W1, Judgement.MET, "Aangetoond.", [item.pk])
    services.judge(personas.dirk, procedure, W2, Judgement.MET, "Aangetoond.", [item.pk])
    services.move(personas.dirk, procedure, EvcState.REPORT)
    services.issue_certificate(personas.dirk, procedure)
    services.move(personas.dirk, procedure, EvcState.DECISION)
    services.decide(personas.eva, procedure, [UNIT], [], "Volledig.")
    return procedure


def test_starting_links_the_candidate_to_the_provider_so_its_assessor_sees_the_record(
    personas: Personas,
) -> None:
    services.start_procedure(
        personas.bram, personas.anna_record, personas.evc_provider, "25780", [UNIT]
    )
    assert personas.anna_record.enrolments.filter(organisation=personas.evc_provider).exists()


def test_a_procedure_is_judged_against_the_current_qualification(personas: Personas) -> None:
    """25475 (2016) is superseded by 25780: its werkprocessen still count through the
    equivalence table, but EVC judges against the current dossier."""
    with refused(InvalidInput, "superseded_standard", successors=("25780",)):
        services.start_procedure(
            personas.bram, personas.anna_record, personas.evc_provider, "25475", []
        )


def test_an_exam_unit_procedure_judges_the_werkprocessen_it_refers_to(personas: Personas) -> None:
    procedure = services.start_procedure(
        personas.bram, personas.anna_record, personas.evc_provider, "25779", ["23312-B1-K1-3"]
    )
    scope = services.scope_of(procedure)
    assert scope.werkprocessen(cache.current_catalog()) == (
        "23312-B1-K1-W1",
        "23312-P2-K1-W1",
        "23312-P2-K1-W3",
    )
    assert services.readiness(procedure).outcomes_in_scope == 3


def test_an_advisor_of_another_school_cannot_start_a_procedure(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        services.start_procedure(
            personas.chris, personas.anna_record, personas.evc_provider, "25780", [UNIT]
        )


def test_a_teacher_cannot_move_a_procedure(personas: Personas, in_portfolio: EvcProcedure) -> None:
    evidence(personas, in_portfolio)
    with pytest.raises(TransitionNotAllowed):
        services.move(personas.tess, in_portfolio, EvcState.ASSESSMENT)


def test_evidence_is_closed_once_the_portfolio_is_submitted(
    personas: Personas, in_assessment: tuple[EvcProcedure, Evidence]
) -> None:
    with refused(DomainError, "wrong_phase", allowed=("intake", "portfolio")):
        evidence(personas, in_assessment[0])


def test_evidence_must_name_a_werkproces_in_scope(
    personas: Personas, in_portfolio: EvcProcedure
) -> None:
    with refused(InvalidInput, "not_in_scope", value="23312-P1-K1-W1"):
        services.add_evidence(
            personas.anna, in_portfolio, EvidenceKind.REFLECTION, "x", ["23312-P1-K1-W1"], text="x"
        )


def test_only_the_assessor_judges(
    personas: Personas, in_assessment: tuple[EvcProcedure, Evidence]
) -> None:
    procedure, item = in_assessment
    for other in (personas.anna, personas.bram, personas.eva, personas.tess):
        with pytest.raises(PermissionDenied):
            services.judge(other, procedure, W1, Judgement.MET, "Ja.", [item.pk])


def test_a_met_outcome_rests_on_evidence(
    personas: Personas, in_assessment: tuple[EvcProcedure, Evidence]
) -> None:
    with refused(DomainError, "met_without_evidence"):
        services.judge(personas.dirk, in_assessment[0], W1, Judgement.MET, "Ja.", [])


def test_every_judgement_is_audited_with_who_when_and_the_evidence(
    personas: Personas, in_assessment: tuple[EvcProcedure, Evidence]
) -> None:
    procedure, item = in_assessment
    services.judge(personas.dirk, procedure, W1, Judgement.MORE_EVIDENCE, "Te weinig.", [])
    services.judge(personas.dirk, procedure, W1, Judgement.MET, "Nu wel.", [item.pk])
    events = AuditEvent.objects.filter(action="evc.judged").order_by("at", "id")
    assert [e.changes["result"] for e in events] == ["more_evidence", "met"]
    assert events.last().changes["evidence"] == [item.pk]  # type: ignore[union-attr]  # two events: not None
    assert {e.actor for e in events} == {personas.dirk}
    assert procedure.judgements.count() == 2  # the first stays as history
    assert services.latest_judgements(procedure)[W1].result == Judgement.MET


def test_a_new_decision_supersedes_the_old_one_and_both_are_kept(
    personas: Personas, in_assessment: tuple[EvcProcedure, Evidence]
) -> None:
    procedure = decided(personas, *in_assessment)
    first = procedure.decisions.get()
    assert personas.anna_record.holdings.filter(code=UNIT, kind=Holding.Kind.EXEMPTION).exists()

    second = services.decide(personas.eva, procedure, [], [], "Herzien na bezwaar van de school.")

    first.refresh_from_db()
    assert first.superseded_by == second and second.supersedes == first
    assert procedure.decisions.count() == 2
    assert not personas.anna_record.holdings.filter(code=UNIT).exists()
    assert AuditEvent.objects.filter(action="holding.removed", actor=personas.eva).exists()


def test_superseding_a_decision_leaves_an_exemption_recorded_on_other_grounds(
    personas: Personas, in_assessment: tuple[EvcProcedure, Evidence]
) -> None:
    """Issue 14: holdings were matched by code and kind, so the superseded decision took a
    hand-recorded exemption of the same unit with it."""
    learners.add_holding(
        personas.eva, personas.anna_record, UNIT, Holding.Kind.EXEMPTION, "Vrijstellingsbrief 2019"
    )
    procedure = decided(personas, *in_assessment)
    services.decide(personas.eva, procedure, [], [], "Herzien na bezwaar van de school.")

    [left] = personas.anna_record.holdings.filter(code=UNIT, kind=Holding.Kind.EXEMPTION)
    assert (left.source, left.evidence) == (Holding.Source.MANUAL, "Vrijstellingsbrief 2019")


def test_a_decision_granting_again_moves_the_holding_to_its_own_grounds(
    personas: Personas, in_assessment: tuple[EvcProcedure, Evidence]
) -> None:
    procedure = decided(personas, *in_assessment)
    second = services.decide(personas.eva, procedure, [UNIT], [], "Bevestigd na bezwaar.")
    [held] = personas.anna_record.holdings.filter(code=UNIT, kind=Holding.Kind.EXEMPTION)
    assert (held.source, held.source_ref) == (Holding.Source.DECISION, str(second.pk))


def test_only_the_exam_board_decides(
    personas: Personas, in_assessment: tuple[EvcProcedure, Evidence]
) -> None:
    procedure = decided(personas, *in_assessment)
    for other in (personas.dirk, personas.bram, personas.anna):
        with pytest.raises(PermissionDenied):
            services.decide(other, procedure, [UNIT], [], "Ja.")


def test_a_procedure_past_its_deadline_reminds_who_can_move_it(
    personas: Personas, in_portfolio: EvcProcedure
) -> None:
    EvcProcedure.objects.filter(pk=in_portfolio.pk).update(
        deadline=timezone.localdate() - timedelta(days=1)
    )
    reminders = services.reminders_for(personas.bram)
    assert [(p.pk, r.overdue) for p, r in reminders] == [(in_portfolio.pk, True)]
    assert services.reminders_for(personas.tess) == []  # may see, may not move
    assert services.reminders_for(personas.chris) == []  # may not see


def test_the_learners_download_holds_the_intake_and_the_portfolio(
    personas: Personas, in_assessment: tuple[EvcProcedure, Evidence]
) -> None:
    document = learner_document(personas.anna_record)
    section = document["recognition"]
    assert isinstance(section, dict)
    (procedure,) = section["evc_procedures"]
    assert procedure["evidence"][0]["title"] == "Reflectie"


def test_erasure_removes_intakes_procedures_and_their_files(
    personas: Personas,
    in_portfolio: EvcProcedure,
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    item = services.add_evidence(
        personas.anna,
        in_portfolio,
        EvidenceKind.WORK_SAMPLE,
        "Plan",
        [W1],
        upload=files.upload("plan.pdf", files.PDF),
    )
    stored = uploads.path_of(item.stored_name)
    admin = User.objects.create_superuser("root", password="x")
    with django_capture_on_commit_callbacks(execute=True):
        learners.erase_learner(admin, personas.anna_record)
    assert not EvcProcedure.objects.exists() and not Evidence.objects.exists()
    assert not stored.exists()
