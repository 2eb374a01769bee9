"""A planned route: the items still needed, on their tracks, with their dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opmaat.domain.catalog import UnitKind
from opmaat.domain.routes.admission import OPEN, Verdict
from opmaat.domain.routes.calendar import months_between
from opmaat.domain.routes.schedule import Track
from opmaat.domain.routes.target import TargetInfo
from opmaat.domain.routes.time import StudyTime

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
    track: Track = Track.VOCATIONAL
    exam_only: bool = False
    obligation: bool = False


@dataclass(frozen=True, slots=True)
class Electives:
    """The keuzedeel obligation of this route: the full one, the one applied (lower on a
    shortened route where a rule says so) and that rule."""

    required: float
    applied: float
    rule: str = ""
    credited: float = 0.0  # keuzedeel hours that count towards the target

    @property
    def reduced(self) -> bool:
        return self.applied < self.required

    @property
    def reduction_counts(self) -> bool:
        """The lower obligation changes what is left to do."""
        return self.reduced and self.credited < self.required


@dataclass(frozen=True, slots=True)
class Route:
    target: TargetInfo
    items: tuple[PlannedItem, ...]  # vocational in order, then generic, then electives
    covered_units: tuple[str, ...]  # required units already held or exempted
    start: date
    time: StudyTime
    total_hours: float
    completion_date: date
    nominal_months: float
    werkprocessen: int  # the target's werkprocessen
    credited_werkprocessen: int  # of which already credited
    electives: Electives
    admission: Verdict = OPEN  # may this person start the target? (admission rules)

    @property
    def open(self) -> bool:
        return self.admission.open

    @property
    def hours_per_week(self) -> float:
        """The study hours a teaching week (BOL: the whole week; BBL: self-study)."""
        return self.time.study_hours

    @property
    def months(self) -> float:
        return months_between(self.start, self.completion_date)

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
    def exam_only(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.items if i.exam_only)

    @property
    def provisional(self) -> bool:
        """Shown as provisional when the target or any item rests on unverified facts."""
        return self.target.provisional or any(i.provisional for i in self.items)


def is_unit(item: PlannedItem) -> bool:
    return item.kind != UnitKind.GENERIC.value and item.code != ELECTIVE_BLOCK
