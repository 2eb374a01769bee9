"""How fast study load accrues: a person's week by pathway (leerweg).

The law measures a programme in study load: a study year is 1,600 hours, in BOL and BBL
alike (WEB art. 7.2.7). How those hours are made differs by pathway:

- BOL (school with internships) is full-time: lessons, internships and self-study fill a
  40-hour week in the 40 teaching weeks.
- BBL (working and learning): the hours at the training company count as study load (BPV),
  as do the school day and self-study. The norm for a year is at least 200 guided hours
  and 610 workplace hours of at least 850, the rest self-study: 200 + 610 + 40 + 750 = 1,600
  (WEB art. 7.2.7; Rijn IJssel's table). Contract hours count in every week that is not
  leave, the school day and self-study in teaching weeks. Whoever meets the norm makes at
  least the standard form's week (the law counts the rest of their year as self-study), so
  at least 1,600 hours a year.
- The derde leerweg (contract education) goes at the person's own pace: their study hours a
  teaching week, plus workplace hours where the programme has them.

A person states their contract hours and (optionally) study hours; `StudyTime` holds them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from opmaat.domain.leerweg import Leerweg
from opmaat.domain.routes.calendar import DEFAULT_CALENDAR, Calendar, Week
from opmaat.domain.routes.errors import HoursOutOfRange, NoHours, WeekTooLong, WorkHoursInBol

STUDY_YEAR_HOURS = 1600.0  # WEB art. 7.2.7
BBL_GUIDED_HOURS = 200.0  # WEB art. 7.2.7: at least 200 guided hours a year …
BBL_MIN_WORKPLACE_HOURS = 610.0  # … and 610 workplace hours …
BBL_WORKPLACE_HOURS = 650.0  # … of at least 850 (the standard form gives the 40 to divide here)
BBL_SELF_STUDY_HOURS = 750.0  # the rest of the 1,600
MAX_HOURS_PER_WEEK = 60.0  # any one kind of hours a week: study, work or school
MAX_WEEK_HOURS = 80.0  # all of them together


# What a person who states nothing else does in a week, per pathway: BOL full-time; BBL a
# 32-hour contract (the one contract a care BBL OER states: Talland's Mbo-Verpleegkundige
# BBL) and 8 hours of self-study (MBO Utrecht's shortened BBL routes: "circa 8 uur per
# week"); the derde leerweg 20 hours of its own pace. Whoever knows their hours states them.
DEFAULT_STUDY_HOURS = {Leerweg.BOL: 40.0, Leerweg.BBL: 8.0, Leerweg.DERDE: 20.0}
DEFAULT_WORK_HOURS = {Leerweg.BOL: 0.0, Leerweg.BBL: 32.0, Leerweg.DERDE: 0.0}
# One school day a week of six lesson hours (MBO Utrecht's BBL OER for PB-MZ: "één
# schooldag van 6 lesuren"); 240 guided hours in 40 weeks, above the legal 200.
BBL_SCHOOL_DAY_HOURS = 6.0


@dataclass(frozen=True, slots=True)
class StudyTime:
    pathway: Leerweg
    study_hours: float  # a teaching week: BOL the whole week, BBL self-study, derde own pace
    work_hours: float = 0.0  # a working week: BBL contract hours at the training company
    school_hours: float = 0.0  # a teaching week: the BBL school day (guided hours)
    calendar: Calendar = field(default=DEFAULT_CALENDAR)

    def week(self, week: Week) -> tuple[float, float]:
        """(workplace hours, school and self-study hours) in `week`. A BBL learner who meets
        the norm advances at least at the standard form's pace in every week: the law
        counts the rest of their year as self-study, done on the vocational part. A floor
        per week rather than a share of the year, so that more hours of any kind never
        give a week fewer hours."""
        share = week.days / 5
        work = self.work_hours if week.work else 0.0
        study = self.school_and_study_hours if week.school else 0.0
        top_up = max(self.norm_floor(week.school, week.work) - work - study, 0.0)
        return (work + top_up) * share, study * share

    def own_hours_per_year(self) -> float:
        """The person's own hours a year: workplace hours in working weeks, the rest in
        teaching weeks."""
        return (
            self.work_hours * self.calendar.work_weeks_per_year()
            + self.school_and_study_hours * self.calendar.school_weeks_per_year()
        )

    def per_year(self) -> float:
        """Study load a year: the person's own hours, topped up to the standard form's week
        for a BBL learner who meets the norm (so at least 1,600)."""
        return sum(
            max(
                (self.work_hours if work else 0.0)
                + (self.school_and_study_hours if school else 0.0),
                self.norm_floor(school, work),
            )
            for school, work in self.calendar.year_weeks()
        )

    def meets_bbl_norm(self) -> bool:
        """At least 610 workplace and 200 guided hours a year (WEB art. 7.2.7)."""
        return (
            self.work_hours * self.calendar.work_weeks_per_year() >= BBL_MIN_WORKPLACE_HOURS
            and self.school_hours * self.calendar.school_weeks_per_year() >= BBL_GUIDED_HOURS
        )

    def norm_top_up(self) -> float:
        """The hours a year the BBL norm adds to the person's own (0 when it adds none)."""
        return self.per_year() - self.own_hours_per_year()

    def norm_floor(self, school: bool, work: bool) -> float:
        """The hours a BBL learner who meets the norm makes at least in a week of this kind:
        the standard form's week; 0 for everyone else."""
        if self.pathway != Leerweg.BBL or not self.meets_bbl_norm():
            return 0.0
        calendar = self.calendar
        workplace = BBL_WORKPLACE_HOURS / calendar.work_weeks_per_year() if work else 0.0
        guided_and_self_study = BBL_GUIDED_HOURS + BBL_SELF_STUDY_HOURS
        school_week = guided_and_self_study / calendar.school_weeks_per_year() if school else 0.0
        return workplace + school_week

    @property
    def school_and_study_hours(self) -> float:
        return self.school_hours + self.study_hours


def study_time(
    pathway: Leerweg,
    study_hours: float | None = None,
    work_hours: float | None = None,
    calendar: Calendar = DEFAULT_CALENDAR,
    school_hours: float | None = None,
) -> StudyTime:
    """A person's week on `pathway`, with the pathway's defaults for what they leave out,
    or InvalidInput when it cannot be a week. `school_hours` is a BBL school's guided
    hours a teaching week (default: one school day)."""
    study = DEFAULT_STUDY_HOURS[pathway] if study_hours is None else study_hours
    work = DEFAULT_WORK_HOURS[pathway] if work_hours is None else work_hours
    school = 0.0
    if pathway == Leerweg.BBL:
        school = BBL_SCHOOL_DAY_HOURS if school_hours is None else school_hours
    return check_time(StudyTime(pathway, study, work, school, calendar))


def check_time(time: StudyTime) -> StudyTime:
    hours = (("study", time.study_hours), ("work", time.work_hours), ("school", time.school_hours))
    for name, value in hours:
        if not math.isfinite(value) or value < 0:
            raise HoursOutOfRange(f"{name}_hours", value)
        if value > MAX_HOURS_PER_WEEK:
            raise HoursOutOfRange(f"{name}_hours", value, MAX_HOURS_PER_WEEK)
    if time.pathway == Leerweg.BOL and time.work_hours > 0:
        raise WorkHoursInBol()
    week = time.work_hours + time.school_hours + time.study_hours
    if week > MAX_WEEK_HOURS:
        raise WeekTooLong(week, MAX_WEEK_HOURS)
    if time.own_hours_per_year() <= 0:
        raise NoHours()
    return time


def standard_time(pathway: Leerweg, calendar: Calendar = DEFAULT_CALENDAR) -> StudyTime:
    """The standard form of a pathway, in which a full programme lasts its nominal years:
    1,600 hours a year, BBL made up as the law's norm (200 guided, 650 workplace and 750
    self-study hours)."""
    school_weeks = calendar.school_weeks_per_year()
    if pathway != Leerweg.BBL:
        return StudyTime(pathway, STUDY_YEAR_HOURS / school_weeks, calendar=calendar)
    return StudyTime(
        pathway,
        study_hours=BBL_SELF_STUDY_HOURS / school_weeks,
        work_hours=BBL_WORKPLACE_HOURS / calendar.work_weeks_per_year(),
        school_hours=BBL_GUIDED_HOURS / school_weeks,
        calendar=calendar,
    )
