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


def check_places_upload(state: RoundState) -> None:
    if state != RoundState.INVENTORY:
        raise NotNow("places", state)


def check_students_upload(state: RoundState) -> None:
    if state != RoundState.DISTRIBUTION:
        raise NotNow("students", state)


def check_run(state: RoundState) -> None:
    if state != RoundState.MATCHING:
        raise NotNow("run", state)


def advance(state: RoundState, *, has_places: bool, has_students: bool) -> RoundState:
    """The next state; publishing (matching → execution) goes through `publish` instead."""
    if state == RoundState.INVENTORY and not has_places:
        raise MissingUpload("places")
    if state == RoundState.DISTRIBUTION and not has_students:
        raise MissingUpload("students")
    if state in (RoundState.MATCHING, RoundState.EXECUTION):
        raise NotNow("advance", state)
    return NEXT[state]


def check_publish(state: RoundState) -> None:
    if state != RoundState.MATCHING:
        raise NotNow("publish", state)
