"""People are people: wherever the app says who someone is or who did something, it names
them (with their role where it helps), never by their username."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.accounts import people
from opmaat.domain.access import Role
from opmaat.domain.routes import Leerweg, Pace, RouteRequest
from opmaat.learners.privacy import export_learner
from opmaat.matching import services as matching
from opmaat.matching.models import MatchingRound
from opmaat.progress.models import Assessment
from opmaat.recognition import pdf
from opmaat.recognition import services as recognition
from opmaat.recognition.models import Certificate
from opmaat.recognition.services import IntakeInput
from tests.demo_logins import ASSESSOR, COORDINATOR, INTAKE, SANNE
from tests.factories import make_account, make_assessed_procedure, make_staff
from tests.personas import FIRST_RESULT, Personas

pytestmark = pytest.mark.django_db


def page(user: User, url: str) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def pdf_as_html(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """PDFs come back as the HTML WeasyPrint would print, so a test can read them."""
    from django.template.loader import render_to_string

    def html(template: str, context: dict[str, object]) -> bytes:
        return render_to_string(template, dict(context)).encode()

    monkeypatch.setattr(pdf, "render_pdf", html)
    yield


def test_staff_are_named_by_their_full_name_and_role(personas: Personas) -> None:
    assert people.display_name(personas.bram) == "Bram Brouwer"
    assert people.name_and_role(personas.bram) == "Bram Brouwer (intakeadviseur)"
    assert people.name_and_role(personas.gijs) == "Gijs Geerts (praktijkopleider)"  # care org
    assert people.name_and_role(personas.tess) == "Tess Terpstra (docent)"  # school
    assert people.name_and_role(personas.otto) == "Otto Oosterhuis (beheerder)"


def test_a_learners_account_is_named_by_her_record(personas: Personas) -> None:
    assert people.display_name(personas.anna) == "Anna de Wit"
    assert people.name_and_role(personas.anna) == "Anna de Wit (deelnemer)"


def test_an_account_without_a_name_says_what_it_is_never_its_username(
    personas: Personas,
) -> None:
    nameless = make_staff("k.jansen", personas.school, Role.EXAM_BOARD)
    assert people.display_name(nameless) == "examencommissie"
    assert people.name_and_role(nameless) == "examencommissie"
    assert people.display_name(make_account("zonderrol")) == "gebruiker"
    assert people.display_name(None) == "—"


def test_a_row_shows_the_person_while_the_account_exists_and_its_label_after(
    personas: Personas,
) -> None:
    assert people.shown_as(personas.eva, "oud label") == "Eva Evers (examencommissie)"
    assert people.shown_as(None, "Eva Evers (examencommissie)") == "Eva Evers (examencommissie)"


def test_the_home_page_greets_by_name(personas: Personas) -> None:
    content = page(personas.bram, "/")
    assert "Welkom, Bram Brouwer" in content
    assert '<span class="who">Bram Brouwer</span>' in content
    assert "Welkom, bram" not in content and ">bram<" not in content


def test_route_versions_say_who_saved_them(anna_in_training: Personas) -> None:
    anna = anna_in_training.anna_record.pk
    history = page(anna_in_training.bram, f"/deelnemers/{anna}/routes/")
    version = page(anna_in_training.bram, f"/deelnemers/{anna}/routes/1/")
    for content in (history, version):
        assert "Bram Brouwer (intakeadviseur)" in content
        assert ">bram<" not in content and "door bram" not in content


def test_machine_readable_copies_name_who_saved_next_to_the_login_name(
    anna_in_training: Personas,
) -> None:
    """The API and the learner's data download keep the login name for scripts (a contract)
    and add the name people read."""
    cast = anna_in_training
    client = Client()
    client.force_login(cast.bram)
    saved = client.get(f"/api/learners/{cast.anna_record.pk}/routes/current").json()
    assert (saved["saved_by"], saved["saved_by_name"]) == ("bram", "Bram Brouwer")
    download = json.loads(json.dumps(export_learner(cast.anna, cast.anna_record)))
    [route] = download["routes"]
    assert (route["saved_by"], route["saved_by_name"]) == ("bram", "Bram Brouwer")
    exempt = next(h for h in download["holdings"] if h["kind"] == "exemption")
    assert exempt["recorded_by_name"] == "Eva Evers"


def test_progress_says_who_assessed_and_wrote_feedback(anna_in_training: Personas) -> None:
    from opmaat.progress.services import do_record_feedback

    cast = anna_in_training
    do_record_feedback(cast.tess, cast.anna_record, FIRST_RESULT, "Goed gedaan", date.today())
    assessment = Assessment.objects.get(learner=cast.anna_record, code=FIRST_RESULT)
    assert assessment.assessor_label == "Tess Terpstra (docent)"  # stored for when she leaves
    content = page(cast.bram, f"/deelnemers/{cast.anna_record.pk}/voortgang/")
    assert content.count("Tess Terpstra (docent)") >= 2  # the result and the feedback
    assert ">tess<" not in content and "· tess:" not in content


def test_the_advice_pdf_says_who_drew_it_up(personas: Personas, pdf_as_html: None) -> None:
    start = date(2027, 2, 1)
    week = RouteRequest("25780", start, None, Leerweg.BBL, Pace.NORMAL, work_hours_per_week=32)
    intake = IntakeInput(goal="Diploma halen", request=week, work_setting="Woongroep")
    recognition.save_intake(personas.bram, personas.anna_record, intake)
    url = f"/deelnemers/{personas.anna_record.pk}/intake/1/"
    for content in (page(personas.bram, url), page(personas.bram, url + "ontwikkeladvies.pdf")):
        assert "Bram Brouwer (intakeadviseur)" in content
        assert "door bram" not in content


def test_the_ervaringscertificaat_names_its_assessor(personas: Personas, pdf_as_html: None) -> None:
    procedure = make_assessed_procedure(
        personas.bram, personas.anna, personas.dirk, personas.anna_record, personas.evc_provider
    )
    certificate = Certificate.objects.get(procedure=procedure)
    assert certificate.document["assessor"] == "Dirk Dekker"
    url = f"/evc/{procedure.pk}/ervaringscertificaat/{certificate.number}.pdf"
    assert "<dd>Dirk Dekker</dd>" in page(personas.dirk, url)
    detail = page(personas.bram, f"/evc/{procedure.pk}/")
    assert "Dirk Dekker (EVC-assessor)" in detail and "Anna de Wit (deelnemer)" in detail
    assert "(dirk)" not in detail and ", dirk:" not in detail


def test_the_demo_logins_have_names(demo: None) -> None:
    staff = User.objects.exclude(learner__isnull=False)
    assert all(u.first_name and u.last_name for u in staff), [u.username for u in staff]
    assert people.name_and_role(User.objects.get(username=INTAKE)) == (
        "Karin de Graaf (intakeadviseur)"
    )
    assert people.display_name(User.objects.get(username=SANNE)) == "Sanne de Vries"
    content = page(User.objects.get(username=INTAKE), "/")
    assert "Welkom, Karin de Graaf" in content and f"Welkom, {INTAKE}" not in content


def test_the_demo_names_the_assessor_and_whoever_ran_a_matching_round(
    demo: None, pdf_as_html: None
) -> None:
    certificate = Certificate.objects.exclude(document={}).first()
    assert certificate is not None
    assert certificate.document["assessor"] == "Ruud Vermeulen"
    assert ASSESSOR not in certificate.document.values()
    coordinator = User.objects.get(username=COORDINATOR)
    matching_round = MatchingRound.objects.get()
    matching.run_round(coordinator, matching_round, seed=1)
    content = page(coordinator, f"/regio/rondes/{matching_round.pk}/")
    assert "Rob van Dijk" in content and f"· {COORDINATOR}<" not in content
