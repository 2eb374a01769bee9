"""The "done when" of the EVC issue, on the demo data as a user would play it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.domain.recognition.evc import EvcState
from opmaat.learners.models import Learner, RoutePlan
from opmaat.recognition.models import EvcProcedure


def logged_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def months(route: RoutePlan) -> float:
    document = route.document
    days = date.fromisoformat(document["completion_date"]) - date.fromisoformat(document["start"])
    return days / timedelta(days=30.44)


@pytest.mark.usefixtures("demo")
def test_the_exam_board_decides_on_jolanda_and_her_route_takes_seven_months() -> None:
    jolanda = Learner.objects.get(name="Jolanda Verbeek")
    procedure = EvcProcedure.objects.get(learner=jolanda)
    assert procedure.state == EvcState.DECISION.value
    before = RoutePlan.objects.filter(learner=jolanda).order_by("-version").first()
    assert before is not None and months(before) > 24

    page = logged_in("examencommissie").get(f"/evc/{procedure.pk}/")
    form = page.context["decision_form"]
    response = logged_in("examencommissie").post(
        f"/evc/{procedure.pk}/besluit/",
        {
            "units": form.fields["units"].initial,
            "outcomes": form.fields["outcomes"].initial,
            "rationale": "Conform het ervaringscertificaat.",
        },
    )

    assert response.status_code == 302
    after = RoutePlan.objects.filter(learner=jolanda).order_by("-version").first()
    assert after is not None and after.version == before.version + 1
    assert 6 <= months(after) <= 7.5
    assert [u["code"] for u in after.document["partial_units"]] == ["23181-P3-K1"]


@pytest.mark.usefixtures("demo")
def test_marloes_has_an_advice_to_pursue_every_unit_through_evc() -> None:
    marloes = Learner.objects.get(name="Marloes Bos")
    page = logged_in("kandidaat").get(f"/deelnemers/{marloes.pk}/intake/1/")
    assert page.status_code == 200
    evc = page.context["evc"]
    assert [u["code"] for u in evc["units"]] == ["23181-B1-K1", "23181-B1-K2", "23181-P1-K1"]
    left = evc["route_after"]
    assert [g["code"] for g in left["generic_missing"]] == ["NL-2F", "REK-2F", "LB"]
    assert left["missing_units"] == left["partial_units"] == []
    assert left["elective_hours_missing"] == 0


@pytest.mark.usefixtures("demo")
def test_the_advisor_dashboard_reminds_of_the_overdue_intake() -> None:
    page = logged_in("intake").get("/")
    assert "Ahmed Hassan" in page.content.decode()
    assert [p.learner.name for p, r in page.context["evc_reminders"] if r.overdue] == [
        "Ahmed Hassan"
    ]
