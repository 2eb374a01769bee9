"""The workforce API through HTTP, with a bearer token: the same permissions as the pages
(Fleur sees Zuid, Mira gets 404, Lars sees team Noord only) and the same answers."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.accounts.models import ApiToken
from opmaat.workforce import services
from opmaat.workforce.models import CareFunction
from tests.workforce.cast import Workforce

pytestmark = pytest.mark.django_db


def bearer(user: User) -> dict[str, str]:
    _, key = ApiToken.issue(user, "test")
    return {"Authorization": f"Bearer {key}"}


def get(client: Client, user: User, path: str) -> tuple[int, object]:
    response = client.get(f"/api/workforce{path}", headers=bearer(user))
    return response.status_code, response.json()


def test_hr_reads_the_functiehuis_and_another_organisations_hr_gets_404(
    client: Client, workforce: Workforce
) -> None:
    code, body = get(
        client, workforce.cast.fleur, f"/organisations/{workforce.zuid.pk}/functiehuis"
    )
    assert code == 200 and isinstance(body, dict)
    assert {f["code"] for f in body["functions"]} == {"VIG", "HULP"}
    assert sum(a["reserved"] for a in body["acts"]) == 14
    assert get(client, workforce.mira, f"/organisations/{workforce.zuid.pk}/functiehuis")[0] == 404
    assert get(client, workforce.lars, f"/organisations/{workforce.zuid.pk}/functiehuis")[0] == 404


def test_each_sees_only_the_employees_they_may(client: Client, workforce: Workforce) -> None:
    def names(user: User) -> set[str]:
        code, body = get(client, user, "/employees")
        assert code == 200 and isinstance(body, list)
        return {e["name"] for e in body}

    assert names(workforce.cast.fleur) == {"Anna de Wit", "Kees Kok"}
    assert names(workforce.lars) == {"Anna de Wit"}
    assert names(workforce.mira) == {"Olga Oud"}
    assert names(workforce.cast.bram) == set()


def test_deployability_says_what_is_missing_as_the_page_does(
    client: Client, workforce: Workforce
) -> None:
    code, body = get(client, workforce.lars, f"/employees/{workforce.kees.pk}/deployability")
    assert code == 404
    code, body = get(client, workforce.cast.fleur, f"/employees/{workforce.kees.pk}/deployability")
    assert code == 200 and isinstance(body, dict)
    tasks = {t["task"]: t for t in body["tasks"]}
    assert tasks["ADL"]["status"] == "alone"  # his VIG diploma credits 23268-B1-K1-W4
    assert {m["kind"] for m in tasks["MED"]["missing"]} == {"act_authorisation"}
    assert body["school_data"] is False


def test_coverage_per_team_and_day(client: Client, workforce: Workforce) -> None:
    day = (services.today() + timedelta(days=1)).isoformat()
    code, body = get(client, workforce.lars, f"/teams/{workforce.noord_team.pk}/coverage?day={day}")
    assert code == 200 and isinstance(body, dict)
    [window] = body["windows"]
    assert window["needs"][0]["count"] == 2 and body["unmet"] == 2  # nobody rostered
    assert window["needs"][0]["fill"] == []  # Kees could, but is not Lars's to see
    code, body = get(
        client, workforce.cast.fleur, f"/teams/{workforce.noord_team.pk}/coverage?day={day}"
    )
    assert isinstance(body, dict) and body["windows"][0]["needs"][0]["fill"] == [workforce.kees.pk]
    assert get(client, workforce.lars, f"/teams/{workforce.zuid_team.pk}/coverage")[0] == 404


def test_training_demand_is_for_hr(client: Client, workforce: Workforce) -> None:
    code, body = get(client, workforce.cast.fleur, f"/organisations/{workforce.zuid.pk}/demand")
    assert code == 200 and isinstance(body, dict) and body["format"] == "opmaat-training-demand/1"
    assert get(client, workforce.lars, f"/organisations/{workforce.zuid.pk}/demand")[0] == 404


def test_a_carving_posted_with_save_becomes_a_draft_function(
    client: Client, workforce: Workforce
) -> None:
    path = f"/api/workforce/organisations/{workforce.zuid.pk}/carvings"
    body = {"source": "VIG", "tasks": ["ADL"], "code": "HIO", "name": "Helpende in opleiding"}
    response = client.post(
        path,
        json.dumps(body),
        content_type="application/json",
        headers=bearer(workforce.cast.fleur),
    )
    assert response.status_code == 200 and response.json()["saved"] is False
    assert response.json()["hours_saved"] > 0
    assert not CareFunction.objects.filter(code="HIO").exists()
    saved = client.post(
        path,
        json.dumps({**body, "save": True}),
        content_type="application/json",
        headers=bearer(workforce.cast.fleur),
    )
    assert saved.status_code == 200
    assert CareFunction.objects.get(organisation=workforce.zuid, code="HIO").draft
    refused = client.post(
        path,
        json.dumps({**body, "save": True}),
        content_type="application/json",
        headers=bearer(workforce.mira),
    )
    assert refused.status_code == 404


def test_without_credentials_the_api_answers_401(client: Client, workforce: Workforce) -> None:
    assert client.get("/api/workforce/employees").status_code == 401


def test_the_openapi_schema_describes_the_workforce_endpoints(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/workforce/employees/{pk}/deployability" in paths
    assert "/api/workforce/organisations/{pk}/carvings" in paths
