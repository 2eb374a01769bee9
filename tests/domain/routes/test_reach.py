"""What is in reach within N months."""

from __future__ import annotations

from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes import Holdings, reach

START = date(2027, 1, 4)


def test_a_level_3_begeleider_reaches_level_4_within_two_years(mz: Catalog) -> None:
    options = reach(mz, Holdings(codes=("25475",)), 24, START, 20)
    assert "25477" in [o.code for o in options]


def test_what_is_already_held_is_not_offered(mz: Catalog) -> None:
    options = reach(mz, Holdings(codes=("25475",)), 60, START, 20)
    assert "25475" not in [o.code for o in options]
    assert "CERT-B1-K1-PART" not in [o.code for o in options]


def test_options_are_nearest_first(mz: Catalog) -> None:
    options = reach(mz, Holdings(), 120, START, 20)
    assert [o.code for o in options] == ["CERT-B1-K1-PART", "25475", "25477"]
    assert options[0].total_hours == 200


def test_nothing_is_in_reach_at_a_crawl(mz: Catalog) -> None:
    assert reach(mz, Holdings(), 1, START, 1) == []
