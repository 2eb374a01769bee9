"""The JSON documents of `opmaat route --json` and `opmaat reach --json` (docs/cli.md).

JSON-ready: dates as ISO strings, hours as numbers rounded to one decimal. Fields are only
ever added, never renamed. The sentences (`explanation`, each `reason`) are the edges' to
word: opmaat.explanations fills them in from the facts beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from opmaat.domain.routes.explain import admission_facts, explanation_facts
from opmaat.domain.routes.reach import ReachOption
from opmaat.domain.routes.route import PlannedItem, Route
from opmaat.domain.routes.target import TargetInfo
from opmaat.domain.routes.time import StudyTime


def route_document(route: Route) -> dict[str, object]:
    """The document of `opmaat route --json`."""
    return {
        "target": {**target_document(route.target), **admission_facts(route.admission)},
        "start": route.start.isoformat(),
        "pathway": route.time.pathway.value,
        **time_document(route.time),
        "missing_units": [missing_unit(i) for i in route.missing_units],
        "partial_units": [partial_unit(i) for i in route.partial_units],
        "generic_missing": [generic_subject(i) for i in route.generic_missing],
        "elective_hours_missing": hours(route.elective_hours_missing),
        "elective_hours_required": hours(route.electives.applied),
        "schedule": [scheduled(i) for i in route.items],
        "covered_units": list(route.covered_units),
        "total_hours": hours(route.total_hours),
        "completion_date": route.completion_date.isoformat(),
        "months": route.months,
        "nominal_months": route.nominal_months,
        "explanation_facts": explanation_facts(route),
        "provisional": route.provisional,
    }


def time_document(time: StudyTime) -> dict[str, object]:
    """The person's week: `hours_per_week` is the study hours, as before pathways counted."""
    return {
        "hours_per_week": time.study_hours,
        "study_hours_per_week": time.study_hours,
        "work_hours_per_week": time.work_hours,
        "school_hours_per_week": time.school_hours,
        "study_load_per_year": hours(time.per_year()),
    }


def target_document(t: TargetInfo) -> dict[str, object]:
    return {
        "code": t.code,
        "name": t.name,
        "kind": t.kind,
        "level": t.level,
        "provisional": t.provisional,
        "superseded_by": list(t.superseded_by),
    }


def reach_document(
    options: Sequence[ReachOption], *, months: int, start: date, time: StudyTime
) -> dict[str, object]:
    """The document of `opmaat reach --json`: the question asked and the options."""
    return {
        "months": months,
        "start": start.isoformat(),
        "pathway": time.pathway.value,
        **time_document(time),
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
        "exam_only": item.exam_only,
        "obligation": item.obligation,
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
        "track": item.track.value,
        "exam_only": item.exam_only,
        "obligation": item.obligation,
        "missing_outcomes": list(item.missing_outcomes),
        "for_prerequisite": item.for_prerequisite,
    }


def reach_option(option: ReachOption) -> dict[str, object]:
    return {
        "code": option.code,
        "name": option.name,
        "kind": option.kind,
        "level": option.level,
        "total_hours": hours(option.total_hours),
        "completion_date": option.completion_date.isoformat(),
        "months": option.months,
        "provisional": option.provisional,
        **admission_facts(option.admission),
    }


def hours(value: float) -> float:
    """Hours as shown: one decimal, since werkproces hours are estimates anyway."""
    return round(value, 1)
