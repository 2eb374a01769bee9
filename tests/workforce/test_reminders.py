"""Reminders before expiry: `opmaat workforce reminders --json` lists every care
organisation's authorisations that run out within the window or have run out, soonest
first, and nothing renewed or far away."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from opmaat.domain.workforce.model import Evidence
from opmaat.workforce import services
from opmaat.workforce.models import Act
from tests.cli.conftest import Opmaat, opmaat
from tests.workforce.cast import Workforce

__all__ = ["opmaat"]

pytestmark = pytest.mark.django_db


def grant(workforce: Workforce, days_left: int, start: int = 400) -> None:
    act = Act.objects.get(organisation=workforce.zuid, code="MEDICATIE")
    today = services.today()
    services.do_record_authorisation(
        workforce.lars,
        workforce.kees,
        act,
        today - timedelta(days=start),
        Evidence.TEST,
        valid_until=today + timedelta(days=days_left),
    )


def listed(opmaat: Opmaat, *args: str) -> list[dict[str, object]]:
    result = opmaat("workforce", "reminders", "--json", *args)
    assert result.code == 0, result.err
    reminders: list[dict[str, object]] = json.loads(result.out)["reminders"]
    return reminders


def test_an_authorisation_running_out_within_the_window_is_listed(
    opmaat: Opmaat, workforce: Workforce
) -> None:
    grant(workforce, 20)
    [reminder] = listed(opmaat)
    assert reminder["employee"] == "Kees Kok" and reminder["act"] == "MEDICATIE"
    assert reminder["expired"] is False
    assert listed(opmaat, "--days", "10") == []


def test_an_expired_authorisation_is_listed_as_expired(
    opmaat: Opmaat, workforce: Workforce
) -> None:
    grant(workforce, -3)
    [reminder] = listed(opmaat)
    assert reminder["expired"] is True


def test_a_renewed_authorisation_is_no_longer_a_reminder(
    opmaat: Opmaat, workforce: Workforce
) -> None:
    grant(workforce, 10)
    grant(workforce, 700, start=0)  # renewed today for two more years
    assert listed(opmaat) == []


def test_without_json_each_reminder_is_one_dutch_line(opmaat: Opmaat, workforce: Workforce) -> None:
    grant(workforce, 5)
    out = opmaat("workforce", "reminders").out
    assert "verloopt  Zorggroep Zuid · Zuid · Kees Kok (2): Medicatie toedienen" in out


@pytest.mark.parametrize("command", [["workforce"], ["workforce", "reminders"]])
def test_the_help_is_dutch(opmaat: Opmaat, command: list[str]) -> None:
    from tests.cli.test_help import ENGLISH, without_framework

    result = opmaat(*command, "--help")
    assert result.code == 0
    text = without_framework(result.out)
    assert not [word for word in ENGLISH if word in text], text
