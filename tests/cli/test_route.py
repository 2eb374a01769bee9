"""`opmaat route`: real cases from the default catalog, the JSON contract, user errors."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.cli.conftest import Opmaat

pytestmark = pytest.mark.django_db


def route_json(opmaat: Opmaat, *args: str) -> dict[str, Any]:
    result = opmaat("route", "--json", "--start", "2027-08-30", *args)
    assert result.code == 0, result.err
    document: dict[str, Any] = json.loads(result.out)
    return document


def codes(items: object) -> list[str]:
    assert isinstance(items, list)
    return [item["code"] for item in items]


def test_the_json_document_has_the_promised_fields(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "25779", "--pathway", "bbl")
    for key in [
        "target", "missing_units", "partial_units", "generic_missing", "total_hours",
        "completion_date", "pathway", "study_hours_per_week", "hours_per_week", "months",
        "nominal_months", "explanation",
    ]:  # fmt: skip
        assert key in doc
    assert doc["target"] == {
        "code": "25779",
        "name": "Persoonlijk begeleider maatschappelijke zorg",
        "kind": "qualification",
        "level": 4,
        "provisional": False,
        "superseded_by": [],
        "open": True,
        "admission_rule": "",
        "admission_held": "",
        "reason": "",
    }
    assert (doc["pathway"], doc["study_hours_per_week"], doc["nominal_months"]) == ("BBL", 8, 36)
    assert isinstance(doc["months"], float) and isinstance(doc["explanation"], list)
    for item in doc["schedule"]:
        assert {"code", "title", "hours", "start", "end", "track", "exam_only"} <= set(item)
        assert item["track"] in {"vocational", "generic", "elective"}


def test_a_level_3_begeleider_needs_only_the_level_4_profile_and_subjects(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "25779", "--have", "25780")
    assert {u["code"] for u in doc["missing_units"]} | {
        u["code"] for u in doc["partial_units"]
    } == {"23312-B1-K1-2", "23312-B1-K1-3", "23312-P2-K1-3", "23312-P2-K1-4", "23312-P2-K1-5"}
    assert set(codes(doc["generic_missing"])) == {"NL-3F", "REK-4", "EN-B1"}
    assert doc["elective_hours_missing"] == 480  # level-3 keuzedelen do not count at level 4


def test_holding_the_target_gives_an_empty_route_that_ends_on_the_start_date(
    opmaat: Opmaat,
) -> None:
    doc = route_json(opmaat, "--target", "25779", "--have", "25779")
    assert doc["schedule"] == []
    assert doc["total_hours"] == 0
    assert doc["completion_date"] == "2027-08-30"


def test_a_certificate_leaves_its_units_partly_needed(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "25960", "--have", "C0165")
    assert set(codes(doc["missing_units"])) >= {"23385-P2-K1-3", "23385-P2-K1-4"}
    assert "23385-P2-K1-1" in doc["covered_units"]


def test_the_retired_code_of_ondersteuning_thuis_still_counts(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "25960", "--have", "CERT-ONDERSTEUNING-THUIS")
    assert "23385-P2-K1-2" in doc["covered_units"]


def test_a_superseded_qualification_still_plans_and_names_its_successor(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "25477")
    assert doc["target"]["superseded_by"] == ["25779"]
    assert doc["schedule"]


def test_contract_hours_count_in_bbl(opmaat: Opmaat) -> None:
    few = route_json(opmaat, "--target", "25656", "--pathway", "bbl", "--work-hours-per-week", "20")
    many = route_json(
        opmaat, "--target", "25656", "--pathway", "bbl", "--work-hours-per-week", "36"
    )
    assert str(many["completion_date"]) < str(few["completion_date"])
    assert many["work_hours_per_week"] == 36


def test_hours_per_week_is_the_alias_of_the_study_hours(opmaat: Opmaat) -> None:
    slow = route_json(opmaat, "--target", "25960", "--pathway", "derde", "--hours-per-week", "12")
    fast = route_json(
        opmaat, "--target", "25960", "--pathway", "derde", "--study-hours-per-week", "32"
    )
    assert (slow["study_hours_per_week"], fast["study_hours_per_week"]) == (12, 32)
    assert str(fast["completion_date"]) < str(slow["completion_date"])


def test_exam_only_subjects_are_planned_as_exams(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "25780", "--exam-only", "NL-2F,REK-3")
    exams = {i["code"]: i["exam_only"] for i in doc["schedule"]}
    assert exams["NL-2F"] is True and exams["REK-3"] is True


def test_codes_are_matched_without_regard_to_case(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "c0054", "--have", "23268-b1-k1-w1")
    assert doc["target"]["code"] == "C0054"
    assert doc["partial_units"][0]["missing_outcomes"] == ["23268-B1-K1-W4"]


def test_provisional_structures_are_labelled(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "25487", "--have", "25656")
    assert doc["provisional"] is True
    text = opmaat("route", "--target", "25487", "--have", "25656").out
    assert "VOORLOPIG" in text


def test_a_target_that_is_not_open_says_why(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "25741", "--have", "VMBO-KB")
    assert doc["target"]["open"] is False
    text = opmaat("route", "--target", "25741", "--have", "VMBO-KB").out
    assert "Niet toegankelijk" in text and "WEB art. 8.1.1b" in text


def test_the_text_output_shows_tracks_months_and_the_explanation(opmaat: Opmaat) -> None:
    result = opmaat("route", "--target", "25779", "--have", "25780", "--start", "2027-08-30",
                    "--pathway", "bbl")  # fmt: skip
    assert result.code == 0
    assert "23312-P2-K1-3" in result.out
    assert "klaar op" in result.out and "nominaal 36 maanden" in result.out
    assert "generiek" in result.out and "keuzedeel" in result.out


def test_an_unknown_code_fails_with_one_line_naming_the_closest_codes(opmaat: Opmaat) -> None:
    result = opmaat("route", "--target", "25797")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert result.err.startswith("opmaat: fout [unknown_code]: Onbekende code ‘25797’; bedoelt u ")
    assert "25779" in result.err


def test_an_unknown_holding_fails_too(opmaat: Opmaat) -> None:
    result = opmaat("route", "--target", "25779", "--have", "25780,NOPE-1")
    assert result.code == 1
    assert "[unknown_code]" in result.err and "‘NOPE-1’" in result.err


@pytest.mark.parametrize("start", ["2027-13-01", "01-02-2027", "morgen"])
def test_a_bad_date_fails_with_one_line(opmaat: Opmaat, start: str) -> None:
    result = opmaat("route", "--target", "25779", "--start", start)
    assert result.code == 1
    assert result.err == (
        f"opmaat: ongeldige datum ‘{start}’: verwacht JJJJ-MM-DD, bijvoorbeeld 2027-02-01\n"
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--hours-per-week", "-4"), "[hours_out_of_range]"),
        (
            ("--pathway", "bbl", "--work-hours-per-week", "50", "--hours-per-week", "30"),
            "[week_too_long]",
        ),
        (("--pathway", "bbl", "--work-hours-per-week", "70"), "[hours_out_of_range]"),
        (("--pathway", "bol", "--work-hours-per-week", "16"), "[work_hours_in_bol]"),
        (("--pathway", "avond"), "opmaat: onbekende --pathway ‘avond’: verwacht bol, bbl of derde"),
        (("--exam-only", "C0054"), "[not_generic]"),
    ],
)
def test_a_week_that_cannot_be_fails_with_one_line(
    opmaat: Opmaat, args: tuple[str, ...], says: str
) -> None:
    result = opmaat("route", "--target", "25779", *args)
    assert result.code == 1
    assert result.err.count("\n") == 1 and says in result.err


def test_mz3_exempted_from_every_unit_needs_only_the_generic_exams(opmaat: Opmaat) -> None:
    """Seed 001: EVC for Maatschappelijke Zorg niveau 3 exempted all units; only Dutch,
    arithmetic and career & citizenship remained."""
    doc = route_json(
        opmaat,
        "--target", "25780",
        "--exempt", "23312-B1-K1,23312-B1-K2,23312-P1-K1",
        "--elective-hours", "720",
        "--exam-only", "NL-2F,REK-3,LB",
        "--pathway", "bbl",
    )  # fmt: skip
    assert doc["missing_units"] == [] and doc["partial_units"] == []
    assert codes(doc["generic_missing"]) == ["NL-2F", "REK-3", "LB"]
    assert all(i["exam_only"] for i in doc["generic_missing"])
    assert doc["elective_hours_missing"] == 0
    assert float(str(doc["months"])) < 1


def test_passed_werkprocessen_leave_only_the_rest_of_a_unit(opmaat: Opmaat) -> None:
    doc = route_json(opmaat, "--target", "23268-B1-K1-1", "--have", "23268-B1-K1-W1")
    [unit] = doc["partial_units"]
    assert unit["missing_outcomes"] == ["23268-B1-K1-W4"]
    assert unit["hours"] == round(unit["full_hours"] / 2, 1)


def test_the_route_in_words_has_dutch_dates_hours_and_subject_names(opmaat: Opmaat) -> None:
    """Dates as 30 augustus 2027 in the sentence and the table, no ISO date; hours with a
    Dutch thousands mark; generic subjects by name (the JSON keeps ISO dates and codes)."""
    result = opmaat("route", "--start", "2027-08-30", "--target", "25656", "--exam-only", "NL-2F")
    assert result.code == 0, result.err
    assert "Start 30 augustus 2027" in result.out
    assert not re.search(r"\d{4}-\d{2}-\d{2}", result.out)
    assert re.search(r"totaal \d{1,3}(\.\d{3})* uur", result.out)
    assert "Alleen examen (geen lessen): Nederlands 2F." in result.out
