"""The independent checks: blocking pairs, capacities, forbidden assignments."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from opmaat.domain.matching import Phase, blocking_pairs, is_stable, match
from opmaat.domain.matching.stability import not_allowed, over_capacity
from tests.domain.matching.factories import SEED, instance, place, student

INSTANCE = instance(
    [place("P1", 1, ranking=["S1", "S2"]), place("P2", 1)],
    [student("S1", "P1", "P2"), student("S2", "P1", "P2")],
)


def test_the_matching_found_is_stable() -> None:
    m = match(INSTANCE, SEED)
    assert m.assignments() == {"S1": "P1", "S2": "P2"}
    assert is_stable(m) and not over_capacity(m) and not not_allowed(m)


def test_swapping_two_students_creates_the_blocking_pair() -> None:
    m = match(INSTANCE, SEED)
    swapped = replace(m, place=np.array([1, 0]), choice=np.array([1, 0]))
    assert blocking_pairs(swapped) == [("S1", "P1")]
    assert not is_stable(swapped)


def test_an_unplaced_student_and_a_free_seat_they_listed_block() -> None:
    m = match(INSTANCE, SEED)
    emptied = replace(
        m,
        place=np.array([0, -1]),
        choice=np.array([0, -1]),
        phase=np.array([Phase.MATCH, Phase.NONE], dtype=np.int8),
    )
    assert blocking_pairs(emptied) == [("S2", "P2")]


def test_two_students_in_one_seat_are_over_capacity() -> None:
    m = match(INSTANCE, SEED)
    crowded = replace(m, place=np.array([0, 0]), choice=np.array([0, 0]))
    assert over_capacity(crowded) == ["P1"]


def test_a_student_placed_where_the_ranking_forbids_is_not_allowed() -> None:
    inst = instance([place("P1", 1, ranking=["S1"])], [student("S1", "P1"), student("S2", "P1")])
    m = match(inst, SEED)
    forced = replace(m, place=np.array([-1, 0]))
    assert not_allowed(forced) == [("S2", "P1")]
