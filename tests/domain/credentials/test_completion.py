"""A unit is complete exactly when every werkproces is met by a result or a holding; a
certificate when every werkproces it covers is; a diploma exactly when every werkproces of
the qualification (each once, whatever the cut), every generic subject and the keuzedeel
hours are done."""

from __future__ import annotations

from datetime import date

import pytest

from opmaat.domain.catalog import Catalog, Certificate, Equivalence
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
    LEVEL_4_GENERIC,
    generic_units,
    level_equivalences,
    make_exam_unit,
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
    met=met("REK-3", "LB"),
    elective_hours=240,
)


def test_a_diploma_is_complete_with_units_generic_subjects_and_electives(catalog: Catalog) -> None:
    check = diploma_check(catalog, "Q3", FULL)
    assert check.complete and check.missing == ()
    parts = {p.code: (p.basis, p.detail) for p in check.parts()}
    assert parts["A"] == ("exemption", "vrijstelling A (EVC-rapport 12)")
    assert parts["NL-2F"] == ("exemption", "vrijstelling NL-2F (havodiploma)")
    assert parts["REK-3"] == ("result", "resultaat 2027-03-01")
    assert parts["KEUZEDELEN"] == ("hours", "240 van 240 uur")


@pytest.mark.parametrize(
    ("change", "missing"),
    [
        (Record(FULL.holdings[1:], FULL.met, 240), ("A-W1", "A-W2", "A-W3")),
        (Record(FULL.holdings, met("LB"), 240), ("REK-3",)),
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
    record = Record(FULL.holdings, met("REK-4", "LB"), 240)
    assert diploma_check(catalog, "Q3", record).complete


def test_an_unknown_qualification_is_not_issuable(catalog: Catalog) -> None:
    with pytest.raises(NotIssuable):
        diploma_check(catalog, "99999", FULL)


def test_an_open_diploma_counts_its_werkprocessen(catalog: Catalog) -> None:
    check = diploma_check(catalog, "Q3", Record(FULL.holdings[1:], FULL.met, 240))
    assert (check.credited, len(check.werkprocessen)) == (2, 5)


def test_an_open_part_says_what_is_missing(catalog: Catalog) -> None:
    parts = {p.code: p for p in diploma_check(catalog, "Q3", Record(met=met("A-W1"))).parts()}
    assert parts["A"].basis == "" and parts["A"].detail == "nog open: A-W2, A-W3"
    assert parts["NL-2F"].basis == "" and parts["NL-2F"].detail == "nog open: NL-2F"


# Werkprocessen as the grain: exam units that refer to werkprocessen of a kerntaak ---------

VIG = Catalog(
    qualifications=[
        make_qualification(
            "VIG", ("VIG-1", "VIG-2", "VIG-3"), generic=LEVEL_3_GENERIC, elective_hours=480
        ),
        make_qualification("VP", ("VP-1",), level=4, generic=LEVEL_4_GENERIC, elective_hours=720),
        make_qualification("OLD", ("OLD-K1",), superseded_by=("VIG",)),
    ],
    units=[
        make_unit("K1", hours=400, outcomes=4),  # the kerntaak defines K1-W1..W4
        make_exam_unit("VIG-1", ("K1-W1", "K1-W2")),
        make_exam_unit("VIG-2", ("K1-W2", "K1-W3")),  # K1-W2 is examined in two units
        make_exam_unit("VIG-3", ("K1-W4",)),
        make_unit("VP-K1", hours=300, outcomes=3, level=4),
        make_exam_unit("VP-1", ("VP-K1-W1", "VP-K1-W2", "VP-K1-W3"), level=4),
        make_unit("OLD-K1", hours=300, outcomes=2),
        *generic_units(),
    ],
    certificates=[Certificate("C-BASIS", "Basis", ("K1-W1", "K1-W2"), level=3)],
    equivalences=[
        *level_equivalences(),
        Equivalence("OLD-K1-W1", ("K1-W1",), note="older dossier, same werkproces"),
        Equivalence("CERT-RETIRED", ("K1-W2",), note="a certificate's retired code"),
    ],
)
GENERIC_DONE = (
    HoldingFact("NL-2F", Basis.EXEMPTION, "mavo"),
    HoldingFact("REK-3", Basis.EXEMPTION, "mavo"),
    HoldingFact("LB", Basis.EXEMPTION, "mavo"),
)


def test_a_werkproces_in_two_exam_units_counts_once() -> None:
    check = diploma_check(VIG, "VIG", Record(met=met("K1-W1", "K1-W2", "K1-W3")))
    assert [w.code for w in check.werkprocessen] == ["K1-W1", "K1-W2", "K1-W3", "K1-W4"]
    assert check.credited == 3
    assert check.missing[0] == "K1-W4"  # and K1-W2 is not listed twice or asked again


def test_one_result_completes_every_exam_unit_that_examines_the_werkproces() -> None:
    record = Record(met=met("K1-W1", "K1-W3"))
    assert not unit_completion(VIG, "VIG-1", record).complete
    assert not unit_completion(VIG, "VIG-2", record).complete
    record = Record(met=met("K1-W1", "K1-W3", "K1-W2"))
    assert unit_completion(VIG, "VIG-1", record).complete
    assert unit_completion(VIG, "VIG-2", record).complete


def test_a_diploma_counts_werkprocessen_whatever_cut_credited_them() -> None:
    """The kerntaak K1 exempted whole credits every exam unit made of its werkprocessen."""
    record = Record((HoldingFact("K1", Basis.EXEMPTION, "EVC"), *GENERIC_DONE), elective_hours=480)
    check = diploma_check(VIG, "VIG", record)
    assert check.complete
    parts = {p.code: p.detail for p in check.parts()}
    assert parts["VIG-2"] == "K1-W2: vrijstelling K1 (EVC); K1-W3: vrijstelling K1 (EVC)"


def test_a_certificate_is_completed_through_an_equivalence() -> None:
    """An older dossier's werkproces and a certificate held under its retired code count
    for the current werkprocessen they map to."""
    record = Record(
        holdings=(
            HoldingFact("OLD-K1-W1", Basis.OUTCOME, "EVC 2019"),
            HoldingFact("CERT-RETIRED", Basis.HELD),
        )
    )
    check = certificate_check(VIG, "C-BASIS", record)
    assert check.complete and check.issuable
    details = {p.code: (p.basis, p.detail) for p in check.parts()}
    assert details == {
        "K1-W1": ("outcome", "leerresultaat erkend OLD-K1-W1 (EVC 2019)"),
        "K1-W2": ("held", "behaald CERT-RETIRED"),
    }


def test_a_result_under_an_older_werkproces_code_counts_for_the_current_one() -> None:
    record = Record(met=met("OLD-K1-W1", "K1-W2"))
    assert certificate_check(VIG, "C-BASIS", record).complete


def test_an_open_certificate_lists_the_werkprocessen_still_open() -> None:
    check = certificate_check(VIG, "C-BASIS", Record(met=met("K1-W2")))
    assert not check.complete and check.started
    assert check.missing == ("K1-W1",)


def test_keuzedelen_of_a_lower_level_diploma_do_not_count_for_a_higher_diploma() -> None:
    """MBO Utrecht examenreglement art. 2.3: no exemption for a keuzedeel examined at a
    lower level; the VIG diploma's 480 hours count for another level-3 diploma, not for VP."""
    record = Record(
        holdings=(
            HoldingFact("VIG", Basis.HELD),
            HoldingFact("VP-K1", Basis.EXEMPTION, "EVC"),
            *(HoldingFact(g, Basis.EXEMPTION, "havo") for g in ("NL-3F", "REK-4", "EN-B1")),
        )
    )
    vp = diploma_check(VIG, "VP", record)
    assert vp.elective_done == 0 and vp.missing == ("keuzedelen: nog 720 uur",)
    assert diploma_check(VIG, "VIG", record).elective_done == 480


def test_keuzedeel_hours_recorded_count_for_any_level() -> None:
    record = Record((HoldingFact("VIG", Basis.HELD),), elective_hours=240)
    assert diploma_check(VIG, "VP", record).elective_done == 240
    assert diploma_check(VIG, "VIG", record).elective_done == 720
