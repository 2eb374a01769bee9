"""The progress page: the grid of the target's werkprocessen, results, feedback, levels with
history, planned against actual; the teacher's forms on it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.learners.models import Learner
from opmaat.progress.models import Assessment, Feedback, ProfessionalActivity
from tests.demo_logins import CATALOG_EDITOR, SANNE, TEACHER, WORKPLACE_SUPERVISOR

pytestmark = pytest.mark.django_db


def as_user(client: Client, who: str) -> Client:
    client.force_login(User.objects.get(username=who))
    return client


def prefixed(prefix: str, data: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}-{k}": v for k, v in data.items()}


def test_the_learner_sees_her_progress_without_the_forms(client: Client, sanne: Learner) -> None:
    body = as_user(client, SANNE).get(f"/deelnemers/{sanne.pk}/voortgang/").content.decode()
    assert "23268-B1-K1-1 Werk in uitvoering" in body  # an exam unit of 25656
    assert "2 van 11 werkprocessen van het doel behaald." in body
    assert "Rapportage is feitelijk en volledig" in body  # feedback timeline
    assert "3 · voert uit onder indirect toezicht" in body  # current level
    assert "2 · voert uit onder direct toezicht" in body  # and its history
    assert "Op schema" in body
    assert "Beoordeling vastleggen" not in body


def test_the_teacher_records_a_result_and_feedback(client: Client, sanne: Learner) -> None:
    as_user(client, TEACHER)
    url = f"/deelnemers/{sanne.pk}/voortgang/"
    page = client.get(url).content.decode()
    assert 'list="id_assessment-code-keuzes"' in page
    assert '<datalist id="id_assessment-code-keuzes">' in page
    assert '<option value="23268-B1-K1-W4 — ' in page  # the pickers offer the target's
    today = date.today().isoformat()
    result = {"code": "23268-b1-k1-w4", "method": "practical_test", "result": "met"}
    posted = prefixed("assessment", {**result, "assessed_on": today})
    assert client.post(url + "beoordeling/", posted).status_code == 302
    assert Assessment.objects.filter(learner=sanne, code="23268-B1-K1-W4").exists()
    feedback = {"code": "23268-B1-K1-W3", "text": "Zorgplan helder", "given_on": today}
    assert client.post(url + "feedback/", prefixed("feedback", feedback)).status_code == 302
    assert Feedback.objects.filter(learner=sanne, text="Zorgplan helder").exists()
    body = client.get(url).content.decode()
    assert "23268-B1-K1-1 Werk in uitvoering — <strong>afgerond</strong>" in body


def test_a_wrong_form_is_shown_again_with_the_error(client: Client, sanne: Learner) -> None:
    as_user(client, TEACHER)
    url = f"/deelnemers/{sanne.pk}/voortgang/beoordeling/"
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    wrong = {"code": "23268-B1-K1-1", "method": "exam", "result": "met", "assessed_on": tomorrow}
    response = client.post(url, prefixed("assessment", wrong))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Voor 23268-B1-K1-1 worden resultaten per werkproces vastgelegd" in body
    assert "Een datum in de toekomst kan niet." in body


def test_a_reserved_act_above_level_2_is_refused_on_the_form(
    client: Client, sanne: Learner
) -> None:
    act = ProfessionalActivity.objects.get(code="VIG-MEDICATIE")
    as_user(client, WORKPLACE_SUPERVISOR)
    response = client.post(
        f"/deelnemers/{sanne.pk}/voortgang/niveau/",
        prefixed(
            "entrustment",
            {"activity": str(act.pk), "level": "4", "decided_on": date.today().isoformat()},
        ),
    )
    assert response.status_code == 400
    assert "hoogstens niveau 2 zolang 23268-B1-K1-W4 niet af is" in response.content.decode()


def test_the_level_form_offers_only_the_targets_activities(client: Client, sanne: Learner) -> None:
    other = ProfessionalActivity.objects.get(code="MZ-ZORGTECHNIEK")
    as_user(client, WORKPLACE_SUPERVISOR)
    response = client.post(
        f"/deelnemers/{sanne.pk}/voortgang/niveau/",
        prefixed(
            "entrustment",
            {"activity": str(other.pk), "level": "2", "decided_on": date.today().isoformat()},
        ),
    )
    assert response.status_code == 400
    assert "MZ-ZORGTECHNIEK" not in response.content.decode()


def test_a_late_item_shows_the_slip_warning(client: Client, sanne: Learner) -> None:
    plan = sanne.route_plans.order_by("-version").first()
    assert plan is not None
    first = plan.document["schedule"][0]
    past = date.today() - timedelta(days=400)
    first["start"], first["end"] = (past - timedelta(days=30)).isoformat(), past.isoformat()
    plan.document["start"] = first["start"]
    plan.save(update_fields=["document"])
    body = as_user(client, SANNE).get(f"/deelnemers/{sanne.pk}/voortgang/").content.decode()
    assert "Let op: de route loopt uit." in body


def test_a_catalog_editor_edits_professional_activities_in_the_admin(
    client: Client, demo: None
) -> None:
    as_user(client, CATALOG_EDITOR)
    assert client.get("/admin/progress/professionalactivity/").status_code == 200
    activity = ProfessionalActivity.objects.get(code="BDZ-ADL")  # unit 23268-B1-K1-1
    assert (
        client.get(f"/admin/progress/professionalactivity/{activity.pk}/change/").status_code == 200
    )
    as_user(client, TEACHER)
    assert client.get("/admin/progress/professionalactivity/").status_code == 302  # not staff
