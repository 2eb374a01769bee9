"""The gap, werkproces by werkproces: a partly credited unit costs its missing part; a
werkproces in two units is planned once; missing prerequisites join the route."""

from __future__ import annotations

from datetime import date

import pytest

from opmaat.domain.catalog import Catalog, Certificate, Outcome, Prerequisite, Unit
from opmaat.domain.errors import UnknownCode
from opmaat.domain.routes import (
    Holdings,
    Leerweg,
    NotATarget,
    PrerequisiteCycle,
    find_gap,
    plan_route,
    resolve_credit,
    study_time,
    target_of,
)
from tests.domain.routes.factories import make_exam_unit, make_qualification, make_unit
from tests.errors import refused

START = date(2027, 9, 6)
BOL = study_time(Leerweg.BOL)


def test_a_certificate_covering_two_of_three_werkprocessen_leaves_a_partial_unit() -> None:
    catalog = Catalog(
        qualifications=[make_qualification("Q", ("U",))],
        units=[make_unit("U", hours=90, outcomes=3)],
        certificates=[Certificate("CERT", "Two of three", ("U-W1", "U-W3"))],
    )
    route = plan_route(catalog, "Q", Holdings(codes=("CERT",)), START, BOL)
    [unit] = route.partial_units
    assert (unit.code, unit.hours, unit.full_hours) == ("U", 30, 90)
    assert unit.missing_outcomes == ("U-W2",)
    assert route.missing_units == ()


def test_partial_hours_use_explicit_werkproces_hours() -> None:
    unit = Unit("U", "Unit", 3, 100, outcomes=(Outcome("U-W1", "one", 70), Outcome("U-W2", "two")))
    catalog = Catalog(qualifications=[make_qualification("Q", ("U",))], units=[unit])
    route = plan_route(catalog, "Q", Holdings(outcomes=("U-W1",)), START, BOL)
    assert route.partial_units[0].hours == 30


def test_an_exam_unit_costs_the_hours_of_its_werkprocessen() -> None:
    catalog = Catalog(
        qualifications=[make_qualification("Q", ("E1", "E2"))],
        units=[
            make_unit("K", hours=300, outcomes=3),
            make_exam_unit("E1", ("K-W1", "K-W2")),
            make_exam_unit("E2", ("K-W3",)),
        ],
    )
    assert catalog.units["E1"].hours == 200
    route = plan_route(catalog, "Q", Holdings(outcomes=("K-W2",)), START, BOL)
    assert [(i.code, i.hours, i.partial) for i in route.items] == [
        ("E1", 100, True),
        ("E2", 100, False),
    ]


def test_a_werkproces_examined_in_two_units_is_planned_once() -> None:
    catalog = Catalog(
        qualifications=[make_qualification("Q", ("E1", "E2"))],
        units=[
            make_unit("K", hours=300, outcomes=3),
            make_exam_unit("E1", ("K-W1", "K-W2")),
            make_exam_unit("E2", ("K-W2", "K-W3")),
        ],
    )
    route = plan_route(catalog, "Q", Holdings(), START, BOL)
    assert route.total_hours == 300
    assert [i.missing_outcomes for i in route.items] == [("K-W1", "K-W2"), ("K-W3",)]


def test_a_unit_whose_werkprocessen_are_all_credited_is_covered(mz: Catalog) -> None:
    _, requirements = target_of(mz, "25779")
    gap = find_gap(mz, requirements, resolve_credit(mz, Holdings(codes=("25780",))))
    assert "23312-E2" in gap.covered and "23312-E3" in gap.covered
    assert [u.code for u in gap.units] == ["23312-E1", "23312-E4"]
    assert (gap.werkprocessen, gap.credited) == (16, 10)


def test_a_prerequisite_werkproces_outside_the_target_joins_the_route_first() -> None:
    catalog = Catalog(
        units=[make_unit("K", hours=200, outcomes=2)],
        certificates=[Certificate("CERT", "Acts", ("K-W2",))],
        prerequisites=[Prerequisite("K-W2", "K-W1", "reserved acts after basic care")],
    )
    route = plan_route(catalog, "CERT", Holdings(), START, BOL)
    assert [(i.code, i.missing_outcomes, i.for_prerequisite) for i in route.items] == [
        ("K", ("K-W1", "K-W2"), False)
    ]  # the prerequisite joins the unit that is already on the route
    assert route.total_hours == 200


def test_prerequisites_order_units_of_the_cut() -> None:
    catalog = Catalog(
        qualifications=[make_qualification("Q", ("ACTS", "CARE"))],
        units=[
            make_unit("K", hours=200, outcomes=2),
            make_exam_unit("ACTS", ("K-W2",)),
            make_exam_unit("CARE", ("K-W1",)),
        ],
        prerequisites=[Prerequisite("K-W2", "K-W1")],
    )
    route = plan_route(catalog, "Q", Holdings(), START, BOL)
    assert [i.code for i in route.items] == ["CARE", "ACTS"]
    assert route.items[0].end <= route.items[1].start


def test_a_prerequisite_cycle_is_refused_with_the_cycle() -> None:
    catalog = Catalog(
        qualifications=[make_qualification("Q", ("A", "B"))],
        units=[make_unit("A"), make_unit("B")],
        prerequisites=[Prerequisite("A", "B"), Prerequisite("B", "A")],
    )
    with refused(PrerequisiteCycle, "prerequisite_cycle", cycle=("A", "B", "A")):
        plan_route(catalog, "Q", Holdings(), START, BOL)


def test_another_cut_plans_the_same_werkprocessen_in_other_units(mz: Catalog) -> None:
    exam_units = plan_route(mz, "25779", Holdings(), START, BOL)
    kerntaken = plan_route(mz, "25779", Holdings(), START, BOL, cut="kerntaken")
    assert [i.code for i in kerntaken.missing_units] == [
        "23312-B1-K1",
        "23312-B1-K2",
        "23312-P2-K1",
    ]
    assert kerntaken.total_hours == exam_units.total_hours


def test_an_outcome_is_no_target_and_an_unknown_code_is_named(mz: Catalog) -> None:
    with refused(NotATarget, "not_a_target", kind="outcome"):
        plan_route(mz, "23312-B1-K1-W1", Holdings(), START, BOL)
    with pytest.raises(UnknownCode):
        plan_route(mz, "99999", Holdings(), START, BOL)
