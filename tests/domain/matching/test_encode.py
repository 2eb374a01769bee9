"""An instance that cannot be matched is refused with the offending id."""

from __future__ import annotations

import pytest

from opmaat.domain.errors import InvalidInput
from opmaat.domain.matching import (
    DuplicateId,
    Instance,
    NegativeCapacity,
    Place,
    RepeatedEntry,
    UnknownReference,
    match,
)
from tests.domain.matching.factories import SEED, instance, place, student


@pytest.mark.parametrize(
    ("inst", "error", "message"),
    [
        (
            instance([place("P1"), place("P1")], []),
            DuplicateId,
            "duplicate_id: kind='place', value='P1'",
        ),
        (
            instance([], [student("S1"), student("S1")]),
            DuplicateId,
            "duplicate_id: kind='student', value='S1'",
        ),
        (instance([place("P1", -1)], []), NegativeCapacity, "negative_capacity: place='P1'"),
        (
            Instance((Place("P1", 1, supervision_capacity=-1),), ()),
            NegativeCapacity,
            "negative_capacity: place='P1'",
        ),
        (
            instance([place("P1")], [student("S1", "P2")]),
            UnknownReference,
            "unknown_reference: owner='S1', kind='place', value='P2'",
        ),
        (
            instance([place("P1", ranking=["S7"])], [student("S1")]),
            UnknownReference,
            "unknown_reference: owner='P1', kind='student', value='S7'",
        ),
        (
            instance([place("P1")], [student("S1", "P1", "P1")]),
            RepeatedEntry,
            "repeated_entry: owner='S1', kind='place', value='P1'",
        ),
        (
            instance([place("P1", ranking=["S1", "S1"])], [student("S1")]),
            RepeatedEntry,
            "repeated_entry: owner='P1', kind='student', value='S1'",
        ),
    ],
)
def test_a_broken_instance_is_refused(
    inst: Instance, error: type[InvalidInput], message: str
) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(")):
        match(inst, SEED)


def test_a_student_without_preferences_and_places_without_students_are_fine() -> None:
    assert match(instance([place("P1")], [student("S1")]), SEED).assignments() == {"S1": None}
