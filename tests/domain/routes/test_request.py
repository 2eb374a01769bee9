"""Composing a route: pathway, pace and hours are checked against the catalog."""

from __future__ import annotations

from datetime import date

import pytest

from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import InvalidInput, UnknownCode
from opmaat.domain.routes import (
    Holdings,
    InvalidPathway,
    Leerweg,
    Pace,
    RouteRequest,
    check_request,
    plan_request,
)

START = date(2027, 1, 4)


def test_bbl_is_refused_for_a_qualification_offered_only_in_bol(default_catalog: Catalog) -> None:
    bol_only = next(q for q in default_catalog.qualifications.values() if len(q.pathways) == 1)
    other = "BOL" if bol_only.pathways[0].value == "BBL" else "BBL"
    with pytest.raises(InvalidPathway, match=f"not offered in {other}"):
        check_request(default_catalog, RouteRequest(bol_only.crebo, START, 20, Leerweg(other)))


def test_the_derde_leerweg_is_open_for_every_qualification(default_catalog: Catalog) -> None:
    for q in default_catalog.qualifications.values():
        check_request(default_catalog, RouteRequest(q.crebo, START, 20, Leerweg.DERDE))


def test_faster_pace_means_more_hours_a_week_and_an_earlier_end(default_catalog: Catalog) -> None:
    normal = plan_request(default_catalog, Holdings(), RouteRequest("25498", START, 20))
    faster = plan_request(
        default_catalog, Holdings(), RouteRequest("25498", START, 20, pace=Pace.FASTER)
    )
    slower = plan_request(
        default_catalog, Holdings(), RouteRequest("25498", START, 20, pace=Pace.SLOWER)
    )
    assert faster.hours_per_week == 25 and slower.hours_per_week == 15
    assert faster.completion_date < normal.completion_date < slower.completion_date
    assert faster.total_hours == normal.total_hours == slower.total_hours


@pytest.mark.parametrize("hours", [0, -5, 61])
def test_hours_per_week_must_be_humanly_possible(default_catalog: Catalog, hours: float) -> None:
    with pytest.raises(InvalidInput, match="hours per week"):
        check_request(default_catalog, RouteRequest("25498", START, hours))


def test_the_target_is_resolved_to_the_catalogs_spelling(default_catalog: Catalog) -> None:
    checked = check_request(default_catalog, RouteRequest(" cert-ondersteuning-thuis ", START, 20))
    assert checked.target == "CERT-ONDERSTEUNING-THUIS"
    with pytest.raises(UnknownCode):
        check_request(default_catalog, RouteRequest("99999", START, 20))
