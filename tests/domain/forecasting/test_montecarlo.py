"""How the Monte Carlo run draws and groups its work (montecarlo.py, groups.py)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from opmaat.domain.forecasting import montecarlo
from opmaat.domain.forecasting.defaults import default_rates
from opmaat.domain.forecasting.groups import cell_groups, linked_components, restrict
from opmaat.domain.forecasting.model import (
    AGE_BANDS,
    Cell,
    Change,
    Distribution,
    Lever,
    Rates,
    Scenario,
    Uncertain,
    UpskillingLink,
)
from opmaat.domain.forecasting.montecarlo import sampler, simulate
from opmaat.domain.forecasting.pipeline import project
from opmaat.domain.forecasting.rates import RateTable, distinct_table
from opmaat.domain.forecasting.scenarios import apply_scenario
from tests.domain.forecasting.builders import HELPENDE, VIG, plan_of

MZ3, MZ4 = Cell("RP01", "Maatschappelijke Zorg 3"), Cell("RP01", "Maatschappelijke Zorg 4")
LINKS = (
    UpskillingLink(HELPENDE, VIG, Uncertain(0.03, 0.02, 0.04, Distribution.TRIANGULAR)),
    UpskillingLink(MZ3, MZ4, Uncertain(0.04)),
)
CELLS = (HELPENDE, MZ3, Cell("RP01", "Pedagogisch Werk 3"), VIG, MZ4)


def test_cells_joined_by_upskilling_stay_in_one_group() -> None:
    plan = plan_of(cells=CELLS, upskilling=LINKS)
    assert linked_components(plan) == [[0, 3], [1, 4], [2]]
    assert cell_groups(plan, 2) == [[0, 3], [1, 4], [2]]
    assert cell_groups(plan, 5) == [[0, 3, 1, 4, 2]]


def test_a_restricted_plan_projects_its_cells_as_the_whole_plan_does() -> None:
    plan = plan_of(cells=CELLS, upskilling=LINKS)
    part = restrict(plan, [1, 4])
    assert part.cells == (MZ3, MZ4) and part.upskilling == (LINKS[1],)
    np.testing.assert_array_equal(project(part).supply, project(plan).supply[[1, 4]])


def test_the_bands_do_not_depend_on_the_number_of_workers() -> None:
    plan = plan_of(cells=CELLS, upskilling=LINKS)
    alone = simulate(plan, 50, seed=3)
    shared = simulate(plan, 50, seed=3, workers=2)
    for percentile in (10, 50, 90):
        np.testing.assert_array_equal(alone.supply[percentile], shared.supply[percentile])


def test_a_figure_filling_several_rates_of_a_cell_is_one_uncertain_quantity() -> None:
    """The default 9 % leaving rate fills every age band: one figure, drawn once."""
    plan = plan_of()
    table, slots = distinct_table(plan)
    bands = len(AGE_BANDS)
    leaving = slots[0, bands : 2 * bands]
    assert len(set(leaving.tolist())) == 1
    assert table.central[0, leaving[0]] == default_rates().leaving[0].central


def test_a_fixed_figure_with_a_range_is_still_drawn_as_its_central_value() -> None:
    fixed = Uncertain(0.1, 0.05, 0.2, Distribution.FIXED)
    plan = plan_of(rates=replace(default_rates(), bol_bbl_switch=fixed))
    table, slots = distinct_table(plan)
    drawn = montecarlo.draw(sampler(table), 100, np.random.default_rng(1))
    assert np.all(drawn[slots[0, -1], :, 0] == 0.1)


def test_normal_draws_have_low_and_high_as_their_10th_and_90th_percentile() -> None:
    table = RateTable(
        central=np.array([[0.2]]),
        low=np.array([[0.1]]),
        high=np.array([[0.3]]),
        distribution=np.array([[montecarlo.NORMAL]]),
    )
    drawn = montecarlo.draw(sampler(table), 200_000, np.random.default_rng(5))[0, :, 0]
    assert np.percentile(drawn, [10, 90]) == pytest.approx([0.1, 0.3], abs=2e-3)


def test_triangular_draws_stay_within_their_range_around_their_mode() -> None:
    table = RateTable(
        central=np.array([[0.18]]),
        low=np.array([[0.15]]),
        high=np.array([[0.27]]),
        distribution=np.array([[montecarlo.TRIANGULAR]]),
    )
    drawn = montecarlo.draw(sampler(table), 200_000, np.random.default_rng(5))[0, :, 0]
    assert drawn.min() >= 0.15 and drawn.max() <= 0.27
    assert drawn.mean() == pytest.approx((0.15 + 0.18 + 0.27) / 3, abs=1e-3)


def test_a_group_with_spread_runs_in_float32_and_one_without_in_float64() -> None:
    spread = plan_of(cells=CELLS, upskilling=LINKS)
    table, _ = distinct_table(spread)
    assert montecarlo.precision(sampler(table)) is np.float32
    fixed = RateTable(table.central, table.central, table.central, table.distribution)
    assert montecarlo.precision(sampler(fixed)) is np.float64


def test_float32_rounds_far_below_the_sampling_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forced to float32, a run without spread stays within 1e-5 of the deterministic run
    over 20 years (measured: 7e-7 at full size), where 1,000 draws leave a percentile's
    sampling error at about 1e-2 of the value."""
    plan = plan_of(cells=CELLS, upskilling=LINKS, horizon=20)
    plan = replace(
        plan, rates=tuple(fixed_rates(rates) for rates in plan.rates), upskilling=LINKS[1:]
    )
    monkeypatch.setattr(montecarlo, "precision", lambda *samplers: np.float32)
    bands = simulate(plan, 10, seed=1)
    np.testing.assert_allclose(bands.supply[50], project(plan).supply, rtol=1e-5)


def fixed_rates(rates: Rates) -> Rates:
    """`rates` with every figure at its central value, without spread."""

    def central(values: tuple[Uncertain, ...]) -> tuple[Uncertain, ...]:
        return tuple(Uncertain(u.central) for u in values)

    return Rates(
        retirement=central(rates.retirement),
        leaving=central(rates.leaving),
        first_year_dropout=central(rates.first_year_dropout),
        later_year_dropout=central(rates.later_year_dropout),
        bol_bbl_switch=Uncertain(rates.bol_bbl_switch.central),
    )


def test_one_seed_gives_the_scenarios_common_random_numbers() -> None:
    """With one seed every scenario that keeps the plan's rate structure draws the same
    rates, so a scenario with more side-entrants has at least the supply of the basis
    in every draw, and so in every percentile (with a seed each it need not)."""
    plan = plan_of(cells=CELLS, upskilling=LINKS, horizon=15)
    more = apply_scenario(plan, Scenario("meer", (Change(Lever.EXTRA_SIDE_UNITS, 20.0),)))
    base, extra = simulate(plan, 200, seed=7), simulate(more, 200, seed=7)
    for percentile in (10, 50, 90):
        lowest = base.supply[percentile] * (1 - 1e-6)
        assert np.all(extra.supply[percentile] >= lowest)
        assert np.all(extra.supply[percentile][:, -1] > base.supply[percentile][:, -1])
