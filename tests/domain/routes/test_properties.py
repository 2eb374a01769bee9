"""Properties of the route planner over random valid catalogs and holdings."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes import (
    ELECTIVE_BLOCK,
    Holdings,
    Route,
    add_months,
    plan_route,
    reach,
    resolve_credit,
)
from tests.strategies import catalogs, holdings, paces, start_dates, targets

Situation = tuple[Catalog, str, Holdings]
EXAMPLES = settings(max_examples=60, deadline=None)


@st.composite
def situations(draw: st.DrawFn) -> Situation:
    catalog = draw(catalogs())
    return catalog, draw(targets(catalog)), draw(holdings(catalog))


def route_in(situation: Situation, start: date, pace: float) -> Route:
    catalog, target, held = situation
    return plan_route(catalog, target, held, start, pace)


class TestWhatARouteContains:
    """A route holds only what is still missing, and all of it."""

    @EXAMPLES
    @given(situations(), start_dates, paces)
    def test_a_route_never_contains_a_held_unit(
        self, situation: Situation, start: date, pace: float
    ) -> None:
        catalog, _, held = situation
        credit = resolve_credit(catalog, held)
        route = route_in(situation, start, pace)
        for item in route.items:
            assert not credit.covers(catalog, item.code)
            assert item.code not in held.codes + held.exemptions

    @EXAMPLES
    @given(situations(), start_dates, paces)
    def test_every_required_unit_is_covered_or_in_the_route(
        self, situation: Situation, start: date, pace: float
    ) -> None:
        catalog, target, _ = situation
        route = route_in(situation, start, pace)
        required = catalog.qualifications[target].units if target in catalog.qualifications else ()
        assert set(required) <= {i.code for i in route.items} | set(route.covered_units)

    @EXAMPLES
    @given(situations(), start_dates, paces)
    def test_total_hours_are_the_sum_of_the_items(
        self, situation: Situation, start: date, pace: float
    ) -> None:
        route = route_in(situation, start, pace)
        assert route.total_hours == sum(i.hours for i in route.items)

    @EXAMPLES
    @given(situations(), start_dates, paces)
    def test_a_partial_unit_needs_fewer_hours_than_the_whole(
        self, situation: Situation, start: date, pace: float
    ) -> None:
        route = route_in(situation, start, pace)
        for item in route.partial_units:
            assert 0 < item.hours < item.full_hours
            assert item.missing_outcomes

    @EXAMPLES
    @given(catalogs(), st.data(), start_dates, paces)
    def test_holding_the_target_gives_an_empty_route(
        self, catalog: Catalog, data: st.DataObject, start: date, pace: float
    ) -> None:
        target = data.draw(targets(catalog))
        route = plan_route(catalog, target, Holdings(codes=(target,)), start, pace)
        assert route.items == ()
        assert route.total_hours == 0
        assert route.completion_date == start


class TestOrder:
    """Prerequisites come first: a unit starts only after the units it requires."""

    @EXAMPLES
    @given(situations(), start_dates, paces)
    def test_prerequisites_come_first(self, situation: Situation, start: date, pace: float) -> None:
        catalog = situation[0]
        route = route_in(situation, start, pace)
        position = {item.code: i for i, item in enumerate(route.items)}
        for item in route.items:
            for needed in catalog.requires(item.code):
                if needed in position:
                    assert position[needed] < position[item.code]
                    assert route.items[position[needed]].end <= item.start + timedelta(days=1)

    @EXAMPLES
    @given(situations(), start_dates, paces)
    def test_generic_subjects_and_electives_come_after_the_units(
        self, situation: Situation, start: date, pace: float
    ) -> None:
        route = route_in(situation, start, pace)
        kinds = ["unit" if i.kind == "vocational" else i.kind for i in route.items]
        assert kinds == sorted(kinds, key=["unit", "generic", "elective"].index)
        assert [i.code for i in route.items].count(ELECTIVE_BLOCK) <= 1


class TestSchedule:
    """More hours per week never ends later; a later start never ends earlier."""

    @EXAMPLES
    @given(situations(), start_dates, paces, paces)
    def test_more_hours_per_week_never_ends_later(
        self, situation: Situation, start: date, a: float, b: float
    ) -> None:
        slow, fast = sorted([a, b])
        assert (
            route_in(situation, start, fast).completion_date
            <= route_in(situation, start, slow).completion_date
        )

    @EXAMPLES
    @given(situations(), start_dates, st.integers(0, 400), paces)
    def test_a_later_start_never_ends_earlier(
        self, situation: Situation, start: date, delay: int, pace: float
    ) -> None:
        later = start + timedelta(days=delay)
        assert (
            route_in(situation, later, pace).completion_date
            >= route_in(situation, start, pace).completion_date
        )

    @EXAMPLES
    @given(situations(), start_dates, paces)
    def test_items_follow_one_another_without_overlap(
        self, situation: Situation, start: date, pace: float
    ) -> None:
        route = route_in(situation, start, pace)
        for before, after in zip(route.items, route.items[1:], strict=False):
            assert before.start <= before.end
            assert after.start >= before.end - timedelta(days=1)
        assert all(i.end <= route.completion_date for i in route.items)


class TestReach:
    """Options all complete within N months, are nearest first, and are not yet held."""

    @EXAMPLES
    @given(catalogs(), st.data(), st.integers(0, 36), start_dates, paces)
    def test_reach_options_finish_in_time_nearest_first(
        self, catalog: Catalog, data: st.DataObject, months: int, start: date, pace: float
    ) -> None:
        held = data.draw(holdings(catalog))
        options = reach(catalog, held, months, start, pace)
        assert all(o.completion_date <= add_months(start, months) for o in options)
        assert options == sorted(options, key=lambda o: (o.total_hours, o.code))
        for o in options:
            assert plan_route(catalog, o.code, held, start, pace).items != ()

    @EXAMPLES
    @given(catalogs(), st.data(), st.integers(0, 24), start_dates, paces)
    def test_more_months_never_offer_less(
        self, catalog: Catalog, data: st.DataObject, months: int, start: date, pace: float
    ) -> None:
        held = data.draw(holdings(catalog))
        short = {o.code for o in reach(catalog, held, months, start, pace)}
        long = {o.code for o in reach(catalog, held, months + 12, start, pace)}
        assert short <= long
