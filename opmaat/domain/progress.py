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

from opmaat.domain.catalog import Catalog, CodeKind, normalise_code
from opmaat.domain.credentials.errors import EntrustmentNotAllowed
from opmaat.domain.errors import InvalidInput, UnknownCode
from opmaat.domain.routes.holdings import credited_codes


class NotPerWerkproces(InvalidInput):
    """A result recorded against a code that takes none of its own (a unit, certificate,
    qualification or retired code, `kind`): results go per werkproces, `instead` names
    them."""

    code = "not_per_werkproces"

    def __init__(self, value: str, kind: str, instead: Sequence[str]) -> None:
        super().__init__(field="code", value=value, kind=kind, instead=tuple(instead))

    @property
    def message_key(self) -> str:
        return f"{self.code}.instead" if self.data["instead"] else self.code


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
# direct supervision at most until the werkprocessen they build on are complete.
RESERVED_CEILING = SupervisionLevel.DIRECT


class DateInFuture(InvalidInput):
    """A date after today for something that has already happened."""

    code = "date_in_future"

    def __init__(self, day: date, today: date) -> None:
        self.day = day
        super().__init__(day=day.isoformat(), today=today.isoformat())


def check_not_in_future(day: date, today: date) -> date:
    """Feedback, results and entrustments are recorded after they happened."""
    if day > today:
        raise DateInFuture(day, today)
    return day


def assessable_codes(catalog: Catalog) -> tuple[str, ...]:
    """Every code results can be recorded for (see `assessable_code`): the werkprocessen, then
    the units without werkprocessen (generic subjects such as NL-2F)."""
    whole = (u.code for u in catalog.units.values() if not u.outcomes and not u.refers)
    return (*catalog.outcome_unit, *whole)


def assessable_code(catalog: Catalog, code: str, suggest: Sequence[str] = ()) -> str:
    """The catalog's spelling of `code` when results can be recorded for it, else an error
    that says what to record instead.

    Rule (issue 12): results, feedback and supervision are recorded per werkproces, the grain
    of credit; a unit without werkprocessen (a generic subject such as NL-2F) takes a result
    of its own. A unit, certificate or retired code names the werkprocessen to record
    instead. An unknown code is compared with `suggest` (the target's werkprocessen) first.
    """
    canonical = normalise_code(code)
    kind = catalog.kind_of(canonical)
    if kind is None:
        raise UnknownCode.among(code.strip(), suggest or catalog.all_codes())
    if kind == CodeKind.OUTCOME:
        return canonical
    unit = catalog.units.get(canonical)
    if unit is not None and not unit.outcomes and not unit.refers:
        return canonical
    instead = () if kind == CodeKind.QUALIFICATION else werkprocessen_named(catalog, canonical)
    raise NotPerWerkproces(canonical, kind.value, instead)


@dataclass(frozen=True, slots=True)
class Activity:
    """A professional activity (task, EPA) linked to a unit (or a single werkproces)."""

    code: str
    title: str
    unit: str
    reserved: bool = False  # a reserved or risky act


def werkprocessen_named(catalog: Catalog, code: str) -> tuple[str, ...]:
    """The werkprocessen a code stands for: a unit's own (an exam unit's those it refers
    to), a werkproces itself, and for a retired code (an older dossier's unit or werkproces,
    an old certificate code) the werkprocessen it counts for through the equivalence
    table."""
    unit = catalog.units.get(code)
    if unit is not None:
        return tuple(o.code for o in unit.outcomes)
    if code in catalog.outcome_unit:
        return (code,)
    reached = credited_codes(catalog, [code])
    return tuple(sorted(c for c in reached if c in catalog.outcome_unit))


def requirements_of(catalog: Catalog, code: str) -> list[str]:
    """What a unit or werkproces requires directly: its own rules; a werkproces also those of
    the unit that defines it, a unit also those of its werkprocessen."""
    required = list(catalog.requires(code))
    if code in catalog.outcome_unit:
        required += catalog.requires(catalog.outcome_unit[code])
    elif code in catalog.units:
        required += [r for o in catalog.units[code].outcomes for r in catalog.requires(o.code)]
    return required


def prerequisites_of(catalog: Catalog, code: str) -> tuple[str, ...]:
    """Every unit or werkproces that must be complete before the activity's unit `code` may
    be done, transitively, nearest first (catalog prerequisites: reserved medical acts after
    basic care, which the catalog states per werkproces)."""
    found: list[str] = []
    pending = [
        *requirements_of(catalog, code),
        *(r for w in werkprocessen_named(catalog, code) for r in requirements_of(catalog, w)),
    ]
    while pending:
        required = pending.pop(0)
        if required not in found and required != code:
            found.append(required)
            pending.extend(requirements_of(catalog, required))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Ceiling:
    level: SupervisionLevel
    missing: tuple[str, ...]  # prerequisite werkprocessen or units not yet complete


def entrustment_ceiling(catalog: Catalog, activity: Activity, done: Collection[str]) -> Ceiling:
    """The highest level `activity` may be entrusted at, given the werkprocessen and units
    `done`.

    Rule (opmaat, after the catalog's prerequisites for reserved medical acts, Wet BIG):
    a reserved or risky activity stays at level 2 (direct supervision) at most while any
    werkproces or unit that its unit's werkprocessen require (catalog prerequisites,
    transitively) is not complete. Other activities may be entrusted at any level.
    """
    if not activity.reserved:
        return Ceiling(SupervisionLevel.SUPERVISES, ())
    required = prerequisites_of(catalog, activity.unit)
    missing = tuple(c for c in required if c not in done)
    return Ceiling(RESERVED_CEILING if missing else SupervisionLevel.SUPERVISES, missing)


def check_entrustment(
    catalog: Catalog,
    activity: Activity,
    level: SupervisionLevel,
    done: Collection[str],
) -> None:
    """Raise EntrustmentNotAllowed when `level` is above the activity's ceiling."""
    ceiling = entrustment_ceiling(catalog, activity, done)
    if level > ceiling.level:
        raise EntrustmentNotAllowed(activity.code, int(ceiling.level), ceiling.missing)


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
    done: Mapping[str, date | None],
    today: date,
) -> RouteProgress:
    """Planned against actual for a saved route's schedule.

    Rules:
    1. An item is complete when every werkproces it plans (`missing_outcomes`: only what was
       not credited when the route was planned) is done; an item without werkprocessen (a
       generic subject, a unit without werkprocessen, the keuzedelen) when its code is.
       `done` maps each done code to the date it was completed on (None when it was
       credited without a date); an item completes on the latest of its dates.
    2. An item still open after its planned end is late by (today − end); an item completed
       after its planned end by (completion − end).
    3. The route slips by the largest delay; items finished early do not pull the date
       forward, since the items after them are planned by hours, not by what was done
       early.
    """
    items = [item_progress(entry, done, today) for entry in schedule]
    slip = max((i.delay_days for i in items), default=0)
    return RouteProgress(tuple(items), planned_completion, planned_completion + timedelta(slip))


def item_progress(
    entry: Mapping[str, object], done: Mapping[str, date | None], today: date
) -> ItemProgress:
    code = str(entry["code"])
    start, end = date.fromisoformat(str(entry["start"])), date.fromisoformat(str(entry["end"]))
    parts = planned_werkprocessen(entry) or (code,)
    complete = all(p in done for p in parts)
    on = max((d for p in parts if (d := done.get(p)) is not None), default=None)
    finished = on if complete else None
    delay = max(((finished or end) - end).days if complete else (today - end).days, 0)
    title = str(entry.get("title") or code)
    return ItemProgress(code, title, start, end, finished, complete, delay)


def planned_werkprocessen(entry: Mapping[str, object]) -> tuple[str, ...]:
    """The werkprocessen a schedule item plans (none for generic subjects and keuzedelen)."""
    planned = entry.get("missing_outcomes")
    return tuple(str(c) for c in planned) if isinstance(planned, list | tuple) else ()
