"""The gap chart's geometry: supply and demand per year as lines, the gap between them
shaded, the P10–P90 band of the supply, and each compared scenario's supply as a line of
its own. Drawn as inline SVG by forecasting/chart.html (no JavaScript), in the drawing units
of `WIDTH` × `HEIGHT`; the SVG scales to the page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 720
HEIGHT = 320
LEFT, RIGHT, TOP, BOTTOM = 76.0, 700.0, 16.0, 288.0
TICKS = 5


@dataclass(frozen=True, slots=True)
class Scale:
    years: tuple[int, ...]
    low: float
    high: float

    def x(self, i: int) -> float:
        span = max(len(self.years) - 1, 1)
        return round(LEFT + (RIGHT - LEFT) * i / span, 1)

    def y(self, value: float) -> float:
        span = max(self.high - self.low, 1.0)
        return round(BOTTOM - (BOTTOM - TOP) * (value - self.low) / span, 1)

    def points(self, values: Sequence[float]) -> str:
        return " ".join(f"{self.x(i)},{self.y(v)}" for i, v in enumerate(values))

    def area(self, upper: Sequence[float], lower: Sequence[float]) -> str:
        """A polygon from `upper` left to right and back along `lower`."""
        back = [(self.x(i), self.y(v)) for i, v in enumerate(lower)][::-1]
        return f"{self.points(upper)} " + " ".join(f"{x},{y}" for x, y in back)


@dataclass(frozen=True, slots=True)
class Line:
    label: str
    points: str
    style: int  # 0: the plan's supply; 1…: a scenario (its dash pattern in planning.css)


@dataclass(frozen=True, slots=True)
class Tick:
    label: str
    at: float
    minor: bool = False  # hidden on a phone, where the labels are larger


@dataclass(frozen=True, slots=True)
class GapChart:
    demand: str
    supply: Line
    gap: str  # the area between demand and supply
    band: str  # the supply's P10–P90
    scenarios: tuple[Line, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: float = LEFT
    right: float = RIGHT
    label_x: float = LEFT - 6


def nice_step(span: float) -> float:
    """A round step (1, 2 or 5 × 10^n) giving about TICKS ticks over `span`."""
    raw = max(span / TICKS, 1.0)
    power = 10 ** (len(str(int(raw))) - 1)
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def gap_chart(
    years: Sequence[int],
    supply: Sequence[float],
    demand: Sequence[float],
    p10: Sequence[float],
    p90: Sequence[float],
    scenarios: Sequence[tuple[str, Sequence[float]]] = (),
    supply_label: str = "",
) -> GapChart:
    """Every value on one scale from 0 (or below, if a value is) to the largest."""
    values = [*supply, *demand, *p10, *p90, *(v for _, s in scenarios for v in s)]
    step = nice_step(max(values) - min(0.0, min(values)))
    low = min(0.0, min(values) // step * step)
    high = max(step, -(-max(values) // step) * step)
    scale = Scale(tuple(years), low, high)
    y_ticks = []
    value = low
    while value <= high + 1e-9:
        y_ticks.append(Tick(f"{value:,.0f}".replace(",", "."), scale.y(value)))
        value += step
    every = 1 if len(years) <= 12 else 2
    x_ticks = [
        Tick(str(y), scale.x(i), minor=(i // every) % 2 == 1)
        for i, y in enumerate(years)
        if i % every == 0
    ]
    return GapChart(
        demand=scale.points(demand),
        supply=Line(supply_label, scale.points(supply), 0),
        gap=scale.area(demand, supply),
        band=scale.area(p90, p10),
        scenarios=tuple(
            Line(name, scale.points(values), i + 1) for i, (name, values) in enumerate(scenarios)
        ),
        x_ticks=tuple(x_ticks),
        y_ticks=tuple(y_ticks),
    )
