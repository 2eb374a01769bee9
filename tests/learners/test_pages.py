"""The pages an intake advisor and a learner use, rendered on the server."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks as CaptureCallbacks

from opmaat.accounts.mail import wait_until_sent
from opmaat.learners.models import Learner
from opmaat.ui.templatetags.opmaat_tags import confidence_label
from tests.demo_logins import INTAKE, SANNE

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def advisor(client: Client) -> Client:
    client.force_login(User.objects.get(username=INTAKE))
    return client


def sanne() -> Learner:
    return Learner.objects.get(name="Sanne de Vries")


def test_the_learner_page_shows_the_route_as_a_timeline_with_its_end(advisor: Client) -> None:
    page = advisor.get(f"/deelnemers/{sanne().pk}/").content.decode()
    assert "<svg" in page and 'class="finish"' in page
    assert "Klaar op" in page


def test_the_preview_replans_without_saving(advisor: Client) -> None:
    learner = sanne()
    query = (
        "target=25655&start=2027-01-04&hours_per_week=8&work_hours_per_week=32&pathway=BBL"
        "&pace=faster"
    )
    fragment = advisor.get(f"/deelnemers/{learner.pk}/route/voorbeeld/?{query}").content.decode()
    assert "Mbo-Verpleegkundige" in fragment and 'data-testid="completion"' in fragment
    assert "32 uur werk, 6 uur school en 10 uur zelfstudie" in fragment  # faster: 8 x 1.25
    assert "nominaal 48 maanden" in fragment
    assert learner.route_plans.count() == 1


def test_the_composer_does_not_save_a_route_the_learner_may_not_start(advisor: Client) -> None:
    data = {"target": "25741", "start": "2027-01-04", "pathway": "BOL", "pace": "normal"}
    response = advisor.post(f"/deelnemers/{sanne().pk}/route/", data)
    assert response.status_code == 200
    [reason] = response.context["form"].errors["target"]
    assert "Entree" in reason and "niveau 2" in reason
    assert sanne().route_plans.count() == 1


def test_the_learner_trying_routes_out_gets_no_note_she_could_not_save(client: Client) -> None:
    client.force_login(User.objects.get(username=SANNE))
    page = client.get(f"/deelnemers/{sanne().pk}/route/")
    assert "note" not in page.context["form"].fields
    assert 'name="note"' not in page.content.decode()


def test_the_advisor_saves_the_note_with_the_route(advisor: Client) -> None:
    assert 'name="note"' in advisor.get(f"/deelnemers/{sanne().pk}/route/").content.decode()
    data = {"target": "25656", "start": "2027-01-04", "pathway": "BBL", "pace": "normal",
            "work_hours_per_week": "28", "note": "Afgesproken in het intakegesprek"}  # fmt: skip
    assert advisor.post(f"/deelnemers/{sanne().pk}/route/", data).status_code == 302
    assert sanne().route_plans.latest("version").note == "Afgesproken in het intakegesprek"


def test_the_composer_offers_no_superseded_qualification(advisor: Client) -> None:
    page = advisor.get(f"/deelnemers/{sanne().pk}/route/")
    offered = {code for _, group in page.context["form"].fields["target"].choices
               for code, _ in group}  # fmt: skip
    assert "25656" in offered and "C0054" in offered
    assert not offered & {"25477", "25498", "25491"}


def test_a_pathway_the_qualification_does_not_offer_is_shown_next_to_the_field(
    advisor: Client,
) -> None:
    data = {
        "target": "25487",
        "start": "2027-01-04",
        "hours_per_week": "20",
        "pathway": "BOL",
        "pace": "normal",
    }
    response = advisor.post(f"/deelnemers/{sanne().pk}/route/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["pathway"] == [
        "25487 wordt niet aangeboden in BOL; wel in BBL."
    ]
    assert sanne().route_plans.count() == 1


def test_saving_the_composer_form_creates_the_next_version(advisor: Client) -> None:
    data = {
        "target": "25655",
        "start": "2027-01-04",
        "hours_per_week": "24",
        "pathway": "BBL",
        "pace": "normal",
        "note": "Doorstroom",
    }
    response = advisor.post(f"/deelnemers/{sanne().pk}/route/", data)
    assert response.status_code == 302 and response["Location"].endswith("/routes/2/")
    history = advisor.get(f"/deelnemers/{sanne().pk}/routes/").content.decode()
    assert "Mbo-Verpleegkundige" in history and "intake" in history


def test_an_unknown_code_is_explained_next_to_the_code_field(advisor: Client) -> None:
    response = advisor.post(f"/deelnemers/{sanne().pk}/bezit/", {"code": "25747", "kind": "held"})
    assert response.status_code == 400
    assert "bedoelt u 25477" in response.context["form"].errors["code"][0]  # old codes resolve


def test_the_reach_page_lists_what_fits_in_the_months_given(advisor: Client) -> None:
    page = advisor.get(
        f"/deelnemers/{sanne().pk}/bereik/",
        {"months": "120", "pathway": "BBL", "work_hours_per_week": "28"},
    )
    options = page.context["options"]
    assert options and all(o.completion_date for o in options)
    assert "25477" not in [o.code for o in options]  # superseded
    entree = next(o for o in options if o.code == "25741")
    assert not entree.open  # Sanne has a vmbo diploma


def test_the_catalog_search_finds_outcomes_and_the_units_they_belong_to(client: Client) -> None:
    page = client.get("/catalogus/", {"q": "23181-B1-K1-W1"})
    assert [o.code for o, _ in page.context["outcomes"]] == ["23181-B1-K1-W1"]


def test_a_unit_page_shows_which_qualifications_share_it(client: Client) -> None:
    page = client.get("/catalogus/eenheden/23181-B1-K1/")
    assert {q.crebo for q in page.context["qualifications"]} >= {"25475", "25477", "25476"}


def test_five_wrong_passwords_lock_the_login_even_for_the_right_one(client: Client) -> None:
    for _ in range(5):
        client.post("/inloggen/", {"username": INTAKE, "password": "wrong"})
    response = client.post("/inloggen/", {"username": INTAKE, "password": "opmaat-demo"})
    assert "Tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_right_password_logs_in(client: Client) -> None:
    response = client.post("/inloggen/", {"username": INTAKE, "password": "opmaat-demo"})
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_a_password_reset_sends_a_link_by_mail(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/wachtwoord/vergeten/", {"email": "intake@demo.opmaat.invalid"})
    assert wait_until_sent(timeout=10)
    assert len(mail.outbox) == 1
    assert "/wachtwoord/nieuw/" in mail.outbox[0].body


def test_a_learner_logging_in_lands_on_their_own_record(client: Client) -> None:
    client.force_login(User.objects.get(username=SANNE))
    assert client.get("/")["Location"] == f"/deelnemers/{sanne().pk}/"


def test_the_learner_downloads_their_data_as_a_json_file(client: Client) -> None:
    client.force_login(User.objects.get(username=SANNE))
    response = client.get(f"/deelnemers/{sanne().pk}/gegevens.json")
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert response.json()["learner"]["name"] == "Sanne de Vries"


def test_a_search_with_a_nul_character_is_just_a_search(advisor: Client) -> None:
    assert advisor.get("/deelnemers/", {"q": "San\x00ne"}).status_code == 200


def test_a_qualification_page_says_in_dutch_how_sure_its_facts_are(client: Client) -> None:
    content = client.get("/catalogus/kwalificaties/25487/").content.decode()
    assert "Betrouwbaarheid: niet geverifieerd." in content


@pytest.mark.parametrize(
    ("note", "verdict"),
    [
        ("verified", "geverifieerd"),
        ("unverified (current status and structure)", "niet geverifieerd"),
        ("verified (existence); likely (code, name)", "waarschijnlijk"),
        ("placeholder: kerntaken not found in any source", "plaatshouder, niet uit een bron"),
        ("editorial title comparison", ""),
    ],
)
def test_a_confidence_note_reads_as_its_weakest_part(note: str, verdict: str) -> None:
    assert confidence_label(note) == verdict


def test_noor_holds_the_target_of_her_saved_route_and_her_page_says_so(advisor: Client) -> None:
    """The demo issues Noor Hendriks the diploma 25488 that her saved route leads to: the
    page says the target is held, not that 770 hours are left."""
    noor = Learner.objects.get(name="Noor Hendriks")
    page = advisor.get(f"/deelnemers/{noor.pk}/").content.decode()
    assert 'data-route-status="held"' in page
    assert "Klaar op" not in page and 'class="finish"' not in page
