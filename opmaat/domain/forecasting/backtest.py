"""The back-test: run the model from an old baseline and compare with the actuals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from opmaat.domain.forecasting.model import Cell, Plan


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
    """The error per cell and year for every actual supply given after the base year."""
    raise NotImplementedError
