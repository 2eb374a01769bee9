"""The JSON documents of `opmaat route --json` and `opmaat reach --json` (docs/cli.md)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, cast

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes import (
    Holdings,
    Leerweg,
    plan_route,
    reach,
    reach_document,
    route_document,
    study_time,
)
from opmaat.explanations import add_reach_texts, add_route_texts

START = date(2027, 9, 6)
BBL = study_time(Leerweg.BBL, study_hours=8, work_hours=32)


def test_the_route_document_has_the_promised_fields(mz: Catalog) -> None:
    """The document of `opmaat route --json`, its texts worded as the edges do."""
    route = plan_route(mz, "25779", Holdings(codes=("25780",)), START, BBL)
    doc = add_route_texts(route_document(route))
    assert doc["target"] == {
        "code": "25779",
        "name": "Qualification 25779",
        "kind": "qualification",
        "level": 4,
        "provisional": False,
        "superseded_by": [],
        "open": True,
        "admission_rule": "",
        "admission_held": "",
        "reason": "",
    }
    assert (doc["start"], doc["pathway"]) == ("2027-09-06", "BBL")
    assert (doc["study_hours_per_week"], doc["hours_per_week"]) == (8, 8)
    assert (doc["work_hours_per_week"], doc["school_hours_per_week"]) == (32, 6)
    assert doc["nominal_months"] == 36
    assert isinstance(doc["months"], float)
    assert doc["covered_units"] == ["23312-E2", "23312-E3", "LB"]
    assert [s["code"] for s in doc["schedule"]] == [  # type: ignore[attr-defined]  # JSON, typed object
        "23312-E1",
        "23312-E4",
        "NL-3F",
        "REK-4",
        "EN-B1",
        "KEUZEDELEN",
    ]
    explanation = doc["explanation"]
    assert isinstance(explanation, list) and all(isinstance(s, str) for s in explanation)
    assert "nominaal" in explanation[0]


def test_every_schedule_item_names_its_track_and_whether_it_is_an_exam(mz: Catalog) -> None:
    route = plan_route(mz, "25779", Holdings(), START, BBL, exam_only=("NL-3F",))
    schedule = route_document(route)["schedule"]
    assert isinstance(schedule, list)
    tracks = {s["code"]: (s["track"], s["exam_only"]) for s in schedule}
    assert tracks["23312-E1"] == ("vocational", False)
    assert tracks["NL-3F"] == ("generic", True)
    assert tracks["KEUZEDELEN"] == ("elective", False)


def test_a_partial_unit_lists_its_missing_werkprocessen(mz: Catalog) -> None:
    route = plan_route(mz, "25779", Holdings(outcomes=("23312-P2-K1-W1",)), START, BBL)
    [partial] = cast(list[dict[str, Any]], route_document(route)["partial_units"])
    assert partial["code"] == "23312-E1"
    assert partial["missing_outcomes"] == ["23312-B1-K1-W1", "23312-B1-K1-W2"]
    assert partial["hours"] == 200 and partial["full_hours"] == 300


def test_a_superseded_target_names_its_successors(mz: Catalog) -> None:
    doc = route_document(plan_route(mz, "OLD", Holdings(), START, BBL))
    assert doc["target"]["superseded_by"] == ["25780"]  # type: ignore[index]  # JSON, typed object


def test_the_reach_document_names_the_question_and_the_options(mz: Catalog) -> None:
    options = reach(mz, Holdings(codes=("25780",)), 24, START, BBL)
    doc = add_reach_texts(reach_document(options, months=24, start=START, time=BBL))
    assert (doc["months"], doc["start"], doc["pathway"]) == (24, "2027-09-06", "BBL")
    [first, *_] = cast(list[dict[str, Any]], doc["options"])
    assert set(first) == {
        "code",
        "name",
        "kind",
        "level",
        "total_hours",
        "completion_date",
        "months",
        "provisional",
        "open",
        "admission_rule",
        "admission_held",
        "reason",
    }


def test_the_documents_are_ready_for_json(mz: Catalog) -> None:
    route = plan_route(mz, "25779", Holdings(codes=("C-P2",)), START, BBL)
    json.dumps(route_document(route))
    options = reach(mz, Holdings(), 36, START, BBL)
    json.dumps(reach_document(options, months=36, start=START, time=BBL))
