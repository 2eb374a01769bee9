"""Deferred acceptance in vectorised rounds: worked examples and the one-at-a-time reference."""

from __future__ import annotations

import random

import numpy as np
import pytest

from opmaat.domain.matching import Instance, Place, Student, match
from opmaat.domain.matching.solver import deferred_acceptance, position_in_group
from tests.domain.matching import reference
from tests.domain.matching.factories import SEED, instance, place, student


def test_position_in_group_counts_within_runs_of_equal_keys() -> None:
    keys = np.array([4, 4, 7, 9, 9, 9], dtype=np.int64)
    assert position_in_group(keys).tolist() == [0, 1, 0, 0, 1, 2]


def test_a_place_keeps_the_applicants_it_ranks_highest() -> None:
    # P1 ranks S2 above S1; both want P1 first. S1 moves on to P2.
    m = match(
        instance(
            [place("P1", 1, ranking=["S2", "S1"]), place("P2", 1)],
            [student("S1", "P1", "P2"), student("S2", "P1")],
        ),
        SEED,
    )
    assert m.assignments() == {"S1": "P2", "S2": "P1"}


def test_a_rejected_student_bumps_someone_further_down() -> None:
    # S3 is rejected by P1 for S1, then takes P2 from S2, who falls back to P3.
    m = match(
        instance(
            [
                place("P1", 1, ranking=["S1", "S3"]),
                place("P2", 1, ranking=["S3", "S2"]),
                place("P3", 1),
            ],
            [student("S1", "P1"), student("S2", "P2", "P3"), student("S3", "P1", "P2")],
        ),
        SEED,
    )
    assert m.assignments() == {"S1": "P1", "S2": "P3", "S3": "P2"}


def test_the_student_optimal_matching_is_chosen_over_the_place_optimal_one() -> None:
    # Two stable matchings: {S1: P1, S2: P2} (students' first choices) and the swap (the
    # places' first choices). Student-proposing deferred acceptance gives the first.
    m = match(
        instance(
            [place("P1", 1, ranking=["S2", "S1"]), place("P2", 1, ranking=["S1", "S2"])],
            [student("S1", "P1", "P2"), student("S2", "P2", "P1")],
        ),
        SEED,
    )
    assert m.assignments() == {"S1": "P1", "S2": "P2"}


def test_a_place_without_ranking_prefers_school_priority_then_the_lottery() -> None:
    students = [Student(f"S{i}", ("P1",), priority=2) for i in range(6)]
    students[4] = Student("S4", ("P1",), priority=1)
    m = match(Instance((place("P1", 2),), tuple(students)), SEED)
    lottery = dict(zip([s.id for s in students], m.encoded.students.lottery.tolist(), strict=True))
    best_lottery = min((s.id for s in students if s.id != "S4"), key=lottery.__getitem__)
    assert {s for s, p in m.assignments().items() if p} == {"S4", best_lottery}


def test_supervision_capacity_limits_the_seats() -> None:
    places = (Place("P1", 3, supervision_capacity=1),)
    m = match(Instance(places, (student("S1", "P1"), student("S2", "P1"))), SEED)
    assert list(m.assignments().values()).count("P1") == 1


def test_a_place_with_no_seats_takes_nobody() -> None:
    m = match(instance([place("P1", 0), place("P2", 1)], [student("S1", "P1", "P2")]), SEED)
    assert m.assignments() == {"S1": "P2"}


def test_students_with_no_usable_choice_stay_unplaced() -> None:
    m = match(
        instance([place("P1", 1, ranking=["S2"])], [student("S1", "P1"), student("S2")]), SEED
    )
    assert m.assignments() == {"S1": None, "S2": None}


def test_empty_input_gives_an_empty_matching() -> None:
    none = np.zeros((0, 0), dtype=np.int32)
    result = deferred_acceptance(
        none, none.astype(np.int64), none.astype(np.bool_), np.zeros(0, np.int64)
    )
    assert result.tolist() == []


def random_instance(seed: int, students: int, places: int) -> Instance:
    rng = random.Random(seed)
    ids = [f"S{i}" for i in range(students)]
    offered = []
    for i in range(places):
        ranking = rng.sample(ids, rng.randint(0, students)) if rng.random() < 0.4 else None
        offered.append(
            Place(f"P{i}", rng.randint(0, 4), None if ranking is None else tuple(ranking))
        )
    place_ids = [p.id for p in offered]
    return Instance(
        tuple(offered),
        tuple(
            Student(
                sid,
                tuple(rng.sample(place_ids, rng.randint(0, 8))),
                priority=rng.choice([None, 1, 2]),
            )
            for sid in ids
        ),
    )


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_equals_the_one_at_a_time_reference_on_larger_instances(seed: int) -> None:
    inst = random_instance(seed, students=300, places=60)
    assert match(inst, seed).assignments() == reference.deferred_acceptance(inst, seed)
