"""The EVC state machine: every move, for every role, allowed or refused; the guards; the
deadlines and reminders."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from opmaat.domain.access import Role
from opmaat.domain.recognition.evc import (
    TRANSITIONS,
    EvcState,
    IllegalTransition,
    Readiness,
    TransitionBlocked,
    TransitionNotAllowed,
    check_move,
    deadline,
    next_states,
    reminder,
)

READY = Readiness(
    evidence_items=3,
    outcomes_in_scope=4,
    outcomes_judged=4,
    outcomes_needing_evidence=0,
    has_certificate=True,
    has_decision=True,
)
# Who moves what: the table the issue asks for, written out independently of TRANSITIONS.
EXPECTED = {
    (EvcState.INTAKE, EvcState.PORTFOLIO): {Role.INTAKE_ADVISOR, Role.EVC_ASSESSOR},
    (EvcState.PORTFOLIO, EvcState.ASSESSMENT): {Role.LEARNER, Role.INTAKE_ADVISOR},
    (EvcState.ASSESSMENT, EvcState.PORTFOLIO): {Role.EVC_ASSESSOR},
    (EvcState.ASSESSMENT, EvcState.REPORT): {Role.EVC_ASSESSOR},
    (EvcState.REPORT, EvcState.DECISION): {Role.EVC_ASSESSOR},
    (EvcState.DECISION, EvcState.CLOSED): {Role.EXAM_BOARD},
    **{
        (state, EvcState.WITHDRAWN): {Role.LEARNER, Role.INTAKE_ADVISOR}
        for state in (EvcState.INTAKE, EvcState.PORTFOLIO, EvcState.ASSESSMENT, EvcState.REPORT)
    },
}


def ready_for(source: EvcState, target: EvcState) -> Readiness:
    """READY, except that sending a portfolio back needs an outcome waiting for evidence."""
    if (source, target) == (EvcState.ASSESSMENT, EvcState.PORTFOLIO):
        return Readiness(evidence_items=1, outcomes_in_scope=4, outcomes_needing_evidence=1)
    return READY


@pytest.mark.parametrize(
    ("source", "target", "role"),
    list(itertools.product(EvcState, EvcState, [r for r in Role if r != Role.ADMIN])),
)
def test_each_move_is_allowed_exactly_for_the_roles_in_the_table(
    source: EvcState, target: EvcState, role: Role
) -> None:
    movers = EXPECTED.get((source, target))
    if movers is None:
        with pytest.raises(IllegalTransition):
            check_move(source, target, {role}, READY)
    elif role in movers:
        assert check_move(source, target, {role}, ready_for(source, target)).target == target
    else:
        with pytest.raises(TransitionNotAllowed):
            check_move(source, target, {role}, ready_for(source, target))


def test_the_table_above_is_the_machine() -> None:
    assert {(t.source, t.target): set(t.movers) for t in TRANSITIONS} == EXPECTED


def test_nothing_leaves_a_final_state() -> None:
    assert next_states(EvcState.CLOSED) == next_states(EvcState.WITHDRAWN) == ()


def test_a_decided_procedure_cannot_be_withdrawn() -> None:
    with pytest.raises(IllegalTransition):
        check_move(EvcState.DECISION, EvcState.WITHDRAWN, set(Role), READY)


def test_an_empty_portfolio_cannot_be_submitted() -> None:
    with pytest.raises(TransitionBlocked) as refused:
        check_move(EvcState.PORTFOLIO, EvcState.ASSESSMENT, {Role.LEARNER}, Readiness())
    assert refused.value.reason == "no_evidence"


@pytest.mark.parametrize(
    ("readiness", "reason", "count"),
    [
        (Readiness(outcomes_in_scope=4, outcomes_judged=3), "unjudged", 1),
        (
            Readiness(outcomes_in_scope=4, outcomes_judged=2, outcomes_needing_evidence=2),
            "needs_evidence",
            2,
        ),
    ],
)
def test_the_assessment_ends_only_when_every_werkproces_is_met_or_not_met(
    readiness: Readiness, reason: str, count: int
) -> None:
    with pytest.raises(TransitionBlocked) as refused:
        check_move(EvcState.ASSESSMENT, EvcState.REPORT, {Role.EVC_ASSESSOR}, readiness)
    assert (refused.value.reason, refused.value.count) == (reason, count)
    assert refused.value.data == {"reason": reason, "count": count}


def test_sending_back_needs_a_werkproces_marked_for_more_evidence() -> None:
    with pytest.raises(TransitionBlocked):
        check_move(EvcState.ASSESSMENT, EvcState.PORTFOLIO, {Role.EVC_ASSESSOR}, READY)


def test_the_report_goes_to_the_exam_board_only_with_its_certificate() -> None:
    with pytest.raises(TransitionBlocked):
        check_move(EvcState.REPORT, EvcState.DECISION, {Role.EVC_ASSESSOR}, Readiness())


def test_the_exam_board_closes_only_with_a_decision() -> None:
    with pytest.raises(TransitionBlocked):
        check_move(EvcState.DECISION, EvcState.CLOSED, {Role.EXAM_BOARD}, Readiness())


def test_a_portfolio_phase_takes_about_three_months() -> None:
    due = deadline(EvcState.PORTFOLIO, date(2027, 1, 4))
    assert due == date(2027, 4, 5)


def test_final_states_have_no_deadline() -> None:
    assert deadline(EvcState.CLOSED, date(2027, 1, 4)) is None


def test_a_reminder_shows_two_weeks_before_the_deadline_and_after_it() -> None:
    due = date(2027, 4, 5)
    assert reminder(EvcState.PORTFOLIO, due, due - timedelta(days=15)) is None
    soon = reminder(EvcState.PORTFOLIO, due, due - timedelta(days=14))
    assert soon is not None and not soon.overdue and soon.days_left == 14
    late = reminder(EvcState.PORTFOLIO, due, due + timedelta(days=3))
    assert late is not None and late.overdue and late.days_left == -3
    assert reminder(EvcState.CLOSED, due, due + timedelta(days=3)) is None
