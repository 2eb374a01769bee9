"""The API's errors are RFC 9457 problem details."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.utils import translation

from opmaat.api.problems import domain_problem, problem_response
from opmaat.catalog.files.assembly import Assembly
from opmaat.domain.catalog import Prerequisite
from opmaat.domain.errors import InvalidCatalog, Problem, UnknownCode
from opmaat.tabular.problems import Problems


def test_a_file_with_problems_lists_each_in_errors() -> None:
    error = InvalidCatalog(
        [
            Problem("units.csv", "line 4", "hours", "must be a number"),
            Problem("units.csv", "", "", "x"),
        ]
    )
    response = problem_response(domain_problem(error))
    assert (response.status_code, response["Content-Type"]) == (422, "application/problem+json")
    body = json.loads(response.content)
    assert body["type"] == "urn:opmaat:problem:invalid_catalog"
    assert (body["status"], body["code"]) == (422, "invalid_catalog")
    assert body["errors"][0] == {
        "file": "units.csv",
        "row": "line 4",
        "field": "hours",
        "message": "must be a number",
    }
    assert body["detail"].startswith("Het catalogusbestand heeft 2 problemen")


def test_a_catalogs_consistency_problem_is_worded_in_errors() -> None:
    assembly = Assembly(Problems("catalog.yaml"))
    assembly.prerequisites.append(Prerequisite("D1-K1", "D1-K7"))
    with pytest.raises(InvalidCatalog) as caught:
        assembly.finish()
    body = domain_problem(caught.value)
    assert body["errors"] == [
        {
            "file": "catalog.yaml",
            "row": "",
            "field": "unit",
            "message": "onbekende leereenheid of onbekend werkproces D1-K1",
        },
        {
            "file": "catalog.yaml",
            "row": "",
            "field": "requires",
            "message": "onbekende leereenheid of onbekend werkproces D1-K7",
        },
    ]


def test_the_detail_is_in_the_requests_language() -> None:
    with translation.override("en"):
        body = domain_problem(UnknownCode("25797", ["25779"]))
    assert body["detail"] == "Unknown code ‘25797’; did you mean 25779?"
    assert (body["status"], body["title"]) == (404, "Not found")


def test_an_unknown_unit_is_a_404_problem(client: Client, db: None) -> None:
    response = client.get("/api/catalog/units/NOPE-1")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"].startswith("urn:opmaat:problem:")


def test_no_credentials_is_a_401_problem(client: Client, db: None) -> None:
    response = client.get("/api/learners")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response.json()["type"] == "urn:opmaat:problem:not_authenticated"
