"""What is in reach within N months: current targets only, open ones first."""

from __future__ import annotations

from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes import AdmissionRule, Holdings, Leerweg, reach, study_time

START = date(2027, 9, 6)
BBL = study_time(Leerweg.BBL)


def test_a_level_3_begeleider_reaches_level_4_within_two_years(mz: Catalog) -> None:
    options = reach(mz, Holdings(codes=("25780",)), 24, START, BBL)
    assert "25779" in [o.code for o in options]


def test_what_is_already_held_is_not_offered(mz: Catalog) -> None:
    options = reach(mz, Holdings(codes=("25780",)), 60, START, BBL)
    assert "25780" not in [o.code for o in options]


def test_a_superseded_qualification_is_not_offered(mz: Catalog) -> None:
    options = reach(mz, Holdings(), 120, START, BBL)
    assert "OLD" not in [o.code for o in options]


def test_options_are_nearest_first(mz: Catalog) -> None:
    options = reach(mz, Holdings(), 120, START, BBL)
    assert [o.code for o in options] == ["C-P2", "25780", "25779"]
    assert options[0].total_hours == 200


def test_nothing_is_in_reach_at_a_crawl(mz: Catalog) -> None:
    assert reach(mz, Holdings(), 1, START, study_time(Leerweg.DERDE, 1)) == []


def test_a_target_that_is_not_open_comes_last_with_its_reason(default_catalog: Catalog) -> None:
    options = reach(default_catalog, Holdings(codes=("VMBO-BB",)), 24, START, BBL)
    entree = next(o for o in options if o.code == "25741")
    assert not entree.open and entree.admission.rule == AdmissionRule.ENTREE
    assert options[-1].open is False
    assert all(o.open for o in options[: options.index(entree)])
