"""Equivalence rules: a catalog editor adds one in the admin, and it grants units at once in
the route and in the intake's advice."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from opmaat.catalog.models import Equivalence
from opmaat.domain.routes import RouteRequest
from opmaat.learners import services as learners
from opmaat.learners.models import Holding
from tests.personas import Personas

ADD = "/admin/catalog/equivalence/add/"
OLD_DIPLOMA = {
    "source_code": "mz3-2012",
    "source_name": "Maatschappelijke Zorg 3 (dossier 2012)",
    "counts_for": "23312-B1-K1, 23312-B1-K2",
    "note": "Oudere versie van de kwalificatie",
    "position": "0",
}


@pytest.fixture
def editor(personas: Personas) -> Client:
    """Ivo, the catalog editor."""
    client = Client()
    client.force_login(personas.ivo)
    return client


def test_an_editor_adds_an_older_diploma_and_the_route_counts_it(
    personas: Personas, editor: Client
) -> None:
    assert editor.post(ADD, OLD_DIPLOMA).status_code == 302
    rule = Equivalence.objects.get(source_code="MZ3-2012")
    assert rule.source_code == "MZ3-2012"
    assert rule.counts_for == ["23312-B1-K1", "23312-B1-K2"]

    learners.add_holding(personas.bram, personas.anna_record, "MZ3-2012", Holding.Kind.HELD)
    route = learners.preview_route(
        personas.anna_record, RouteRequest("25780", date(2027, 1, 4), 20)
    ).route
    assert {"23312-B1-K1", "23312-B1-K2"} <= set(route.covered_units)


def test_a_code_the_catalog_does_not_know_is_refused_next_to_the_field(editor: Client) -> None:
    response = editor.post(ADD, {**OLD_DIPLOMA, "counts_for": "23312-B1-K1, 23312-B9-K9"})
    assert response.status_code == 200
    assert "23312-B9-K9" in str(response.context["adminform"].form.errors["counts_for"])
    assert not Equivalence.objects.filter(source_code="MZ3-2012").exists()
