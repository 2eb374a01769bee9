"""Composing a route: pathway, week and pace are checked against the catalog."""

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
from tests.errors import refused

START = date(2027, 9, 6)


def test_bbl_is_refused_for_a_qualification_offered_only_in_bol(default_catalog: Catalog) -> None:
    one = next(q for q in default_catalog.qualifications.values() if len(q.pathways) == 1)
    other = Leerweg.BOL if one.pathways[0].value == "BBL" else Leerweg.BBL
    with refused(InvalidPathway, "invalid_pathway", pathway=other.value):
        check_request(default_catalog, RouteRequest(one.crebo, START, None, other))


def test_the_derde_leerweg_is_open_for_every_qualification(default_catalog: Catalog) -> None:
    for q in default_catalog.qualifications.values():
        check_request(default_catalog, RouteRequest(q.crebo, START, 20, Leerweg.DERDE))


def test_each_pathway_has_its_own_default_week() -> None:
    assert RouteRequest("25656", START).time().per_year() == 1600
    bbl = RouteRequest("25656", START, pathway=Leerweg.BBL).time()
    assert (bbl.work_hours, bbl.school_hours, bbl.study_hours) == (32, 6, 8)


def test_faster_pace_means_more_study_hours_and_an_earlier_end(default_catalog: Catalog) -> None:
    def planned(pace: Pace) -> tuple[float, date]:
        request = RouteRequest("25960", START, 20, Leerweg.DERDE, pace)
        route = plan_request(default_catalog, Holdings(), request)
        return route.hours_per_week, route.completion_date

    (slow, slow_end), (normal, normal_end), (fast, fast_end) = map(
        planned, (Pace.SLOWER, Pace.NORMAL, Pace.FASTER)
    )
    assert (slow, normal, fast) == (15, 20, 25)
    assert fast_end < normal_end < slow_end


def test_contract_hours_count_in_bbl(default_catalog: Catalog) -> None:
    def end(hours: float) -> date:
        request = RouteRequest("25656", START, 8, Leerweg.BBL, work_hours_per_week=hours)
        return plan_request(default_catalog, Holdings(), request).completion_date

    assert end(36) < end(24)


@pytest.mark.parametrize("hours", [-5, 61])
def test_study_hours_must_be_humanly_possible(default_catalog: Catalog, hours: float) -> None:
    with refused(InvalidInput, "hours_out_of_range", field="study_hours"):
        check_request(default_catalog, RouteRequest("25960", START, hours))


def test_the_target_and_exam_only_codes_are_resolved(default_catalog: Catalog) -> None:
    checked = check_request(
        default_catalog, RouteRequest(" c0054 ", START, None, exam_only=("nl-2f",))
    )
    assert (checked.target, checked.exam_only) == ("C0054", ("NL-2F",))
    with pytest.raises(UnknownCode):
        check_request(default_catalog, RouteRequest("99999", START))


def test_only_a_generic_subject_can_be_exam_only(default_catalog: Catalog) -> None:
    with refused(InvalidInput, "not_generic"):
        plan_request(
            default_catalog, Holdings(), RouteRequest("25656", START, exam_only=("C0054",))
        )
