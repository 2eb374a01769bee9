"""Exemptions (vrijstellingen) and werkprocessen credited on their own are the exam board's,
on the pages and in the API alike: Bram (intake advisor) records what Anna holds, Eva (exam
board) what she is exempted from."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from opmaat.accounts.models import ApiToken
from opmaat.learners import services
from opmaat.learners.models import Holding
from opmaat.learners.services import ExemptionForExamBoard
from opmaat.messages import message
from tests.errors import refused
from tests.personas import Personas

WERKPROCES = "23268-B1-K1-W1"


def post_holding(personas: Personas, who: str, code: str, kind: str) -> tuple[int, Any]:
    """The API's status and body when `who` records `code` as `kind` for Anna."""
    _, key = ApiToken.issue(personas.by_name(who), "test")
    client = Client(headers={"Authorization": f"Bearer {key}"})
    response = client.post(
        f"/api/learners/{personas.anna_record.pk}/holdings",
        json.dumps({"code": code, "kind": kind, "evidence": "Cijferlijst"}),
        content_type="application/json",
    )
    return response.status_code, response.json()


def test_an_intake_advisor_cannot_record_an_exemption_through_the_api(personas: Personas) -> None:
    status, body = post_holding(personas, "bram", "REK-2F", "exemption")
    assert status == 403 and body["code"] == "exemption_for_exam_board"
    assert not personas.anna_record.holdings.filter(code="REK-2F").exists()


def test_nor_a_werkproces_on_its_own_whatever_kind_is_sent(personas: Personas) -> None:
    for kind in ("held", "outcome", "exemption"):
        status, body = post_holding(personas, "bram", WERKPROCES, kind)
        assert (status, body["code"]) == (403, "exemption_for_exam_board"), kind
    assert not personas.anna_record.holdings.exists()


def test_the_exam_board_records_exemptions_and_the_advisor_what_is_held(
    personas: Personas,
) -> None:
    assert post_holding(personas, "eva", "REK-2F", "exemption")[0] == 201
    assert post_holding(personas, "eva", WERKPROCES, "outcome")[0] == 201
    assert post_holding(personas, "bram", "VMBO-GT", "held")[0] == 201
    kinds = set(personas.anna_record.holdings.values_list("code", "kind"))
    assert kinds == {("REK-2F", "exemption"), (WERKPROCES, "outcome"), ("VMBO-GT", "held")}


def test_the_page_refuses_the_advisor_an_exemption_next_to_the_field(personas: Personas) -> None:
    client = Client()
    client.force_login(personas.bram)
    url = f"/deelnemers/{personas.anna_record.pk}/bezit/"
    response = client.post(url, {"code": "REK-2F", "kind": "exemption", "evidence": ""})
    assert response.status_code == 403
    assert response.context["form"].errors["code"]
    assert not personas.anna_record.holdings.exists()


def test_the_page_offers_exemptions_to_the_exam_board_only(personas: Personas) -> None:
    url = f"/deelnemers/{personas.anna_record.pk}/"
    for who, kinds in (
        ("bram", ["held"]),
        ("eva", ["held", "exemption", "outcome"]),
        ("otto", ["held", "exemption", "outcome"]),
    ):
        client = Client()
        client.force_login(personas.by_name(who))
        offered = [value for value, _ in client.get(url).context["holding_kinds"]]
        assert offered == kinds, who


def test_an_advisor_cannot_remove_an_exemption_the_exam_board_recorded(
    personas: Personas,
) -> None:
    exemption = services.add_holding(personas.eva, personas.anna_record, "REK-2F", "exemption")
    with refused(ExemptionForExamBoard, "exemption_for_exam_board", kind="exemption"):
        services.remove_holding(personas.bram, exemption)
    client = Client()
    client.force_login(personas.bram)
    client.post(f"/deelnemers/{personas.anna_record.pk}/bezit/{exemption.pk}/verwijderen/")
    assert Holding.objects.filter(pk=exemption.pk).exists()


def test_the_refusal_says_who_records_it() -> None:
    for kind in ("exemption", "outcome"):
        error = ExemptionForExamBoard(kind, "REK-2F")
        assert "REK-2F" in message(error)
