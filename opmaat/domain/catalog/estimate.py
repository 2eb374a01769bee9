"""The documented rule that estimates a unit's study load when no source states it.

Qualification dossiers give no hours per kerntaak; the law only gives the frame. So:

1. programme hours = nominal study years x 1,600 (WEB art. 7.2.7: a study year is at least
   1,600 hours); the nominal years are the upper bound of the legal range (WEB art. 7.2.4a),
   see `nominal_study_years`;
2. vocational hours = programme hours - the generic subjects' hours - the elective
   (keuzedeel) hours;
3. each kerntaak (unit) of the qualification gets the vocational hours in proportion to its
   number of werkprocessen;
4. a basisdeel unit shared by several qualifications gets the mean of the per-qualification
   estimates; every unit estimate is rounded to 10 hours.

The generic subjects' hours in `GENERIC_HOURS` are opmaat's own estimates: no public source
gives them, since schools fit the generic subjects into their programmes differently. Every
figure is stored with `hours_source: estimate` and `HOURS_RULE`, and a school may override it
(`hours_source: school`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

STUDY_YEAR_HOURS = 1600  # WEB art. 7.2.7: a study year is at least 1,600 hours
ROUND_TO = 10

# The upper bound of the legal study duration per mbo level (WEB art. 7.2.4a).
NOMINAL_YEARS_BY_LEVEL: Mapping[int, int] = {1: 1, 2: 2, 3: 3, 4: 3}

# opmaat estimates without public source: the study load of each generic subject over a whole
# programme. Overridable by a school.
GENERIC_HOURS: Mapping[str, float] = {
    "NL-2F": 160.0,
    "NL-3F": 240.0,
    "REK-2F": 120.0,
    "REK-3F": 160.0,
    "EN-B1": 160.0,
    "LB": 200.0,
}

GENERIC_HOURS_RULE = (
    "opmaat estimate without public source: the study load of this generic subject over a "
    "whole programme; a school may override it"
)

HOURS_RULE = (
    "opmaat estimate: programme hours = nominal years x 1,600 (WEB art. 7.2.7); nominal years "
    "= upper bound of the legal range (WEB art. 7.2.4a: level 1: 1, level 2: 2, levels 3 and "
    "4: 3; 4 for Mbo-Verpleegkundige, whose 4-year programmes the sources report; 1 for a "
    "specialistenopleiding); less the generic subjects' hours (opmaat estimates) and the "
    "keuzedeel hours; the rest is divided over the qualification's kerntaken in proportion to "
    "their number of werkprocessen; a basisdeel unit shared by several qualifications gets "
    "the mean of the per-qualification estimates; rounded to 10 hours"
)


def nominal_study_years(
    level: int, crebo: str = "", exceptions: Mapping[str, int] | None = None
) -> int:
    """Nominal study years of a qualification: the upper bound of its level's legal range,
    unless `exceptions` names its crebo (a 4-year Mbo-Verpleegkundige, a 1-year
    specialistenopleiding)."""
    if exceptions and crebo in exceptions:
        return exceptions[crebo]
    if level not in NOMINAL_YEARS_BY_LEVEL:
        raise ValueError(f"no nominal study duration for mbo level {level}")
    return NOMINAL_YEARS_BY_LEVEL[level]


def programme_hours(nominal_years: float) -> float:
    """The whole programme's study load: 1,600 hours per nominal study year."""
    if nominal_years <= 0:
        raise ValueError(f"nominal years must be positive, got {nominal_years}")
    return nominal_years * STUDY_YEAR_HOURS


def generic_hours(
    generic_units: Iterable[str], table: Mapping[str, float] = GENERIC_HOURS
) -> float:
    """The generic subjects' hours of a qualification (unknown codes count as 0)."""
    return sum(table.get(code.strip().upper(), 0.0) for code in generic_units)


def vocational_hours(
    nominal_years: float,
    generic_units: Iterable[str],
    elective_hours: float,
    table: Mapping[str, float] = GENERIC_HOURS,
) -> float:
    """What the programme leaves for its vocational units (never below zero)."""
    left = programme_hours(nominal_years) - generic_hours(generic_units, table) - elective_hours
    return max(left, 0.0)


def split_by_werkprocessen(hours: float, werkprocessen: Mapping[str, int]) -> dict[str, float]:
    """`hours` divided over units in proportion to their number of werkprocessen (a unit
    without werkprocessen counts as one)."""
    weights = {code: max(count, 1) for code, count in werkprocessen.items()}
    total = sum(weights.values())
    return {code: hours * weight / total for code, weight in weights.items()}


def round_hours(hours: float) -> float:
    """Hours rounded to 10, halves up (deterministic, unlike banker's rounding)."""
    return float(math.floor(hours / ROUND_TO + 0.5) * ROUND_TO)


def shared_unit_hours(estimates: Sequence[float]) -> float:
    """One figure for a unit from its per-qualification estimates: their mean, to 10 hours."""
    if not estimates:
        raise ValueError("a unit needs at least one estimate")
    return round_hours(sum(estimates) / len(estimates))


def estimate_unit_hours(
    nominal_years: float,
    generic_units: Iterable[str],
    elective_hours: float,
    werkprocessen: Mapping[str, int],
    table: Mapping[str, float] = GENERIC_HOURS,
) -> dict[str, float]:
    """Steps 1-3 for one qualification: each of its units' share of the vocational hours
    (not yet rounded, so shared units can be averaged first)."""
    vocational = vocational_hours(nominal_years, generic_units, elective_hours, table)
    return split_by_werkprocessen(vocational, werkprocessen)


def elective_hours_by_duration(nominal_years: float) -> float:
    """Keuzedeel hours where no source states them: they scale with programme length
    (240 for one year as in entree, 480 for two years, 720 for three or more)."""
    if nominal_years <= 1:
        return 240.0
    return 480.0 if nominal_years <= 2 else 720.0
