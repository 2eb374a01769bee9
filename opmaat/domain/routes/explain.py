"""Why a route takes as long as it does, in Dutch sentences a learner can check.

`explanation_facts` gives the same as data, for pages that word it in another language.
"""

from __future__ import annotations

from opmaat.domain.leerweg import Leerweg
from opmaat.domain.routes.route import Route
from opmaat.domain.routes.time import STUDY_YEAR_HOURS, StudyTime

PATHWAY_NAMES = {
    Leerweg.BOL: "BOL",
    Leerweg.BBL: "BBL",
    Leerweg.DERDE: "de derde leerweg",
}


def explanation(route: Route) -> list[str]:
    """The route's duration against the nominal one, and what makes the difference."""
    facts = explanation_facts(route)
    sentences = [duration_sentence(route)]
    if route.werkprocessen and route.credited_werkprocessen:
        sentences.append(
            f"{route.credited_werkprocessen} van de {route.werkprocessen} werkprocessen zijn "
            "al erkend (behaald, vrijgesteld of via een certificaat of eerder diploma)."
        )
    elif route.werkprocessen:
        sentences.append(f"Nog geen van de {route.werkprocessen} werkprocessen is erkend.")
    sentences.append(week_sentence(route))
    if route.exam_only:
        sentences.append(f"Alleen examen (geen lessen): {', '.join(route.exam_only)}.")
    if route.electives.reduction_counts:
        rule = f" ({route.electives.rule})" if route.electives.rule else ""
        sentences.append(
            f"Keuzedelen: {number(route.electives.applied)} uur in plaats van "
            f"{number(route.electives.required)}, omdat de route verkort is{rule}."
        )
    if facts["superseded_by"]:
        sentences.append(
            "Deze kwalificatie is vervangen door "
            f"{', '.join(route.target.superseded_by)}: kies die voor een nieuwe opleiding."
        )
    if not route.open:
        sentences.append(route.reason)
    return sentences


def duration_sentence(route: Route) -> str:
    nominal = route.nominal_months
    if not route.items:
        return "Er is niets meer nodig: alles is al behaald of vrijgesteld."
    return (
        f"Deze route duurt {decimal(route.months)} maanden; nominaal duurt "
        f"{route.target.name} {decimal(nominal)} maanden."
    )


def week_sentence(route: Route) -> str:
    time = route.time
    per_year = number(time.per_year())
    norm = number(STUDY_YEAR_HOURS)
    if time.pathway == Leerweg.BBL:
        week = (
            f"BBL met {decimal(time.work_hours)} uur werk, {decimal(time.school_hours)} uur "
            f"school en {decimal(time.study_hours)} uur zelfstudie per week"
        )
    elif time.pathway == Leerweg.BOL:
        week = f"BOL met {decimal(time.study_hours)} studie-uren per lesweek"
    else:
        week = f"De derde leerweg met {decimal(time.study_hours)} studie-uren per lesweek"
        if time.work_hours:
            week += f" en {decimal(time.work_hours)} uur leren op het werk"
    weeks = time.calendar.school_weeks_per_year()
    return (
        f"{week}: {per_year} uur studielast per jaar (de norm is {norm}), "
        f"met {weeks} lesweken per jaar{bbl_norm_clause(time)}."
    )


def bbl_norm_clause(time: StudyTime) -> str:
    """What the BBL norm (WEB art. 7.2.7) does to this week, if anything."""
    if time.pathway != Leerweg.BBL:
        return ""
    if not time.meets_bbl_norm():
        return (
            "; dit is minder dan de BBL-norm van minstens 610 uur op de werkplek en 200 uur "
            "begeleide onderwijstijd per jaar"
        )
    if time.norm_top_up() > 0:
        return (
            "; wie aan de BBL-norm voldoet, studeert elke week minstens in het tempo van een "
            "studiejaar van 1.600 uur"
        )
    return ""


def explanation_facts(route: Route) -> dict[str, object]:
    """The figures behind `explanation`, JSON-ready."""
    time = route.time
    return {
        "months": route.months,
        "nominal_months": route.nominal_months,
        "werkprocessen": route.werkprocessen,
        "credited_werkprocessen": route.credited_werkprocessen,
        "pathway": time.pathway.value,
        "work_hours_per_week": time.work_hours,
        "school_hours_per_week": time.school_hours,
        "study_hours_per_week": time.study_hours,
        "study_load_per_year": round(time.per_year(), 1),
        "meets_bbl_norm": time.pathway != Leerweg.BBL or time.meets_bbl_norm(),
        "teaching_weeks_per_year": time.calendar.school_weeks_per_year(),
        "exam_only": list(route.exam_only),
        "elective_hours_required": route.electives.required,
        "elective_hours_applied": route.electives.applied,
        "elective_rule": route.electives.rule if route.electives.reduction_counts else "",
        "superseded_by": list(route.target.superseded_by),
        "open": route.open,
        "reason": route.reason,
    }


def number(value: float) -> str:
    """Whole hours with a Dutch thousands separator: 1.952."""
    return f"{value:,.0f}".replace(",", ".")


def decimal(value: float) -> str:
    """One decimal with a Dutch comma, none when whole: 26,3 and 32."""
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}".replace(".", ",")
