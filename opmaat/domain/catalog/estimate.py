"""The documented rule that estimates the study load of each werkproces when no source
states it.

Qualification dossiers give no hours per kerntaak or werkproces; the law only gives the
frame. So, per qualification:

1. programme hours = nominal study years x 1,600 (WEB art. 7.2.7: a study year is 1,600
   hours of study load, in BOL and BBL alike); the nominal years are the upper bound of the
   legal range (WEB art. 7.2.4a), see `nominal_study_years`;
2. vocational hours = programme hours - the generic subjects' hours (for loopbaan en
   burgerschap, an obligation, its hours per study year times the nominal years) - the
   keuzedeel hours;
3. a werkproces of this qualification alone gets an equal share of the vocational hours;
4. a werkproces shared by several qualifications (the basisdeel of a dossier) gets the
   smallest of those qualifications' equal shares, and each qualification's own
   werkprocessen share what the shared ones leave, so every qualification's werkprocessen
   add up to its vocational hours and a full programme in the standard form lasts its
   nominal duration;
5. hours are rounded down to one decimal, so a programme's werkprocessen never add up to
   more than its vocational hours (and a full programme never spills past its last week).

The generic subjects' hours in `GENERIC_HOURS` are opmaat's own estimates: no public source
gives them, since schools fit the generic subjects into their programmes differently. Every
figure is stored with `hours_source: estimate` and its rule, and a school may override it
(`hours_source: school`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

STUDY_YEAR_HOURS = 1600  # WEB art. 7.2.7: a study year is 1,600 hours of study load

# The upper bound of the legal study duration per mbo level (WEB art. 7.2.4a).
NOMINAL_YEARS_BY_LEVEL: Mapping[int, int] = {1: 1, 2: 2, 3: 3, 4: 3}

# opmaat estimates without public source: the study load of each generic subject as a
# course over a whole programme. Overridable by a school.
GENERIC_HOURS: Mapping[str, float] = {
    "NL-2F": 160.0,
    "NL-3F": 240.0,
    "REK-1F": 80.0,
    "REK-2F": 120.0,
    "REK-3F": 160.0,
    "REK-2": 120.0,
    "REK-3": 160.0,
    "REK-4": 200.0,
    "EN-B1": 160.0,
}
# Loopbaan en burgerschap is an obligation (inspanningsverplichting) that runs alongside the
# whole programme: opmaat estimates one hour per school week, 40 hours a study year (one
# school's timetable gives burgerschap an hour a week).
OBLIGATION_HOURS_PER_YEAR: Mapping[str, float] = {"LB": 40.0}
# opmaat estimates: an exam and its preparation for someone who already masters the subject.
EXAM_HOURS: Mapping[str, float] = {
    "NL-2F": 12.0,
    "NL-3F": 12.0,
    "REK-1F": 4.0,
    "REK-2F": 6.0,
    "REK-3F": 6.0,
    "REK-2": 6.0,
    "REK-3": 6.0,
    "REK-4": 6.0,
    "EN-B1": 12.0,
    "LB": 8.0,
}

GENERIC_HOURS_RULE = (
    "opmaat estimate without public source: the study load of this generic subject as a "
    "course over a whole programme; as an exam only, the exam and its preparation; a school "
    "may override it"
)
OBLIGATION_HOURS_RULE = (
    "opmaat estimate: an obligation (inspanningsverplichting) of about an hour per school "
    "week, 40 hours per study year, for as long as the route runs; a school may override it"
)

HOURS_RULE = (
    "opmaat estimate per werkproces: programme hours = nominal years x 1,600 (WEB art. "
    "7.2.7); nominal years = upper bound of the legal range (WEB art. 7.2.4a: level 1: 1, "
    "level 2: 2, levels 3 and 4: 3; 4 for Mbo-Verpleegkundige; 1 for a "
    "specialistenopleiding); less the generic subjects' hours (opmaat estimates; loopbaan "
    "en burgerschap 40 hours a study year) and the keuzedeel hours; the rest is divided "
    "equally over the qualification's werkprocessen, a werkproces shared by several "
    "qualifications getting the smallest of their shares and each qualification's own "
    "werkprocessen sharing what is left; a unit's hours are the sum of its werkprocessen's"
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
    generic_units: Iterable[str],
    nominal_years: float = 0.0,
    table: Mapping[str, float] = GENERIC_HOURS,
    obligations: Mapping[str, float] = OBLIGATION_HOURS_PER_YEAR,
) -> float:
    """The generic subjects' hours of a whole programme: courses as in `table`, obligations
    per study year; unknown codes count as 0."""
    codes = [code.strip().upper() for code in generic_units]
    courses = sum(table.get(code, 0.0) for code in codes)
    return courses + nominal_years * sum(obligations.get(code, 0.0) for code in codes)


def vocational_hours(
    nominal_years: float,
    generic_units: Iterable[str],
    elective_hours: float,
    table: Mapping[str, float] = GENERIC_HOURS,
) -> float:
    """What the programme leaves for its werkprocessen (never below zero)."""
    generic = generic_hours(generic_units, nominal_years, table)
    return max(programme_hours(nominal_years) - generic - elective_hours, 0.0)


@dataclass(frozen=True, slots=True)
class Programme:
    """One qualification's vocational hours and its werkprocessen, for step 3-4."""

    vocational_hours: float
    werkprocessen: Sequence[str]


def werkproces_hours(programmes: Mapping[str, Programme]) -> dict[str, float]:
    """Steps 3-5 over every qualification at once: hours per werkproces."""
    sharing: dict[str, list[str]] = {}
    for crebo, programme in programmes.items():
        for code in dict.fromkeys(programme.werkprocessen):
            sharing.setdefault(code, []).append(crebo)
    equal = {
        crebo: p.vocational_hours / max(len(set(p.werkprocessen)), 1)
        for crebo, p in programmes.items()
    }
    hours = {
        code: min(equal[c] for c in crebos) for code, crebos in sharing.items() if len(crebos) > 1
    }
    for programme in programmes.values():
        own = [c for c in dict.fromkeys(programme.werkprocessen) if len(sharing[c]) == 1]
        shared = sum(hours[c] for c in set(programme.werkprocessen) if c in hours)
        left = max(programme.vocational_hours - shared, 0.0)
        hours.update({code: left / len(own) for code in own})
    return {code: math.floor(value * 10 + 1e-9) / 10 for code, value in hours.items()}


def elective_hours_by_duration(nominal_years: float) -> float:
    """Keuzedeel hours where no source states them: they scale with programme length
    (240 for one year as in entree, 480 for two years, 720 for three or more)."""
    if nominal_years <= 1:
        return 240.0
    return 480.0 if nominal_years <= 2 else 720.0
