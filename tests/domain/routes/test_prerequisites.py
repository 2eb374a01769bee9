"""Ordering units by prerequisite (Kahn's algorithm with a stable tie-break)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from opmaat.domain.routes import PrerequisiteCycle, order_by_prerequisites


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
