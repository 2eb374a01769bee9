"""The development advice on the default catalog: the route now, the EVC phase, and the
route after it on the same week (opmaat.domain.recognition.advice, no database)."""

from __future__ import annotations

from datetime import date

import pytest

from opmaat.catalog.files import default_catalog_path, read_catalog
from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import InvalidInput
from opmaat.domain.recognition.advice import (
    EVC_PLANNED,
    advice_document,
    compose_advice,
    study_load,
)
from opmaat.domain.routes import Holdings, Leerweg, RouteRequest, Track
from opmaat.explanations import add_advice_texts
from tests.errors import refused

CATALOG: Catalog = read_catalog(default_catalog_path())
START = date(2027, 1, 4)
JOLANDA = RouteRequest("25779", START, pathway=Leerweg.BBL, work_hours_per_week=36)
MBO_4 = Holdings(codes=("MBO-4",))


def test_the_route_after_evc_starts_when_the_evc_phase_ends_on_the_same_week() -> None:
    advice = compose_advice(CATALOG, MBO_4, JOLANDA, ["23312-B1-K2-1"])
    after = advice.route_after_evc
    assert after is not None and advice.evc_end == START + EVC_PLANNED
    assert after.start == advice.evc_end
    assert after.time == advice.route.time
    assert after.time.work_hours == 36 and after.time.pathway == Leerweg.BBL
    assert "23312-B1-K2-1" in after.covered_units


def test_evc_saves_the_hours_of_the_units_put_forward() -> None:
    units = ["23312-B1-K1-4", "23312-B1-K2-1"]
    advice = compose_advice(CATALOG, MBO_4, JOLANDA, units)
    expected = sum(CATALOG.units[u].hours for u in units)
    assert advice.saves_hours == pytest.approx(expected, abs=0.1)
    assert advice.route_after_evc is not None
    assert study_load(advice.route) - study_load(advice.route_after_evc) == pytest.approx(
        expected, abs=0.1
    )


def test_with_every_unit_through_evc_the_diploma_comes_within_a_year() -> None:
    """The seed's MZ4 case as advised: three months of EVC, then only the keuzedelen (the
    generic subjects are exempt for her mbo-4 diploma)."""
    units = CATALOG.qualifications["25779"].units
    advice = compose_advice(CATALOG, MBO_4, JOLANDA, units)
    after = advice.route_after_evc
    assert after is not None
    assert {i.track for i in after.items} == {Track.ELECTIVE}
    assert advice.months_with_evc is not None and advice.months_with_evc < 12
    assert advice.saves_months > 12


def test_the_document_gives_the_week_the_evc_units_with_their_werkprocessen_and_savings() -> None:
    advice = compose_advice(CATALOG, MBO_4, JOLANDA, ["23312-B1-K1-3"])
    document = add_advice_texts(advice_document(CATALOG, advice))
    assert (document["pathway"], document["work_hours_per_week"]) == ("BBL", 36)
    evc = document["evc"]
    assert isinstance(evc, dict)
    (unit,) = evc["units"]
    assert [w["code"] for w in unit["werkprocessen"]] == [
        "23312-B1-K1-W1",
        "23312-P2-K1-W1",
        "23312-P2-K1-W3",
    ]
    assert evc["weeks"] == 16 and evc["saves_hours"] == advice.saves_hours
    route = document["route"]
    assert isinstance(route, dict) and route["explanation"]
    assert all("track" in item for item in route["schedule"])


def test_a_unit_outside_the_targets_cut_is_no_evc_unit() -> None:
    """25779 is examined in exam units: its kerntaak 23312-B1-K2 is not one of them."""
    with refused(InvalidInput, "not_on_route", value="23312-B1-K2"):
        compose_advice(CATALOG, MBO_4, JOLANDA, ["23312-B1-K2"])


def test_without_evc_units_the_advice_is_the_route_alone() -> None:
    advice = compose_advice(CATALOG, MBO_4, JOLANDA, [])
    assert advice.route_after_evc is None and advice.saves_hours == 0
    assert advice.months_with_evc is None
