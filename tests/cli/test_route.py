"""`opmaat route`: real cases from the default catalog, the JSON contract, user errors."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Opmaat

pytestmark = pytest.mark.django_db


def route_json(opmaat: Opmaat, *args: str) -> dict[str, object]:
    result = opmaat("route", "--json", "--start", "2027-01-04", *args)
    assert result.code == 0, result.err
    document: dict[str, object] = json.loads(result.out)
    return document


def codes(items: object) -> list[str]:
    assert isinstance(items, list)
    return [item["code"] for item in items]


def test_the_json_document_has_the_promised_fields(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "25477")
    for key in [
        "target",
        "missing_units",
        "partial_units",
        "generic_missing",
        "total_hours",
        "completion_date",
    ]:
        assert key in doc
    assert doc["target"] == {
        "code": "25477",
        "name": "Persoonlijk begeleider gehandicaptenzorg",
        "kind": "qualification",
        "level": 4,
        "provisional": False,
    }
    for unit in doc["missing_units"]:  # type: ignore[attr-defined]
        assert {"code", "title", "hours", "start", "end"} <= set(unit)


def test_a_level_3_begeleider_needs_only_the_level_4_profile_and_3f_subjects(
    opmaat: Opmaat,
) -> None:
    doc = route_json(opmaat, "--target", "25477", "--have", "25475")
    assert codes(doc["missing_units"]) == ["23181-P3-K1"]
    assert doc["partial_units"] == []
    assert set(codes(doc["generic_missing"])) == {"NL-3F", "REK-3F", "EN-B1"}


def test_holding_the_target_gives_an_empty_route_that_ends_on_the_start_date(
    opmaat: Opmaat,
) -> None:
    doc = route_json(opmaat, "--target", "25477", "--have", "25477")
    assert doc["missing_units"] == [] and doc["generic_missing"] == []
    assert doc["total_hours"] == 0
    assert doc["completion_date"] == "2027-01-04"


def test_a_certificate_leaves_its_unit_partly_needed(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "25498", "--have", "CERT-ONDERSTEUNING-THUIS")
    partial = doc["partial_units"]
    assert isinstance(partial, list) and codes(partial) == ["23189-P2-K1"]
    unit = partial[0]
    assert unit["missing_outcomes"] == ["23189-P2-K1-W3"]
    assert 0 < unit["hours"] < unit["full_hours"]


def test_a_unit_target_brings_its_prerequisite_first(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "23181-P1-K1")
    order = codes(doc["missing_units"])
    assert order.index("23181-B1-K1") < order.index("23181-P1-K1")


def test_a_faster_pace_finishes_no_later(opmaat: Opmaat) -> None:
    slow = route_json(opmaat, "--target", "25475", "--hours-per-week", "12")
    fast = route_json(opmaat, "--target", "25475", "--hours-per-week", "32")
    assert str(fast["completion_date"]) < str(slow["completion_date"])
    assert fast["total_hours"] == slow["total_hours"]


def test_codes_are_matched_without_regard_to_case(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "23181-p1-k1", "--have", "23181-b1-k1")
    assert codes(doc["missing_units"]) == ["23181-P1-K1"]


def test_provisional_structures_are_labelled(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "25656")
    assert doc["provisional"] is True
    text = opmaat("route", "--target", "25656").out
    assert "VOORLOPIG" in text


def test_the_text_output_shows_the_units_and_the_completion_date(opmaat: Opmaat) -> None:
    result = opmaat("route", "--target", "25477", "--have", "25475", "--start", "2027-01-04")
    assert result.code == 0
    assert "23181-P3-K1" in result.out
    assert "klaar op" in result.out


def test_an_unknown_code_fails_with_one_line_naming_the_closest_codes(opmaat: Opmaat) -> None:
    result = opmaat("route", "--target", "25747")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert result.err.startswith("opmaat: unknown code '25747'; closest: ")
    assert "25477" in result.err


def test_an_unknown_holding_fails_too(opmaat: Opmaat) -> None:
    result = opmaat("route", "--target", "25477", "--have", "25475,NOPE-1")
    assert result.code == 1
    assert "'NOPE-1'" in result.err


@pytest.mark.parametrize("start", ["2027-13-01", "01-02-2027", "morgen"])
def test_a_bad_date_fails_with_one_line(opmaat: Opmaat, start: str) -> None:
    result = opmaat("route", "--target", "25477", "--start", start)
    assert result.code == 1
    assert result.err == f"opmaat: bad date {start!r}: expected YYYY-MM-DD, e.g. 2027-02-01\n"


@pytest.mark.parametrize("pace", ["0", "-4", "200"])
def test_a_bad_pace_fails_with_one_line(opmaat: Opmaat, pace: str) -> None:
    result = opmaat("route", "--target", "25477", "--hours-per-week", pace)
    assert result.code == 1
    assert result.err.startswith("opmaat: bad --hours-per-week")


def test_a_level_3_side_entrant_exempted_from_every_unit_needs_only_the_generic_subjects(
    opmaat: Opmaat,
) -> None:
    """The seed case: EVC for Maatschappelijke Zorg niveau 3 exempted all units; only
    Dutch, arithmetic and career & citizenship remained."""
    doc = route_json(
        opmaat,
        "--target", "25475",
        "--exempt", "23181-B1-K1,23181-B1-K2,23181-P1-K1",
        "--elective-hours", "720",
    )  # fmt: skip
    assert doc["missing_units"] == [] and doc["partial_units"] == []
    assert codes(doc["generic_missing"]) == ["NL-2F", "REK-2F", "LB"]
    assert doc["elective_hours_missing"] == 0


def test_passed_outcomes_leave_only_the_rest_of_a_unit(opmaat: Opmaat) -> None:
    passed = ",".join(f"23181-P3-K1-W{i}" for i in range(1, 7))
    doc = route_json(opmaat, "--target", "23181-P3-K1", "--have", f"23181-B1-K1,{passed}")
    partial = doc["partial_units"]
    assert isinstance(partial, list) and len(partial) == 1
    unit = partial[0]
    assert unit["missing_outcomes"] == ["23181-P3-K1-W7", "23181-P3-K1-W8"]
    assert unit["hours"] == round(unit["full_hours"] * 2 / 8, 1)
