"""A matching round's states (stagematching) and what may happen in each.

inventory (organisations offer places) → distribution (schools register students and their
preferences) → matching (runs, each a new version) → execution (one run published: its
results are final). A place offered for the round cannot be withdrawn once distribution
starts; nothing changes after publication.
"""

from __future__ import annotations

from enum import StrEnum

from opmaat.domain.errors import Conflict, InvalidInput


class RoundState(StrEnum):
    INVENTORY = "inventory"
    DISTRIBUTION = "distribution"
    MATCHING = "matching"
    EXECUTION = "execution"


NEXT = {
    RoundState.INVENTORY: RoundState.DISTRIBUTION,
    RoundState.DISTRIBUTION: RoundState.MATCHING,
    RoundState.MATCHING: RoundState.EXECUTION,
}


class RoundAction(StrEnum):
    """What a coordinator may do to a round; the values are the pages' action names."""

    PLACES = "places"  # upload the places on offer
    STUDENTS = "students"  # upload the students and their preferences
    ADVANCE = "advance"  # move on to the next state
    RUN = "run"  # run the matching (a new version)
    PUBLISH = "publish"  # publish one run: its results are final


ACTIONS: dict[RoundState, frozenset[RoundAction]] = {
    RoundState.INVENTORY: frozenset({RoundAction.PLACES, RoundAction.ADVANCE}),
    RoundState.DISTRIBUTION: frozenset({RoundAction.STUDENTS, RoundAction.ADVANCE}),
    RoundState.MATCHING: frozenset({RoundAction.RUN, RoundAction.PUBLISH}),
    RoundState.EXECUTION: frozenset(),
}


class NotNow(Conflict):
    """A step outside the round's state; `action` is places, students, run, advance or
    publish."""

    code = "round_state"
    variant = "action"

    def __init__(self, action: str, state: RoundState) -> None:
        self.state = state
        super().__init__(action=action, state=state.value)


class MissingUpload(InvalidInput):
    """Moving on before the file the next state needs is there; `kind` is places or
    students."""

    code = "missing_upload"
    variant = "kind"

    def __init__(self, kind: str) -> None:
        super().__init__(kind=kind)


def round_actions(state: RoundState) -> frozenset[RoundAction]:
    """What may be done to a round in `state` (the one table the pages and services read)."""
    return ACTIONS[state]


def check_action(action: RoundAction, state: RoundState) -> None:
    if action not in ACTIONS[state]:
        raise NotNow(action.value, state)


def check_places_upload(state: RoundState) -> None:
    check_action(RoundAction.PLACES, state)


def check_students_upload(state: RoundState) -> None:
    check_action(RoundAction.STUDENTS, state)


def check_run(state: RoundState) -> None:
    check_action(RoundAction.RUN, state)


def advance(state: RoundState, *, has_places: bool, has_students: bool) -> RoundState:
    """The next state; publishing (matching → execution) goes through `publish` instead."""
    check_action(RoundAction.ADVANCE, state)
    if state == RoundState.INVENTORY and not has_places:
        raise MissingUpload("places")
    if state == RoundState.DISTRIBUTION and not has_students:
        raise MissingUpload("students")
    return NEXT[state]


def check_publish(state: RoundState) -> None:
    check_action(RoundAction.PUBLISH, state)
