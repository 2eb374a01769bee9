"""The seeds' cases (DOMAIN.md) and the issue's table, on the shipped default catalog."""

from __future__ import annotations

from datetime import date

import pytest

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes import AdmissionRule, Holdings, Leerweg, Track, plan_route, study_time

START = date(2027, 8, 30)  # the first teaching week of school year 2027-2028
# A realistic BBL week for a side-entrant working in care: 32 contract hours, one school day
# of 6 hours and 8 hours of self-study.
BBL = study_time(Leerweg.BBL, study_hours=8, work_hours=32)


def all_units_but(catalog: Catalog, crebo: str, left: str) -> tuple[str, ...]:
    return tuple(u for u in catalog.qualifications[crebo].units if u != left)


def test_mz4_with_all_units_but_one_recognised_is_done_within_seven_months(
    default_catalog: Catalog,
) -> None:
    """Seed 001: EVC for Maatschappelijke Zorg 4, exempt for five of six units; "de zeven
    maanden daarna heb ik de overige onderdelen afgerond". The largest unit is left
    (Regievoering ondersteuningsplan, three werkprocessen); the generic subjects he masters
    are taken as exams."""
    held = Holdings(exemptions=all_units_but(default_catalog, "25779", "23312-B1-K1-3"))
    route = plan_route(
        default_catalog, "25779", held, START, BBL, exam_only=("NL-3F", "REK-4", "EN-B1")
    )
    assert [i.code for i in route.missing_units] == ["23312-B1-K1-3"]
    assert route.elective_hours_missing == 480  # a shortened route (OER MBO Utrecht)
    assert route.months <= 7


def test_mz3_with_all_units_recognised_leaves_only_the_generic_exams(
    default_catalog: Catalog,
) -> None:
    """Seed 001: exempt for all six units, "een aantal verplichte examens ... zoals
    Nederlands, Rekenen en Loopbaan en Burgerschap" (the keuzedelen exempted too)."""
    held = Holdings(exemptions=default_catalog.qualifications["25780"].units, elective_hours=720)
    route = plan_route(
        default_catalog, "25780", held, START, BBL, exam_only=("NL-2F", "REK-3", "LB")
    )
    assert [(i.code, i.exam_only, i.track) for i in route.items] == [
        ("NL-2F", True, Track.GENERIC),
        ("REK-3", True, Track.GENERIC),
        ("LB", True, Track.GENERIC),
    ]
    assert route.total_hours < 40
    assert route.months < 1


def test_the_flevoland_adl_certificate_shortens_bbl_vig(default_catalog: Catalog) -> None:
    """Seed 002: an orientation route with the ADL unit and its certificate, "daarmee
    instromen in een verkort bbl-traject VIG". Basis voor deskundige zorg (C0054) is part of
    VIG: its two werkprocessen count."""
    without = plan_route(default_catalog, "25656", Holdings(), START, BBL)
    with_certificate = plan_route(default_catalog, "25656", Holdings(codes=("C0054",)), START, BBL)
    assert with_certificate.credited_werkprocessen == 2
    assert "23268-B1-K1-1" in with_certificate.covered_units
    assert with_certificate.completion_date < without.completion_date
    assert with_certificate.months < with_certificate.nominal_months


def test_a_side_entrant_to_vig_in_bbl_takes_two_to_two_and_a_half_years(
    default_catalog: Catalog,
) -> None:
    """The issue's table: BBL VIG is 3 years nominal, 2-2.5 years for side-entrants at
    several schools (Talland, Rijn IJssel, MBO Utrecht, ROC Midden Nederland)."""
    route = plan_route(default_catalog, "25656", Holdings(codes=("VMBO-GT",)), START, BBL)
    assert route.nominal_months == 36
    assert 24 <= route.months <= 30
    assert route.credited_werkprocessen == 0


def test_a_helpende_to_vig_gets_a_shortened_route(default_catalog: Catalog) -> None:
    """Helpende Zorg en Welzijn (25498, counting as its successor 25960) into VIG: Dutch 2F
    counts, rekenen 2 does not count for 3, the keuzedelen of level 2 do not count for level
    3; still shorter than the nominal 3 years at 24 hours a week."""
    route = plan_route(
        default_catalog, "25656", Holdings(codes=("25498",)), START, study_time(Leerweg.BBL, 8, 24)
    )
    generic = [i.code for i in route.generic_missing]
    assert "NL-2F" not in generic and "REK-3" in generic
    assert route.electives.reduced  # a shortened route
    assert route.months <= route.nominal_months - 6


def test_a_vig_diploma_takes_about_two_years_off_mbo_verpleegkundige(
    default_catalog: Catalog,
) -> None:
    """credit_and_durations.yaml: VIG holders get about 2 of the 4 VP years off (MBO
    Utrecht 25655B24, ROC Horizon College)."""
    route = plan_route(
        default_catalog, "25655", Holdings(codes=("25656",)), START, study_time(Leerweg.BBL, 8, 24)
    )
    assert route.credited_werkprocessen == 5
    assert 20 <= route.months <= 30


def test_a_superseded_qualification_still_plans_and_names_its_successor(
    default_catalog: Catalog,
) -> None:
    route = plan_route(default_catalog, "25477", Holdings(), START, BBL)
    assert route.target.superseded_by == ("25779",)
    assert route.items


@pytest.mark.parametrize(
    ("held", "target"),
    [(("25498",), "25960"), (("25477",), "25779"), (("25491",), "25656")],
)
def test_an_old_diploma_counts_for_its_successor(
    default_catalog: Catalog, held: tuple[str, ...], target: str
) -> None:
    route = plan_route(default_catalog, target, Holdings(codes=held), START, BBL)
    assert route.credited_werkprocessen == route.werkprocessen
    assert not route.missing_units and not route.partial_units


def test_entree_is_not_open_to_someone_with_a_vmbo_diploma(default_catalog: Catalog) -> None:
    route = plan_route(default_catalog, "25741", Holdings(codes=("VMBO-BB",)), START, BBL)
    assert not route.open and route.admission.rule == AdmissionRule.ENTREE
