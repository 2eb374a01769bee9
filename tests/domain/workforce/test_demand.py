from __future__ import annotations

from datetime import date, time

import pytest

from opmaat.domain.leerweg import Leerweg
from opmaat.domain.routes import Holdings, study_time
from opmaat.domain.workforce.capability import capability_of
from opmaat.domain.workforce.coverage import RosterShift, ShiftNeed, cover_day
from opmaat.domain.workforce.demand import (
    Candidate,
    by_candidate,
    candidates,
    route_to_function,
    training_demand,
)
from opmaat.domain.workforce.errors import UnknownFunction
from opmaat.domain.workforce.model import Employee, Function
from tests.domain.workforce.factories import (
    DAY,
    care_catalog,
    care_huis,
    granted,
    make_employee,
)

CATALOG = care_catalog()
HUIS = care_huis()
MONDAY = date(2026, 12, 7)
NEEDS = [
    ShiftNeed("T", 0, time(7), time(10), "ADL", 1),
    ShiftNeed("T", 0, time(7), time(10), "MEDS", 1),
]
MED = granted("MED", until=date(2027, 6, 30))


def demand(people: list[Employee]) -> list[tuple[int, str, float, int]]:
    capability = capability_of(HUIS, people, DAY)
    roster = [RosterShift(p.key, MONDAY, time(7), time(15), "T") for p in people]
    day = cover_day(capability, NEEDS, roster, MONDAY)
    rows = training_demand(HUIS, CATALOG, people, capability, [day], DAY)
    return [(r.employee, r.candidate, r.hours, r.gained) for r in rows]


def test_the_unit_that_lets_someone_free_do_the_medication_round_is_proposed() -> None:
    people = [make_employee(1, credited=["A-W1"]), make_employee(2, authorisations=[MED])]
    assert demand(people) == [(2, "A", 90.0, 1)]


def test_a_unit_without_the_acts_authorisation_adds_no_coverage() -> None:
    people = [make_employee(1, credited=["A-W1"]), make_employee(2)]
    assert demand(people) == []


def test_fewer_hours_for_the_same_coverage_ranks_first() -> None:
    people = [
        make_employee(1, credited=["A-W1"]),
        make_employee(2, authorisations=[MED]),
        make_employee(3, credited=["A-W1", "A-W3"], authorisations=[MED]),
    ]
    assert demand(people) == [(3, "A", 30.0, 1), (2, "A", 90.0, 1)]


def test_someone_whose_move_would_uncover_another_need_gains_nothing() -> None:
    people = [make_employee(1, credited=["A-W1"], authorisations=[MED])]
    assert demand(people) == []


def test_by_candidate_sums_people_hours_and_coverage() -> None:
    people = [
        make_employee(1, credited=["A-W1"]),
        make_employee(2, authorisations=[MED]),
        make_employee(3, credited=["A-W1", "A-W3"], authorisations=[MED]),
    ]
    capability = capability_of(HUIS, people, DAY)
    roster = [RosterShift(p.key, MONDAY, time(7), time(15), "T") for p in people]
    rows = training_demand(
        HUIS, CATALOG, people, capability, [cover_day(capability, NEEDS, roster, MONDAY)], DAY
    )
    (unit,) = by_candidate(rows)
    assert (unit.candidate, unit.people, unit.hours, unit.gained) == ("A", 2, 120.0, 2)


def test_candidates_are_the_units_holding_a_werkproces_some_task_needs() -> None:
    assert [c.code for c in candidates(HUIS, CATALOG)] == ["A", "B", "C"]


def test_an_offered_list_of_candidates_replaces_the_default() -> None:
    people = [make_employee(1, credited=["A-W1"]), make_employee(2, authorisations=[MED])]
    capability = capability_of(HUIS, people, DAY)
    roster = [RosterShift(p.key, MONDAY, time(7), time(15), "T") for p in people]
    day = cover_day(capability, NEEDS, roster, MONDAY)
    offered = [Candidate("CERT", "Medicatie", ("A-W2",))]
    rows = training_demand(HUIS, CATALOG, people, capability, [day], DAY, offered)
    assert [(r.candidate, r.hours, r.tasks) for r in rows] == [("CERT", 30.0, ("MEDS",))]


BBL = study_time(Leerweg.BBL)


def test_a_route_to_a_function_with_a_qualification_plans_to_its_crebo() -> None:
    route = route_to_function(CATALOG, HUIS, "VIG", Holdings(outcomes=("A-W1",)), DAY, BBL)
    assert route.target.code == "Q3"
    assert route.total_hours == pytest.approx(150.0)


def test_a_route_to_a_function_of_werkprocessen_plans_exactly_those() -> None:
    route = route_to_function(CATALOG, HUIS, "HELP", Holdings(outcomes=("A-W1",)), DAY, BBL)
    assert route.target.kind == "function"
    assert [i.missing_outcomes for i in route.items] == [("A-W2",)]
    assert route.total_hours == pytest.approx(30.0)


def test_a_route_to_a_function_of_units_plans_the_whole_units() -> None:
    huis = HUIS.with_function(
        Function("U", "Unit-based", "VVT", 30, units=("B",), werkprocessen=("C-W1",))
    )
    route = route_to_function(CATALOG, huis, "U", Holdings(), DAY, BBL)
    assert [i.code for i in route.items] == ["B", "C"]


def test_a_route_to_an_unknown_function_names_the_closest() -> None:
    with pytest.raises(UnknownFunction):
        route_to_function(CATALOG, HUIS, "VIGG", Holdings(), DAY, BBL)
