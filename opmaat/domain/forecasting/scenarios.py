"""Named scenarios: apply their levers to a plan, compare them side by side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from opmaat.domain.forecasting.model import FloatArray, Plan, Projection, Scenario


def apply_scenario(plan: Plan, scenario: Scenario) -> Plan:
    """`plan` with the scenario's changes applied, in their order."""
    raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Comparison:
    """Projections of several scenarios; `gap_difference[i]` is scenario i's gap minus the
    first scenario's, per cell and year."""

    names: tuple[str, ...]
    projections: tuple[Projection, ...]
    gap_difference: tuple[FloatArray, ...]


def compare(plan: Plan, scenarios: Sequence[Scenario]) -> Comparison:
    raise NotImplementedError
