"""Properties of the route planner over random valid catalogs, holdings and weeks."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import event, given, settings
from hypothesis import strategies as st

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes import (
    ELECTIVE_BLOCK,
    Holdings,
    Leerweg,
    Route,
    StudyTime,
    add_months,
    plan_route,
    reach,
    resolve_credit,
    standard_time,
    study_time,
)
from tests.strategies import (
    catalogs,
    holdings,
    partly_creditable,
    partly_held,
    start_dates,
    targets,
    times,
)

Situation = tuple[Catalog, str, Holdings]
EXAMPLES = settings(max_examples=int(os.environ.get("OPMAAT_EXAMPLES", "60")), deadline=None)


@st.composite
def situations(draw: st.DrawFn) -> Situation:
    catalog = draw(catalogs())
    return catalog, draw(targets(catalog)), draw(holdings(catalog))


@st.composite
def partly_credited(draw: st.DrawFn) -> Situation:
    """Someone who holds some of the werkprocessen of a unit the target asks for."""
    catalog = draw(catalogs())
    creditable = partly_creditable(catalog)
    target = draw(st.sampled_from(creditable) if creditable else targets(catalog))
    return catalog, target, draw(partly_held(catalog, target))


@st.composite
def ordered(draw: st.DrawFn) -> Situation:
    """A route to a qualification whose units require one another, for someone who holds
    neither the qualification nor any of its units whole."""
    catalog = draw(catalogs(chained=True))
    held = draw(holdings(catalog))
    whole = {"Q0", *catalog.qualifications["Q0"].units}
    return (
        catalog,
        "Q0",
        replace(
            held,
            codes=tuple(c for c in held.codes if c not in whole),
            exemptions=tuple(c for c in held.exemptions if c not in whole),
        ),
    )


def route_in(situation: Situation, start: date, time: StudyTime) -> Route:
    catalog, target, held = situation
    return plan_route(catalog, target, held, start, time)


def more(held: Holdings, extra: Holdings) -> Holdings:
    return Holdings(
        codes=tuple(dict.fromkeys((*held.codes, *extra.codes))),
        exemptions=tuple(dict.fromkeys((*held.exemptions, *extra.exemptions))),
        outcomes=tuple(dict.fromkeys((*held.outcomes, *extra.outcomes))),
        elective_hours=held.elective_hours + extra.elective_hours,
    )


class TestWhatARouteContains:
    """A route holds only what is still missing, werkproces by werkproces, and all of it."""

    @EXAMPLES
    @given(partly_credited(), start_dates, times())
    def test_a_route_never_contains_a_credited_werkproces(
        self, situation: Situation, start: date, time: StudyTime
    ) -> None:
        catalog, _, held = situation
        credit = resolve_credit(catalog, held)
        route = route_in(situation, start, time)
        event("a unit is partly credited" if route.partial_units else "no unit is partly credited")
        for item in route.items:
            assert not credit.outcomes & set(item.missing_outcomes)
            assert not credit.covers(catalog, item.code)

    @EXAMPLES
    @given(situations(), start_dates, times())
    def test_every_required_werkproces_is_credited_or_planned(
        self, situation: Situation, start: date, time: StudyTime
    ) -> None:
        catalog, target, held = situation
        if target not in catalog.qualifications:
            return
        credit = resolve_credit(catalog, held)
        planned = {w for i in route_in(situation, start, time).items for w in i.missing_outcomes}
        assert set(catalog.werkprocessen_of(target)) <= planned | credit.outcomes

    @EXAMPLES
    @given(situations(), start_dates, times())
    def test_a_werkproces_is_planned_at_most_once(
        self, situation: Situation, start: date, time: StudyTime
    ) -> None:
        planned = [w for i in route_in(situation, start, time).items for w in i.missing_outcomes]
        assert len(planned) == len(set(planned))

    @EXAMPLES
    @given(situations(), start_dates, times())
    def test_total_hours_are_the_sum_of_the_items(
        self, situation: Situation, start: date, time: StudyTime
    ) -> None:
        route = route_in(situation, start, time)
        assert route.total_hours == sum(i.hours for i in route.items)

    @EXAMPLES
    @given(catalogs(), st.data(), start_dates, times())
    def test_holding_the_target_gives_an_empty_route(
        self, catalog: Catalog, data: st.DataObject, start: date, time: StudyTime
    ) -> None:
        target = data.draw(targets(catalog))
        route = plan_route(catalog, target, Holdings(codes=(target,)), start, time)
        assert [i for i in route.items if not i.obligation] == []
        assert route.completion_date <= start + timedelta(days=7)


class TestCreditIsMonotone:
    """More holdings never lengthen a route (credit is monotone)."""

    @EXAMPLES
    @given(situations(), st.data(), start_dates, times())
    def test_more_holdings_never_end_later_or_cost_more(
        self, situation: Situation, data: st.DataObject, start: date, time: StudyTime
    ) -> None:
        catalog, target, held = situation
        richer = more(held, data.draw(holdings(catalog)))
        before = route_in(situation, start, time)
        after = plan_route(catalog, target, richer, start, time)
        assert after.completion_date <= before.completion_date
        assert after.total_hours <= before.total_hours + 1e-6


class TestTimeByPathway:
    """More contract hours never end later; a later start never ends earlier; a full
    programme from nothing in the standard form lasts its nominal duration."""

    @EXAMPLES
    @given(situations(), start_dates, st.integers(0, 40), st.integers(0, 40), st.integers(0, 16))
    def test_bbl_with_more_contract_hours_never_ends_later(
        self, situation: Situation, start: date, a: int, b: int, study: int
    ) -> None:
        fewer, more_hours = sorted([a, b])
        slow = study_time(Leerweg.BBL, float(study), float(fewer))
        fast = study_time(Leerweg.BBL, float(study), float(more_hours))
        assert route_in(situation, start, fast).completion_date <= (
            route_in(situation, start, slow).completion_date
        )

    @EXAMPLES
    @given(situations(), start_dates, times(), st.integers(1, 20))
    def test_more_study_hours_never_end_later(
        self, situation: Situation, start: date, time: StudyTime, extra: int
    ) -> None:
        faster = replace(time, study_hours=time.study_hours + extra)
        if faster.work_hours + faster.school_hours + faster.study_hours > 80:
            return
        assert route_in(situation, start, faster).completion_date <= (
            route_in(situation, start, time).completion_date
        )

    @EXAMPLES
    @given(situations(), start_dates, st.integers(0, 400), times())
    def test_a_later_start_never_ends_earlier(
        self, situation: Situation, start: date, delay: int, time: StudyTime
    ) -> None:
        later = start + timedelta(days=delay)
        assert route_in(situation, later, time).completion_date >= (
            route_in(situation, start, time).completion_date
        )

    @settings(max_examples=80, deadline=None)
    @given(st.data(), start_dates, st.sampled_from(list(Leerweg)))
    def test_a_full_programme_in_the_standard_form_lasts_its_nominal_duration(
        self, default_catalog: Catalog, data: st.DataObject, start: date, pathway: Leerweg
    ) -> None:
        """1,600 hours a year (WEB art. 7.2.7): the programme ends in its last school year,
        before the summer holiday it no longer needs."""
        crebo = data.draw(st.sampled_from(sorted(default_catalog.qualifications)))
        route = plan_route(default_catalog, crebo, Holdings(), start, standard_time(pathway))
        assert route.nominal_months - 2 <= route.months <= route.nominal_months + 0.5


class TestOrder:
    """Prerequisites come first; the generic subjects and keuzedelen run alongside."""

    @EXAMPLES
    @given(ordered(), start_dates, times())
    def test_a_unit_starts_only_after_the_units_it_requires(
        self, situation: Situation, start: date, time: StudyTime
    ) -> None:
        catalog = situation[0]
        route = route_in(situation, start, time)
        vocational = [i for i in route.items if i.track.value == "vocational"]
        position = {item.code: n for n, item in enumerate(vocational)}
        ordered = any(n in position for i in vocational for n in catalog.requires(i.code))
        event("the route orders a prerequisite" if ordered else "no prerequisite in the route")
        for item in vocational:
            for needed in catalog.requires(item.code):
                if needed in position:
                    assert position[needed] < position[item.code]

    @EXAMPLES
    @given(situations(), start_dates, times())
    def test_every_item_ends_by_the_completion_date(
        self, situation: Situation, start: date, time: StudyTime
    ) -> None:
        route = route_in(situation, start, time)
        assert all(i.start <= i.end <= route.completion_date for i in route.items)
        assert [i.code for i in route.items].count(ELECTIVE_BLOCK) <= 1


class TestReach:
    """Options all complete within N months, open ones first and nearest first."""

    @EXAMPLES
    @given(catalogs(), st.data(), st.integers(0, 36), start_dates, times())
    def test_reach_options_finish_in_time_open_and_nearest_first(
        self,
        catalog: Catalog,
        data: st.DataObject,
        months: int,
        start: date,
        time: StudyTime,
    ) -> None:
        held = data.draw(holdings(catalog))
        options = reach(catalog, held, months, start, time)
        assert all(o.completion_date <= add_months(start, months) for o in options)
        assert options == sorted(options, key=lambda o: (not o.open, o.total_hours, o.code))

    @EXAMPLES
    @given(catalogs(), st.data(), st.integers(0, 24), start_dates, times())
    def test_more_months_never_offer_less(
        self, catalog: Catalog, data: st.DataObject, months: int, start: date, time: StudyTime
    ) -> None:
        held = data.draw(holdings(catalog))
        short = {o.code for o in reach(catalog, held, months, start, time)}
        long = {o.code for o in reach(catalog, held, months + 12, start, time)}
        assert short <= long
