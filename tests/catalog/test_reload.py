"""Reloading the catalog never silently drops recognition: a load that would make codes
learners' records refer to stop counting is refused, with who and where, unless the file
maps the old codes or the load is forced; a forced load re-plans their routes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from opmaat.catalog import models
from opmaat.catalog.services import do_load_catalog, do_load_checked, load_impact, read_catalog
from opmaat.domain.catalog import Catalog
from opmaat.domain.catalog.reload import (
    CatalogDropsRecognition,
    Loss,
    Use,
    merged,
    route_codes,
)
from opmaat.learners.models import Holding
from opmaat.learners.services import current_route, stale_reason
from tests.catalog.reload_samples import (
    NEW_CODE,
    OLD_CODE,
    anna_exempt_for_the_sample_unit,
    mapped,
    renamed,
)
from tests.catalog.samples import PROFILE, every_new_field
from tests.factories import add_holding
from tests.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(personas: Personas) -> Personas:
    return anna_exempt_for_the_sample_unit(personas)


def test_the_impact_names_the_learner_and_where_her_record_refers(cast: Personas) -> None:
    impact = load_impact(renamed())
    assert [(d.code, d.loss) for d in impact.dropped] == [(OLD_CODE, Loss.EMPTIED)]
    anna = cast.anna_record.pk
    assert [(r.learner, r.name, r.use, r.code) for r in impact.references] == [
        (anna, "Anna de Wit", Use.HOLDING, OLD_CODE),
        (anna, "Anna de Wit", Use.ROUTE, OLD_CODE),
    ]


def test_a_load_that_drops_her_exemption_is_refused_and_writes_nothing(cast: Personas) -> None:
    with pytest.raises(CatalogDropsRecognition) as refused:
        do_load_checked(cast.ivo, renamed())
    assert refused.value.data["count"] == 1 and refused.value.data["codes"] == (OLD_CODE,)
    assert not models.Unit.objects.filter(code=NEW_CODE).exists()
    assert models.Outcome.objects.get(code="T1-P1-K1-W1").unit.code == OLD_CODE


def test_a_file_that_maps_the_old_code_loads_without_a_word(cast: Personas) -> None:
    checked = do_load_checked(cast.ivo, mapped())
    assert not checked.impact.blocked and checked.replanned == ()
    assert models.Unit.objects.filter(code=NEW_CODE).exists()


def test_a_forced_load_re_plans_her_route_and_audits_it(cast: Personas) -> None:
    checked = do_load_checked(cast.ivo, renamed(), force=True)
    anna = cast.anna_record
    assert checked.replanned == (anna.pk,) and checked.stale == ()
    plan = current_route(anna)
    assert plan is not None and plan.version == 2
    # The exemption for the old code counts for nothing now: the new unit is planned.
    assert NEW_CODE in route_codes(plan.document)
    assert NEW_CODE not in plan.document["covered_units"]
    actions = set(anna.audit_events.values_list("action", flat=True))
    assert {"catalog.dropped", "route.saved"} <= actions
    dropped = anna.audit_events.get(action="catalog.dropped")
    assert dropped.actor == cast.ivo
    assert ["holding", OLD_CODE, Holding.Kind.EXEMPTION] in dropped.changes["references"]


def test_a_route_that_cannot_be_re_planned_is_marked_stale(cast: Personas) -> None:
    """Her werkproces T1-P1-K1-W1 is taken out of the catalog: planning with it is refused."""
    add_holding(cast.eva, cast.anna_record, "T1-P1-K1-W1", Holding.Kind.OUTCOME)
    without = Catalog(units=[dataclasses.replace(PROFILE, outcomes=())])
    checked = do_load_checked(None, without, force=True)
    anna = cast.anna_record
    assert checked.stale == ((anna.pk, "unknown_code"),) and checked.replanned == ()
    assert stale_reason(anna, current_route(anna)) == "unknown_code"


def test_her_record_says_the_route_is_stale(client: Client, cast: Personas) -> None:
    add_holding(cast.eva, cast.anna_record, "T1-P1-K1-W1", Holding.Kind.OUTCOME)
    do_load_checked(None, Catalog(units=[dataclasses.replace(PROFILE, outcomes=())]), force=True)
    client.force_login(cast.bram)
    page = client.get(f"/deelnemers/{cast.anna_record.pk}/").content.decode()
    assert 'data-stale="unknown_code"' in page


@pytest.mark.parametrize("file", [renamed, mapped, every_new_field])
def test_the_domain_foresees_exactly_what_the_load_writes(
    cast: Personas, file: Callable[[], Catalog]
) -> None:
    before = read_catalog()
    foreseen = merged(before, file())
    do_load_catalog(file())
    written = read_catalog()
    assert written.units == foreseen.units
    assert written.outcome_unit == foreseen.outcome_unit
    assert written.qualifications == foreseen.qualifications
    assert written.prerequisites == foreseen.prerequisites
    assert written.equivalences == foreseen.equivalences


def test_only_a_catalog_editor_loads_from_the_web(cast: Personas) -> None:
    with pytest.raises(PermissionDenied):
        do_load_checked(cast.bram, mapped())
