"""The model's invariants (issue 17, "Evidence"), as properties over random plans."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from opmaat.domain.forecasting.model import ROUTES, Change, Lever, Plan, Route, Scenario
from opmaat.domain.forecasting.montecarlo import simulate
from opmaat.domain.forecasting.pipeline import project
from opmaat.domain.forecasting.scenarios import apply_scenario, compare
from tests.domain.forecasting.strategies import plans

TOLERANCE = 1e-7


@given(plans())
def test_no_stock_is_ever_negative(plan: Plan) -> None:
    projection = project(plan)
    assert projection.workforce.min() >= -TOLERANCE
    assert projection.students.min() >= -TOLERANCE
    assert projection.supply.min() >= -TOLERANCE


@given(plans())
def test_the_workforce_changes_by_its_inflow_minus_its_outflow(plan: Plan) -> None:
    """Per cell and year: Δ workforce = graduates + upskilling in − outflow − upskilling out
    (ageing moves people between bands of the same cell)."""
    p = project(plan)
    change = np.diff(p.supply, axis=1)
    net = p.graduates.sum(axis=2) + p.upskilling_in - p.outflow - p.upskilling_out
    np.testing.assert_allclose(change, net, atol=TOLERANCE * (1 + np.abs(p.supply).max()))


@given(plans())
def test_the_students_change_by_their_starts_minus_dropouts_and_graduates(plan: Plan) -> None:
    """Per cell and year, over all routes (a BOL → BBL switch moves students between two)."""
    p = project(plan)
    change = np.diff(p.students.sum(axis=2), axis=1)
    net = (p.starts - p.dropouts - p.graduates).sum(axis=2)
    np.testing.assert_allclose(change, net, atol=TOLERANCE * (1 + p.starts.sum()))


@given(plans())
def test_upskilling_moves_people_between_cells_without_losing_any(plan: Plan) -> None:
    p = project(plan)
    np.testing.assert_allclose(p.upskilling_in.sum(axis=0), p.upskilling_out.sum(axis=0), atol=1e-6)


@given(plans())
def test_no_gap_needs_no_extra_starts(plan: Plan) -> None:
    supply = project(plan).supply
    covered = replace(plan, demand=supply * 0.999)
    projection = project(covered)
    assert not projection.starts_needed.any()
    assert not projection.unclosed.any()


@given(plans(links=False, capacity=False))
def test_the_starts_needed_close_the_gap_they_can_reach(plan: Plan) -> None:
    """Adding route r's starts needed to the plan leaves at most its `unclosed` gap."""
    before = project(plan)
    for r in range(len(ROUTES)):
        starts = plan.starts.copy()
        starts[:, :, r] += before.starts_needed[:, r, :]
        after = project(replace(plan, starts=starts))
        scale = 1 + np.abs(plan.demand).max()
        assert np.all(np.maximum(after.gap, 0) <= before.unclosed[:, r, :] + 1e-6 * scale)


@given(
    plans(), st.floats(0.0, 500.0), st.sampled_from([Lever.EXTRA_SIDE_UNITS, Lever.EXTRA_SIDE_EVC])
)
def test_more_side_entrants_never_widen_the_gap(plan: Plan, extra: float, lever: Lever) -> None:
    more = apply_scenario(plan, Scenario("more", (Change(lever, extra),)))
    assert np.all(project(more).gap <= project(plan).gap + TOLERANCE)


@settings(max_examples=30)
@given(plans(spread=False), st.integers(1, 40), st.integers(0, 2**32 - 1))
def test_monte_carlo_without_variance_is_the_deterministic_run(
    plan: Plan, draws: int, seed: int
) -> None:
    bands = simulate(plan, draws, seed)
    projection = project(plan)
    for percentile in (10, 50, 90):
        np.testing.assert_array_equal(bands.supply[percentile], projection.supply)
        np.testing.assert_array_equal(bands.gap[percentile], projection.gap)


@settings(max_examples=30)
@given(plans(), st.integers(2, 40), st.integers(0, 2**32 - 1))
def test_monte_carlo_bands_are_ordered_and_repeatable(plan: Plan, draws: int, seed: int) -> None:
    bands = simulate(plan, draws, seed)
    assert np.all(bands.supply[10] <= bands.supply[50] + TOLERANCE)
    assert np.all(bands.supply[50] <= bands.supply[90] + TOLERANCE)
    np.testing.assert_array_equal(simulate(plan, draws, seed).supply[50], bands.supply[50])


@given(plans(), st.floats(0.0, 300.0))
def test_a_comparison_gives_each_scenarios_gap_minus_the_first(plan: Plan, extra: float) -> None:
    base = Scenario("basis")
    more = Scenario("meer zij-instroom", (Change(Lever.EXTRA_SIDE_EVC, extra),))
    comparison = compare(plan, [base, more, base])
    assert comparison.names == ("basis", "meer zij-instroom", "basis")
    assert not comparison.gap_difference[0].any()
    assert not comparison.gap_difference[2].any()
    expected = project(apply_scenario(plan, more)).gap - project(plan).gap
    np.testing.assert_array_equal(comparison.gap_difference[1], expected)
    assert np.all(comparison.gap_difference[1] <= TOLERANCE)


@given(plans(), st.floats(0.0, 1.0))
def test_less_leaving_never_lowers_the_supply(plan: Plan, factor: float) -> None:
    kept = apply_scenario(plan, Scenario("behoud", (Change(Lever.LEAVING_FACTOR, factor),)))
    assert np.all(project(kept).supply >= project(plan).supply - TOLERANCE)


@given(plans(), st.floats(0.0, 1.0))
def test_less_dropout_never_lowers_the_supply(plan: Plan, factor: float) -> None:
    kept = apply_scenario(plan, Scenario("minder uitval", (Change(Lever.DROPOUT_FACTOR, factor),)))
    assert np.all(project(kept).supply >= project(plan).supply - TOLERANCE)


@given(plans(capacity=False), st.floats(0.0, 1000.0))
def test_a_capacity_never_lets_more_students_start_in_bol_and_bbl(
    plan: Plan, places: float
) -> None:
    capped = apply_scenario(plan, Scenario("plaatsen", (Change(Lever.CAPACITY, places),)))
    place_routes = [ROUTES.index(Route.BOL), ROUTES.index(Route.BBL)]
    starts = project(capped).starts[:, :, place_routes].sum(axis=2)
    starts[:, 0] -= plan.enrolled[:, place_routes, 0].sum(axis=1)
    assert np.all(starts <= places + TOLERANCE * (1 + places))
