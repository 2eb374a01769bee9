"""Ordering units by prerequisite (Kahn's algorithm with a stable tie-break)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from opmaat.domain.catalog import Catalog, Prerequisite
from opmaat.domain.leerweg import Leerweg
from opmaat.domain.routes import (
    Holdings,
    PrerequisiteCycle,
    order_by_prerequisites,
    plan_route,
    study_time,
)
from tests.domain.routes.factories import make_exam_unit, make_qualification, make_unit


def requires_from(edges: dict[str, tuple[str, ...]]) -> Callable[[str], tuple[str, ...]]:
    return lambda code: edges.get(code, ())


def test_without_prerequisites_the_target_order_is_kept() -> None:
    assert order_by_prerequisites(["B1", "B2", "P1"], requires_from({})) == ["B1", "B2", "P1"]


def test_a_unit_moves_after_what_it_requires_and_no_further() -> None:
    order = order_by_prerequisites(["A", "B", "C", "D"], requires_from({"A": ("C",)}))
    assert order == ["B", "C", "A", "D"]


def test_requirements_outside_the_route_are_ignored() -> None:
    assert order_by_prerequisites(["A"], requires_from({"A": ("HELD",)})) == ["A"]


def test_a_cycle_is_named() -> None:
    with pytest.raises(PrerequisiteCycle) as raised:
        order_by_prerequisites(["A", "B", "C"], requires_from({"A": ("B",), "B": ("A",)}))
    assert raised.value.cycle == ("A", "B", "A")
    assert raised.value.code == "prerequisite_cycle"


def test_a_units_own_rule_holds_when_an_exam_unit_ties_the_others_in_a_ring() -> None:
    """Found by the ordering property: E1 holds U0-W1 (which U1 needs) and U3-W1 (which
    needs U2), so lifted onto units U2 → U1 → E1 → U2 is a ring. The ring is broken at its
    lifted links; U2's own rule, U1 first, still holds."""
    units = [
        make_unit("U0", outcomes=1),
        make_unit("U1", outcomes=1),
        make_unit("U2", outcomes=1),
        make_unit("U3", outcomes=1),
        make_exam_unit("E1", ("U0-W1", "U3-W1")),
    ]
    catalog = Catalog(
        qualifications=[make_qualification("Q", ("U2", "E1", "U1"))],
        units=units,
        prerequisites=[
            Prerequisite("U1", "U0"),
            Prerequisite("U2", "U1"),
            Prerequisite("U3", "U2"),
        ],
    )
    route = plan_route(catalog, "Q", Holdings(), date(2025, 1, 1), study_time(Leerweg.BOL))
    order = [item.code for item in route.items if item.track.value == "vocational"]
    assert order.index("U1") < order.index("U2")
