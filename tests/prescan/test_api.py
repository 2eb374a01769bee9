"""POST /api/prescan/: public, the same document as the CLI, 400 on bad input, nothing kept."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from opmaat.prescan.models import SavedPrescan
from tests.prescan.conftest import P3

pytestmark = pytest.mark.django_db


def post(client: Client, body: dict[str, object]) -> tuple[int, dict[str, object]]:
    response = client.post("/api/prescan/", json.dumps(body), content_type="application/json")
    document: dict[str, object] = response.json()
    return response.status_code, document


def test_it_answers_without_credentials_with_the_cli_document(client: Client) -> None:
    status, doc = post(
        client, {"target": "25477", "have": ["25475"], "answers": dict.fromkeys(P3, "on_my_own")}
    )
    assert status == 200
    units = doc["units"]
    assert isinstance(units, list)
    assert [u["estimate"] for u in units] == ["certain", "certain", "likely"]
    assert doc["remaining_hours"] == 560.0  # NL-3F 240 + REK-3F 160 + EN-B1 160
    assert SavedPrescan.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"target": "25747"}, "unknown_code"),
        ({"target": "25477", "have": ["NOPE"]}, "unknown_code"),
        ({"target": "25477", "answers": {"23181-P3-K1-W1": "sometimes"}}, "invalid_answer"),
        ({"target": "25477", "answers": {"23181-P1-K1-W1": "never"}}, "outcome_not_in_target"),
        ({"target": "23181-P3-K1-W1"}, "not_a_target"),
    ],
)
def test_bad_input_answers_400_with_a_stable_code(
    client: Client, body: dict[str, object], code: str
) -> None:
    status, doc = post(client, body)
    assert (status, doc["code"]) == (400, code)
