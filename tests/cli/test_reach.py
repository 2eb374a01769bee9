"""`opmaat reach`: what is reachable in N months, open ones first and nearest first."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Opmaat

pytestmark = pytest.mark.django_db


def reach_json(opmaat: Opmaat, *args: str) -> dict[str, object]:
    result = opmaat("reach", "--json", "--start", "2027-08-30", *args)
    assert result.code == 0, result.err
    document: dict[str, object] = json.loads(result.out)
    return document


def test_options_are_open_first_nearest_first_and_finish_in_time(opmaat: Opmaat) -> None:
    doc = reach_json(opmaat, "--have", "25780", "--months", "24", "--pathway", "bbl")
    options = doc["options"]
    assert isinstance(options, list) and options
    keys = [(not o["open"], o["total_hours"]) for o in options]
    assert keys == sorted(keys)
    assert all(o["completion_date"] <= "2029-08-30" for o in options)
    for o in options:
        assert {"code", "name", "kind", "total_hours", "completion_date", "open", "reason"} <= set(
            o
        )


def test_a_level_3_begeleider_can_reach_level_4_within_two_years(opmaat: Opmaat) -> None:
    doc = reach_json(opmaat, "--have", "25780", "--months", "24", "--pathway", "bbl")
    assert "25779" in [o["code"] for o in doc["options"]]  # type: ignore[attr-defined]  # JSON, typed object


def test_what_is_already_held_or_superseded_is_not_offered(opmaat: Opmaat) -> None:
    doc = reach_json(opmaat, "--have", "25780", "--months", "60")
    offered = [o["code"] for o in doc["options"]]  # type: ignore[attr-defined]  # JSON, typed object
    assert "25780" not in offered and "25477" not in offered


def test_entree_is_shown_as_not_open_to_a_helpende_with_the_reason(opmaat: Opmaat) -> None:
    doc = reach_json(opmaat, "--have", "25960", "--months", "24")
    entree = next(o for o in doc["options"] if o["code"] == "25741")  # type: ignore[attr-defined]  # JSON, typed object
    assert entree["open"] is False and "niveau 2" in entree["reason"]


def test_more_months_never_offer_less(opmaat: Opmaat) -> None:
    short = reach_json(opmaat, "--have", "25498", "--months", "6")
    long = reach_json(opmaat, "--have", "25498", "--months", "36")
    short_codes = {o["code"] for o in short["options"]}  # type: ignore[attr-defined]  # JSON, typed object
    long_codes = {o["code"] for o in long["options"]}  # type: ignore[attr-defined]  # JSON, typed object
    assert short_codes <= long_codes


def test_nothing_in_reach_says_so_helpfully(opmaat: Opmaat) -> None:
    result = opmaat("reach", "--months", "1", "--pathway", "derde", "--hours-per-week", "1")
    assert result.code == 0
    assert "Probeer meer uren per week" in result.out
