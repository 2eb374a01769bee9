"""The gap chart's geometry (opmaat/forecasting/charts.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from opmaat.forecasting.charts import BOTTOM, LEFT, RIGHT, TOP, gap_chart, nice_step

values = st.lists(st.floats(0, 1e6), min_size=2, max_size=12)


def coordinates(points: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in (p.split(",") for p in points.split())]


@given(values)
def test_every_point_lies_inside_the_plot(supply: list[float]) -> None:
    years = list(range(2025, 2025 + len(supply)))
    demand = [v * 1.2 for v in supply]
    chart = gap_chart(years, supply, demand, [v * 0.9 for v in supply], [v * 1.1 for v in supply])
    for points in (chart.supply.points, chart.demand, chart.gap, chart.band):
        for x, y in coordinates(points):
            assert LEFT <= x <= RIGHT and TOP - 1e-6 <= y <= BOTTOM + 1e-6


def test_the_gap_runs_along_demand_and_back_along_supply() -> None:
    chart = gap_chart([2025, 2026], [10, 20], [30, 40], [10, 20], [10, 20])
    gap = coordinates(chart.gap)
    assert (
        gap[:2] == coordinates(chart.demand) and gap[2:] == coordinates(chart.supply.points)[::-1]
    )


def test_a_scenario_gets_a_line_of_its_own_style() -> None:
    chart = gap_chart([2025, 2026], [1, 2], [3, 4], [1, 2], [1, 2], [("A", [2, 3]), ("B", [1, 1])])
    assert [(line.label, line.style) for line in chart.scenarios] == [("A", 1), ("B", 2)]


@given(st.floats(1, 1e7))
def test_the_step_is_round_and_gives_about_five_ticks(span: float) -> None:
    step = nice_step(span)
    assert f"{step:.0f}".strip("0") in ("1", "2", "5") and span / step <= 5
