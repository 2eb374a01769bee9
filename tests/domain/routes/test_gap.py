"""The gap: missing units, partial units, prerequisites added to the route."""

from __future__ import annotations

from datetime import date

import pytest

from opmaat.domain.catalog import Catalog, Certificate, Outcome, Prerequisite, Unit
from opmaat.domain.errors import UnknownCode
from opmaat.domain.routes import Holdings, NotATarget, PrerequisiteCycle, plan_route
from tests.domain.routes.factories import make_qualification, make_unit

START = date(2027, 1, 4)


def test_a_certificate_covering_two_of_three_outcomes_leaves_a_partial_unit() -> None:
    catalog = Catalog(
        qualifications=[make_qualification("Q", ("U",))],
        units=[make_unit("U", hours=90, outcomes=3)],
        certificates=[Certificate("CERT", "Two of three", ("U-W1", "U-W3"))],
    )
    route = plan_route(catalog, "Q", Holdings(codes=("CERT",)), START, 10)
    [unit] = route.partial_units
    assert (unit.code, unit.hours, unit.full_hours) == ("U", 30, 90)
    assert unit.missing_outcomes == ("U-W2",)
    assert route.missing_units == ()


def test_partial_hours_use_explicit_outcome_hours() -> None:
    unit = Unit(
        "U", "Unit", 3, 100, outcomes=(Outcome("U-W1", "a", hours=70), Outcome("U-W2", "b"))
    )
    catalog = Catalog(units=[unit])
    route = plan_route(catalog, "U", Holdings(outcomes=("U-W1",)), START, 10)
    assert route.partial_units[0].hours == 30


def test_a_missing_prerequisite_joins_the_route_before_its_unit() -> None:
    catalog = Catalog(
        qualifications=[make_qualification("Q", ("B",))],
        units=[make_unit("A"), make_unit("B"), make_unit("P")],
        prerequisites=[Prerequisite("B", "A"), Prerequisite("A", "P")],
    )
    route = plan_route(catalog, "Q", Holdings(), START, 10)
    assert [(i.code, i.for_prerequisite) for i in route.items] == [
        ("P", True),
        ("A", True),
        ("B", False),
    ]


def test_a_held_prerequisite_is_not_added() -> None:
    catalog = Catalog(
        units=[make_unit("A"), make_unit("B")], prerequisites=[Prerequisite("B", "A")]
    )
    route = plan_route(catalog, "B", Holdings(codes=("A",)), START, 10)
    assert [i.code for i in route.items] == ["B"]


def test_a_certificate_target_needs_only_what_it_covers(mz: Catalog) -> None:
    route = plan_route(mz, "CERT-B1-K1-PART", Holdings(outcomes=("23181-B1-K1-W1",)), START, 10)
    [unit] = route.partial_units
    assert unit.missing_outcomes == ("23181-B1-K1-W2",)
    assert unit.full_hours == 200
    assert route.target.kind == "certificate"
    assert route.target.level == 3


def test_an_outcome_is_not_a_target(mz: Catalog) -> None:
    with pytest.raises(NotATarget, match="learning outcome"):
        plan_route(mz, "23181-B1-K1-W1", Holdings(), START, 10)


def test_a_prerequisite_cycle_in_the_route_is_named() -> None:
    catalog = Catalog(
        qualifications=[make_qualification("Q", ("A", "B"))],
        units=[make_unit("A"), make_unit("B")],
        prerequisites=[Prerequisite("A", "B"), Prerequisite("B", "A")],
    )
    with pytest.raises(PrerequisiteCycle, match="A requires B requires A"):
        plan_route(catalog, "Q", Holdings(), START, 10)


def test_a_unit_of_no_outcomes_is_needed_whole_until_held() -> None:
    catalog = Catalog(units=[make_unit("U", hours=50, outcomes=0)])
    assert plan_route(catalog, "U", Holdings(), START, 10).total_hours == 50
    assert plan_route(catalog, "U", Holdings(exemptions=("U",)), START, 10).items == ()


def test_an_unknown_target_names_the_closest_codes(mz: Catalog) -> None:
    with pytest.raises(UnknownCode, match=r"unknown code '25747'; closest: .*25477"):
        plan_route(mz, "25747", Holdings(), START, 10)
