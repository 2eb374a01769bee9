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


class NotNow(InvalidInput):
    code = "round_state"

    def __init__(self, what: str, state: RoundState) -> None:
        self.state = state
        super().__init__(f"{what} is not possible while the round is in {state.value}")


def check_places_upload(state: RoundState) -> None:
    if state != RoundState.INVENTORY:
        raise NotNow("changing the places", state)


def check_students_upload(state: RoundState) -> None:
    if state != RoundState.DISTRIBUTION:
        raise NotNow("changing the students", state)


def check_run(state: RoundState) -> None:
    if state != RoundState.MATCHING:
        raise NotNow("running the matching", state)


def advance(state: RoundState, *, has_places: bool, has_students: bool) -> RoundState:
    """The next state; publishing (matching → execution) goes through `publish` instead."""
    if state == RoundState.INVENTORY and not has_places:
        raise InvalidInput("upload the places before the distribution starts")
    if state == RoundState.DISTRIBUTION and not has_students:
        raise InvalidInput("upload the students before the matching starts")
    if state in (RoundState.MATCHING, RoundState.EXECUTION):
        raise NotNow("moving on without publishing a run", state)
    return NEXT[state]


def check_publish(state: RoundState) -> None:
    if state != RoundState.MATCHING:
        raise NotNow("publishing", state)
