"""What judgements recognise, werkproces by werkproces, the ervaringscertificaat, and what
the exam board may grant."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from opmaat.catalog.files import default_catalog_path, read_catalog
from opmaat.domain.catalog import Catalog, Qualification, Unit
from opmaat.domain.errors import InvalidInput
from opmaat.domain.recognition.assessment import (
    Judgement,
    Recognition,
    Scope,
    check_scope,
    check_werkprocessen,
    recognise,
    unit_werkprocessen,
)
from opmaat.domain.recognition.certificate import (
    Ervaringscertificaat,
    certificate_document,
    certificate_from_document,
    check_grant,
    draw_up,
)
from tests.domain.routes.factories import make_exam_unit, make_qualification, make_unit
from tests.errors import refused

CATALOG: Catalog = read_catalog(default_catalog_path())
BLANK = Unit("10000-BC", "Beroepsgericht deel", 2, 1000)
MZ3 = check_scope(CATALOG, "25780", [])  # Begeleider maatschappelijke zorg: three kerntaken
WERKPROCESSEN = MZ3.werkprocessen(CATALOG)
# Two exam units that both examine K1-W2: it is judged once and counts in both.
SHARED = Catalog(
    [make_qualification("20000", ("E1", "E2"))],
    [
        make_unit("K1", outcomes=3),
        make_exam_unit("E1", ("K1-W1", "K1-W2")),
        make_exam_unit("E2", ("K1-W2", "K1-W3")),
    ],
)


def judged(result: Judgement, codes: list[str] | tuple[str, ...]) -> dict[str, Judgement]:
    return dict.fromkeys(codes, result)


def test_the_scope_is_every_unit_of_the_default_cut_when_none_is_chosen() -> None:
    assert Scope("25780", ("23312-B1-K1", "23312-B1-K2", "23312-P1-K1")) == MZ3
    assert len(WERKPROCESSEN) == 14


def test_the_scope_of_a_qualification_cut_into_exam_units_is_its_exam_units() -> None:
    """25779 is cut into Talland's nine exam units over its sixteen werkprocessen."""
    mz4 = check_scope(CATALOG, "25779", [])
    assert mz4.units == CATALOG.qualifications["25779"].units
    assert len(mz4.units) == 9
    assert set(mz4.werkprocessen(CATALOG)) == set(CATALOG.werkprocessen_of("25779"))
    assert unit_werkprocessen(CATALOG, "23312-B1-K2-1") == ("23312-B1-K2-W1", "23312-B1-K2-W2")


def test_a_werkproces_examined_in_two_units_is_in_scope_once() -> None:
    scope = check_scope(SHARED, "20000", [])
    assert scope.werkprocessen(SHARED) == ("K1-W1", "K1-W2", "K1-W3")


def test_a_superseded_qualification_is_no_standard_to_judge_against() -> None:
    with refused(InvalidInput, "superseded_standard", successors=("25779",)):
        check_scope(CATALOG, "25477", [])


def test_a_unit_of_another_qualification_is_not_in_scope() -> None:
    with refused(InvalidInput, "scope_unit", problem="stranger", standard="25780"):
        check_scope(CATALOG, "25780", ["23312-B1-K1-1"])


def test_evc_is_judged_against_a_qualification_not_a_unit() -> None:
    with refused(InvalidInput, "not_a_qualification"):
        check_scope(CATALOG, "23312-B1-K1", [])


def test_a_qualification_whose_structure_is_unknown_cannot_be_judged() -> None:
    catalog = Catalog([Qualification("10000", "Onbekend", 2, 1, ("10000-BC",))], [BLANK])
    with refused(InvalidInput, "scope_unit", problem="empty"):
        check_scope(catalog, "10000", [])
    with refused(InvalidInput, "scope_unit", problem="blank"):
        check_scope(catalog, "10000", ["10000-BC"])


def test_a_werkproces_outside_the_scope_is_refused() -> None:
    with refused(InvalidInput, "not_in_scope", value="23312-P2-K1-W1"):
        check_werkprocessen(CATALOG, MZ3, ["23312-P2-K1-W1"])


def test_a_unit_is_recognised_only_when_every_werkproces_is_met() -> None:
    met = judged(Judgement.MET, WERKPROCESSEN)
    met["23312-B1-K2-W2"] = Judgement.NOT_MET
    result = recognise(CATALOG, MZ3, met)
    assert result.units == ("23312-B1-K1", "23312-P1-K1")
    assert result.outcomes == ("23312-B1-K2-W1",)
    assert result.not_met == ("23312-B1-K2-W2",)
    assert len(result.werkprocessen) == 13 and "23312-B1-K2-W2" not in result.werkprocessen
    assert result.complete


def test_a_shared_werkproces_not_met_keeps_both_its_units_from_recognition() -> None:
    scope = check_scope(SHARED, "20000", [])
    result = recognise(SHARED, scope, {"K1-W1": Judgement.MET, "K1-W2": Judgement.NOT_MET})
    assert result.units == ()
    assert result.outcomes == ("K1-W1",)
    assert result.unjudged == ("K1-W3",)


def test_werkprocessen_waiting_for_evidence_are_unjudged() -> None:
    result = recognise(CATALOG, MZ3, {"23312-B1-K2-W1": Judgement.MORE_EVIDENCE})
    assert "23312-B1-K2-W1" in result.unjudged and not result.complete


@given(
    st.dictionaries(st.sampled_from(WERKPROCESSEN), st.sampled_from(list(Judgement))),
    st.sampled_from(WERKPROCESSEN),
)
def test_turning_a_judgement_into_met_never_recognises_less(
    latest: dict[str, Judgement], werkproces: str
) -> None:
    """Property: recognition is monotone in the judgements."""
    before = recognise(CATALOG, MZ3, latest)
    after = recognise(CATALOG, MZ3, {**latest, werkproces: Judgement.MET})

    def covered(r: Recognition) -> set[str]:
        whole = {w for u in r.units for w in unit_werkprocessen(CATALOG, u)}
        assert whole | set(r.outcomes) == set(r.werkprocessen)
        return set(r.werkprocessen)

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
        standard="25780",
        recognition=recognise(CATALOG, MZ3, latest),
    )


def all_met_but(*codes: str) -> dict[str, Judgement]:
    latest = judged(Judgement.MET, WERKPROCESSEN)
    latest.update(judged(Judgement.NOT_MET, codes))
    return latest


def test_the_certificate_names_person_provider_assessor_date_standard_and_werkprocessen() -> None:
    cert = certificate_for(all_met_but("23312-P1-K1-W3"))
    document = certificate_document(CATALOG, cert)
    assert document["format"] == "opmaat-ervaringscertificaat/2"
    assert document["standard"] == {
        "crebo": "25780",
        "name": "Begeleider maatschappelijke zorg",
        "version": CATALOG.qualifications["25780"].version,
    }
    units, outcomes, werkprocessen = (
        document["units"],
        document["outcomes"],
        document["werkprocessen"],
    )
    assert isinstance(units, list) and isinstance(outcomes, list)
    assert isinstance(werkprocessen, list)
    assert [u["code"] for u in units] == ["23312-B1-K1", "23312-B1-K2"]
    assert [w["code"] for w in units[1]["werkprocessen"]] == ["23312-B1-K2-W1", "23312-B1-K2-W2"]
    assert [o["code"] for o in outcomes] == ["23312-P1-K1-W1", "23312-P1-K1-W2", "23312-P1-K1-W4"]
    assert len(werkprocessen) == 13
    assert certificate_from_document(document) == cert


def test_a_certificate_of_the_first_format_still_reads_back() -> None:
    """Version 1 named no werkprocessen per unit: its loose outcomes are what it lists."""
    document = certificate_document(CATALOG, certificate_for(all_met_but("23312-P1-K1-W3")))
    old = {k: v for k, v in document.items() if k != "werkprocessen"}
    old["format"] = "opmaat-ervaringscertificaat/1"
    cert = certificate_from_document(old)
    assert cert.units == ("23312-B1-K1", "23312-B1-K2")
    assert cert.werkprocessen == cert.outcomes


def test_no_certificate_while_werkprocessen_are_unjudged() -> None:
    with refused(InvalidInput, "not_judged"):
        certificate_for({})


def test_no_certificate_when_nothing_was_met() -> None:
    with refused(InvalidInput, "nothing_to_certify"):
        certificate_for(judged(Judgement.NOT_MET, WERKPROCESSEN))


def test_the_exam_board_may_grant_less_than_the_certificate_but_never_more() -> None:
    cert = certificate_from_document(
        certificate_document(CATALOG, certificate_for(all_met_but("23312-P1-K1-W3")))
    )
    granted = check_grant(cert, ["23312-B1-K1"], ["23312-P1-K1-W1"])
    assert granted.units == ("23312-B1-K1",)
    # A werkproces of a recognised unit on its own is less than the unit: allowed.
    assert check_grant(cert, [], ["23312-B1-K2-W1"]).werkprocessen == ("23312-B1-K2-W1",)
    with refused(InvalidInput, "not_recognised", kind="unit", value="23312-P1-K1"):
        check_grant(cert, ["23312-P1-K1"], [])
    with refused(InvalidInput, "not_recognised", kind="werkproces", value="23312-P1-K1-W3"):
        check_grant(cert, [], ["23312-P1-K1-W3"])
