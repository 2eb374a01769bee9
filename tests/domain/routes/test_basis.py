"""What a saved route was planned from against what holds now: what changed, and whether
the route's target is held already (opmaat.domain.routes.basis)."""

from __future__ import annotations

import dataclasses

from opmaat.domain.catalog import Catalog, Equivalence
from opmaat.domain.catalog.version import catalog_version
from opmaat.domain.routes import Holdings
from opmaat.domain.routes.basis import (
    Basis,
    HoldingKind,
    basis_document,
    basis_of_document,
    compare_basis,
    target_held,
)

PLANNED = Basis(frozenset({"VMBO-GT"}), frozenset({"NL-2F"}), frozenset(), 0.0, "v1")


def test_nothing_changed_is_not_stale() -> None:
    change = compare_basis(PLANNED, PLANNED, target_held=False)
    assert not change.stale and not change.unknown
    assert (change.added, change.removed, change.elective_hours) == ((), (), None)


def test_a_holding_added_and_an_exemption_removed_are_named_by_kind() -> None:
    now = dataclasses.replace(PLANNED, held=frozenset({"VMBO-GT", "25498"}), exemptions=frozenset())
    change = compare_basis(PLANNED, now, target_held=False)
    assert change.stale
    assert change.added == ((HoldingKind.HELD, "25498"),)
    assert change.removed == ((HoldingKind.EXEMPTION, "NL-2F"),)


def test_the_same_code_moving_from_held_to_exempt_is_a_change_of_both() -> None:
    now = dataclasses.replace(PLANNED, held=frozenset(), exemptions=frozenset({"NL-2F", "VMBO-GT"}))
    change = compare_basis(PLANNED, now, target_held=False)
    assert change.added == ((HoldingKind.EXEMPTION, "VMBO-GT"),)
    assert change.removed == ((HoldingKind.HELD, "VMBO-GT"),)


def test_keuzedeel_hours_changed_say_from_what_to_what() -> None:
    change = compare_basis(
        PLANNED, dataclasses.replace(PLANNED, elective_hours=120), target_held=False
    )
    assert change.stale and change.elective_hours == (0.0, 120)


def test_another_catalog_version_is_a_change() -> None:
    change = compare_basis(PLANNED, dataclasses.replace(PLANNED, catalog="v2"), target_held=False)
    assert change.stale and change.catalog and change.added == ()


def test_an_unknown_catalog_version_is_not_compared() -> None:
    """A route saved before routes recorded the catalog's version says nothing of it."""
    old = dataclasses.replace(PLANNED, catalog="")
    assert not compare_basis(old, PLANNED, target_held=False).stale


def test_a_route_without_a_recorded_basis_is_unknown_not_stale() -> None:
    change = compare_basis(None, PLANNED, target_held=True)
    assert change.unknown and not change.stale and change.target_held


def test_the_target_held_is_said_whether_or_not_anything_else_changed() -> None:
    assert compare_basis(PLANNED, PLANNED, target_held=True).target_held


def test_the_basis_document_reads_back_as_the_same_basis() -> None:
    assert basis_of_document(basis_document(PLANNED)) == PLANNED
    assert basis_of_document({}) is None
    assert basis_of_document(None) is None


def test_the_basis_of_holdings_keeps_every_kind() -> None:
    holdings = Holdings(("VMBO-GT",), ("NL-2F",), ("X-W1",), 30)
    assert Basis.of(holdings, "v") == Basis(
        frozenset({"VMBO-GT"}), frozenset({"NL-2F"}), frozenset({"X-W1"}), 30, "v"
    )


def test_a_diploma_held_is_its_target_held(mz: Catalog) -> None:
    assert target_held(mz, Holdings(codes=("25780",)), "25780")
    assert not target_held(mz, Holdings(codes=("VMBO-GT",)), "25780")


def test_a_code_that_counts_for_the_target_holds_it(mz: Catalog) -> None:
    catalog = Catalog(
        qualifications=mz.qualifications.values(),
        units=mz.units.values(),
        equivalences=[Equivalence("OUD-25780", ("25780",))],
    )
    assert target_held(catalog, Holdings(codes=("OUD-25780",)), "25780")


def test_an_unknown_code_held_counts_for_nothing_but_itself(mz: Catalog) -> None:
    assert not target_held(mz, Holdings(codes=("GEEN-CODE",)), "25780")


def test_the_catalog_version_changes_with_any_fact_and_not_with_order(mz: Catalog) -> None:
    units = list(mz.units.values())
    same = Catalog(qualifications=mz.qualifications.values(), units=reversed(units))
    assert catalog_version(same) == catalog_version(
        Catalog(qualifications=mz.qualifications.values(), units=units)
    )
    first = dataclasses.replace(units[0], hours=units[0].hours + 1)
    changed = Catalog(qualifications=mz.qualifications.values(), units=[first, *units[1:]])
    assert catalog_version(changed) != catalog_version(same)
