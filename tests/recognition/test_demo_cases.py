"""The "done when" of the EVC issue, on the demo data as a user would play it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.domain.recognition.evc import EvcState
from opmaat.learners.models import Learner, RoutePlan
from opmaat.recognition.demo import MZ3_UNITS, NOT_SHOWN
from opmaat.recognition.models import EvcProcedure
from tests.demo_logins import EXAM_BOARD, INTAKE, MARLOES


def logged_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def months(route: RoutePlan) -> float:
    value = route.document["months"]
    assert isinstance(value, float | int)
    return float(value)


def latest_route(learner: Learner) -> RoutePlan:
    plan = RoutePlan.objects.filter(learner=learner).order_by("-version").first()
    assert plan is not None
    return plan


@pytest.mark.usefixtures("demo")
def test_after_the_mz4_decision_jolandas_route_ends_within_seven_months() -> None:
    """Jolanda Verbeek, BBL at 36 contract hours, generic subjects exempt for her mbo-4
    diploma: the exam board grants what her ervaringscertificaat recognises, all exam units
    but Participatie en sociaal netwerk, and her route is re-planned on the same week."""
    jolanda = Learner.objects.get(name="Jolanda Verbeek")
    procedure = EvcProcedure.objects.get(learner=jolanda)
    assert procedure.state == EvcState.DECISION.value
    before = latest_route(jolanda)
    assert months(before) > 18

    page = logged_in(EXAM_BOARD).get(f"/evc/{procedure.pk}/")
    form = page.context["decision_form"]
    assert NOT_SHOWN not in form.fields["units"].initial
    response = logged_in(EXAM_BOARD).post(
        f"/evc/{procedure.pk}/besluit/",
        {
            "units": form.fields["units"].initial,
            "outcomes": form.fields["outcomes"].initial,
            "rationale": "Conform het ervaringscertificaat.",
            "version": procedure.version,
        },
    )

    assert response.status_code == 302
    after = latest_route(jolanda)
    assert after.version == before.version + 1
    assert (after.pathway, after.work_hours_per_week) == ("BBL", 36)
    assert months(after) <= 7
    assert [u["code"] for u in after.document["missing_units"]] == [NOT_SHOWN]
    assert after.document["generic_missing"] == []


@pytest.mark.usefixtures("demo")
def test_jolandas_advice_plans_the_evc_phase_before_the_rest() -> None:
    jolanda = Learner.objects.get(name="Jolanda Verbeek")
    page = logged_in(INTAKE).get(f"/deelnemers/{jolanda.pk}/intake/1/")
    evc = page.context["evc"]
    assert len(evc["units"]) == 9 and evc["weeks"] == 16
    assert evc["months"] < 12 and evc["saves_months"] > 12


@pytest.mark.usefixtures("demo")
def test_marloes_has_an_advice_to_pursue_every_unit_through_evc() -> None:
    marloes = Learner.objects.get(name="Marloes Bos")
    page = logged_in(MARLOES).get(f"/deelnemers/{marloes.pk}/intake/1/")
    assert page.status_code == 200
    evc = page.context["evc"]
    assert tuple(u["code"] for u in evc["units"]) == MZ3_UNITS
    left = evc["route_after"]
    generic = left["generic_missing"]
    assert [g["code"] for g in generic] == ["NL-2F", "REK-3", "LB"]
    assert all(g["exam_only"] for g in generic)
    assert left["missing_units"] == left["partial_units"] == []
    assert left["elective_hours_missing"] == 0


@pytest.mark.usefixtures("demo")
def test_the_advisor_dashboard_reminds_of_the_overdue_intake() -> None:
    page = logged_in(INTAKE).get("/")
    assert "Ahmed Hassan" in page.content.decode()
    assert [p.learner.name for p, r in page.context["evc_reminders"] if r.overdue] == [
        "Ahmed Hassan"
    ]
