"""Catalog services: the database holds exactly what was loaded, in one transaction."""

from __future__ import annotations

import dataclasses

import pytest

from opmaat.catalog import models
from opmaat.catalog.services import do_load_catalog, read_catalog
from opmaat.domain.catalog import Catalog, Qualification

pytestmark = pytest.mark.django_db


def test_the_database_gives_back_the_catalog_that_was_loaded(default_catalog: Catalog) -> None:
    stored = read_catalog()
    assert stored.qualifications == default_catalog.qualifications
    assert stored.units == default_catalog.units
    assert stored.certificates == default_catalog.certificates
    assert stored.prerequisites == default_catalog.prerequisites
    assert stored.equivalences == default_catalog.equivalences


def test_loading_the_same_catalog_again_creates_nothing(default_catalog: Catalog) -> None:
    report = do_load_catalog(default_catalog)
    assert report.created == 0
    assert report.updated == len(default_catalog.units) + len(default_catalog.qualifications) + len(
        default_catalog.certificates
    )


def test_a_shared_basisdeel_unit_is_stored_once() -> None:
    unit = models.Unit.objects.get(code="23181-B1-K1")
    assert unit.qualifications.count() == 6


def test_a_failing_load_leaves_the_database_as_it_was(default_catalog: Catalog) -> None:
    good = default_catalog.qualifications["25477"]
    renamed = dataclasses.replace(good, name="Gewijzigd")
    dangling = Qualification(
        crebo="99002", name="Kapot", level=3, nominal_years=2, units=("DOES-NOT-EXIST",)
    )
    with pytest.raises(KeyError):
        do_load_catalog(Catalog(qualifications=[renamed, dangling]))
    assert models.Qualification.objects.get(crebo="25477").name == good.name
    assert not models.Qualification.objects.filter(crebo="99002").exists()
