"""The regional dashboard shows counts, never a person: a small group is hidden, and so is
whatever would let a reader work it out (the total minus the other rows, or the order)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client

from opmaat.learners.models import Learner, RoutePlan
from tests.factories import make_learner
from tests.personas import Personas

pytestmark = pytest.mark.django_db

# 25656 Verzorgende-IG and C0054 Basis voor deskundige zorg
BIG, SMALL = "25656", "C0054"


def saved_route(learner: Learner, target: str) -> None:
    RoutePlan.objects.create(
        learner=learner, version=1, target=target, start=date(2027, 1, 4), hours_per_week=20,
        pathway="BBL", pace="normal", document={},
    )  # fmt: skip


def cells(body: str, code: str) -> str:
    """The count in the row of target `code`."""
    match = re.search(rf"\({code}\)</td><td>([^<]*)</td>", body)
    assert match, code
    return match.group(1)


@pytest.fixture
def region_with_a_small_target(personas: Personas) -> Personas:
    """Anna and eleven more learners at ROC Noord: nine plan towards Verzorgende-IG, three
    towards the certificate, so twelve have a route."""
    saved_route(personas.anna_record, BIG)
    for n in range(11):
        learner = make_learner(personas.bram, personas.school, f"Lerende {n}")
        saved_route(learner, BIG if n < 8 else SMALL)
    return personas


def test_a_single_small_group_takes_another_with_it_beside_the_total(
    client: Client, region_with_a_small_target: Personas
) -> None:
    client.force_login(region_with_a_small_target.hanna)
    body = client.get("/regio/").content.decode()
    assert "van wie 12 met een opgeslagen route" in body
    # Three towards the certificate are hidden; nine beside "12" would give them away.
    assert cells(body, SMALL) == "&lt; 5"
    assert cells(body, BIG) == "&lt; 5"
    assert ">9<" not in body and ">3<" not in body


def test_targets_are_listed_by_name_not_by_count(
    client: Client, region_with_a_small_target: Personas
) -> None:
    client.force_login(region_with_a_small_target.hanna)
    body = client.get("/regio/").content.decode()
    # "Basis voor deskundige zorg" before "Verzorgende-IG", though fewer chose it.
    assert body.index(f"({SMALL})") < body.index(f"({BIG})")


def test_a_region_of_fewer_than_five_shows_no_exact_total(
    client: Client, personas: Personas
) -> None:
    saved_route(personas.anna_record, BIG)
    client.force_login(personas.hanna)
    body = client.get("/regio/").content.decode()
    assert "&lt; 5 deelnemers, van wie &lt; 5 met een opgeslagen route" in body
