"""A unit is complete exactly when every outcome is met by a result or a holding; a
diploma exactly when every unit, every generic subject and the elective hours are done."""

from __future__ import annotations

from datetime import date

import pytest

from opmaat.domain.catalog import Catalog, Certificate
from opmaat.domain.credentials.completion import (
    Basis,
    HoldingFact,
    MetResult,
    Record,
    certificate_check,
    certificate_checks,
    diploma_check,
    unit_completion,
)
from opmaat.domain.credentials.errors import NotIssuable
from tests.domain.routes.factories import (
    LEVEL_3_GENERIC,
    generic_units,
    level_equivalences,
    make_qualification,
    make_unit,
)

DAY = date(2027, 3, 1)


@pytest.fixture
def catalog() -> Catalog:
    return Catalog(
        qualifications=[
            make_qualification("Q3", ("A", "B"), generic=LEVEL_3_GENERIC, elective_hours=240),
        ],
        units=[
            make_unit("A", outcomes=3),
            make_unit("B", outcomes=2, carries_certificate=True),
            make_unit("C", outcomes=2, carries_certificate=True),
            *generic_units(),
        ],
        certificates=[
            Certificate("CERT-C", "Certificaat C", ("C",)),
            Certificate("CERT-A12", "Deel van A", ("A-W1", "A-W2")),
        ],
        equivalences=level_equivalences(),
    )


def met(*codes: str) -> tuple[MetResult, ...]:
    return tuple(MetResult(code, DAY) for code in codes)


def test_a_unit_is_incomplete_while_one_outcome_lacks_a_result(catalog: Catalog) -> None:
    status = unit_completion(catalog, "A", Record(met=met("A-W1", "A-W2")))
    assert not status.complete
    assert status.missing == ("A-W3",)


def test_a_unit_is_complete_when_every_outcome_has_a_result(catalog: Catalog) -> None:
    status = unit_completion(catalog, "A", Record(met=met("A-W1", "A-W2", "A-W3")))
    assert status.complete and status.missing == ()
    assert status.completed_on == DAY


def test_results_and_holdings_together_complete_a_unit(catalog: Catalog) -> None:
    record = Record(
        holdings=(HoldingFact("A-W1", Basis.OUTCOME, "EVC-rapport"),),
        met=met("A-W2", "A-W3"),
    )
    status = unit_completion(catalog, "A", record)
    assert status.complete
    assert status.part().basis == "mixed"
    assert "leerresultaat erkend A-W1 (EVC-rapport)" in status.part().detail


def test_an_exempted_unit_is_complete_with_its_grounds(catalog: Catalog) -> None:
    record = Record(holdings=(HoldingFact("A", Basis.EXEMPTION, "EVC 2026-11"),))
    status = unit_completion(catalog, "A", record)
    assert status.complete
    assert status.part().basis == "exemption"
    assert status.part().detail == "vrijstelling A (EVC 2026-11)"


def test_a_not_met_result_is_simply_absent_from_the_record(catalog: Catalog) -> None:
    assert not unit_completion(catalog, "B", Record(met=met("B-W1"))).complete


def test_a_catalog_certificate_over_one_unit_replaces_the_units_own(catalog: Catalog) -> None:
    codes = [c.target.code for c in certificate_checks(catalog, Record())]
    assert codes == ["CERT-C", "CERT-A12", "B"]


def test_a_certificate_over_outcomes_needs_only_those(catalog: Catalog) -> None:
    check = certificate_check(catalog, "CERT-A12", Record(met=met("A-W1", "A-W2")))
    assert check.complete and check.issuable
    assert not certificate_check(catalog, "CERT-A12", Record(met=met("A-W1"))).complete


def test_a_certificate_already_held_is_not_issued_again(catalog: Catalog) -> None:
    record = Record(holdings=(HoldingFact("CERT-C", Basis.HELD),))
    check = certificate_check(catalog, "CERT-C", record)
    assert check.complete and not check.issuable


def test_a_code_that_carries_no_certificate_is_not_issuable(catalog: Catalog) -> None:
    with pytest.raises(NotIssuable):
        certificate_check(catalog, "A", Record())


FULL = Record(
    holdings=(
        HoldingFact("A", Basis.EXEMPTION, "EVC-rapport 12"),
        HoldingFact("NL-2F", Basis.EXEMPTION, "havodiploma"),
        HoldingFact("B", Basis.HELD, "urn:uuid:1"),
    ),
    met=met("REK-2F", "LB"),
    elective_hours=240,
)


def test_a_diploma_is_complete_with_units_generic_subjects_and_electives(catalog: Catalog) -> None:
    check = diploma_check(catalog, "Q3", FULL)
    assert check.complete and check.missing == ()
    parts = {p.code: (p.basis, p.detail) for p in check.parts()}
    assert parts["A"] == ("exemption", "vrijstelling A (EVC-rapport 12)")
    assert parts["NL-2F"] == ("exemption", "vrijstelling NL-2F (havodiploma)")
    assert parts["REK-2F"] == ("result", "resultaat 2027-03-01")
    assert parts["KEUZEDELEN"] == ("hours", "240 van 240 uur")


@pytest.mark.parametrize(
    ("change", "missing"),
    [
        (Record(FULL.holdings[1:], FULL.met, 240), ("A",)),
        (Record(FULL.holdings, met("LB"), 240), ("REK-2F",)),
        (Record(FULL.holdings, FULL.met, 200), ("keuzedelen: nog 40 uur",)),
    ],
)
def test_a_diploma_lacks_exactly_what_is_missing(
    catalog: Catalog, change: Record, missing: tuple[str, ...]
) -> None:
    check = diploma_check(catalog, "Q3", change)
    assert not check.complete
    assert check.missing == missing


def test_a_higher_generic_level_counts_for_the_lower(catalog: Catalog) -> None:
    record = Record(FULL.holdings, met("REK-3F", "LB"), 240)
    assert diploma_check(catalog, "Q3", record).complete


def test_an_unknown_qualification_is_not_issuable(catalog: Catalog) -> None:
    with pytest.raises(NotIssuable):
        diploma_check(catalog, "99999", FULL)


def test_an_open_part_says_what_is_missing(catalog: Catalog) -> None:
    parts = {p.code: p for p in diploma_check(catalog, "Q3", Record(met=met("A-W1"))).parts()}
    assert parts["A"].basis == "" and parts["A"].detail == "nog open: A-W2, A-W3"
    assert parts["NL-2F"].basis == "" and parts["NL-2F"].detail == "nog open: NL-2F"
