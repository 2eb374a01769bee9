"""A matching round's states (stagematching) and what may happen in each.

inventory (organisations offer places) → distribution (schools register students and their
preferences) → matching (runs, each a new version) → execution (one run published: its
results are final). A place offered for the round cannot be withdrawn once distribution
starts; nothing changes after publication.
"""

from __future__ import annotations

from enum import StrEnum

from opmaat.domain.errors import InvalidInput


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

DOING = {
    RoundAction.PLACES: "changing the places",
    RoundAction.STUDENTS: "changing the students",
    RoundAction.ADVANCE: "moving on without publishing a run",
    RoundAction.RUN: "running the matching",
    RoundAction.PUBLISH: "publishing",
}


class NotNow(InvalidInput):
    code = "round_state"

    def __init__(self, what: str, state: RoundState) -> None:
        self.state = state
        super().__init__(f"{what} is not possible while the round is in {state.value}")


def round_actions(state: RoundState) -> frozenset[RoundAction]:
    """What may be done to a round in `state` (the one table the pages and services read)."""
    return ACTIONS[state]


def check_action(action: RoundAction, state: RoundState) -> None:
    if action not in ACTIONS[state]:
        raise NotNow(DOING[action], state)


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
        raise InvalidInput("upload the places before the distribution starts")
    if state == RoundState.DISTRIBUTION and not has_students:
        raise InvalidInput("upload the students before the matching starts")
    return NEXT[state]


def check_publish(state: RoundState) -> None:
    check_action(RoundAction.PUBLISH, state)
