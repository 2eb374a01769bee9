"""Edges of the planner: elective units, the keuzedeel block, generic levels, weeks that
are no weeks, and targets that are no targets."""

from __future__ import annotations

from datetime import date

from opmaat.domain.catalog import Catalog, Equivalence, UnitKind
from opmaat.domain.errors import InvalidInput
from opmaat.domain.routes import (
    ELECTIVE_BLOCK,
    Holdings,
    Leerweg,
    NotATarget,
    plan_route,
    reach,
    study_time,
)
from tests.domain.routes.factories import (
    LEVEL_3_GENERIC,
    generic_units,
    level_equivalences,
    make_qualification,
    make_unit,
)
from tests.errors import refused

START = date(2027, 9, 6)
BOL = study_time(Leerweg.BOL)


def small_catalog() -> Catalog:
    """One level-3 qualification of two units and 480 keuzedeel hours (240 on a shortened
    route), an elective unit, a unit that carries a certificate of its own, and an old code
    counting for unit A."""
    return Catalog(
        qualifications=[
            make_qualification(
                "Q",
                ("A", "B"),
                3,
                LEVEL_3_GENERIC,
                480,
                nominal_years=1,
                elective_hours_shortened=240,
            )
        ],
        units=[
            make_unit("A", hours=100),
            make_unit("B", hours=200),
            make_unit("E", hours=240, outcomes=0, kind=UnitKind.ELECTIVE),
            make_unit("C", hours=60, carries_certificate=True),
            *generic_units(),
        ],
        equivalences=[
            *level_equivalences(),
            Equivalence("OLD-123", ("A",), source_name="Old diploma"),
        ],
    )


def test_holding_nederlands_3f_leaves_no_nederlands_2f_in_a_level_3_route() -> None:
    route = plan_route(small_catalog(), "Q", Holdings(exemptions=("NL-3F",)), START, BOL)
    assert "NL-2F" not in [i.code for i in route.items]
    assert "NL-2F" in route.covered_units
    assert "REK-3" in [i.code for i in route.generic_missing]


def test_rekenen_at_level_2_does_not_count_for_level_3() -> None:
    route = plan_route(small_catalog(), "Q", Holdings(exemptions=("REK-2",)), START, BOL)
    assert "REK-3" in [i.code for i in route.generic_missing]


def test_an_old_code_counts_through_the_equivalence_table() -> None:
    route = plan_route(small_catalog(), "Q", Holdings(codes=("old-123",)), START, BOL)
    assert "A" in route.covered_units
    assert [i.code for i in route.missing_units] == ["B"]


def test_an_old_code_is_not_a_target() -> None:
    with refused(NotATarget, "not_a_target", kind="equivalence"):
        plan_route(small_catalog(), "OLD-123", Holdings(), START, BOL)


def test_missing_keuzedeel_hours_form_one_block_alongside() -> None:
    slow = study_time(Leerweg.DERDE, 10)  # not shortened: the full 480 hours
    route = plan_route(small_catalog(), "Q", Holdings(elective_hours=100), START, slow)
    block = route.items[-1]
    assert (block.code, block.kind, block.track.value) == (ELECTIVE_BLOCK, "elective", "elective")
    assert block.hours == 380
    assert block.start == START


def test_a_shortened_route_carries_the_lower_keuzedeel_obligation() -> None:
    held = Holdings(exemptions=("A", "B"))
    route = plan_route(small_catalog(), "Q", held, START, BOL)
    assert route.electives.reduced
    assert route.elective_hours_missing == 240
    assert route.electives.rule == "rule for a shortened route"


def test_a_full_route_keeps_the_full_keuzedeel_obligation() -> None:
    route = plan_route(small_catalog(), "Q", Holdings(), START, study_time(Leerweg.DERDE, 10))
    assert not route.electives.reduced
    assert route.elective_hours_missing == 480


def test_enough_elective_hours_leave_no_block() -> None:
    held = Holdings(codes=("E",), elective_hours=240)
    route = plan_route(small_catalog(), "Q", held, START, BOL)
    assert ELECTIVE_BLOCK not in [i.code for i in route.items]


def test_loopbaan_en_burgerschap_is_an_obligation_alongside_the_route() -> None:
    route = plan_route(small_catalog(), "Q", Holdings(), START, BOL)
    [lb] = [i for i in route.items if i.code == "LB"]
    assert lb.obligation and not lb.exam_only
    assert (lb.start, lb.end) == (START, route.completion_date)
    assert 0 < lb.hours < 80


def test_reach_offers_units_that_carry_a_certificate_and_no_other_units() -> None:
    codes = [o.code for o in reach(small_catalog(), Holdings(), 60, START, BOL)]
    assert "C" in codes
    assert "A" not in codes and "E" not in codes


def test_generic_subjects_need_school_or_study_hours() -> None:
    only_work = study_time(Leerweg.DERDE, study_hours=0, work_hours=20)
    with refused(InvalidInput, "needs_study_hours"):
        plan_route(small_catalog(), "Q", Holdings(), START, only_work)
