"""Properties of the matching over small random instances, checked against the plain-Python
references in `reference.py` (brute force where it is small enough)."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from opmaat.domain.matching import Instance, Phase, is_stable, match
from tests.domain.matching import reference
from tests.domain.matching.strategies import instances, seeds

# Generating an instance costs about 10 ms: the central claims get more examples.
CORE = settings(max_examples=60, deadline=None)
EXAMPLES = settings(max_examples=25, deadline=None)


class TestStability:
    """A blocking pair is a student and a place they listed above their own place, where
    the place accepts them and has a free seat or holds someone it ranks lower. The matching
    has none."""

    @CORE
    @given(instances(), seeds)
    def test_the_matching_has_no_blocking_pair(self, instance: Instance, seed: int) -> None:
        m = match(instance, seed)
        assert reference.blocking(instance, seed, m.assignments()) == []
        assert is_stable(m)

    @EXAMPLES
    @given(instances(), seeds)
    def test_the_fill_creates_no_blocking_pair(self, instance: Instance, seed: int) -> None:
        m = match(instance, seed, fill=True)
        assert reference.blocking(instance, seed, m.assignments()) == []
        assert is_stable(m)


class TestStudentOptimality:
    """Student-proposing deferred acceptance gives every student the best place they have
    in any stable matching (Gale and Shapley 1962)."""

    @CORE
    @given(instances(max_students=5, max_places=3), seeds)
    def test_no_student_does_better_in_another_stable_matching(
        self, instance: Instance, seed: int
    ) -> None:
        got = match(instance, seed).assignments()
        stable = list(reference.stable_matchings(instance, seed))
        assert got in stable
        for other in stable:
            for s in instance.students:
                assert reference.position(s, got[s.id]) <= reference.position(s, other[s.id])

    @CORE
    @given(instances(max_students=10, max_places=5), seeds)
    def test_equals_deferred_acceptance_one_proposal_at_a_time(
        self, instance: Instance, seed: int
    ) -> None:
        assert match(instance, seed).assignments() == reference.deferred_acceptance(instance, seed)


class TestFeasibility:
    """Capacities are never exceeded and nobody is placed where the rules or the place's
    ranking forbid it, in the matching or in the fill."""

    @EXAMPLES
    @given(instances(max_students=10, max_places=4), seeds, st.booleans())
    def test_no_place_holds_more_students_than_its_seats(
        self, instance: Instance, seed: int, fill: bool
    ) -> None:
        assigned = list(match(instance, seed, fill=fill).assignments().values())
        for p in instance.places:
            assert assigned.count(p.id) <= reference.seats(p)

    @EXAMPLES
    @given(instances(max_students=10, max_places=4), seeds, st.booleans())
    def test_every_placed_student_is_eligible_and_accepted(
        self, instance: Instance, seed: int, fill: bool
    ) -> None:
        places = {p.id: p for p in instance.places}
        got = match(instance, seed, fill=fill).assignments()
        for s in instance.students:
            place = got[s.id]
            assert place is None or reference.acceptable(s, places[place])

    @EXAMPLES
    @given(instances(max_students=10, max_places=4), seeds)
    def test_the_matching_places_students_only_on_their_lists(
        self, instance: Instance, seed: int
    ) -> None:
        got = match(instance, seed).assignments()
        for s in instance.students:
            assert got[s.id] is None or got[s.id] in s.preferences


class TestDeterminism:
    """The seed fixes the lottery, and the lottery follows the student, not the file."""

    @EXAMPLES
    @given(instances(max_students=10, max_places=4), seeds)
    def test_the_same_seed_gives_the_same_result(self, instance: Instance, seed: int) -> None:
        first, second = match(instance, seed, fill=True), match(instance, seed, fill=True)
        assert first.assignments() == second.assignments()
        assert first.encoded.students.lottery.tolist() == second.encoded.students.lottery.tolist()

    @EXAMPLES
    @given(instances(max_students=10, max_places=4), seeds, st.randoms(use_true_random=False))
    def test_reordering_the_files_changes_nothing(
        self, instance: Instance, seed: int, shuffle: random.Random
    ) -> None:
        places, students = list(instance.places), list(instance.students)
        shuffle.shuffle(places)
        shuffle.shuffle(students)
        reordered = Instance(tuple(places), tuple(students))
        assert match(reordered, seed).assignments() == match(instance, seed).assignments()


class TestFill:
    """The fill keeps every placement of the matching, then places as many of the other
    students as possible in the seats left, with the least total travel distance."""

    @EXAMPLES
    @given(instances(max_students=8, max_places=4), seeds)
    def test_the_fill_keeps_the_matching(self, instance: Instance, seed: int) -> None:
        matched = match(instance, seed)
        filled = match(instance, seed, fill=True)
        kept = filled.phase == Phase.MATCH
        assert (matched.place[kept] == filled.place[kept]).all()
        assert (kept == (matched.phase == Phase.MATCH)).all()

    @EXAMPLES
    @given(instances(max_students=5, max_places=3), seeds)
    def test_the_fill_is_a_largest_then_nearest_assignment(
        self, instance: Instance, seed: int
    ) -> None:
        matched = match(instance, seed).assignments()
        filled = match(instance, seed, fill=True).assignments()
        best_count, best_km = best_fill(instance, matched)
        added = {s: p for s, p in filled.items() if matched[s] is None and p is not None}
        assert len(added) == best_count
        assert fill_km(instance, added) <= best_km + 0.01 * len(added) + 1e-6


def best_fill(instance: Instance, matched: dict[str, str | None]) -> tuple[int, float]:
    """The most students the seats left can take, and the least distance for that many."""
    places = {p.id: p for p in instance.places}
    left = {p.id: reference.seats(p) - list(matched.values()).count(p.id) for p in places.values()}
    unplaced = [s for s in instance.students if matched[s.id] is None]
    options = [
        [
            None,
            *(
                pid
                for pid, free in left.items()
                if free > 0 and reference.acceptable(s, places[pid])
            ),
        ]
        for s in unplaced
    ]
    best = (0, 0.0)
    for choice in itertools.product(*options):
        if any(choice.count(pid) > free for pid, free in left.items()):
            continue
        added = {s.id: pid for s, pid in zip(unplaced, choice, strict=True) if pid is not None}
        count, km = len(added), fill_km(instance, added)
        if count > best[0] or (count == best[0] and km < best[1]):
            best = (count, km)
    return best


def fill_km(instance: Instance, added: dict[str, str]) -> float:
    places = {p.id: p for p in instance.places}
    total = 0.0
    for s in instance.students:
        p = places.get(added.get(s.id, ""))
        if p is None or None in (s.latitude, s.longitude, p.latitude, p.longitude):
            continue
        assert s.latitude is not None and s.longitude is not None
        assert p.latitude is not None and p.longitude is not None
        total += reference.distance_km(s.latitude, s.longitude, p.latitude, p.longitude)
    return total
