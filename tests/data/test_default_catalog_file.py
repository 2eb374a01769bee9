"""Invariants of the shipped default catalog, opmaat/data/catalog.yaml, read as plain YAML."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

CATALOG = Path(__file__).resolve().parents[2] / "opmaat" / "data" / "catalog.yaml"
MZ_2016 = {"25475", "25476", "25477", "25474", "25479", "25478"}
GENERIC_UNITS = {
    "NL-2F",
    "NL-3F",
    "REK-1F",
    "REK-2",
    "REK-3",
    "REK-4",
    "REK-2F",
    "REK-3F",
    "EN-B1",
    "LB",
}
STRUCTURELESS = {"25251", "25491", "25480", "25487"}
CURRENT = {"25656", "25655", "25780", "25779", "25960", "25741", "25487"}
SUPERSEDED = {"25251", "25498", "25491", "25480", *MZ_2016}

Doc = dict[str, object]


@pytest.fixture(scope="module")
def catalog() -> Doc:
    loaded = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def entries(catalog: Doc, section: str) -> list[Doc]:
    value = catalog[section]
    assert isinstance(value, list)
    return value


def units_by_code(catalog: Doc) -> dict[str, Doc]:
    return {str(u["code"]): u for u in entries(catalog, "units")}


def qualification(catalog: Doc, crebo: str) -> Doc:
    return next(q for q in entries(catalog, "qualifications") if q["crebo"] == crebo)


def outcomes(unit: Doc) -> list[Doc]:
    value = unit["outcomes"]
    assert isinstance(value, list)
    return value


def number(value: object) -> float:
    assert isinstance(value, int | float), value
    return float(value)


def codes(value: object) -> list[str]:
    assert isinstance(value, list)
    return [str(v) for v in value]


def test_the_file_has_exactly_the_documented_top_level_keys(catalog: Doc) -> None:
    assert list(catalog) == [
        "format", "meta", "qualifications", "units", "certificates", "prerequisites",
        "equivalences", "prior_education",
    ]  # fmt: skip
    assert catalog["format"] == "opmaat-catalog/1"


def test_unit_codes_are_unique(catalog: Doc) -> None:
    counts = Counter(u["code"] for u in entries(catalog, "units"))
    assert [c for c, n in counts.items() if n > 1] == []


def test_outcome_codes_are_unique_over_all_units(catalog: Doc) -> None:
    counts = Counter(o["code"] for u in entries(catalog, "units") for o in outcomes(u))
    assert [c for c, n in counts.items() if n > 1] == []


def test_every_code_is_upper_case(catalog: Doc) -> None:
    for unit in entries(catalog, "units"):
        assert str(unit["code"]) == str(unit["code"]).upper()
        for outcome in outcomes(unit):
            assert str(outcome["code"]) == str(outcome["code"]).upper()


def test_crebo_codes_are_strings(catalog: Doc) -> None:
    for q in entries(catalog, "qualifications"):
        assert isinstance(q["crebo"], str)


def test_every_unit_of_a_qualification_exists(catalog: Doc) -> None:
    units = units_by_code(catalog)
    for q in entries(catalog, "qualifications"):
        assert codes(q["units"]), q["crebo"]
        for code in codes(q["units"]):
            assert code in units, (q["crebo"], code)


def test_the_mz_2016_basisdeel_care_unit_is_shared_by_the_six_2016_qualifications(
    catalog: Doc,
) -> None:
    holders = {
        str(q["crebo"])
        for q in entries(catalog, "qualifications")
        if "23181-B1-K1" in codes(q["units"])
    }
    assert holders == MZ_2016


def test_the_current_mz_basisdeel_is_shared_by_25780_and_25779(catalog: Doc) -> None:
    units = units_by_code(catalog)
    mz4 = {
        w for u in codes(qualification(catalog, "25779")["units"]) for w in werkprocessen(units[u])
    }
    mz3 = {
        w for u in codes(qualification(catalog, "25780")["units"]) for w in werkprocessen(units[u])
    }
    assert {w for w in mz3 & mz4} == {f"23312-B1-K1-W{i}" for i in range(1, 9)} | {
        "23312-B1-K2-W1",
        "23312-B1-K2-W2",
    }


def werkprocessen(unit: Doc) -> list[str]:
    """A unit's werkprocessen, whether it defines them or refers to them."""
    return codes(unit["werkprocessen"]) or [str(o["code"]) for o in outcomes(unit)]


def test_the_current_qualifications_and_their_successors(catalog: Doc) -> None:
    by_crebo = {str(q["crebo"]): q for q in entries(catalog, "qualifications")}
    assert {c for c, q in by_crebo.items() if not q["superseded_by"]} >= CURRENT
    assert {c for c, q in by_crebo.items() if q["superseded_by"]} == SUPERSEDED
    assert codes(by_crebo["25498"]["superseded_by"]) == ["25960"]
    assert codes(by_crebo["25477"]["superseded_by"]) == ["25779"]


def test_the_current_vig_and_vp_have_their_2020_werkprocessen(catalog: Doc) -> None:
    units = units_by_code(catalog)
    vig = {
        w for u in codes(qualification(catalog, "25656")["units"]) for w in werkprocessen(units[u])
    }
    vp = {
        w for u in codes(qualification(catalog, "25655")["units"]) for w in werkprocessen(units[u])
    }
    assert len(vig) == 11 and all(w.startswith("23268-") for w in vig)
    assert len(vp) == 10 and all(w.startswith("23267-") for w in vp)


def test_a_cut_divides_the_same_werkprocessen_as_the_default(catalog: Doc) -> None:
    units = units_by_code(catalog)
    for q in entries(catalog, "qualifications"):
        default = {w for u in codes(q["units"]) for w in werkprocessen(units[u])}
        for cut in q["cuts"]:  # type: ignore[attr-defined]  # YAML, typed object
            assert {w for u in codes(cut["units"]) for w in werkprocessen(units[u])} == default


def test_every_unit_of_a_provisional_only_qualification_is_provisional(catalog: Doc) -> None:
    units = units_by_code(catalog)
    provisional = [q for q in entries(catalog, "qualifications") if q["provisional"]]
    assert {str(q["crebo"]) for q in provisional} == STRUCTURELESS
    for q in provisional:
        for code in codes(q["units"]):
            assert units[code]["provisional"] is True, (q["crebo"], code)


def test_a_qualification_of_unknown_structure_has_one_placeholder_unit(catalog: Doc) -> None:
    for crebo in STRUCTURELESS:
        assert codes(qualification(catalog, crebo)["units"]) == [f"{crebo}-BC"]


def test_verified_structures_are_not_provisional(catalog: Doc) -> None:
    units = units_by_code(catalog)
    for code in ("23181-B1-K1", "23189-P2-K1", "23268-B1-K1", "23312-B1-K1", "23385-P2-K1"):
        assert units[code]["provisional"] is False


def test_the_generic_units_exist_with_kind_generic(catalog: Doc) -> None:
    units = units_by_code(catalog)
    for code in GENERIC_UNITS:
        assert units[code]["kind"] == "generic"
        hours = units[code]["hours"]
        assert isinstance(hours, int | float)
        assert hours > 0


def generic_codes(generic: object) -> list[str]:
    """The generic unit codes a qualification's `generic` block asks for."""
    assert isinstance(generic, dict)
    wanted = [
        f"NL-{generic['nederlands']}" if generic["nederlands"] else "",
        f"REK-{generic['rekenen']}" if generic["rekenen"] else "",
        "EN-B1" if generic["engels"] else "",
        "LB" if generic["loopbaan_burgerschap"] else "",
    ]
    return [code for code in wanted if code]


def test_the_generic_units_a_qualification_needs_exist(catalog: Doc) -> None:
    units = units_by_code(catalog)
    for q in entries(catalog, "qualifications"):
        codes_ = generic_codes(q["generic"])
        for code in codes_:
            assert code in units and units[code]["kind"] == "generic", (q["crebo"], code)
        assert ("EN-B1" in codes_) == (q["level"] == 4), q["crebo"]


def test_rekenen_follows_the_2022_rules_in_the_current_qualifications(catalog: Doc) -> None:
    """Mbo-rekenniveau 2, 3 or 4 by level since 2022-08-01; entree rekenen at level 1."""
    for crebo in CURRENT:
        q = qualification(catalog, crebo)
        rekenen = {1: "1F", 2: "2", 3: "3", 4: "4"}[q["level"]]  # type: ignore[index]  # YAML, typed object
        assert q["generic"]["rekenen"] == rekenen  # type: ignore[index]  # YAML, typed object


def test_every_qualification_needs_loopbaan_en_burgerschap(catalog: Doc) -> None:
    for q in entries(catalog, "qualifications"):
        assert "LB" in generic_codes(q["generic"]), q["crebo"]


def test_everything_unverified_is_provisional(catalog: Doc) -> None:
    for section in ("qualifications", "units", "certificates"):
        for entry in entries(catalog, section):
            confidence = str(entry["confidence"]).lower()
            if "unverified" in confidence or "placeholder" in confidence:
                assert entry["provisional"] is True, entry.get("code", entry.get("crebo"))


def test_mbo_verpleegkundige_is_a_four_year_programme(catalog: Doc) -> None:
    for crebo in ("25480", "25655"):
        assert qualification(catalog, crebo)["nominal_years"] == 4


def test_every_vocational_unit_has_hours_and_werkprocessen(catalog: Doc) -> None:
    for unit in entries(catalog, "units"):
        if unit["kind"] == "vocational":
            hours = unit["hours"]
            assert isinstance(hours, int | float), unit["code"]
            assert hours > 0, unit["code"]
            assert werkprocessen(unit), unit["code"]
            assert unit["hours_source"] == "estimate" and unit["hours_rule"]


def test_a_full_programme_adds_up_to_its_nominal_study_load(catalog: Doc) -> None:
    """Werkprocessen, generic courses, loopbaan en burgerschap and keuzedelen: 1,600 hours a
    nominal year (WEB art. 7.2.7), never more."""
    units = units_by_code(catalog)
    hours = {str(o["code"]): number(o["hours"]) for u in units.values() for o in outcomes(u)}
    for q in entries(catalog, "qualifications"):
        years = number(q["nominal_years"])
        vocational = sum(
            hours[w] for w in {w for u in codes(q["units"]) for w in werkprocessen(units[u])}
        )
        generic = sum(
            number(units[g]["hours"]) * (years if units[g]["obligation"] else 1)
            for g in generic_codes(q["generic"])
        )
        total = vocational + generic + number(q["elective_hours"])
        assert years * 1600 - 2 <= total <= years * 1600, q["crebo"]


def test_every_qualification_unit_and_certificate_keeps_sources_and_confidence(
    catalog: Doc,
) -> None:
    for section in ("qualifications", "units", "certificates"):
        for entry in entries(catalog, section):
            assert entry["sources"], entry
            assert entry["confidence"], entry


def test_certificates_cover_werkprocessen_of_their_qualification(catalog: Doc) -> None:
    units = units_by_code(catalog)
    for certificate in entries(catalog, "certificates"):
        parent = qualification(catalog, str(certificate["parent"]))
        own = {w for u in codes(parent["units"]) for w in werkprocessen(units[u])}
        assert set(codes(certificate["covers"])) <= own, certificate["code"]


def test_the_acts_come_after_basic_care_werkproces_by_werkproces(catalog: Doc) -> None:
    pairs = {(p["unit"], p["requires"]) for p in entries(catalog, "prerequisites")}
    assert ("23268-B1-K1-W5", "23268-B1-K1-W4") in pairs
    assert ("23267-B1-K1-W4", "23267-B1-K1-W3") in pairs
    assert all(p["source"] == "opmaat rule" for p in entries(catalog, "prerequisites"))


def test_equivalences_carry_their_sources_and_older_diplomas_count_for_successors(
    catalog: Doc,
) -> None:
    rules: dict[str, list[Doc]] = {}
    for e in entries(catalog, "equivalences"):
        rules.setdefault(str(e["source"]), []).append(e)
    assert codes(rules["NL-3F"][0]["counts_for"]) == ["NL-2F"]
    assert codes(rules["REK-4"][0]["counts_for"]) == ["REK-3"]
    assert "REK-3" not in [c for e in rules["REK-2"] for c in codes(e["counts_for"])]
    vig = qualification(catalog, "25656")
    assert len(codes(rules["25491"][0]["counts_for"])) == 11 and vig
    assert rules["25491"][0]["provisional"] is True
    for source in ("23181-B1-K1-W1", "23268-B1-K1-W5", "HAVO", "CERT-ONDERSTEUNING-THUIS"):
        assert all(e["confidence"] for e in rules[source]), source


def test_older_codes_keep_resolving(catalog: Doc) -> None:
    """Codes of the previous default catalogs stay known, through the equivalence table."""
    known = set(units_by_code(catalog)) | {
        str(e["source"]) for e in entries(catalog, "equivalences")
    }
    for code in ("CERT-ONDERSTEUNING-THUIS", "CERT-BASIS-DESKUNDIGE-ZORG", "CERT-BDZ-C1-K1-W4",
                 "VV2020-B1-K1", "VV2020-P2-K1-W3", "25779-BC"):  # fmt: skip
        assert code in known, code


def test_dates_are_written_as_iso_dates(catalog: Doc) -> None:
    assert qualification(catalog, "25475")["valid_from"] == date(2015, 8, 1)
