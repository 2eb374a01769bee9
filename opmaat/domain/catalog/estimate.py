"""The documented rule that estimates a unit's study load when no source states it.

Qualification dossiers give no hours per kerntaak; the law gives the frame. So:

1. programme hours = nominal study years x 1,600 (WEB art. 7.2.7: a study year is at least
   1,600 hours);
2. vocational hours = programme hours - the generic subjects' hours - the elective hours;
3. each kerntaak gets the vocational hours in proportion to its number of werkprocessen;
4. a basisdeel unit shared by several qualifications gets the mean of their estimates,
   rounded to 10 hours.

The estimates are stored with `hours_source: estimate` and this rule, and a school can
override them (`hours_source: school`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

STUDY_YEAR_HOURS = 1600  # WEB art. 7.2.7

# opmaat's own estimates of the study load of the generic subjects. No public source gives
# hours for them (schools integrate them differently); a school overrides these.
GENERIC_HOURS: Mapping[str, float] = {
    "NL-2F": 160,
    "NL-3F": 240,
    "REK-2F": 120,
    "REK-3F": 160,
    "EN-B1": 160,
    "LB": 200,
}

HOURS_RULE = (
    "opmaat estimate: nominal years x 1,600 h (WEB 7.2.7), less generic subjects and "
    "elective hours, divided over the kerntaken by their number of werkprocessen; a "
    "shared basisdeel unit takes the mean over its qualifications, rounded to 10 h"
)


def programme_hours(nominal_years: float) -> float:
    return nominal_years * STUDY_YEAR_HOURS


def vocational_hours(
    nominal_years: float, generic_units: Iterable[str], elective_hours: float
) -> float:
    """What is left of the programme for the vocational units (never below zero)."""
    generic = sum(GENERIC_HOURS.get(code, 0.0) for code in generic_units)
    return max(programme_hours(nominal_years) - generic - elective_hours, 0.0)


def split_by_outcomes(hours: float, outcome_counts: Mapping[str, int]) -> dict[str, float]:
    """`hours` divided over units in proportion to their number of outcomes (a unit
    without outcomes counts as one)."""
    weights = {code: max(count, 1) for code, count in outcome_counts.items()}
    total = sum(weights.values())
    return {code: hours * weight / total for code, weight in weights.items()}


def shared_unit_hours(estimates: Sequence[float]) -> float:
    """One figure for a unit shared by several qualifications: their mean, to 10 hours."""
    return round(sum(estimates) / len(estimates), -1)


def elective_hours_by_duration(nominal_years: float) -> float:
    """Keuzedeel hours where no source gives them: they scale with programme length
    (240 for one year, 480 for two, 720 for three or more)."""
    if nominal_years <= 1:
        return 240.0
    return 480.0 if nominal_years <= 2 else 720.0
