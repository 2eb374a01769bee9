"""The public pre-scan pages: choose a target, answer per werkproces, give the week, see the
estimates and the months, return by token."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from opmaat.prescan.models import SavedPrescan
from tests.personas import Personas
from tests.prescan.conftest import HELD, PROFILE, scan_form

pytestmark = pytest.mark.django_db


def options(page: str, value: str) -> list[str]:
    return re.findall(rf'<option value="{re.escape(value)}"[^>]*>([^<]*)</option>', page)


def test_the_first_step_offers_each_current_target_once_without_login(client: Client) -> None:
    response = client.get("/vrijstellingsscan/")
    assert response.status_code == 200
    page = response.content.decode()
    assert options(page, "25656") == ["Verzorgende-IG (niveau 3, 25656)"]
    assert options(page, "25487") == ["Praktijkopleider (niveau 4, 25487, voorlopig)"]
    assert options(page, "C0054") == ["Basis voor deskundige zorg (niveau 3, C0054)"]
    assert options(page, "25491") == [] and options(page, "25477") == []  # superseded


def test_choosing_a_target_asks_per_werkproces_grouped_per_exam_unit(client: Client) -> None:
    page = client.get("/vrijstellingsscan/", {"doel": "25656"}).content.decode()
    assert 'name="a_23268-B1-K1-W4"' in page and 'value="teaches_others"' in page
    assert "Werk in uitvoering" in page and "23268-B1-K1-1" in page
    assert "Ik leer het anderen" in page
    assert 'name="pathway"' in page and 'name="work_hours_per_week"' in page


def test_superseded_diplomas_are_offered_as_what_you_hold(client: Client) -> None:
    page = client.get("/vrijstellingsscan/", {"doel": "25656"}).content.decode()
    assert 'value="25491"' in page and 'value="VMBO-GT"' in page
    assert 'value="VV2020-B1-K1"' not in page  # a retired code, only for old records


def test_an_unknown_target_is_refused_next_to_the_field(client: Client) -> None:
    response = client.get("/vrijstellingsscan/", {"doel": "99999"})
    assert response.status_code == 400
    assert 'name="a_' not in response.content.decode()


def test_posting_stores_the_scan_and_shows_it_by_an_unguessable_token(
    client: Client, personas: Personas
) -> None:
    answers = dict.fromkeys(PROFILE, "on_my_own")
    response = client.post("/vrijstellingsscan/", scan_form(have=[HELD], answers=answers))
    assert response.status_code == 302
    scan = SavedPrescan.objects.get()
    assert response["Location"] == f"/vrijstellingsscan/{scan.token}/"
    assert len(scan.token) >= 32 and scan.learner is None
    kept = client.get(response["Location"])
    assert "no-store" in kept["Cache-Control"]  # public, but theirs: never cached
    page = kept.content.decode()
    assert 'data-estimate="certain"' in page and 'data-estimate="likely"' in page
    assert "diploma 25780" in page and "<svg" in page
    assert 'id="remaining-months"' in page and "nominaal 36 maanden" in page
    assert 'id="not-open"' not in page


def test_a_bbl_week_is_kept_with_the_scan(client: Client, personas: Personas) -> None:
    form = scan_form(have=[HELD], pathway="BBL", work_hours_per_week="28", hours_per_week="")
    client.post("/vrijstellingsscan/", form)
    scan = SavedPrescan.objects.get()
    assert (scan.pathway, scan.work_hours_per_week, scan.hours_per_week) == ("BBL", 28.0, 8.0)
    assert scan.document["pathway"] == "BBL"
    assert any("BBL met 28 uur werk" in s for s in scan.document["explanation"])


def test_a_validation_error_keeps_the_answers(client: Client, personas: Personas) -> None:
    answers = {"23312-P2-K1-W1": "teaches_others"}
    response = client.post(
        "/vrijstellingsscan/", scan_form(answers=answers, hours_per_week="-1", have=["NOPE"])
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="teaches_others" id="id_a_23312-P2-K1-W1_3" checked' in page
    assert 'id="id_have_error"' in page and 'id="id_hours_per_week_error"' in page
    assert SavedPrescan.objects.count() == 0


def test_work_hours_in_bol_are_refused_in_dutch(client: Client, personas: Personas) -> None:
    response = client.post("/vrijstellingsscan/", scan_form(work_hours_per_week="24"))
    assert response.status_code == 400
    assert "Bij BOL tellen werkuren niet als studielast" in response.content.decode()


def test_a_target_the_person_may_not_start_is_shown_as_not_open(
    client: Client, personas: Personas
) -> None:
    response = client.post("/vrijstellingsscan/", scan_form("25741", have=["VMBO-GT"]))
    page = client.get(response["Location"]).content.decode()
    assert 'id="not-open"' in page and "U kunt deze opleiding nu niet starten." in page
    assert "Entree is alleen voor wie nog niet toelaatbaar is" in page


def test_another_week_replans_the_months_without_changing_the_kept_scan(
    client: Client, personas: Personas
) -> None:
    response = client.post("/vrijstellingsscan/", scan_form(have=[HELD]))
    url = response["Location"]
    kept = SavedPrescan.objects.get().document
    page = client.get(url).content.decode()
    assert 'id="replanned"' not in page
    bbl = client.get(url, {"pathway": "BBL", "work_hours_per_week": "32", "hours_per_week": ""})
    replanned = bbl.content.decode()
    assert 'id="replanned"' in replanned and "BBL met 32 uur werk" in replanned
    assert SavedPrescan.objects.get().document == kept


def test_an_impossible_week_on_the_result_page_is_refused_next_to_the_field(
    client: Client, personas: Personas
) -> None:
    url = client.post("/vrijstellingsscan/", scan_form(have=[HELD]))["Location"]
    page = client.get(url, {"pathway": "BOL", "work_hours_per_week": "10"}).content.decode()
    assert 'id="id_work_hours_per_week_error"' in page and 'id="replanned"' not in page


def test_an_unknown_token_is_404(client: Client) -> None:
    assert client.get("/vrijstellingsscan/doesnotexist/").status_code == 404


def test_the_home_page_and_the_menu_link_to_the_scan(client: Client) -> None:
    page = client.get("/").content.decode()
    assert page.count('href="/vrijstellingsscan/"') >= 2


def current_steps(page: str) -> list[str]:
    return re.findall(r'<li aria-current="step">([^<]*)</li>', page)


def test_the_step_indicator_marks_only_the_step_the_page_is_at(client: Client) -> None:
    assert current_steps(client.get("/vrijstellingsscan/").content.decode()) == ["1. Doel"]
    answering = client.get("/vrijstellingsscan/", {"doel": "25656"}).content.decode()
    assert current_steps(answering) == ["2. Wat heeft u al?"]
    result = client.get(client.post("/vrijstellingsscan/", scan_form(have=[HELD]))["Location"])
    assert current_steps(result.content.decode()) == ["4. Uitkomst"]
