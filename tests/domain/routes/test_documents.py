"""The JSON documents of `opmaat route --json` and `opmaat reach --json`."""

from __future__ import annotations

import json
from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes import Holdings, plan_route, reach, reach_document, route_document

START = date(2027, 1, 4)


def test_the_route_document_has_the_promised_fields(mz: Catalog) -> None:
    doc = route_document(plan_route(mz, "25477", Holdings(codes=("25475",)), START, 20))
    assert doc["target"] == {
        "code": "25477",
        "name": "Qualification 25477",
        "kind": "qualification",
        "level": 4,
        "provisional": False,
    }
    assert doc["start"] == "2027-01-04"
    assert doc["elective_hours_missing"] == 240
    assert doc["covered_units"] == ["23181-B1-K1", "23181-B1-K2", "LB"]
    assert doc["missing_units"] == [
        {
            "code": "23181-P3-K1",
            "title": "Unit 23181-P3-K1",
            "kind": "vocational",
            "level": 4,
            "hours": 800,
            "start": "2027-01-04",
            "end": "2027-10-11",
            "provisional": False,
            "for_prerequisite": False,
        }
    ]
    assert [s["code"] for s in doc["schedule"]] == [  # type: ignore[attr-defined]
        "23181-P3-K1",
        "NL-3F",
        "REK-3F",
        "EN-B1",
        "KEUZEDELEN",
    ]
    assert doc["completion_date"] == doc["schedule"][-1]["end"]  # type: ignore[index]


def test_a_partial_unit_lists_its_missing_outcomes_and_rounds_hours(mz: Catalog) -> None:
    held = Holdings(outcomes=("23181-B1-K2-W1",))
    doc = route_document(plan_route(mz, "23181-B1-K2", held, START, 7))
    assert doc["partial_units"] == [
        {
            "code": "23181-B1-K2",
            "title": "Unit 23181-B1-K2",
            "kind": "vocational",
            "level": 3,
            "hours": 100.0,
            "full_hours": 200.0,
            "missing_outcomes": ["23181-B1-K2-W2"],
            "start": "2027-01-04",
            "end": "2027-04-14",
            "provisional": False,
            "for_prerequisite": False,
        }
    ]


def test_the_documents_are_ready_for_json(mz: Catalog) -> None:
    route = plan_route(mz, "25477", Holdings(), START, 13)
    options = reach(mz, Holdings(), 36, START, 13)
    json.dumps(route_document(route))
    doc = reach_document(options, months=36, start=START, hours_per_week=13)
    assert json.loads(json.dumps(doc))["options"][0] == {
        "code": "CERT-B1-K1-PART",
        "name": "Part of the basisdeel",
        "kind": "certificate",
        "level": 3,
        "total_hours": 200.0,
        "completion_date": "2027-04-22",
        "provisional": False,
    }
    assert {"months": 36, "start": "2027-01-04", "hours_per_week": 13}.items() <= doc.items()
