"""Properties of the workforce rules, each class quoting the rule it checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import LinearConstraint, milp  # type: ignore[import-untyped]  # no stubs
from scipy.sparse import lil_matrix  # type: ignore[import-untyped]  # no stubs

from opmaat.domain.workforce.capability import Capability, capability, capability_of
from opmaat.domain.workforce.coverage import RosterShift, ShiftNeed, WindowCoverage, cover_day
from opmaat.domain.workforce.demand import candidates, training_demand
from opmaat.domain.workforce.deployability import (
    TaskStatus,
    deployability,
    expiring,
    level_of,
)
from opmaat.domain.workforce.model import Employee
from tests.domain.workforce.factories import DAY, care_catalog, care_huis, granted, make_employee
from tests.domain.workforce.strategies import MONDAY, coverage_instances, employees

HUIS = care_huis()
CATALOG = care_catalog()


class TestAloneExactly:
    """ "ALONE exactly when every werkproces of the task is at ≥ min_level and each act of
    the task has an authorisation valid on today; SUPERVISED when not alone but every
    werkproces is at ≥ 2 and no reserved act lacks a valid authorisation." (issue 16)"""

    @given(employees())
    def test_a_task_is_alone_exactly_when_levels_and_authorisations_hold(
        self, employee: Employee
    ) -> None:
        deployed = deployability(HUIS, employee, CATALOG, DAY)
        for task in HUIS.tasks:
            levels_ok = all(level_of(employee, w) >= task.min_level for w in task.werkprocessen)
            valid = {a.act for a in employee.authorisations if a.valid_on(DAY)}
            acts_ok = all(a in valid for a in task.acts)
            reserved_ok = all(a in valid for a in task.acts if HUIS.act(a).reserved)
            floor = all(level_of(employee, w) >= 2 for w in task.werkprocessen)
            expected = (
                TaskStatus.ALONE
                if levels_ok and acts_ok
                else TaskStatus.SUPERVISED
                if floor and reserved_ok
                else TaskStatus.NOT_YET
            )
            assert deployed.status_of(task.code) == expected

    @given(employees())
    def test_a_task_is_missing_something_exactly_when_not_alone(self, employee: Employee) -> None:
        for verdict in deployability(HUIS, employee, CATALOG, DAY).verdicts:
            assert (verdict.status == TaskStatus.ALONE) == (verdict.missing == ())

    @given(employees(), st.sampled_from(["A-W1", "A-W2", "B-W1", "C-W1"]))
    def test_crediting_a_werkproces_never_takes_a_task_away(
        self, employee: Employee, werkproces: str
    ) -> None:
        rank = {TaskStatus.NOT_YET: 0, TaskStatus.SUPERVISED: 1, TaskStatus.ALONE: 2}
        more = Employee(
            employee.key,
            employee.name,
            werkprocessen=employee.werkprocessen | {werkproces},
            levels=employee.levels,
            authorisations=employee.authorisations,
        )
        before = deployability(HUIS, employee, CATALOG, DAY)
        after = deployability(HUIS, more, CATALOG, DAY)
        for old, new in zip(before.verdicts, after.verdicts, strict=True):
            assert rank[new.status] >= rank[old.status]


class TestCapabilityMatrix:
    """The vectorised capability applies the same rule as deployability one by one."""

    @given(st.lists(employees(), min_size=1, max_size=6))
    def test_the_matrix_equals_the_judgements_one_by_one(self, people: list[Employee]) -> None:
        people = [
            Employee(i, p.name, p.team, None, 0.0, p.werkprocessen, p.levels, p.authorisations)
            for i, p in enumerate(people)
        ]
        fast = capability_of(HUIS, people, DAY)
        slow = capability([deployability(HUIS, p, CATALOG, DAY) for p in people])
        assert fast.tasks == slow.tasks
        assert (fast.alone == slow.alone).all()
        assert (fast.supervised == slow.supervised).all()


def assignment_optimum(
    pairs: list[tuple[int, int]], person_count: int, capacities: list[int]
) -> int:
    """The largest assignment by scipy's MILP: x[pair] ∈ {0, 1}, each person at most one,
    each need at most its capacity."""
    if not pairs:
        return 0
    people = lil_matrix((person_count, len(pairs)))
    needs = lil_matrix((len(capacities), len(pairs)))
    for j, (person, need) in enumerate(pairs):
        people[person, j] = 1
        needs[need, j] = 1
    constraints = [
        LinearConstraint(people.tocsr(), 0, 1),
        LinearConstraint(needs.tocsr(), 0, np.array(capacities)),
    ]
    result = milp(
        -np.ones(len(pairs)),
        constraints=constraints,
        integrality=np.ones(len(pairs)),
        bounds=(0, 1),
    )
    return round(-float(result.fun))


Instance = tuple[Capability, list[ShiftNeed], list[RosterShift]]


class TestCoverage:
    """ "Each person at most one need per window, each need `count` people, only people
    ALONE for the need's task" (issue 16); the assignment is a maximum one."""

    @given(coverage_instances())
    def test_no_one_is_assigned_twice_in_a_window_nor_to_a_task_they_may_not_do_alone(
        self, instance: Instance
    ) -> None:
        capability, needs, roster = instance
        for window in cover_day(capability, needs, roster, MONDAY).windows:
            used = [k for n in window.needs for k in n.by]
            assert len(used) == len(set(used))
            for need in window.needs:
                assert len(need.by) <= need.need.count
                for key in need.by:
                    row, column = capability.row(key), capability.column(need.need.task)
                    assert row is not None and column is not None
                    assert capability.alone[row, column]
                    assert key in window.rostered

    @settings(max_examples=60)
    @given(coverage_instances())
    def test_the_roster_assignment_is_as_large_as_milps_optimum(self, instance: Instance) -> None:
        capability, needs, roster = instance
        for window in cover_day(capability, needs, roster, MONDAY).windows:
            rows = [capability.row(k) for k in window.rostered]
            columns = [capability.column(n.need.task) for n in window.needs]
            pairs = [
                (i, j)
                for i, r in enumerate(rows)
                for j, c in enumerate(columns)
                if r is not None and c is not None and capability.alone[r, c]
            ]
            optimum = assignment_optimum(pairs, len(rows), [n.need.count for n in window.needs])
            assert window.met == optimum

    @settings(max_examples=80)
    @given(coverage_instances())
    def test_gap_filling_is_milps_best_filling_with_the_roster_used_to_the_full(
        self, instance: Instance
    ) -> None:
        """Exact optimum: the most places from the roster, then the most from off it."""
        capability, needs, roster = instance
        day = cover_day(capability, needs, roster, MONDAY)
        rostered, filled = lexicographic_optimum(capability, day.windows, roster)
        assert (day.met, day.filled) == (rostered, filled)

    @given(coverage_instances())
    def test_gap_filling_proposes_only_the_available_and_able_once_a_day(
        self, instance: Instance
    ) -> None:
        capability, needs, roster = instance
        day = cover_day(capability, needs, roster, MONDAY)
        proposed = [k for w in day.windows for n in w.needs for k in n.fill]
        assert len(proposed) == len(set(proposed))
        for window in day.windows:
            for need in window.needs:
                assert len(need.by) + len(need.fill) <= need.need.count
                assert need.unmet == need.need.count - len(need.by)
                for key in need.fill:
                    assert able(capability, key, need.need.task)
                    assert not busy(roster, key, window.start, window.end)


def able(capability: Capability, key: int, task: str) -> bool:
    row, column = capability.row(key), capability.column(task)
    return row is not None and column is not None and bool(capability.alone[row, column])


def busy(roster: list[RosterShift], key: int, start: time, end: time) -> bool:
    return any(s.employee == key and s.overlaps(start, end) for s in roster)


def lexicographic_optimum(
    capability: Capability, windows: Sequence[WindowCoverage], roster: list[RosterShift]
) -> tuple[int, int]:
    """By scipy's MILP: x (rostered person in a window → need) weighs more than all y
    (person off the roster → need) together; each person once per window (x) or once a
    day (y); each need at most its count."""
    x: list[tuple[str, int]] = []  # (person-in-window id, need id)
    y: list[tuple[int, int]] = []
    need_ids = [(w, n) for w, window in enumerate(windows) for n in range(len(window.needs))]
    for j, (w, n) in enumerate(need_ids):
        window, need = windows[w], windows[w].needs[n]
        x += [(f"{w}:{k}", j) for k in window.rostered if able(capability, k, need.need.task)]
        y += [
            (k, j)
            for k in capability.employees
            if able(capability, k, need.need.task) and not busy(roster, k, window.start, window.end)
        ]
    if not x and not y:
        return 0, 0
    columns = len(x) + len(y)
    owners = sorted({p for p, _ in x}) + sorted({f"y{k}" for k, _ in y})
    owner_index = {o: i for i, o in enumerate(owners)}
    once = lil_matrix((len(owners), columns))
    places = lil_matrix((len(need_ids), columns))
    for c, (owner, j) in enumerate([*x, *[(f"y{k}", j) for k, j in y]]):
        once[owner_index[owner], c] = 1
        places[j, c] = 1
    counts = np.array([windows[w].needs[n].need.count for w, n in need_ids])
    weight = np.array([len(y) + 1.0] * len(x) + [1.0] * len(y))
    result = milp(
        -weight,
        constraints=[
            LinearConstraint(once.tocsr(), 0, 1),
            LinearConstraint(places.tocsr(), 0, counts),
        ],
        integrality=np.ones(columns),
        bounds=(0, 1),
    )
    chosen = np.round(result.x).astype(int)
    return int(chosen[: len(x)].sum()), int(chosen[len(x) :].sum())


class TestExpiry:
    """ "An authorisation is valid through its valid_until day" (issue 16)."""

    @given(st.integers(-40, 40))
    def test_valid_exactly_through_the_last_day(self, offset: int) -> None:
        until = DAY + timedelta(days=offset)
        authorisation = granted("INJ", on=date(2020, 1, 1), until=until)
        assert authorisation.valid_on(DAY) == (offset >= 0)

    @given(st.integers(-40, 40), st.integers(0, 30))
    def test_expiring_lists_exactly_those_ending_within_the_window(
        self, offset: int, within: int
    ) -> None:
        until = DAY + timedelta(days=offset)
        employee = make_employee(authorisations=[granted("INJ", on=date(2020, 1, 1), until=until)])
        found = expiring([employee], within, DAY)
        assert bool(found) == (offset <= within)
        assert all(e.expired == (offset < 0) for e in found)


NEEDS = [
    ShiftNeed("T", 0, time(7), time(10), "ADL", 2),
    ShiftNeed("T", 0, time(7), time(10), "MEDS", 1),
    ShiftNeed("T", 0, time(7), time(10), "PLAN", 1),
    ShiftNeed("T", 0, time(15), time(18), "INJ", 1),
]
SHIFTS = ((time(7), time(15)), (time(7), time(18)), (time(15), time(23)))


@st.composite
def staff(draw: st.DrawFn) -> tuple[list[Employee], list[RosterShift]]:
    people = [replace(draw(employees()), key=key) for key in range(1, draw(st.integers(1, 6)) + 1)]
    roster = [
        RosterShift(p.key, MONDAY, *draw(st.sampled_from(SHIFTS)), "T")
        for p in people
        if draw(st.booleans())
    ]
    return people, roster


class TestTrainingDemand:
    """ "Coverage gained: unmet need-slots that become coverable if that person completed
    it", ranked "by coverage gained per training hour" (issue 16)."""

    @settings(max_examples=40)
    @given(staff())
    def test_coverage_gained_is_what_re_solving_with_the_unit_completed_adds(
        self, instance: tuple[list[Employee], list[RosterShift]]
    ) -> None:
        people, roster = instance
        capability = capability_of(HUIS, people, DAY)
        day = cover_day(capability, NEEDS, roster, MONDAY)
        rows = {
            (r.employee, r.candidate): r.gained
            for r in training_demand(HUIS, CATALOG, people, capability, [day], DAY)
        }
        for candidate in candidates(HUIS, CATALOG):
            for k, person in enumerate(people):
                trained = replace(
                    person, werkprocessen=person.werkprocessen | set(candidate.werkprocessen)
                )
                changed = [*people[:k], trained, *people[k + 1 :]]
                after = cover_day(capability_of(HUIS, changed, DAY), NEEDS, roster, MONDAY)
                assert rows.get((person.key, candidate.code), 0) == after.met - day.met

    @given(staff())
    def test_rows_are_ranked_by_coverage_gained_per_hour(
        self, instance: tuple[list[Employee], list[RosterShift]]
    ) -> None:
        people, roster = instance
        capability = capability_of(HUIS, people, DAY)
        day = cover_day(capability, NEEDS, roster, MONDAY)
        rows = training_demand(HUIS, CATALOG, people, capability, [day], DAY)
        ratios = [r.gained_per_hour for r in rows]
        assert ratios == sorted(ratios, reverse=True)
        assert all(r.gained > 0 and r.hours > 0 for r in rows)
