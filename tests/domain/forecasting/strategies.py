"""Hypothesis strategies: small random plans with every kind of flow the model has."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from opmaat.domain.forecasting.model import (
    AGE_BANDS,
    ROUTES,
    Cell,
    Distribution,
    Plan,
    Rates,
    RouteDurations,
    Uncertain,
    UpskillingLink,
)

QUALIFICATIONS = ("Helpende", "Verzorgende-IG", "Maatschappelijke Zorg 4")


@st.composite
def uncertain(draw: st.DrawFn, top: float = 1.0, spread: bool = True) -> Uncertain:
    """A rate within [0, top]; with `spread` a range around it and a distribution."""
    central = draw(st.floats(0.0, top))
    if not spread:
        return Uncertain(central)
    low = draw(st.floats(0.0, central))
    high = draw(st.floats(central, top))
    distribution = draw(st.sampled_from(tuple(Distribution)))
    return Uncertain(central, low, high, distribution)


@st.composite
def rates(draw: st.DrawFn, spread: bool = True) -> Rates:
    """Rates that leave room for ageing (1/20) and upskilling (up to 0.1) in every band."""
    return Rates(
        retirement=tuple(draw(uncertain(0.4, spread)) for _ in AGE_BANDS),
        leaving=tuple(draw(uncertain(0.4, spread)) for _ in AGE_BANDS),
        first_year_dropout=tuple(draw(uncertain(1.0, spread)) for _ in ROUTES),
        later_year_dropout=tuple(draw(uncertain(1.0, spread)) for _ in ROUTES),
        bol_bbl_switch=draw(uncertain(1.0, spread)),
    )


def figures(
    draw: st.DrawFn, shape: tuple[int, ...], top: float
) -> np.ndarray[tuple[int, ...], np.dtype[np.float64]]:
    values = draw(
        st.lists(st.floats(0.0, top), min_size=int(np.prod(shape)), max_size=int(np.prod(shape)))
    )
    return np.asarray(values, dtype=np.float64).reshape(shape)


@st.composite
def plans(
    draw: st.DrawFn,
    spread: bool = True,
    links: bool = True,
    capacity: bool = True,
) -> Plan:
    """A plan of one to three cells in one region over two to eight years."""
    cells = tuple(
        Cell("RP07", q)
        for q in draw(
            st.lists(st.sampled_from(QUALIFICATIONS), min_size=1, max_size=3, unique=True)
        )
    )
    n, horizon = len(cells), draw(st.integers(1, 8))
    months = {route: draw(st.integers(1, 48)) for route in ROUTES}
    upskilling: tuple[UpskillingLink, ...] = ()
    if links and n > 1:
        pairs = draw(
            st.lists(
                st.tuples(st.sampled_from(cells), st.sampled_from(cells)).filter(
                    lambda p: p[0] != p[1]
                ),
                max_size=2,
                unique=True,
            )
        )
        upskilling = tuple(UpskillingLink(a, b, draw(uncertain(0.05, spread))) for a, b in pairs)
    return Plan(
        cells=cells,
        base_year=2025,
        workforce=figures(draw, (n, len(AGE_BANDS)), 5000.0),
        fte_per_head=figures(draw, (n,), 1.0),
        demand=figures(draw, (n, horizon + 1), 20000.0),
        starts=figures(draw, (n, horizon, len(ROUTES)), 300.0),
        enrolled=figures(draw, (n, len(ROUTES), 4), 300.0),
        rates=tuple(draw(rates(spread)) for _ in cells),
        durations=RouteDurations(months),
        upskilling=upskilling,
        capacity=figures(draw, (n, horizon), 500.0) if capacity and draw(st.booleans()) else None,
    )
