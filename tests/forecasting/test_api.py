"""The planning API through HTTP (/api/planning): the same services and permissions as
the pages. Hanna edits, Bram reads and adds his school's figures, Kees and Anna get 404,
a request without credentials 401."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from opmaat.accounts.models import ApiToken
from opmaat.domain.forecasting.model import Route
from opmaat.forecasting import services
from opmaat.forecasting.models import ActualMeasure, Scenario
from tests.factories import add_plan_figures
from tests.personas import Personas

VIG = "25656"


@pytest.fixture
def planned(personas: Personas) -> Personas:
    add_plan_figures(
        personas.hanna, personas.region, workforce=(300, 400, 200), demand=1000, growth=0.03,
        starts={Route.BOL: 40, Route.BBL: 30},
    )  # fmt: skip
    return personas


def api(personas: Personas, name: str) -> Client:
    _, key = ApiToken.issue(personas.by_name(name), "test")
    return Client(headers={"Authorization": f"Bearer {key}"}, enforce_csrf_checks=True)


def post(client: Client, path: str, body: dict[str, object]) -> tuple[int, dict[str, object]]:
    response = client.post(path, json.dumps(body), content_type="application/json")
    return response.status_code, response.json() if response.content else {}


def base(personas: Personas) -> str:
    return f"/api/planning/regions/{personas.region.pk}"


def test_the_regions_list_names_what_each_may_do(planned: Personas) -> None:
    assert api(planned, "hanna").get("/api/planning/regions").json() == [
        {"id": planned.region.pk, "name": "Regio Midden", "access": "edit", "qualifications": [VIG]}
    ]
    assert api(planned, "bram").get("/api/planning/regions").json()[0]["access"] == "member"
    assert api(planned, "anna").get("/api/planning/regions").json() == []


def test_the_projection_runs_to_2035_with_its_band(planned: Personas) -> None:
    document = api(planned, "hanna").get(f"{base(planned)}/projections/{VIG}").json()
    assert document["years"][0] == 2025 and document["years"][-1] == 2035
    p10, p90 = document["bands"]["gap"]["p10"], document["bands"]["gap"]["p90"]
    assert all(low <= high for low, high in zip(p10, p90, strict=True))
    assert document["durations"]["side_evc"] < document["durations"]["BOL"]
    assert len(document["starts_needed"]) == len(document["routes"])


def test_hanna_creates_changes_and_deletes_a_scenario(planned: Personas) -> None:
    client = api(planned, "hanna")
    status, created = post(
        client, f"{base(planned)}/scenarios", {"name": "Zij", "levers": {"extra_side_units": 100}}
    )
    assert status == 201 and created["levers"] == {"extra_side_units": 100.0}
    path = f"{base(planned)}/scenarios/{created['id']}"
    changed = client.put(
        path,
        json.dumps({"name": "Zij-instroom", "levers": {"extra_side_evc": 50}}),
        content_type="application/json",
    )
    assert changed.status_code == 200 and changed.json()["name"] == "Zij-instroom"
    assert client.delete(path).status_code == 204
    assert not Scenario.objects.exists()


def test_an_unknown_lever_is_refused_by_the_schema(planned: Personas) -> None:
    status, problem = post(
        api(planned, "hanna"), f"{base(planned)}/scenarios", {"name": "x", "levers": {"magic": 1}}
    )
    assert status == 422 and problem["code"] == "validation_error"


def test_the_comparison_shows_side_entrants_closing_the_gap(planned: Personas) -> None:
    client = api(planned, "hanna")
    _, created = post(
        client, f"{base(planned)}/scenarios", {"name": "Zij", "levers": {"extra_side_units": 200}}
    )
    document = client.get(f"{base(planned)}/comparisons/{VIG}?scenario={created['id']}").json()
    assert document["names"] == ["Zonder scenario", "Zij"]
    assert document["gap_difference"][1][-1] < 0 and document["gap"][1][-1] < document["gap"][0][-1]


def test_a_baseline_and_its_backtest(planned: Personas) -> None:
    client = api(planned, "hanna")
    response = client.post(f"{base(planned)}/baselines", {"name": "Nulmeting"}, "application/json")
    baseline = response.json()
    assert response.status_code == 201 and baseline["recorded_by"] == "Hanna Hofman"
    supply = baseline["projections"][VIG]["supply"]
    services.do_record_actual(
        planned.hanna, planned.region, VIG, 2026, ActualMeasure.WORKFORCE, supply[1] * 1.1
    )
    document = client.get(f"{base(planned)}/baselines/{baseline['id']}/backtests/{VIG}").json()
    assert [e["year"] for e in document["errors"]] == [2026]
    assert document["errors"][0]["error_pct"] == pytest.approx(-100 * 0.1 / 1.1, abs=1e-3)


def test_the_model_downloads_as_xmile(planned: Personas) -> None:
    response = api(planned, "hanna").get(f"{base(planned)}/models/{VIG}")
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    assert b"<xmile" in response.content


def test_bram_reads_and_adds_his_schools_figures_but_not_the_regions(planned: Personas) -> None:
    client = api(planned, "bram")
    assert client.get(f"{base(planned)}/projections/{VIG}").status_code == 200
    figure = {
        "qualification": VIG,
        "year": 2025,
        "measure": "workforce",
        "part": "55+",
        "value": 5,
        "source": "HR",
    }
    assert (
        post(client, f"{base(planned)}/figures", {**figure, "organisation": planned.school.pk})[0]
        == 201
    )
    assert (
        post(client, f"{base(planned)}/figures", {**figure, "organisation": planned.employer.pk})[0]
        == 404
    )
    assert post(client, f"{base(planned)}/figures", figure)[0] == 403
    assert post(client, f"{base(planned)}/scenarios", {"name": "x", "levers": {}})[0] == 403
    assert post(client, f"{base(planned)}/baselines", {"name": "x"})[0] == 403
    assert [f["organisation"] for f in client.get(f"{base(planned)}/figures").json()] == [
        "ROC Noord"
    ]


@pytest.mark.parametrize("name", ["kees", "anna", "chris"])
def test_everyone_else_finds_no_such_region(planned: Personas, name: str) -> None:
    client = api(planned, name)
    for path in ("/figures", "/scenarios", f"/projections/{VIG}", "/baselines", f"/models/{VIG}"):
        assert client.get(base(planned) + path).status_code == 404, path


def test_without_credentials_the_answer_is_401(planned: Personas) -> None:
    assert Client().get(f"{base(planned)}/projections/{VIG}").status_code == 401


def test_the_planning_operations_are_described_and_need_credentials(planned: Personas) -> None:
    schema = Client().get("/api/openapi.json").json()
    paths = {p: ops for p, ops in schema["paths"].items() if p.startswith("/api/planning/")}
    assert "/api/planning/regions/{pk}/projections/{code}" in paths
    for ops in paths.values():
        for operation in ops.values():
            assert operation["security"], operation["operationId"]


def test_a_scenario_name_given_twice_is_409(planned: Personas) -> None:
    client = api(planned, "hanna")
    assert post(client, f"{base(planned)}/scenarios", {"name": "A", "levers": {}})[0] == 201
    status, problem = post(client, f"{base(planned)}/scenarios", {"name": "A", "levers": {}})
    assert status == 409 and problem["code"] == "planning_name_taken"
