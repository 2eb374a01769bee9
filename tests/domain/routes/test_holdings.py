"""What holdings count for: units, outcomes, generic subjects and elective hours."""

from __future__ import annotations

import pytest

from opmaat.domain.catalog import Catalog, Equivalence
from opmaat.domain.errors import UnknownCode
from opmaat.domain.routes import Holdings, resolve_credit
from tests.domain.routes.factories import make_unit


def test_a_diploma_counts_for_its_units_outcomes_generic_subjects_and_electives(
    mz: Catalog,
) -> None:
    credit = resolve_credit(mz, Holdings(codes=("25475",)))
    assert {"23181-B1-K1", "23181-P1-K1", "NL-2F", "REK-2F", "LB"} <= credit.units
    assert "23181-B1-K1-W7" in credit.outcomes
    assert credit.elective_hours == 480


def test_elective_hours_take_the_most_of_any_diploma_plus_those_stated(mz: Catalog) -> None:
    credit = resolve_credit(mz, Holdings(codes=("25475", "25477"), elective_hours=60))
    assert credit.elective_hours == 720 + 60


def test_a_certificate_counts_for_the_outcomes_it_covers(mz: Catalog) -> None:
    credit = resolve_credit(mz, Holdings(codes=("CERT-B1-K1-PART",)))
    assert credit.outcomes == {"23181-B1-K1-W1", "23181-B1-K1-W2"}
    assert not credit.covers(mz, "23181-B1-K1")


def test_nederlands_3f_counts_for_2f_through_an_equivalence(mz: Catalog) -> None:
    credit = resolve_credit(mz, Holdings(exemptions=("NL-3F",)))
    assert credit.covers(mz, "NL-2F")
    assert not credit.covers(mz, "REK-2F")


def test_equivalences_apply_transitively_and_survive_a_cycle() -> None:
    catalog = Catalog(
        units=[make_unit("A"), make_unit("B"), make_unit("C")],
        equivalences=[
            Equivalence("OLD-DIPLOMA", ("A",)),
            Equivalence("A", ("B",)),
            Equivalence("B", ("A", "C")),
        ],
    )
    credit = resolve_credit(catalog, Holdings(codes=("old-diploma",)))
    assert {"A", "B", "C"} <= credit.units


def test_codes_are_matched_without_regard_to_case(mz: Catalog) -> None:
    credit = resolve_credit(mz, Holdings(outcomes=("23181-b1-k2-w1",)))
    assert credit.outcomes == {"23181-B1-K2-W1"}


def test_an_unknown_code_names_the_closest_codes(mz: Catalog) -> None:
    with pytest.raises(UnknownCode) as raised:
        resolve_credit(mz, Holdings(codes=("25747",)))
    assert raised.value.value == "25747"
    assert "25477" in raised.value.closest
    assert "closest: " in str(raised.value)
