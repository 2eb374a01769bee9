"""The back-test: run the model from an old baseline and compare with the actuals.

The Capaciteitsorgaan's model was judged this way (SEO: deviations of 0.2–0.9 % a year,
FIGURES.md). 1. Project the baseline plan as it was recorded. 2. For every actual supply
entered later (cell, year within the horizon, after the base year), give the projected and
actual headcount, the error and the error as a percentage of the actual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from opmaat.domain.forecasting.errors import MissingYear, UnknownCell
from opmaat.domain.forecasting.model import Cell, Plan
from opmaat.domain.forecasting.pipeline import project


@dataclass(frozen=True, slots=True)
class YearError:
    cell: Cell
    year: int
    projected: float
    actual: float

    @property
    def error(self) -> float:
        """Projected minus actual supply (headcount)."""
        return self.projected - self.actual

    @property
    def error_pct(self) -> float | None:
        """The error as a percentage of the actual; None when the actual is zero."""
        return None if self.actual == 0 else 100.0 * self.error / self.actual


def backtest(plan: Plan, actuals: Mapping[Cell, Mapping[int, float]]) -> tuple[YearError, ...]:
    """The steps above, ordered by cell (as in the plan) and year."""
    index = {cell: i for i, cell in enumerate(plan.cells)}
    for cell, series in actuals.items():
        if cell not in index:
            raise UnknownCell(cell.region, cell.qualification)
        for year in series:
            if not plan.base_year < year <= plan.years[-1]:
                raise MissingYear("projection", year)
    supply = project(plan).supply
    return tuple(
        YearError(cell, year, float(supply[index[cell], year - plan.base_year]), actual)
        for cell in plan.cells
        for year, actual in sorted(actuals.get(cell, {}).items())
    )


def mean_absolute_pct(errors: tuple[YearError, ...]) -> float | None:
    """The mean absolute percentage error over the years with a non-zero actual."""
    shares = [abs(e.error_pct) for e in errors if e.error_pct is not None]
    return sum(shares) / len(shares) if shares else None
