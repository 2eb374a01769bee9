"""Teachers record feedback, results and supervision levels per werkproces of the target;
every change is audited and reserved acts follow the order of the werkprocessen."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from opmaat.catalog.cache import current_catalog
from opmaat.domain.credentials.completion import unit_completion
from opmaat.domain.credentials.errors import EntrustmentNotAllowed
from opmaat.domain.errors import InvalidInput, UnknownCode
from opmaat.domain.progress import (
    AssessmentMethod,
    AssessmentResult,
    DateInFuture,
    SupervisionLevel,
    route_progress,
)
from opmaat.learners.models import Learner
from opmaat.learners.services import add_holding
from opmaat.progress.models import Assessment, EntrustmentDecision, ProfessionalActivity
from opmaat.progress.services import (
    activities_for,
    code_options,
    do_entrust,
    do_record_assessment,
    do_record_feedback,
    done_on_route,
    entrustment_states,
    record_of,
    werkproces_counts,
)
from tests.credentials.conftest import LAST_OUTCOME, user
from tests.demo_logins import (
    EXAM_BOARD,
    TEACHER,
    WORKPLACE_SUPERVISOR,
)
from tests.errors import refused
from tests.personas import LAST_RESULT, Personas

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 30)
EXAM_UNIT = "23268-B1-K1-1"  # Werk in uitvoering: 23268-B1-K1-W1 and -W4


def test_the_last_met_result_completes_the_exam_unit(sanne: Learner) -> None:
    """23268-B1-K1-1 'Werk in uitvoering' of Verzorgende-IG is 23268-B1-K1-W1 and -W4."""
    catalog = current_catalog()
    assert not unit_completion(catalog, EXAM_UNIT, record_of(sanne)).complete
    do_record_assessment(
        user(TEACHER), sanne, LAST_OUTCOME, AssessmentMethod.EXAM, AssessmentResult.NOT_MET, TODAY
    )
    assert not unit_completion(catalog, EXAM_UNIT, record_of(sanne)).complete
    do_record_assessment(
        user(TEACHER), sanne, LAST_OUTCOME, AssessmentMethod.EXAM, AssessmentResult.MET, TODAY
    )
    status = unit_completion(catalog, EXAM_UNIT, record_of(sanne))
    assert status.complete and status.completed_on == TODAY
    assert sanne.audit_events.filter(action="progress.assessment").count() >= 2


@pytest.mark.parametrize(
    ("code", "kind", "first"),
    [
        ("23268-B1-K1-1", "unit", "23268-B1-K1-W1"),
        ("23268-B1-K1", "unit", "23268-B1-K1-W1"),
        ("CERT-BDZ-C1-K1-W4", "equivalence", "23268-B1-K1-W3"),
        ("C0054", "certificate", "23268-B1-K1-W1"),
    ],
)
def test_results_are_recorded_per_werkproces(
    sanne: Learner, code: str, kind: str, first: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        do_record_assessment(
            user(TEACHER), sanne, code, AssessmentMethod.EXAM, AssessmentResult.MET, TODAY
        )
    error = raised.value
    assert error.code == "not_per_werkproces" and error.data["kind"] == kind
    instead = error.data["instead"]
    assert isinstance(instead, tuple) and instead[0] == first


def test_an_unknown_code_suggests_werkprocessen_of_the_target(sanne: Learner) -> None:
    with pytest.raises(UnknownCode) as raised:
        do_record_feedback(user(TEACHER), sanne, "23268-B1-K1-W9", "tekst", TODAY)
    assert raised.value.closest and all(c.startswith("23268-") for c in raised.value.closest)


def test_the_pickers_offer_the_targets_werkprocessen_first_then_the_rest(sanne: Learner) -> None:
    offered = code_options(sanne)
    codes = [option.code for option in offered]
    werkprocessen = current_catalog().werkprocessen_of("25656")
    fitting = [option.code for option in offered if option.fits]
    assert fitting == [*werkprocessen, "NL-2F", "REK-3", "LB"]
    assert codes[: len(fitting)] == fitting
    assert len(codes) == len(set(codes))
    assert "23267-B1-K1-W1" in codes[len(fitting) :]  # another target's werkproces: later
    assert "23268-B1-K1-1" not in codes  # an exam unit: results go per werkproces


def test_the_counts_say_how_many_of_the_targets_werkprocessen_are_met(sanne: Learner) -> None:
    counts = werkproces_counts(sanne)
    assert counts is not None and (counts.met, counts.total) == (2, 11)


def test_a_result_under_a_retired_code_still_counts(sanne: Learner) -> None:
    """A result recorded before the catalog change, under the 2020 candidate code."""
    Assessment.objects.create(
        learner=sanne,
        code="VV2020-B1-K1-W3",  # counts for 23268-B1-K1-W4
        method="exam",
        result="met",
        assessed_on=TODAY,
        assessor_label="docent",
    )
    assert unit_completion(current_catalog(), EXAM_UNIT, record_of(sanne)).complete


def test_a_generic_subject_without_outcomes_takes_a_result(sanne: Learner) -> None:
    assessment = do_record_assessment(
        user(TEACHER), sanne, "rek-2f", AssessmentMethod.EXAM, AssessmentResult.MET, TODAY
    )
    assert assessment.code == "REK-2F"


@pytest.mark.parametrize("who", ["anna", "fleur", "eva", "bram", "dirk", "chris", "joost"])
def test_only_teachers_and_supervisors_record_progress(
    anna_in_training: Personas, who: str
) -> None:
    """Anna herself, her employer's HR, her exam board, her intake advisor, an EVC assessor,
    an outsider advisor and another learner may not; Tess and Gijs may."""
    anna = anna_in_training.anna_record
    with pytest.raises(PermissionDenied):
        do_record_feedback(anna_in_training.by_name(who), anna, LAST_RESULT, "Goed", TODAY)
    for teacher in (anna_in_training.tess, anna_in_training.gijs):
        assert do_record_feedback(teacher, anna, LAST_RESULT, "Goed gedaan", TODAY).pk


def test_feedback_must_say_something(sanne: Learner) -> None:
    with pytest.raises(InvalidInput):
        do_record_feedback(user(TEACHER), sanne, LAST_OUTCOME, "   ", TODAY)


def test_nothing_is_recorded_with_a_date_in_the_future_whatever_the_edge(sanne: Learner) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    teacher = user("docent")
    with pytest.raises(DateInFuture):
        do_record_feedback(teacher, sanne, LAST_OUTCOME, "Goed gedaan", tomorrow)
    with pytest.raises(DateInFuture):
        do_record_assessment(
            teacher, sanne, LAST_OUTCOME, AssessmentMethod.EXAM, AssessmentResult.MET, tomorrow
        )


def test_a_reserved_act_waits_for_the_werkproces_it_builds_on(sanne: Learner) -> None:
    """Medication (23268-B1-K1-5, werkproces W5) after care (W4): the catalog's rule."""
    act = ProfessionalActivity.objects.get(code="VIG-MEDICATIE")
    supervisor = user(WORKPLACE_SUPERVISOR)
    with refused(EntrustmentNotAllowed, "entrustment_not_allowed", missing=("23268-B1-K1-W4",)):
        do_entrust(supervisor, sanne, act, SupervisionLevel.INDIRECT, TODAY)
    assert not EntrustmentDecision.objects.filter(learner=sanne, activity=act, level=3).exists()
    do_record_assessment(
        user(TEACHER), sanne, LAST_OUTCOME, AssessmentMethod.PRACTICAL_TEST,
        AssessmentResult.MET, TODAY,
    )  # fmt: skip
    do_entrust(supervisor, sanne, act, SupervisionLevel.INDEPENDENT, TODAY, "Na de proeve")
    state = next(s for s in entrustment_states(sanne, ["23268-B1-K1-5"]) if s.activity == act)
    assert state.current is not None and state.current.level == 4
    assert [d.level for d in state.history] == [2]  # the demo's earlier decision, kept
    assert state.ceiling.level == SupervisionLevel.SUPERVISES


def test_an_exemption_lifts_the_ceiling_too(demo: None) -> None:
    marloes = Learner.objects.get(name="Marloes Bos")  # EVC candidate for 25780, nothing yet
    act = ProfessionalActivity.objects.get(code="MZ-ZORGTECHNIEK")  # 23312-B1-K1-W5 after W2
    supervisor = user(WORKPLACE_SUPERVISOR)
    with refused(EntrustmentNotAllowed, "entrustment_not_allowed", missing=("23312-B1-K1-W2",)):
        do_entrust(supervisor, marloes, act, SupervisionLevel.INDIRECT, TODAY)
    add_holding(user(EXAM_BOARD), marloes, "23312-B1-K1-W2", "outcome", "EVC-rapport")
    do_entrust(supervisor, marloes, act, SupervisionLevel.INDIRECT, TODAY, "Na EVC")


def test_the_activities_of_the_target_are_in_view_whatever_unit_they_name(demo: None) -> None:
    """Marloes's 25780 is cut into kerntaken; the activities name 25779's exam units over the
    same werkprocessen, and the VIG ones stay out."""
    marloes = Learner.objects.get(name="Marloes Bos")
    codes = {a.code for a in activities_for(marloes)}
    assert {"MZ-DAGBESTEDING", "MZ-ZORGTECHNIEK"} <= codes
    assert not codes & {"VIG-MEDICATIE", "BDZ-ADL", "HZW-THUIS"}


def test_an_ordinary_activity_may_be_entrusted_at_any_level(sanne: Learner) -> None:
    act = ProfessionalActivity.objects.get(code="BDZ-ADL")  # unit 23268-B1-K1-1
    do_entrust(user(WORKPLACE_SUPERVISOR), sanne, act, SupervisionLevel.SUPERVISES, TODAY)
    assert sanne.audit_events.filter(action="progress.entrusted").exists()


def test_a_route_item_is_done_once_its_planned_werkprocessen_are(sanne_done: Learner) -> None:
    """The route plans 23268-B1-K1-1 as its werkprocessen W1 and W4; the demo's result for
    W1 and the last result for W4 complete the item, on the later date."""
    plan = sanne_done.route_plans.order_by("-version").first()
    assert plan is not None
    items = {i["code"]: i for i in plan.document["schedule"]}
    assert items[EXAM_UNIT]["missing_outcomes"] == ["23268-B1-K1-W1", LAST_OUTCOME]
    progress = route_progress(
        plan.document["schedule"],
        date.fromisoformat(plan.document["completion_date"]),
        done_on_route(sanne_done, plan.document),
        date.today(),
    )
    by_code = {i.code: i for i in progress.items}
    assert by_code[EXAM_UNIT].complete and by_code[EXAM_UNIT].completed_on == date.today()
    assert not by_code["23268-B1-K1-2"].complete  # W2 met, W6 still open
    assert "NL-2F" not in items  # exempt, so not planned
