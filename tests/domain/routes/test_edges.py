"""Edges of the planner: old diplomas, elective units, the elective block, certificate
units in reach, generic units in the scan, and a pace that is not a pace."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from opmaat.domain.catalog import Catalog, Equivalence, UnitKind
from opmaat.domain.errors import InvalidInput
from opmaat.domain.routes import ELECTIVE_BLOCK, Holdings, NotATarget, plan_route, reach
from opmaat.domain.routes.scan import UnitMatrix
from tests.domain.routes.factories import (
    LEVEL_3_GENERIC,
    generic_units,
    level_equivalences,
    make_qualification,
    make_unit,
)

START = date(2027, 1, 4)


def small_catalog() -> Catalog:
    """One level-3 qualification of two units and 480 elective hours, an elective unit, a
    unit that carries a certificate of its own, and an old diploma counting for unit A."""
    return Catalog(
        qualifications=[
            make_qualification("Q", ("A", "B"), 3, LEVEL_3_GENERIC, elective_hours=480)
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
    route = plan_route(small_catalog(), "Q", Holdings(exemptions=("NL-3F",)), START, 20)
    assert "NL-2F" not in [i.code for i in route.items]
    assert "NL-2F" in route.covered_units
    assert "REK-2F" in [i.code for i in route.generic_missing]


def test_an_old_diploma_counts_through_the_equivalence_table() -> None:
    route = plan_route(small_catalog(), "Q", Holdings(codes=("old-123",)), START, 20)
    assert "A" in route.covered_units
    assert [i.code for i in route.missing_units] == ["B"]


def test_an_old_diploma_is_not_a_target() -> None:
    with pytest.raises(NotATarget, match="prior diploma"):
        plan_route(small_catalog(), "OLD-123", Holdings(), START, 20)


def test_missing_elective_hours_form_one_block_at_the_end() -> None:
    route = plan_route(small_catalog(), "Q", Holdings(codes=("E",)), START, 20)
    block = route.items[-1]
    assert (block.code, block.title, block.kind) == (ELECTIVE_BLOCK, "Keuzedelen", "elective")
    assert block.hours == route.elective_hours_missing == 480 - 240
    assert block not in route.missing_units


def test_enough_elective_hours_leave_no_block() -> None:
    route = plan_route(small_catalog(), "Q", Holdings(elective_hours=500), START, 20)
    assert ELECTIVE_BLOCK not in [i.code for i in route.items]
    assert route.elective_hours_missing == 0


def test_reach_offers_units_that_carry_a_certificate_and_no_other_units() -> None:
    codes = [o.code for o in reach(small_catalog(), Holdings(), 120, START, 20)]
    assert "C" in codes
    assert not {"A", "B", "E"} & set(codes)


@pytest.mark.parametrize("pace", [0.0, -1.0])
def test_a_route_needs_a_pace_above_zero(pace: float) -> None:
    with pytest.raises(InvalidInput):
        plan_route(small_catalog(), "Q", Holdings(), START, pace)


def test_reach_needs_a_pace_above_zero() -> None:
    with pytest.raises(InvalidInput):
        reach(small_catalog(), Holdings(), 12, START, 0.0)


def test_the_scan_counts_the_generic_units_a_qualification_needs() -> None:
    catalog = small_catalog()
    matrix = UnitMatrix.from_catalog(catalog, ["Q"])
    needed = {code for code, r in zip(matrix.unit_codes, matrix.required[0], strict=True) if r}
    assert needed == {"A", "B", "NL-2F", "REK-2F", "LB"}
    nothing = np.zeros((1, len(matrix.unit_codes)), dtype=np.float32)
    assert matrix.remaining_hours(nothing)[0, 0] == pytest.approx(100 + 200 + 3 * 40)
