"""Invariants of the shipped default catalog, opmaat/data/catalog.yaml, read as plain YAML."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

CATALOG = Path(__file__).resolve().parents[2] / "opmaat" / "data" / "catalog.yaml"
MZ_QUALIFICATIONS = {"25475", "25476", "25477", "25474", "25479", "25478"}
GENERIC_UNITS = {"NL-2F", "NL-3F", "REK-2F", "REK-3F", "EN-B1", "LB"}
STRUCTURELESS = {"25251", "25491", "25480", "25487", "25779"}

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


def codes(value: object) -> list[str]:
    assert isinstance(value, list)
    return [str(v) for v in value]


def test_the_file_has_exactly_the_documented_top_level_keys(catalog: Doc) -> None:
    assert list(catalog) == [
        "format", "meta", "qualifications", "units", "certificates", "prerequisites",
        "equivalences",
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


def test_qualification_units_list_the_basisdeel_first(catalog: Doc) -> None:
    for q in entries(catalog, "qualifications"):
        parts = ["-B" in code for code in codes(q["units"])]
        assert parts == sorted(parts, reverse=True), q["crebo"]


def test_the_mz_basisdeel_care_unit_is_shared_by_the_six_mz_qualifications(
    catalog: Doc,
) -> None:
    holders = {
        str(q["crebo"])
        for q in entries(catalog, "qualifications")
        if "23181-B1-K1" in codes(q["units"])
    }
    assert holders == MZ_QUALIFICATIONS


def test_every_unit_of_a_provisional_only_qualification_is_provisional(catalog: Doc) -> None:
    units = units_by_code(catalog)
    provisional = [q for q in entries(catalog, "qualifications") if q["provisional"]]
    assert {str(q["crebo"]) for q in provisional} == STRUCTURELESS | {"25656", "25655"}
    for q in provisional:
        for code in codes(q["units"]):
            assert units[code]["provisional"] is True, (q["crebo"], code)


def test_a_qualification_of_unknown_structure_has_one_placeholder_unit(catalog: Doc) -> None:
    for crebo in STRUCTURELESS:
        assert codes(qualification(catalog, crebo)["units"]) == [f"{crebo}-BC"]


def test_verified_structures_are_not_provisional(catalog: Doc) -> None:
    units = units_by_code(catalog)
    for code in ("23181-B1-K1", "23189-P2-K1", "23183-B1-K1", "23185-P2-K1"):
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


def test_every_vocational_unit_has_hours_and_outcomes(catalog: Doc) -> None:
    for unit in entries(catalog, "units"):
        if unit["kind"] == "vocational":
            hours = unit["hours"]
            assert isinstance(hours, int | float), unit["code"]
            assert hours > 0, unit["code"]
            assert outcomes(unit), unit["code"]
            assert unit["hours_source"] == "estimate" and unit["hours_rule"]


def test_every_qualification_unit_and_certificate_keeps_sources_and_confidence(
    catalog: Doc,
) -> None:
    for section in ("qualifications", "units", "certificates"):
        for entry in entries(catalog, section):
            assert entry["sources"], entry
            assert entry["confidence"], entry


def test_certificate_coverage_and_prerequisites_refer_to_known_codes(catalog: Doc) -> None:
    units = units_by_code(catalog)
    known = set(units) | {str(o["code"]) for u in units.values() for o in outcomes(u)}
    for certificate in entries(catalog, "certificates"):
        assert set(codes(certificate["covers"])) <= known
    for rule in entries(catalog, "prerequisites"):
        assert rule["unit"] in units and rule["requires"] in units


def test_nursing_acts_come_after_the_basisdeel_care_unit(catalog: Doc) -> None:
    pairs = {(p["unit"], p["requires"]) for p in entries(catalog, "prerequisites")}
    assert pairs == {
        ("23181-P1-K1", "23181-B1-K1"),
        ("23181-P3-K1", "23181-B1-K1"),
        ("VV2020-P2-K1", "VV2020-B1-K1"),
    }


def test_older_vig_and_vp_diplomas_count_provisionally_for_the_vv2020_units(
    catalog: Doc,
) -> None:
    by_source = {str(e["source"]): e for e in entries(catalog, "equivalences")}
    assert codes(by_source["NL-3F"]["counts_for"]) == ["NL-2F"]
    assert codes(by_source["REK-3F"]["counts_for"]) == ["REK-2F"]
    assert by_source["25491"]["provisional"] is True
    assert by_source["25480"]["provisional"] is True
    assert set(codes(by_source["25491"]["counts_for"])) < set(
        codes(by_source["25480"]["counts_for"])
    )


def test_dates_are_written_as_iso_dates(catalog: Doc) -> None:
    assert qualification(catalog, "25475")["valid_from"] == date(2015, 8, 1)
