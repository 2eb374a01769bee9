"""A planned route: the items still needed, in order, with their dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opmaat.domain.catalog import UnitKind
from opmaat.domain.routes.target import TargetInfo

ELECTIVE_BLOCK = "KEUZEDELEN"  # the one item that stands for all missing elective hours


@dataclass(frozen=True, slots=True)
class PlannedItem:
    code: str
    title: str
    kind: str  # a UnitKind value; "elective" for the elective block
    level: int | None
    hours: float  # still to do
    full_hours: float
    partial: bool
    missing_outcomes: tuple[str, ...]
    for_prerequisite: bool
    provisional: bool
    start: date
    end: date


@dataclass(frozen=True, slots=True)
class Route:
    target: TargetInfo
    items: tuple[PlannedItem, ...]  # in schedule order
    covered_units: tuple[str, ...]  # required units already held or exempted
    start: date
    hours_per_week: float
    total_hours: float
    completion_date: date

    @property
    def missing_units(self) -> tuple[PlannedItem, ...]:
        """Units needed whole (vocational or elective units, not generic subjects)."""
        return tuple(i for i in self.items if is_unit(i) and not i.partial)

    @property
    def partial_units(self) -> tuple[PlannedItem, ...]:
        return tuple(i for i in self.items if is_unit(i) and i.partial)

    @property
    def generic_missing(self) -> tuple[PlannedItem, ...]:
        return tuple(i for i in self.items if i.kind == UnitKind.GENERIC.value)

    @property
    def elective_hours_missing(self) -> float:
        return sum(i.hours for i in self.items if i.code == ELECTIVE_BLOCK)

    @property
    def provisional(self) -> bool:
        """Shown as provisional when the target or any item rests on unverified facts."""
        return self.target.provisional or any(i.provisional for i in self.items)


def is_unit(item: PlannedItem) -> bool:
    return item.kind != UnitKind.GENERIC.value and item.code != ELECTIVE_BLOCK
