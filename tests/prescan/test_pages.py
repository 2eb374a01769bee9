"""The public pre-scan pages: choose a target, answer, see the estimates, return by token."""

from __future__ import annotations

import pytest
from django.test import Client

from opmaat.prescan.models import SavedPrescan
from tests.prescan.conftest import P3, People, scan_form

pytestmark = pytest.mark.django_db


def test_the_first_step_lists_the_qualifications_without_login(client: Client) -> None:
    response = client.get("/vrijstellingsscan/")
    assert response.status_code == 200
    assert "Persoonlijk begeleider gehandicaptenzorg" in response.content.decode()


def test_choosing_a_target_shows_a_question_per_outcome_grouped_per_unit(client: Client) -> None:
    page = client.get("/vrijstellingsscan/", {"doel": "25477"}).content.decode()
    assert 'name="a_23181-P3-K1-W8"' in page and 'value="teaches_others"' in page
    assert "Ik leer het anderen" in page and "23181-B1-K2" in page


def test_an_unknown_target_is_refused_next_to_the_field(client: Client) -> None:
    response = client.get("/vrijstellingsscan/", {"doel": "99999"})
    assert response.status_code == 400
    assert 'name="a_' not in response.content.decode()


def test_posting_stores_the_scan_and_shows_it_by_an_unguessable_token(
    client: Client, people: People
) -> None:
    answers = dict.fromkeys(P3, "on_my_own")
    response = client.post("/vrijstellingsscan/", scan_form(have=["25475"], answers=answers))
    assert response.status_code == 302
    scan = SavedPrescan.objects.get()
    assert response["Location"] == f"/vrijstellingsscan/{scan.token}/"
    assert len(scan.token) >= 32 and scan.learner is None
    page = client.get(response["Location"]).content.decode()
    assert 'data-estimate="certain"' in page and 'data-estimate="likely"' in page
    assert "diploma 25475" in page and "<svg" in page


def test_a_validation_error_keeps_the_answers(client: Client, people: People) -> None:
    answers = {"23181-P3-K1-W1": "teaches_others"}
    response = client.post(
        "/vrijstellingsscan/", scan_form(answers=answers, hours_per_week="0", have=["NOPE"])
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="teaches_others" id="id_a_23181-P3-K1-W1_3" checked' in page
    assert 'id="id_have_error"' in page and 'id="id_hours_per_week_error"' in page
    assert SavedPrescan.objects.count() == 0


def test_the_duration_follows_the_hours_per_week_chosen(client: Client, people: People) -> None:
    response = client.post("/vrijstellingsscan/", scan_form(have=["25475"]))
    url = response["Location"]
    assert "106 weken" in client.get(url).content.decode()
    assert "212 weken" in client.get(url, {"uren": "10"}).content.decode()


def test_an_unknown_token_is_404(client: Client) -> None:
    assert client.get("/vrijstellingsscan/doesnotexist/").status_code == 404


def test_the_home_page_and_the_menu_link_to_the_scan(client: Client) -> None:
    page = client.get("/").content.decode()
    assert page.count('href="/vrijstellingsscan/"') >= 2
