"""Progress on a route: assessments, supervision levels (entrustment) and slipping dates.

Supervision levels follow the CZO's levels for flexible training in hospitals, as the
seeds describe them (DOMAIN.md): 1 observes, 2 performs under direct supervision,
3 under indirect supervision with help on call, 4 independently, 5 supervises others.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum, StrEnum

from opmaat.domain.catalog import Catalog
from opmaat.domain.credentials.errors import EntrustmentNotAllowed


class SupervisionLevel(IntEnum):
    OBSERVES = 1
    DIRECT = 2  # performs under direct supervision
    INDIRECT = 3  # performs under indirect supervision, help on call
    INDEPENDENT = 4
    SUPERVISES = 5  # supervises others


class AssessmentMethod(StrEnum):
    PRACTICAL_TEST = "practical_test"  # praktijkexamen / proeve van bekwaamheid
    EXAM = "exam"
    EVC = "evc"  # judged by an EVC assessor


class AssessmentResult(StrEnum):
    MET = "met"
    NOT_MET = "not_met"


# Reserved or risky acts (voorbehouden en risicovolle handelingen, Wet BIG) are done under
# direct supervision at most until the units they build on are complete.
RESERVED_CEILING = SupervisionLevel.DIRECT


@dataclass(frozen=True, slots=True)
class Activity:
    """A professional activity (task, EPA) linked to a unit."""

    code: str
    title: str
    unit: str
    reserved: bool = False  # a reserved or risky act


def prerequisite_units(catalog: Catalog, unit: str) -> tuple[str, ...]:
    """Every unit that must be complete before `unit`, transitively, nearest first."""
    found: list[str] = []
    pending = list(catalog.requires(unit))
    while pending:
        code = pending.pop(0)
        if code not in found and code != unit:
            found.append(code)
            pending.extend(catalog.requires(code))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Ceiling:
    level: SupervisionLevel
    missing: tuple[str, ...]  # prerequisite units not yet complete


def entrustment_ceiling(
    catalog: Catalog, activity: Activity, complete_units: Collection[str]
) -> Ceiling:
    """The highest level `activity` may be entrusted at.

    Rule (opmaat, after the catalog's prerequisites for reserved medical acts, Wet BIG):
    a reserved or risky activity stays at level 2 (direct supervision) at most while any
    unit its own unit requires (catalog prerequisites, transitively) is not complete.
    Other activities may be entrusted at any level.
    """
    if not activity.reserved:
        return Ceiling(SupervisionLevel.SUPERVISES, ())
    required = prerequisite_units(catalog, activity.unit)
    missing = tuple(u for u in required if u not in complete_units)
    return Ceiling(RESERVED_CEILING if missing else SupervisionLevel.SUPERVISES, missing)


def check_entrustment(
    catalog: Catalog,
    activity: Activity,
    level: SupervisionLevel,
    complete_units: Collection[str],
) -> None:
    """Raise EntrustmentNotAllowed when `level` is above the activity's ceiling."""
    ceiling = entrustment_ceiling(catalog, activity, complete_units)
    if level > ceiling.level:
        raise EntrustmentNotAllowed(
            f"{activity.code} is a reserved or risky act: at most level {int(ceiling.level)} "
            f"until {', '.join(ceiling.missing)} is complete"
        )


@dataclass(frozen=True, slots=True)
class ItemProgress:
    """One planned item of a route against what happened."""

    code: str
    title: str
    planned_start: date
    planned_end: date
    completed_on: date | None
    complete: bool
    delay_days: int  # > 0 when late (still open after its end, or finished after it)


@dataclass(frozen=True, slots=True)
class RouteProgress:
    items: tuple[ItemProgress, ...]
    planned_completion: date
    expected_completion: date

    @property
    def slip_days(self) -> int:
        return (self.expected_completion - self.planned_completion).days

    @property
    def slipping(self) -> bool:
        return self.slip_days > 0


def route_progress(
    schedule: Sequence[Mapping[str, object]],
    planned_completion: date,
    completed: Mapping[str, date | None],
    today: date,
) -> RouteProgress:
    """Planned against actual for a saved route's schedule.

    Rule: an item still open after its planned end is late by (today − end); an item
    completed after its planned end by (completion − end). The route slips by the largest
    delay; items finished early do not pull the date forward, since the items after them
    are planned by hours, not by what was done early. `completed` maps each completed
    unit code to its completion date (None when it was credited without a date).
    """
    items = []
    for entry in schedule:
        code = str(entry["code"])
        start, end = date.fromisoformat(str(entry["start"])), date.fromisoformat(str(entry["end"]))
        done = code in completed
        on = completed.get(code)
        finished = on if done else None
        delay = max(((finished or end) - end).days if done else (today - end).days, 0)
        title = str(entry.get("title") or code)
        items.append(ItemProgress(code, title, start, end, on, done, delay))
    slip = max((i.delay_days for i in items), default=0)
    return RouteProgress(tuple(items), planned_completion, planned_completion + timedelta(slip))
