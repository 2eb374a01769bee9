"""Who may read and edit a region's plan: Hanna (Regio Midden's coordinator) edits; the
staff of its member organisations (Bram, Fleur, ...) read and add their own figures; Kees
(Regio Oost's coordinator), Anna and Joost find no such region."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from opmaat.domain.forecasting.model import Lever
from opmaat.forecasting import services
from opmaat.forecasting.access import Access, access_region, own_organisations, regions_for
from tests.factories import add_plan_figures
from tests.personas import Personas

READERS = ("bram", "dirk", "eva", "fleur", "gijs", "ivo", "tess")


def test_hanna_and_otto_edit_the_regions_plan(personas: Personas) -> None:
    for name in ("hanna", "otto"):
        _, access = access_region(personas.by_name(name), personas.region.pk)
        assert access is Access.EDIT, name


@pytest.mark.parametrize("name", READERS)
def test_member_organisations_staff_read_the_plan(personas: Personas, name: str) -> None:
    _, access = access_region(personas.by_name(name), personas.region.pk)
    assert access is Access.MEMBER


@pytest.mark.parametrize("name", ["kees", "chris", "anna", "joost"])
def test_anyone_else_finds_no_such_region(personas: Personas, name: str) -> None:
    with pytest.raises(Http404):
        access_region(personas.by_name(name), personas.region.pk)


def test_kees_edits_his_own_region_and_sees_only_that(personas: Personas) -> None:
    regions = regions_for(personas.kees)
    assert regions == [(personas.other_region, Access.EDIT)]


def test_fleur_adds_her_own_organisations_figures_but_not_the_schools(
    personas: Personas,
) -> None:
    add_plan_figures(personas.fleur, personas.region, organisation=personas.employer)
    with pytest.raises(PermissionDenied):
        add_plan_figures(personas.fleur, personas.region, organisation=personas.school)


def test_a_member_never_changes_the_regions_own_figures_or_scenarios(
    personas: Personas,
) -> None:
    with pytest.raises(PermissionDenied):
        add_plan_figures(personas.bram, personas.region)
    with pytest.raises(PermissionDenied):
        services.do_save_scenario(personas.bram, personas.region, "x", {Lever.CAPACITY: 10})
    with pytest.raises(PermissionDenied):
        services.do_record_baseline(personas.bram, personas.region, "nulmeting")


def test_hanna_offers_every_member_organisation_bram_only_his_own(personas: Personas) -> None:
    assert set(own_organisations(personas.hanna, personas.region)) == {
        personas.school,
        personas.employer,
        personas.evc_provider,
    }
    assert own_organisations(personas.bram, personas.region) == [personas.school]
