"""Who sees which staff, page by page and file by file (docs/access.md, "Staff and
deployability"): Fleur (HR of Zorggroep Zuid) sees Zuid's staff; Mira (HR of Zorggroep
Oost) gets 404 for everything of Zuid; Lars (team leader of Noord) sees his team and
nothing else; learners, outsiders and staff of schools get nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.workforce.cast import Workforce

pytestmark = pytest.mark.django_db

Url = Callable[[Workforce], str]

ORGANISATION_PAGES: list[Url] = [
    lambda w: f"/personeel/{w.zuid.pk}/",
    lambda w: f"/personeel/{w.zuid.pk}/medewerkers/",
    lambda w: f"/personeel/{w.zuid.pk}/opleidingsvraag/",
    lambda w: f"/personeel/{w.zuid.pk}/jobcarving/",
    lambda w: f"/personeel/{w.zuid.pk}/functiehuis/",
    lambda w: f"/personeel/{w.zuid.pk}/bezetting.xlsx",
    lambda w: f"/personeel/{w.zuid.pk}/opleidingsvraag.xlsx",
    lambda w: f"/personeel/{w.zuid.pk}/functiehuis.xlsx",
]
NOORD_PAGES: list[Url] = [
    lambda w: f"/personeel/team/{w.noord_team.pk}/",
    lambda w: f"/personeel/team/{w.noord_team.pk}/dienst/",
    lambda w: f"/personeel/medewerker/{w.anna.pk}/",
    lambda w: f"/personeel/medewerker/{w.anna.pk}/inzetbaarheid.csv",
    lambda w: f"/personeel/medewerker/{w.anna.pk}/inzetbaarheid.json",
]
ZUID_TEAM_PAGES: list[Url] = [
    lambda w: f"/personeel/team/{w.zuid_team.pk}/",
    lambda w: f"/personeel/team/{w.zuid_team.pk}/dienst/",
    lambda w: f"/personeel/medewerker/{w.kees.pk}/",
    lambda w: f"/personeel/medewerker/{w.kees.pk}/inzetbaarheid.csv",
]
EVERY_PAGE = ORGANISATION_PAGES + NOORD_PAGES + ZUID_TEAM_PAGES


def status(client: Client, user: User | None, url: str) -> int:
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


@pytest.mark.parametrize("url", EVERY_PAGE)
def test_hr_of_the_organisation_sees_every_page_of_its_staff(
    client: Client, workforce: Workforce, url: Url
) -> None:
    assert status(client, workforce.cast.fleur, url(workforce)) == 200


@pytest.mark.parametrize("url", EVERY_PAGE)
def test_hr_of_another_organisation_never_sees_its_staff(
    client: Client, workforce: Workforce, url: Url
) -> None:
    assert status(client, workforce.mira, url(workforce)) == 404


@pytest.mark.parametrize("url", NOORD_PAGES)
def test_a_team_leader_sees_their_own_team(client: Client, workforce: Workforce, url: Url) -> None:
    assert status(client, workforce.lars, url(workforce)) == 200


@pytest.mark.parametrize("url", ORGANISATION_PAGES + ZUID_TEAM_PAGES)
def test_a_team_leader_sees_no_other_team_and_no_organisation_page(
    client: Client, workforce: Workforce, url: Url
) -> None:
    assert status(client, workforce.lars, url(workforce)) == 404


@pytest.mark.parametrize("who", ["anna", "chris", "bram", "eva", "gijs", "hanna", "joost"])
@pytest.mark.parametrize("url", EVERY_PAGE)
def test_learners_outsiders_and_other_staff_get_nothing(
    client: Client, workforce: Workforce, who: str, url: Url
) -> None:
    """Gijs, the praktijkopleider at Zuid, and Anna, who is an employee there, included."""
    assert status(client, workforce.cast.by_name(who), url(workforce)) == 404


@pytest.mark.parametrize("url", EVERY_PAGE)
def test_anonymous_visitors_are_sent_to_the_login(
    client: Client, workforce: Workforce, url: Url
) -> None:
    response = client.get(url(workforce))
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_the_start_page_sends_hr_and_team_leaders_on_and_refuses_others(
    client: Client, workforce: Workforce
) -> None:
    client.force_login(workforce.cast.fleur)
    assert client.get("/personeel/")["Location"] == f"/personeel/{workforce.zuid.pk}/"
    client.force_login(workforce.lars)
    assert client.get("/personeel/")["Location"] == f"/personeel/team/{workforce.noord_team.pk}/"
    client.force_login(workforce.cast.bram)
    assert client.get("/personeel/").status_code == 403


def test_the_menu_offers_the_staff_pages_only_to_hr_and_team_leaders(
    client: Client, workforce: Workforce
) -> None:
    for user, shown in ((workforce.cast.fleur, True), (workforce.lars, True)):
        client.force_login(user)
        assert ('href="/personeel/"' in client.get("/").content.decode()) is shown
    client.force_login(workforce.cast.bram)
    assert 'href="/personeel/"' not in client.get("/").content.decode()


def test_a_team_leader_sees_who_could_fill_in_from_another_team_only_as_a_count(
    client: Client, workforce: Workforce
) -> None:
    """Kees (team Zuid, a VIG, not rostered) could fill Noord's ADL need: Fleur sees his
    name, Lars only that someone of another team could."""
    url = f"/personeel/team/{workforce.noord_team.pk}/dienst/"
    client.force_login(workforce.cast.fleur)
    assert "Kees Kok" in client.get(url).content.decode()
    client.force_login(workforce.lars)
    page = client.get(url).content.decode()
    assert "Kees Kok" not in page and "medewerker van een ander team" in page


def test_hr_of_an_organisation_without_staff_yet_reaches_its_dashboard(
    client: Client, workforce: Workforce
) -> None:
    """To upload a functiehuis and a roster, the organisation needs no employees first."""
    from opmaat.domain.access import OrganisationKind, Role
    from tests.factories import make_organisation, make_staff

    empty = make_organisation("Zorggroep Nieuw", OrganisationKind.CARE)
    client.force_login(make_staff("nina", empty, Role.EMPLOYER_HR, "Nina Nieuw"))
    assert client.get("/personeel/")["Location"] == f"/personeel/{empty.pk}/"
    assert client.get(f"/personeel/{empty.pk}/").status_code == 200
    assert client.get(f"/personeel/{empty.pk}/bestanden/").status_code == 200


POSTS: list[tuple[Url, dict[str, object]]] = [
    (lambda w: f"/personeel/{w.zuid.pk}/voorstellen/bijwerken/", {}),
    (
        lambda w: f"/personeel/{w.zuid.pk}/jobcarving/",
        {"source": "VIG", "tasks": ["ADL"], "code": "X", "name": "X"},
    ),
    (lambda w: f"/personeel/{w.zuid.pk}/bestanden/", {"kind": "roster"}),
    (lambda w: f"/personeel/medewerker/{w.kees.pk}/bekwaamheid/", {}),
]


@pytest.mark.parametrize("who", ["mira", "lars", "chris", "anna", "gijs"])
@pytest.mark.parametrize(("url", "data"), POSTS)
def test_nobody_outside_writes_to_an_organisations_staff_data(
    client: Client, workforce: Workforce, who: str, url: Url, data: dict[str, object]
) -> None:
    from opmaat.workforce.models import WorkforceEvent

    user = workforce.mira if who == "mira" else workforce.lars if who == "lars" else None
    client.force_login(user or workforce.cast.by_name(who))
    before = WorkforceEvent.objects.count()
    assert client.post(url(workforce), data).status_code == 404
    assert WorkforceEvent.objects.count() == before
