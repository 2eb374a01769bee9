"""What holdings count for: werkprocessen, whole units, generic subjects, keuzedeel hours."""

from __future__ import annotations

import pytest

from opmaat.domain.catalog import Catalog, Equivalence
from opmaat.domain.errors import UnknownCode
from opmaat.domain.routes import Holdings, resolve_credit
from tests.domain.routes.factories import make_unit


def test_a_diploma_counts_for_its_werkprocessen_generic_subjects_and_keuzedelen(
    mz: Catalog,
) -> None:
    credit = resolve_credit(mz, Holdings(codes=("25780",)))
    assert {"23312-B1-K1", "23312-P1-K1", "NL-2F", "REK-3", "LB"} <= credit.units
    assert "23312-B1-K1-W8" in credit.outcomes
    assert credit.electives_for(3) == 720


def test_a_diplomas_keuzedelen_do_not_count_for_a_higher_level(mz: Catalog) -> None:
    """MBO Utrecht examenreglement art. 2.3: no exemption for a keuzedeel examined at a
    lower level."""
    credit = resolve_credit(mz, Holdings(codes=("25780",), elective_hours=60))
    assert credit.electives_for(4) == 60
    assert credit.electives_for(3) == 720 + 60


def test_a_shared_basisdeel_counts_in_every_qualification_of_the_dossier(mz: Catalog) -> None:
    credit = resolve_credit(mz, Holdings(codes=("25780",)))
    assert credit.covers(mz, "23312-E2")  # an exam unit of 25779 within the basisdeel
    assert not credit.covers(mz, "23312-E1")  # it also holds a 25779 profile werkproces


def test_a_certificate_counts_for_the_werkprocessen_it_covers(mz: Catalog) -> None:
    credit = resolve_credit(mz, Holdings(codes=("C-P2",)))
    assert credit.outcomes == {"23312-P2-K1-W2", "23312-P2-K1-W3"}
    assert not credit.covers(mz, "23312-E4")


def test_an_older_dossiers_werkprocessen_count_for_the_new_ones(mz: Catalog) -> None:
    credit = resolve_credit(mz, Holdings(exemptions=("OLD-B1-K1",)))
    assert {f"23312-B1-K1-W{i}" for i in range(1, 8)} <= credit.outcomes
    assert "23312-B1-K1-W8" not in credit.outcomes


def test_prior_education_counts_through_the_equivalence_table(mz: Catalog) -> None:
    credit = resolve_credit(mz, Holdings(codes=("HAVO",)))
    assert {"NL-3F", "NL-2F", "REK-4", "REK-3", "REK-2", "EN-B1"} <= credit.units
    assert "HAVO" not in credit.units


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
    credit = resolve_credit(mz, Holdings(outcomes=("23312-b1-k2-w1",)))
    assert credit.outcomes == {"23312-B1-K2-W1"}


def test_an_unknown_code_names_the_closest_codes(mz: Catalog) -> None:
    with pytest.raises(UnknownCode) as raised:
        resolve_credit(mz, Holdings(codes=("25797",)))
    assert raised.value.value == "25797"
    assert "25779" in raised.value.closest
    assert raised.value.message_key == "unknown_code.closest"
