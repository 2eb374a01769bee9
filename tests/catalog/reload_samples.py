"""The sample catalog (tests/catalog/samples.py) loaded beside the default one, Anna with an
exemption for its unit T1-P1-K1 and a saved route that counts it, and the files that drop
that unit or its werkproces."""

from __future__ import annotations

import dataclasses
from datetime import date

from opmaat.catalog import cache
from opmaat.catalog.services import do_load_catalog
from opmaat.domain.catalog import Catalog, Equivalence
from opmaat.domain.routes import Leerweg, Pace, RouteRequest, route_document
from opmaat.explanations import add_route_texts
from opmaat.learners import services as learners
from opmaat.learners.models import Holding, RoutePlan
from tests.catalog.samples import BASIS, NEW, PROFILE, every_new_field
from tests.factories import add_holding
from tests.personas import Personas

OLD_CODE, NEW_CODE = PROFILE.code, "T1-P1-K1N"


def anna_exempt_for_the_sample_unit(cast: Personas) -> Personas:
    do_load_catalog(every_new_field())
    cache.clear()
    add_holding(cast.eva, cast.anna_record, OLD_CODE, Holding.Kind.EXEMPTION)  # the exam board
    # Saved as the composer would, past the admission check (she is no level-3 holder).
    request = RouteRequest(NEW.crebo, date(2027, 1, 4), 20, Leerweg.BOL, Pace.NORMAL)
    route = learners.preview_route(cast.anna_record, request).route
    assert OLD_CODE in route.covered_units
    RoutePlan.objects.create(
        learner=cast.anna_record, version=1, target=NEW.crebo, start=request.start,
        hours_per_week=20, pathway="BOL", pace="normal",
        document=add_route_texts(route_document(route)),
    )  # fmt: skip
    return cast


def renamed(*equivalences: Equivalence) -> Catalog:
    """T1-P1-K1 renamed T1-P1-K1N: its werkproces moves to the new code, and Verzorgende-IG
    90002 lists the new one (a file holds every unit its qualifications list)."""
    return Catalog(
        qualifications=[dataclasses.replace(NEW, units=("T1-B1-K1", NEW_CODE))],
        units=[BASIS, dataclasses.replace(PROFILE, code=NEW_CODE)],
        equivalences=equivalences,
    )


def mapped() -> Catalog:
    return renamed(Equivalence(OLD_CODE, (NEW_CODE,), "hernoemd in de nieuwe catalogus"))
