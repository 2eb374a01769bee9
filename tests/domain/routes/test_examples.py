"""Cases from the seeds (DOMAIN.md) on a catalog shaped like dossier 23181."""

from __future__ import annotations

from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes import Holdings, plan_route

START = date(2027, 1, 4)


def test_a_level_3_begeleider_needs_only_the_level_4_profile_3f_subjects_and_electives(
    mz: Catalog,
) -> None:
    route = plan_route(mz, "25477", Holdings(codes=("25475",)), START, 20)
    assert [i.code for i in route.missing_units] == ["23181-P3-K1"]
    assert route.partial_units == ()
    assert [i.code for i in route.generic_missing] == ["NL-3F", "REK-3F", "EN-B1"]
    assert route.elective_hours_missing == 720 - 480
    assert route.covered_units == ("23181-B1-K1", "23181-B1-K2", "LB")
    assert route.total_hours == 800 + 3 * 40 + 240


def test_all_units_exempt_leaves_only_the_generic_subjects(mz: Catalog) -> None:
    """MZ3 through EVC: exempt for every unit, still to pass Dutch, arithmetic and L&B."""
    exempt = ("23181-B1-K1", "23181-B1-K2", "23181-P1-K1")
    route = plan_route(mz, "25475", Holdings(exemptions=exempt, elective_hours=480), START, 20)
    assert route.missing_units == route.partial_units == ()
    assert [i.code for i in route.generic_missing] == ["NL-2F", "REK-2F", "LB"]


def test_exempt_for_most_units_finishes_within_a_year(mz: Catalog) -> None:
    """MZ4 through EVC: only the profile unit and the generic subjects left."""
    held = Holdings(
        exemptions=("23181-B1-K1", "23181-B1-K2", "NL-3F", "REK-3F", "EN-B1", "LB"),
        elective_hours=720,
    )
    route = plan_route(mz, "25477", held, START, 20)
    assert [i.code for i in route.items] == ["23181-P3-K1"]
    assert (route.completion_date - START).days < 365
