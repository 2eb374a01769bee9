"""The JSON documents of `opmaat route --json` and `opmaat reach --json` (docs/cli.md).

JSON-ready: dates as ISO strings, hours as numbers rounded to one decimal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from opmaat.domain.routes.reach import ReachOption
from opmaat.domain.routes.route import PlannedItem, Route
from opmaat.domain.routes.target import TargetInfo


def route_document(route: Route) -> dict[str, object]:
    """The document of `opmaat route --json`."""
    return {
        "target": target_document(route.target),
        "start": route.start.isoformat(),
        "hours_per_week": route.hours_per_week,
        "missing_units": [missing_unit(i) for i in route.missing_units],
        "partial_units": [partial_unit(i) for i in route.partial_units],
        "generic_missing": [generic_subject(i) for i in route.generic_missing],
        "elective_hours_missing": hours(route.elective_hours_missing),
        "schedule": [scheduled(i) for i in route.items],
        "covered_units": list(route.covered_units),
        "total_hours": hours(route.total_hours),
        "completion_date": route.completion_date.isoformat(),
        "provisional": route.provisional,
    }


def target_document(t: TargetInfo) -> dict[str, object]:
    return {
        "code": t.code,
        "name": t.name,
        "kind": t.kind,
        "level": t.level,
        "provisional": t.provisional,
    }


def reach_document(
    options: Sequence[ReachOption], *, months: int, start: date, hours_per_week: float
) -> dict[str, object]:
    """The document of `opmaat reach --json`: the question asked and the options."""
    return {
        "months": months,
        "start": start.isoformat(),
        "hours_per_week": hours_per_week,
        "options": [reach_option(o) for o in options],
    }


def missing_unit(item: PlannedItem) -> dict[str, object]:
    return {
        "code": item.code,
        "title": item.title,
        "kind": item.kind,
        "level": item.level,
        "hours": hours(item.hours),
        "start": item.start.isoformat(),
        "end": item.end.isoformat(),
        "provisional": item.provisional,
        "for_prerequisite": item.for_prerequisite,
    }


def partial_unit(item: PlannedItem) -> dict[str, object]:
    """A missing unit's fields, plus what of the unit is already covered."""
    return {
        **missing_unit(item),
        "full_hours": hours(item.full_hours),
        "missing_outcomes": list(item.missing_outcomes),
    }


def generic_subject(item: PlannedItem) -> dict[str, object]:
    return {
        "code": item.code,
        "title": item.title,
        "hours": hours(item.hours),
        "start": item.start.isoformat(),
        "end": item.end.isoformat(),
    }


def scheduled(item: PlannedItem) -> dict[str, object]:
    return {
        "code": item.code,
        "title": item.title,
        "kind": item.kind,
        "hours": hours(item.hours),
        "partial": item.partial,
        "start": item.start.isoformat(),
        "end": item.end.isoformat(),
    }


def reach_option(option: ReachOption) -> dict[str, object]:
    return {
        "code": option.code,
        "name": option.name,
        "kind": option.kind,
        "level": option.level,
        "total_hours": hours(option.total_hours),
        "completion_date": option.completion_date.isoformat(),
        "provisional": option.provisional,
    }


def hours(value: float) -> float:
    """Hours as shown: one decimal, since unit hours are estimates anyway."""
    return round(value, 1)
