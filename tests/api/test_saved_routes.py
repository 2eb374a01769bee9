"""A saved route is a record of the day it was planned: the API serves it as it was saved,
also when the route document has gained fields since."""

from __future__ import annotations

import pytest
from django.test import Client

from opmaat.learners.models import RoutePlan
from tests.factories import save_route
from tests.personas import Personas

pytestmark = pytest.mark.django_db


def test_a_route_saved_in_an_older_format_is_served_as_it_was_saved(
    client: Client, personas: Personas
) -> None:
    save_route(personas.bram, personas.anna_record, "25656")
    plan = RoutePlan.objects.get(learner=personas.anna_record)
    older = {"target": {"code": "25656"}, "completion_date": "2028-07-01", "schedule": []}
    RoutePlan.objects.filter(pk=plan.pk).update(document=older)
    client.force_login(personas.bram)
    response = client.get(f"/api/learners/{personas.anna_record.pk}/routes/current")
    assert response.status_code == 200
    assert response.json()["route"] == older
