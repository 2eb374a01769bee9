"""The yearly stock-flow cohort model, vectorised over cells (and Monte Carlo draws)."""

from __future__ import annotations

from opmaat.domain.forecasting.model import Plan, Projection


def project(plan: Plan) -> Projection:
    """Run `plan` deterministically with the central value of every rate."""
    raise NotImplementedError
