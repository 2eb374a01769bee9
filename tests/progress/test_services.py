"""Teachers record feedback, results and supervision levels; every change is audited and
reserved acts follow the order of the units."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from opmaat.domain.credentials.completion import unit_completion
from opmaat.domain.credentials.errors import EntrustmentNotAllowed
from opmaat.domain.errors import InvalidInput, UnknownCode
from opmaat.domain.progress import AssessmentMethod, AssessmentResult, SupervisionLevel
from opmaat.learners.models import Learner
from opmaat.learners.services import add_holding
from opmaat.progress.models import EntrustmentDecision, ProfessionalActivity
from opmaat.progress.services import (
    do_entrust,
    do_record_assessment,
    do_record_feedback,
    entrustment_states,
    record_of,
)
from tests.credentials.conftest import LAST_OUTCOME, user

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 30)


def test_the_last_met_result_completes_the_unit(sanne: Learner, default_catalog: object) -> None:
    from opmaat.catalog.cache import current_catalog

    catalog = current_catalog()
    assert not unit_completion(catalog, "CERT-BDZ-C1-K1", record_of(sanne)).complete
    do_record_assessment(
        user("docent"), sanne, LAST_OUTCOME, AssessmentMethod.EXAM, AssessmentResult.NOT_MET, TODAY
    )
    assert not unit_completion(catalog, "CERT-BDZ-C1-K1", record_of(sanne)).complete
    do_record_assessment(
        user("docent"), sanne, LAST_OUTCOME, AssessmentMethod.EXAM, AssessmentResult.MET, TODAY
    )
    status = unit_completion(catalog, "CERT-BDZ-C1-K1", record_of(sanne))
    assert status.complete and status.completed_on == TODAY
    assert sanne.audit_events.filter(action="progress.assessment").count() >= 2


def test_results_are_recorded_per_outcome_not_per_unit(sanne: Learner) -> None:
    with pytest.raises(InvalidInput, match="record results per learning outcome"):
        do_record_assessment(
            user("docent"),
            sanne,
            "CERT-BDZ-C1-K1",
            AssessmentMethod.EXAM,
            AssessmentResult.MET,
            TODAY,
        )
    with pytest.raises(UnknownCode):
        do_record_feedback(user("docent"), sanne, "NOPE-1", "tekst", TODAY)


def test_a_generic_subject_without_outcomes_takes_a_result(sanne: Learner) -> None:
    assessment = do_record_assessment(
        user("docent"), sanne, "rek-2f", AssessmentMethod.EXAM, AssessmentResult.MET, TODAY
    )
    assert assessment.code == "REK-2F"


@pytest.mark.parametrize("who", ["deelnemer", "hr", "examencommissie", "intake", "assessor"])
def test_only_teachers_and_supervisors_record_progress(sanne: Learner, who: str) -> None:
    with pytest.raises(PermissionDenied):
        do_record_feedback(user(who), sanne, LAST_OUTCOME, "Goed gedaan", TODAY)


def test_feedback_must_say_something(sanne: Learner) -> None:
    with pytest.raises(InvalidInput):
        do_record_feedback(user("docent"), sanne, LAST_OUTCOME, "   ", TODAY)


def test_a_reserved_act_waits_for_its_prerequisite_unit(demo: None) -> None:
    ahmed = Learner.objects.get(name="Ahmed Hassan")  # 23181-B1-K1 not complete yet
    act = ProfessionalActivity.objects.get(code="MZ-GH-VERPLEEGTECHNIEK")  # unit 23181-P1-K1
    supervisor = user("praktijkopleider")
    with pytest.raises(EntrustmentNotAllowed, match="23181-B1-K1"):
        do_entrust(supervisor, ahmed, act, SupervisionLevel.INDIRECT, TODAY)
    assert not EntrustmentDecision.objects.filter(learner=ahmed, activity=act, level=3).exists()
    add_holding(user("intake"), ahmed, "23181-B1-K1", "exemption", "EVC-rapport")
    do_entrust(supervisor, ahmed, act, SupervisionLevel.INDEPENDENT, TODAY, "Na EVC")
    state = next(s for s in entrustment_states(ahmed, ["23181-P1-K1"]) if s.activity == act)
    assert state.current is not None and state.current.level == 4
    assert [d.level for d in state.history] == [2]  # the demo's earlier decision, kept
    assert state.ceiling.level == SupervisionLevel.SUPERVISES


def test_an_ordinary_activity_may_be_entrusted_at_any_level(sanne: Learner) -> None:
    act = ProfessionalActivity.objects.get(code="BDZ-ADL")
    do_entrust(user("praktijkopleider"), sanne, act, SupervisionLevel.SUPERVISES, TODAY)
    assert sanne.audit_events.filter(action="progress.entrusted").exists()
