"""The migrations that give prerequisites codes instead of unit keys keep the rules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from pytest_django import DjangoDbBlocker

from opmaat.catalog import models
from opmaat.catalog.services import do_load_catalog
from opmaat.domain.catalog import Catalog

# The schema just before the codes were filled: keys and (empty) code columns side by side.
BEFORE_FILL = ("catalog", "0002_catalog_werkprocessen_cuts_successors")
BETWEEN_UNITS = [
    ("23181-P1-K1", "23181-B1-K1", "voorbehouden handelingen na basiszorg", "opmaat rule"),
    ("23181-P3-K1", "23181-B1-K1", "voorbehouden handelingen na basiszorg", "opmaat rule"),
]


@pytest.fixture(scope="module", autouse=True)
def catalog_restored(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker, default_catalog: Catalog
) -> Iterator[None]:
    """The tests after these expect the catalog that the flush at the end of each test removes."""
    yield
    with django_db_blocker.unblock():
        do_load_catalog(default_catalog)


def migrate(*targets: tuple[str, str]) -> MigrationExecutor:
    """Migrate to `targets` (all latest migrations when none), and return an executor
    whose loader knows the state reached."""
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets) or executor.loader.graph.leaf_nodes())
    return MigrationExecutor(connection)


@pytest.fixture
def migrated_forward_afterwards() -> Iterator[None]:
    """Leave the database at the latest migrations, even when a test fails half-way."""
    yield
    migrate()


def rules() -> list[tuple[str, str, str, str]]:
    return list(
        models.Prerequisite.objects.order_by("id").values_list(
            "unit_code", "requires_code", "reason", "source"
        )
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_forward_afterwards")
def test_prerequisites_between_units_survive_migrating_back_and_forth() -> None:
    """Backwards, keys are looked up from the codes, and a rule between werkprocessen, which
    the old schema cannot hold, is dropped; forwards, the codes are copied from the keys."""
    models.Prerequisite.objects.create(unit_code="23181-P1-K1-W1", requires_code="23181-B1-K1-W1")
    models.Prerequisite.objects.bulk_create(
        models.Prerequisite(unit_code=unit, requires_code=requires, reason=reason, source=source)
        for unit, requires, reason, source in BETWEEN_UNITS
    )

    old = migrate(BEFORE_FILL).loader.project_state(BEFORE_FILL).apps
    Prerequisite = old.get_model("catalog", "Prerequisite")
    keys = [(p.unit.code, p.requires.code) for p in Prerequisite.objects.order_by("id")]
    assert keys == [(unit, requires) for unit, requires, _, _ in BETWEEN_UNITS]
    Prerequisite.objects.update(unit_code="", requires_code="")  # so that forwards must fill

    migrate()
    assert rules() == BETWEEN_UNITS
