"""The return-deadline rule: places reserved for a school go back to the pool for all
schools if unused at the deadline, by default two weeks before the final matching."""

from __future__ import annotations

from datetime import date

import pytest

from opmaat.domain.errors import InvalidInput
from opmaat.domain.matching import (
    Instance,
    Place,
    Student,
    match,
    release_reservations,
    released,
    return_deadline,
)
from tests.domain.matching.factories import SEED

FINAL = date(2027, 6, 1)
RESERVED = Place("P1", 1, reserved_for="ROC A")


def test_the_deadline_is_two_weeks_before_the_final_matching() -> None:
    assert return_deadline(FINAL) == date(2027, 5, 18)
    assert return_deadline(FINAL, days=7) == date(2027, 5, 25)


def test_reservations_hold_until_the_day_before_the_deadline() -> None:
    assert not released(date(2027, 5, 17), FINAL)
    assert release_reservations([RESERVED], date(2027, 5, 17), FINAL) == (RESERVED,)


def test_unused_reserved_places_return_to_the_pool_on_the_deadline() -> None:
    assert released(date(2027, 5, 18), FINAL)
    (place,) = release_reservations([RESERVED], date(2027, 5, 18), FINAL)
    assert place.reserved_for == "" and place.capacity == 1


def test_a_negative_number_of_days_is_refused() -> None:
    with pytest.raises(InvalidInput):
        return_deadline(FINAL, days=-1)


def test_another_schools_student_gets_the_place_only_after_the_deadline() -> None:
    students = (Student("S1", ("P1",), school="ROC B"),)
    before = release_reservations([RESERVED], date(2027, 5, 1), FINAL)
    after = release_reservations([RESERVED], date(2027, 5, 20), FINAL)
    assert match(Instance(before, students), SEED).assignments() == {"S1": None}
    assert match(Instance(after, students), SEED).assignments() == {"S1": "P1"}


def test_the_reserving_schools_student_gets_the_place_before_the_deadline() -> None:
    students = (Student("S1", ("P1",), school="ROC B"), Student("S2", ("P1",), school="ROC A"))
    before = release_reservations([RESERVED], date(2027, 5, 1), FINAL)
    assert match(Instance(before, students), SEED).assignments() == {"S1": None, "S2": "P1"}
