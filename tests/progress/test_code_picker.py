"""The "Leerresultaat" pickers of the result and feedback forms: they offer the target's
werkprocessen first, take the code, "code — name" or a name only one code has, and refuse
an unknown or shared name in Dutch next to the field."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.learners.models import Learner
from opmaat.progress.models import Assessment, Feedback
from tests.demo_logins import TEACHER

pytestmark = pytest.mark.django_db
TODAY = date.today().isoformat()


@pytest.fixture
def teacher(client: Client, sanne: Learner) -> Client:
    """The teacher, on the demo where Sanne is on her way to Verzorgende-IG (25656)."""
    client.force_login(User.objects.get(username=TEACHER))
    return client


def feedback(client: Client, learner: Learner, code: str) -> tuple[int, list[str]]:
    data = {"feedback-code": code, "feedback-text": "Goed gedaan", "feedback-given_on": TODAY}
    response = client.post(f"/deelnemers/{learner.pk}/voortgang/feedback/", data)
    form = response.context["forms"]["feedback"] if response.context else None
    return response.status_code, list(form.errors.get("code", [])) if form else []


def assessment(client: Client, learner: Learner, code: str) -> tuple[int, list[str]]:
    data = {
        "assessment-code": code,
        "assessment-method": "practical_test",
        "assessment-result": "met",
        "assessment-assessed_on": TODAY,
    }
    response = client.post(f"/deelnemers/{learner.pk}/voortgang/beoordeling/", data)
    form = response.context["forms"]["assessment"] if response.context else None
    return response.status_code, list(form.errors.get("code", [])) if form else []


def test_both_pickers_list_the_targets_werkprocessen_first(teacher: Client, sanne: Learner) -> None:
    page = teacher.get(f"/deelnemers/{sanne.pk}/voortgang/").content.decode()
    for prefix in ("feedback", "assessment"):
        start = f'<datalist id="id_{prefix}-code-keuzes">'
        listed = page.split(start, 1)[1].split("</datalist>")[0]
        assert listed.index("23268-B1-K1-W1 — ") < listed.index("23267-B1-K1-W1 — ")
        assert '"NL-2F — Nederlands 2F"' in listed


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("23268-b1-k1-w4", "23268-B1-K1-W4"),
        ("23268-B1-K1-W4 — Voert zorg-/begeleidingsactiviteiten uit", "23268-B1-K1-W4"),
        ("Voert zorg-/begeleidingsactiviteiten uit", "23268-B1-K1-W4"),
        ("Voert verpleegtechnische handelingen uit", "23268-B1-K1-W5"),  # one of five fits
    ],
)
def test_a_result_is_recorded_by_code_code_and_name_or_unique_name(
    teacher: Client, sanne: Learner, typed: str, code: str
) -> None:
    assert assessment(teacher, sanne, typed)[0] == 302
    assert Assessment.objects.filter(learner=sanne, code=code, assessed_on=TODAY).exists()


W3_NAME = "Draagt mede zorg voor het individuele plan van de zorgvrager"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("23268-B1-K1-W3", "23268-B1-K1-W3"),
        (f"23268-B1-K1-W3 — {W3_NAME}", "23268-B1-K1-W3"),
        (W3_NAME.lower(), "23268-B1-K1-W3"),
    ],
)
def test_feedback_is_recorded_by_code_code_and_name_or_unique_name(
    teacher: Client, sanne: Learner, typed: str, code: str
) -> None:
    assert feedback(teacher, sanne, typed)[0] == 302
    assert Feedback.objects.filter(learner=sanne, code=code, text="Goed gedaan").exists()


@pytest.mark.parametrize("post", [feedback, assessment])
def test_a_shared_or_unknown_name_is_refused_next_to_the_field(
    teacher: Client, sanne: Learner, post: object
) -> None:
    assert callable(post)
    shared = "Inventariseert ondersteuningsvragen van de cliënt"  # three codes, none of 25656
    status, [error] = post(teacher, sanne, shared)
    assert status == 400 and error.startswith(f"Meer dan één onderdeel heet ‘{shared}’: ")
    status, [error] = post(teacher, sanne, "helemaal niets")
    assert status == 400 and error.startswith("Geen code of naam ‘helemaal niets’ gevonden.")
    assert not Feedback.objects.filter(learner=sanne, text="Goed gedaan").exists()
    assert not Assessment.objects.filter(learner=sanne, assessed_on=TODAY).exists()
