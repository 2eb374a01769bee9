"""Errors the route planner raises, each with a stable `code` (docs/errors.md)."""

from __future__ import annotations

from collections.abc import Sequence

from opmaat.domain.errors import DomainError, InvalidInput


class PrerequisiteCycle(DomainError):
    """Units that require each other, so no order can respect all prerequisites."""

    code = "prerequisite_cycle"

    def __init__(self, cycle: Sequence[str]) -> None:
        self.cycle = tuple(cycle)
        super().__init__(f"prerequisite cycle: {' requires '.join(self.cycle)}")


class InvalidPace(InvalidInput):
    code = "invalid_pace"

    def __init__(self, hours_per_week: float) -> None:
        self.hours_per_week = hours_per_week
        super().__init__(f"hours per week must be more than 0, got {hours_per_week:g}")


class NotATarget(InvalidInput):
    """A code that exists but cannot be planned towards (an outcome, an old diploma)."""

    code = "not_a_target"

    def __init__(self, value: str, kind: str) -> None:
        self.value = value
        super().__init__(
            f"{value!r} is {kind_phrase(kind)}: a route goes to a qualification, "
            "a unit or a certificate"
        )


def kind_phrase(kind: str) -> str:
    return {"outcome": "a learning outcome", "equivalence": "a prior diploma"}.get(kind, kind)
