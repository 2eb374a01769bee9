"""EVC procedures through the JSON API."""

from __future__ import annotations

from django.test import Client

from opmaat.accounts.models import ApiToken
from tests.factories import make_procedure
from tests.personas import Personas


def bearer(personas: Personas, who: str) -> Client:
    _, key = ApiToken.issue(personas.by_name(who), "test")
    return Client(headers={"Authorization": f"Bearer {key}"})


def test_the_advisor_moves_a_procedure_and_reads_it_back(personas: Personas) -> None:
    procedure = make_procedure(
        personas.bram, personas.anna_record, personas.evc_provider, units=["23312-B1-K2"]
    )
    client = bearer(personas, "bram")
    moved = client.post(
        f"/api/recognition/procedures/{procedure.pk}/transitions",
        {"target": "portfolio", "note": "Intake gehad", "version": procedure.version},
        content_type="application/json",
    )
    assert moved.status_code == 200 and moved.json()["state"] == "portfolio"
    listed = client.get(f"/api/recognition/learners/{personas.anna_record.pk}/procedures").json()
    assert [p["id"] for p in listed] == [procedure.pk]
    assert listed[0]["werkprocessen"] == ["23312-B1-K2-W1", "23312-B1-K2-W2"]


def test_a_refused_move_says_why_with_a_stable_code(personas: Personas) -> None:
    procedure = make_procedure(personas.bram, personas.anna_record, personas.evc_provider)
    response = bearer(personas, "bram").post(
        f"/api/recognition/procedures/{procedure.pk}/transitions",
        {"target": "decision", "version": procedure.version},
        content_type="application/json",
    )
    assert response.status_code == 409  # a conflict with the procedure's phase
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "illegal_transition"
    assert response.json()["type"] == "urn:opmaat:problem:illegal_transition"


def test_an_outsider_gets_403_and_no_credentials_401(personas: Personas) -> None:
    procedure = make_procedure(personas.bram, personas.anna_record, personas.evc_provider)
    url = f"/api/recognition/procedures/{procedure.pk}"
    assert bearer(personas, "chris").get(url).status_code == 403
    assert Client().get(url).status_code == 401
    assert bearer(personas, "bram").get(url + "/certificate").status_code == 404
