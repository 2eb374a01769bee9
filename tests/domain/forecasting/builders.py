"""Small plans for the forecasting tests, built from the default rates."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from opmaat.domain.forecasting.defaults import DURATIONS, default_rates
from opmaat.domain.forecasting.model import (
    AGE_BANDS,
    ROUTES,
    Cell,
    FloatArray,
    Plan,
    Rates,
    RouteDurations,
    UpskillingLink,
)

VIG = Cell("RP01", "Verzorgende-IG")
HELPENDE = Cell("RP01", "Helpende")


def plan_of(
    cells: Sequence[Cell] = (VIG,),
    horizon: int = 10,
    workforce: float = 1000.0,
    demand: float = 1100.0,
    starts: float = 50.0,
    rates: Rates | None = None,
    durations: RouteDurations = DURATIONS,
    upskilling: Sequence[UpskillingLink] = (),
    capacity: FloatArray | None = None,
    enrolled: float = 0.0,
) -> Plan:
    """A plan with the same figures in every cell: workforce spread evenly over the bands,
    flat demand, the same planned starts per route and year."""
    n = len(cells)
    return Plan(
        cells=tuple(cells),
        base_year=2025,
        workforce=np.full((n, len(AGE_BANDS)), workforce / len(AGE_BANDS)),
        fte_per_head=np.full(n, 0.7),
        demand=np.full((n, horizon + 1), demand),
        starts=np.full((n, horizon, len(ROUTES)), starts),
        enrolled=np.full((n, len(ROUTES), 3), enrolled),
        rates=tuple(rates or default_rates() for _ in cells),
        durations=durations,
        upskilling=tuple(upskilling),
        capacity=capacity,
    )
