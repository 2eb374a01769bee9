"""The catalog editor maintains the rules in the admin, and the next scan follows them."""

from __future__ import annotations

import pytest
from django.test import Client

from opmaat.catalog.models import Outcome, Unit
from opmaat.domain.prescan.scan import DEFAULT_RULES, CanDo, Estimate, unit_document
from opmaat.explanations import unit_reason
from opmaat.prescan import services
from opmaat.prescan.models import DefaultRule, UnitRule
from tests.personas import Personas
from tests.prescan.conftest import login

pytestmark = pytest.mark.django_db

W1, W2 = "23312-B1-K2-W1", "23312-B1-K2-W2"
EXAM_UNIT = "23312-B1-K1-2"  # an exam unit of 25779: two basisdeel werkprocessen, one profile


def unit_estimate(answers: dict[str, CanDo]) -> tuple[Estimate, str]:
    unit = services.compute("23312-B1-K2", [], answers).units[0]
    return unit.estimate, unit_reason(unit_document(unit))


def test_without_rows_the_rules_are_the_documented_defaults() -> None:
    assert services.current_rules() == DEFAULT_RULES


def test_a_catalog_editor_may_edit_the_rules_in_the_admin(
    client: Client, personas: Personas
) -> None:
    login(client, personas.ivo)
    assert client.get("/admin/prescan/unitrule/add/").status_code == 200
    assert client.get("/admin/prescan/defaultrule/").status_code == 200
    login(client, personas.bram)
    assert client.get("/admin/prescan/unitrule/").status_code == 302  # not staff: to login


def test_a_unit_rule_saved_in_the_admin_takes_effect(client: Client, personas: Personas) -> None:
    assert unit_estimate({W1: CanDo.ON_MY_OWN})[0] == Estimate.POSSIBLE
    login(client, personas.ivo)
    response = client.post(
        "/admin/prescan/unitrule/add/",
        {
            "unit": Unit.objects.get(code="23312-B1-K2").pk,
            "counted_outcomes": [Outcome.objects.get(code=W1).pk],
            "likely_at": "",
            "possible_share": "",
            "note": "W2 volgt uit W1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    estimate, reason = unit_estimate({W1: CanDo.ON_MY_OWN})
    assert estimate == Estimate.LIKELY and "W2 volgt uit W1" in reason


def test_an_exam_unit_rule_may_count_the_werkprocessen_it_refers_to(
    client: Client, personas: Personas
) -> None:
    """An exam unit defines no werkprocessen of its own: it examines those of kerntaken."""
    login(client, personas.ivo)
    response = client.post(
        "/admin/prescan/unitrule/add/",
        {
            "unit": Unit.objects.get(code=EXAM_UNIT).pk,
            "counted_outcomes": [Outcome.objects.get(code="23312-P2-K1-W4").pk],
            "note": "alleen het profieldeel",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    answers = {"23312-P2-K1-W4": CanDo.ON_MY_OWN}
    unit = services.compute("25779", [], answers).units[1]
    assert (unit.code, unit.estimate, unit.counted) == (
        EXAM_UNIT,
        Estimate.LIKELY,
        ("23312-P2-K1-W4",),
    )


def test_the_admin_refuses_werkprocessen_of_another_unit(
    client: Client, personas: Personas
) -> None:
    login(client, personas.ivo)
    response = client.post(
        "/admin/prescan/unitrule/add/",
        {
            "unit": Unit.objects.get(code=EXAM_UNIT).pk,
            "counted_outcomes": [Outcome.objects.get(code="23312-B1-K1-W1").pk],
        },
    )
    assert response.status_code == 200 and "Niet van deze leereenheid" in response.content.decode()
    assert not UnitRule.objects.exists()


def test_a_lower_default_bar_makes_with_help_enough(client: Client, personas: Personas) -> None:
    login(client, personas.ivo)
    response = client.post(
        "/admin/prescan/defaultrule/add/",
        {"likely_at": "with_help", "possible_share": "0.5", "note": "proef"},
    )
    assert response.status_code == 302
    assert unit_estimate({W1: CanDo.WITH_HELP, W2: CanDo.WITH_HELP})[0] == Estimate.LIKELY
    assert client.get("/admin/prescan/defaultrule/add/").status_code == 403  # one row only
    assert DefaultRule.objects.count() == 1
