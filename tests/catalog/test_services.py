"""Catalog services: the database holds exactly what was loaded, in one transaction."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TypeVar

import pytest
from pytest_django import DjangoAssertNumQueries

from opmaat.catalog import models
from opmaat.catalog.services import do_load_catalog, read_catalog
from opmaat.domain.catalog import Catalog, Cut, Prerequisite, PriorEducation, Qualification
from tests.catalog.samples import BASIS, EXAM_1, NEW, OLD, every_new_field

V = TypeVar("V")

TABLES = [
    models.Qualification,
    models.Unit,
    models.Outcome,
    models.Prerequisite,
    models.Equivalence,
    models.PriorEducation,
]

pytestmark = pytest.mark.django_db


def test_the_database_gives_back_the_catalog_that_was_loaded(default_catalog: Catalog) -> None:
    stored = read_catalog()
    assert stored.qualifications == default_catalog.qualifications
    assert stored.units == default_catalog.units
    assert stored.certificates == default_catalog.certificates
    assert stored.prerequisites == default_catalog.prerequisites
    assert stored.equivalences == default_catalog.equivalences
    assert stored.prior_education == default_catalog.prior_education
    assert stored.stated_hours == default_catalog.stated_hours


def test_loading_the_same_catalog_again_creates_nothing(default_catalog: Catalog) -> None:
    report = do_load_catalog(default_catalog)
    assert report.created == 0
    assert report.updated == (
        len(default_catalog.units)
        + len(default_catalog.qualifications)
        + len(default_catalog.certificates)
        + len(default_catalog.prior_education)
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


def stored_part(stored: Mapping[str, V], loaded: Mapping[str, V]) -> dict[str, V]:
    """What the database holds under the codes of `loaded` (the default catalog is there too)."""
    return {code: stored[code] for code in loaded if code in stored}


def test_every_new_field_reads_back_as_it_was_loaded() -> None:
    loaded = every_new_field()
    do_load_catalog(loaded)
    stored = read_catalog()
    assert stored_part(stored.qualifications, loaded.qualifications) == loaded.qualifications
    assert stored_part(stored.units, loaded.units) == loaded.units
    assert stored_part(stored.stated_hours, loaded.stated_hours) == loaded.stated_hours
    assert stored_part(stored.prior_education, loaded.prior_education) == loaded.prior_education
    assert [p for p in stored.prerequisites if p.unit.startswith("T1-")] == list(
        loaded.prerequisites
    )
    assert [e for e in stored.equivalences if e.source == "T-OLD-1"] == list(loaded.equivalences)


def test_an_exam_unit_leaves_its_werkprocessen_with_the_units_that_define_them() -> None:
    do_load_catalog(every_new_field())
    assert not models.Unit.objects.get(code=EXAM_1.code).outcomes.exists()
    assert models.Outcome.objects.get(code="T1-B1-K1-W1").unit.code == BASIS.code
    assert models.Unit.objects.get(code=EXAM_1.code).werkprocessen == list(EXAM_1.werkprocessen)


def test_loading_changed_values_again_updates_them_in_place() -> None:
    do_load_catalog(every_new_field())
    rows = {model: model._default_manager.count() for model in TABLES}
    changed = Catalog(
        qualifications=[
            dataclasses.replace(OLD, cuts=(Cut("per werkproces", OLD.units),), superseded_by=()),
            dataclasses.replace(NEW, elective_hours_shortened=None, admission_note=""),
        ],
        units=every_new_field().units.values(),
        prerequisites=[Prerequisite("T1-P1-K1-W1", "T1-B1-K1-W2", "gewijzigd")],
        equivalences=every_new_field().equivalences,
        prior_education=[PriorEducation("T-HAVO", "havo (tweede fase)", 4)],
    )
    report = do_load_catalog(changed)
    stored = read_catalog()
    assert report.created == 0
    assert {model: model._default_manager.count() for model in TABLES} == rows
    assert stored_part(stored.qualifications, changed.qualifications) == changed.qualifications
    assert stored.prior_education["T-HAVO"] == changed.prior_education["T-HAVO"]
    assert stored.requires("T1-P1-K1-W1") == ("T1-B1-K1-W2",)
    assert [p.reason for p in stored.prerequisites if p.unit == "T1-P1-K1-W1"] == ["gewijzigd"]


def test_a_load_replaces_the_prerequisites_of_its_own_units_and_werkprocessen_only(
    default_catalog: Catalog,
) -> None:
    do_load_catalog(every_new_field())
    do_load_catalog(Catalog(units=[every_new_field().units["T1-P1-K1"]]))
    stored = read_catalog()
    assert stored.requires("T1-P1-K1-W1") == ()
    assert stored.prerequisites == default_catalog.prerequisites


def test_reading_the_catalog_takes_one_query_per_table(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    do_load_catalog(every_new_field())
    with django_assert_num_queries(9):
        read_catalog()
