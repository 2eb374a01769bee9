"""The planning pages, page by page and persona by persona: Hanna (Regio Midden's
coordinator) reads and edits; Bram and Fleur (staff of member organisations) read and add
their own figures; Kees (another region's coordinator), Chris, Anna and Joost get 404;
anonymous visitors go to the login page."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from opmaat.domain.forecasting.model import Lever, Route
from opmaat.forecasting import services
from opmaat.forecasting.models import Actual, Baseline, Figure, Scenario
from tests.factories import add_plan_figures
from tests.personas import Personas

VIG = "25656"
Pages = Callable[[Personas], list[str]]


def with_plan(personas: Personas) -> Scenario:
    add_plan_figures(
        personas.hanna, personas.region, workforce=(300, 400, 200), demand=1000, growth=0.03,
        starts={Route.BOL: 40, Route.BBL: 30, Route.SIDE_UNITS: 10},
    )  # fmt: skip
    return services.do_save_scenario(
        personas.hanna, personas.region, "BBL", {Lever.BOL_BBL_SWITCH: 0.3}
    )


def reads(personas: Personas, scenario: Scenario) -> list[str]:
    pk = personas.region.pk
    baseline = services.do_record_baseline(personas.hanna, personas.region, "Nulmeting")
    return [
        reverse("planning_region", args=[pk]),
        reverse("planning_qualification", args=[pk, VIG]) + f"?scenario={scenario.pk}",
        reverse("planning_baseline", args=[pk, baseline.pk]),
        reverse("planning_actuals", args=[pk]),
        reverse("planning_figures", args=[pk]),
        reverse("planning_compare", args=[pk]) + f"?q={VIG}",
        reverse("planning_xlsx", args=[pk, VIG]),
        reverse("planning_pdf", args=[pk, VIG]),
        reverse("planning_xmile", args=[pk, VIG]),
        reverse("planning_template", args=[pk]),
    ]


def client_for(personas: Personas, name: str) -> Client:
    client = Client()
    client.force_login(personas.by_name(name))
    return client


@pytest.mark.parametrize("name", ["hanna", "otto", "bram", "fleur"])
def test_the_region_and_its_members_read_every_page(personas: Personas, name: str) -> None:
    urls = reads(personas, with_plan(personas))
    client = client_for(personas, name)
    for url in urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("name", ["kees", "chris", "anna", "joost"])
def test_another_regions_coordinator_and_outsiders_get_404(personas: Personas, name: str) -> None:
    urls = reads(personas, with_plan(personas))
    client = client_for(personas, name)
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_anonymous_visitors_go_to_the_login_page(personas: Personas) -> None:
    urls = reads(personas, with_plan(personas))
    for url in urls:
        response = Client().get(url)
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL)), url


def test_the_planning_index_is_refused_to_whoever_has_no_region(personas: Personas) -> None:
    assert client_for(personas, "anna").get(reverse("planning")).status_code == 403
    assert client_for(personas, "hanna").get(reverse("planning")).status_code == 302


def test_the_gap_page_draws_supply_demand_the_gap_and_the_band(personas: Personas) -> None:
    scenario = with_plan(personas)
    url = reverse("planning_qualification", args=[personas.region.pk, VIG])
    page = client_for(personas, "hanna").get(f"{url}?scenario={scenario.pk}").content.decode()
    for part in ('class="gap"', 'class="band"', 'class="demand"', 'class="supply"', "scenario s1"):
        assert part in page, part
    assert "2035" in page


def test_hanna_adds_a_scenario_with_side_entrants_and_sees_it_on_the_chart(
    personas: Personas,
) -> None:
    with_plan(personas)
    client = client_for(personas, "hanna")
    response = client.post(
        reverse("planning_scenario_new", args=[personas.region.pk]),
        {
            "name": "Meer zij-instroom",
            "qualification": VIG,
            "extra_side_units": "60",
            "extra_side_evc": "40",
        },
    )
    scenario = Scenario.objects.get(name="Meer zij-instroom")
    assert scenario.levers == {"extra_side_units": 60.0, "extra_side_evc": 40.0}
    assert response.status_code == 302 and f"scenario={scenario.pk}" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "Meer zij-instroom" in page and "scenario s1" in page


def test_the_switch_share_is_typed_as_a_percentage(personas: Personas) -> None:
    with_plan(personas)
    client_for(personas, "hanna").post(
        reverse("planning_scenario_new", args=[personas.region.pk]),
        {"name": "Overstap", "bol_bbl_switch": "30"},
    )
    assert Scenario.objects.get(name="Overstap").levers == {"bol_bbl_switch": 0.3}


def test_a_member_may_not_add_a_scenario_baseline_or_actual(personas: Personas) -> None:
    with_plan(personas)
    client, pk = client_for(personas, "bram"), personas.region.pk
    assert client.get(reverse("planning_scenario_new", args=[pk])).status_code == 403
    assert (
        client.post(reverse("planning_baseline_record", args=[pk]), {"name": "x"}).status_code
        == 403
    )
    data = {"qualification": VIG, "year": "2026", "measure": "workforce", "value": "900"}
    assert client.post(reverse("planning_actuals", args=[pk]), data).status_code == 403
    assert client.get(reverse("planning_import", args=[pk])).status_code == 403
    assert not Baseline.objects.exists() and not Actual.objects.exists()


def test_hanna_records_a_baseline_and_sees_it(personas: Personas) -> None:
    with_plan(personas)
    client = client_for(personas, "hanna")
    response = client.post(
        reverse("planning_baseline_record", args=[personas.region.pk]), {"name": "Nulmeting 2025"}
    )
    baseline = Baseline.objects.get()
    assert response["Location"] == reverse(
        "planning_baseline", args=[personas.region.pk, baseline.pk]
    )
    assert "Hanna Hofman" in client.get(response["Location"]).content.decode()


def test_fleur_adds_a_figure_for_her_own_organisation(personas: Personas) -> None:
    with_plan(personas)
    data = {
        "organisation": str(personas.employer.pk), "qualification": VIG, "year": "2025",
        "measure": "workforce", "part": "55+", "value": "12", "source": "eigen HR",
    }  # fmt: skip
    client = client_for(personas, "fleur")
    assert (
        client.post(reverse("planning_figures", args=[personas.region.pk]), data).status_code == 302
    )
    assert Figure.objects.get(organisation=personas.employer).value == 12
    data["organisation"] = str(personas.school.pk)  # not hers: not among the choices
    assert (
        client.post(reverse("planning_figures", args=[personas.region.pk]), data).status_code == 200
    )
    assert not Figure.objects.filter(organisation=personas.school).exists()


def test_the_exports_are_a_workbook_a_pdf_and_an_xmile_model(personas: Personas) -> None:
    from openpyxl import load_workbook

    with_plan(personas)
    client, pk = client_for(personas, "hanna"), personas.region.pk
    book = load_workbook(io.BytesIO(client.get(reverse("planning_xlsx", args=[pk, VIG])).content))
    assert {"projection", "starts", "figures", "rates", "scenarios"} <= set(book.sheetnames)
    assert [c.value for c in book["projection"][1]][:3] == ["year", "supply", "supply_p10"]
    assert client.get(reverse("planning_pdf", args=[pk, VIG])).content.startswith(b"%PDF")
    model = client.get(reverse("planning_xmile", args=[pk, VIG])).content.decode()
    assert "http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" in model


def test_a_qualification_without_figures_is_404(personas: Personas) -> None:
    with_plan(personas)
    url = reverse("planning_qualification", args=[personas.region.pk, "25655"])
    assert client_for(personas, "hanna").get(url).status_code == 404


def test_a_region_number_beyond_any_id_is_404(personas: Personas) -> None:
    url = f"/regio/planning/{10**30}/"
    assert client_for(personas, "hanna").get(url).status_code == 404


def test_deleting_a_scenario_asks_first(personas: Personas) -> None:
    scenario = with_plan(personas)
    client = client_for(personas, "hanna")
    url = reverse("planning_scenario_delete", args=[personas.region.pk, scenario.pk])
    asked = client.post(url)
    assert asked.status_code == 200 and "Ja, verwijderen" in asked.content.decode()
    assert Scenario.objects.filter(pk=scenario.pk).exists()
    assert client.post(url, {"confirm": "1"}).status_code == 302
    assert not Scenario.objects.filter(pk=scenario.pk).exists()


def test_a_member_cannot_delete_a_scenario(personas: Personas) -> None:
    scenario = with_plan(personas)
    url = reverse("planning_scenario_delete", args=[personas.region.pk, scenario.pk])
    assert client_for(personas, "bram").post(url, {"confirm": "1"}).status_code == 403
    assert Scenario.objects.filter(pk=scenario.pk).exists()


def test_a_second_scenario_of_the_same_name_is_refused_next_to_the_name(
    personas: Personas,
) -> None:
    with_plan(personas)
    url = reverse("planning_scenario_new", args=[personas.region.pk])
    page = client_for(personas, "hanna").post(url, {"name": "BBL", "capacity": "10"})
    assert page.status_code == 200 and "Er is al een scenario" in page.content.decode()
    assert Scenario.objects.filter(name="BBL").count() == 1
