"""What judgements recognise, the ervaringscertificaat, and what the exam board may grant."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opmaat.catalog_files import default_catalog_path, read_catalog
from opmaat.domain.catalog import Catalog, Qualification, Unit
from opmaat.domain.errors import InvalidInput
from opmaat.domain.recognition.assessment import (
    Judgement,
    Recognition,
    Scope,
    check_outcomes,
    check_scope,
    recognise,
)
from opmaat.domain.recognition.certificate import (
    Ervaringscertificaat,
    certificate_document,
    certificate_from_document,
    check_grant,
    draw_up,
)

CATALOG: Catalog = read_catalog(default_catalog_path())
BLANK = Unit("10000-BC", "Beroepsgericht deel", 2, 1000)
MZ3 = check_scope(CATALOG, "25475", [])
OUTCOMES = MZ3.outcomes(CATALOG)


def judged(result: Judgement, codes: list[str] | tuple[str, ...]) -> dict[str, Judgement]:
    return dict.fromkeys(codes, result)


def test_the_scope_is_every_unit_of_the_standard_when_none_is_chosen() -> None:
    assert Scope("25475", ("23181-B1-K1", "23181-B1-K2", "23181-P1-K1")) == MZ3


def test_a_unit_of_another_qualification_is_not_in_scope() -> None:
    with pytest.raises(InvalidInput, match="not a unit of 25475"):
        check_scope(CATALOG, "25475", ["23181-P3-K1"])


def test_evc_is_judged_against_a_qualification_not_a_unit() -> None:
    with pytest.raises(InvalidInput, match="not a qualification"):
        check_scope(CATALOG, "23181-B1-K1", [])


def test_a_qualification_whose_structure_is_unknown_cannot_be_judged() -> None:
    catalog = Catalog([Qualification("10000", "Onbekend", 2, 1, ("10000-BC",))], [BLANK])
    with pytest.raises(InvalidInput, match="no units with outcomes"):
        check_scope(catalog, "10000", [])
    with pytest.raises(InvalidInput, match="no learning outcomes"):
        check_scope(catalog, "10000", ["10000-BC"])


def test_an_outcome_outside_the_scope_is_refused() -> None:
    with pytest.raises(InvalidInput, match="23181-P3-K1-W1"):
        check_outcomes(CATALOG, MZ3, ["23181-P3-K1-W1"])


def test_a_unit_is_recognised_only_when_every_outcome_is_met() -> None:
    met = judged(Judgement.MET, OUTCOMES)
    met["23181-B1-K2-W2"] = Judgement.NOT_MET
    result = recognise(CATALOG, MZ3, met)
    assert result.units == ("23181-B1-K1", "23181-P1-K1")
    assert result.outcomes == ("23181-B1-K2-W1",)
    assert result.not_met == ("23181-B1-K2-W2",)
    assert result.complete


def test_outcomes_waiting_for_evidence_are_unjudged() -> None:
    result = recognise(CATALOG, MZ3, {"23181-B1-K2-W1": Judgement.MORE_EVIDENCE})
    assert "23181-B1-K2-W1" in result.unjudged and not result.complete


@given(
    st.dictionaries(st.sampled_from(OUTCOMES), st.sampled_from(list(Judgement))),
    st.sampled_from(OUTCOMES),
)
def test_turning_a_judgement_into_met_never_recognises_less(
    latest: dict[str, Judgement], outcome: str
) -> None:
    """Property: recognition is monotone in the judgements."""
    before = recognise(CATALOG, MZ3, latest)
    after = recognise(CATALOG, MZ3, {**latest, outcome: Judgement.MET})

    def covered(r: Recognition) -> set[str]:
        whole = {o.code for u in r.units for o in CATALOG.units[u].outcomes}
        return whole | set(r.outcomes)

    assert covered(before) <= covered(after)


def certificate_for(latest: dict[str, Judgement]) -> Ervaringscertificaat:
    return draw_up(
        CATALOG,
        number="EVC-2027-00001-1",
        person="Anna de Wit",
        date_of_birth=date(1985, 3, 1),
        provider="EVC-centrum",
        assessor="ada",
        issued=date(2027, 4, 20),
        standard="25475",
        recognition=recognise(CATALOG, MZ3, latest),
    )


def test_the_certificate_names_person_provider_assessor_date_standard_and_recognition() -> None:
    latest = judged(Judgement.MET, OUTCOMES)
    latest["23181-P1-K1-W3"] = Judgement.NOT_MET
    cert = certificate_for(latest)
    document = certificate_document(CATALOG, cert)
    assert document["standard"] == {
        "crebo": "25475",
        "name": "Begeleider gehandicaptenzorg",
        "version": CATALOG.qualifications["25475"].version,
    }
    units, outcomes = document["units"], document["outcomes"]
    assert isinstance(units, list) and isinstance(outcomes, list)
    assert [u["code"] for u in units] == ["23181-B1-K1", "23181-B1-K2"]
    assert len(outcomes) == 3
    assert certificate_from_document(document) == cert


def test_no_certificate_while_outcomes_are_unjudged() -> None:
    with pytest.raises(InvalidInput, match="not judged"):
        certificate_for({})


def test_no_certificate_when_nothing_was_met() -> None:
    with pytest.raises(InvalidInput, match="nothing to certify"):
        certificate_for(judged(Judgement.NOT_MET, OUTCOMES))


def test_the_exam_board_may_grant_less_than_the_certificate_but_never_more() -> None:
    latest = judged(Judgement.MET, OUTCOMES)
    latest["23181-P1-K1-W3"] = Judgement.NOT_MET
    cert = certificate_from_document(certificate_document(CATALOG, certificate_for(latest)))
    granted = check_grant(cert, ["23181-B1-K1"], ["23181-P1-K1-W1"])
    assert granted.units == ("23181-B1-K1",)
    with pytest.raises(InvalidInput, match="unit 23181-P1-K1"):
        check_grant(cert, ["23181-P1-K1"], [])
    with pytest.raises(InvalidInput, match="outcome 23181-P1-K1-W3"):
        check_grant(cert, [], ["23181-P1-K1-W3"])
