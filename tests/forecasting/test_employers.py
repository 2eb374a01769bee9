"""The region sees its employers' training demand as the employers do, summed and without
a person: the demo's Zorggroep Het Baken lies in Zorgregio Rivierenland, so its demand
reaches the coordinator's page and API, with small groups hidden."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.accounts.models import Organisation
from opmaat.domain.access import SMALL_GROUP
from opmaat.forecasting.employers import demand_days, employer_demand
from opmaat.workforce import services as workforce
from opmaat.workforce.models import Employee
from tests.demo_logins import COORDINATOR, EMPLOYER_HR, INTAKE, SANNE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def region() -> Organisation:
    return Organisation.objects.get(members__name__startswith="Zorggroep Het Baken")


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_the_regions_demand_is_its_employers_demand_summed() -> None:
    days = demand_days()
    baken = Organisation.objects.get(name__startswith="Zorggroep Het Baken")
    own = workforce.best_units(workforce.demand_of(workforce.staff_of(baken, days[0]), days))
    assert own, "the demo's wards have gaps that training would close"
    rolled = {r.candidate: r for r in employer_demand(region(), days[0]).rows}
    assert set(rolled) == {u.candidate for u in own}
    for unit in own:
        row = rolled[unit.candidate]
        if row.people is not None:
            assert (row.people, row.gained) == (unit.people, unit.gained)
            assert row.hours == pytest.approx(unit.hours)
        else:
            assert row.hours is None and row.gained is None


def test_the_coordinator_reads_it_without_any_name_and_with_small_groups_hidden() -> None:
    response = signed_in(COORDINATOR).get(f"/regio/planning/{region().pk}/werkgevers/")
    assert response.status_code == 200
    page = response.content.decode()
    for name in Employee.objects.values_list("name", flat=True):
        assert name not in page
    demand = employer_demand(region())
    if any(r.people is None for r in demand.rows):
        assert f"&lt; {SMALL_GROUP}" in page
    assert demand.rows[0].name in page


def test_the_api_gives_the_same_rows() -> None:
    response = signed_in(COORDINATOR).get(f"/api/planning/regions/{region().pk}/employer-demand")
    assert response.status_code == 200
    body = response.json()
    expected = employer_demand(region())
    assert [r["candidate"] for r in body["rows"]] == [r.candidate for r in expected.rows]
    assert [r["people"] for r in body["rows"]] == [r.people for r in expected.rows]
    assert body["organisations"] == 1


def test_member_staff_read_it_and_outsiders_find_no_region() -> None:
    url = f"/regio/planning/{region().pk}/werkgevers/"
    assert signed_in(EMPLOYER_HR).get(url).status_code == 200  # Het Baken is a member
    assert signed_in(INTAKE).get(url).status_code == 200  # so is the school
    assert signed_in(SANNE).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the login page
