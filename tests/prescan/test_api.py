"""POST /api/prescan/: public, the same document as the CLI, planned on the week sent,
400 on bad input, nothing kept."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pytest
from django.test import Client

from opmaat.prescan.models import SavedPrescan
from tests.prescan.conftest import HELD, PROFILE, TARGET

pytestmark = pytest.mark.django_db

EXPECTED = ["certain", "likely", "likely", "certain", "certain", "certain"] + ["likely"] * 3


def post(client: Client, body: Mapping[str, object]) -> tuple[int, dict[str, object]]:
    response = client.post("/api/prescan/", json.dumps(body), content_type="application/json")
    document: dict[str, object] = response.json()
    return response.status_code, document


def months(document: dict[str, object]) -> float:
    value = document["months_remaining"]
    assert isinstance(value, float)
    return value


def test_it_answers_without_credentials_with_the_cli_document(client: Client) -> None:
    body = {"target": TARGET, "have": [HELD], "answers": dict.fromkeys(PROFILE, "on_my_own")}
    status, doc = post(client, body)
    assert status == 200
    units = doc["units"]
    assert isinstance(units, list)
    assert [u["estimate"] for u in units] == EXPECTED
    assert doc["generic_missing"] == ["NL-3F", "REK-4", "EN-B1"]
    assert doc["open"] is True and doc["pathway"] == "BOL"
    assert SavedPrescan.objects.count() == 0


def test_the_week_sent_plans_the_months(client: Client) -> None:
    body: dict[str, object] = {"target": TARGET, "have": [HELD], "start": "2027-09-01"}
    _, bol = post(client, body)
    _, bbl = post(client, {**body, "pathway": "BBL", "work_hours_per_week": 32})
    _, slow = post(client, {**body, "hours_per_week": 10})
    assert (bbl["pathway"], bbl["work_hours_per_week"], slow["study_hours_per_week"]) == (
        "BBL",
        32.0,
        10.0,
    )
    assert bol["start"] == "2027-09-01" and bol["nominal_months"] == 36.0
    assert months(bol) < months(slow)
    assert bol["remaining_hours"] == bol["remaining_hours_pessimistic"]


def test_a_target_the_person_may_not_start_is_not_open(client: Client) -> None:
    status, doc = post(client, {"target": "25741", "have": ["VMBO-GT"]})
    assert status == 200 and doc["open"] is False
    assert "Entree is alleen voor" in str(doc["reason"])


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"target": "25747"}, 404, "unknown_code"),
        ({"target": TARGET, "have": ["NOPE"]}, 404, "unknown_code"),
        ({"target": TARGET, "answers": {"23312-P2-K1-W1": "sometimes"}}, 400, "invalid_answer"),
        (
            {"target": TARGET, "answers": {"23312-P1-K1-W1": "never"}},
            400,
            "outcome_not_in_target",
        ),
        ({"target": "23312-P2-K1-W1"}, 400, "not_a_target"),
        ({"target": TARGET, "pathway": "BOL", "work_hours_per_week": 20}, 400, "work_hours_in_bol"),
    ],
)
def test_bad_input_answers_with_problem_details_and_a_stable_code(
    client: Client, body: dict[str, object], status: int, code: str
) -> None:
    answered, doc = post(client, body)
    assert (answered, doc["code"], doc["status"]) == (status, code, status)
    assert doc["type"] == f"urn:opmaat:problem:{code}"
    assert isinstance(doc["title"], str) and isinstance(doc["detail"], str)


def test_a_validation_error_lists_each_field_in_errors(client: Client) -> None:
    answered, doc = post(client, {"target": TARGET, "hours_per_week": 99})
    assert (answered, doc["code"], doc["type"]) == (
        422,
        "validation_error",
        "urn:opmaat:problem:validation_error",
    )
    assert doc["status"] == 422 and doc["title"] == "Niet te verwerken"
    errors = doc["errors"]
    assert isinstance(errors, list) and [e["field"] for e in errors] == ["body.body.hours_per_week"]


def test_a_pathway_outside_the_choices_is_a_validation_error(client: Client) -> None:
    status, _ = post(client, {"target": TARGET, "pathway": "avond"})
    assert status == 422
