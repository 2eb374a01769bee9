"""A round moves inventory → distribution → matching → execution, and only forward."""

from __future__ import annotations

import pytest

from opmaat.domain.errors import InvalidInput
from opmaat.domain.matching.states import (
    NotNow,
    RoundAction,
    RoundState,
    advance,
    check_action,
    check_places_upload,
    check_publish,
    check_run,
    check_students_upload,
    round_actions,
)
from tests.errors import refused

S = RoundState


def test_the_round_advances_once_its_files_are_in() -> None:
    assert advance(S.INVENTORY, has_places=True, has_students=False) == S.DISTRIBUTION
    assert advance(S.DISTRIBUTION, has_places=True, has_students=True) == S.MATCHING
    with refused(InvalidInput, "missing_upload", kind="places"):
        advance(S.INVENTORY, has_places=False, has_students=False)
    with refused(InvalidInput, "missing_upload", kind="students"):
        advance(S.DISTRIBUTION, has_places=True, has_students=False)


def test_execution_is_reached_only_by_publishing() -> None:
    for state in (S.MATCHING, S.EXECUTION):
        with pytest.raises(NotNow):
            advance(state, has_places=True, has_students=True)
    check_publish(S.MATCHING)
    with pytest.raises(NotNow):
        check_publish(S.EXECUTION)


@pytest.mark.parametrize("state", list(S))
def test_each_step_happens_in_its_own_state_only(state: RoundState) -> None:
    for check, allowed in (
        (check_places_upload, S.INVENTORY),
        (check_students_upload, S.DISTRIBUTION),
        (check_run, S.MATCHING),
    ):
        if state == allowed:
            check(state)
        else:
            with pytest.raises(NotNow):
                check(state)


def test_the_actions_of_a_state_are_exactly_the_checks_that_pass() -> None:
    for state in S:
        for action in RoundAction:
            allowed = action in round_actions(state)
            try:
                check_action(action, state)
            except NotNow:
                assert not allowed
            else:
                assert allowed


def test_nothing_can_be_done_after_publication() -> None:
    assert round_actions(S.EXECUTION) == frozenset()
