"""Monte Carlo over the uncertain rates: P10 / P50 / P90 bands of supply and gap."""

from __future__ import annotations

from opmaat.domain.forecasting.model import Bands, Plan

MAX_DRAWS = 10_000


def simulate(plan: Plan, draws: int, seed: int) -> Bands:
    """Draw every uncertain rate `draws` times (numpy Generator seeded with `seed`)."""
    raise NotImplementedError
