"""Why a route takes as long as it does, as facts: the figures a learner can check against
the nominal duration, JSON-ready. The sentences are worded at the edges
(opmaat.explanations), in the reader's language."""

from __future__ import annotations

from opmaat.domain.leerweg import Leerweg
from opmaat.domain.routes.admission import Verdict
from opmaat.domain.routes.route import Route
from opmaat.domain.routes.time import STUDY_YEAR_HOURS, StudyTime


def explanation_facts(route: Route) -> dict[str, object]:
    """The route's duration against the nominal one, and what makes the difference."""
    return {
        "nothing_left": not route.items,
        "months": route.months,
        "nominal_months": route.nominal_months,
        "werkprocessen": route.werkprocessen,
        "credited_werkprocessen": route.credited_werkprocessen,
        **week_facts(route.time),
        "exam_only": list(route.exam_only),
        "elective_hours_required": route.electives.required,
        "elective_hours_applied": route.electives.applied,
        "elective_rule": route.electives.rule if route.electives.reduction_counts else "",
        "electives_reduced": route.electives.reduction_counts,
        "superseded_by": list(route.target.superseded_by),
        **admission_facts(route.admission),
    }


def week_facts(time: StudyTime) -> dict[str, object]:
    """The person's week and what it gives a year, against the norm of a study year."""
    bbl = time.pathway == Leerweg.BBL
    return {
        "pathway": time.pathway.value,
        "work_hours_per_week": time.work_hours,
        "school_hours_per_week": time.school_hours,
        "study_hours_per_week": time.study_hours,
        "study_load_per_year": round(time.per_year(), 1),
        "study_year_hours": STUDY_YEAR_HOURS,
        "meets_bbl_norm": not bbl or time.meets_bbl_norm(),
        # WEB art. 7.2.7: whoever meets the BBL norm studies at least at the norm's pace.
        "bbl_norm_top_up": bbl and time.meets_bbl_norm() and time.norm_top_up() > 0,
        "teaching_weeks_per_year": time.calendar.school_weeks_per_year(),
    }


def admission_facts(verdict: Verdict) -> dict[str, object]:
    """Whether the target is open, and when not the rule and the diploma it names."""
    return {
        "open": verdict.open,
        "admission_rule": verdict.rule.value if verdict.rule else "",
        "admission_held": verdict.held,
    }
